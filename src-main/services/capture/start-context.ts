import { shortId } from '../../core/ids.js';
import { redactSecrets } from '../../core/redaction.js';
import type { ServiceContext } from '../context.js';
import { machineProfile } from '../machine-profile.js';
import type { LinkedSession } from './link.js';

const MAX_WORDS = 300;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** Keeps whole lines until the word budget is spent. */
function withinWords(lines: string[], budget: number): string {
  const kept: string[] = [];
  let words = 0;
  for (const line of lines) {
    const count = line.split(/\s+/).filter(Boolean).length;
    if (words + count > budget) break;
    kept.push(line);
    words += count;
  }
  return kept.join('\n');
}

/**
 * What Claude Code is told at SessionStart: plain facts about the client and this machine, with
 * ids, in at most 300 words and never a secret or an instruction. Only this client's facts.
 */
export function sessionStartContext(context: ServiceContext, linked: Pick<LinkedSession, 'clientId' | 'billable'> & { mspSessionId: string | null }): string {
  const { store } = context;
  const lines: string[] = [];
  const client = linked.clientId ? (store.prepared('SELECT name FROM clients WHERE id = ?').get(linked.clientId) as { name: string } | undefined) : undefined;
  const who = client ? `client ${client.name}` : 'no client (normal mode)';
  lines.push(linked.mspSessionId ? `MSP Mode session ${shortId(linked.mspSessionId)}: ${who}, ${linked.billable ? 'billable' : 'not billable'}.` : `MSP Mode context: ${who}, no active session.`);
  const capabilities = machineProfile(context).capabilities;
  if (capabilities) {
    const docker = capabilities.docker.available ? `Docker ${capabilities.docker.version ?? ''}`.trim() : 'no Docker';
    const powershell = capabilities.powershell.version ? `PowerShell ${capabilities.powershell.version}` : 'no PowerShell';
    lines.push(`This machine: ${capabilities.os.name} ${capabilities.os.version}, shell ${capabilities.preferredShell ?? 'unknown'}, ${powershell}, ${docker}.`);
  }
  const where = linked.clientId ? 'client_id = ?' : 'client_id IS NULL AND machine_id = ?';
  const owner = linked.clientId ?? context.machineId;
  const sessions = store
    .prepared(`SELECT id, started_at AS startedAt, ended_at AS endedAt, summary FROM sessions WHERE ${where} AND deleted = 0 ORDER BY started_at DESC LIMIT 5`)
    .all(owner) as { id: string; startedAt: number; endedAt: number | null; summary: string | null }[];
  if (sessions.length > 0) {
    lines.push('Recent sessions:');
    for (const s of sessions) {
      const minutes = Math.round(((s.endedAt ?? context.store.clock.now()) - s.startedAt) / 60_000);
      lines.push(`- ${day(s.startedAt)} [${shortId(s.id)}] ${minutes} min${s.endedAt === null ? ' (open)' : ''}: ${s.summary ? oneLine(s.summary, 160) : 'no summary'}`);
    }
  }
  if (linked.clientId) {
    const tasks = store
      .prepared("SELECT id, title FROM pending_tasks WHERE client_id = ? AND status = 'open' AND deleted = 0 ORDER BY created_at LIMIT 5")
      .all(linked.clientId) as { id: string; title: string }[];
    if (tasks.length > 0) lines.push(`Open tasks: ${tasks.map((t) => `[${shortId(t.id)}] ${oneLine(t.title, 80)}`).join('; ')}`);
    const notes = store
      .prepared("SELECT name, os_name AS os, os_version AS version, environmental_notes AS notes FROM infrastructure WHERE client_id = ? AND environmental_notes IS NOT NULL AND deleted = 0 ORDER BY name LIMIT 5")
      .all(linked.clientId) as { name: string; os: string | null; version: string | null; notes: string }[];
    if (notes.length > 0) {
      lines.push('Environment notes:');
      for (const n of notes) lines.push(`- ${n.name} (${[n.os, n.version].filter(Boolean).join(' ')}): ${oneLine(n.notes, 160)}`);
    }
  }
  // Summaries and notes are typed by people: a secret typed there must not reach the model.
  return redactSecrets(withinWords(lines, MAX_WORDS)).text;
}
