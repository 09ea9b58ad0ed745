// Duplicated and reordered delivery, on top of what the kills cause: earlier push bodies (whole,
// or a tail of one) posted again straight to the server in a shuffled order, and a pull page
// fetched from an older cursor and applied twice to a machine's store.
import assert from 'node:assert/strict';
import { pullResponse, pushResponse } from '../../../src-shared/sync-protocol.js';
import { applyPulled, readVector } from '../../../src-main/sync/changes.js';
import type { Cluster, Machine } from './cluster.js';
import type { Random } from './random.js';
import { openStore } from './workload.js';

/** Replays 1-3 recorded pushes: each is acknowledged (a repeat applies nothing new) or, when it would leave a gap, refused. */
export async function replayPushes(cluster: Cluster, random: Random): Promise<string[]> {
  const recorded = cluster.proxy.pushes;
  if (recorded.length === 0) return [];
  const notes: string[] = [];
  for (const push of random.shuffle(recorded).slice(0, random.int(1, 3))) {
    const from = push.body.changes.length > 1 && random.chance(0.4) ? random.int(1, push.body.changes.length - 1) : 0;
    const body = { origin: push.body.origin, changes: push.body.changes.slice(from) };
    const first = body.changes[0]?.counter ?? 0;
    const last = body.changes.at(-1)?.counter ?? 0;
    const answer = await cluster.call('/v1/sync/push', push.authorization, body);
    const what = `replayed push ${first}..${last} of ${push.body.origin.slice(0, 8)}`;
    if (answer.status === 429) {
      notes.push(`${what}: rate limited`);
      continue;
    }
    if (answer.status === 409) {
      // The server does not hold what comes before this tail (its first delivery never committed): refused whole.
      assert.match(JSON.stringify(answer.body), /are missing/, `${what}: ${JSON.stringify(answer.body)}`);
      notes.push(`${what}: refused, gap`);
      continue;
    }
    assert.equal(answer.status, 200, `${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const reply = pushResponse.parse(answer.body);
    assert.ok(reply.acknowledged >= last, `${what}: acknowledged only ${reply.acknowledged}`);
    assert.deepEqual(reply.rejected, [], `${what}: the server refused changes of a batch it had accepted before`);
    notes.push(`${what}: ${reply.duplicates} duplicates, ${reply.applied} applied`);
  }
  return notes;
}

/** Fetches a page from an older cursor (some origins rewound) and applies it twice, as a crash-and-retry would. */
export async function replayPullPage(cluster: Cluster, machine: Machine, random: Random): Promise<string> {
  const store = openStore(machine);
  try {
    const current = readVector(store);
    const acknowledged = Number(store.readState('push.acknowledged') ?? '0');
    const older: Record<string, number> = {};
    for (const [origin, held] of Object.entries(current)) older[origin] = random.chance(0.6) ? random.int(0, held) : held;
    // Like the engine: this machine's own changes are never pulled back.
    older[store.originId] = acknowledged;
    const answer = await cluster.call('/v1/sync/pull', machine, { vector: older, limit: random.int(5, 200) });
    if (answer.status === 429) return `${machine.name}: pull from an older cursor rate limited`;
    assert.equal(answer.status, 200, `pull from an older cursor: ${JSON.stringify(answer.body)}`);
    const page = pullResponse.parse(answer.body);
    const once = applyPulled(store, page.changes, page.vector);
    const twice = applyPulled(store, page.changes, page.vector);
    assert.deepEqual([once.refused, twice.refused], [[], []]);
    if (once.deferred === 0) assert.equal(twice.applied, 0, `${machine.name}: a pull page applied a second time changed rows`);
    return `${machine.name}: pull page of ${page.changes.length} from an older cursor applied twice (${once.applied} then ${twice.applied} applied)`;
  } finally {
    store.close();
  }
}
