/**
 * Text templates of the demo generator, compiled once: "{h}" style holes are split out at load so
 * filling one for each of a million commands is a handful of string concatenations, not a regex.
 */

/** What a template hole can name: the device, the client and a few per-command picks. */
export interface TemplateContext {
  /** Device name (or repository, in dev work). */
  h: string;
  ip: string;
  /** Active Directory domain. */
  d: string;
  /** E-mail domain. */
  mail: string;
  user: string;
  /** Operating system name and version. */
  os: string;
  /** First three octets of the main LAN. */
  lan: string;
  code: string;
  n: string;
  kb: string;
  month: string;
}

export type TemplateKey = keyof TemplateContext;

export interface Template {
  readonly parts: readonly string[];
  readonly keys: readonly TemplateKey[];
}

const KEYS = new Set<string>(['h', 'ip', 'd', 'mail', 'user', 'os', 'lan', 'code', 'n', 'kb', 'month']);

export function compile(text: string): Template {
  const pieces = text.split(/\{(\w+)\}/);
  const parts: string[] = [];
  const keys: TemplateKey[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) parts.push(piece);
    else if (KEYS.has(piece)) keys.push(piece as TemplateKey);
    else throw new Error(`demo template "${text}" names an unknown hole {${piece}}`);
  });
  return { parts, keys };
}

export function fill(template: Template, context: TemplateContext): string {
  const { parts, keys } = template;
  let text = parts[0] ?? '';
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index];
    text += (key === undefined ? '' : context[key]) + (parts[index + 1] ?? '');
  }
  return text;
}

/** The error normalised the way failure patterns are keyed: placeholders for holes and numbers. */
export function signatureOf(errorText: string): string {
  return errorText
    .toLowerCase()
    .replace(/\{(\w+)\}/g, (_match, key: string) => (key === 'h' ? '<host>' : `<${key}>`))
    .replace(/\d+/g, '<n>')
    .split('\n')[0]
    ?.slice(0, 500) ?? '';
}

export const FAILURE_CATEGORIES = [
  'command_not_found', 'permission_denied', 'syntax_error', 'network', 'timeout', 'authentication', 'version_compatibility', 'interrupted', 'other',
] as const;
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

export interface CommandTemplate {
  shell: string;
  command: Template;
  stdout: Template;
  /** Typical duration. */
  ms: number;
}

export interface FailureTemplate {
  /** Position in FAILURE_LIST: a stable key for the failure pattern. */
  index: number;
  shell: string;
  command: Template;
  exitCode: number;
  category: FailureCategory;
  error: Template;
  signature: string;
  /** What works instead, when known. */
  fix: string | null;
  /** True when the failure belongs to the device (its OS version, its config), not the whole platform. */
  perDevice: boolean;
}

export type CommandRow = [shell: string, command: string, stdout: string, ms: number];
export type FailureRow = [shell: string, command: string, exitCode: number, category: FailureCategory, error: string, fix: string | null, perDevice?: boolean];

export const commandTemplates = (rows: CommandRow[]): CommandTemplate[] =>
  rows.map(([shell, command, stdout, ms]) => ({ shell, command: compile(command), stdout: compile(stdout), ms }));

/** Every failure template ever made, so a pattern key can name one by index. */
export const FAILURE_LIST: FailureTemplate[] = [];

export const failureTemplates = (rows: FailureRow[]): FailureTemplate[] =>
  rows.map(([shell, command, exitCode, category, error, fix, perDevice]) => {
    const template: FailureTemplate = {
      index: FAILURE_LIST.length, shell, command: compile(command), exitCode, category, error: compile(error), signature: signatureOf(error), fix, perDevice: perDevice ?? false,
    };
    FAILURE_LIST.push(template);
    return template;
  });
