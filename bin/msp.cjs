#!/usr/bin/env node
'use strict';
const { loadBundle } = require('./load-bundle.cjs');
// `msp agent` is its own program (the HTTP server): load only what it needs.
const isAgent = process.argv[2] === 'agent';
loadBundle(isAgent ? 'agent' : 'cli').main(isAgent ? process.argv.slice(3) : process.argv.slice(2));
