import { MspError } from '../../core/errors.js';
import { oneLine, utcDay } from '../../core/text.js';
import { shortId } from '../../core/ids.js';
import type { ServiceContext } from '../context.js';

export const SEARCH_KINDS = ['command', 'session', 'work', 'problem', 'task', 'infra', 'insight'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchQuery {
  text: string;
  clientId?: string;
  from?: number;
  to?: number;
  kind?: SearchKind;
  page?: number;
}

export interface SearchHit { kind: SearchKind; rowId: string; sessionId: string | null; clientId: string | null; at: number; score: number }

/** Candidates looked at per query: the newest matches, ranked among themselves (bounded cost, recent work first). */
const CANDIDATES = 150;
const WORDS = 300;

/**
 * The FTS5 query for what a technician typed: every word must appear (AND), words joined by
 * punctuation stay a phrase ("Get-ADUser" → "get aduser"), a word ending in * is a prefix
 * ("spool*"; prefixes cost more, so only when asked). Quoting every piece means no FTS syntax
 * can be injected.
 */
export function ftsQuery(text: string): string {
  const terms = text
    .split(/\s+/)
    .map((term) => ({ pieces: term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [], prefix: /[\p{L}\p{N}]{2,}\*$/u.test(term) }))
    .filter((term) => term.pieces.length > 0);
  if (terms.length === 0) throw new MspError('bad_input', 'the search has no words to look for: give a word, a command or an error text', 'query');
  return terms
    .slice(0, 12)
    .map((term) => `"${term.pieces.join(' ')}"${term.prefix && term.pieces.length === 1 ? '*' : ''}`)
    .join(' AND ');
}

/**
 * The best matches: FTS5 walks the index newest first (rowid order costs nothing extra), stops
 * after CANDIDATES that pass the filters, and those are ranked by BM25 with a mild preference
 * for recent work. Cost is bounded by CANDIDATES whatever the history size (1M+ commands).
 */
export function searchHits(context: ServiceContext, query: SearchQuery): SearchHit[] {
  const match = ftsQuery(query.text);
  const filters: string[] = [];
  const args: unknown[] = [match];
  if (query.clientId !== undefined) { filters.push('d.client_id = ?'); args.push(query.clientId); }
  if (query.kind !== undefined) { filters.push('d.kind = ?'); args.push(query.kind); }
  if (query.from !== undefined) { filters.push('d.at >= ?'); args.push(query.from); }
  if (query.to !== undefined) { filters.push('d.at <= ?'); args.push(query.to); }
  const rows = context.store
    .prepared(
      `SELECT d.kind, d.row_id AS rowId, d.session_id AS sessionId, d.client_id AS clientId, d.at, bm25(search_index) AS bm25
         FROM search_index JOIN search_docs d ON d.rowid = search_index.rowid
        WHERE search_index MATCH ?${filters.map((f) => ` AND ${f}`).join('')}
        ORDER BY search_index.rowid DESC LIMIT ${CANDIDATES}`,
    )
    .all(...args) as (Omit<SearchHit, 'score'> & { bm25: number })[];
  const newest = rows.reduce((max, row) => Math.max(max, row.at), 0);
  return rows
    .map(({ bm25, ...row }) => {
      // bm25 is negative (more negative = better); a year of age costs about as much as one weaker term.
      const ageYears = Math.max(0, newest - row.at) / (365 * 86_400_000);
      return { ...row, score: -bm25 - 0.5 * ageYears };
    })
    .sort((a, b) => b.score - a.score);
}

interface SessionFacts { id: string; startedAt: number; endedAt: number | null; summary: string | null; client: string | null; mode: string }

const day = utcDay;

/** The text of a hit, as one short line. */
function hitLine(context: ServiceContext, hit: SearchHit): string {
  const { store } = context;
  switch (hit.kind) {
    case 'command': {
      const row = store.prepared('SELECT command, success, exit_code AS exitCode, error_message AS error FROM commands_run WHERE id = ?').get(hit.rowId) as { command: string; success: number; exitCode: number | null; error: string | null } | undefined;
      if (!row) return '';
      return `\`${oneLine(row.command, 70)}\` ${row.success ? 'ok' : `failed${row.exitCode !== null ? ` (exit ${row.exitCode})` : ''}${row.error ? `: ${oneLine(row.error, 60)}` : ''}`}`;
    }
    case 'work': {
      const row = store.prepared('SELECT title FROM work_items WHERE id = ?').get(hit.rowId) as { title: string } | undefined;
      return row ? `work: ${oneLine(row.title, 90)}` : '';
    }
    case 'problem': {
      const row = store.prepared('SELECT problem, solution FROM problem_solutions WHERE id = ?').get(hit.rowId) as { problem: string; solution: string } | undefined;
      return row ? `problem [${shortId(hit.rowId)}]: ${oneLine(row.problem, 60)} → ${oneLine(row.solution, 70)}` : '';
    }
    case 'task': {
      const row = store.prepared('SELECT title, status FROM pending_tasks WHERE id = ?').get(hit.rowId) as { title: string; status: string } | undefined;
      return row ? `task [${shortId(hit.rowId)}] (${row.status}): ${oneLine(row.title, 80)}` : '';
    }
    case 'infra': {
      const row = store.prepared('SELECT name, os_name AS os, os_version AS version, environmental_notes AS notes FROM infrastructure WHERE id = ?').get(hit.rowId) as { name: string; os: string | null; version: string | null; notes: string | null } | undefined;
      return row ? `device ${row.name} (${[row.os, row.version].filter(Boolean).join(' ')})${row.notes ? `: ${oneLine(row.notes, 90)}` : ''}` : '';
    }
    case 'insight': {
      const row = store.prepared('SELECT insight_text AS text FROM environmental_insights WHERE id = ?').get(hit.rowId) as { text: string } | undefined;
      return row ? `insight: ${oneLine(row.text, 100)}` : '';
    }
    case 'session':
      return '';
  }
}

/** One entry of the answer: a session with its matching lines, or a match outside any session. */
function entryOf(context: ServiceContext, key: string, group: SearchHit[]): string | undefined {
  const first = group[0];
  if (!first) return undefined;
  if (first.sessionId === null || key.includes(':')) {
    const line = hitLine(context, first);
    return line ? `- ${line}` : undefined;
  }
  const session = context.store
    .prepared('SELECT s.id, s.started_at AS startedAt, s.ended_at AS endedAt, s.summary, s.mode, c.name AS client FROM sessions s LEFT JOIN clients c ON c.id = s.client_id WHERE s.id = ?')
    .get(first.sessionId) as SessionFacts | undefined;
  if (!session) return undefined;
  const minutes = Math.round(((session.endedAt ?? context.store.clock.now()) - session.startedAt) / 60_000);
  const header = `- ${day(session.startedAt)} [${shortId(session.id)}] ${session.client ?? session.mode}, ${minutes} min${session.endedAt === null ? ' (open)' : ''}: ${session.summary ? oneLine(session.summary, 110) : 'no summary'}`;
  const details = group.filter((hit) => hit.kind !== 'session').slice(0, 2).map((hit) => hitLine(context, hit)).filter(Boolean);
  return [header, ...details.map((d) => `    ${d}`)].join('\n');
}

export interface SearchAnswer { text: string; sessions: number; matches: number; capped: boolean; page: number; more: boolean }

/**
 * `msp search`: "Found N … [dates] – [outcomes]" grouped by session, best first, at most 300 words
 * a page, with ids to drill down (msp show ID).
 */
export function search(context: ServiceContext, query: SearchQuery): SearchAnswer {
  const hits = searchHits(context, query);
  const capped = hits.length >= CANDIDATES;
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const key = hit.sessionId ?? `${hit.kind}:${hit.rowId}`;
    groups.set(key, [...(groups.get(key) ?? []), hit]);
  }
  // Entries are rendered only as far as the page asked for (each costs a few lookups): a page
  // holds whole entries up to ~300 words; one more entry tells whether another page follows.
  const wanted = Math.max(1, query.page ?? 1);
  const pages: string[][] = [[]];
  let words = 0;
  let more = false;
  for (const [key, group] of groups) {
    const line = entryOf(context, key, group);
    if (!line) continue;
    const count = line.split(/\s+/).filter(Boolean).length;
    const current = pages[pages.length - 1] ?? [];
    if (words + count > WORDS - 25 && current.length > 0) {
      if (pages.length === wanted) {
        more = true;
        break;
      }
      pages.push([line]);
      words = count;
    } else {
      current.push(line);
      words += count;
    }
  }
  const page = Math.min(wanted, pages.length);
  const dates = hits.map((h) => h.at).sort((a, b) => a - b);
  const span = dates.length > 0 ? ` [${day(dates[0] ?? 0)} – ${day(dates[dates.length - 1] ?? 0)}]` : '';
  const head = hits.length === 0
    ? `Found nothing for "${oneLine(query.text, 80)}".`
    : `Found ${hits.length}${capped ? '+ (newest)' : ''} matches in ${groups.size} places${span}, best first${page > 1 || more ? `; page ${page}` : ''}:`;
  const tail = more ? [`More: --page ${page + 1}. Details: msp show ID.`] : hits.length > 0 ? ['Details: msp show ID.'] : [];
  return { text: [head, ...(pages[page - 1] ?? []), ...tail].join('\n'), sessions: groups.size, matches: hits.length, capped, page, more };
}
