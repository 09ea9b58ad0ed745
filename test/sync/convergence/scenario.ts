// One seeded convergence run: offline work on three machines, syncs in random order and
// overlapping, kills of agents and of the server at chosen protocol points, replayed pushes and
// pull pages; then healing, then the checks. Every random choice comes from the seed; each phase
// forks its own generator, so where real processes make timing differ (a kill landing a little
// earlier or later) the difference stays inside that phase instead of shifting the whole run.
import { setTimeout as sleep } from 'node:timers/promises';
import { assertConverged } from './checks.js';
import { Cluster, type Machine, type ProcessResult } from './cluster.js';
import { FAULT_KINDS, faultRoute, type FaultKind } from './fault-proxy.js';
import { Random } from './random.js';
import { replayPullPage, replayPushes } from './replays.js';
import { Ledger, offlineWork } from './workload.js';

export interface RunSummary { operations: number; phases: number; syncs: number; faults: Partial<Record<FaultKind, number>>; serverRestarts: number; replays: number; healRounds: number }

/** A sync that failed for a reason a fault explains; anything else fails the run. */
const TRANSIENT = /^(cannot reach the sync server|the sync server asks to slow down)/;

interface Planned { machine: Machine; kind: FaultKind | undefined; startAfterMs: number; killAfterMs: number }

export async function convergenceRun(seed: number, operations: number, trail: string[]): Promise<RunSummary> {
  const master = new Random(seed);
  const note = (line: string) => { trail.push(line); };
  const cluster = await Cluster.start(master.fork());
  note(`machines: ${cluster.machines.map((m) => `${m.name} (clock ${m.skewMs > 0 ? '+' : ''}${(m.skewMs / 1000).toFixed(1)} s)`).join(', ')}`);
  const summary: RunSummary = { operations: 0, phases: 0, syncs: 0, faults: {}, serverRestarts: 0, replays: 0, healRounds: 0 };
  const ledger = new Ledger();
  try {
    // Every kind of fault at least once per run, in a random order, plus random extra ones.
    const schedule: FaultKind[] = master.fork().shuffle(FAULT_KINDS);
    const work = (machine: Machine, random: Random, count: number) => {
      summary.operations += count;
      note(`${machine.name} offline: ${offlineWork(machine, random, count, ledger).join(', ')}`);
    };
    while (summary.operations < operations || schedule.length > 0) {
      const phase = ++summary.phases;
      if (phase > operations + 100) throw new Error(`faults that never fired: ${schedule.join(', ')}`);
      const random = master.fork();
      note(`phase ${phase}`);
      for (const machine of cluster.machines) {
        if (summary.operations < operations && random.chance(0.6)) work(machine, random, random.int(1, 8));
      }

      // Who syncs, in which order, with which fault. Decided before anything starts.
      let serverFault = false;
      const planned: Planned[] = random.shuffle(cluster.machines).slice(0, random.int(1, 3)).map((machine) => {
        // Once the work is done, the phases left are there for the faults still to fire.
        const scheduled = summary.operations >= operations ? 1 : 0.5;
        let kind = schedule.length > 0 && random.chance(scheduled) ? schedule.shift() : random.chance(0.15) ? random.pick(FAULT_KINDS) : undefined;
        if (kind?.startsWith('kill server')) {
          // One server kill per phase: a second one waits for a later phase.
          if (serverFault) {
            schedule.push(kind);
            kind = undefined;
          }
          serverFault = true;
        }
        // A push fault needs something to push.
        if (kind && faultRoute(kind) === 'push') work(machine, random, 1);
        const delayMs = kind === 'kill server while it applies a push' ? random.int(0, 15) : random.int(0, 10);
        machine.armed = kind && faultRoute(kind) !== 'none' ? { kind, delayMs } : undefined;
        return { machine, kind, startAfterMs: random.int(0, 150), killAfterMs: random.int(50, 600) };
      });
      const busy = random.chance(0.4) ? { machine: random.pick(cluster.machines), afterMs: random.int(0, 300), count: random.int(1, 4), random: random.fork() } : undefined;
      note(`sync ${planned.map((p) => `${p.machine.name}${p.kind ? ` [${p.kind}]` : ''}`).join(', ')}`);

      // Work goes on while syncs run (the agent's background sync does exactly that).
      const during = busy ? sleep(busy.afterMs).then(() => { work(busy.machine, busy.random, busy.count); }) : Promise.resolve();
      const results = await Promise.all(planned.map(async (plan) => {
        await sleep(plan.startAfterMs);
        const killer = plan.kind === 'kill agent at a random moment' ? setTimeout(() => { plan.machine.running?.kill('SIGKILL'); }, plan.killAfterMs) : undefined;
        const result = await cluster.msp(plan.machine, ['sync']);
        clearTimeout(killer);
        return result;
      }));
      await during;
      summary.syncs += planned.length;
      const serverKilled = !cluster.server;
      planned.forEach((plan, index) => {
        const result = results[index] as ProcessResult;
        const fired = plan.kind !== undefined && (faultRoute(plan.kind) === 'none' ? result.signal === 'SIGKILL' : plan.machine.armed === undefined);
        plan.machine.armed = undefined;
        if (plan.kind && fired) summary.faults[plan.kind] = (summary.faults[plan.kind] ?? 0) + 1;
        else if (plan.kind && !(summary.faults[plan.kind] ?? 0)) schedule.push(plan.kind);
        note(`  ${plan.machine.name}: ${describe(result)}${plan.kind ? (fired ? ' (fault fired)' : ' (fault did not fire)') : ''}`);
        if (result.code === 0 || (result.signal === 'SIGKILL' && fired)) return;
        const failure = failureOf(result);
        if (result.code === 1 && TRANSIENT.test(failure) && (serverKilled || failure.includes('slow down'))) return;
        throw new Error(`msp sync on ${plan.machine.name} failed where no fault explains it: ${describe(result)}\nserver errors:\n${cluster.serverErrors().join('\n')}`);
      });
      if (!cluster.server) {
        await cluster.startServer();
        summary.serverRestarts++;
        note('server restarted');
      }
      if (random.chance(0.35)) {
        const replayed = await replayPushes(cluster, random);
        summary.replays += replayed.length;
        replayed.forEach(note);
      }
      if (random.chance(0.25)) {
        note(await replayPullPage(cluster, random.pick(cluster.machines), random));
        summary.replays++;
      }
    }

    summary.healRounds = await heal(cluster, note);
    await assertConverged(cluster, ledger);
    return summary;
  } finally {
    await cluster.close();
  }
}

function syncReport(result: ProcessResult): { pushed: number; pulled: number } | undefined {
  try {
    return JSON.parse(result.stdout) as { pushed: number; pulled: number };
  } catch {
    return undefined;
  }
}

/** Why an `msp ... --json` run failed: its JSON error, else what it printed. */
function failureOf(result: ProcessResult): string {
  try {
    return (JSON.parse(result.stdout) as { error?: string }).error ?? result.stdout;
  } catch {
    return (result.stderr + result.stdout).trim();
  }
}

function describe(result: ProcessResult): string {
  if (result.signal) return `killed (${result.signal})`;
  if (result.code === 0) {
    const report = syncReport(result);
    return report ? `pushed ${report.pushed}, pulled ${report.pulled}` : 'ok';
  }
  return `exit ${result.code}: ${failureOf(result)}`;
}

/** Every machine syncs, one after another, until a whole round moves nothing (at least twice around). */
async function heal(cluster: Cluster, note: (line: string) => void): Promise<number> {
  for (let round = 1; round <= 8; round++) {
    let moved = false;
    for (const machine of cluster.machines) {
      let result = await cluster.msp(machine, ['sync']);
      const wait = /retry in (\d+) s/.exec(failureOf(result));
      if (result.code === 1 && wait) {
        await sleep(Number(wait[1]) * 1000);
        result = await cluster.msp(machine, ['sync']);
      }
      note(`heal ${round} ${machine.name}: ${describe(result)}`);
      const report = syncReport(result);
      if (result.code !== 0 || !report) throw new Error(`healing: msp sync on ${machine.name} failed: ${describe(result)}`);
      if (report.pushed > 0 || report.pulled > 0) moved = true;
    }
    if (!moved && round >= 2) return round;
  }
  throw new Error('healing: the machines still exchange changes after 8 rounds');
}
