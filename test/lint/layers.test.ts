import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/processes.js';

/**
 * Lints a snippet as a real file in the given folder of the repository, with the project's own
 * config (type-aware linting needs the file on disk), and removes it again.
 */
async function lintAs(folder: string, code: string): Promise<string[]> {
  mkdirSync(path.join(repoRoot, folder), { recursive: true });
  const file = path.join(repoRoot, folder, `layer-probe-${process.pid}.tmp.ts`);
  writeFileSync(file, code);
  try {
    const eslint = new ESLint({ cwd: repoRoot, ignorePatterns: ['!**/*.tmp.ts'] });
    const [result] = await eslint.lintFiles([file]);
    const fatal = result?.messages.find((m) => m.fatal);
    if (fatal) throw new Error(fatal.message);
    return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('layer rule (ARCHITECTURE.md)', () => {
  it('stops domain code from importing the store or a platform module', async () => {
    assert.match((await lintAs('src-main/core', "import { Store } from '../store/store.js';\nexport const s = Store;\n"))[0] ?? '', /core must not import store/);
    assert.match((await lintAs('src-main/core', "import fs from 'node:fs';\nexport const f = fs;\n"))[0] ?? '', /pure domain code/);
  });

  it('keeps the sync server and the dashboard on the shared schemas only', async () => {
    assert.match((await lintAs('sync-server', "import { Store } from '../src-main/store/store.js';\nexport const s = Store;\n"))[0] ?? '', /server must not import store/);
    assert.match((await lintAs('src-renderer', "import { runCli } from '../src-main/cli/main.js';\nexport const r = runCli;\n"))[0] ?? '', /renderer must not import cli/);
  });

  it('allows nothing but src-main/electron to import electron', async () => {
    assert.match((await lintAs('src-main/api', "import { app } from 'electron';\nexport const a = app;\n"))[0] ?? '', /only src-main\/electron/);
  });

  it('lets a layer import the layers below it', async () => {
    assert.deepEqual(await lintAs('src-main/services', "import { Store } from '../store/store.js';\nimport { MspError } from '../core/errors.js';\nexport const s = [Store, MspError];\n"), []);
  });
});
