import { badInput } from '../core/errors.js';

/**
 * Reads a time as a technician types it: ISO 8601 (2026-11-25T14:30, with or without zone),
 * "2026-11-25 14:30", a date "2026-11-25" (midnight, local time), or "14:30" (today, local).
 */
export function parseTimeInput(text: string, field: string, now: number): number {
  const value = text.trim();
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) {
    const date = new Date(now);
    date.setHours(Number(clock[1]), Number(clock[2]), 0, 0);
    if (Number(clock[1]) < 24 && Number(clock[2]) < 60) return date.getTime();
  }
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const date = new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
    if (!Number.isNaN(date.getTime()) && date.getDate() === Number(dateOnly[3])) return date.getTime();
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(value)) {
    const parsed = Date.parse(value.replace(' ', 'T'));
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw badInput(field, `--${field} "${text}" is not a time: use 2026-11-25, "2026-11-25 14:30", 14:30 or ISO 8601`);
}
