/**
 * Errors a technician or an admin can act on. `code` picks the HTTP status in exactly one place
 * (http/errors.ts) and the exit code of `msp-server` commands; `message` is one line naming the
 * problem and the fix.
 */
import type { ServerErrorCode } from '../src-shared/sync-api.js';

export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly field?: string,
    /** Seconds to wait, for rate_limited. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** A setting that cannot be used: names the setting and how to fix it. */
export class ConfigError extends Error {
  constructor(readonly setting: string, problem: string) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export const httpStatusOf: Record<ServerErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  protocol: 426,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
