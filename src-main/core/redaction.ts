import { FINDER_RULES, PATTERN_RULES, type PatternRule } from './redaction-patterns.js';

/**
 * Replaces secrets in recorded text (prompts, commands, output) with `[REDACTED:kind]`, keeping
 * the flag or keyword, user and host names readable. Pure and linear-time; the patterns live in
 * redaction-patterns.ts. Decisions on look-alikes:
 * - a value that is a variable, a sub-expression, a placeholder or a path is kept (`$pw`,
 *   `(Read-Host …)`, `%PASS%`, `<password>`, `***`, `YOUR_TOKEN`, `/etc/app/pw.txt`);
 * - mysql's `--password PASS` (with a space) is kept: mysql prompts and PASS is the database; only
 *   `--password=PASS` and `-pPASS` carry a password there;
 * - a key must be the secret word itself, optionally prefixed (`db_password`, `adminPass`):
 *   `password policy: 12 characters` and `PasswordLastSet : …` are not secrets;
 * - a key at the start of a line (YAML, INI) takes the rest of the line as its value (a
 *   passphrase may hold spaces); in the middle of a line it takes one word;
 * - prose needs a password word and a verb ("the password is X", "reset the password to X",
 *   "log in with password X") and a word that looks like a password (a digit, a symbol or an
 *   inner capital, or quoted): "the password is expired" stays; "use P@ssw0rd! to log in" without
 *   a password word stays; `pwd X` stays (pwd is also the shell command);
 * - secrets in URLs are redacted whatever the page (`?token=…`, `?sig=…`): a public page cannot
 *   be told from a private one;
 * - `net user NAME WORD` where WORD is a plain sentence word (to, for, with…) is a sentence about
 *   the command, not the command;
 * - known secrets shorter than 4 characters are ignored (they would redact ordinary words).
 */

export const REDACTION_KINDS = [
  'password', 'token', 'secret', 'api_key', 'bearer', 'basic_auth', 'jwt', 'private_key', 'connection_string',
  'url_credentials', 'aws_key', 'azure_key', 'github_token', 'slack_token', 'slack_webhook', 'webhook',
  'google_api_key', 'stripe_key', 'known',
] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export interface RedactionOptions {
  /** From user config: the first capture group (or the whole match) becomes `[REDACTED:<kind>]`. */
  extraPatterns?: { kind: string; pattern: RegExp }[];
  /** Exact strings (e.g. from `msp forget`) redacted anywhere as `[REDACTED:known]`. */
  knownSecrets?: string[];
}

export interface RedactionResult {
  text: string;
  redactions: number;
  /** Distinct kinds, in order of first appearance. */
  kinds: string[];
}

interface Span {
  start: number;
  end: number;
  kind: string;
  /** Lower wins when spans overlap: known secrets, then user patterns, then the table's order. */
  rank: number;
}

const MARKER = /\[REDACTED:[\w.-]{1,64}\]/g;
const MIN_KNOWN_LENGTH = 4;
const TRAILING = new Set(['"', "'", '`', ')', ']', '}', ';', ',', ' ', '\t', '\r', '\n']);
const SENTENCE_END = new Set(['.', ',', ':', ';', '?']);
/** `a,uid=0` `a&page=2` `a;Server=x`: the next key=value pair is not part of the value. */
const NEXT_PAIR = /[,;&](?=[\w.-]{1,40}=)/;
const NOT_SECRETS = new Set([
  'null', 'nil', 'none', 'true', 'false', '$true', '$false', 'undefined', 'empty', 'required', 'optional', 'n/a',
  'hidden', 'redacted', 'masked', '!vault', 'system.security.securestring', 'prompt',
]);

/** A reference to a secret, not the secret: variables, sub-expressions, placeholders, paths. */
function isPlaceholder(value: string, singleQuoted: boolean): boolean {
  if (value.includes('[REDACTED:') || NOT_SECRETS.has(value.toLowerCase())) return true;
  if (!singleQuoted && /^\$[\w{(:]/.test(value)) return true;
  return /^(?:%\w+%|\{\{.*\}\}|<[^<>]+>|\*+|[xX•●]{3,}|\.{3}|…|\(.*|(?:env|file|fd|pass):.*|stdin)$/.test(value)
    || /^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\|\\\\)/.test(value)
    || /^(?:YOUR|MY|THE|NEW|ENTER)?[_-]?[A-Z_]*(?:PASSWORD|PASSWD|PASS|PWD|TOKEN|SECRET|KEY)(?:_?HERE)?$/.test(value);
}

/** "Sommer2024", "P@ss", "hunTer" look like passwords; "expired", "Stored" do not. */
function looksLikePassword(word: string): boolean {
  return /[^A-Za-z]/.test(word) || /.[A-Z]/.test(word);
}

/** The secret group (s1…s4) ends the match; without one the whole match is the secret. */
function secretSpan(match: RegExpExecArray): [number, number] {
  const end = match.index + match[0].length;
  const g = match.groups;
  const secret = g ? (g.s1 ?? g.s2 ?? g.s3 ?? g.s4 ?? match[0]) : match[0];
  return [end - secret.length, end];
}

const COMMAND_REACH = 300;
const COMMAND_END = /[\r\n|&;]/;

/** Where each occurrence of a command ends, ascending. */
function commandEnds(text: string, command: RegExp): number[] {
  const ends: number[] = [];
  command.lastIndex = 0;
  for (let match = command.exec(text); match; match = command.exec(text)) ends.push(command.lastIndex);
  return ends;
}

function spansOfRule(text: string, rule: PatternRule, rank: number, out: Span[]): void {
  const commands = rule.command ? commandEnds(text, rule.command) : undefined;
  if (commands?.length === 0) return;
  let command = 0;
  rule.pattern.lastIndex = 0;
  for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
    if (match[0] === '') rule.pattern.lastIndex += 1;
    if (commands) {
      while ((commands[command + 1] ?? Infinity) <= match.index) command += 1;
      const commandEnd = commands[command] ?? Infinity;
      const sameCommand = commandEnd <= match.index && match.index - commandEnd <= COMMAND_REACH && !COMMAND_END.test(text.slice(commandEnd, match.index));
      if (!sameCommand) continue;
    }
    const [start, matchEnd] = secretSpan(match);
    let end = matchEnd;
    const before = text[start - 1] ?? '';
    const quoted = (before === '"' || before === "'" || before === '`' || before === '{') && text[end] === before.replace('{', '}');
    if (!quoted) {
      const next = NEXT_PAIR.exec(text.slice(start, end));
      if (next) end = start + next.index;
      while (end > start && TRAILING.has(text[end - 1] ?? '')) end -= 1;
      while (rule.prose && end > start && SENTENCE_END.has(text[end - 1] ?? '')) end -= 1;
    }
    const secret = text.slice(start, end);
    const groups: Partial<Record<string, string>> = match.groups ?? {};
    const rejected = secret === '' || isPlaceholder(secret, before === "'")
      || (rule.prose === true && !quoted && !looksLikePassword(secret))
      || (rule.accept && !rule.accept({ text, groups, secret, start: match.index, end: match.index + match[0].length }));
    if (rejected) continue;
    out.push({ start, end, rank, kind: typeof rule.kind === 'string' ? rule.kind : rule.kind(groups) });
  }
}

function knownSpans(text: string, knownSecrets: readonly string[], out: Span[]): void {
  for (const secret of knownSecrets) {
    if (secret.length < MIN_KNOWN_LENGTH) continue;
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + secret.length)) {
      out.push({ start: at, end: at + secret.length, kind: 'known', rank: -2 });
    }
  }
}

function extraSpans(text: string, extras: readonly { kind: string; pattern: RegExp }[], out: Span[]): void {
  for (const extra of extras) {
    const flags = [...new Set(`${extra.pattern.flags}dg`)].join('');
    const pattern = new RegExp(extra.pattern.source, flags);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0] === '') pattern.lastIndex += 1;
      const span = match.indices?.[1] ?? match.indices?.[0];
      if (span && span[1] > span[0]) out.push({ start: span[0], end: span[1], kind: extra.kind, rank: -1 });
    }
  }
}

/**
 * Which hints occur in a text, in one pass (an Aho–Corasick automaton over ASCII, letters folded to
 * lower case) instead of one search per hint: the fast path costs one scan however many rules.
 */
function hintScanner(hints: readonly string[]): (text: string) => Set<string> {
  const next: number[][] = [[]];
  const ends: number[][] = [[]];
  hints.forEach((hint, index) => {
    let state = 0;
    for (let at = 0; at < hint.length; at++) {
      const code = hint.charCodeAt(at);
      const row = next[state] ?? [];
      state = row[code] ?? (row[code] = next.push([]) - 1);
      ends[state] ??= [];
    }
    ends[state]?.push(index);
  });
  // Breadth first: each state falls back to the longest proper suffix that is also a prefix.
  const table = new Int32Array(next.length * 128);
  const fallback = new Int32Array(next.length);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    for (let code = 0; code < 128; code++) {
      const child = next[state]?.[code];
      const viaFallback = state === 0 ? 0 : (table[(fallback[state] ?? 0) * 128 + code] ?? 0);
      if (child === undefined) {
        table[state * 128 + code] = viaFallback;
      } else {
        table[state * 128 + code] = child;
        fallback[child] = viaFallback;
        ends[child] = [...(ends[child] ?? []), ...(ends[viaFallback] ?? [])];
        queue.push(child);
      }
    }
  }
  const endsAt = ends.map((found) => (found.length > 0 ? found : undefined));
  return (text) => {
    const seen = new Uint8Array(hints.length);
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      state = code < 128 ? (table[state * 128 + code] ?? 0) : 0;
      const found = endsAt[state];
      if (found) for (const index of found) seen[index] = 1;
    }
    return new Set(hints.filter((_, index) => seen[index] === 1));
  };
}

const presentHints = hintScanner([...new Set([...FINDER_RULES, ...PATTERN_RULES].flatMap((rule) => rule.hints))]);

/** Drops spans that touch an existing marker (so redacting twice changes nothing), merges overlaps. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  const markers = text.includes('[REDACTED:') ? [...text.matchAll(MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
  const merged: Span[] = [];
  let marker = 0;
  for (const span of spans.sort((a, b) => a.start - b.start || a.rank - b.rank)) {
    while (marker < markers.length && (markers[marker]?.end ?? 0) <= span.start) marker += 1;
    // Markers are sorted and disjoint: only the first one ending after this span's start can touch it.
    if ((markers[marker]?.start ?? Infinity) < span.end) continue;
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (span.rank < last.rank) {
        last.kind = span.kind;
        last.rank = span.rank;
      }
    } else {
      merged.push(span);
    }
  }
  return merged;
}

export function redactSecrets(text: string, options: RedactionOptions = {}): RedactionResult {
  const spans: Span[] = [];
  knownSpans(text, options.knownSecrets ?? [], spans);
  extraSpans(text, options.extraPatterns ?? [], spans);
  const present = presentHints(text);
  const applies = (hints: readonly string[]) => hints.some((hint) => present.has(hint));
  for (const rule of FINDER_RULES) {
    if (!applies(rule.hints)) continue;
    for (const { start, end } of rule.find(text)) {
      if (!isPlaceholder(text.slice(start, end), text[start - 1] === "'")) spans.push({ start, end, kind: rule.kind, rank: 0 });
    }
  }
  PATTERN_RULES.forEach((rule, index) => {
    if (applies(rule.hints)) spansOfRule(text, rule, index + 1, spans);
  });
  if (spans.length === 0) return { text, redactions: 0, kinds: [] };

  const merged = mergeSpans(text, spans);
  const parts: string[] = [];
  let from = 0;
  for (const span of merged) {
    parts.push(text.slice(from, span.start), `[REDACTED:${span.kind}]`);
    from = span.end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), redactions: merged.length, kinds: [...new Set(merged.map((s) => s.kind))] };
}

/** The redacted text alone, with the built-in patterns. */
export function redact(text: string): string {
  return redactSecrets(text).text;
}
