import type { z } from 'zod';

/** Path of a zod issue as a person writes it: `sessions.idleMinutes`, `items[2].name`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** The first problem of a failed parse, as {field, message}: one line, naming the field. */
export function firstIssue(error: z.ZodError, root = ''): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: root || '(body)', message: 'invalid value' };
  const inner = issuePath(issue.path);
  const field = [root, inner].filter((part) => part !== '').join('.') || '(body)';
  return { field, message: issue.message };
}
