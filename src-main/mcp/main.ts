/** Entry point of the `msp mcp` bundle (bin/msp.cjs): the stdio MCP server. */
export function main(): void {
  process.stderr.write('msp mcp: not built yet\n');
  process.exitCode = 1;
}
