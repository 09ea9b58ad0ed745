import { createRequire } from 'node:module';
import { MspError } from '../core/errors.js';

/**
 * Where secret values live on a technician machine: the OS keychain (macOS Keychain, Windows
 * Credential Manager, Linux Secret Service). Nothing else in MSP Mode ever holds a secret value.
 */
export interface Keychain {
  get(account: string): string | null;
  set(account: string, secret: string): void;
  /** True when there was something to delete. */
  delete(account: string): boolean;
}

export const KEYCHAIN_SERVICE = 'MSP Mode';

const HOW_TO_ENABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'on Linux MSP Mode needs a Secret Service: in a desktop session GNOME Keyring or KWallet provides it; on a server, apt-get install -y gnome-keyring dbus-x11 and run msp inside `dbus-run-session` with `gnome-keyring-daemon --unlock` (see the README)',
  darwin: 'on macOS the login keychain must be unlocked (Keychain Access)',
  win32: 'on Windows the Credential Manager service (VaultSvc) must be running',
};

interface EntryClass {
  new (service: string, account: string): { getPassword(): string | null | undefined; setPassword(secret: string): void; deletePassword(): boolean };
}

/** No keychain → a clear error on how to get one; never a silent plaintext fallback. */
function unavailable(cause: unknown): MspError {
  const why = (cause as Error).message.split('\n')[0]?.slice(0, 200) ?? 'unknown';
  return new MspError('unavailable', `no OS keychain is available (${why}): ${HOW_TO_ENABLE[process.platform] ?? 'this platform has no supported keychain'}`);
}

/**
 * The OS keychain through @napi-rs/keyring (prebuilt binaries; keytar is archived upstream).
 * MSP_KEYCHAIN_SERVICE names another service (two installations for one user, and tests that
 * play two machines on one keyring).
 */
export function osKeychain(service = process.env.MSP_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE): Keychain {
  let Entry: EntryClass;
  try {
    // require, not import: the shipped bundles run without a dynamic-import loader.
    ({ Entry } = createRequire(import.meta.url)('@napi-rs/keyring') as { Entry: EntryClass });
  } catch (error) {
    throw unavailable(error);
  }
  const entry = (account: string) => new Entry(service, account);
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    get: (account) => guarded(() => entry(account).getPassword() ?? null),
    set: (account, secret) => { guarded(() => { entry(account).setPassword(secret); }); },
    delete: (account) => guarded(() => entry(account).deletePassword()),
  };
}

/** Proves the keychain works (write, read back, delete a probe): fails with how to enable one. */
export function checkKeychain(keychain: Keychain): void {
  const probe = `probe-${process.pid}-${Date.now()}`;
  keychain.set(probe, 'probe');
  const back = keychain.get(probe);
  keychain.delete(probe);
  if (back !== 'probe') throw unavailable(new Error('the keychain did not return what was stored'));
}
