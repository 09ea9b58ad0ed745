import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { MspError } from '../core/errors.js';
import { openServiceContext, type OpenedContext } from '../services/bootstrap.js';
import { createMcpServer } from './server.js';
import { mspTools } from './tools/index.js';

const HELP = [
  'Usage: msp mcp',
  '',
  'Runs MSP Mode\'s MCP server on stdin/stdout for Claude Code (and other MCP clients): context,',
  'sessions, work items, tasks, this machine\'s profile and billable reports, from the same data as',
  'the msp commands (MSP_HOME). `msp install` registers it with Claude Code; it is not run by hand.',
  '',
  `Tools: ${mspTools.map((tool) => tool.name).join(', ')}`,
].join('\n');

const log = (line: string) => { process.stderr.write(`${line}\n`); };

/** Entry point of the `msp mcp` bundle (bin/msp.cjs): the stdio MCP server. */
export function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (argv.length > 0) {
    log(`msp mcp: unexpected argument "${argv[0] ?? ''}" (see msp mcp --help)`);
    process.exitCode = 2;
    return;
  }
  // stdout carries the protocol only: anything a library prints goes to stderr.
  console.log = console.info = console.debug = console.warn;
  let context: OpenedContext;
  try {
    context = openServiceContext({ env: process.env });
  } catch (error) {
    log(`msp mcp: ${error instanceof MspError ? error.message : `cannot open the MSP Mode data: ${(error as Error).message}`}`);
    process.exitCode = 1;
    return;
  }
  const server = createMcpServer(context, mspTools, log);
  server.server.onerror = (error) => { log(`msp mcp: ${error.message}`); };
  let closed = false;
  const shutdown = () => {
    if (closed) return;
    closed = true;
    server.close().catch((error: unknown) => { log(`msp mcp: closing: ${String(error)}`); }).finally(() => { context.close(); });
  };
  // The client ends the server by closing stdin (or by a signal); a vanished client breaks stdout.
  process.stdin.once('end', shutdown);
  process.stdout.on('error', shutdown);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { shutdown(); process.exitCode = 0; });
  server.connect(new StdioServerTransport()).catch((error: unknown) => {
    log(`msp mcp: cannot serve on stdio: ${String(error)}`);
    shutdown();
    process.exitCode = 1;
  });
}
