import type { SqliteDatabase } from '../store/database.js';
import type { DemoClient, DemoDevice, DemoProject } from './demo-catalog.js';
import type { Family } from './demo-data.js';
import type { DemoRandom } from './demo-random.js';
import { OPERATION_FAILURES, PROBLEMS, TASKS, type ProblemTemplate } from './demo-scenarios.js';
import type { SessionTiming } from './demo-schedule.js';
import { demoInsert } from './demo-sql.js';
import { compile, fill, signatureOf, type TemplateContext } from './demo-templates.js';

/** What the rows around a session need to know about it. */
export interface SessionFacts {
  id: string;
  mode: 'msp' | 'dev' | 'normal';
  client: DemoClient | null;
  project: DemoProject | null;
  focus: DemoDevice | null;
  family: Family;
  timing: SessionTiming;
  machineId: string;
  workItemIds: readonly string[];
  /** Title of the first work item. */
  title: string;
  context: TemplateContext;
  claudeSessionId: string;
}

const DAY = 86_400_000;

const MSP_FILES = [
  '~/msp/clients/{code}/docs/{h}.md', '~/msp/clients/{code}/notes.md', '~/msp/clients/{code}/scripts/Get-DiskReport.ps1', '~/msp/clients/{code}/scripts/Reset-UserPassword.ps1',
  '~/msp/clients/{code}/configs/{h}-{month}.conf', '~/msp/clients/{code}/docs/network.md', '~/msp/clients/{code}/scripts/Invoke-PatchCheck.ps1', '~/msp/clients/{code}/docs/runbooks/{h}-restart.md',
].map(compile);
const DEV_FILES = [
  'src/config.ts', 'src/syncro/tickets.ts', 'src/alerts/forward.ts', 'test/tickets.test.ts', 'README.md', 'package.json', 'src/report/parse-veeam.ts',
  'src/Get-DiskReport.ps1', 'tests/Get-DiskReport.Tests.ps1', 'docs/clients.md', 'src/teams/card.ts', 'CHANGELOG.md',
];
const TOOLS = ['Edit', 'Edit', 'Edit', 'Edit', 'Write', 'Write', 'MultiEdit'];
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'normal', 'high', 'high', 'urgent'];
const OPERATIONS = OPERATION_FAILURES.map(([operation, target, error, category, resolution]) => ({ operation, target: compile(target), error, category, resolution }));

/** Problems a session on a device of each family may have solved; older Windows meets the modern ones too. */
const PROBLEMS_BY_FAMILY = new Map<Family, ProblemTemplate[]>();
for (const template of PROBLEMS) {
  const families: Family[] = template.family === 'win' ? ['win', 'win2012', 'win2008'] : [template.family];
  for (const family of families) PROBLEMS_BY_FAMILY.set(family, [...(PROBLEMS_BY_FAMILY.get(family) ?? []), template]);
}

/**
 * Writes what some sessions leave besides commands: file changes, a solved problem, a task for
 * later, a failed connection, a ticket link.
 */
export class SessionExtras {
  private readonly fileChanges;
  private readonly problems;
  private readonly tasks;
  private readonly operationFailures;
  private readonly tickets;
  private ticketNumber = 10_400;

  constructor(sqlite: SqliteDatabase, private readonly random: DemoRandom, private readonly options: { now: number; technician: string; originId: string }) {
    const insert = (table: string, columns: string[]) => demoInsert(sqlite, options.originId, table, columns);
    this.fileChanges = insert('file_changes', ['session_id', 'work_item_id', 'client_id', 'machine_id', 'path', 'change_kind', 'lines_added', 'lines_removed', 'tool', 'claude_session_id', 'changed_at']);
    this.problems = insert('problem_solutions', ['client_id', 'infrastructure_id', 'session_id', 'work_item_id', 'problem', 'symptom', 'error_text', 'normalized_signature', 'platform', 'os_version', 'cause', 'solution', 'steps', 'worked', 'verified_at', 'times_reused', 'last_reused_at']);
    this.tasks = insert('pending_tasks', ['client_id', 'project_id', 'session_id', 'title', 'details', 'status', 'priority', 'due_at', 'done_at', 'done_by']);
    this.operationFailures = insert('operation_failures', ['session_id', 'client_id', 'infrastructure_id', 'machine_id', 'operation', 'target', 'error_message', 'failure_category', 'failure_pattern_id', 'context', 'resolved', 'resolution', 'occurred_at']);
    this.tickets = insert('ticket_links', ['session_id', 'client_id', 'work_item_id', 'system', 'ticket_id', 'ticket_number', 'url', 'title', 'status', 'linked_by', 'last_synced_at']);
  }

  write(session: SessionFacts): void {
    const random = this.random;
    this.writeFileChanges(session);
    if (session.mode === 'msp') {
      if (random.chance(0.045)) this.writeProblem(session);
      if (random.chance(0.011)) this.writeTask(session);
      if (random.chance(0.012)) this.writeOperationFailure(session);
      if (random.chance(0.004)) this.writeTicket(session);
    } else if (session.mode === 'dev' && random.chance(0.01)) {
      this.writeTask(session);
    }
  }

  private writeFileChanges(session: SessionFacts): void {
    const random = this.random;
    const { timing } = session;
    const count = session.mode === 'msp' ? random.int(0, 2) + (random.chance(0.4) ? 1 : 0) : session.mode === 'dev' ? random.int(3, 13) : random.chance(0.5) ? 1 : 0;
    const clientId = session.client?.id ?? null;
    const repository = session.project?.profile.repository ?? '~/notes';
    for (let index = 0; index < count; index++) {
      const at = timing.start + Math.floor(((index + random.next()) / count) * (timing.end - timing.start));
      const tool = random.pick(TOOLS);
      const path = session.mode === 'msp' ? fill(random.pick(MSP_FILES), session.context) : `${repository}/${random.pick(DEV_FILES)}`;
      const kind = random.chance(0.03) ? 'delete' : tool === 'Write' && random.chance(0.6) ? 'create' : 'update';
      const workItemId = session.workItemIds[Math.floor((index * session.workItemIds.length) / count)] ?? null;
      this.fileChanges.run(random.idAt(at), at, at, at, session.id, workItemId, clientId, session.machineId, path, kind,
        kind === 'delete' ? 0 : random.int(1, kind === 'create' ? 120 : 40), kind === 'create' ? 0 : random.int(0, 25), tool, session.claudeSessionId, at);
    }
  }

  private writeProblem(session: SessionFacts): void {
    const templates = PROBLEMS_BY_FAMILY.get(session.family);
    if (!templates) return;
    const random = this.random;
    const template = random.pick(templates);
    const at = session.timing.end;
    const reused = random.chance(0.4) ? random.int(1, 8) : 0;
    const device = session.focus;
    this.problems.run(random.idAt(at), at, at, at, session.client?.id ?? null, device?.id ?? null, session.id, session.workItemIds[0] ?? null, template.problem, template.symptom,
      template.error, signatureOf(template.error), device?.profile.platform ?? 'm365', device ? `${device.profile.osName} ${device.profile.osVersion}` : null,
      template.cause, template.solution, template.steps, random.chance(0.92) ? 1 : 0, at, reused, reused > 0 ? at + Math.floor(random.next() * (this.options.now - at)) : null);
  }

  private writeTask(session: SessionFacts): void {
    const random = this.random;
    const at = session.timing.end;
    const age = this.options.now - at;
    const r = random.next();
    const status = age < 180 * DAY ? (r < 0.6 ? 'open' : r < 0.65 ? 'cancelled' : 'done') : r < 0.07 ? 'open' : r < 0.13 ? 'cancelled' : 'done';
    const doneAt = status === 'open' ? null : Math.min(this.options.now - 3_600_000, at + random.int(1, 30) * DAY + random.int(0, 28_800_000));
    this.tasks.run(random.idAt(at), at, doneAt ?? at, doneAt ?? at, session.client?.id ?? null, session.project?.id ?? null, session.id, fill(random.pick(TASKS), session.context),
      `Noted while working on: ${session.title}`, status, random.pick(PRIORITIES), random.chance(0.5) ? at + random.int(3, 45) * DAY : null, doneAt,
      status === 'done' ? this.options.technician : null);
  }

  private writeOperationFailure(session: SessionFacts): void {
    const random = this.random;
    const failure = random.pick(OPERATIONS);
    const at = session.timing.start + random.int(0, Math.max(1, session.timing.end - session.timing.start));
    const resolved = random.chance(0.85);
    const code = session.client?.profile.code ?? '';
    const tool = failure.operation === 'rdp_connect' ? 'mstsc' : failure.operation === 'vpn_connect' ? 'FortiClient' : failure.operation === 'file_copy' ? 'robocopy' : failure.operation === 'install' ? 'msiexec' : 'https';
    this.operationFailures.run(random.idAt(at), at, at, at, session.id, session.client?.id ?? null, session.focus?.id ?? null, session.machineId, failure.operation,
      fill(failure.target, session.context), failure.error, failure.category, null, `{"tool":"${tool}","vpn":"${code} VPN"}`, resolved ? 1 : 0, resolved ? failure.resolution : null, at);
  }

  private writeTicket(session: SessionFacts): void {
    const random = this.random;
    const at = session.timing.start;
    this.ticketNumber += random.int(1, 40);
    const ticketId = String(2_400_000 + this.ticketNumber * 7);
    const recent = this.options.now - at < 14 * DAY;
    this.tickets.run(random.idAt(at), at, at, at, session.id, session.client?.id ?? null, session.workItemIds[0] ?? null, 'syncro', ticketId, String(this.ticketNumber),
      `https://demo-msp.syncromsp.com/tickets/${ticketId}`, session.title, recent ? random.pick(['In Progress', 'Waiting on Customer', 'Resolved']) : 'Resolved',
      this.options.technician, session.timing.end);
  }
}
