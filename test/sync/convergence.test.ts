// The fault-injection proof that sync converges: three machines and the real msp-server on a
// fresh MariaDB database per run, random offline work with clock skew, kills of `msp sync` and
// of the server at protocol points, duplicated and reordered deliveries; after healing every
// machine holds exactly the server's data. See test/sync/convergence/ for the parts.
//
//   SYNC_SEED=n   the first run's seed (run i uses n + i); default random, printed in every test name
//   SYNC_RUNS=n   how many runs (default 3; 30 with SYNC_SOAK=1)
//   SYNC_OPS=n    operations per run (default 100; 500 with SYNC_SOAK=1)
//   npm run test:soak   the long version
import { describe, it } from 'node:test';
import { convergenceRun } from './convergence/scenario.js';

const soak = process.env.SYNC_SOAK === '1';
const runs = Number(process.env.SYNC_RUNS ?? (soak ? 30 : 3));
const operations = Number(process.env.SYNC_OPS ?? (soak ? 500 : 100));
const firstSeed = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 1_000_000_000));

describe(`sync converges under kills, replays and clock skew (${runs} runs x ${operations} operations from SYNC_SEED=${firstSeed})`, () => {
  for (let run = 0; run < runs; run++) {
    const seed = firstSeed + run;
    const replay = `SYNC_SEED=${seed} SYNC_RUNS=1 SYNC_OPS=${operations} node --import tsx --test test/sync/convergence.test.ts`;
    it(`seed ${seed}: every machine ends equal to the server, nothing lost, nothing duplicated`, async (t) => {
      const trail: string[] = [];
      try {
        const summary = await convergenceRun(seed, operations, trail);
        t.diagnostic(`seed ${seed}: ${JSON.stringify(summary)}`);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        failure.message = `seed ${seed} (replay: ${replay}): ${failure.message}\n--- last steps of the run ---\n${trail.slice(-60).join('\n')}`;
        // The runner prints the stack, whose first line was made from the message before.
        failure.stack = `${failure.name}: ${failure.message}\n${(failure.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')).join('\n')}`;
        throw failure;
      }
    });
  }
});
