import { statSync } from 'node:fs';
import { MspError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { SYNC_STATE, syncOnce, type SyncReport } from './engine.js';

export interface BackgroundSyncOptions {
  /** Between syncs when all is well (default 60 s). */
  intervalMs?: number;
  /** After local changes, sync this soon (default 5 s): work reaches the team quickly, in batches. */
  afterChangeMs?: number;
  /** First retry after a failure (default 5 s), doubled each time up to maxBackoffMs (default 10 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  onSynced?: (report: SyncReport) => void;
  onProblem?: (message: string) => void;
  /** The server refused this machine (revoked): the agent wipes the secrets it cached. */
  onRefused?: (message: string) => void;
}

/**
 * The agent's sync loop. Runs only while this machine is logged in; retries failures with
 * exponential backoff and ±20 % jitter (so a team's agents do not hammer a server that comes
 * back all at once); stops for good when the server refuses the login (revoked machine or user)
 * and starts again when `msp login` writes a new one.
 */
export class BackgroundSync {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  private refusedLogin: number | undefined;
  private stopped = false;
  private readonly options: Required<Omit<BackgroundSyncOptions, 'onSynced' | 'onProblem' | 'onRefused'>> & Pick<BackgroundSyncOptions, 'onSynced' | 'onProblem' | 'onRefused'>;

  constructor(private readonly store: Store, private readonly loginFile: string, options: BackgroundSyncOptions = {}) {
    this.options = { intervalMs: 60_000, afterChangeMs: 5_000, backoffMs: 5_000, maxBackoffMs: 10 * 60_000, random: Math.random, ...options };
  }

  start(): void {
    this.schedule(this.options.afterChangeMs);
  }

  /** Local work was recorded: sync soon, unless a sync is due sooner or we are backing off. */
  changed(): void {
    if (this.failures === 0 && !this.running) this.schedule(this.options.afterChangeMs, true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private due = Number.POSITIVE_INFINITY;

  private schedule(delayMs: number, onlyIfSooner = false): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (onlyIfSooner && this.timer && at >= this.due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = at;
    this.timer = setTimeout(() => { this.running = this.tick().finally(() => { this.running = undefined; }); }, delayMs);
    this.timer.unref();
  }

  private loginStamp(): number | undefined {
    try {
      return statSync(this.loginFile).mtimeMs;
    } catch {
      return undefined;
    }
  }

  private async tick(): Promise<void> {
    const stamp = this.loginStamp();
    // Not logged in, or the server refused this very login: nothing to do until msp login.
    if (stamp === undefined || stamp === this.refusedLogin) {
      this.schedule(this.options.intervalMs);
      return;
    }
    try {
      const report = await syncOnce(this.store, this.loginFile);
      this.failures = 0;
      this.store.write(() => { this.store.writeState(SYNC_STATE.revoked, ''); });
      this.options.onSynced?.(report);
      this.schedule(this.options.intervalMs);
    } catch (error) {
      const message = error instanceof MspError ? error.message : (error as Error).message;
      if (error instanceof MspError && error.code === 'unauthorized') {
        // Told on its next contact: a revoked machine stops syncing (the login file may have been
        // rewritten by a refresh just before the refusal: take its stamp now).
        this.refusedLogin = this.loginStamp();
        this.store.write(() => { this.store.writeState(SYNC_STATE.revoked, message); });
        this.options.onProblem?.(`sync stopped: ${message}`);
        this.options.onRefused?.(message);
        this.schedule(this.options.intervalMs);
        return;
      }
      this.failures++;
      const base = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (this.failures - 1));
      const delay = Math.round(base * (0.8 + 0.4 * this.options.random()));
      this.options.onProblem?.(`sync failed (retry in ${Math.round(delay / 1000)} s): ${message}`);
      this.schedule(delay);
    }
  }
}
