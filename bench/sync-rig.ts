// The sync benchmark's world: the real msp-server process on a fresh MariaDB database, a user,
// and technician machines with their own HOME and MSP_HOME that log in with the real `msp login`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src-shared/sync-api.js';
import { systemClock } from '../src-main/core/clock.js';
import { uuidv7Source } from '../src-main/core/ids.js';
import { dataFiles, type DataFiles } from '../src-main/store/paths.js';
import { Store } from '../src-main/store/store.js';
import { createTestDatabase, type TestDatabase } from '../test/helpers/mariadb.js';
import { readLogin, writeLogin } from '../src-main/sync/auth.js';
import { mspBin, repoRoot } from '../test/helpers/processes.js';
import { PASSWORD, runServerCli, spawnServer, type ServerProcess } from '../test/server/helpers.js';

export interface TimedRun { status: number; stdout: string; stderr: string; ms: number }

export interface BenchMachine {
  files: DataFiles;
  /** `msp ARGS` as its own process, timed from spawn to exit (wall time). */
  msp(args: string[], input?: string): Promise<TimedRun>;
  /** This machine's store, opened in this process (as the agent opens it). */
  openStore(): Store;
  /**
   * Makes this machine's pushes above 16 KB (which the agent gzips) reach the server: directly
   * when the server decodes gzip bodies, else through bench/gunzip-proxy.mjs. Says which.
   */
  routeGzip(): Promise<'direct' | 'proxy'>;
}

export interface SyncRig {
  server: ServerProcess;
  database: TestDatabase;
  /** A fresh empty database with the server's tables (for raw mysql2 baselines), dropped by close(). */
  emptyTwin(): Promise<TestDatabase>;
  /** A new machine, logged in as the benchmark user. */
  machine(name: string): Promise<BenchMachine>;
  close(): Promise<void>;
}

const USER = 'bench';
/** msp-server's default MSP_SERVER_BODY_LIMIT (sync-server/config.ts). */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
/** What the benchmark's server accepts: a full batch of captured commands can exceed the default (the benchmark says when). */
export const BENCH_BODY_LIMIT = 64 * 1024 * 1024;

/** Whether the server decodes a gzipped request body (as the agent sends pushes above 16 KB). */
function serverTakesGzip(serverUrl: string, accessToken: string): Promise<boolean> {
  const body = gzipSync(JSON.stringify({ vector: {} }));
  return new Promise((resolve, reject) => {
    const request = http.request(new URL('/v1/sync/pull', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) },
    }, (response) => {
      response.resume();
      response.on('end', () => { resolve(response.statusCode === 200); });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function startGunzipProxy(targetPort: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bench', 'gunzip-proxy.mjs'), String(targetPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => { reject(new Error(`gunzip proxy exited ${code}`)); });
    child.stdout.once('data', (chunk: Buffer) => { resolve({ url: `http://127.0.0.1:${chunk.toString().trim()}`, child }); });
  });
}

function timedMsp(env: NodeJS.ProcessEnv, args: string[], input?: string): Promise<TimedRun> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [mspBin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => { resolve({ status: code ?? -1, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 }); });
  });
}

/**
 * Starts the server on a new database. MSP_BENCH_CPU_PROF=DIR profiles the server and each `msp`
 * the benchmark spawns (bench/cpu-profile.mjs), writing .cpuprofile files into DIR.
 */
export async function startSyncRig(): Promise<SyncRig> {
  const profileDir = process.env.MSP_BENCH_CPU_PROF;
  const profiling = profileDir ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(repoRoot, 'bench', 'cpu-profile.mjs')).href}`.trim() } : {};
  const database = await createTestDatabase();
  const root = mkdtempSync(path.join(os.tmpdir(), 'msp-bench-sync-'));
  const twins: TestDatabase[] = [];
  let proxy: Promise<{ url: string; child: ChildProcess }> | undefined;
  try {
    const serverEnv = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: path.join(root, 'server'), MSP_SERVER_LOG_LEVEL: 'error', MSP_SERVER_BODY_LIMIT: String(BENCH_BODY_LIMIT) };
    const added = runServerCli(['user', 'add', USER, '--password-stdin'], serverEnv, `${PASSWORD}\n`);
    if (added.status !== 0) throw new Error(`msp-server user add failed: ${added.stderr}`);
    const server = await spawnServer({ ...serverEnv, ...profiling });
    return {
      server,
      database,
      emptyTwin: async () => {
        const twin = await createTestDatabase();
        twins.push(twin);
        const migrated = runServerCli(['migrate'], { ...serverEnv, MSP_SERVER_DATABASE_URL: twin.url });
        if (migrated.status !== 0) throw new Error(`msp-server migrate failed: ${migrated.stderr}`);
        return twin;
      },
      machine: async (name) => {
        const home = path.join(root, name);
        const files = dataFiles(path.join(home, 'msp'));
        const env = { ...process.env, ...profiling, HOME: home, MSP_HOME: files.dir };
        const login = await timedMsp(env, ['login', '--server', server.url, '--user', USER, '--password-stdin'], `${PASSWORD}\n`);
        if (login.status !== 0) throw new Error(`msp login on ${name} failed: ${login.stderr}`);
        return {
          files,
          msp: (args, input) => timedMsp(env, args, input),
          openStore: () => Store.open({ file: files.database, clock: systemClock, ids: uuidv7Source(() => systemClock.now()) }),
          routeGzip: async () => {
            const saved = readLogin(files.syncLogin);
            if (!saved) throw new Error(`${name} is not logged in`);
            if (await serverTakesGzip(server.url, saved.accessToken)) return 'direct';
            proxy ??= startGunzipProxy(server.port);
            writeLogin(files.syncLogin, { ...saved, server: (await proxy).url });
            return 'proxy';
          },
        };
      },
      close: async () => {
        if (proxy) (await proxy).child.kill();
        await server.stop();
        for (const twin of twins) await twin.drop();
        await database.drop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.drop();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** Wall time of a trivial process, for comparison with `msp` runs. */
export function nodeStartMs(): number {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '']);
  return Number(process.hrtime.bigint() - started) / 1e6;
}
