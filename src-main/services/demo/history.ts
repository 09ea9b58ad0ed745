import type { DemoCatalog, DemoClient, DemoDevice } from './catalog.js';
import type { SeededRandom } from './random.js';
import { COMMANDS, FAILURES, WORK, type FailureTemplate } from './templates.js';
import type { DemoWriter } from './writer.js';

const MINUTE = 60_000;

/** A failure seen on one device, aggregated into failure_patterns afterwards. */
export interface PatternTally {
  failure: FailureTemplate;
  device: DemoDevice;
  clientId: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

export interface SessionPlan {
  machineId: string;
  technician: string;
  startedAt: number;
  minutes: number;
}

const fill = (text: string, host: string) => text.replaceAll('{host}', host);

function pickClient(random: SeededRandom, clients: DemoClient[], totalWeight: number): DemoClient {
  let roll = random.next() * totalWeight;
  for (const client of clients) {
    roll -= client.weight;
    if (roll <= 0) return client;
  }
  return clients[clients.length - 1] as DemoClient;
}

/** Writes sessions with their work items, commands, file changes and tags. */
export class HistoryWriter {
  readonly patterns = new Map<string, PatternTally>();
  readonly problemSessions: { sessionId: string; clientId: string; at: number; tally: PatternTally }[] = [];
  private readonly totalWeight: number;
  private readonly session;
  private readonly workItem;
  private readonly command;
  private readonly fileChange;
  private readonly sessionTag;

  constructor(private readonly out: DemoWriter, private readonly random: SeededRandom, private readonly catalog: DemoCatalog) {
    this.totalWeight = catalog.clients.reduce((total, client) => total + client.weight, 0);
    this.session = out.table('sessions', ['machine_id', 'client_id', 'project_id', 'mode', 'billable', 'technician', 'started_at', 'ended_at', 'end_reason', 'paused_ms', 'last_activity_at', 'idle_gaps', 'unconfirmed_idle_ms', 'idle_flagged', 'summary']);
    this.workItem = out.table('work_items', ['session_id', 'client_id', 'project_id', 'category_id', 'title', 'description', 'status', 'started_at', 'ended_at', 'minutes', 'billable', 'source']);
    this.command = out.table('commands_run', ['session_id', 'client_id', 'machine_id', 'infrastructure_id', 'command', 'shell', 'cwd', 'exit_code', 'success', 'duration_ms', 'stdout_tail', 'error_message', 'failure_category', 'started_at', 'finished_at', 'source']);
    this.fileChange = out.table('file_changes', ['session_id', 'client_id', 'machine_id', 'path', 'change_kind', 'lines_added', 'lines_removed', 'tool', 'changed_at']);
    this.sessionTag = out.table('session_tags', ['session_id', 'tag_id', 'source']);
  }

  write(plan: SessionPlan): void {
    const { random, catalog } = this;
    const roll = random.next();
    const mode = roll < 0.8 ? 'msp' : roll < 0.92 ? 'dev' : 'normal';
    const client = mode === 'msp' ? pickClient(random, catalog.clients, this.totalWeight) : undefined;
    const projectId = mode === 'dev' ? random.pick(catalog.internalProjectIds) : client && client.projectIds.length > 0 && random.chance(0.2) ? random.pick(client.projectIds) : null;
    const sessionId = random.idAt(plan.startedAt);
    // Pauses and idle gaps fall inside the planned wall time: a machine never has two sessions at once.
    const pausedMs = plan.minutes >= 40 && random.chance(0.1) ? random.int(5, Math.floor(plan.minutes / 4)) * MINUTE : 0;
    const idleMs = plan.minutes >= 90 && random.chance(0.1) ? random.int(31, Math.floor(plan.minutes / 2)) * MINUTE : 0;
    const endedAt = plan.startedAt + plan.minutes * MINUTE;
    const devices = client?.devices ?? [];
    const cwd = `/home/${plan.technician}/${client ? `clients/${client.slug}` : 'projects'}`;

    const work = random.pick(WORK);
    const host = devices.length > 0 ? random.pick(devices).hostname : 'localhost';
    const outcome = fill(work[2], host);
    const second = random.chance(0.3) ? random.pick(WORK) : undefined;
    const summary = mode === 'normal' ? 'Research and notes; no client work' : mode === 'dev' ? `Worked on the project: ${random.pick(['refactored the sync client', 'added tests', 'fixed the installer', 'wrote docs'])}` : [outcome, second ? fill(second[2], host) : ''].filter(Boolean).join('; ');
    const idleGaps = idleMs > 0 ? JSON.stringify([{ from: endedAt - idleMs - 5 * MINUTE, to: endedAt - 5 * MINUTE, confirmed: false }]) : null;
    this.session(sessionId, plan.startedAt, {
      machine_id: plan.machineId, client_id: client?.id ?? null, project_id: projectId, mode, billable: mode === 'msp' && !random.chance(0.05),
      technician: plan.technician, started_at: plan.startedAt, ended_at: endedAt, end_reason: random.chance(0.15) ? 'mode_switch' : 'ended',
      paused_ms: pausedMs, last_activity_at: endedAt, idle_gaps: idleGaps, unconfirmed_idle_ms: idleMs, idle_flagged: idleMs > 0, summary,
    });
    for (const item of second ? [work, second] : [work]) {
      this.workItem(random.idAt(plan.startedAt), plan.startedAt, {
        session_id: sessionId, client_id: client?.id ?? null, project_id: projectId, category_id: this.catalog.categoryIds.get(mode === 'dev' ? 'development' : mode === 'normal' ? 'research' : item[0]) ?? null,
        title: item[1], description: fill(item[2], host), status: 'done', started_at: plan.startedAt, ended_at: endedAt, minutes: Math.round(plan.minutes / (second ? 2 : 1)), billable: mode === 'msp', source: 'capture',
      });
    }
    if (random.chance(0.3)) this.sessionTag(random.idAt(plan.startedAt), plan.startedAt, { session_id: sessionId, tag_id: random.pick(catalog.tagIds), source: 'categoriser' });
    this.writeCommands(sessionId, plan, client, devices, cwd, mode === 'normal' ? random.int(1, 6) : random.int(11, 33));
    const files = random.int(0, 3);
    for (let f = 0; f < files; f++) {
      const at = plan.startedAt + Math.floor(random.next() * plan.minutes) * MINUTE;
      const path = random.pick([`${cwd}/notes/${new Date(at).toISOString().slice(0, 10)}-${work[0]}.md`, `${cwd}/scripts/check-${host.toLowerCase()}.ps1`, `${cwd}/configs/${random.pick(['smb.conf', 'dhcp-reservations.csv', 'firewall-rules.txt'])}`]);
      this.fileChange(random.idAt(at), at, { session_id: sessionId, client_id: client?.id ?? null, machine_id: plan.machineId, path, change_kind: random.chance(0.4) ? 'create' : 'update', lines_added: random.int(1, 60), lines_removed: random.int(0, 20), tool: random.pick(['Write', 'Edit']), changed_at: at });
    }
  }

  private writeCommands(sessionId: string, plan: SessionPlan, client: DemoClient | undefined, devices: DemoDevice[], cwd: string, count: number): void {
    const { random } = this;
    const step = (plan.minutes * MINUTE) / (count + 1);
    let pendingAlternative: { text: string; device: DemoDevice } | undefined;
    for (let c = 0; c < count; c++) {
      const at = Math.floor(plan.startedAt + step * (c + 1));
      const device = pendingAlternative?.device ?? (devices.length > 0 ? random.pick(devices) : undefined);
      const kind = device?.template.kind ?? 'linux-server';
      const shell = kind === 'windows-server' || kind === 'workstation' ? 'powershell' : 'bash';
      const host = device?.hostname ?? 'localhost';
      const failures = FAILURES.filter((f) => f.kinds.includes(kind) && (f.powershell === undefined || f.powershell === device?.template.powershell));
      let command: string;
      let failure: FailureTemplate | undefined;
      if (pendingAlternative) {
        command = pendingAlternative.text;
        pendingAlternative = undefined;
      } else if (failures.length > 0 && random.chance(0.1)) {
        failure = random.pick(failures);
        command = fill(failure.command, host);
      } else {
        command = fill(random.pick(COMMANDS[kind]).command, host);
      }
      const template = failure ? undefined : COMMANDS[kind].find((t) => fill(t.command, host) === command);
      const duration = random.int(40, 4000);
      this.command(random.idAt(at), at, {
        session_id: sessionId, client_id: client?.id ?? null, machine_id: plan.machineId, infrastructure_id: device?.id ?? null, command, shell, cwd,
        exit_code: failure ? failure.exitCode : 0, success: !failure, duration_ms: duration, stdout_tail: template?.stdout ? fill(template.stdout, host).slice(0, 200) : null,
        error_message: failure ? fill(failure.error, host) : null, failure_category: failure?.category ?? null, started_at: at - duration, finished_at: at, source: 'capture',
      });
      if (failure && device && client) {
        this.tally(failure, device, client.id, at, sessionId);
        if (failure.alternative) pendingAlternative = { text: fill(failure.alternative, host), device };
      }
    }
  }

  private tally(failure: FailureTemplate, device: DemoDevice, clientId: string, at: number, sessionId: string): void {
    const key = `${FAILURES.indexOf(failure)}|${device.id}`;
    const tally = this.patterns.get(key);
    if (tally) {
      tally.count += 1;
      tally.lastSeen = at;
    } else {
      this.patterns.set(key, { failure, device, clientId, count: 1, firstSeen: at, lastSeen: at });
    }
    if (failure.alternative && this.random.chance(0.05)) this.problemSessions.push({ sessionId, clientId, at, tally: this.patterns.get(key) as PatternTally });
  }
}

