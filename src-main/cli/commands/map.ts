import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { badInput, notFound } from '../../core/errors.js';
import { comparablePath } from '../../services/capture/folders.js';
import { loadConfig, saveConfig } from '../../store/config-file.js';
import { dataDir, dataFiles } from '../../store/paths.js';
import { flag, stringOption, type CommandSpec } from '../args.js';
import { print } from './with-context.js';

const map: CommandSpec = {
  name: 'map',
  summary: 'Map a folder to a client (and project): Claude Code work in it is that client\'s billable work. No arguments: list the mappings.',
  positionals: [{ name: 'dir', description: 'the folder (its subfolders too; the deepest mapping wins)' }],
  options: {
    client: { type: 'string', valueName: 'NAME', description: 'the client the folder\'s work belongs to' },
    project: { type: 'string', valueName: 'NAME', description: 'the project, if any' },
    remove: { type: 'boolean', description: 'remove the mapping of DIR' },
  },
  notes: ['Example: msp map ~/clients/dataforth --client Dataforth'],
  run: (parsed, io) => {
    const files = dataFiles(dataDir(io.env));
    const config = loadConfig(files.config);
    const dirArgument = parsed.positionals[0];
    if (dirArgument === undefined) {
      const mappings = config.capture.mappings;
      print(io, parsed.json, mappings, () => (mappings.length === 0 ? 'No folders mapped (msp map DIR --client NAME).' : mappings.map((m) => `${m.dir} -> ${m.client}${m.project ? ` / ${m.project}` : ''}`).join('\n')));
      return;
    }
    const dir = path.resolve(dirArgument);
    const raw = existsSync(files.config) ? (JSON.parse(readFileSync(files.config, 'utf8')) as { capture?: { mappings?: unknown[] } }) : {};
    const others = config.capture.mappings.filter((m) => comparablePath(m.dir) !== comparablePath(dir));
    let mappings = others;
    if (flag(parsed, 'remove')) {
      if (others.length === config.capture.mappings.length) throw notFound(`${dir} is not mapped (see msp map)`);
    } else {
      const client = stringOption(parsed, 'client');
      if (!client) throw badInput('client', 'msp map: name the client with --client NAME (or --remove the mapping)');
      const project = stringOption(parsed, 'project');
      mappings = [...others, { dir, client, ...(project ? { project } : {}) }];
    }
    mkdirSync(files.dir, { recursive: true, mode: 0o700 });
    saveConfig(files.config, { ...raw, capture: { ...raw.capture, mappings } });
    print(io, parsed.json, mappings, () => (flag(parsed, 'remove') ? `Unmapped ${dir}` : `Mapped ${dir} -> ${stringOption(parsed, 'client') ?? ''}`));
  },
};

export const mapCommands = [map];
