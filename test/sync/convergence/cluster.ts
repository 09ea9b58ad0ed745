// One convergence run's world: a fresh MariaDB database, the real msp-server process (restartable
// on the same database and data dir, so its signing keys and everyone's tokens survive), the fault
// proxy in front of it, and three technician machines, each its own HOME (so its own
// fingerprint) and data dir, logged in through the proxy as two different users.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../src-shared/sync-api.js';
import { verifyResponse, type VerifyResponse } from '../../../src-shared/sync-protocol.js';
import type { Clock } from '../../../src-main/core/clock.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/mariadb.js';
import { mspBin } from '../../helpers/processes.js';
import { PASSWORD, serverBin, spawnServer, type ServerProcess } from '../../server/helpers.js';
import { FaultProxy, type Fault, type ProxyHooks } from './fault-proxy.js';
import type { Random } from './random.js';

export interface ProcessResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export interface Machine {
  name: string;
  /** MSP_HOME: msp.db and sync-login.json live here. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** The server's id for this machine (the `mch` claim of its tokens). */
  machineId: string;
  /** This machine's clock error: the writes made on it carry its skewed clock. */
  skewMs: number;
  clock: Clock;
  /** The `msp` process running for this machine, if any (what a kill hits). */
  running: ChildProcess | undefined;
  /** A fault waiting for this machine's next push or pull. */
  armed: Fault | undefined;
}

/** Runs a program to its end without blocking the event loop (the proxy must keep answering meanwhile). */
export function run(args: string[], env: NodeJS.ProcessEnv, input?: string, onSpawn?: (child: ChildProcess) => void): Promise<ProcessResult> {
  const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  const timer = setTimeout(() => { child.kill('SIGKILL'); }, 120_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export class Cluster {
  server: ServerProcess | undefined;
  serverKills = 0;
  /** Output of every server process of this run, for failure messages. */
  private readonly serverOutputs: (() => string)[] = [];
  private killing: Promise<void> | undefined;

  private constructor(
    readonly database: TestDatabase,
    readonly root: string,
    readonly proxy: FaultProxy & { url: string },
    readonly machines: Machine[],
  ) {}

  static async start(random: Random): Promise<Cluster> {
    const database = await createTestDatabase();
    const root = mkdtempSync(path.join(os.tmpdir(), 'msp-converge-'));
    const machines: Machine[] = ['laptop', 'desktop', 'colleague'].map((name) => {
      // ±2 min of clock error per machine, fixed for the run.
      const skewMs = random.int(-120_000, 120_000);
      const home = path.join(root, name);
      return {
        name, skewMs, dataDir: path.join(home, 'msp'), machineId: '', running: undefined, armed: undefined,
        env: { ...process.env, HOME: home, MSP_HOME: path.join(home, 'msp') },
        clock: { now: () => Date.now() + skewMs },
      };
    });
    // The proxy calls back into the cluster it is part of (only once requests flow, after both exist).
    const hooks: ProxyHooks = {
      faultFor: (machineId, route) => cluster.consumeFault(machineId, route),
      killAgent: (machineId) => { cluster.machines.find((m) => m.machineId === machineId)?.running?.kill('SIGKILL'); },
      killServer: () => cluster.killServer(),
    };
    const proxy = await FaultProxy.start(hooks);
    const cluster = new Cluster(database, root, proxy, machines);
    try {
      await cluster.startServer();
      const users = await Promise.all(['ann', 'bob'].map((user) => run([serverBin, 'user', 'add', user, '--password-stdin'], cluster.serverEnv(), `${PASSWORD}\n`)));
      for (const added of users) if (added.code !== 0) throw new Error(`msp-server user add failed: ${added.stderr}`);
      // Two machines of one technician, and a colleague's.
      await Promise.all(machines.map(async (machine, index) => {
        const login = await run([mspBin, 'login', '--server', proxy.url, '--user', index < 2 ? 'ann' : 'bob', '--password-stdin', '--json'], machine.env, `${PASSWORD}\n`);
        if (login.code !== 0) throw new Error(`msp login on ${machine.name} failed: ${login.stderr}`);
        machine.machineId = (JSON.parse(login.stdout) as { machineId: string }).machineId;
      }));
      // Each data dir's database made once, before anything runs on it concurrently: two processes
      // opening a brand-new msp.db at the same moment both run its migrations (reported, not ours to fix).
      for (const machine of machines) await run([mspBin, 'sync', 'status', '--json'], machine.env);
      return cluster;
    } catch (error) {
      await cluster.close();
      throw error;
    }
  }

  serverEnv(): NodeJS.ProcessEnv {
    return { ...process.env, MSP_SERVER_DATABASE_URL: this.database.url, MSP_SERVER_DATA_DIR: path.join(this.root, 'server'), MSP_SERVER_LOG_LEVEL: 'error' };
  }

  /** Starts the server (again) on the same database and data dir; the proxy follows its new port. */
  async startServer(): Promise<void> {
    await this.killing;
    if (this.server) return;
    this.server = await spawnServer(this.serverEnv());
    // spawnServer stops reading stdout once the server is ready; its log lines come after.
    let log = '';
    this.server.child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    const output = this.server.output;
    this.serverOutputs.push(() => output() + log);
    this.proxy.upstreamPort = this.server.port;
  }

  /** kill -9 of the server process; idempotent while a kill is under way. */
  killServer(): Promise<void> {
    if (!this.killing) {
      const server = this.server;
      this.server = undefined;
      this.proxy.upstreamPort = undefined;
      if (server) this.serverKills++;
      this.killing = (async () => { await server?.stop('SIGKILL'); })().finally(() => { this.killing = undefined; });
    }
    return this.killing;
  }

  private consumeFault(machineId: string, route: 'push' | 'pull'): Fault | undefined {
    const machine = this.machines.find((m) => m.machineId === machineId);
    const fault = machine?.armed;
    if (!machine || !fault || !fault.kind.includes(route)) return undefined;
    machine.armed = undefined;
    return fault;
  }

  /** `msp ARGS --json` on a machine, as a process a fault can kill. */
  msp(machine: Machine, args: string[]): Promise<ProcessResult> {
    if (machine.running) throw new Error(`${machine.name} already runs an msp process`);
    return run([mspBin, ...args, '--json'], machine.env, undefined, (child) => { machine.running = child; })
      .finally(() => { machine.running = undefined; });
  }

  /** The servers' error log lines (MSP_SERVER_LOG_LEVEL=error), the last `count`. */
  serverErrors(count = 5): string[] {
    return this.serverOutputs.flatMap((output) => output().split('\n')).filter((line) => line.includes('"level":50')).slice(-count);
  }

  accessToken(machine: Machine): string {
    return (JSON.parse(readFileSync(path.join(machine.dataDir, 'sync-login.json'), 'utf8')) as { accessToken: string }).accessToken;
  }

  /** A request straight to the server (not through the proxy), as `machine` or with a recorded authorization. */
  async call(route: string, auth: Machine | string, body?: unknown): Promise<{ status: number; body: unknown }> {
    if (!this.server) throw new Error('the server is not running');
    const authorization = typeof auth === 'string' ? auth : `Bearer ${this.accessToken(auth)}`;
    const response = await fetch(new URL(route, this.server.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  }

  async serverDigests(): Promise<VerifyResponse> {
    const first = this.machines[0];
    if (!first) throw new Error('no machines');
    const answer = await this.call('/v1/sync/verify', first);
    if (answer.status !== 200) throw new Error(`GET /v1/sync/verify answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return verifyResponse.parse(answer.body);
  }

  async close(): Promise<void> {
    for (const machine of this.machines) machine.running?.kill('SIGKILL');
    await this.server?.stop('SIGTERM');
    this.server = undefined;
    await this.proxy.close();
    await this.database.drop();
    rmSync(this.root, { recursive: true, force: true });
  }
}
