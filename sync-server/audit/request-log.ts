/**
 * Every API request goes into api_audit_log: who, from which machine and IP, which route pattern,
 * the status and how long it took. Rows are queued and written in batches off the request's path
 * (one multi-row INSERT per second or per 200 rows); close() writes what is left, so a graceful
 * stop loses nothing. Nothing in the server updates or deletes these rows.
 */
import { apiAuditLog } from '../db/schema.generated.js';
import { newId, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

export interface RequestRecord {
  method: string;
  route: string;
  status: number;
  actor: string | null;
  machineId: string | null;
  ip: string;
  durationMs: number;
  requestId: string;
}

type AuditRow = typeof apiAuditLog.$inferInsert;

const ORIGIN = 'msp-server';
const BATCH_ROWS = 200;
const FLUSH_EVERY_MS = 1000;
/** Rows kept while MariaDB is unreachable; beyond this the oldest go, and the log says how many. */
const MAX_PENDING = 100_000;

export class RequestLog {
  private pending: AuditRow[] = [];
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: Db, private readonly clock: Clock, private readonly onError: (message: string) => void) {
    this.timer = setInterval(() => { void this.flush(); }, FLUSH_EVERY_MS);
    this.timer.unref();
  }

  record(entry: RequestRecord): void {
    const at = this.clock.now();
    // Not replicated (api_audit_log is machine-local), so the clock is this server's alone.
    const hlc = `${String(at).padStart(13, '0')}-00000-${ORIGIN}`;
    this.pending.push({ id: newId(this.clock), ...entry, at, createdAt: at, updatedAt: at, originId: ORIGIN, hlc, deleted: false });
    if (this.pending.length > MAX_PENDING) {
      const dropped = this.pending.length - MAX_PENDING;
      this.pending.splice(0, dropped);
      this.onError(`audit log: MariaDB has not accepted rows for a while; dropped the ${dropped} oldest`);
    }
    if (this.pending.length >= BATCH_ROWS) void this.flush();
  }

  /** Writes every queued row; one write at a time, rows put back when MariaDB refuses them. */
  flush(): Promise<void> {
    this.flushing ??= this.writeAll().finally(() => { this.flushing = undefined; });
    return this.flushing;
  }

  private async writeAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, BATCH_ROWS);
      try {
        await this.db.insert(apiAuditLog).values(batch);
      } catch (error) {
        this.pending.unshift(...batch);
        this.onError(`audit log: could not write ${batch.length} rows (${(error as Error).message}); will retry`);
        return;
      }
    }
  }

  /** Stops the timer and writes what is queued (a request finishing meanwhile is written too). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.pending.length > 0) await this.flush();
  }
}
