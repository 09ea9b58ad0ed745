import type { SqliteDatabase } from '../store/database.js';
import type { DemoCatalog, DemoClient, DemoDevice, DemoProject } from './demo-catalog.js';
import { COMMANDS, FAILURE_RATE, FAILURES } from './demo-commands.js';
import type { Family } from './demo-data.js';
import { PatternBook } from './demo-patterns.js';
import type { DemoRandom } from './demo-random.js';
import { SCENARIOS, SECONDARY_WORK } from './demo-scenarios.js';
import { sessionTimings, wallTime, windowStart, type SessionTiming } from './demo-schedule.js';
import { SessionExtras, type SessionFacts } from './demo-session-extras.js';
import { demoInsert } from './demo-sql.js';
import { fill, type TemplateContext } from './demo-templates.js';

export interface HistoryOptions {
  start: number;
  now: number;
  sessions: number;
  technician: string;
  originId: string;
}

/** Sessions per transaction: large enough to make commits cheap, small enough to report progress every 10%. */
const MAX_SESSIONS_PER_TRANSACTION = 5_000;
/** Commands per minute of work: about 20 for an average session. */
const COMMANDS_PER_MINUTE = 0.56;
const MEDICAL = new Set(['HDG', 'PFM', 'APT', 'MVV']);
const OWN: TemplateContext = { h: 'MSP-NAS01', ip: '10.0.0.20', d: 'msp.local', mail: 'demo-msp.com', user: 'tech', os: '', lan: '10.0.0', code: 'MSP', n: '', kb: '', month: '' };

/** Writes the sessions and everything done in them, in transactions of 5,000 sessions. */
export function writeHistory(sqlite: SqliteDatabase, random: DemoRandom, catalog: DemoCatalog, options: HistoryOptions, onProgress: (message: string) => void): PatternBook {
  const insert = (table: string, columns: string[]) => demoInsert(sqlite, options.originId, table, columns);
  const sessions = insert('sessions', ['machine_id', 'client_id', 'project_id', 'mode', 'billable', 'technician', 'started_at', 'ended_at', 'end_reason', 'paused_ms', 'last_activity_at', 'idle_gaps', 'unconfirmed_idle_ms', 'idle_flagged', 'summary']);
  const workItems = insert('work_items', ['session_id', 'client_id', 'project_id', 'category_id', 'title', 'status', 'started_at', 'ended_at', 'minutes', 'billable', 'source']);
  const commands = insert('commands_run', ['session_id', 'work_item_id', 'client_id', 'machine_id', 'infrastructure_id', 'command', 'shell', 'cwd', 'exit_code', 'success', 'duration_ms', 'stdout_tail', 'stderr_tail', 'error_message', 'failure_category', 'failure_pattern_id', 'started_at', 'finished_at', 'source', 'claude_session_id']);
  const sessionTags = insert('session_tags', ['session_id', 'tag_id', 'source']);
  const workItemTags = insert('work_item_tags', ['work_item_id', 'tag_id', 'source']);
  const extras = new SessionExtras(sqlite, random, options);
  const patterns = new PatternBook();
  const timings = sessionTimings(random, options.start, options.now, options.sessions, catalog.machines.length);
  const context: TemplateContext = { ...OWN };
  const workIds: string[] = [];
  const tags: string[] = [];
  const categoryId = (name: string) => catalog.categories.get(name) ?? null;
  const tagId = (name: string) => catalog.tags.get(name) ?? null;

  const setDevice = (device: DemoDevice | null, client: DemoClient | null) => {
    const fallback = device ?? client?.devices[0] ?? null;
    context.h = fallback ? fallback.name : OWN.h;
    context.ip = fallback ? fallback.ip : OWN.ip;
    context.os = fallback ? (fallback.profile.family === 'fortigate' || fallback.profile.family === 'synology' || fallback.profile.family === 'pfsense' ? fallback.profile.osVersion : `${fallback.profile.osName} ${fallback.profile.osVersion}`) : '';
  };

  const writeSession = (timing: SessionTiming) => {
    const r = random.next();
    const mode = r < 0.86 ? 'msp' : r < 0.95 ? 'dev' : 'normal';
    const machineId = catalog.machines[timing.machineIndex] ?? catalog.machines[0] ?? '';
    let client: DemoClient | null = null;
    let project: DemoProject | null = null;
    let focus: DemoDevice | null = null;
    let family: Family = mode === 'dev' ? 'dev' : 'local';
    if (mode === 'msp') {
      client = pickClient(random, catalog, timing.start);
      const running = client.projects.filter((p) => p.from <= timing.start && timing.start < p.to);
      project = running.length > 0 && random.chance(0.35) ? random.pick(running) : null;
      focus = random.weighted(client.targets, client.targetWeights, client.targetTotal);
      family = focus ? focus.profile.family : 'm365';
      Object.assign(context, { d: client.adDomain, mail: client.profile.domain, lan: client.lan, code: client.profile.code });
    } else {
      Object.assign(context, OWN);
      if (mode === 'dev') {
        const running = catalog.internalProjects.filter((p) => p.from <= timing.start && timing.start < p.to);
        project = random.pick(running.length > 0 ? running : catalog.internalProjects);
      }
    }
    const date = new Date(timing.start);
    context.month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    context.kb = `KB50${random.int(10_000, 49_999)}`;
    context.user = client ? random.pick(client.users) : options.technician;
    context.n = String(random.int(2, 40));
    setDevice(focus, client);
    if (project && mode === 'dev') context.h = project.profile.name;
    const scenario = random.pick(SCENARIOS[family]);
    const billable = mode === 'msp' && !random.chance(0.03);
    const sessionId = random.idAt(timing.start);
    const clientId = client?.id ?? null;
    const projectId = project?.id ?? null;
    const idleGap = timing.idleMs > 0 ? windowStart(timing, 'idle') : 0;
    const unconfirmedIdle = timing.idleMs > 0 && !timing.idleConfirmed ? timing.idleMs : 0;
    sessions.run(sessionId, timing.start, timing.end, timing.end, machineId, clientId, projectId, mode, billable ? 1 : 0, options.technician, timing.start, timing.end,
      timing.modeSwitch ? 'mode_switch' : 'ended', timing.pauseMs, timing.end,
      timing.idleMs > 0 ? `[{"from":${idleGap},"to":${idleGap + timing.idleMs},"confirmed":${timing.idleConfirmed}}]` : null,
      unconfirmedIdle, unconfirmedIdle > 0 ? 1 : 0, random.chance(0.985) ? fill(scenario.summary, context) : null);

    tags.length = 0;
    if (random.chance(0.5)) tags.push(scenario.tag);
    if ((timing.weekend || date.getHours() >= 18) && mode === 'msp') tags.push('after-hours');
    if (mode === 'msp' && random.chance(0.05)) tags.push('urgent');
    if (project && mode === 'msp') tags.push('project-work');
    if (mode === 'dev') tags.push('dev');
    if (!billable && mode === 'msp') tags.push('warranty');
    if (client && MEDICAL.has(client.profile.code) && random.chance(0.2)) tags.push('hipaa');
    if (family === 'win2008' && random.chance(0.7)) tags.push('server-2008');
    const written = new Set<string>();
    for (const name of tags) {
      const id = tagId(name);
      if (id === null || written.has(id)) continue;
      written.add(id);
      sessionTags.run(random.idAt(timing.start), timing.end, timing.end, timing.end, sessionId, id, name === scenario.tag ? 'categoriser' : 'manual');
    }

    const itemCount = timing.activeMs < 20 * 60_000 ? 1 : random.chance(0.45) ? 1 : random.chance(0.65) ? 2 : 3;
    workIds.length = 0;
    const title = fill(scenario.title, context);
    for (let index = 0; index < itemCount; index++) {
      const from = wallTime(timing, (timing.activeMs * index) / itemCount);
      const to = wallTime(timing, (timing.activeMs * (index + 1)) / itemCount - 1);
      const secondary = index === 0 ? null : random.pick(SECONDARY_WORK);
      const id = random.idAt(from);
      workIds.push(id);
      workItems.run(id, from, to, to, sessionId, clientId, projectId, categoryId(secondary ? secondary[1] : scenario.category), secondary ? secondary[0] : title,
        'done', from, to, Math.round(timing.activeMs / itemCount / 60_000), billable ? 1 : 0, random.chance(0.7) ? 'categoriser' : 'manual');
      if (index === 0 && random.chance(0.3)) {
        const id2 = tagId(scenario.tag);
        if (id2 !== null) workItemTags.run(random.idAt(to), to, to, to, id, id2, 'categoriser');
      }
    }

    const cwd = mode === 'msp' && client ? `~/msp/clients/${client.profile.code}` : project?.profile.repository ?? '~';
    const claudeSessionId = random.guid();
    const count = Math.max(1, Math.round((timing.activeMs / 60_000) * COMMANDS_PER_MINUTE * (0.5 + random.next())));
    for (let k = 0; k < count; k++) {
      const offset = ((k + 0.1 + 0.8 * random.next()) / count) * timing.activeMs;
      const finished = wallTime(timing, offset);
      const workItemId = workIds[Math.floor((k * workIds.length) / count)] ?? null;
      let device: DemoDevice | null = focus;
      let commandFamily = family;
      const pick = random.next();
      if (mode === 'msp' && client) {
        if (pick >= 0.87) commandFamily = 'local';
        else if (pick >= 0.72) {
          device = random.weighted(client.targets, client.targetWeights, client.targetTotal);
          commandFamily = device ? device.profile.family : 'm365';
        }
        setDevice(device, client);
      } else if (mode === 'dev' && pick >= 0.9) commandFamily = 'local';
      if (commandFamily === 'local' || commandFamily === 'm365' || commandFamily === 'dev') device = null;
      context.n = String(random.int(2, 98));
      if (client) context.user = random.pick(client.users);
      const infrastructureId = device?.id ?? null;
      const failures = FAILURES[commandFamily];
      if (failures.length > 0 && random.chance(FAILURE_RATE[commandFamily])) {
        const failure = random.pick(failures);
        const command = fill(failure.command, context);
        const error = fill(failure.error, context);
        const duration = failure.category === 'timeout' ? random.int(20_000, 120_000) : failure.category === 'interrupted' ? random.int(5_000, 300_000) : random.int(150, 6_000);
        const platform = device ? device.profile.platform : commandFamily === 'm365' ? 'm365' : 'linux';
        const patternId = failure.category === 'interrupted' ? null : patterns.record(failure, platform, device?.profile ?? null, device, clientId, finished, command, error);
        const id = random.idAt(finished);
        commands.run(id, finished, finished, finished, sessionId, workItemId, clientId, machineId, infrastructureId, command, failure.shell, cwd, failure.exitCode, 0, duration,
          null, error.length > 200 ? error.slice(0, 200) : error, error.split('\n')[0] ?? error, failure.category, patternId, Math.max(timing.start, finished - duration), finished, 'capture', claudeSessionId);
      } else {
        const template = random.pick(COMMANDS[commandFamily]);
        const duration = Math.round(template.ms * (0.5 + random.next()));
        const id = random.idAt(finished);
        commands.run(id, finished, finished, finished, sessionId, workItemId, clientId, machineId, infrastructureId, fill(template.command, context), template.shell, cwd, 0, 1, duration,
          fill(template.stdout, context), null, null, null, null, Math.max(timing.start, finished - duration), finished, 'capture', claudeSessionId);
      }
    }
    setDevice(focus, client);
    const facts: SessionFacts = { id: sessionId, mode, client, project, focus, family, timing, machineId, workItemIds: workIds, title, context, claudeSessionId };
    extras.write(facts);
  };

  let done = 0;
  let reported = 0;
  const batchSize = Math.max(100, Math.min(MAX_SESSIONS_PER_TRANSACTION, Math.ceil(options.sessions / 10)));
  const report = () => {
    reported = done;
    onProgress(`${done.toLocaleString('en-US')} of ${options.sessions.toLocaleString('en-US')} sessions written (${Math.round((100 * done) / options.sessions)}%)`);
  };
  const batch = sqlite.transaction(() => {
    for (let n = 0; n < batchSize; n++) {
      const next = timings.next();
      if (next.done) return false;
      writeSession(next.value);
      done += 1;
    }
    return true;
  });
  while (batch()) {
    if (done - reported >= options.sessions / 10) report();
  }
  if (done > reported) report();
  return patterns;
}

function pickClient(random: DemoRandom, catalog: DemoCatalog, at: number): DemoClient {
  for (let attempt = 0; attempt < 20; attempt++) {
    const client = random.weighted(catalog.clients, catalog.clientWeights, catalog.clientTotal);
    if (client.from <= at && at < client.to) return client;
  }
  return catalog.clients.find((c) => c.from <= at && at < c.to) ?? random.pick(catalog.clients);
}
