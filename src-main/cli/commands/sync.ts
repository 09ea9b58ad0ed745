import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tokenPair } from '../../../src-shared/sync-api.js';
import { MspError, badInput } from '../../core/errors.js';
import { machineIdentity } from '../../machine/fingerprint.js';
import { loadConfig, saveConfig } from '../../store/config-file.js';
import { dataDir, dataFiles } from '../../store/paths.js';
import { readLogin, saveTokens } from '../../sync/auth.js';
import { syncOnce, syncStatus, verifyWithServer } from '../../sync/engine.js';
import { checkServerUrl, request, serverMessage } from '../../sync/http.js';
import { stringOption, type CliIo, type CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const ago = (ms: number | null, now: number) => (ms === null ? 'never' : `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC (${Math.round((now - ms) / 1000)} s ago)`);

function readPassword(parsed: { options: Record<string, string | boolean | undefined> }): string {
  if (parsed.options['password-stdin'] !== true) {
    throw badInput('password', 'give the password on standard input with --password-stdin (e.g. msp login ... --password-stdin < file, or typed then Ctrl-D)');
  }
  const text = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (text === '') throw badInput('password', 'the password read from standard input is empty');
  return text;
}

const login: CommandSpec = {
  name: 'login',
  summary: 'Log this machine in to the team sync server (registers the machine; keeps a rotating refresh token).',
  options: {
    server: { type: 'string', valueName: 'URL', description: 'the sync server, https://HOST[:PORT] (default: sync.serverUrl)' },
    user: { type: 'string', valueName: 'NAME', description: 'your user on the sync server' },
    'password-stdin': { type: 'boolean', description: 'read the password from standard input' },
    'insecure-http': { type: 'boolean', description: 'allow plain http to a host other than this one' },
    'ca-file': { type: 'string', valueName: 'PEM', description: "CA certificate the server's TLS certificate chains to (self-signed servers)" },
  },
  run: async (parsed, io) => {
    const files = dataFiles(dataDir(io.env));
    const config = loadConfig(files.config);
    const serverText = stringOption(parsed, 'server') ?? config.sync.serverUrl;
    if (!serverText) throw badInput('server', 'say which sync server: msp login --server https://HOST[:PORT] --user NAME');
    const user = stringOption(parsed, 'user');
    if (!user) throw badInput('user', 'say who you are on the sync server: --user NAME');
    const url = checkServerUrl(serverText, parsed.options['insecure-http'] === true);
    const caFile = stringOption(parsed, 'ca-file');
    const ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
    const identity = machineIdentity();
    const answer = await request(url, 'POST', '/v1/auth/login', {
      body: { user, password: readPassword(parsed), machine: { fingerprint: identity.fingerprint, hostname: identity.hostname.slice(0, 255) || 'unknown', platform: identity.platform } },
      ca,
    });
    if (answer.status !== 200) throw new MspError(answer.status === 401 || answer.status === 403 ? 'unauthorized' : 'unavailable', `login refused: ${serverMessage(answer)}`);
    mkdirSync(files.dir, { recursive: true, mode: 0o700 });
    const saved = saveTokens(files.syncLogin, { server: url.origin, user, ...(caFile ? { caFile } : {}) }, tokenPair.parse(answer.body), Date.now());
    saveConfig(files.config, { ...config, sync: { ...config.sync, serverUrl: url.origin } });
    print(io, parsed.json, { server: saved.server, user, machineId: saved.machineId, file: files.syncLogin }, () => [
      `Logged in to ${saved.server} as ${user}; this machine is ${saved.machineId}.`,
      `warning: no OS keychain support yet: the login is kept in ${files.syncLogin} (readable by you only).`,
      'Next: msp sync',
    ].join('\n'));
  },
};

const logout: CommandSpec = {
  name: 'logout',
  summary: "End this machine's login on the sync server and forget its tokens.",
  run: async (parsed, io) => {
    const files = dataFiles(dataDir(io.env));
    const saved = readLogin(files.syncLogin);
    if (!saved) {
      print(io, parsed.json, { loggedOut: false }, () => 'Not logged in.');
      return;
    }
    let told = true;
    try {
      const answer = await request(new URL(saved.server), 'POST', '/v1/auth/logout', { body: { refreshToken: saved.refreshToken }, ca: saved.caFile ? readFileSync(saved.caFile, 'utf8') : undefined });
      told = answer.status === 200;
    } catch {
      told = false;
    }
    rmSync(files.syncLogin, { force: true });
    print(io, parsed.json, { loggedOut: true, serverTold: told }, () => (told ? `Logged out of ${saved.server}.` : `Forgot the login here; ${saved.server} could not be told (its refresh token expires by itself).`));
  },
};

function progressPrinter(io: CliIo, json: boolean): (p: { phase: string; done: number; total?: number }) => void {
  if (json || !process.stderr.isTTY) return () => undefined;
  return (p) => { process.stderr.write(`\r${p.phase} ${p.done}${p.total ? `/${p.total}` : ''} changes   `); };
}

const sync: CommandSpec = {
  name: 'sync',
  summary: "Push this machine's changes to the sync server and pull everyone else's, once.",
  run: (parsed, io) =>
    withContext(io, async (opened) => {
      const report = await syncOnce(opened.store, opened.files.syncLogin, progressPrinter(io, parsed.json));
      if (!parsed.json && process.stderr.isTTY) process.stderr.write('\n');
      print(io, parsed.json, report, () => [
        `Synced in ${report.ms} ms: pushed ${report.pushed}, pulled ${report.pulled} (${report.applied} applied).`,
        ...report.rejected.map((r) => `refused by the server: change ${r.counter}: ${r.reason}`),
        ...(report.deferred > 0 ? [`${report.deferred} pulled changes wait for rows that have not arrived yet`] : []),
      ].join('\n'));
      if (report.rejected.length > 0) io.exitCode = 1;
    }),
};

const status: CommandSpec = {
  name: 'sync status',
  summary: 'The sync server, the last successful sync, changes waiting to be pushed, the last error.',
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const state = syncStatus(opened.store, readLogin(opened.files.syncLogin));
      const now = Date.now();
      print(io, parsed.json, state, () => [
        `server:       ${state.server ?? 'none (msp login --server URL --user NAME)'}${state.user ? ` as ${state.user}` : ''}`,
        `last success: ${ago(state.lastSuccess, now)}`,
        `to push:      ${state.pending} changes`,
        `pulled from:  ${Object.keys(state.vector).length} machines${state.deferred ? `; ${state.deferred} changes waiting for their rows` : ''}`,
        `last error:   ${state.lastError?.message ? `${state.lastError.message} (${ago(state.lastError.at, now)})` : 'none'}`,
        ...(state.refused ? [`STOPPED:      the server refused this machine (${state.refused}); the agent syncs again after msp login`] : []),
      ].join('\n'));
    }),
};

const verify: CommandSpec = {
  name: 'sync verify',
  summary: 'Sync, then prove this machine and the server hold the same data: per table row counts and digests. Exit 0 only when equal.',
  run: (parsed, io) =>
    withContext(io, async (opened) => {
      const report = await verifyWithServer(opened.store, opened.files.syncLogin);
      print(io, parsed.json, report, () => report.equal
        ? 'Equal: every synced table has the same rows and digest here and on the server.'
        : ['Different:', ...report.differences.flatMap((d) => [
          `- ${d.table}: here ${d.local.rows} rows (${d.local.hash.slice(0, 12)}), server ${d.server.rows} rows (${d.server.hash.slice(0, 12)})`,
          ...(d.onlyHere.length ? [`    only here: ${d.onlyHere.join(', ')}`] : []),
          ...(d.onlyOnServer.length ? [`    only on the server: ${d.onlyOnServer.join(', ')}`] : []),
          ...(d.different.length ? [`    different: ${d.different.join(', ')}`] : []),
        ])].join('\n'));
      if (!report.equal) io.exitCode = 1;
    }),
};

export const syncCommands = [login, logout, sync, status, verify];
