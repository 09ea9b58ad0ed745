import { MspError, badInput, notFound } from '../core/errors.js';
import { shortId } from '../core/ids.js';
import type { Store } from '../store/store.js';

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds a row by its full id or by the short id people see (the last characters, at least 4).
 * More than one match is an error listing them, never a guess.
 */
export function resolveId(store: Store, table: 'sessions' | 'pending_tasks', text: string, what: string): string {
  const wanted = text.trim().toLowerCase();
  if (FULL_ID.test(wanted)) {
    const row = store.sqlite.prepare(`SELECT id FROM ${table} WHERE id = ? AND deleted = 0`).get(wanted) as { id: string } | undefined;
    if (!row) throw notFound(`no ${what} with id ${wanted}`);
    return row.id;
  }
  if (!/^[0-9a-f-]{4,36}$/.test(wanted)) throw badInput('id', `"${text}" is not a ${what} id: use the id shown by msp (at least 4 hex characters)`);
  const suffix = wanted.replace(/-/g, '');
  const rows = store.sqlite
    .prepare(`SELECT id FROM ${table} WHERE replace(id, '-', '') LIKE ? AND deleted = 0 LIMIT 6`)
    .all(`%${suffix}`) as { id: string }[];
  if (rows.length === 0) throw notFound(`no ${what} with id ending in ${suffix}`);
  if (rows.length > 1) {
    throw new MspError('ambiguous', `id ${suffix} matches several ${what}s (${rows.map((row) => shortId(row.id)).join(', ')}): give more characters`);
  }
  return (rows[0] as { id: string }).id;
}
