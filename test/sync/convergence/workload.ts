// Random work done on a machine while it is offline, through the agent's own Store and Writer
// (the code every msp command writes with), opened in this process on the machine's msp.db.
//
// Why in-process and not `msp` commands: the CLI offers no way to edit or tombstone arbitrary
// rows, and the clock skew has to reach the writer. The Store takes its clock as an argument
// (the composition root's job), so each machine's writes get `Date.now() + skew`: their row
// times and hybrid-clock stamps are ±2 min off, exactly as a machine with a wrong clock would
// write them. The `msp sync` processes that push and pull this data are real and keep the real
// clock; only the data carries the skew, which is where skew matters to last-writer-wins.
import path from 'node:path';
import { naturalIds, normaliseName, uuidv7Source } from '../../../src-main/core/ids.js';
import { Store } from '../../../src-main/store/store.js';
import type { RowPatch, Writer } from '../../../src-main/store/writer.js';
import type { Machine } from './cluster.js';
import type { Random } from './random.js';

export const WORK_TABLES = ['clients', 'projects', 'pending_tasks', 'sessions', 'commands_run'] as const;
export type WorkTable = (typeof WORK_TABLES)[number];

/** Every row any machine created and every change any machine made: what must not be lost. */
export class Ledger {
  /** `table/id` → the machine that created it first. */
  readonly created = new Map<string, { table: WorkTable; id: string; by: string }>();
  readonly tombstoned = new Set<string>();
  /** One entry per local write: the row and the hybrid-clock stamp that write gave it. */
  readonly changes: { table: WorkTable; id: string; hlc: string; by: string }[] = [];
  /** Normalised client names ever created (each must end as exactly one row). */
  readonly clientNames = new Set<string>();
}

// A small pool, so that the same client is created on two machines while offline.
const CLIENT_NAMES = ['Acme', 'Beta Dental', 'Gamma Law', 'Delta Freight', 'Epsilon Labs', 'Zeta Bäckerei', 'Eta Clinic'];
const PROJECT_NAMES = ['Migration', 'Backups', 'Firewall refresh', 'Onboarding'];
const WORDS = ['restart', 'spooler', 'NAS', 'DNS', 'O\'Brien', 'naïve', '"quoted"', 'Zürich', '☕', 'RAID-5', 'GPO', '100%', 'C:\\Temp', 'ünïcödé', 'tab\there'];

const text = (random: Random, words = random.int(1, 6)) => Array.from({ length: words }, () => random.pick(WORDS)).join(' ');
/** The same name as people type it: other case, stray spaces. */
const variant = (random: Random, name: string) => {
  const cased = random.chance(0.3) ? name.toUpperCase() : random.chance(0.3) ? name.toLowerCase() : name;
  return random.chance(0.3) ? `  ${cased.replace(' ', '   ')} ` : cased;
};

type Op = 'createClient' | 'updateClient' | 'deleteClient' | 'createProject' | 'updateProject' | 'deleteProject'
  | 'createTask' | 'updateTask' | 'deleteTask' | 'createSession' | 'updateSession' | 'deleteSession' | 'appendCommand';

const WEIGHTS: Record<Op, number> = {
  createClient: 8, updateClient: 10, deleteClient: 2,
  createProject: 5, updateProject: 6, deleteProject: 2,
  createTask: 10, updateTask: 10, deleteTask: 3,
  createSession: 6, updateSession: 8, deleteSession: 2,
  appendCommand: 14,
};

class Worker {
  constructor(private readonly store: Store, private readonly machine: Machine, private readonly random: Random, private readonly ledger: Ledger) {}

  private live(table: WorkTable): string[] {
    return (this.store.sqlite.prepare(`SELECT id FROM ${table} WHERE deleted = 0 ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
  }

  private maybe(table: WorkTable, probability = 0.5): string | null {
    const ids = this.live(table);
    return ids.length > 0 && this.random.chance(probability) ? this.random.pick(ids) : null;
  }

  private noted(table: WorkTable, id: string, created: boolean): void {
    const hlc = (this.store.sqlite.prepare(`SELECT hlc FROM ${table} WHERE id = ?`).get(id) as { hlc: string }).hlc;
    this.ledger.changes.push({ table, id, hlc, by: this.machine.name });
    const key = `${table}/${id}`;
    if (created && !this.ledger.created.has(key)) this.ledger.created.set(key, { table, id, by: this.machine.name });
  }

  private create(table: WorkTable, write: (writer: Writer) => string | undefined): string {
    const id = this.store.write(write);
    if (id === undefined) return `${table}: already here`;
    this.noted(table, id, true);
    return `${table} ${id.slice(-6)} created`;
  }

  private update<T extends Exclude<WorkTable, 'commands_run'>>(table: T, patch: (random: Random) => RowPatch<T>, fallback: Op): string {
    const ids = this.live(table);
    if (ids.length === 0) return this.apply(fallback);
    const id = this.random.pick(ids);
    this.store.write((writer) => writer.update(table, id, patch(this.random)));
    this.noted(table, id, false);
    return `${table} ${id.slice(-6)} updated`;
  }

  private tombstone(table: Exclude<WorkTable, 'commands_run'>, fallback: Op): string {
    const ids = this.live(table);
    if (ids.length === 0) return this.apply(fallback);
    const id = this.random.pick(ids);
    this.store.write((writer) => writer.update(table, id, { deleted: true }));
    this.noted(table, id, false);
    this.ledger.tombstoned.add(`${table}/${id}`);
    return `${table} ${id.slice(-6)} deleted`;
  }

  apply(op: Op): string {
    const r = this.random;
    const now = this.machine.clock.now();
    switch (op) {
      case 'createClient': {
        const name = variant(r, r.pick(CLIENT_NAMES));
        const id = naturalIds.client(name);
        this.ledger.clientNames.add(normaliseName(name));
        // What ensureClient() does: the natural-key id, inserted unless this machine has it.
        return this.create('clients', (w) => (w.insertIfMissing('clients', { id, name: name.trim(), normalizedName: normaliseName(name), status: 'active' }) ? id : undefined));
      }
      case 'updateClient':
        return this.update('clients', () => ({
          ...(r.chance(0.4) ? { hourlyRateCents: r.int(5_000, 25_000) } : {}),
          ...(r.chance(0.3) ? { status: r.pick(['active', 'inactive']) } : {}),
          ...(r.chance(0.3) ? { currency: r.pick(['USD', 'EUR', 'GBP']) } : {}),
          ...(r.chance(0.2) ? { externalRef: r.chance(0.5) ? null : `SYNCRO-${r.int(1, 9999)}` } : {}),
          notes: r.chance(0.5) ? text(r) : null,
        }), 'createClient');
      case 'deleteClient':
        return this.tombstone('clients', 'createClient');
      case 'createProject': {
        const clientId = this.maybe('clients', 0.7);
        const name = variant(r, r.pick(PROJECT_NAMES));
        const id = naturalIds.project(clientId, name);
        return this.create('projects', (w) => (w.insertIfMissing('projects', { id, clientId, name: name.trim(), normalizedName: normaliseName(name), status: 'active' }) ? id : undefined));
      }
      case 'updateProject':
        return this.update('projects', () => ({
          ...(r.chance(0.6) ? { description: text(r, 8) } : {}),
          ...(r.chance(0.4) ? { status: r.pick(['active', 'done', 'archived']) } : {}),
          repositoryPath: r.chance(0.5) ? `/srv/git/${r.int(1, 50)}` : null,
        }), 'createProject');
      case 'deleteProject':
        return this.tombstone('projects', 'createProject');
      case 'createTask':
        return this.create('pending_tasks', (w) => w.insert('pending_tasks', {
          title: text(r), clientId: this.maybe('clients'), projectId: this.maybe('projects', 0.3), sessionId: this.maybe('sessions', 0.3),
          status: 'open', priority: r.pick(['low', 'normal', 'high', 'urgent']), details: r.chance(0.3) ? text(r, 10) : null,
        }));
      case 'updateTask':
        return this.update('pending_tasks', () => {
          const done = r.chance(0.4);
          return {
            ...(done ? { status: 'done', doneAt: now, doneBy: this.machine.name } : r.chance(0.3) ? { status: r.pick(['open', 'cancelled']) } : {}),
            ...(r.chance(0.4) ? { priority: r.pick(['low', 'normal', 'high', 'urgent']) } : {}),
            ...(r.chance(0.3) ? { title: text(r) } : {}),
            details: r.chance(0.7) ? text(r, 5) : null,
            ...(r.chance(0.3) ? { dueAt: now + r.int(1, 30) * 86_400_000 } : {}),
          };
        }, 'createTask');
      case 'deleteTask':
        return this.tombstone('pending_tasks', 'createTask');
      case 'createSession':
        return this.create('sessions', (w) => w.insert('sessions', {
          machineId: naturalIds.machine(`fingerprint-of-${this.machine.name}`), clientId: this.maybe('clients', 0.7), projectId: this.maybe('projects', 0.3),
          mode: r.pick(['msp', 'dev', 'normal']), billable: r.chance(0.7), technician: this.machine.name, startedAt: now, lastActivityAt: now,
          pausedMs: 0, unconfirmedIdleMs: 0,
        }));
      case 'updateSession':
        return this.update('sessions', () => ({
          lastActivityAt: now,
          ...(r.chance(0.4) ? { endedAt: now, endReason: r.pick(['ended', 'mode_switch', 'idle', 'edited']) } : {}),
          ...(r.chance(0.4) ? { summary: text(r, 12) } : {}),
          ...(r.chance(0.3) ? { pausedMs: r.int(0, 3_600_000) } : {}),
          ...(r.chance(0.2) ? { idleFlagged: r.chance(0.5), billable: r.chance(0.5) } : {}),
        }), 'createSession');
      case 'deleteSession':
        return this.tombstone('sessions', 'createSession');
      case 'appendCommand': {
        const success = r.chance(0.7);
        return this.create('commands_run', (w) => w.insert('commands_run', {
          sessionId: this.maybe('sessions', 0.8), clientId: this.maybe('clients'), machineId: naturalIds.machine(`fingerprint-of-${this.machine.name}`),
          command: text(r, 4), shell: r.pick(['bash', 'powershell', 'pwsh', 'cmd']), success, exitCode: success ? 0 : r.int(1, 255),
          startedAt: now - 1500, finishedAt: now, durationMs: 1500, source: 'capture',
          ...(success ? {} : { stderrTail: text(r, 6), failureCategory: r.pick(['network', 'timeout', 'other']) }),
        }));
      }
    }
  }
}

/** Opens the machine's store on its skewed clock, as an msp command would, and does `count` random writes. */
export function offlineWork(machine: Machine, random: Random, count: number, ledger: Ledger): string[] {
  const store = openStore(machine);
  try {
    const worker = new Worker(store, machine, random, ledger);
    return Array.from({ length: count }, () => worker.apply(random.weighted(WEIGHTS)));
  } finally {
    store.close();
  }
}

/** The machine's store, on the machine's clock. */
export function openStore(machine: Machine): Store {
  return Store.open({ file: path.join(machine.dataDir, 'msp.db'), clock: machine.clock, ids: uuidv7Source(() => machine.clock.now()) });
}
