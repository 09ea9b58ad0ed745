/**
 * Rate limits, as a table of data: each class of request has a budget per window and a key.
 * Counts live in this process's memory (fixed windows), so N server instances behind a load
 * balancer allow up to N times each budget; the README says so. The login limits matter most
 * against password guessing and a balancer with sticky sessions per client IP keeps them exact.
 */
import type { Clock } from '../clock.js';
import { ServerError } from '../errors.js';

export type LimitClass = 'default' | 'credentials' | 'login';

export interface Budget {
  requests: number;
  windowMs: number;
}

export interface LimitTable {
  /** Per login (refresh-token family) on authenticated routes. */
  default: Budget;
  /** Per login on routes that touch credential secrets. */
  credentials: Budget;
  /** Per client IP on public routes and for requests without a valid token. */
  anonymous: Budget;
  /** Login attempts per user name and per IP. */
  loginAttempts: Budget;
  /** Failed logins per user name before that name is locked out for the window. */
  loginFailures: Budget;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: LimitTable = {
  default: { requests: 100, windowMs: MINUTE },
  credentials: { requests: 10, windowMs: MINUTE },
  anonymous: { requests: 100, windowMs: MINUTE },
  loginAttempts: { requests: 10, windowMs: MINUTE },
  loginFailures: { requests: 5, windowMs: 15 * MINUTE },
};

interface Window {
  startedAt: number;
  count: number;
}

/** Fixed-window counters per key. */
export class WindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly budget: Budget, private readonly clock: Clock) {}

  /** Counts one event for `key`; returns the seconds to wait when the budget is spent, else undefined. */
  hit(key: string): number | undefined {
    const window = this.current(key);
    if (window.count >= this.budget.requests) return this.retryAfter(window);
    window.count += 1;
    return undefined;
  }

  /** Seconds to wait when `key` has no budget left, without counting. */
  blocked(key: string): number | undefined {
    const window = this.current(key);
    return window.count >= this.budget.requests ? this.retryAfter(window) : undefined;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private retryAfter(window: Window): number {
    return Math.max(1, Math.ceil((window.startedAt + this.budget.windowMs - this.clock.now()) / 1000));
  }

  private current(key: string): Window {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (window === undefined || now - window.startedAt >= this.budget.windowMs || now < window.startedAt) {
      if (this.windows.size >= 100_000) this.sweep(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.budget.windowMs) this.windows.delete(key);
  }
}

export const tooManyRequests = (retryAfterSeconds: number, what: string) =>
  new ServerError('rate_limited', `too many ${what}: try again in ${retryAfterSeconds} s`, undefined, retryAfterSeconds);

/** Every counter of one server instance. */
export class RateLimits {
  readonly perLogin: Record<'default' | 'credentials', WindowCounter>;
  readonly anonymous: WindowCounter;
  readonly loginAttempts: WindowCounter;
  readonly loginFailures: WindowCounter;

  constructor(readonly table: LimitTable, clock: Clock) {
    this.perLogin = { default: new WindowCounter(table.default, clock), credentials: new WindowCounter(table.credentials, clock) };
    this.anonymous = new WindowCounter(table.anonymous, clock);
    this.loginAttempts = new WindowCounter(table.loginAttempts, clock);
    this.loginFailures = new WindowCounter(table.loginFailures, clock);
  }
}
