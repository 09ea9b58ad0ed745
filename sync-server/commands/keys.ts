/** `msp-server keys list`: which keys sign and verify, by id only; never a key. */
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { loadKeyring } from '../keys.js';

export function keysCommand(config: ServerConfig, clock: Clock, out: (line: string) => void, warn: (line: string) => void): void {
  const keyring = loadKeyring(config, { clock, create: false, warn });
  if (keyring === undefined) {
    out(`no keys configured and none generated yet: msp-server makes evaluation keys in ${config.dataDir} on first start, or configure MSP_SERVER_KEYS_FILE`);
    return;
  }
  out(`keys from ${keyring.source.kind === 'inline' ? 'MSP_SERVER_SIGNING_KEYS / MSP_SERVER_KEKS' : `${keyring.source.kind === 'generated' ? 'generated file ' : ''}${keyring.source.file ?? ''}`}`);
  for (const kid of keyring.verifying.keys()) {
    out(`signing  ${kid}  ${kid === keyring.current.kid ? 'signs new tokens, verifies' : 'verifies only'}`);
  }
  keyring.keks.forEach((kek, index) => {
    out(`kek      ${kek.kid}  ${index === 0 ? 'wraps new secrets, unwraps' : 'unwraps only'}  created ${new Date(kek.createdAt).toISOString()}`);
  });
}
