// Shared by the sync server's tests: an in-process server with a fake clock, HTTP helpers, and
// the shipped `msp-server` binary run as a process the way an admin runs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type TokenPair } from '../../src-shared/sync-api.js';
import type { Clock } from '../../sync-server/clock.js';
import { openDatabase, type Database } from '../../sync-server/db/connection.js';
import { migrateDatabase } from '../../sync-server/db/migrate.js';
import type { LimitTable } from '../../sync-server/http/rate-limit.js';
import type { RouteSpec } from '../../sync-server/http/route.js';
import { generateKeys, keyringOf, type Keyring } from '../../sync-server/keys.js';
import { createSyncServer, type SyncServer } from '../../sync-server/server.js';
import type { Services } from '../../sync-server/services.js';
import { repoRoot } from '../helpers/processes.js';

export const serverBin = path.join(repoRoot, 'bin', 'msp-server.cjs');
export const PASSWORD = 'correct horse battery staple';

export class FakeClock implements Clock {
  constructor(public ms = Date.UTC(2026, 4, 1, 9, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function testKeyring(clock: Clock): Keyring {
  return keyringOf(generateKeys(clock), 'test', { kind: 'inline' });
}

export interface InProcessServer {
  base: string;
  server: SyncServer;
  services: Services;
  database: Database;
  clock: FakeClock;
  keyring: Keyring;
  close(): Promise<void>;
}

export interface InProcessOptions {
  clock?: FakeClock;
  keyring?: Keyring;
  limits?: Partial<LimitTable>;
  revocationCacheMs?: number;
  bodyLimitBytes?: number;
  extraRoutes?: (services: Services) => RouteSpec[];
}

/** Limits high enough that a test about something else never meets them. */
export const GENEROUS_LIMITS: Partial<LimitTable> = {
  default: { requests: 1_000_000, windowMs: 60_000 },
  credentials: { requests: 1_000_000, windowMs: 60_000 },
  anonymous: { requests: 1_000_000, windowMs: 60_000 },
  loginAttempts: { requests: 1_000_000, windowMs: 60_000 },
  loginFailures: { requests: 1_000_000, windowMs: 60_000 },
};

export async function startInProcess(url: string, options: InProcessOptions = {}): Promise<InProcessServer> {
  const clock = options.clock ?? new FakeClock();
  const keyring = options.keyring ?? testKeyring(clock);
  const database = await openDatabase(url);
  await migrateDatabase(database);
  const server = createSyncServer({
    database, keyring, clock,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    logLevel: 'silent',
    revocationCacheMs: options.revocationCacheMs ?? 0,
    limits: options.limits ?? GENEROUS_LIMITS,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  const base = await server.listen('127.0.0.1', 0);
  return {
    base, server, services: server.services, database, clock, keyring,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body string sent as-is (fuzzing). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** false: leave the protocol header out. */
  protocol?: boolean;
}

export async function call<T = Record<string, unknown>>(base: string, method: string, route: string, options: CallOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(options.protocol === false ? {} : { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }) };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${route}`, { method, headers: { ...headers, ...options.headers }, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? {} : JSON.parse(text)) as T };
}

export const fingerprintOf = (seed: string) => seed.repeat(64).slice(0, 64).replace(/[^0-9a-f]/g, 'a');

export function loginBody(user: string, password = PASSWORD, fingerprint = fingerprintOf('a')) {
  return { user, password, machine: { fingerprint, hostname: `host-${fingerprint.slice(0, 4)}`, platform: 'linux' } };
}

export async function login(base: string, user: string, options: { password?: string; fingerprint?: string } = {}): Promise<TokenPair> {
  const reply = await call<TokenPair>(base, 'POST', '/v1/auth/login', { body: loginBody(user, options.password, options.fingerprint) });
  if (reply.status !== 200) throw new Error(`login of ${user} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runServerCli(args: string[], env: NodeJS.ProcessEnv, input?: string): CliRun {
  const result = spawnSync(process.execPath, [serverBin, ...args], { env: { ...process.env, ...env }, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `msp-server` and resolves when it prints its ready line. */
export function spawnServer(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [serverBin], { env: { ...process.env, MSP_SERVER_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => { done(code); }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`msp-server not ready after ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on (https?:\/\/[^\s:]+:(\d+))/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve({
          child, url: match[1], port: Number(match[2]), output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`msp-server exited (${code}) before ready: ${output}`));
    });
  });
}
