import { naturalIds } from '../core/ids.js';
import type { Store } from '../store/store.js';

export interface MachineIdentityFacts {
  fingerprint: string;
  hostname: string;
  username: string;
  platform: string;
  homeDir: string;
}

// last_seen_at is refreshed at most this often: every CLI call would otherwise add a sync change.
const LAST_SEEN_RESOLUTION_MS = 60 * 60_000;

/** Records this machine (by fingerprint) on first sight and keeps its last-seen time; returns its id. */
export function ensureMachine(store: Store, identity: MachineIdentityFacts): string {
  const id = naturalIds.machine(identity.fingerprint);
  const now = store.clock.now();
  const row = store.sqlite.prepare('SELECT last_seen_at AS lastSeenAt FROM machines WHERE id = ?').get(id) as { lastSeenAt: number } | undefined;
  if (row === undefined) {
    store.write((writer) =>
      writer.insertIfMissing('machines', {
        id,
        fingerprint: identity.fingerprint,
        hostname: identity.hostname,
        username: identity.username,
        platform: identity.platform,
        homeDir: identity.homeDir,
        firstSeenAt: now,
        lastSeenAt: now,
      }),
    );
  } else if (now - row.lastSeenAt > LAST_SEEN_RESOLUTION_MS) {
    store.write((writer) => writer.update('machines', id, { lastSeenAt: now }));
  }
  return id;
}
