import { generateDemo } from '../../services/demo/generate.js';
import { integerOption, type CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const demo: CommandSpec = {
  name: 'demo',
  summary: 'Fill an empty data dir with realistic synthetic MSP history (about 10,000 sessions and 200,000 commands a year).',
  options: {
    years: { type: 'string', valueName: 'N', description: 'years of history ending today, 1-20 (default 5)' },
    seed: { type: 'string', valueName: 'N', description: 'random seed: the same seed gives the same history (default 1)' },
  },
  notes: ['Demo rows never enter the sync outbox. Use a fresh data dir: MSP_HOME=/tmp/msp-demo msp demo --years 5'],
  run: (parsed, io) =>
    withContext(io, (context) => {
      const years = integerOption(parsed, 'years', { min: 1, max: 20 }, 5);
      const seed = integerOption(parsed, 'seed', { min: 0, max: 2 ** 32 - 1 }, 1);
      const started = Date.now();
      const counts = generateDemo(context.store, { years, seed, now: context.store.clock.now(), machineId: context.machineId, technician: context.technician }, (message) => { io.err(message); });
      const seconds = (Date.now() - started) / 1000;
      const failed = (context.store.sqlite.prepare('SELECT count(*) AS n FROM commands_run WHERE success = 0').get() as { n: number }).n;
      const commands = counts.commands_run ?? 0;
      const n = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');
      print(io, parsed.json, { counts, seconds }, () =>
        `Demo data: ${n(counts.clients)} clients, ${n(counts.infrastructure)} devices, ${n(counts.sessions)} sessions, ${n(commands)} commands (${((100 * failed) / Math.max(1, commands)).toFixed(1)}% failed), ` +
        `${n(counts.file_changes)} file changes, ${n(counts.problem_solutions)} problems solved, ${n(counts.failure_patterns)} failure patterns, ${n(counts.pending_tasks)} tasks in ${seconds.toFixed(1)} s`);
    }),
};

export const demoCommands = [demo];
