import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tokenPair, type TokenPair } from '../../src-shared/sync-api.js';
import { MspError } from '../core/errors.js';
import { request, serverMessage } from './http.js';

/**
 * What this machine holds to talk to the sync server. Until the vault issue brings the OS keychain,
 * it is a 0600 file in the data dir (msp login says so). Refresh tokens are single-use and rotate:
 * whoever refreshes (the agent or a CLI command) does it under a lock file and writes the new
 * pair atomically, so two processes never spend the same token (which would revoke the login).
 */
export interface SyncLogin {
  server: string;
  user: string;
  machineId: string;
  refreshToken: string;
  accessToken: string;
  /** ms since the epoch */
  accessExpiresAt: number;
  /** Extra CA certificate (PEM) the server's TLS certificate chains to, if not a public one. */
  caFile?: string;
}

const REFRESH_MARGIN_MS = 60_000;
const LOCK_STALE_MS = 30_000;

export function readLogin(file: string): SyncLogin | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SyncLogin;
  } catch {
    throw new MspError('unavailable', `${file} is damaged: log in again with msp login --server URL --user NAME`);
  }
}

export function writeLogin(file: string, login: SyncLogin): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
}

export function saveTokens(file: string, base: Omit<SyncLogin, 'refreshToken' | 'accessToken' | 'accessExpiresAt' | 'machineId'>, pair: TokenPair, now: number): SyncLogin {
  const login: SyncLogin = { ...base, machineId: pair.machineId, refreshToken: pair.refreshToken, accessToken: pair.accessToken, accessExpiresAt: now + pair.expiresIn * 1000 };
  writeLogin(file, login);
  return login;
}

async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx', 0o600));
      break;
    } catch {
      try {
        if (Date.now() - statSync(lockFile).mtimeMs > LOCK_STALE_MS) rmSync(lockFile, { force: true });
      } catch { /* gone meanwhile */ }
      if (Date.now() > deadline) throw new MspError('unavailable', `another msp process holds ${lockFile}: try again in a moment`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/**
 * A valid access token: the saved one while it lasts, else a refreshed pair (saved before use).
 * `rejected`: the server refused this access token before it expired (a signing key retired):
 * refresh it unless another process already did.
 */
export async function accessToken(file: string, now: () => number, rejected?: string): Promise<SyncLogin> {
  const usable = (login: SyncLogin) => login.accessToken !== rejected && login.accessExpiresAt - REFRESH_MARGIN_MS > now();
  const current = readLogin(file);
  if (!current) throw new MspError('unauthorized', 'this machine is not logged in to a sync server: msp login --server URL --user NAME');
  if (usable(current)) return current;
  return withLock(`${file}.lock`, async () => {
    // Another process may have refreshed while we waited for the lock.
    const latest = readLogin(file) ?? current;
    if (usable(latest)) return latest;
    const ca = latest.caFile ? readFileSync(latest.caFile, 'utf8') : undefined;
    const answer = await request(new URL(latest.server), 'POST', '/v1/auth/refresh', { body: { refreshToken: latest.refreshToken }, ca });
    if (answer.status === 401 || answer.status === 403) {
      throw new MspError('unauthorized', `the sync server refused this machine's login (${serverMessage(answer)}): log in again with msp login`);
    }
    if (answer.status !== 200) throw new MspError('unavailable', `refreshing the login failed: ${serverMessage(answer)}`);
    return saveTokens(file, latest, tokenPair.parse(answer.body), now());
  });
}
