import { timingSafeEqual } from 'node:crypto';
import { MspError } from '../core/errors.js';

/**
 * Loopback is not trust: every request must name the agent itself as Host (a DNS-rebinding page
 * names its own domain), come from no foreign browser Origin (CSRF), and carry the bearer token.
 */
export interface GuardOptions {
  token: string;
  port: () => number;
}

export function checkRequest(headers: Record<string, string | string[] | undefined>, options: GuardOptions): void {
  const port = options.port();
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = headers.host;
  if (typeof host !== 'string' || !allowedHosts.includes(host.toLowerCase())) {
    throw new MspError('forbidden', `Host must be 127.0.0.1:${port} or localhost:${port}`);
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(String(origin).toLowerCase())) {
    throw new MspError('forbidden', 'requests from other origins are refused');
  }
  const authorization = headers.authorization;
  const presented = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  if (!tokensMatch(presented, options.token)) {
    throw new MspError('unauthorized', 'missing or wrong bearer token: send Authorization: Bearer <token from agent.token in the data dir>');
  }
}

function tokensMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
