import os from 'node:os';
import path from 'node:path';

/**
 * The data directory: MSP_HOME when set, else the OS-standard place for application data
 * (%APPDATA%\MSP Mode, ~/Library/Application Support/MSP Mode, $XDG_DATA_HOME/msp-mode).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const override = env.MSP_HOME?.trim();
  if (override) return path.resolve(override);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'MSP Mode');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'MSP Mode');
  return path.join(env.XDG_DATA_HOME?.trim() || path.join(home, '.local', 'share'), 'msp-mode');
}

/** Every file MSP Mode keeps in its data directory. */
export function dataFiles(dir: string) {
  return {
    dir,
    database: path.join(dir, 'msp.db'),
    config: path.join(dir, 'config.json'),
    token: path.join(dir, 'agent.token'),
    agentLock: path.join(dir, 'agent.lock'),
    agentLog: path.join(dir, 'agent.log'),
    /** The sync server login (refresh and access tokens), 0600, until the vault brings the OS keychain. */
    syncLogin: path.join(dir, 'sync-login.json'),
  };
}
export type DataFiles = ReturnType<typeof dataFiles>;
