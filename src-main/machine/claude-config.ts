/**
 * What Claude Code can use on this machine: MCP servers (user and local scope from ~/.claude.json,
 * project scope from the project's .mcp.json), skills, subagents and slash commands, by name.
 * MCP entries carry API keys in `env` and `headers`: only the name and transport are kept.
 */
import { z } from 'zod';
import type { Capabilities, McpServer } from '../../src-shared/machine.js';
import { pathFor } from './path-lookup.js';
import type { FileAccess, ProbeErrors } from './probe.js';

export interface ClaudeProbe {
  platform: NodeJS.Platform;
  homeDir: string;
  /** The project folder Claude Code runs in: its .mcp.json and local-scope servers apply. */
  cwd: string | null;
  files: FileAccess;
  errors: ProbeErrors;
}

const mcpEntrySchema = z.looseObject({
  type: z.string().optional(),
  command: z.string().optional(),
  url: z.string().optional(),
});
/** Lenient: one malformed entry drops that entry's details, not the whole file. */
const mcpServersSchema = z.record(z.string(), mcpEntrySchema.catch({})).catch({});
const mcpFileSchema = z.looseObject({
  mcpServers: mcpServersSchema.optional(),
  projects: z.record(z.string(), z.looseObject({ mcpServers: mcpServersSchema.optional() }).catch({})).catch({}).optional(),
});

type McpEntries = z.infer<typeof mcpServersSchema>;

export async function probeClaudeConfig(probe: ClaudeProbe): Promise<Capabilities['claude']> {
  const paths = pathFor(probe.platform);
  const claudeDir = paths.join(probe.homeDir, '.claude');
  const projectClaudeDir = probe.cwd ? paths.join(probe.cwd, '.claude') : null;
  const [mcpServers, skills, agents, commands] = await Promise.all([
    mcpServersFor(probe),
    namesFromBothScopes(claudeDir, projectClaudeDir, (dir) => skillNames(probe, paths.join(dir, 'skills'))),
    namesFromBothScopes(claudeDir, projectClaudeDir, (dir) => markdownNames(probe, paths.join(dir, 'agents'))),
    namesFromBothScopes(claudeDir, projectClaudeDir, (dir) => markdownNames(probe, paths.join(dir, 'commands'))),
  ]);
  return { mcpServers, skills, agents, commands };
}

async function mcpServersFor(probe: ClaudeProbe): Promise<McpServer[]> {
  const paths = pathFor(probe.platform);
  const userConfig = await readJson(probe, paths.join(probe.homeDir, '.claude.json'), 'claude.userConfig');
  const projectConfig = probe.cwd ? await readJson(probe, paths.join(probe.cwd, '.mcp.json'), 'claude.projectMcp') : null;
  const localEntries = probe.cwd ? projectEntry(userConfig?.projects ?? {}, probe.cwd)?.mcpServers : undefined;
  return [
    ...describeEntries(userConfig?.mcpServers, 'user'),
    ...describeEntries(projectConfig?.mcpServers, 'project'),
    ...describeEntries(localEntries, 'local'),
  ];
}

/** ~/.claude.json keys projects by absolute path; on Windows it may use either slash. */
function projectEntry<T>(projects: Record<string, T>, cwd: string): T | undefined {
  const normalise = (path: string) => path.replace(/\\/g, '/').replace(/\/+$/, '');
  const wanted = normalise(cwd);
  const key = Object.keys(projects).find((candidate) => normalise(candidate) === wanted);
  return key === undefined ? undefined : projects[key];
}

function describeEntries(entries: McpEntries | undefined, scope: McpServer['scope']): McpServer[] {
  return Object.entries(entries ?? {}).map(([name, entry]) => ({
    name,
    scope,
    // Claude Code treats an entry without `type` as stdio when it has a command.
    transport: entry.type ?? (entry.command ? 'stdio' : entry.url ? 'http' : 'unknown'),
  }));
}

async function readJson(probe: ClaudeProbe, path: string, errorName: string): Promise<z.infer<typeof mcpFileSchema> | null> {
  let text: string;
  try {
    text = await probe.files.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') probe.errors[errorName] = `cannot read ${path}`;
    return null;
  }
  try {
    const parsed = mcpFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: reported below like any other unusable file
  }
  probe.errors[errorName] = `not valid JSON: ${path}`;
  return null;
}

async function namesFromBothScopes(
  userDir: string,
  projectDir: string | null,
  namesIn: (dir: string) => Promise<string[]>,
): Promise<string[]> {
  const lists = await Promise.all([namesIn(userDir), projectDir ? namesIn(projectDir) : []]);
  return [...new Set(lists.flat())].sort();
}

/** A skill is a folder holding SKILL.md; the folder name is the skill's name. */
async function skillNames(probe: ClaudeProbe, skillsDir: string): Promise<string[]> {
  const folders = await listOrEmpty(probe, skillsDir);
  const paths = pathFor(probe.platform);
  const withSkill = await Promise.all(
    folders.map(async (folder) => ((await listOrEmpty(probe, paths.join(skillsDir, folder))).includes('SKILL.md') ? folder : null)),
  );
  return withSkill.filter((name): name is string => name !== null);
}

async function markdownNames(probe: ClaudeProbe, dir: string): Promise<string[]> {
  return (await listOrEmpty(probe, dir)).filter((entry) => entry.endsWith('.md')).map((entry) => entry.slice(0, -3));
}

async function listOrEmpty(probe: ClaudeProbe, dir: string): Promise<string[]> {
  try {
    return await probe.files.readDir(dir);
  } catch {
    return []; // absent folders are normal; a file where a folder was expected is not a skill
  }
}
