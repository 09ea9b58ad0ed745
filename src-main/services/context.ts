import type { MspConfig } from '../../src-shared/config.js';
import type { Store } from '../store/store.js';

/** What every service needs: the store, this machine's row and who is working. */
export interface ServiceContext {
  store: Store;
  config: MspConfig;
  machineId: string;
  machineName: string;
  technician: string;
}

export const idleLimitMs = (context: ServiceContext) => context.config.sessions.idleMinutes * 60_000;
