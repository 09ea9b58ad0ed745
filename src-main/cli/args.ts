import { parseArgs } from 'node:util';
import { badInput } from '../core/errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help after a string option: --client NAME. */
  valueName?: string;
  short?: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required?: boolean;
  choices?: readonly string[];
}

export interface ParsedCommand {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  json: boolean;
}

export interface CommandSpec {
  /** Words after `msp`: 'start', 'client add'. */
  name: string;
  summary: string;
  positionals?: PositionalSpec[];
  options?: Record<string, OptionSpec>;
  /** Extra help lines: examples, defaults. */
  notes?: string[];
  run(parsed: ParsedCommand, io: CliIo): Promise<void> | void;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Set by commands that want a non-zero exit without an error message. */
  exitCode: number;
}

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print the result as JSON' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function helpText(spec: CommandSpec): string {
  const positionals = (spec.positionals ?? []).map((p) => {
    const label = p.choices ? p.choices.join('|') : p.name.toUpperCase();
    return p.required ? label : `[${label}]`;
  });
  const options = { ...spec.options, ...GLOBAL_OPTIONS };
  const usageOptions = Object.entries(spec.options ?? {}).map(([name, o]) => `[--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}]`);
  const lines = [`Usage: msp ${[spec.name, ...positionals, ...usageOptions].join(' ')}`, '', spec.summary, ''];
  for (const p of spec.positionals ?? []) lines.push(`  ${p.name.toUpperCase().padEnd(22)} ${p.description}`);
  for (const [name, o] of Object.entries(options)) {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
    lines.push(`  ${flag.padEnd(22)} ${o.description}`);
  }
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return lines.join('\n');
}

/** Parses argv for one command; every mistake is one line naming the argument and the fix. */
export function parseCommand(spec: CommandSpec, argv: string[]): ParsedCommand & { help: boolean } {
  const options = { ...spec.options, ...GLOBAL_OPTIONS };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw badInput('arguments', `msp ${spec.name}: ${describeParseError(error as Error & { code?: string })} (see msp ${spec.name} --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  const declared = spec.positionals ?? [];
  if (!help) {
    if (parsed.positionals.length > declared.length) {
      const extra = parsed.positionals[declared.length] ?? '';
      throw badInput('arguments', `msp ${spec.name}: unexpected argument "${extra}" (quote text with spaces; see msp ${spec.name} --help)`);
    }
    declared.forEach((p, index) => {
      const value = parsed.positionals[index];
      if (value === undefined && p.required) throw badInput(p.name, `msp ${spec.name}: missing ${p.name.toUpperCase()}: ${p.description}`);
      if (value !== undefined && p.choices && !p.choices.includes(value)) {
        throw badInput(p.name, `msp ${spec.name}: ${p.name} must be one of ${p.choices.join(', ')} (got "${value}")`);
      }
    });
    for (const [name, o] of Object.entries(spec.options ?? {})) {
      const value = values[name];
      if (o.type === 'string' && typeof value === 'string' && value.trim() === '') {
        throw badInput(name, `msp ${spec.name}: --${name} needs a value${o.valueName ? ` (${o.valueName})` : ''}`);
      }
    }
  }
  return { positionals: parsed.positionals, options: values, json: values.json === true, help };
}

function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `option ${option.split(' ')[0] ?? option} needs a value` : 'an option needs a value';
    default:
      return error.message.split('\n')[0] ?? 'invalid arguments';
  }
}

export const stringOption = (parsed: ParsedCommand, name: string): string | undefined => {
  const value = parsed.options[name];
  return typeof value === 'string' ? value.trim() : undefined;
};
export const flag = (parsed: ParsedCommand, name: string): boolean => parsed.options[name] === true;

/** A whole-number option within [min, max], or the fallback when it is not given. */
export function integerOption(parsed: ParsedCommand, name: string, range: { min: number; max: number }, fallback: number): number;
export function integerOption(parsed: ParsedCommand, name: string, range: { min: number; max: number }): number | undefined;
export function integerOption(parsed: ParsedCommand, name: string, range: { min: number; max: number }, fallback?: number): number | undefined {
  const text = stringOption(parsed, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < range.min || value > range.max) {
    throw badInput(name, `--${name} must be a whole number from ${range.min} to ${range.max} (got "${text}")`);
  }
  return value;
}
