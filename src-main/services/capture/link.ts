import type { Mode } from '../../core/sessions.js';
import type { ServiceContext } from '../context.js';
import { activeRecord, startSession } from '../sessions.js';
import { mappingFor } from './folders.js';

export interface LinkedSession {
  mspSessionId: string;
  clientId: string | null;
  projectId: string | null;
  billable: boolean;
}

interface ClaudeSessionRow {
  mspSessionId: string;
  lastEventAt: number;
}

/** last_event_at is kept to this resolution: a busy Claude session must not rewrite its row on every event. */
const LAST_EVENT_RESOLUTION_MS = 10_000;

const SESSION_FACTS = 'SELECT id, client_id AS clientId, project_id AS projectId, billable, ended_at AS endedAt, end_reason AS endReason FROM sessions WHERE id = ?';
interface SessionFacts { id: string; clientId: string | null; projectId: string | null; billable: number; endedAt: number | null; endReason: string | null }

const factsOf = (context: ServiceContext, id: string) => context.store.prepared(SESSION_FACTS).get(id) as SessionFacts | undefined;
const toLinked = (facts: SessionFacts): LinkedSession => ({ mspSessionId: facts.id, clientId: facts.clientId, projectId: facts.projectId, billable: facts.billable === 1 });

/**
 * The MSP session work in `cwd` belongs to. A mapped folder means client work for that client: the
 * active session is joined when it is that client's, otherwise one is opened (ending the other:
 * one active session per machine, so no minute is billed twice). Elsewhere the active session is
 * joined, or one opens in the default mode.
 */
function attribute(context: ServiceContext, cwd: string): LinkedSession {
  const mapping = mappingFor(cwd, context.config.capture.mappings);
  if (mapping) {
    const started = startSession(context, { mode: 'msp', client: mapping.client, project: mapping.project });
    return toLinked(factsOf(context, started.session.id) as SessionFacts);
  }
  const active = activeRecord(context);
  if (active) return toLinked(factsOf(context, active.id) as SessionFacts);
  const mode: Mode = context.config.sessions.defaultMode === 'msp' || context.config.sessions.defaultMode === 'dev' ? 'normal' : context.config.sessions.defaultMode;
  const started = startSession(context, { mode });
  return toLinked(factsOf(context, started.session.id) as SessionFacts);
}

/**
 * Finds (or makes) the link of a Claude Code session to an MSP session. A Claude session whose
 * SessionStart was never seen is linked on its first event, by its cwd like any other. When the
 * linked MSP session was ended by the technician (not by another session's start), later work
 * is attributed afresh instead of landing in a closed session.
 */
export function linkClaudeSession(context: ServiceContext, claudeSessionId: string, cwd: string, source: string | null, now: number): LinkedSession {
  const { store } = context;
  const row = store.prepared('SELECT msp_session_id AS mspSessionId, last_event_at AS lastEventAt FROM claude_sessions WHERE claude_session_id = ?').get(claudeSessionId) as ClaudeSessionRow | undefined;
  if (row) {
    const facts = factsOf(context, row.mspSessionId);
    if (facts && (facts.endedAt === null || facts.endReason === 'mode_switch') && source === null) {
      if (now - row.lastEventAt >= LAST_EVENT_RESOLUTION_MS) {
        store.prepared('UPDATE claude_sessions SET last_event_at = ? WHERE claude_session_id = ?').run(now, claudeSessionId);
      }
      return toLinked(facts);
    }
  }
  const linked = attribute(context, cwd);
  store
    .prepared(
      `INSERT INTO claude_sessions (claude_session_id, msp_session_id, cwd, source, started_at, last_event_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (claude_session_id) DO UPDATE SET msp_session_id = excluded.msp_session_id, cwd = excluded.cwd, source = coalesce(excluded.source, source), last_event_at = excluded.last_event_at, ended_at = NULL`,
    )
    .run(claudeSessionId, linked.mspSessionId, cwd, source, now, now);
  return linked;
}
