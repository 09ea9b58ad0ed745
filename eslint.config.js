import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint/layers.js';

// The layer table of ARCHITECTURE.md: each folder and the folders it may import from.
// (src-main/services holds the application services that the API and the CLI share.)
const below = {
  shared: [],
  core: ['shared'],
  store: ['core', 'shared'],
  machine: ['core', 'store', 'shared'],
  services: ['core', 'store', 'machine', 'shared'],
  api: ['core', 'store', 'services', 'machine', 'shared'],
  sync: ['core', 'store', 'shared'],
  vault: ['core', 'store', 'shared'],
  mcp: ['core', 'store', 'machine', 'services', 'vault', 'shared'],
  agent: ['api', 'core', 'store', 'machine', 'services', 'sync', 'vault', 'shared'],
  cli: ['mcp', 'agent', 'api', 'core', 'store', 'machine', 'services', 'sync', 'vault', 'shared'],
  electron: ['cli', 'mcp', 'agent', 'api', 'core', 'store', 'machine', 'services', 'sync', 'vault', 'shared'],
  renderer: ['shared'],
  server: ['shared'],
  scripts: ['shared', 'core', 'store'],
};
const folders = {
  shared: 'src-shared', core: 'src-main/core', store: 'src-main/store', machine: 'src-main/machine', services: 'src-main/services',
  api: 'src-main/api', sync: 'src-main/sync', vault: 'src-main/vault', agent: 'src-main/agent', mcp: 'src-main/mcp', cli: 'src-main/cli',
  electron: 'src-main/electron', renderer: 'src-renderer', server: 'sync-server', scripts: 'scripts',
};
const layers = layersPlugin({
  root: import.meta.dirname,
  layers: Object.entries(below).map(([name, allow]) => ({ name, folder: folders[name], allow })),
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'drizzle/', 'bin/', '**/*.tmp.*', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { layers },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] }] }],
      'layers/imports': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'only src-main/electron/ may import electron' }] },
      ],
    },
  },
  {
    // Plain JavaScript (build script, the lint rule itself): linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Tests read JSON replies: a type parameter there only names what the reply should be.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-parameters': 'off' },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Domain code stays pure: no platform modules (ARCHITECTURE.md: core imports nothing platform-specific).
    files: ['src-main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fastify', 'better-sqlite3', 'node:fs', 'node:child_process', 'node:http', 'node:net'].map((name) => ({
            name,
            message: 'src-main/core is pure domain code: receive platform services as arguments',
          })),
        },
      ],
    },
  },
);
