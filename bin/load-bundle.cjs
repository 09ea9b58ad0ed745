'use strict';
// Runs a bundle from dist/ with a V8 code cache beside it (or in the temp dir when the install
// is read-only). V8 rejects a cache made from other source or another Node, so it is rebuilt
// by itself; a missing or unwritable cache only costs speed, never correctness.
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const vm = require('node:vm');
const Module = require('node:module');
const crypto = require('node:crypto');

function cacheFiles(bundleFile) {
  const tag = crypto.createHash('sha1').update(bundleFile + process.version).digest('hex').slice(0, 12);
  return [bundleFile + '.v8cache', path.join(os.tmpdir(), `msp-mode-${tag}.v8cache`)];
}

function loadBundle(name) {
  const distDir = path.join(__dirname, '..', 'dist');
  const bundleFile = path.join(distDir, `${name}.cjs`);
  let source;
  try {
    source = fs.readFileSync(bundleFile, 'utf8');
  } catch {
    process.stderr.write(`msp: ${bundleFile} is missing: run \`npm run build\` in ${path.join(__dirname, '..')}\n`);
    process.exit(1);
  }
  const candidates = cacheFiles(bundleFile);
  let cachedData;
  for (const file of candidates) {
    try { cachedData = fs.readFileSync(file); break; } catch { /* next candidate */ }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundleFile, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made when the process ends, so the cache also holds the functions that start-up compiled.
    process.once('exit', () => {
      const data = script.createCachedData();
      for (const file of candidates) {
        // Write then rename: another msp process never reads a half-written cache.
        const partial = `${file}.${process.pid}.tmp`;
        try { fs.writeFileSync(partial, data); fs.renameSync(partial, file); return; } catch { try { fs.rmSync(partial, { force: true }); } catch { /* ignore */ } }
      }
    });
  }
  const bundleModule = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
  const bundleRequire = Module.createRequire(bundleFile);
  script.runInThisContext()(bundleModule.exports, bundleRequire, bundleModule, bundleFile, distDir);
  return bundleModule.exports;
}

module.exports = { loadBundle };
