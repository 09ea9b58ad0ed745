import { readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context.js';
import { ingestHook } from './ingest.js';

export interface SpoolReport {
  ingested: number;
  duplicates: number;
  unreadable: number;
}

/**
 * Ingests the hook payloads the hook spooled while the agent was away, oldest first, each once
 * (ingest is idempotent, so a crash between ingest and delete replays harmlessly), and deletes
 * each file as soon as it is in the store. A file that is not a hook payload is set aside, not lost.
 */
export function ingestSpool(context: ServiceContext, spoolDir: string, onProblem: (message: string) => void, limit = 500): SpoolReport {
  const report: SpoolReport = { ingested: 0, duplicates: 0, unreadable: 0 };
  let names: string[];
  try {
    names = readdirSync(spoolDir).filter((name) => name.endsWith('.json'));
  } catch {
    return report;
  }
  // Names start with the nanosecond time the hook spooled them; ties go by modification time.
  const stamp = (name: string) => (name.split('-')[0] ?? '').padStart(20, '0');
  const files = names
    .map((name) => ({ name, file: path.join(spoolDir, name), stamp: stamp(name), mtime: statSync(path.join(spoolDir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.mtime - b.mtime || (a.name < b.name ? -1 : 1)));
  // A bounded batch per call: a long backlog drains over several ticks without stalling live hooks.
  for (const { name, file } of files.slice(0, limit)) {
    try {
      const result = ingestHook(context, JSON.parse(readFileSync(file, 'utf8')) as unknown);
      if (result.outcome === 'duplicate') report.duplicates++;
      else report.ingested++;
      rmSync(file, { force: true });
    } catch (error) {
      report.unreadable++;
      onProblem(`spooled hook event ${name} could not be ingested (${(error as Error).message}); kept as ${name}.rejected`);
      try {
        renameSync(file, `${file}.rejected`);
      } catch {
        /* it stays where it is, and is retried next time */
      }
    }
  }
  return report;
}
