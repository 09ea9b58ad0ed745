// Bundles each entry point into one CommonJS file under dist/. One file per process loads far
// faster than hundreds of ESM modules (see the issue note: cold start), and bin/*.cjs adds a
// V8 code cache on top. Native addons and drizzle's migration files stay outside the bundle.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const entries = {
  cli: 'src-main/cli/main.ts',
  agent: 'src-main/agent/main.ts',
  mcp: 'src-main/mcp/main.ts',
  server: 'sync-server/main.ts',
};

const result = await build({
  write: false,
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  external: ['better-sqlite3', 'systeminformation', '@node-rs/argon2', '@napi-rs/keyring'],
  // Sources are ESM (import.meta.url); the bundles are CommonJS, where __filename says the same.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// Each file is replaced atomically (write, then rename): an msp process starting during a
// rebuild sees the old bundle or the new one, never none or half of one.
mkdirSync('dist', { recursive: true });
const written = new Set();
for (const file of result.outputFiles) {
  const partial = `${file.path}.${process.pid}.tmp`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
  written.add(path.basename(file.path));
}
for (const name of readdirSync('dist')) {
  // Outputs of entries that no longer exist, and code caches of replaced bundles, go.
  if (!written.has(name) && !(name.endsWith('.v8cache') && written.has(name.replace(/\.v8cache$/, '')))) rmSync(path.join('dist', name), { force: true });
}
