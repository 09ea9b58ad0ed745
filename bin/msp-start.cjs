#!/usr/bin/env node
'use strict';
// `npm start`: the tray app when an Electron runtime is installed, otherwise the agent headless.
const { loadBundle } = require('./load-bundle.cjs');
let electronBinary = null;
try {
  const candidate = require('electron');
  if (typeof candidate === 'string' && require('node:fs').existsSync(candidate)) electronBinary = candidate;
} catch { /* electron is optional: not installed or its runtime download failed */ }
if (electronBinary === null) {
  process.stdout.write('msp: no Electron runtime installed, running the agent headless (tray unavailable)\n');
  loadBundle('agent').main(process.argv.slice(2));
} else {
  const { spawn } = require('node:child_process');
  const child = spawn(electronBinary, [require('node:path').join(__dirname, '..', 'dist', 'electron.cjs')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
