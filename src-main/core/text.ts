/** Small text shapes every dense answer uses (CLI, MCP tools, context, search). */

/** Whitespace flattened to one line, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** 90 → "1h30m", 45 → "45m". */
export function minutesText(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return hours > 0 ? `${hours}h${String(minutes).padStart(2, '0')}m` : `${minutes}m`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time to the minute: 2026-11-25 14:30. */
export function timeText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The UTC day of a time: 2026-11-25. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
