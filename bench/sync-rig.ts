// The sync benchmark's world: the real msp-server process on a fresh MariaDB database, a user,
// and technician machines with their own HOME and MSP_HOME that log in with the real `msp login`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock } from '../src-main/core/clock.js';
import { uuidv7Source } from '../src-main/core/ids.js';
import { dataFiles, type DataFiles } from '../src-main/store/paths.js';
import { Store } from '../src-main/store/store.js';
import { createTestDatabase, type TestDatabase } from '../test/helpers/mariadb.js';
import { mspBin, repoRoot } from '../test/helpers/processes.js';
import { PASSWORD, runServerCli, spawnServer, type ServerProcess } from '../test/server/helpers.js';

export interface TimedRun { status: number; stdout: string; stderr: string; ms: number }

export interface BenchMachine {
  files: DataFiles;
  /** `msp ARGS` as its own process, timed from spawn to exit (wall time). */
  msp(args: string[], input?: string): Promise<TimedRun>;
  /** This machine's store, opened in this process (as the agent opens it). */
  openStore(): Store;
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
  try {
    const serverEnv = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: path.join(root, 'server'), MSP_SERVER_LOG_LEVEL: 'error' };
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
        };
      },
      close: async () => {
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
