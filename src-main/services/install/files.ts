import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MspError } from '../../core/errors.js';
import { writeHookFiles } from '../capture/hook-script.js';
import { INSTALL_MARKER, slashCommands, subagents, type ClaudeFile } from './agents.js';
import { emptyHookContainers, mergeMspHooks, mspHookCommand, removeMspHooks, type EmptyContainers } from './settings.js';

export type InstallTarget = { kind: 'user'; home: string } | { kind: 'project'; dir: string };

export interface InstallReport {
  target: 'user' | 'project';
  claudeDir: string;
  settingsFile: string;
  settingsChanged: boolean;
  /** The copy of the settings file as it was before MSP Mode first changed it (null: none). */
  backup: string | null;
  hookCommand: string;
  written: string[];
  removed: string[];
  /** Same-named files without the MSP Mode marker: the user's own, left alone. */
  skipped: string[];
}

/** What install found in a settings file, so uninstall can put back exactly that. */
interface InstallState { createdFile: boolean; keepEmpty: EmptyContainers }

export function claudePaths(target: InstallTarget): { claudeDir: string; settingsFile: string } {
  const claudeDir = path.join(target.kind === 'user' ? target.home : target.dir, '.claude');
  return { claudeDir, settingsFile: path.join(claudeDir, target.kind === 'user' ? 'settings.json' : 'settings.local.json') };
}

/** A JSON config file of Claude Code's: absent or blank reads as {}; invalid JSON is refused, nothing changed. */
export function readSettings(file: string): { exists: boolean; value: unknown } {
  if (!existsSync(file)) return { exists: false, value: {} };
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return { exists: true, value: {} };
  try {
    return { exists: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new MspError('bad_input', `${file} is not valid JSON (${(error as Error).message}): nothing was changed`, 'settings');
  }
}

export function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof MspError) throw new MspError(error.code, `${file}: ${error.message}`, error.field);
    throw error;
  }
}

export function writeAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

function backupOnce(file: string): string | null {
  const backup = `${file}.msp-backup`;
  if (!existsSync(file)) return null;
  if (!existsSync(backup)) writeFileSync(backup, readFileSync(file));
  return backup;
}

const stateFile = (dataDir: string) => path.join(dataDir, 'claude-install.json');

/** What install found in each file it changed (settings, .mcp.json), by absolute path: what uninstall puts back. */
export function readState(dataDir: string): Record<string, unknown> {
  try {
    const value = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function writeState(dataDir: string, state: Record<string, unknown>): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeAtomic(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

const hasMarker = (file: string): boolean => readFileSync(file, 'utf8').includes(INSTALL_MARKER);

function claudeFiles(mspLauncher: string): ClaudeFile[] {
  const launcher = { node: process.execPath, msp: mspLauncher };
  return [...slashCommands(launcher), ...subagents(launcher)];
}

/**
 * Installs MSP Mode into Claude Code: the hook handlers into the settings file (backed up once,
 * written atomically), the hook script into the data dir, and the slash commands and subagents.
 * A same-named command or agent file without the MSP Mode marker is the user's: left alone.
 */
export function installClaudeCode(target: InstallTarget, dataDir: string, mspLauncher: string): InstallReport {
  const { claudeDir, settingsFile } = claudePaths(target);
  const hookCommand = mspHookCommand(dataDir);
  const current = readSettings(settingsFile);
  const merged = inFile(settingsFile, () => mergeMspHooks(current.value, hookCommand));
  let backup: string | null = existsSync(`${settingsFile}.msp-backup`) ? `${settingsFile}.msp-backup` : null;
  if (merged.changed) {
    const state = readState(dataDir);
    if (!(settingsFile in state)) {
      state[settingsFile] = { createdFile: !current.exists, keepEmpty: emptyHookContainers(current.value) };
      writeState(dataDir, state);
    }
    backup = backupOnce(settingsFile) ?? backup;
    writeAtomic(settingsFile, `${JSON.stringify(merged.settings, null, 2)}\n`);
  }
  writeHookFiles(dataDir);
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of claudeFiles(mspLauncher)) {
    const destination = path.join(claudeDir, file.path);
    if (existsSync(destination) && !hasMarker(destination)) {
      skipped.push(destination);
      continue;
    }
    if (existsSync(destination) && readFileSync(destination, 'utf8') === file.content) continue;
    writeAtomic(destination, file.content);
    written.push(destination);
  }
  return { target: target.kind, claudeDir, settingsFile, settingsChanged: merged.changed, backup, hookCommand, written, removed: [], skipped };
}

/** Removes exactly what install added: our hook handlers, and the command and agent files that carry the marker. */
export function uninstallClaudeCode(target: InstallTarget, dataDir: string, mspLauncher = ''): InstallReport {
  const { claudeDir, settingsFile } = claudePaths(target);
  const hookCommand = mspHookCommand(dataDir);
  const removed: string[] = [];
  const skipped: string[] = [];
  let settingsChanged = false;
  let backup: string | null = null;
  if (existsSync(settingsFile)) {
    const current = readSettings(settingsFile);
    const state = readState(dataDir);
    const recorded = state[settingsFile] as InstallState | undefined;
    const result = inFile(settingsFile, () => removeMspHooks(current.value, { hookCommand, ...(recorded ? { keepEmpty: recorded.keepEmpty } : {}) }));
    if (result.changed) {
      settingsChanged = true;
      backup = backupOnce(settingsFile);
      if (recorded?.createdFile && Object.keys(result.settings).length === 0) {
        unlinkSync(settingsFile);
        removed.push(settingsFile);
      } else {
        writeAtomic(settingsFile, `${JSON.stringify(result.settings, null, 2)}\n`);
      }
    }
    if (recorded) {
      writeState(dataDir, Object.fromEntries(Object.entries(state).filter(([file]) => file !== settingsFile)));
    }
  }
  for (const file of claudeFiles(mspLauncher)) {
    const destination = path.join(claudeDir, file.path);
    if (!existsSync(destination)) continue;
    if (!hasMarker(destination)) {
      skipped.push(destination);
      continue;
    }
    unlinkSync(destination);
    removed.push(destination);
  }
  for (const folder of ['commands', 'agents']) {
    try {
      rmdirSync(path.join(claudeDir, folder));
    } catch {
      // Not empty (the user's own files) or not there: left alone.
    }
  }
  return { target: target.kind, claudeDir, settingsFile, settingsChanged, backup, hookCommand, written: [], removed, skipped };
}
