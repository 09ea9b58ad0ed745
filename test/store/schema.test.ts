import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { STANDARD_COLUMNS, type TableSpec } from '../../src-shared/schema/spec.js';
import { tableSpecs } from '../../src-shared/schema/tables/index.js';
import { openDatabase } from '../../src-main/store/database.js';
import { generatedFiles } from '../../scripts/gen-schema.js';
import { repoRoot, tempHome } from '../helpers/processes.js';

const CATEGORY_SIZES = {
  'core tracking': 6,
  'client & infrastructure': 7,
  'credentials & security': 4,
  'work details': 6,
  'failure analysis': 3,
  'tagging & categorisation': 3,
  'system & audit': 2,
  'external integrations': 3,
  junctions: 2,
};

describe('local schema', () => {
  it('models the seed: 36 tables in nine categories', () => {
    const counts: Record<string, number> = {};
    for (const spec of Object.values(tableSpecs)) counts[spec.category] = (counts[spec.category] ?? 0) + 1;
    assert.deepEqual(counts, CATEGORY_SIZES);
    assert.equal(Object.keys(tableSpecs).length, 36);
  });

  it('creates every table with exactly the columns of the spec after migration', (t) => {
    const { sqlite } = openDatabase(path.join(tempHome(t), 'msp.db'));
    t.after(() => sqlite.close());
    for (const [table, spec] of Object.entries(tableSpecs) as [string, TableSpec][]) {
      const actual = (sqlite.pragma(`table_info(${table})`) as { name: string; notnull: number }[]);
      const expected = ['id', ...Object.keys(spec.columns), ...Object.keys(STANDARD_COLUMNS).filter((c) => c !== 'id')];
      assert.deepEqual(actual.map((c) => c.name).sort(), [...expected].sort(), `columns of ${table}`);
      for (const [name, column] of Object.entries(spec.columns)) {
        assert.equal(actual.find((c) => c.name === name)?.notnull, column.notNull ? 1 : 0, `${table}.${name} NOT NULL`);
      }
    }
    const outbox = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sync_outbox'").get();
    assert.ok(outbox, 'sync bookkeeping comes on top of the 36 tables');
    assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
  });

  it('has indexes for the queries the seed names', (t) => {
    const { sqlite } = openDatabase(path.join(tempHome(t), 'msp.db'));
    t.after(() => sqlite.close());
    const plan = (sql: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    assert.match(plan("SELECT * FROM sessions WHERE client_id = 'x' AND started_at >= 1 AND started_at < 2"), /USING INDEX sessions_client_id_started_at_idx/);
    assert.match(plan("SELECT * FROM sessions WHERE client_id = 'x' ORDER BY started_at DESC LIMIT 5"), /USING INDEX sessions_client_id_started_at_idx/);
    assert.match(plan("SELECT * FROM pending_tasks WHERE status = 'open' AND client_id = 'x'"), /USING INDEX pending_tasks_status_client_id_idx/);
  });

  it('refuses a database written by a newer version, untouched', (t) => {
    const file = path.join(tempHome(t), 'msp.db');
    openDatabase(file).sqlite.close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    assert.throws(() => openDatabase(file), /written by a newer MSP Mode \(schema 999.*upgrade MSP Mode/);
    const after = new Database(file);
    assert.equal(after.pragma('user_version', { simple: true }), 999);
    after.close();
  });

  it('keeps the generated drizzle schemas of both dialects in step with the spec', () => {
    for (const [file, make] of Object.entries(generatedFiles)) {
      assert.equal(readFileSync(path.join(repoRoot, file), 'utf8'), make(), `${file} is stale: run npm run db:schema`);
    }
  });
});
