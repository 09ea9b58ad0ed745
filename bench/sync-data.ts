// Realistic rows for the sync benchmark, written through the store's Writer so that every one of
// them enters the outbox exactly like captured work does (msp demo bypasses the outbox on purpose).
import { CLIENT_NAMES, COMMANDS, DEVICES, FAILURES, WORK, type DeviceKind } from '../src-main/services/demo/templates.js';
import { SeededRandom } from '../src-main/services/demo/random.js';
import { naturalIds, normaliseName } from '../src-main/core/ids.js';
import type { Store } from '../src-main/store/store.js';
import type { Writer } from '../src-main/store/writer.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SESSIONS = 2_000;
const TASKS = 500;
const SESSIONS_PER_TRANSACTION = 50;

/** The tables the benchmark fills, in the order a replica needs them. */
export const BENCH_TABLES = ['machines', 'clients', 'sessions', 'work_items', 'pending_tasks', 'commands_run'] as const;

export interface BenchWorld {
  machineId: string;
  clients: { id: string; name: string; hosts: { name: string; kind: DeviceKind }[] }[];
}

const prefixOf = (name: string) => name.replace(/[^A-Za-z]/g, '').slice(0, 5).toUpperCase();

/** The machine row and 20 clients with a few devices each (hostnames for the commands). */
function writeWorld(writer: Writer, random: SeededRandom, now: number): BenchWorld {
  const fingerprint = 'b'.repeat(64);
  const machineId = naturalIds.machine(fingerprint);
  writer.insert('machines', { id: machineId, fingerprint, hostname: 'bench-laptop', username: 'mike', platform: 'linux', homeDir: '/home/mike', firstSeenAt: now, lastSeenAt: now });
  const clients = CLIENT_NAMES.map(([name]) => {
    const id = naturalIds.client(name);
    writer.insert('clients', { id, name, normalizedName: normaliseName(name), status: 'active', hourlyRateCents: random.int(90, 180) * 100, currency: 'USD' });
    const hosts = Array.from({ length: random.int(3, 6) }, (_, i) => {
      const template = random.pick(DEVICES);
      return { name: `${prefixOf(name)}-${template.kind.slice(0, 3).toUpperCase()}${String(i + 1).padStart(2, '0')}`, kind: template.kind };
    });
    return { id, name, hosts };
  });
  return { machineId, clients };
}

function writeCommand(writer: Writer, random: SeededRandom, world: BenchWorld, sessionId: string, clientIndex: number, at: number): void {
  const client = world.clients[clientIndex] ?? world.clients[0];
  if (!client) throw new Error('no clients');
  const host = random.pick(client.hosts);
  const fill = (text: string) => text.replaceAll('{host}', host.name);
  const failure = random.chance(0.08) ? FAILURES.find((f) => f.kinds.includes(host.kind)) : undefined;
  const template = random.pick(COMMANDS[host.kind]);
  const shell = host.kind === 'windows-server' || host.kind === 'workstation' ? 'powershell' : 'bash';
  const duration = random.int(40, 9_000);
  writer.insert('commands_run', {
    sessionId, clientId: client.id, machineId: world.machineId,
    command: fill(failure?.command ?? template.command), shell, cwd: shell === 'powershell' ? 'C:\\Users\\mike' : '/home/mike',
    exitCode: failure?.exitCode ?? 0, success: !failure, durationMs: duration,
    stdoutTail: failure ? null : fill(template.stdout ?? ''), stderrTail: failure ? fill(failure.error) : null,
    errorMessage: failure ? fill(failure.error).slice(0, 200) : null, failureCategory: failure?.category ?? null,
    startedAt: at, finishedAt: at + duration, source: 'capture',
    claudeSessionId: `bench-${sessionId.slice(0, 8)}`, toolUseId: `toolu_${random.idAt(at).replaceAll('-', '').slice(0, 24)}`,
  });
}

/**
 * Exactly `total` records through the Writer: 1 machine, 20 clients, 2,000 sessions with a work
 * item each, 500 tasks, and commands for the rest (~48 a session, 8% failing with their stderr).
 */
export function writeHistory(store: Store, total: number, seed = 7): BenchWorld {
  const random = new SeededRandom(seed);
  const now = store.clock.now();
  const world = store.write((writer) => writeWorld(writer, random, now));
  const commands = total - 1 - world.clients.length - 2 * SESSIONS - TASKS;
  if (commands < SESSIONS) throw new Error(`${total} records are too few for ${SESSIONS} sessions`);
  const start = now - 365 * DAY;
  for (let first = 0; first < SESSIONS; first += SESSIONS_PER_TRANSACTION) {
    store.write((writer) => {
      for (let s = first; s < Math.min(SESSIONS, first + SESSIONS_PER_TRANSACTION); s++) {
        const clientIndex = random.int(0, world.clients.length - 1);
        const client = world.clients[clientIndex];
        if (!client) continue;
        const startedAt = start + Math.floor((s / SESSIONS) * 360 * DAY) + random.int(0, 8 * 60) * MINUTE;
        const minutes = random.int(10, 120);
        const [category, title, summary] = random.pick(WORK);
        const host = random.pick(client.hosts).name;
        const sessionId = writer.insert('sessions', {
          machineId: world.machineId, clientId: client.id, mode: 'msp', billable: true, technician: 'mike',
          startedAt, endedAt: startedAt + minutes * MINUTE, endReason: 'ended', lastActivityAt: startedAt + minutes * MINUTE,
          pausedMs: 0, unconfirmedIdleMs: 0, summary: summary.replaceAll('{host}', host), createdAt: startedAt,
        });
        writer.insert('work_items', {
          sessionId, clientId: client.id, title, description: `${category}: ${summary.replaceAll('{host}', host)}`, status: 'done',
          startedAt, endedAt: startedAt + minutes * MINUTE, minutes, billable: true, source: 'manual', createdAt: startedAt,
        });
        // Commands spread evenly; the first sessions take the remainder.
        const count = Math.floor(commands / SESSIONS) + (s < commands % SESSIONS ? 1 : 0);
        for (let c = 0; c < count; c++) writeCommand(writer, random, world, sessionId, clientIndex, startedAt + Math.floor((c / count) * minutes * MINUTE));
      }
    });
  }
  store.write((writer) => {
    for (let t = 0; t < TASKS; t++) {
      const client = random.pick(world.clients);
      const open = random.chance(0.3);
      writer.insert('pending_tasks', {
        clientId: client.id, title: `Follow up on ${random.pick(client.hosts).name}: ${random.pick(WORK)[1].toLowerCase()}`,
        status: open ? 'open' : 'done', priority: random.pick(['low', 'normal', 'normal', 'high']), dueAt: now + random.int(1, 30) * DAY,
        doneAt: open ? null : now - random.int(1, 300) * DAY, doneBy: open ? null : 'mike',
      });
    }
  });
  return world;
}

/** 100 changes of a working hour: a session started and ended, its work item, a task, 96 commands. */
export function writeWorkingHour(store: Store, world: BenchWorld, seed: number): string {
  const random = new SeededRandom(seed);
  const now = store.clock.now();
  return store.write((writer) => {
    const clientIndex = random.int(0, world.clients.length - 1);
    const client = world.clients[clientIndex];
    if (!client) throw new Error('no clients');
    const sessionId = writer.insert('sessions', {
      machineId: world.machineId, clientId: client.id, mode: 'msp', billable: true, technician: 'mike',
      startedAt: now - 60 * MINUTE, lastActivityAt: now, pausedMs: 0, unconfirmedIdleMs: 0,
    });
    writer.insert('work_items', { sessionId, clientId: client.id, title: 'Monthly patching', status: 'done', startedAt: now - 60 * MINUTE, billable: true, source: 'manual' });
    writer.insert('pending_tasks', { clientId: client.id, sessionId, title: 'Check the reboot of the file server', status: 'open', priority: 'normal' });
    for (let c = 0; c < 96; c++) writeCommand(writer, random, world, sessionId, clientIndex, now - 60 * MINUTE + c * 30_000);
    writer.update('sessions', sessionId, { endedAt: now, endReason: 'ended', summary: 'Patched and rebooted the servers; services verified' });
    return sessionId;
  });
}
