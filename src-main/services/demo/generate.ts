import { createHash } from 'node:crypto';
import { MspError, badInput } from '../../core/errors.js';
import type { Store } from '../../store/store.js';
import { writeCatalog, type DemoCatalog } from './catalog.js';
import { HistoryWriter } from './history.js';
import { SeededRandom } from './random.js';
import { DemoWriter } from './writer.js';

export interface DemoOptions {
  years: number;
  seed: number;
  now: number;
  machineId: string;
  technician: string;
}

/** Rows written per table. */
export type DemoCounts = Record<string, number>;

const DAY = 24 * 60 * 60_000;
const MINUTE = 60_000;
const SESSIONS_PER_YEAR = 10_000;
const SESSIONS_PER_TRANSACTION = 1_000;

/**
 * Fills an empty store with `years` of synthetic MSP history ending at `now`: ~20 clients with
 * their sites and devices, ~10,000 sessions and ~200,000 commands a year with a realistic share of
 * failures, problems and their solutions, failure patterns, insights and tasks. Deterministic per seed.
 */
export function generateDemo(store: Store, options: DemoOptions, onProgress: (message: string) => void = () => undefined): DemoCounts {
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 20) throw badInput('years', '--years must be a whole number from 1 to 20');
  const existing = store.sqlite.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number };
  if (existing.n > 0) {
    throw new MspError('conflict', `this data dir already holds ${existing.n} sessions: demo data only fills an empty one (set MSP_HOME to a new folder)`);
  }
  store.writeState('demo_data', JSON.stringify({ seed: options.seed, years: options.years, generatedAt: options.now }));
  const random = new SeededRandom(options.seed);
  const out = new DemoWriter(store.sqlite);
  const start = options.now - options.years * 365 * DAY;
  let catalog: DemoCatalog | undefined;
  out.transaction(() => { catalog = writeCatalog(out, random, start, { id: options.machineId, technician: options.technician }); });
  if (!catalog) throw new Error('demo catalog was not written');
  const history = new HistoryWriter(out, random, catalog);
  const plans = sessionPlans(random, catalog, start, options.now, options.years * SESSIONS_PER_YEAR);
  for (let first = 0; first < plans.length; first += SESSIONS_PER_TRANSACTION) {
    out.transaction(() => { for (const plan of plans.slice(first, first + SESSIONS_PER_TRANSACTION)) history.write(plan); });
    const done = Math.min(plans.length, first + SESSIONS_PER_TRANSACTION);
    if (done % (SESSIONS_PER_TRANSACTION * 5) === 0 || done === plans.length) onProgress(`${done} of ${plans.length} sessions written`);
  }
  out.transaction(() => {
    writeKnowledge(out, random, history);
    writeTasks(out, random, catalog as DemoCatalog, start, options.now);
  });
  return out.counts;
}

/** Working days, 08:00 onwards, each technician's sessions one after another. */
function sessionPlans(random: SeededRandom, catalog: DemoCatalog, start: number, end: number, target: number) {
  const days: number[] = [];
  for (let day = Math.floor(start / DAY) * DAY; day < end - DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  const perDayPerMachine = target / days.length / catalog.machines.length;
  const plans: { machineId: string; technician: string; startedAt: number; minutes: number }[] = [];
  let carry = 0;
  for (const day of days) {
    for (const machine of catalog.machines) {
      carry += perDayPerMachine;
      const count = Math.floor(carry);
      carry -= count;
      let cursor = day + 15 * 60 * MINUTE + random.int(0, 60) * MINUTE; // 08:00 in UTC-7
      for (let s = 0; s < count; s++) {
        const minutes = random.chance(0.1) ? random.int(90, 240) : random.int(10, 70);
        plans.push({ machineId: machine.id, technician: machine.technician, startedAt: cursor, minutes });
        cursor += (minutes + random.int(5, 40)) * MINUTE;
      }
    }
  }
  return plans.slice(0, target).sort((a, b) => a.startedAt - b.startedAt);
}

const signatureOf = (command: string) => command.replace(/\b[A-Z]{2,5}-[A-Z]{2,4}\d{2}\b/g, '<host>').replace(/\d+/g, '<n>');

function writeKnowledge(out: DemoWriter, random: SeededRandom, history: HistoryWriter): void {
  const pattern = out.table('failure_patterns', ['pattern_key', 'normalized_signature', 'platform', 'os_version', 'shell', 'infrastructure_id', 'client_id', 'failure_category', 'occurrence_count', 'first_seen_at', 'last_seen_at', 'example_command', 'example_error', 'working_alternative', 'confidence']);
  const insight = out.table('environmental_insights', ['client_id', 'infrastructure_id', 'scope', 'platform', 'os_version', 'insight_text', 'evidence_count', 'source_pattern_id', 'first_seen_at', 'last_confirmed_at', 'active']);
  for (const tally of history.patterns.values()) {
    const { failure, device } = tally;
    const signature = signatureOf(failure.command);
    const id = random.idAt(tally.firstSeen);
    pattern(id, tally.firstSeen, {
      pattern_key: createHash('sha256').update(`${signature}|${device.template.osName}|${device.osVersion}|${device.id}`).digest('hex'), normalized_signature: signature,
      platform: device.template.osName, os_version: device.osVersion, shell: device.template.kind.includes('windows') || device.template.kind === 'workstation' ? 'powershell' : 'bash',
      infrastructure_id: device.id, client_id: tally.clientId, failure_category: failure.category, occurrence_count: tally.count, first_seen_at: tally.firstSeen, last_seen_at: tally.lastSeen,
      example_command: failure.command.replaceAll('{host}', device.hostname), example_error: failure.error.replaceAll('{host}', device.hostname).slice(0, 500),
      working_alternative: failure.alternative?.replaceAll('{host}', device.hostname) ?? null, confidence: Math.min(0.95, 0.4 + tally.count / 20),
    });
    if (failure.alternative && tally.count >= 3) {
      insight(random.idAt(tally.lastSeen), tally.lastSeen, {
        client_id: tally.clientId, infrastructure_id: device.id, scope: 'infrastructure', platform: device.template.osName, os_version: device.osVersion,
        insight_text: `${device.hostname} (${device.template.osName} ${device.osVersion}): \`${signatureOf(failure.command)}\` fails (${failure.category}); use \`${failure.alternative.replaceAll('{host}', device.hostname)}\``,
        evidence_count: tally.count, source_pattern_id: id, first_seen_at: tally.firstSeen, last_confirmed_at: tally.lastSeen, active: true,
      });
    }
  }
  const problem = out.table('problem_solutions', ['client_id', 'infrastructure_id', 'session_id', 'problem', 'symptom', 'error_text', 'normalized_signature', 'platform', 'os_version', 'cause', 'solution', 'steps', 'worked', 'verified_at', 'times_reused']);
  for (const { sessionId, clientId, at, tally } of history.problemSessions) {
    const { failure, device } = tally;
    const alternative = failure.alternative?.replaceAll('{host}', device.hostname) ?? '';
    problem(random.idAt(at), at, {
      client_id: clientId, infrastructure_id: device.id, session_id: sessionId, problem: `${failure.command.split(' ')[0] ?? 'Command'} failed on ${device.hostname}`,
      symptom: failure.category.replace('_', ' '), error_text: failure.error.replaceAll('{host}', device.hostname).slice(0, 500), normalized_signature: signatureOf(failure.command),
      platform: device.template.osName, os_version: device.osVersion, cause: `${device.template.osName} ${device.osVersion} on ${device.hostname}`, solution: alternative,
      steps: JSON.stringify([failure.command.replaceAll('{host}', device.hostname), alternative]), worked: true, verified_at: at, times_reused: random.int(0, 4),
    });
  }
}

function writeTasks(out: DemoWriter, random: SeededRandom, catalog: DemoCatalog, start: number, end: number): void {
  const task = out.table('pending_tasks', ['client_id', 'project_id', 'title', 'status', 'priority', 'due_at', 'done_at', 'done_by']);
  const years = Math.max(1, Math.round((end - start) / (365 * DAY)));
  const titles = ['Replace NAS disk {n}', 'Renew the SSL certificate for the portal', 'Follow up on the printer with the office manager', 'Retire the 2008 R2 app server', 'Review firewall rules', 'Test a restore from the offsite backup', 'Update the network diagram', 'Enable MFA for the remaining {n} users'];
  for (let i = 0; i < years * 100; i++) {
    const client = random.pick(catalog.clients);
    const createdAt = start + Math.floor(random.next() * (end - start));
    const open = createdAt > end - 90 * DAY ? random.chance(0.6) : random.chance(0.03);
    task(random.idAt(createdAt), createdAt, {
      client_id: client.id, project_id: client.projectIds.length > 0 && random.chance(0.3) ? random.pick(client.projectIds) : null,
      title: random.pick(titles).replace('{n}', String(random.int(2, 9))), status: open ? 'open' : 'done', priority: random.pick(['low', 'normal', 'normal', 'high']),
      due_at: random.chance(0.4) ? createdAt + random.int(3, 30) * DAY : null, done_at: open ? null : createdAt + random.int(1, 20) * DAY, done_by: open ? null : random.pick(catalog.machines).technician,
    });
  }
}
