import { createHash } from 'node:crypto';
import { FILE_TOOLS, SHELL_TOOLS, hookEvent, type HookAnswer, type HookEvent } from '../../../src-shared/hooks.js';
import { firstIssue } from '../../../src-shared/validation.js';
import { MspError } from '../../core/errors.js';
import { categoriseFailure, parseExitCode } from '../../core/failure-category.js';
import { uuidv5 } from '../../core/ids.js';
import { redactSecrets } from '../../core/redaction.js';
import type { Writer } from '../../store/writer.js';
import type { ServiceContext } from '../context.js';
import { activeRecord, activityPatch, type SessionRecord } from '../sessions.js';
import { changeKindOf, patchLineCounts } from './file-change.js';
import { linkClaudeSession, type LinkedSession } from './link.js';
import { mappingFor } from './folders.js';
import { sessionStartContext } from './start-context.js';

/**
 * What the events of one group commit share: they run in one transaction, so nothing but they
 * themselves can change the active session between them. Whoever runs the batch clears
 * `active` when an event fails (its savepoint rolled back whatever it read or wrote).
 */
export interface IngestBatch {
  /** The active session as last read in this batch; null: none; undefined: read it. */
  active?: SessionRecord | null;
}

export type IngestOutcome = 'stored' | 'duplicate' | 'skipped_paused' | 'ignored';

export interface IngestResult {
  outcome: IngestOutcome;
  answer?: HookAnswer;
}

const KNOWN_EVENTS = new Set(['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'Stop', 'SubagentStop', 'PreCompact', 'SessionEnd']);
// Activity is written at most once a minute per session: a busy Claude session must not turn
// every tool call into a session update (and a sync change).
const ACTIVITY_RESOLUTION_MS = 60_000;
export const SKIPPED_WHILE_PAUSED = 'capture.skipped_while_paused';

const clean = (text: string, cap: number) => redactSecrets(text.length > cap * 4 ? text.slice(-cap * 4) : text).text.slice(-cap);
const head = (text: string, cap: number) => redactSecrets(text.slice(0, cap * 4)).text.slice(0, cap);

/** Parses a hook body: unknown events are ignored (Claude Code grows new ones), malformed known ones refused. */
export function parseHookEvent(body: unknown): HookEvent | undefined {
  const name = (body as { hook_event_name?: unknown } | null)?.hook_event_name;
  if (typeof name !== 'string' || !KNOWN_EVENTS.has(name)) {
    if (typeof name === 'string' && name.length > 0 && name.length < 100) return undefined;
    throw new MspError('bad_input', 'hook_event_name is missing: post Claude Code\'s hook input as it is', 'hook_event_name');
  }
  const parsed = hookEvent.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new MspError('bad_input', `${name} hook: ${field}: ${message}`, field);
  }
  return parsed.data;
}

/**
 * Records one Claude Code hook event in one transaction: the receipt that makes replays harmless,
 * the link to an MSP session, the row the event stands for, and the session's activity.
 */
export function ingestHook(context: ServiceContext, body: unknown, batch?: IngestBatch): IngestResult {
  const event = parseHookEvent(body);
  if (!event) return { outcome: 'ignored' };
  const { store } = context;
  const active = batch ? (batch.active ??= activeRecord(context) ?? null) ?? undefined : activeRecord(context);
  if (active && active.pausedAt !== null) {
    const skipped = Number(store.readState(SKIPPED_WHILE_PAUSED) ?? '0') + 1;
    store.writeState(SKIPPED_WHILE_PAUSED, String(skipped));
    return { outcome: 'skipped_paused' };
  }
  return store.write((writer) => {
    const now = store.clock.now();
    if (needsReceipt(event)) {
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const receipt = store.prepared('INSERT OR IGNORE INTO hook_receipts (payload_hash, received_at) VALUES (?, ?)').run(hash, now);
      if (receipt.changes === 0) return { outcome: 'duplicate' };
    }
    const source = event.hook_event_name === 'SessionStart' ? event.source : null;
    const linked = linkClaudeSession(context, event.session_id, event.cwd, source, now);
    // The active session read for the pause check serves here too (one join less per event); when
    // linking just opened another session, that one's activity is fresh already.
    if (active && active.id === linked.mspSessionId) {
      if (touchSession(writer, context, active, now) && batch) batch.active = undefined;
    } else if (batch) {
      // Linking opened or switched a session: the next event of the batch reads the active one afresh.
      batch.active = undefined;
    }
    const recorded = record(writer, context, event, linked, now);
    return recorded === DUPLICATE ? { outcome: 'duplicate' } : { outcome: 'stored', answer: recorded };
  });
}

/**
 * Events whose rows carry an id made from the event itself (tool_use_id, prompt id or text) are
 * stored once by that id; only the others (counters, segment ends, SessionStart) need a receipt
 * of the payload. That spares the busiest events a hash and a write to a randomly keyed index.
 */
function needsReceipt(event: HookEvent): boolean {
  switch (event.hook_event_name) {
    case 'PostToolUse':
    case 'PostToolUseFailure':
      return !event.tool_use_id || !(SHELL_TOOLS.has(event.tool_name) || FILE_TOOLS.has(event.tool_name));
    case 'UserPromptSubmit':
    case 'PreToolUse':
      return false;
    default:
      return true;
  }
}

/** What record() says when the event's row was there already: a replay, stored once. */
const DUPLICATE = Symbol('duplicate');

/** Records activity (at most once a minute); true when it wrote. */
function touchSession(writer: Writer, context: ServiceContext, record: SessionRecord, now: number): boolean {
  if (now - record.lastActivityAt < ACTIVITY_RESOLUTION_MS) return false;
  return writer.update('sessions', record.id, activityPatch(context, record, now));
}

/** The client of the folder the work happened in, else the session's. */
function clientOf(context: ServiceContext, cwd: string, linked: LinkedSession): string | null {
  const mapping = mappingFor(cwd, context.config.capture.mappings);
  if (!mapping) return linked.clientId;
  const row = context.store.prepared('SELECT id FROM clients WHERE normalized_name = lower(trim(?))').get(mapping.client) as { id: string } | undefined;
  return row?.id ?? linked.clientId;
}

function record(writer: Writer, context: ServiceContext, event: HookEvent, linked: LinkedSession, now: number): HookAnswer | typeof DUPLICATE | undefined {
  const { store } = context;
  const limits = context.config.capture;
  switch (event.hook_event_name) {
    case 'SessionStart':
      return { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: sessionStartContext(context, linked) } };
    case 'UserPromptSubmit': {
      if (event.prompt.trim() === '') return undefined;
      const prompt = head(event.prompt, limits.promptMaxChars);
      const inserted = writer.insertIfMissing('work_items', {
        id: uuidv5(`prompt:${event.session_id}:${event.prompt_id ?? createHash('sha256').update(event.prompt).digest('hex')}`),
        sessionId: linked.mspSessionId, clientId: clientOf(context, event.cwd, linked), projectId: linked.projectId,
        title: (prompt.split('\n')[0] ?? '').slice(0, 500), description: prompt, status: 'in_progress', startedAt: now, billable: linked.billable, source: 'capture',
      });
      return inserted ? undefined : DUPLICATE;
    }
    case 'PreToolUse':
      if (SHELL_TOOLS.has(event.tool_name) && event.tool_use_id) {
        store.prepared('INSERT OR IGNORE INTO pending_tool_calls (tool_use_id, claude_session_id, started_at) VALUES (?, ?, ?)').run(event.tool_use_id, event.session_id, now);
      }
      return undefined;
    case 'PostToolUse':
    case 'PostToolUseFailure':
      if (SHELL_TOOLS.has(event.tool_name)) return recordCommand(writer, context, event, linked, now) ? undefined : DUPLICATE;
      if (FILE_TOOLS.has(event.tool_name) && event.hook_event_name === 'PostToolUse') return recordFileChange(writer, context, event, linked, now) ? undefined : DUPLICATE;
      return undefined;
    case 'Stop':
    case 'SubagentStop':
      store.prepared('UPDATE claude_sessions SET stops = stops + 1 WHERE claude_session_id = ?').run(event.session_id);
      return undefined;
    case 'PreCompact':
      store.prepared('UPDATE claude_sessions SET compactions = compactions + 1 WHERE claude_session_id = ?').run(event.session_id);
      return undefined;
    case 'SessionEnd':
      // The Claude segment ends; the MSP session stays open until msp end, a switch or idleness.
      store.prepared('UPDATE claude_sessions SET ended_at = ?, end_reason = ? WHERE claude_session_id = ?').run(now, event.reason ?? null, event.session_id);
      return undefined;
  }
}

type ToolEvent = Extract<HookEvent, { hook_event_name: 'PostToolUse' | 'PostToolUseFailure' }>;

function recordCommand(writer: Writer, context: ServiceContext, event: ToolEvent, linked: LinkedSession, now: number): boolean {
  const { store } = context;
  const cap = context.config.capture.outputTailChars;
  const command = typeof event.tool_input.command === 'string' ? event.tool_input.command : '';
  const pending = event.tool_use_id
    ? (store.prepared('SELECT started_at AS startedAt FROM pending_tool_calls WHERE tool_use_id = ?').get(event.tool_use_id) as { startedAt: number } | undefined)
    : undefined;
  if (event.tool_use_id) store.prepared('DELETE FROM pending_tool_calls WHERE tool_use_id = ?').run(event.tool_use_id);
  const durationMs = event.duration_ms ?? (pending ? now - pending.startedAt : null);
  const shell = event.tool_name === 'PowerShell' ? 'powershell' : 'bash';
  const failed = event.hook_event_name === 'PostToolUseFailure';
  const response = (event.hook_event_name === 'PostToolUse' ? event.tool_response : undefined) as { stdout?: unknown; stderr?: unknown; interrupted?: unknown } | undefined;
  const errorText = failed ? event.error : '';
  const exitCode = failed ? parseExitCode(errorText) : 0;
  const interrupted = failed ? event.is_interrupt === true : response?.interrupted === true;
  return writer.insertIfMissing('commands_run', {
    id: uuidv5(`command:${event.session_id}:${event.tool_use_id ?? createHash('sha256').update(JSON.stringify(event)).digest('hex')}`),
    sessionId: linked.mspSessionId, clientId: clientOf(context, event.cwd, linked), machineId: context.machineId,
    command: head(command, 20_000), shell, cwd: event.cwd, exitCode, success: !failed && !interrupted,
    durationMs: durationMs === null ? null : Math.round(durationMs),
    stdoutTail: typeof response?.stdout === 'string' && response.stdout ? clean(response.stdout, cap) : null,
    stderrTail: typeof response?.stderr === 'string' && response.stderr ? clean(response.stderr, cap) : null,
    errorMessage: failed ? clean(errorText.replace(/^Exit code \d+\s*/, ''), cap) : null,
    failureCategory: failed || interrupted ? (interrupted ? 'interrupted' : categoriseFailure(errorText, exitCode, shell)) : null,
    startedAt: pending?.startedAt ?? (durationMs === null ? null : now - Math.round(durationMs)), finishedAt: now,
    source: 'capture', claudeSessionId: event.session_id, toolUseId: event.tool_use_id ?? null,
  });
}

function recordFileChange(writer: Writer, context: ServiceContext, event: ToolEvent, linked: LinkedSession, now: number): boolean {
  const input = event.tool_input;
  const response = event.hook_event_name === 'PostToolUse' ? event.tool_response : undefined;
  const path = [input.file_path, input.notebook_path, (response as { filePath?: unknown } | undefined)?.filePath].find((value) => typeof value === 'string');
  if (typeof path !== 'string') return true;
  const { added, removed } = patchLineCounts(response, input.content);
  return writer.insertIfMissing('file_changes', {
    id: uuidv5(`file:${event.session_id}:${event.tool_use_id ?? ''}:${path}`),
    sessionId: linked.mspSessionId, clientId: clientOf(context, event.cwd, linked), machineId: context.machineId,
    path: path.slice(0, 1024), changeKind: changeKindOf(response), linesAdded: added, linesRemoved: removed, tool: event.tool_name,
    claudeSessionId: event.session_id, toolUseId: event.tool_use_id ?? null, changedAt: now,
  });
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Bookkeeping the hook path leaves behind: PreToolUse starts whose PostToolUse never came (a
 * crashed tool, a replayed PreToolUse) and receipts too old to meet a replay. Run at agent start.
 */
export function pruneCaptureBookkeeping(context: ServiceContext): { pending: number; receipts: number } {
  const now = context.store.clock.now();
  return context.store.write(() => ({
    pending: context.store.prepared('DELETE FROM pending_tool_calls WHERE started_at < ?').run(now - DAY_MS).changes,
    receipts: context.store.prepared('DELETE FROM hook_receipts WHERE received_at < ?').run(now - 30 * DAY_MS).changes,
  }));
}
