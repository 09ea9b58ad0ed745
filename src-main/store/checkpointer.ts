import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/** SQLite's own default: the connection checkpoints after a commit once the WAL holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;
/** WAL length (pages) past which the worker makes the WAL start over: ~64 MB of 4 KB pages. */
const RESTART_FRAMES = 16_384;

// Runs in a worker thread with its own connection. A PASSIVE checkpoint never blocks writers,
// so the agent's commits go on while pages are copied back and the database file is synced.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
const tick = () => {
  try {
    const [state] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under sustained writes a passive checkpoint never catches up, so the WAL would never start
    // over: past the limit, one RESTART briefly waits for the writer and lets the WAL begin again.
    if (state && state.log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
  } catch (error) { parentPort.postMessage({ problem: String(error && error.message || error) }); }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  tick();
  db.close();
  parentPort.postMessage({ stopped: true });
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export interface BackgroundCheckpoints {
  /** The worker thread, when it could start (for diagnostics and tests). */
  readonly worker?: Worker;
  /** Last checkpoint, then the worker's connection closes. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the thread that answers requests: the connection stops
 * checkpointing by itself, and a worker thread does it every `intervalMs`. Measured on the hook
 * ingest bench: the checkpoint a commit triggers every ~1000 pages was a fifth of the CPU and
 * the whole p99 tail. If the worker cannot start or dies, the connection checkpoints itself again.
 */
export function startBackgroundCheckpoints(
  sqlite: SqliteDatabase,
  options: { intervalMs?: number; onProblem?: (message: string) => void } = {},
): BackgroundCheckpoints {
  const onProblem = options.onProblem ?? (() => undefined);
  const selfCheckpoint = () => { if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`); };
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: sqlite.name, intervalMs: options.intervalMs ?? 250, restartFrames: RESTART_FRAMES } });
  } catch (error) {
    onProblem(`background checkpoints unavailable (${(error as Error).message}): the agent checkpoints itself`);
    return { stop: () => Promise.resolve() };
  }
  worker.unref();
  let stopping = false;
  // The file must not grow without bound between checkpoints: SQLite truncates the WAL back to this.
  sqlite.pragma(`journal_size_limit = ${RESTART_FRAMES * 4096}`);
  worker.on('message', (message: { ready?: boolean; problem?: string }) => {
    if (message.ready && sqlite.open && !stopping) sqlite.pragma('wal_autocheckpoint = 0');
    if (message.problem) onProblem(`background checkpoint failed: ${message.problem}`);
  });
  worker.on('error', (error) => {
    selfCheckpoint();
    onProblem(`background checkpoint worker failed (${error.message}): the agent checkpoints itself`);
  });
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (!stopping) {
        selfCheckpoint();
        onProblem('background checkpoint worker ended: the agent checkpoints itself');
      }
      resolve();
    });
  });
  return {
    worker,
    stop: () => {
      if (!stopping) {
        stopping = true;
        selfCheckpoint();
        // Held until it has finished: an unreferenced worker would let the process end first.
        worker.ref();
        worker.postMessage('stop');
      }
      return exited;
    },
  };
}
