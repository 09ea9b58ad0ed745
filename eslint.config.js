import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

// The layer table of ARCHITECTURE.md, enforced: each element may import only the ones listed.
const layers = [
  { type: 'shared', pattern: 'src-shared' },
  { type: 'core', pattern: 'src-main/core' },
  { type: 'store', pattern: 'src-main/store' },
  { type: 'machine', pattern: 'src-main/machine' },
  { type: 'api', pattern: 'src-main/api' },
  { type: 'sync', pattern: 'src-main/sync' },
  { type: 'vault', pattern: 'src-main/vault' },
  { type: 'services', pattern: 'src-main/services' },
  { type: 'agent', pattern: 'src-main/agent' },
  { type: 'cli', pattern: 'src-main/cli' },
  { type: 'electron', pattern: 'src-main/electron' },
  { type: 'renderer', pattern: 'src-renderer' },
  { type: 'server', pattern: 'sync-server' },
  { type: 'tests', pattern: 'test' },
  { type: 'bench', pattern: 'bench' },
  { type: 'scripts', pattern: 'scripts' },
];

const allow = (from, ...to) => ({ from: [from], allow: to });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'drizzle/', 'bin/', '**/*.tmp.*', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layers.map((l) => ({ type: l.type, pattern: l.pattern, mode: 'folder' })),
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} must not import ${dependency.type} (ARCHITECTURE.md layer table)',
          rules: [
            allow('shared', 'shared'),
            allow('core', 'core', 'shared'),
            allow('store', 'store', 'core', 'shared'),
            allow('machine', 'machine', 'core', 'store', 'shared'),
            allow('services', 'services', 'core', 'store', 'machine', 'shared'),
            allow('api', 'api', 'core', 'store', 'services', 'machine', 'shared'),
            allow('sync', 'sync', 'core', 'store', 'shared'),
            allow('vault', 'vault', 'core', 'store', 'shared'),
            allow('agent', 'agent', 'api', 'core', 'store', 'machine', 'services', 'sync', 'vault', 'shared'),
            allow('cli', 'cli', 'agent', 'api', 'core', 'store', 'machine', 'services', 'sync', 'vault', 'shared'),
            allow('electron', 'electron', 'cli', 'agent', 'api', 'core', 'store', 'machine', 'services', 'sync', 'vault', 'shared'),
            allow('renderer', 'renderer', 'shared'),
            allow('server', 'server', 'shared'),
            allow('tests', ...layers.map((l) => l.type)),
            allow('bench', ...layers.map((l) => l.type)),
            allow('scripts', 'scripts', 'shared', 'core', 'store'),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'only src-main/electron/ may import electron' }] },
      ],
    },
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
