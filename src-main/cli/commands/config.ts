import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { badInput } from '../../core/errors.js';
import { loadConfig, saveConfig } from '../../store/config-file.js';
import { dataDir, dataFiles } from '../../store/paths.js';
import type { CommandSpec } from '../args.js';
import { print } from './with-context.js';

const show: CommandSpec = {
  name: 'config show',
  summary: 'Where MSP Mode keeps its data, and the configuration in effect (defaults included).',
  run: (parsed, io) => {
    const files = dataFiles(dataDir(io.env));
    const config = loadConfig(files.config);
    print(io, parsed.json, { dataDir: files.dir, files, config }, () =>
      [`data dir: ${files.dir}`, `database: ${files.database}`, `config:   ${files.config}${existsSync(files.config) ? '' : ' (absent: defaults)'}`, JSON.stringify(config, null, 2)].join('\n'));
  },
};

/** Turns the text after `msp config set KEY` into JSON: numbers and true/false as such, else a string. */
function parseValue(text: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

const set: CommandSpec = {
  name: 'config set',
  summary: 'Change one setting (validated before it is written), e.g. msp config set sessions.idleMinutes 45.',
  positionals: [
    { name: 'key', description: 'dotted key: agent.port, sessions.defaultMode, sessions.idleMinutes, technician, sync.serverUrl', required: true },
    { name: 'value', description: 'new value', required: true },
  ],
  run: (parsed, io) => {
    const [key = '', value = ''] = parsed.positionals;
    if (!/^[A-Za-z]+(\.[A-Za-z]+)*$/.test(key)) throw badInput('key', `"${key}" is not a setting name: see msp config show`);
    const files = dataFiles(dataDir(io.env));
    mkdirSync(files.dir, { recursive: true, mode: 0o700 });
    loadConfig(files.config);
    const raw = existsSync(files.config) ? (JSON.parse(readFileSync(files.config, 'utf8')) as Record<string, unknown>) : {};
    const parts = key.split('.');
    let node: Record<string, unknown> = raw;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node[part] = typeof next === 'object' && next !== null ? next : {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] ?? key] = parseValue(value);
    const config = saveConfig(files.config, raw);
    print(io, parsed.json, config, () => `Set ${key} = ${JSON.stringify(parseValue(value))} in ${files.config}`);
  },
};

export const configCommands = [show, set];
