import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { configSchema, type MspConfig } from '../../src-shared/config.js';
import { firstIssue } from '../../src-shared/validation.js';
import { MspError } from '../core/errors.js';

/** Reads and validates config.json; a missing file means every default. */
export function loadConfig(file: string): MspConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return configSchema.parse({});
    throw new MspError('unavailable', `cannot read ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MspError('bad_input', `${file} is not valid JSON (${(error as Error).message}): fix it or delete it to use the defaults`, 'config');
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new MspError('bad_input', `${file}: ${field}: ${message}: fix it, or remove the key to use the default`, field);
  }
  return parsed.data;
}

/** Writes config.json atomically (write then rename), after validating it. */
export function saveConfig(file: string, config: unknown): MspConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new MspError('bad_input', `config ${field}: ${message}`, field);
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return parsed.data;
}
