// Bundles each entry point into one CommonJS file under dist/. One file per process loads far
// faster than hundreds of ESM modules (see the issue note: cold start), and bin/*.cjs adds a
// V8 code cache on top. Native addons and drizzle's migration files stay outside the bundle.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const entries = {
  cli: 'src-main/cli/main.ts',
  agent: 'src-main/agent/main.ts',
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  external: ['better-sqlite3', 'systeminformation'],
  // Sources are ESM (import.meta.url); the bundles are CommonJS, where __filename says the same.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
