import os from 'node:os';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import { installClaudeCode, uninstallClaudeCode, type InstallReport, type InstallTarget } from '../../services/install/files.js';
import { dataDir } from '../../store/paths.js';
import { flag, stringOption, type CommandSpec, type ParsedCommand } from '../args.js';
import { print } from './with-context.js';

const options = {
  user: { type: 'boolean', description: 'your user settings, ~/.claude (the default)' },
  project: { type: 'string', valueName: 'DIR', description: 'one project only: DIR/.claude (settings.local.json, not committed)' },
} as const;

function targetOf(parsed: ParsedCommand, env: NodeJS.ProcessEnv, command: string): InstallTarget {
  const project = stringOption(parsed, 'project');
  if (project !== undefined && flag(parsed, 'user')) throw badInput('arguments', `msp ${command}: give --user or --project DIR, not both`);
  if (project !== undefined) return { kind: 'project', dir: path.resolve(project) };
  return { kind: 'user', home: env.HOME?.trim() || env.USERPROFILE?.trim() || os.homedir() };
}

/** The msp launcher (bin/msp.cjs) this process was started from: the slash commands call it by absolute path. */
function launcher(): string {
  return path.resolve(process.argv[1] ?? 'msp');
}

function summary(report: InstallReport, installing: boolean): string {
  const where = `${report.target} settings ${report.settingsFile}`;
  const settings = installing
    ? report.settingsChanged ? `hooks added to ${where}${report.backup ? ` (backup ${report.backup})` : ''}` : `hooks already in ${where}`
    : report.settingsChanged ? `hooks removed from ${where}` : `no MSP Mode hooks in ${where}`;
  const files = installing ? `${report.written.length} command/agent files written to ${report.claudeDir}` : `${report.removed.filter((f) => f !== report.settingsFile).length} command/agent files removed from ${report.claudeDir}`;
  const lines = [`${installing ? 'Installed' : 'Uninstalled'} MSP Mode for Claude Code: ${settings}; ${files}.`];
  if (report.skipped.length > 0) lines.push(`Left alone (yours, no MSP Mode marker): ${report.skipped.join(', ')}`);
  if (installing) lines.push('Claude Code sessions started from now on record to MSP Mode (/msp, /dev, /normal, /msp-end); start the agent with msp agent.');
  return lines.join('\n');
}

const install: CommandSpec = {
  name: 'install',
  summary: 'Install MSP Mode into Claude Code: hooks, the /msp /dev /normal /msp-end commands and 13 subagents. Your other settings and hooks are kept.',
  options,
  notes: ['Installing twice is the same as once; msp uninstall removes exactly what was added.', 'Examples:', '  msp install', '  msp install --project ~/clients/dataforth'],
  run: (parsed, io) => {
    const report = installClaudeCode(targetOf(parsed, io.env, 'install'), dataDir(io.env), launcher());
    print(io, parsed.json, report, () => summary(report, true));
  },
};

const uninstall: CommandSpec = {
  name: 'uninstall',
  summary: 'Remove MSP Mode from Claude Code: only its hooks and the command/agent files it wrote; your own settings and files stay.',
  options,
  run: (parsed, io) => {
    const report = uninstallClaudeCode(targetOf(parsed, io.env, 'uninstall'), dataDir(io.env), launcher());
    print(io, parsed.json, report, () => summary(report, false));
  },
};

export const installCommands: CommandSpec[] = [install, uninstall];
