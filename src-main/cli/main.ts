import { MspError } from '../core/errors.js';
import { helpText, parseCommand, type CliIo, type CommandSpec } from './args.js';
import { catalogCommands } from './commands/catalog.js';
import { configCommands } from './commands/config.js';
import { contextCommands } from './commands/context.js';
import { credCommands } from './commands/cred.js';
import { demoCommands } from './commands/demo-history.js';
import { envCommands } from './commands/env.js';
import { forgetCommands } from './commands/forget.js';
import { installCommands } from './commands/install.js';
import { machineCommands } from './commands/machine.js';
import { mapCommands } from './commands/map.js';
import { problemCommands } from './commands/problems.js';
import { searchCommands } from './commands/search.js';
import { sessionCommands } from './commands/sessions.js';
import { syncCommands } from './commands/sync.js';

const commands: CommandSpec[] = [...sessionCommands, ...catalogCommands, ...credCommands, ...machineCommands, ...contextCommands, ...searchCommands, ...problemCommands, ...envCommands, ...forgetCommands, ...mapCommands, ...installCommands, ...configCommands, ...syncCommands, ...demoCommands];

// Programs of their own (bin/msp.cjs starts their bundles), listed with the commands.
const agentCommand = 'agent              run the local agent: the API Claude Code hooks post to (msp agent --help)';
const mcpCommand = 'mcp                run the MCP server on stdio: Claude Code\'s tools for sessions, tasks, context (msp mcp --help)';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'msp: MSP Mode, the work memory of an MSP technician.',
    '',
    'Usage: msp COMMAND [ARGS] [--json] [--help]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)} ${c.summary.split('. ')[0] ?? ''}`),
    `  ${agentCommand}`,
    `  ${mcpCommand}`,
    '',
    'Data lives in MSP_HOME (default: the OS application-data folder); `msp config` shows where.',
  ].join('\n');
}

/** Picks the command named by the leading words of argv: `task add` before `task`. */
function findCommand(argv: string[]): { spec: CommandSpec; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const spec = commands.find((c) => c.name === name);
    if (spec) return { spec, rest: argv.slice(words) };
  }
  return undefined;
}

function groupHelp(group: string): string | undefined {
  const members = commands.filter((c) => c.name.startsWith(`${group} `));
  if (members.length === 0) return undefined;
  return [`Usage: msp ${group} ${members.map((c) => c.name.split(' ')[1]).join('|')} ...`, '', ...members.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`)].join('\n');
}

/** Exit codes: 0 done, 1 the command could not be done, 2 the command line or input was wrong. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(overview());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out('msp-mode 0.1.0');
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = groupHelp(first);
    if (group && (argv[1] === undefined || argv[1] === '--help' || argv[1] === '-h')) {
      io.out(group);
      return argv[1] === undefined ? 2 : 0;
    }
    io.err(group ? `msp: unknown command "${argv.slice(0, 2).join(' ')}" (see msp ${first} --help)` : `msp: unknown command "${first}" (see msp --help)`);
    return 2;
  }
  let json = argv.includes('--json');
  try {
    const parsed = parseCommand(found.spec, found.rest);
    json = parsed.json;
    if (parsed.help) {
      io.out(helpText(found.spec));
      return 0;
    }
    await found.spec.run(parsed, io);
    return io.exitCode;
  } catch (error) {
    return reportError(error, io, json);
  }
}

function reportError(error: unknown, io: CliIo, json: boolean): number {
  const known = error instanceof MspError;
  const message = known ? error.message : `unexpected error: ${(error as Error).message || String(error)}`;
  if (json) io.out(JSON.stringify({ error: message, code: known ? error.code : 'internal', ...(known && error.field ? { field: error.field } : {}) }));
  else io.err(`msp: ${message}`);
  if (!known && io.env.MSP_DEBUG) io.err((error as Error).stack ?? '');
  return known && error.code === 'bad_input' ? 2 : 1;
}

/** Entry point of the `msp` bundle (bin/msp.cjs). */
export function main(argv: string[]): void {
  const io: CliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    exitCode: 0,
  };
  runCli(argv, io).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`msp: unexpected error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
