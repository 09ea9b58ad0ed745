import { MspError } from '../../core/errors.js';
import { oneLine, utcDay } from '../../core/text.js';
import { errorSignature, signatureTerms } from '../../core/error-signature.js';
import { shortId } from '../../core/ids.js';
import { redactSecrets } from '../../core/redaction.js';
import type { ServiceContext } from '../context.js';
import { requireClient } from '../clients.js';
import { activeRecord } from '../sessions.js';

const WORDS = 250;
const day = utcDay;
const clean = (text: string | undefined, max: number) => (text === undefined ? null : redactSecrets(text.slice(0, max)).text);

export interface AddProblemRequest {
  problem: string;
  solution: string;
  errorText?: string;
  cause?: string;
  client?: string;
  infra?: string;
  worked?: boolean;
}

/** `msp problem add`: a problem and what solved it, redacted, with its error signature for matching. */
export function addProblem(context: ServiceContext, request: AddProblemRequest): { id: string; signature: string } {
  if (request.problem.trim() === '') throw new MspError('bad_input', 'say what the problem was (--problem)', 'problem');
  if (request.solution.trim() === '') throw new MspError('bad_input', 'say what solved it (--solution)', 'solution');
  const { store } = context;
  const active = activeRecord(context);
  const clientId = request.client !== undefined ? requireClient(store, request.client).id : active?.clientId ?? null;
  let infrastructureId: string | null = null;
  let platform: string | null = null;
  let osVersion: string | null = null;
  if (request.infra !== undefined) {
    const device = store.prepared('SELECT id, os_name AS os, os_version AS version FROM infrastructure WHERE normalized_name = lower(trim(?)) AND deleted = 0 AND (client_id IS ? OR ? IS NULL)').get(request.infra, clientId, clientId) as { id: string; os: string | null; version: string | null } | undefined;
    if (!device) throw new MspError('bad_input', `no device named "${request.infra}"${clientId ? ' for that client' : ''}`, 'infra');
    ({ id: infrastructureId, os: platform, version: osVersion } = device);
  }
  const signature = errorSignature(request.errorText ?? request.problem);
  const id = store.write((writer) => writer.insert('problem_solutions', {
    clientId, infrastructureId, sessionId: active?.id ?? null, problem: clean(request.problem, 1000) ?? '', errorText: clean(request.errorText, 20_000),
    normalizedSignature: signature, platform, osVersion, cause: clean(request.cause, 20_000), solution: clean(request.solution, 20_000) ?? '',
    worked: request.worked ?? true, verifiedAt: store.clock.now(), timesReused: 0,
  }));
  return { id, signature };
}

interface ProblemRow {
  id: string; problem: string; errorText: string | null; solution: string; worked: number; createdAt: number;
  client: string | null; clientId: string | null; device: string | null; platform: string | null; timesReused: number;
}

interface Candidate { rows: ProblemRow[]; score: number; terms: Set<string> }

export interface ProblemMatch { id: string; problem: string; solution: string; score: number; times: number; lastAt: number; lastClient: string | null; lastDevice: string | null; platform: string | null }
export interface FailureFix { failed: string; error: string | null; fix: string; steps: string[]; at: number; client: string | null; sessionId: string }
export interface ProblemsAnswer { text: string; matches: ProblemMatch[]; fixes: FailureFix[] }

/**
 * `msp problems "ERROR"`: the recorded problems whose error reads most like this one (terms
 * weighted by rarity, on signatures that ignore hosts, paths, numbers, GUIDs and quoting), the
 * same solution on many devices counted once; and past failed commands with that error and the
 * command that worked next in the same session. At most 250 words.
 */
export function matchProblems(context: ServiceContext, errorText: string, options: { clientId?: string } = {}): ProblemsAnswer {
  const wanted = signatureTerms(errorSignature(errorText));
  if (wanted.length === 0) throw new MspError('bad_input', 'give the error text to match (a message, not only numbers or paths)', 'error');
  const { store } = context;
  const rows = store
    .prepared(
      `SELECT p.id, p.problem, p.error_text AS errorText, p.solution, p.worked, p.created_at AS createdAt, c.name AS client, p.client_id AS clientId,
              i.name AS device, coalesce(p.platform, i.os_name) AS platform, p.times_reused AS timesReused
         FROM problem_solutions p LEFT JOIN clients c ON c.id = p.client_id LEFT JOIN infrastructure i ON i.id = p.infrastructure_id
        WHERE p.deleted = 0`,
    )
    .all() as ProblemRow[];
  // Same error and same solution (hosts aside) on many devices: one candidate, counted.
  const groups = new Map<string, Candidate>();
  const documentFrequency = new Map<string, number>();
  for (const row of rows) {
    const terms = new Set(signatureTerms(errorSignature(`${row.errorText ?? ''} ${row.problem}`)));
    const key = `${[...terms].sort().join(' ')}|${errorSignature(row.solution)}`;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else {
      groups.set(key, { rows: [row], score: 0, terms });
      for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const total = Math.max(1, groups.size);
  const weight = (term: string) => Math.log(1 + total / (1 + (documentFrequency.get(term) ?? 0)));
  const wantedWeight = wanted.reduce((sum, term) => sum + weight(term), 0);
  for (const group of groups.values()) {
    const shared = wanted.filter((term) => group.terms.has(term)).reduce((sum, term) => sum + weight(term), 0);
    const theirs = [...group.terms].reduce((sum, term) => sum + weight(term), 0);
    // Mostly: how much of this error (by rarity weight) the recorded one explains; a little: how
    // much of the recorded one is in this error (a Dice coefficient), so a shorter quote of the
    // same message still finds the long recorded one.
    group.score = 0.7 * (shared / (wantedWeight || 1)) + 0.3 * ((2 * shared) / (wantedWeight + theirs || 1));
    if (options.clientId !== undefined && group.rows.some((row) => row.clientId === options.clientId)) group.score += 0.05;
    if (group.rows.every((row) => row.worked === 0)) group.score -= 0.2;
  }
  const matches: ProblemMatch[] = [...groups.values()]
    .filter((group) => group.score >= 0.25)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((group) => {
      const latest = group.rows.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
      return { id: latest.id, problem: latest.problem, solution: latest.solution, score: group.score, times: group.rows.length, lastAt: latest.createdAt, lastClient: latest.client, lastDevice: latest.device, platform: latest.platform };
    });
  const fixes = failuresWithFixes(context, wanted, weight, options.clientId);
  const lines: string[] = [];
  lines.push(matches.length === 0 ? `No recorded problem reads like "${oneLine(errorText, 80)}".` : `Similar problems (${matches.length}):`);
  matches.forEach((m, index) => {
    lines.push(`${index + 1}. [${shortId(m.id)}] ${oneLine(m.problem, 80)} — fix: ${oneLine(m.solution, 140)}`);
    lines.push(`   worked ${m.times}×, last ${day(m.lastAt)}${m.lastClient ? ` for ${m.lastClient}` : ''}${m.lastDevice ? ` on ${m.lastDevice}` : ''}${m.platform ? ` (${m.platform})` : ''}; match ${Math.round(m.score * 100)}%`);
  });
  if (fixes.length > 0) {
    lines.push('Past failures with this error, and what worked next:');
    for (const fix of fixes) {
      const steps = fix.steps.length > 0 ? ` (after ${fix.steps.map((step) => `\`${oneLine(step, 50)}\``).join(', ')})` : '';
      lines.push(`- ${day(fix.at)}${fix.client ? ` ${fix.client}` : ''} [${shortId(fix.sessionId)}]: \`${oneLine(fix.failed, 60)}\` failed → \`${oneLine(fix.fix, 80)}\` worked${steps}`);
    }
  }
  const kept: string[] = [];
  let words = 0;
  for (const line of lines) {
    const count = line.split(/\s+/).filter(Boolean).length;
    if (words + count > WORDS) break;
    kept.push(line);
    words += count;
  }
  return { text: kept.join('\n'), matches, fixes };
}

/**
 * Failed commands whose error has the rarest terms of this one (FTS5, newest first, bounded), each
 * with the next command that succeeded in the same session within 30 minutes.
 */
function failuresWithFixes(context: ServiceContext, wanted: string[], weight: (term: string) => number, clientId?: string): FailureFix[] {
  const rarest = [...wanted].sort((a, b) => weight(b) - weight(a) || b.length - a.length).slice(0, 4);
  const match = rarest.map((term) => `"${term}"`).join(' AND ');
  const { store } = context;
  const failed = store
    .prepared(
      `SELECT c.id, c.command, c.error_message AS error, c.session_id AS sessionId, c.finished_at AS at, cl.name AS client
         FROM search_index JOIN search_docs d ON d.rowid = search_index.rowid
         JOIN commands_run c ON c.id = d.row_id
         LEFT JOIN clients cl ON cl.id = c.client_id
        WHERE search_index MATCH ? AND d.kind = 'command' AND c.success = 0${clientId !== undefined ? ' AND c.client_id = ?' : ''}
        ORDER BY search_index.rowid DESC LIMIT 40`,
    )
    .all(...(clientId !== undefined ? [match, clientId] : [match])) as { id: string; command: string; error: string | null; sessionId: string | null; at: number; client: string | null }[];
  const after = store.prepared('SELECT command, success FROM commands_run WHERE session_id = ? AND finished_at > ? AND finished_at <= ? ORDER BY finished_at LIMIT 50');
  const fixes: FailureFix[] = [];
  const seen = new Set<string>();
  for (const row of failed) {
    if (row.sessionId === null) continue;
    const fix = whatWorked(row.command, after.all(row.sessionId, row.at, row.at + 30 * 60_000) as { command: string; success: number }[]);
    if (!fix) continue;
    const key = `${errorSignature(row.command)}|${errorSignature(fix.command)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fixes.push({ failed: row.command, error: row.error, fix: fix.command, steps: fix.steps, at: row.at, client: row.client, sessionId: row.sessionId });
    if (fixes.length === 3) break;
  }
  return fixes;
}

const programOf = (command: string) => command.trim().split(/\s+/)[0]?.toLowerCase() ?? '';

/**
 * What changed between a failure and the success that followed: the first later success of the
 * same program (the variant that worked) with the successful steps taken in between (a service
 * restarted, a module imported); when the program never succeeded again, the next success.
 */
function whatWorked(failedCommand: string, later: { command: string; success: number }[]): { command: string; steps: string[] } | undefined {
  const program = programOf(failedCommand);
  const variant = later.findIndex((c) => c.success === 1 && programOf(c.command) === program);
  if (variant >= 0) {
    const steps = later.slice(0, variant).filter((c) => c.success === 1).map((c) => c.command).slice(-3);
    return { command: later[variant]?.command ?? '', steps };
  }
  const next = later.find((c) => c.success === 1);
  return next ? { command: next.command, steps: [] } : undefined;
}
