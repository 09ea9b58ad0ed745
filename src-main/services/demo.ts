import { badInput, conflict } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { writeCatalog } from './demo-catalog.js';
import { writeHistory } from './demo-history.js';
import { DemoRandom } from './demo-random.js';

/**
 * `msp demo`: fills an empty store with years of synthetic but realistic MSP history, for trying
 * the dashboard, the search and the failure learning without client data. Rows are written with
 * prepared INSERTs in large transactions, never through the Writer: demo data must not reach the
 * sync outbox, so it can never be pushed to a team server.
 */
export const DEMO_TABLES = [
  'machines', 'clients', 'sites', 'infrastructure', 'services', 'networks', 'firewall_rules', 'm365_tenants', 'contacts', 'credentials',
  'projects', 'categories', 'tags', 'sessions', 'work_items', 'commands_run', 'file_changes', 'problem_solutions', 'failure_patterns',
  'environmental_insights', 'operation_failures', 'pending_tasks', 'session_tags', 'work_item_tags', 'ticket_links',
] as const;

export type DemoTable = (typeof DEMO_TABLES)[number];

/** Rows per table after the demo was written. */
export type DemoCounts = Record<DemoTable, number>;

export interface DemoOptions {
  /** Years of history ending at `now`, 1 to 20. */
  years: number;
  /** The same seed gives the same history, ids included (for the same `now` and time zone). */
  seed: number;
  now: number;
  /** This machine's row; sessions are spread over it and two demo machines. */
  machineId: string;
  technician: string;
}

const SESSIONS_PER_YEAR = 10_000;

export function generateDemo(store: Store, options: DemoOptions, onProgress: (message: string) => void = () => undefined): DemoCounts {
  const { years, seed, now } = options;
  if (!Number.isInteger(years) || years < 1 || years > 20) throw badInput('years', `--years must be a whole number from 1 to 20 (got ${years})`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw badInput('seed', `--seed must be a whole number, 0 or more (got ${seed})`);
  const sqlite = store.sqlite;
  const existing = sqlite.prepare('SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM clients) AS clients').get() as { sessions: number; clients: number };
  if (existing.sessions > 0 || existing.clients > 0) {
    throw conflict(
      `this data dir already holds ${existing.sessions.toLocaleString('en-US')} sessions and ${existing.clients} clients: demo data only fills an empty store. ` +
        'Use a fresh one, e.g. MSP_HOME=/tmp/msp-demo msp demo',
    );
  }
  store.writeState('demo_data', JSON.stringify({ seed, years, generatedAt: now }));
  const random = new DemoRandom(seed);
  const startDate = new Date(now);
  startDate.setFullYear(startDate.getFullYear() - years);
  const start = startDate.getTime();
  const base = { start, now, technician: options.technician, originId: store.originId };

  const catalog = sqlite.transaction(() => writeCatalog(sqlite, random, { ...base, seed, machineId: options.machineId }))();
  const devices = catalog.clients.reduce((total, client) => total + client.devices.length, 0);
  onProgress(`${catalog.clients.length} clients with ${devices} devices, ${catalog.machines.length} technician machines; writing ${(years * SESSIONS_PER_YEAR).toLocaleString('en-US')} sessions…`);
  const patterns = writeHistory(sqlite, random, catalog, { ...base, sessions: years * SESSIONS_PER_YEAR }, onProgress);
  sqlite.transaction(() => { patterns.write(sqlite, store.originId, catalog, start); })();
  // One big write leaves a big write-ahead log: fold it into the database file now.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return countRows(store);
}

export function countRows(store: Store): DemoCounts {
  const counts = {} as DemoCounts;
  for (const table of DEMO_TABLES) {
    counts[table] = (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}
