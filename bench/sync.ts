// Sync benchmarks against the real msp-server process on a fresh MariaDB database (dropped after):
// push of 100,000 records, a fresh machine's bootstrap of them, and steady-state syncs of 100
// changes. Each figure beside plain mysql2 (or process start) measured in the same run.
// Run alone: node scripts/build.mjs && node --import tsx bench/sync.ts
import { pathToFileURL } from 'node:url';
import { syncOnce, type SyncReport } from '../src-main/sync/engine.js';
import type { Store } from '../src-main/store/store.js';
import { countRows, rawInsertMs, rawSelect, rawSelectByIdMs, readRows } from './sync-baseline.js';
import { BENCH_TABLES, writeHistory, writeWorkingHour } from './sync-data.js';
import { startSyncRig, type BenchMachine } from './sync-rig.js';
import { median, row } from './stats.js';

const RECORDS = 100_000;
const STEADY_ROUNDS = 7;

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const verdict = (met: boolean, goal: string) => `goal ${goal}: ${met ? 'met' : 'MISSED'}`;
const count = (store: Store, sql: string, ...params: unknown[]) => (store.sqlite.prepare(sql).get(...params) as { n: number }).n;

async function cliSync(machine: BenchMachine): Promise<{ ms: number; report: SyncReport }> {
  const run = await machine.msp(['sync', '--json']);
  if (run.status !== 0) throw new Error(`msp sync failed (${run.status}): ${run.stderr}${run.stdout}`);
  return { ms: run.ms, report: JSON.parse(run.stdout) as SyncReport };
}

/** B holds the working hour A recorded: its 96 commands and the session's end. */
function assertHolds(store: Store, sessionId: string): void {
  const commands = count(store, 'SELECT count(*) AS n FROM commands_run WHERE session_id = ?', sessionId);
  const ended = count(store, 'SELECT count(*) AS n FROM sessions WHERE id = ? AND ended_at IS NOT NULL', sessionId);
  if (commands !== 96 || ended !== 1) throw new Error(`the second machine holds ${commands} of 96 commands and ${ended} of 1 ended session`);
}

export async function syncBenchmarks(print: (line: string) => void): Promise<void> {
  const rig = await startSyncRig();
  const stores: Store[] = [];
  try {
    // 1. Push: 100,000 records written through the Writer on A, pushed by the engine in-process.
    const a = await rig.machine('laptop');
    const storeA = a.openStore();
    stores.push(storeA);
    const world = writeHistory(storeA, RECORDS);
    const pending = count(storeA, 'SELECT count(*) AS n FROM sync_outbox');
    if (pending !== RECORDS) throw new Error(`the outbox holds ${pending} changes, expected ${RECORDS}`);
    const rows = readRows(storeA, BENCH_TABLES);
    let pushedAt = process.hrtime.bigint();
    const pushStarted = process.hrtime.bigint();
    const pushed = await syncOnce(storeA, a.files.syncLogin, (progress) => { if (progress.phase === 'push') pushedAt = process.hrtime.bigint(); });
    const pushMs = Number(pushedAt - pushStarted) / 1e6;
    if (pushed.pushed !== RECORDS || pushed.rejected.length > 0) throw new Error(`pushed ${pushed.pushed}, ${pushed.rejected.length} refused`);
    const twin = await rig.emptyTwin();
    const rawMs = await rawInsertMs(twin.url, rows);
    const pushRate = RECORDS / (pushMs / 1000);
    const rawRate = countRows(rows) / (rawMs / 1000);
    print(row(`sync push of ${RECORDS.toLocaleString('en')} records (engine)`, `${Math.round(pushRate)}/s`, `${Math.round(rawRate)}/s`,
      `raw mysql2 multi-row INSERT, same rows; ${(pushMs / 1000).toFixed(2)} s vs ${(rawMs / 1000).toFixed(2)} s; ratio ${((100 * pushRate) / rawRate).toFixed(0)}% (${verdict(pushRate >= rawRate / 2, '>= 50%')})`));

    // 2. Bootstrap: a fresh machine's first `msp sync` (process wall time) until it holds them all.
    const b = await rig.machine('desktop');
    const boot = await cliSync(b);
    if (boot.report.pulled !== RECORDS) throw new Error(`the new machine pulled ${boot.report.pulled} changes, expected ${RECORDS}`);
    const storeB = b.openStore();
    stores.push(storeB);
    for (const table of BENCH_TABLES) {
      // B also holds its own machine row, recorded by its first msp command.
      const expected = (rows.get(table)?.length ?? 0) + (table === 'machines' ? 1 : 0);
      const held = count(storeB, `SELECT count(*) AS n FROM ${table}`);
      if (held !== expected) throw new Error(`after bootstrap the new machine holds ${held} ${table} rows, expected ${expected}`);
    }
    const select = await rawSelect(rig.database.url, BENCH_TABLES);
    print(row(`sync bootstrap of ${RECORDS.toLocaleString('en')} records, msp sync`, `${(boot.ms / 1000).toFixed(2)} s`, `${(select.ms / 1000).toFixed(2)} s`,
      `raw mysql2 SELECT * of the ${select.rows} rows; process wall time (engine inside ${(boot.report.ms / 1000).toFixed(2)} s); ${verdict(boot.ms < 5000, '< 5 s')}`));

    // 3. Steady state: A records 100 changes; A syncs, then B syncs and holds them.
    writeWorkingHour(storeA, world, 1);
    await syncOnce(storeA, a.files.syncLogin);
    await syncOnce(storeB, b.files.syncLogin);
    const inProcess: { a: number; b: number }[] = [];
    const raw: number[] = [];
    for (let round = 0; round < STEADY_ROUNDS; round++) {
      const since = storeA.clock.now();
      const sessionId = writeWorkingHour(storeA, world, 100 + round);
      let started = process.hrtime.bigint();
      const fromA = await syncOnce(storeA, a.files.syncLogin);
      const aMs = elapsedMs(started);
      started = process.hrtime.bigint();
      const toB = await syncOnce(storeB, b.files.syncLogin);
      inProcess.push({ a: aMs, b: elapsedMs(started) });
      if (fromA.pushed !== 100 || toB.pulled !== 100) throw new Error(`steady state: A pushed ${fromA.pushed}, B pulled ${toB.pulled} (expected 100 each)`);
      assertHolds(storeB, sessionId);
      const hour = readRows(storeA, BENCH_TABLES, since);
      raw.push(await rawInsertMs(twin.url, hour) + await rawSelectByIdMs(twin.url, hour));
    }
    const total = inProcess.map((r) => r.a + r.b);
    print(row('sync 100 changes A -> B, in-process syncOnce', `${median(total).toFixed(1)} ms`, `${median(raw).toFixed(1)} ms`,
      `raw mysql2 INSERT + SELECT by id of the 99 rows; A push ${median(inProcess.map((r) => r.a)).toFixed(1)} + B pull ${median(inProcess.map((r) => r.b)).toFixed(1)} ms, median of ${STEADY_ROUNDS}, checked on B; ${verdict(median(total) < 200, '< 200 ms')}`));

    // The same through `msp sync` processes (what a technician or the agent's timer runs), wall time.
    writeWorkingHour(storeA, world, 2);
    await cliSync(a);
    await cliSync(b);
    const processes: { a: number; b: number }[] = [];
    const fixed: number[] = [];
    for (let round = 0; round < STEADY_ROUNDS; round++) {
      const sessionId = writeWorkingHour(storeA, world, 200 + round);
      const fromA = await cliSync(a);
      const toB = await cliSync(b);
      processes.push({ a: fromA.ms, b: toB.ms });
      if (fromA.report.pushed !== 100 || toB.report.pulled !== 100) throw new Error(`steady state (msp sync): A pushed ${fromA.report.pushed}, B pulled ${toB.report.pulled}`);
      assertHolds(storeB, sessionId);
      fixed.push((await a.msp(['sync', 'status', '--json'])).ms + (await b.msp(['sync', 'status', '--json'])).ms);
    }
    const wall = processes.map((r) => r.a + r.b);
    print(row('sync 100 changes A -> B, two msp sync runs', `${median(wall).toFixed(0)} ms`, `${median(fixed).toFixed(0)} ms`,
      `msp sync status on A + B (process start, no network); A ${median(processes.map((r) => r.a)).toFixed(0)} + B ${median(processes.map((r) => r.b)).toFixed(0)} ms wall, median of ${STEADY_ROUNDS}, checked on B; ${verdict(median(wall) < 200, '< 200 ms')}`));
  } finally {
    for (const store of stores) store.close();
    await rig.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  syncBenchmarks((line) => { console.log(line); }).catch((error: unknown) => {
    console.error(`sync bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  });
}
