import os from 'node:os';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import { installClaudeCode, uninstallClaudeCode, type InstallReport, type InstallTarget } from '../../services/install/files.js';
import {
  installProjectMcp, mspServerEntry, registerUserMcp, uninstallProjectMcp, unregisterUserMcp, type ProjectMcpReport, type UserMcpReport,
} from '../../services/install/mcp.js';
import { dataDir } from '../../store/paths.js';
import { flag, stringOption, type CommandSpec, type ParsedCommand } from '../args.js';
import { print } from './with-context.js';

const options = {
  user: { type: 'boolean', description: 'your user settings, ~/.claude, and the MCP server for all projects through `claude mcp` (the default)' },
  project: { type: 'string', valueName: 'DIR', description: 'one project only: DIR/.claude (settings.local.json, not committed) and the MCP server in DIR/.mcp.json' },
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

type McpReport = ProjectMcpReport | UserMcpReport;

/** The MCP server's registration: in the project's .mcp.json, or for the user through `claude mcp`. */
function mcpSummary(report: McpReport, installing: boolean): string {
  if ('file' in report) {
    if (installing) {
      if (!report.changed) return `MCP server msp already in ${report.file}.`;
      return `MCP server msp ${report.replaced ? 'updated' : 'added'} in ${report.file} (Claude Code asks once to approve a project's servers).`;
    }
    if (!report.changed) return `No msp MCP server in ${report.file}.`;
    return report.deleted ? `MCP server msp removed: ${report.file} deleted (MSP Mode had created it).` : `MCP server msp removed from ${report.file}.`;
  }
  const what = installing ? 'register the MCP server for all your projects' : 'unregister the MCP server';
  if (report.claude === null) return `claude is not on PATH: to ${what}, run\n  ${report.command}`;
  if (!report.ok) return `Could not ${what} (${report.problem ?? 'unknown problem'}); the rest is done. Run it yourself:\n  ${report.command}`;
  return installing ? `MCP server msp registered for all your projects (${report.command}).` : `MCP server msp unregistered (${report.command}).`;
}

const install: CommandSpec = {
  name: 'install',
  summary: 'Install MSP Mode into Claude Code: hooks, the /msp /dev /normal /msp-end commands, 13 subagents and the msp MCP server. Your other settings, hooks and servers are kept.',
  options,
  notes: ['Installing twice is the same as once; msp uninstall removes exactly what was added.', 'Examples:', '  msp install', '  msp install --project ~/clients/dataforth'],
  run: async (parsed, io) => {
    const target = targetOf(parsed, io.env, 'install');
    const entry = mspServerEntry(launcher(), io.env);
    // .mcp.json first: when it is refused, nothing at all has been written.
    const projectMcp = target.kind === 'project' ? installProjectMcp(target.dir, dataDir(io.env), entry) : undefined;
    const report = installClaudeCode(target, dataDir(io.env), launcher());
    const mcp = projectMcp ?? await registerUserMcp(entry, io.env);
    print(io, parsed.json, { ...report, mcp }, () => `${summary(report, true)}\n${mcpSummary(mcp, true)}`);
  },
};

const uninstall: CommandSpec = {
  name: 'uninstall',
  summary: 'Remove MSP Mode from Claude Code: only its hooks, the command/agent files it wrote and its MCP server; your own settings and files stay.',
  options,
  run: async (parsed, io) => {
    const target = targetOf(parsed, io.env, 'uninstall');
    const projectMcp = target.kind === 'project' ? uninstallProjectMcp(target.dir, dataDir(io.env)) : undefined;
    const report = uninstallClaudeCode(target, dataDir(io.env), launcher());
    const mcp = projectMcp ?? await unregisterUserMcp(io.env);
    print(io, parsed.json, { ...report, mcp }, () => `${summary(report, false)}\n${mcpSummary(mcp, false)}`);
  },
};

export const installCommands: CommandSpec[] = [install, uninstall];
