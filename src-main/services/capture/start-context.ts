import type { Capabilities } from '../../../src-shared/machine.js';
import { oneLine, utcDay } from '../../core/text.js';
import { shortId } from '../../core/ids.js';
import { redactSecrets } from '../../core/redaction.js';
import type { Store } from '../../store/store.js';
import type { ServiceContext } from '../context.js';
import { machineProfile } from '../machine-profile.js';
import type { LinkedSession } from './link.js';

const MAX_WORDS = 300;
const day = utcDay;
const wordsOf = (line: string) => line.split(/\s+/).filter(Boolean).length;

/**
 * Sections in order of importance, each a list of lines; a section's heading (first line) goes
 * only with at least one of its lines. Lines that do not fit are left out, later ones still may.
 */
function withinWords(sections: string[][], budget: number): string {
  const kept: string[] = [];
  let words = 0;
  for (const section of sections) {
    const [heading, ...items] = section;
    if (heading === undefined) continue;
    const headingWords = items.length > 0 ? wordsOf(heading) : 0;
    const fitting: string[] = [];
    let sectionWords = headingWords;
    for (const line of items.length > 0 ? items : [heading]) {
      const count = wordsOf(line);
      if (words + sectionWords + count > budget) continue;
      fitting.push(line);
      sectionWords += count;
    }
    if (fitting.length === 0) continue;
    if (items.length > 0) kept.push(heading);
    kept.push(...fitting);
    words += sectionWords;
  }
  return kept.join('\n');
}

interface SessionFacts { id: string; startedAt: number; endedAt: number | null; summary: string | null }

/** A session without a summary is described by what it touched: commands (and how many failed) and files. */
function outcomeOf(store: Store, session: SessionFacts): string {
  if (session.summary) return oneLine(session.summary, 150);
  const commands = store
    .prepared('SELECT count(*) AS n, coalesce(sum(success = 0), 0) AS failed FROM commands_run WHERE session_id = ? AND deleted = 0')
    .get(session.id) as { n: number; failed: number };
  const recent = store
    .prepared('SELECT command FROM commands_run WHERE session_id = ? AND deleted = 0 ORDER BY finished_at DESC LIMIT 2')
    .all(session.id) as { command: string }[];
  const files = store
    .prepared('SELECT path FROM file_changes WHERE session_id = ? AND deleted = 0 ORDER BY changed_at DESC LIMIT 3')
    .all(session.id) as { path: string }[];
  const parts: string[] = [];
  if (commands.n > 0) {
    const examples = recent.map((c) => `\`${oneLine(c.command, 50)}\``).join(', ');
    parts.push(`${commands.n} commands${commands.failed > 0 ? ` (${commands.failed} failed)` : ''}: ${examples}`);
  }
  if (files.length > 0) parts.push(`files ${files.map((f) => f.path.split(/[\\/]/).pop() ?? f.path).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'nothing recorded';
}

function machineLine(capabilities: Capabilities | null): string[] {
  if (!capabilities) return ['This machine: capabilities not probed yet.'];
  const { os, docker, powershell, packageManagers, vpnProfiles } = capabilities;
  const has: string[] = [`shell ${capabilities.preferredShell ?? 'unknown'}`];
  const lacks: string[] = [];
  if (powershell.version) has.push(`PowerShell ${powershell.version}`);
  else lacks.push('PowerShell');
  if (docker.available) has.push(`Docker ${docker.version ?? ''}`.trim());
  else if (docker.available === false) lacks.push('Docker');
  if (packageManagers[0]) has.push(packageManagers[0].name);
  if (vpnProfiles.length > 0) has.push(`VPN ${vpnProfiles.map((v) => v.name).slice(0, 3).join(', ')}`);
  return [`This machine: ${os.name} ${os.version}; ${has.join(', ')}${lacks.length > 0 ? `; no ${lacks.join(', no ')}` : ''}.`];
}

function clientSections(store: Store, clientId: string): string[][] {
  const tasks = store
    .prepared("SELECT id, title FROM pending_tasks WHERE client_id = ? AND status = 'open' AND deleted = 0 ORDER BY created_at LIMIT 5")
    .all(clientId) as { id: string; title: string }[];
  const devices = store
    .prepared(
      `SELECT i.name, i.kind, i.role, i.os_name AS os, i.os_version AS version, i.environmental_notes AS notes, s.name AS site
         FROM infrastructure i LEFT JOIN sites s ON s.id = i.site_id
        WHERE i.client_id = ? AND i.deleted = 0 AND i.status <> 'retired'
        ORDER BY i.environmental_notes IS NULL, i.name`,
    )
    .all(clientId) as { name: string; kind: string | null; role: string | null; os: string | null; version: string | null; notes: string | null; site: string | null }[];
  const insights = store
    .prepared('SELECT insight_text AS text FROM environmental_insights WHERE client_id = ? AND active = 1 AND deleted = 0 ORDER BY evidence_count DESC LIMIT 3')
    .all(clientId) as { text: string }[];
  const patterns = store
    .prepared(
      `SELECT example_command AS command, failure_category AS category, occurrence_count AS count, working_alternative AS alternative, os_version AS os
         FROM failure_patterns
        WHERE deleted = 0 AND (client_id = ? OR infrastructure_id IN (SELECT id FROM infrastructure WHERE client_id = ?))
        ORDER BY occurrence_count DESC LIMIT 3`,
    )
    .all(clientId, clientId) as { command: string | null; category: string | null; count: number; alternative: string | null; os: string | null }[];
  const credentials = store
    .prepared('SELECT id, name, kind FROM credentials WHERE client_id = ? AND deleted = 0 AND last_used_at IS NOT NULL ORDER BY last_used_at DESC LIMIT 5')
    .all(clientId) as { id: string; name: string; kind: string | null }[];

  const sites = new Set(devices.map((d) => d.site).filter((s): s is string => s !== null));
  const listed = devices.slice(0, 6).map((d) => `${d.name} (${[d.role ?? d.kind, [d.os, d.version].filter(Boolean).join(' ')].filter(Boolean).join(', ')})`);
  return [
    ['Open tasks:', ...tasks.map((t) => `- [${shortId(t.id)}] ${oneLine(t.title, 80)}`)],
    credentials.length > 0 ? [`Credentials used recently (names only): ${credentials.map((c) => `${c.name}${c.kind ? ` (${c.kind})` : ''} [${shortId(c.id)}]`).join(', ')}.`] : [],
    devices.length > 0 ? [`Infrastructure: ${devices.length} devices${sites.size > 0 ? ` at ${sites.size} sites` : ''}: ${listed.join('; ')}${devices.length > listed.length ? `; +${devices.length - listed.length} more` : ''}.`] : [],
    ['Environment notes:', ...devices.filter((d) => d.notes).slice(0, 3).map((d) => `- ${d.name}: ${oneLine(d.notes ?? '', 120)}`), ...insights.slice(0, 2).map((i) => `- ${oneLine(i.text, 120)}`)],
    ['Known failures:', ...patterns.map((p) => `- \`${oneLine(p.command ?? '?', 50)}\`${p.os ? ` on ${p.os}` : ''}: ${(p.category ?? 'other').replace(/_/g, ' ')} ×${p.count}${p.alternative ? `; works: \`${oneLine(p.alternative, 60)}\`` : ''}`)],
  ];
}

/**
 * What Claude Code is told at SessionStart (the seed's Context Recovery): plain facts about the
 * client and this machine, with ids, in at most 300 words, never a secret or an instruction, and
 * only this client's facts. Normal-mode work (no client) gets this machine's sessions.
 */
export function sessionStartContext(context: ServiceContext, linked: Pick<LinkedSession, 'clientId' | 'billable'> & { mspSessionId: string | null }): string {
  const { store } = context;
  const client = linked.clientId ? (store.prepared('SELECT name FROM clients WHERE id = ?').get(linked.clientId) as { name: string } | undefined) : undefined;
  const who = client ? `client ${client.name}` : 'no client (normal mode)';
  const header = linked.mspSessionId ? `MSP Mode session ${shortId(linked.mspSessionId)}: ${who}, ${linked.billable ? 'billable' : 'not billable'}.` : `MSP Mode context: ${who}, no active session.`;
  const where = linked.clientId ? 'client_id = ?' : 'client_id IS NULL AND machine_id = ?';
  const sessions = store
    .prepared(`SELECT id, started_at AS startedAt, ended_at AS endedAt, summary FROM sessions WHERE ${where} AND deleted = 0 ORDER BY started_at DESC LIMIT 5`)
    .all(linked.clientId ?? context.machineId) as SessionFacts[];
  const now = store.clock.now();
  const sections: string[][] = [
    [header],
    machineLine(machineProfile(context).capabilities),
    ['Last sessions:', ...sessions.map((s) => {
      const minutes = Math.round(((s.endedAt ?? now) - s.startedAt) / 60_000);
      return `- ${day(s.startedAt)} [${shortId(s.id)}] ${minutes} min${s.endedAt === null ? ' (open)' : ''}: ${outcomeOf(store, s)}`;
    })],
    ...(linked.clientId ? clientSections(store, linked.clientId) : []),
  ];
  // Summaries and notes are typed by people: a secret typed there must not reach the model.
  return redactSecrets(withinWords(sections, MAX_WORDS)).text;
}
