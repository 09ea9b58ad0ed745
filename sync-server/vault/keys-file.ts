/**
 * Adding and retiring a KEK in the keys file msp-server generated (evaluation setups). Keys the
 * admin configured are the admin's to change: the commands explain what to do instead. The file
 * is replaced atomically (a 0600 temp file renamed over it), so a server re-reading it meanwhile
 * sees the old keys or the new ones, never half a file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Clock } from '../clock.js';
import { ServerError } from '../errors.js';
import { kidOf, readKeysFile } from '../keys.js';

const SETTING = 'MSP_SERVER_DATA_DIR';

function replaceFile(file: string, content: unknown): void {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(partial, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    throw new ServerError('unavailable', `cannot rewrite ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): make it and its directory writable by this user`);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Adds a new random KEK, newer than every other (whatever this machine's clock says), and returns its id. */
export function addKekToGeneratedFile(file: string, clock: Clock): string {
  const keys = readKeysFile(file, SETTING);
  const createdAt = Math.max(clock.now(), ...keys.keks.map((kek) => kek.createdAt + 1));
  const kid = kidOf('kek', createdAt);
  replaceFile(file, { ...keys, keks: [{ kid, createdAt, key: randomBytes(32).toString('base64') }, ...keys.keks] });
  // Read back: the file must hold the key before any data key is wrapped under it.
  if (!readKeysFile(file, SETTING).keks.some((kek) => kek.kid === kid)) throw new ServerError('conflict', `${file} changed while the new KEK was added: run msp-server keys rotate again`);
  return kid;
}

export function removeKekFromGeneratedFile(file: string, kid: string): void {
  const keys = readKeysFile(file, SETTING);
  replaceFile(file, { ...keys, keks: keys.keks.filter((kek) => kek.kid !== kid) });
}
