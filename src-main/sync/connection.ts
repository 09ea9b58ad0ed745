import { readFileSync } from 'node:fs';
import { MspError } from '../core/errors.js';
import { accessToken, type SyncLogin } from './auth.js';
import { request, serverMessage, type ServerAnswer } from './http.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** This machine's authenticated line to the sync server: tokens from the login file, refreshed when they expire. */
export class Connection {
  private login: SyncLogin | undefined;
  constructor(private readonly authFile: string, private readonly now: () => number) {}

  private ca(login: SyncLogin): string | undefined {
    return login.caFile ? readFileSync(login.caFile, 'utf8') : undefined;
  }

  /** One authenticated call, whatever its answer; an expired token is refreshed once and the call repeated. */
  async callRaw(method: Method, route: string, body?: unknown): Promise<ServerAnswer> {
    this.login ??= await accessToken(this.authFile, this.now);
    let answer = await request(new URL(this.login.server), method, route, { body, token: this.login.accessToken, ca: this.ca(this.login) });
    if (answer.status === 401) {
      this.login = await accessToken(this.authFile, this.now, this.login.accessToken);
      answer = await request(new URL(this.login.server), method, route, { body, token: this.login.accessToken, ca: this.ca(this.login) });
    }
    return answer;
  }

  /** A sync call that must succeed: anything but 200 becomes one clear MspError. */
  async call(route: string, body?: unknown): Promise<ServerAnswer> {
    const answer = await this.callRaw(body === undefined ? 'GET' : 'POST', route, body);
    if (answer.status === 200) return answer;
    const message = serverMessage(answer);
    if (answer.status === 401 || answer.status === 403) {
      throw new MspError('unauthorized', `the sync server refused this machine: ${message}`);
    }
    if (answer.status === 429) throw new MspError('unavailable', `the sync server asks to slow down: retry in ${answer.retryAfterS ?? 60} s`);
    if (answer.status === 426 || answer.status === 400) throw new MspError('bad_input', `the sync server refused the request: ${message}`);
    throw new MspError('unavailable', `the sync server failed: ${message}`);
  }
}
