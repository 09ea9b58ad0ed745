import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { MspConfig } from '../../src-shared/config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { uuidv7Source, type IdSource } from '../core/ids.js';
import { machineIdentity } from '../machine/fingerprint.js';
import { loadConfig } from '../store/config-file.js';
import { dataDir, dataFiles, type DataFiles } from '../store/paths.js';
import { Store } from '../store/store.js';
import type { ServiceContext } from './context.js';
import { ensureMachine } from './machines.js';

export interface OpenedContext extends ServiceContext {
  files: DataFiles;
  close(): void;
}

export interface BootstrapOptions {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  ids?: IdSource;
}

/** Reads the config (validated), opens the store, records this machine: what CLI and agent share. */
export function openServiceContext(options: BootstrapOptions = {}): OpenedContext {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const files = dataFiles(dataDir(env));
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const config: MspConfig = loadConfig(files.config);
  const store = Store.open({ file: files.database, clock, ids: options.ids ?? uuidv7Source(() => clock.now()) });
  try {
    const identity = machineIdentity();
    const machineId = ensureMachine(store, identity);
    return {
      store,
      config,
      files,
      machineId,
      machineName: identity.hostname,
      // Who did the work: as configured, else the sync server user this machine is logged in as, else the OS user.
      technician: config.technician ?? loggedInUser(files.syncLogin) ?? safeUsername(),
      close: () => { store.close(); },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

function safeUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The user of this machine's sync login, if any (the audit then names the same person the server knows). */
function loggedInUser(loginFile: string): string | undefined {
  try {
    const login = JSON.parse(readFileSync(loginFile, 'utf8')) as { user?: unknown };
    return typeof login.user === 'string' && login.user !== '' ? login.user : undefined;
  } catch {
    return undefined;
  }
}
