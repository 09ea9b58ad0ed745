import { readdirSync } from 'node:fs';

/** True when the hook spooled events that wait for ingest (a cheap check, run every few seconds). */
export function spoolHasEvents(spoolDir: string): boolean {
  try {
    return readdirSync(spoolDir).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}
