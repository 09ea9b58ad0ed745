/**
 * Tool arguments with messages that say what was expected, what came, and so how to fix the call.
 * The SDK validates each call against these schemas and appends the argument's name (" at id").
 */
import { z } from 'zod';
import { badInput } from '../core/errors.js';

type Issue = z.core.$ZodRawIssue;

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** "missing: expected X" or "expected X, got Y": the SDK adds " at <argument>". */
const expecting = (what: string) => (issue: Issue) => (issue.input === undefined ? `missing: expected ${what}` : `expected ${what}, got ${shown(issue.input)}`);

/** Non-empty text of at most `max` characters, trimmed. */
export function text(what: string, max: number) {
  const error = expecting(`${what} (text, at most ${max} characters)`);
  return z.string({ error }).trim().min(1, { error }).max(max, { error });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: expecting(what) });
}

export const yesNo = (what: string) => z.boolean({ error: expecting(`true or false (${what})`) });

export function page() {
  const error = expecting('a page number: 1, 2, … (each answer says "page N of M")');
  return z.number({ error }).int({ error }).min(1, { error }).max(100_000, { error }).optional().describe('page of a long list, from 1 (default 1)');
}

export const client = () => text('a client name such as "Dataforth" (any case)', 200);

export const entityId = (what: string, listedBy: string) =>
  text(`the ${what} id as text: the 8 characters in brackets shown by ${listedBy}, e.g. "3f9a2b1c"`, 36);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A day or a moment, as text: 2026-11-25, "2026-11-25 14:30" or ISO 8601. */
export const when = (what: string) => {
  const error = expecting(`${what} as 2026-11-25, "2026-11-25 14:30" or ISO 8601 (local time unless a zone is given)`);
  return z.string({ error }).trim().regex(new RegExp(`${DATE.source}|${DATE_TIME.source}`), { error });
};

/**
 * The time a `when` argument names, epoch ms. A bare day is its local midnight; as the end of a
 * period (`endOfDay`) it is the midnight after, so "to 2026-11-30" includes the 30th.
 */
export function timeOf(value: string, field: string, options: { endOfDay?: boolean } = {}): number {
  const day = DATE.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const midnight = new Date(year, month - 1, date);
    if (midnight.getMonth() !== month - 1 || midnight.getDate() !== date) throw badInput(field, `${field} "${value}" is not a calendar day`);
    return options.endOfDay ? new Date(year, month - 1, date + 1).getTime() : midnight.getTime();
  }
  const parsed = Date.parse(value.replace(' ', 'T'));
  if (Number.isNaN(parsed)) throw badInput(field, `${field} "${value}" is not a time: use 2026-11-25, "2026-11-25 14:30" or ISO 8601`);
  return parsed;
}
