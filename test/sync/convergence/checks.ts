// What "converged" means, checked after healing, each from a different angle so that one broken
// piece cannot hide behind another:
// - `msp sync verify` exits 0 on every machine (the product's own proof);
// - every machine's per-table digests (engine.ts localDigests) equal the server's GET /v1/sync/verify;
// - nothing lost: every row any machine created is on the server and every machine, every change
//   any machine made is in the server's change log, nothing sits in an outbox, a deferred queue
//   or the server's quarantine; tombstones stay tombstones;
// - nothing duplicated: one row per client name, one per project name and client;
// - the values are the rule's: each field of each row on the server holds the value of the change
//   with the newest hybrid-clock stamp that set it, an insert setting every column (per-field
//   last-writer-wins recomputed from the server's change log, independently of sync-merge.ts).
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tableSpecs } from '../../../src-shared/schema/tables/index.js';
import { localDigests } from '../../../src-main/sync/engine.js';
import type { Cluster, Machine } from './cluster.js';
import { openStore, WORK_TABLES, type Ledger } from './workload.js';

type Row = Record<string, unknown>;

function localRows(machine: Machine, sql: string): Row[] {
  const db = new Database(path.join(machine.dataDir, 'msp.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as Row[];
  } finally {
    db.close();
  }
}

/** A column value as text, whichever driver read it (numbers as text from MariaDB, 0/1 booleans). */
function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const listed = (items: string[]) => `${items.slice(0, 10).join('; ')}${items.length > 10 ? `; … ${items.length - 10} more` : ''}`;

export async function assertConverged(cluster: Cluster, ledger: Ledger): Promise<void> {
  const { database, machines } = cluster;

  const verified = await Promise.all(machines.map((machine) => cluster.msp(machine, ['sync', 'verify'])));
  for (const [index, result] of verified.entries()) {
    if (result.code === 0) continue;
    const report = JSON.parse(result.stdout || '{}') as { differences?: { table: string; different: string[]; onlyHere: string[]; onlyOnServer: string[] }[] };
    const explained = await Promise.all((report.differences ?? []).flatMap((d) => [...d.different, ...d.onlyHere, ...d.onlyOnServer].slice(0, 3).map((id) => explainRow(cluster, d.table, id))));
    assert.fail(`msp sync verify on ${machines[index]?.name ?? '?'} exited ${result.code}: ${result.stdout}${result.stderr}\n${explained.join('\n')}`);
  }

  const server = await cluster.serverDigests();
  for (const machine of machines) {
    const store = openStore(machine);
    try {
      assert.deepEqual(localDigests(store), server.tables, `${machine.name}: per-table digests differ from the server's`);
      assert.equal((store.sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n, 0, `${machine.name}: changes left in the outbox`);
      assert.equal(store.readState('pull.deferred') ?? '[]', '[]', `${machine.name}: pulled changes still wait for their rows`);
    } finally {
      store.close();
    }
  }
  const quarantined = await database.query<{ reason: string }>('SELECT reason FROM sync_quarantine');
  assert.deepEqual(quarantined.map((row) => row.reason), [], 'the server quarantined changes the machines made');

  // Nothing lost.
  const replicas: { name: string; rows: (table: string) => Promise<Row[]> }[] = [
    { name: 'server', rows: (table) => database.query<Row>(`SELECT * FROM \`${table}\``) },
    ...machines.map((machine) => ({ name: machine.name, rows: (table: string) => Promise.resolve(localRows(machine, `SELECT * FROM ${table}`)) })),
  ];
  for (const replica of replicas) {
    const missing: string[] = [];
    const revived: string[] = [];
    for (const table of WORK_TABLES) {
      const rows = new Map((await replica.rows(table)).map((row) => [String(row.id), row]));
      for (const created of ledger.created.values()) if (created.table === table && !rows.has(created.id)) missing.push(`${table} ${created.id} (made on ${created.by})`);
      // Natural-key rows (clients, projects) can be created again after a delete; others cannot.
      if (table === 'clients' || table === 'projects') continue;
      for (const key of ledger.tombstoned) {
        const [keyTable, id] = key.split('/');
        if (keyTable === table && !same(rows.get(id ?? '')?.deleted, 1)) revived.push(key);
      }
    }
    assert.deepEqual(missing, [], `${replica.name} lost rows: ${listed(missing)}`);
    assert.deepEqual(revived, [], `${replica.name} lost tombstones: ${listed(revived)}`);

    // Nothing duplicated.
    const clients = await replica.rows('clients');
    const names = clients.map((row) => String(row.normalized_name)).sort();
    assert.deepEqual(names, [...ledger.clientNames].sort(), `${replica.name}: clients by name`);
    const projects = (await replica.rows('projects')).map((row) => `${String(row.client_id)}/${String(row.normalized_name)}`);
    assert.equal(new Set(projects).size, projects.length, `${replica.name}: a project appears twice`);
  }
  const logged = new Set((await database.query<{ t: string; r: string; h: string }>('SELECT table_name AS t, row_id AS r, hlc AS h FROM sync_changes')).map((c) => `${c.t}/${c.r}/${c.h}`));
  const unlogged = ledger.changes.filter((c) => !logged.has(`${c.table}/${c.id}/${c.hlc}`)).map((c) => `${c.table} ${c.id} at ${c.hlc} (on ${c.by})`);
  assert.deepEqual(unlogged, [], `changes that never reached the server: ${listed(unlogged)}`);

  await assertLastWriterWins(cluster);
}

/** One row on every replica (columns that differ from the server's) and its changes in the server's log, for a failure message. */
async function explainRow(cluster: Cluster, table: string, id: string): Promise<string> {
  const onServer = (await cluster.database.query<Row>(`SELECT * FROM \`${table}\` WHERE id = ?`, [id]))[0];
  const lines = [`${table} ${id}:`];
  const origins = new Map<string, string>();
  for (const machine of cluster.machines) {
    const local = localRows(machine, `SELECT * FROM ${table} WHERE id = '${id}'`)[0];
    const origin = localRows(machine, "SELECT value FROM sync_state WHERE key = 'origin_id'")[0]?.value;
    if (typeof origin === 'string') origins.set(origin, machine.name);
    const clocks = localRows(machine, `SELECT clocks FROM row_clocks WHERE table_name = '${table}' AND row_id = '${id}'`)[0]?.clocks;
    const differs = Object.keys({ ...local, ...onServer }).filter((column) => !['updated_at', 'origin_id'].includes(column) && !same(local?.[column], onServer?.[column]));
    lines.push(`  ${machine.name}: ${local ? JSON.stringify(Object.fromEntries(differs.map((c) => [c, local[c]]))) : 'no row'} clocks ${String(clocks)}`);
  }
  lines.push(`  server: ${onServer ? JSON.stringify(onServer) : 'no row'}`);
  const changes = await cluster.database.query<{ origin_id: string; counter: number; hlc: string; kind: string; fields: unknown }>('SELECT origin_id, counter, hlc, kind, fields FROM sync_changes WHERE table_name = ? AND row_id = ? ORDER BY seq', [table, id]);
  for (const change of changes) lines.push(`  change ${origins.get(change.origin_id) ?? change.origin_id}#${change.counter} ${change.kind} ${change.hlc.slice(0, 19)} ${typeof change.fields === 'string' ? change.fields : JSON.stringify(change.fields)}`);
  return lines.join('\n');
}

function defaultsOf(table: string): Record<string, unknown> {
  const columns = (tableSpecs as Record<string, { columns: Record<string, { default?: string | number | boolean }> } | undefined>)[table]?.columns ?? {};
  return { deleted: 0, ...Object.fromEntries(Object.entries(columns).map(([name, spec]) => [name, typeof spec.default === 'boolean' ? Number(spec.default) : spec.default ?? null])) };
}

/** Recomputes per-field last-writer-wins from the server's change log and compares every mutable row. */
async function assertLastWriterWins(cluster: Cluster): Promise<void> {
  const changes = await cluster.database.query<{ t: string; r: string; hlc: string; fields: unknown }>("SELECT table_name AS t, row_id AS r, hlc, fields FROM sync_changes WHERE kind = 'upsert'");
  const expected = new Map<string, Map<string, { hlc: string; value: unknown }>>();
  for (const change of changes) {
    const key = `${change.t}/${change.r}`;
    let columns = expected.get(key);
    if (!columns) expected.set(key, (columns = new Map<string, { hlc: string; value: unknown }>()));
    const carried = (typeof change.fields === 'string' ? JSON.parse(change.fields) : change.fields) as Record<string, unknown>;
    // An insert (it sets created_at) sets every column: those it does not carry to their defaults.
    const fields = 'created_at' in carried ? { ...defaultsOf(change.t), ...carried } : carried;
    for (const [column, value] of Object.entries(fields)) {
      const current = columns.get(column);
      if (!current || change.hlc > current.hlc) columns.set(column, { hlc: change.hlc, value });
    }
  }
  const wrong: string[] = [];
  for (const [table, spec] of Object.entries(tableSpecs)) {
    if (spec.replication !== 'mutable') continue;
    for (const row of await cluster.database.query<Row>(`SELECT * FROM \`${table}\``)) {
      const columns = expected.get(`${table}/${String(row.id)}`);
      if (!columns) {
        wrong.push(`${table} ${String(row.id)}: on the server without any change`);
        continue;
      }
      for (const [column, { hlc, value }] of columns) {
        if (!same(row[column], value)) wrong.push(`${table} ${String(row.id)}.${column} = ${JSON.stringify(row[column])}, but the newest change (${hlc}) set ${JSON.stringify(value)}`);
      }
    }
  }
  assert.deepEqual(wrong, [], `fields that do not hold the last writer's value: ${listed(wrong)}`);
}
