#!/usr/bin/env node
'use strict';
// `npm start`: the tray app when an Electron runtime is installed, otherwise the agent headless.
const { loadBundle } = require('./load-bundle.cjs');
const fs = require('node:fs');
const path = require('node:path');
const trayBundle = path.join(__dirname, '..', 'dist', 'electron.cjs');
let electronBinary = null;
try {
  const candidate = require('electron');
  // Both the runtime and the tray bundle must exist (the tray arrives with the desktop issue).
  if (typeof candidate === 'string' && fs.existsSync(candidate) && fs.existsSync(trayBundle)) electronBinary = candidate;
} catch { /* electron is optional: not installed or its runtime download failed */ }
if (electronBinary === null) {
  process.stdout.write('msp: no Electron runtime installed, running the agent headless (tray unavailable)\n');
  loadBundle('agent').main(process.argv.slice(2));
} else {
  const { spawn } = require('node:child_process');
  const child = spawn(electronBinary, [trayBundle], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
