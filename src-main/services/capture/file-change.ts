/** Lines added and removed by a Write or Edit, from Claude Code's structuredPatch hunks. */
export function patchLineCounts(toolResponse: unknown, writtenContent: unknown): { added: number; removed: number } {
  const response = (typeof toolResponse === 'object' && toolResponse !== null ? toolResponse : {}) as { structuredPatch?: unknown; type?: unknown };
  let added = 0;
  let removed = 0;
  if (Array.isArray(response.structuredPatch)) {
    for (const hunk of response.structuredPatch as unknown[]) {
      const lines = (hunk as { lines?: unknown } | null)?.lines;
      if (!Array.isArray(lines)) continue;
      for (const line of lines as unknown[]) {
        if (typeof line !== 'string') continue;
        if (line.startsWith('+')) added++;
        else if (line.startsWith('-')) removed++;
      }
    }
  }
  // A new file comes with an empty patch: all its lines are added.
  if (added === 0 && removed === 0 && response.type === 'create' && typeof writtenContent === 'string' && writtenContent.length > 0) {
    added = writtenContent.replace(/\n$/, '').split('\n').length;
  }
  return { added, removed };
}

/** create or update, as Claude Code reports it (Write says which; Edit always updates). */
export function changeKindOf(toolResponse: unknown): 'create' | 'update' {
  const type = (toolResponse as { type?: unknown } | null)?.type;
  return type === 'create' ? 'create' : 'update';
}
