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
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export interface CheckpointOptions {
  /** How often the worker checkpoints. */
  intervalMs?: number;
  /** The worker retires after this long without busy(): an idle agent needs no extra thread. */
  idleMs?: number;
  onProblem?: (message: string) => void;
}

/** After this many unexpected worker deaths the connection checkpoints by itself for good. */
const MAX_FAILURES = 3;

/**
 * Moves WAL checkpoints off the thread that answers requests while writes are busy: the
 * connection stops checkpointing by itself and a worker thread does it every `intervalMs`.
 * Measured on the hook ingest bench: the checkpoint a commit triggers every ~1000 pages was a
 * fifth of the CPU and the whole p99 tail. The worker starts on the first busy() and retires
 * when writes have been quiet for `idleMs` (a thread costs ~10 MB). Whenever there is no worker
 * (idle, failed to start, died), the connection checkpoints by itself as SQLite normally does.
 */
export class BackgroundCheckpoints {
  private current: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private lastBusy = 0;
  private failures = 0;
  private stopped = false;
  private readonly idleTimer: NodeJS.Timeout;
  private readonly intervalMs: number;
  private readonly idleMs: number;
  private readonly onProblem: (message: string) => void;

  constructor(private readonly sqlite: SqliteDatabase, options: CheckpointOptions = {}) {
    this.intervalMs = options.intervalMs ?? 250;
    this.idleMs = options.idleMs ?? 60_000;
    this.onProblem = options.onProblem ?? (() => undefined);
    // The file must not grow without bound between checkpoints: SQLite truncates the WAL back to this.
    sqlite.pragma(`journal_size_limit = ${RESTART_FRAMES * 4096}`);
    this.idleTimer = setInterval(() => {
      if (this.current && Date.now() - this.lastBusy > this.idleMs) void this.retire();
    }, Math.max(10, Math.floor(this.idleMs / 4)));
    this.idleTimer.unref();
  }

  /** The worker thread while one runs (for diagnostics and tests). */
  get worker(): Worker | undefined {
    return this.current;
  }

  /** Writes are happening: make sure a worker checkpoints. Cheap when one already runs. */
  busy(): void {
    this.lastBusy = Date.now();
    if (this.current || this.stopped || this.failures >= MAX_FAILURES) return;
    let worker: Worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: this.sqlite.name, intervalMs: this.intervalMs, restartFrames: RESTART_FRAMES } });
    } catch (error) {
      this.failures = MAX_FAILURES;
      this.onProblem(`background checkpoints unavailable (${(error as Error).message}): the agent checkpoints itself`);
      return;
    }
    worker.unref();
    this.current = worker;
    worker.on('message', (message: { ready?: boolean; problem?: string }) => {
      if (message.ready && this.current === worker && this.sqlite.open) this.sqlite.pragma('wal_autocheckpoint = 0');
      if (message.problem) this.onProblem(`background checkpoint failed: ${message.problem}`);
    });
    worker.on('error', (error) => { this.onProblem(`background checkpoint worker failed (${error.message}): the agent checkpoints itself`); });
    this.exited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        if (this.current === worker) {
          // Not retired by us: it died. The connection checkpoints itself until the next busy().
          this.current = undefined;
          this.selfCheckpoint();
          this.failures++;
          this.onProblem('background checkpoint worker ended: the agent checkpoints itself');
        }
        resolve();
      });
    });
  }

  /** Last checkpoint, then the worker's connection closes; from then on the connection checkpoints itself. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.idleTimer);
    await this.retire();
  }

  private async retire(): Promise<void> {
    const worker = this.current;
    if (!worker) return this.exited;
    this.current = undefined;
    this.selfCheckpoint();
    // Held until it has finished: an unreferenced worker would let the process end first.
    worker.ref();
    worker.postMessage('stop');
    return this.exited;
  }

  private selfCheckpoint(): void {
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }
}
