/**
 * An error text reduced to what stays the same between occurrences: lower case, with GUIDs, IP
 * addresses, paths, URLs, quoted names, host names and numbers replaced by placeholders. Two
 * failures of the same kind on different machines, users or files get the same signature.
 */
/** Applied before quoted names are looked at (a quoted path is a path). */
const BEFORE_QUOTES: [RegExp, string][] = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' <guid> '],
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' <url> '],
  [/\\\\[^\s'"]+/g, ' <path> '],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, ' <ip> '],
  [/\b[a-z]:\\[^\s'"]*/gi, ' <path> '],
  [/(?:^|(?<=\s))(?:~|\.{1,2})?\/[^\s'"]+/g, ' <path> '],
];
const AFTER_QUOTES: [RegExp, string][] = [

  [/\b[a-z0-9]+(?:[-.][a-z0-9]+)*\.(?:local|lan|corp|com|net|org|internal|[a-z]{2})\b/gi, ' <host> '],
  [/\b[a-z]{1,12}-[a-z0-9-]*\d[a-z0-9-]*\b/gi, ' <host> '],
  [/\b0x[0-9a-f]+\b/gi, ' <n> '],
  [/\b\d+(?:[.,:]\d+)*\b/g, ' <n> '],
];

/** Quoted names vary (files, users, jobs) unless they are a bare command name such as 'Get-LocalUser'. */
const QUOTED = /'([^'\n]{1,200})'|"([^"\n]{1,200})"|`([^`\n]{1,200})`|‘([^’\n]{1,200})’/g;
const unquote = (_match: string, ...groups: (string | undefined)[]) => {
  const inner = groups.slice(0, 4).find((group) => group !== undefined) ?? '';
  return /^[A-Za-z][A-Za-z-]{1,60}$/.test(inner) ? ` ${inner} ` : ' <q> ';
};

export function errorSignature(text: string): string {
  let value = text.slice(0, 4000);
  for (const [pattern, placeholder] of BEFORE_QUOTES) value = value.replace(pattern, placeholder);
  value = value.replace(QUOTED, unquote);
  for (const [pattern, placeholder] of AFTER_QUOTES) value = value.replace(pattern, placeholder);
  return value.toLowerCase().replace(/[^\p{L}\p{N}<>]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 500);
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'is', 'was', 'be', 'in', 'on', 'at', 'for', 'and', 'or', 'as', 'by', 'it', 'this', 'that', 'with', 'from', 'name', 'error']);

/** The words of a signature worth matching on (placeholders and stop words dropped). */
export function signatureTerms(signature: string): string[] {
  return [...new Set(signature.split(' ').filter((word) => word.length > 1 && !word.startsWith('<') && !STOP.has(word)))];
}
