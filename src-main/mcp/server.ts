import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { MspError } from '../core/errors.js';
import type { ServiceContext } from '../services/context.js';
import type { McpTool } from './tool.js';

export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS = [
  'MSP Mode records this technician\'s work: sessions (client, project, billable time), work items and pending tasks, and knows this machine.',
  'Start with context or session_status; ids in brackets are short ids the other tools accept.',
].join(' ');

const textResult = (text: string, isError = false): CallToolResult => ({ content: [{ type: 'text', text }], ...(isError ? { isError: true } : {}) });

/**
 * Runs one tool call and always answers: an MspError becomes a tool error with its message (it
 * names the problem and the fix); anything else a short tool error, its stack only on stderr.
 */
export async function callTool(tool: McpTool, context: ServiceContext, args: Record<string, unknown>, log: (line: string) => void): Promise<CallToolResult> {
  try {
    return textResult(await tool.run(context, args));
  } catch (error) {
    if (error instanceof MspError) return textResult(error.message, true);
    log(`msp mcp: ${tool.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    return textResult(`${tool.name} failed unexpectedly (${reason}); details are in the MSP Mode server's log (stderr). The call can be retried.`, true);
  }
}

/** The MCP server with every tool registered; the caller connects it to a transport. */
export function createMcpServer(context: ServiceContext, tools: McpTool[], log: (line: string) => void): McpServer {
  const server = new McpServer({ name: 'msp-mode', version: SERVER_VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of tools) {
    server.registerTool(tool.name, { description: tool.description, inputSchema: tool.input }, (args) => callTool(tool, context, args, log));
  }
  return server;
}
