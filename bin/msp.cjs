#!/usr/bin/env node
'use strict';
const { loadBundle } = require('./load-bundle.cjs');
// `msp agent` (the HTTP server) and `msp mcp` (the stdio MCP server) are programs of their own:
// each loads only what it needs, and the everyday commands do not pay for either.
const own = { agent: 'agent', mcp: 'mcp' }[process.argv[2]];
loadBundle(own ?? 'cli').main(process.argv.slice(own ? 3 : 2));
