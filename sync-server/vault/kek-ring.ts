/**
 * The key-encryption keys a running server knows. Keys from a file (the admin's keys file or the
 * generated one) are re-read when the file changes, so `msp-server keys rotate` (another process)
 * takes effect without a restart: the server wraps new secrets under the new KEK from its next
 * store on, and unwraps secrets already re-wrapped under it. Inline keys (MSP_SERVER_KEKS) can
 * only change with a restart.
 */
import { statSync } from 'node:fs';
import { keyringOf, readKeysFile, type KeyEncryptionKey, type Keyring } from '../keys.js';

export class KekRing {
  private keks: readonly KeyEncryptionKey[];
  /** mtime, size and inode of the keys file when it was last read. */
  private fileStamp: string | undefined;

  constructor(private readonly keyring: Keyring) {
    this.keks = keyring.keks;
    this.fileStamp = this.stamp();
  }

  /** The KEK that wraps new data keys: the newest, after a look at the keys file. */
  newest(): KeyEncryptionKey {
    if (this.stamp() !== this.fileStamp) this.reload();
    const [newest] = this.keks;
    if (newest === undefined) throw new Error('the keyring holds no key-encryption key');
    return newest;
  }

  /** The KEK with this id; the keys file is read again before saying there is none. */
  find(kid: string): KeyEncryptionKey | undefined {
    const known = this.keks.find((kek) => kek.kid === kid);
    if (known !== undefined || this.keyring.source.file === undefined) return known;
    this.reload();
    return this.keks.find((kek) => kek.kid === kid);
  }

  /** Ids, newest first. */
  ids(): string[] {
    return this.keks.map((kek) => kek.kid);
  }

  private stamp(): string | undefined {
    const file = this.keyring.source.file;
    if (file === undefined) return undefined;
    try {
      const stat = statSync(file);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return undefined;
    }
  }

  /**
   * Reads the keys file again. A file that cannot be used right now (an admin halfway through an
   * edit) leaves the known keys in place; `msp-server keys list` names the problem.
   */
  reload(): void {
    const file = this.keyring.source.file;
    if (file === undefined) return;
    const setting = this.keyring.source.kind === 'file' ? 'MSP_SERVER_KEYS_FILE' : 'MSP_SERVER_DATA_DIR';
    const stamp = this.stamp();
    try {
      this.keks = keyringOf(readKeysFile(file, setting), setting, this.keyring.source).keks;
      this.fileStamp = stamp;
    } catch {
      this.fileStamp = stamp;
    }
  }
}
