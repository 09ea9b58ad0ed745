import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { manualClock } from '../../src-main/core/clock.js';
import { uuidv7Source } from '../../src-main/core/ids.js';
import { BackgroundCheckpoints } from '../../src-main/store/checkpointer.js';
import { Store } from '../../src-main/store/store.js';
import { tempHome } from '../helpers/processes.js';

function openStore(t: { after(fn: () => void): void }) {
  const file = path.join(tempHome(t), 'msp.db');
  const clock = manualClock(1_767_000_000_000);
  const store = Store.open({ file, clock, ids: uuidv7Source(() => clock.now()) });
  t.after(() => { store.close(); });
  return { store, file };
}

const autocheckpoint = (store: Store) => store.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
// Frames in the WAL not yet copied back, seen by a fresh connection's passive checkpoint.
const walState = (store: Store) => (store.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0];

function writeClients(store: Store, count: number, from = 0): void {
  for (let i = from; i < from + count; i++) {
    store.write((w) => w.insert('clients', { name: `Client ${i}`, normalizedName: `client ${i}`, status: 'active', notes: 'x'.repeat(2000) }));
  }
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  // Generous: on a loaded 2-core machine a worker thread can take seconds to start.
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('background WAL checkpoints', () => {
  it('a worker thread copies the WAL back while the connection stops checkpointing by itself', async (t) => {
    const { store, file } = openStore(t);
    assert.equal(autocheckpoint(store), 1000, 'SQLite default before');
    const problems: string[] = [];
    const checkpoints = new BackgroundCheckpoints(store.sqlite, { intervalMs: 20, onProblem: (m) => problems.push(m) });
    assert.equal(checkpoints.worker, undefined, 'no thread before writes are busy');
    checkpoints.busy();
    await waitFor(() => autocheckpoint(store) === 0, 'the worker to take over');
    writeClients(store, 600);
    const walBytes = statSync(`${file}-wal`).size;
    assert.ok(walBytes > 1000 * 4096, `the connection did not checkpoint by itself (WAL ${walBytes} bytes)`);
    // The worker catches up: every frame in the WAL is copied back into the database file.
    await waitFor(() => {
      const state = walState(store);
      return state !== undefined && state.log > 0 && state.checkpointed === state.log;
    }, 'the worker to checkpoint');
    await checkpoints.stop();
    assert.equal(autocheckpoint(store), 1000, 'after stop the connection checkpoints itself again');
    assert.deepEqual(problems, []);
    assert.equal((store.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n, 600);
    assert.equal(store.sqlite.pragma('integrity_check', { simple: true }), 'ok');
  });

  it('when the worker dies the connection checkpoints by itself again and says so', async (t) => {
    const { store } = openStore(t);
    const problems: string[] = [];
    const checkpoints = new BackgroundCheckpoints(store.sqlite, { intervalMs: 20, onProblem: (m) => problems.push(m) });
    checkpoints.busy();
    await waitFor(() => autocheckpoint(store) === 0, 'the worker to take over');
    assert.ok(checkpoints.worker, 'the worker started');
    await checkpoints.worker.terminate();
    await waitFor(() => autocheckpoint(store) === 1000, 'the connection to checkpoint itself');
    assert.match(problems.join('\n'), /checkpoint worker ended: the agent checkpoints itself/);
    writeClients(store, 10);
    checkpoints.busy();
    await waitFor(() => autocheckpoint(store) === 0, 'a new worker on the next busy()');
    await checkpoints.stop();
  });

  it('the worker retires when writes go quiet and comes back when they resume', async (t) => {
    const { store } = openStore(t);
    const checkpoints = new BackgroundCheckpoints(store.sqlite, { intervalMs: 20, idleMs: 100 });
    checkpoints.busy();
    await waitFor(() => autocheckpoint(store) === 0, 'the worker to take over');
    await waitFor(() => checkpoints.worker === undefined && autocheckpoint(store) === 1000, 'the idle worker to retire');
    // Writes keep coming (busy() on every batch), so a slow thread start is not mistaken for quiet.
    await waitFor(() => { checkpoints.busy(); return autocheckpoint(store) === 0; }, 'a worker again');
    await checkpoints.stop();
    assert.equal(checkpoints.worker, undefined);
    checkpoints.busy();
    assert.equal(checkpoints.worker, undefined, 'no worker after stop');
  });
});
