/**
 * Registers MSP Mode's MCP server (`msp mcp`) with Claude Code: in a project's .mcp.json (merged,
 * exact undo), or for the user through Claude Code's own `claude mcp add --scope user` (its
 * ~/.claude.json is rewritten by running sessions, so MSP Mode does not edit it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, unlinkSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import { findOnPath } from '../../machine/path-lookup.js';
import { needsShell, nodeFileAccess } from '../../machine/probe.js';
import { inFile, readSettings, readState, writeAtomic, writeState } from './files.js';

export const MCP_SERVER_NAME = 'msp';
const CLAUDE_TIMEOUT_MS = 30_000;

/** How Claude Code starts the server: this node, this msp launcher, and the data dir when it is not the default. */
export interface McpServerEntry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export function mspServerEntry(mspLauncher: string, env: NodeJS.ProcessEnv): McpServerEntry {
  const home = env.MSP_HOME?.trim();
  return { command: process.execPath, args: [mspLauncher, 'mcp'], ...(home ? { env: { MSP_HOME: path.resolve(home) } } : {}) };
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function serversOf(config: unknown): { config: JsonObject; servers: JsonObject | undefined } {
  if (!isObject(config)) throw badInput('mcp', `must be a JSON object like {"mcpServers": {}} (got ${Array.isArray(config) ? 'an array' : typeof config}); nothing was changed`);
  const servers = config.mcpServers;
  if (servers !== undefined && !isObject(servers)) throw badInput('mcp', `"mcpServers" must be an object of servers (got ${Array.isArray(servers) ? 'an array' : typeof servers}); nothing was changed`);
  return { config, servers };
}

/** Adds (or corrects) mcpServers.msp; every other key and server is kept, in its place. */
export function mergeMspServer(value: unknown, entry: McpServerEntry): { changed: boolean; config: JsonObject; replaced: boolean } {
  const { config, servers } = serversOf(value);
  const current = servers?.[MCP_SERVER_NAME];
  if (isDeepStrictEqual(current, entry)) return { changed: false, config, replaced: false };
  return { changed: true, config: { ...config, mcpServers: { ...servers, [MCP_SERVER_NAME]: entry } }, replaced: current !== undefined };
}

/** Removes mcpServers.msp; an mcpServers object install created goes too once it is empty. */
export function removeMspServer(value: unknown, options: { dropEmptyServers: boolean }): { changed: boolean; config: JsonObject } {
  const { config, servers } = serversOf(value);
  if (servers === undefined || !(MCP_SERVER_NAME in servers)) return { changed: false, config };
  const rest = Object.fromEntries(Object.entries(servers).filter(([name]) => name !== MCP_SERVER_NAME));
  if (Object.keys(rest).length === 0 && options.dropEmptyServers) {
    return { changed: true, config: Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'mcpServers')) };
  }
  return { changed: true, config: { ...config, mcpServers: rest } };
}

/** What install found in a .mcp.json, so uninstall leaves it as it was. */
interface McpFileState { createdFile: boolean; createdServers: boolean }

export interface ProjectMcpReport {
  file: string;
  changed: boolean;
  /** An `msp` server that was there (another path, an older install) was replaced. */
  replaced: boolean;
  /** Uninstall deleted the file: install had created it and nothing else is in it. */
  deleted: boolean;
}

const mcpFileOf = (projectDir: string) => path.join(projectDir, '.mcp.json');
const toJson = (config: JsonObject) => `${JSON.stringify(config, null, 2)}\n`;

export function installProjectMcp(projectDir: string, dataDir: string, entry: McpServerEntry): ProjectMcpReport {
  const file = mcpFileOf(projectDir);
  const current = readSettings(file);
  const merged = inFile(file, () => mergeMspServer(current.value, entry));
  if (merged.changed) {
    const state = readState(dataDir);
    if (!(file in state)) {
      const found: McpFileState = { createdFile: !current.exists, createdServers: (current.value as JsonObject).mcpServers === undefined };
      state[file] = found;
      writeState(dataDir, state);
    }
    writeAtomic(file, toJson(merged.config));
  }
  return { file, changed: merged.changed, replaced: merged.replaced, deleted: false };
}

export function uninstallProjectMcp(projectDir: string, dataDir: string): ProjectMcpReport {
  const file = mcpFileOf(projectDir);
  if (!existsSync(file)) return { file, changed: false, replaced: false, deleted: false };
  const current = readSettings(file);
  const state = readState(dataDir);
  const recorded = state[file] as McpFileState | undefined;
  const result = inFile(file, () => removeMspServer(current.value, { dropEmptyServers: recorded?.createdServers ?? false }));
  let deleted = false;
  if (result.changed) {
    if (recorded?.createdFile && Object.keys(result.config).length === 0) {
      unlinkSync(file);
      deleted = true;
    } else {
      writeAtomic(file, toJson(result.config));
    }
  }
  if (recorded) writeState(dataDir, Object.fromEntries(Object.entries(state).filter(([key]) => key !== file)));
  return { file, changed: result.changed, replaced: false, deleted };
}

export interface UserMcpReport {
  /** The command, as a user would type it. */
  command: string;
  /** Where `claude` was found; null: not on PATH, so the command was only printed. */
  claude: string | null;
  ok: boolean;
  /** What went wrong, in one line, when `claude` ran and failed. */
  problem: string | null;
}

const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : process.platform === 'win32' ? `"${word}"` : `'${word.replace(/'/g, "'\\''")}'`);
const commandLine = (args: string[]) => ['claude', ...args].map(shellWord).join(' ');

export function userAddArgs(entry: McpServerEntry): string[] {
  // The name comes before -e: Claude Code's -e takes several values and would swallow it.
  const env = Object.entries(entry.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return ['mcp', 'add', '--scope', 'user', MCP_SERVER_NAME, ...env, '--', entry.command, ...entry.args];
}

export const userRemoveArgs = (): string[] => ['mcp', 'remove', '--scope', 'user', MCP_SERVER_NAME];

function runClaude(claude: string, args: string[], env: NodeJS.ProcessEnv): { ok: boolean; output: string } {
  // A .cmd shim (Windows npm install) only starts through a shell, which then needs quoted words.
  const shell = needsShell(claude);
  const result = spawnSync(shell ? shellWord(claude) : claude, shell ? args.map(shellWord) : args, {
    env, encoding: 'utf8', timeout: CLAUDE_TIMEOUT_MS, shell, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) {
    const timedOut = (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    return { ok: false, output: timedOut ? `no answer after ${CLAUDE_TIMEOUT_MS / 1000} s` : result.error.message };
  }
  const output = `${result.stderr}\n${result.stdout}`.trim().split('\n').find((line) => line.trim() !== '') ?? '';
  return { ok: result.status === 0, output: result.status === 0 ? output : `exit ${result.status ?? result.signal ?? '?'}${output ? `: ${output}` : ''}` };
}

async function claudeOnPath(env: NodeJS.ProcessEnv): Promise<string | null> {
  return findOnPath('claude', { platform: process.platform, env, files: nodeFileAccess });
}

/** `claude mcp add --scope user msp -- node msp.cjs mcp`, or (no claude on PATH) the command to run. */
export async function registerUserMcp(entry: McpServerEntry, env: NodeJS.ProcessEnv): Promise<UserMcpReport> {
  const args = userAddArgs(entry);
  const claude = await claudeOnPath(env);
  if (claude === null) return { command: commandLine(args), claude, ok: false, problem: null };
  let result = runClaude(claude, args, env);
  if (!result.ok && /already exists/i.test(result.output)) {
    // Registered before (perhaps from another folder): replaced, so installing again is harmless.
    runClaude(claude, userRemoveArgs(), env);
    result = runClaude(claude, args, env);
  }
  return { command: commandLine(args), claude, ok: result.ok, problem: result.ok ? null : result.output };
}

/** `claude mcp remove --scope user msp`, or (no claude on PATH) the command to run. */
export async function unregisterUserMcp(env: NodeJS.ProcessEnv): Promise<UserMcpReport> {
  const args = userRemoveArgs();
  const claude = await claudeOnPath(env);
  if (claude === null) return { command: commandLine(args), claude, ok: false, problem: null };
  const result = runClaude(claude, args, env);
  // Not registered is what uninstall wants: not a failure.
  const ok = result.ok || /not found|no .*server/i.test(result.output);
  return { command: commandLine(args), claude, ok, problem: ok ? null : result.output };
}
