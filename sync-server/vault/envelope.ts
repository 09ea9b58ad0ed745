/**
 * Envelope encryption of one secret version, pure node:crypto:
 * - a random 256-bit data key per version encrypts the secret with AES-256-GCM (96-bit random
 *   nonce; AAD binds credential id, version and client id, so a ciphertext moved to another
 *   row, version or client fails to open);
 * - the data key is itself encrypted ("wrapped") with AES-256-GCM under a key-encryption key
 *   (its own nonce; AAD binds credential id, version and the KEK's id).
 * Re-wrapping under a newer KEK touches only the wrap, never the ciphertext.
 * Every failure is a ServerError whose message names the credential and what to do; no
 * message ever holds a secret, a data key or a KEK.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ServerError } from '../errors.js';
import type { KeyEncryptionKey } from '../keys.js';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a secret is bound to: the same values must be given to open it. */
export interface SecretBinding {
  credentialId: string;
  version: number;
  clientId: string | null;
}

export interface DataKeyWrap {
  kekId: string;
  wrappedKey: Buffer;
  wrapNonce: Buffer;
  wrapTag: Buffer;
}

export interface SealedSecret extends DataKeyWrap {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export type FindKek = (kid: string) => KeyEncryptionKey | undefined;

// JSON arrays: unambiguous however the parts look, and versioned by their first element.
const secretAad = (binding: SecretBinding) => Buffer.from(JSON.stringify(['msp-vault-secret-v1', binding.credentialId, binding.version, binding.clientId]), 'utf8');
const wrapAad = (binding: SecretBinding, kekId: string) => Buffer.from(JSON.stringify(['msp-vault-data-key-v1', binding.credentialId, binding.version, kekId]), 'utf8');

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): { nonce: Buffer; ciphertext: Buffer; tag: Buffer } {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** The plaintext, or undefined when GCM refuses it (any bit of key, nonce, AAD, ciphertext or tag changed). */
function decrypt(key: Buffer, nonce: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer | undefined {
  // A short tag or nonce would weaken GCM's check: only the exact sizes are accepted.
  if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return undefined;
  }
}

const integrityError = (credentialId: string, part: string) =>
  new ServerError('unavailable', `the stored secret of credential ${credentialId} failed its integrity check (${part}: altered or corrupted in the database); store it again from a machine that holds it`);

export const unknownKekError = (credentialId: string, kekId: string) =>
  new ServerError('unavailable', `the secret of credential ${credentialId} is wrapped by key-encryption key "${kekId}", which is not configured on this server: the KEK must be configured (MSP_SERVER_KEYS_FILE or MSP_SERVER_KEKS, see msp-server keys list) to read it`);

function wrap(dataKey: Buffer, binding: SecretBinding, kek: KeyEncryptionKey): DataKeyWrap {
  const wrapped = encrypt(kek.key, dataKey, wrapAad(binding, kek.kid));
  return { kekId: kek.kid, wrappedKey: wrapped.ciphertext, wrapNonce: wrapped.nonce, wrapTag: wrapped.tag };
}

/** The data key of a sealed secret; the caller zeroes it when done. */
function unwrap(sealed: DataKeyWrap, binding: SecretBinding, findKek: FindKek): Buffer {
  const kek = findKek(sealed.kekId);
  if (kek === undefined) throw unknownKekError(binding.credentialId, sealed.kekId);
  const dataKey = decrypt(kek.key, sealed.wrapNonce, sealed.wrappedKey, sealed.wrapTag, wrapAad(binding, sealed.kekId));
  if (dataKey?.length !== KEY_BYTES) throw integrityError(binding.credentialId, 'wrapped data key');
  return dataKey;
}

/** Encrypts a secret under a fresh data key wrapped by `kek` (the newest KEK). */
export function sealSecret(secret: string, binding: SecretBinding, kek: KeyEncryptionKey): SealedSecret {
  const dataKey = randomBytes(KEY_BYTES);
  const plaintext = Buffer.from(secret, 'utf8');
  try {
    return { ...encrypt(dataKey, plaintext, secretAad(binding)), ...wrap(dataKey, binding, kek) };
  } finally {
    dataKey.fill(0);
    plaintext.fill(0);
  }
}

/** The secret, after both GCM checks pass. */
export function openSecret(sealed: SealedSecret, binding: SecretBinding, findKek: FindKek): string {
  const dataKey = unwrap(sealed, binding, findKek);
  try {
    const plaintext = decrypt(dataKey, sealed.nonce, sealed.ciphertext, sealed.tag, secretAad(binding));
    if (plaintext === undefined) throw integrityError(binding.credentialId, 'ciphertext');
    const secret = plaintext.toString('utf8');
    plaintext.fill(0);
    return secret;
  } finally {
    dataKey.fill(0);
  }
}

/** The same data key wrapped under `to`; the ciphertext is left as it is. */
export function rewrapDataKey(sealed: DataKeyWrap, binding: SecretBinding, findKek: FindKek, to: KeyEncryptionKey): DataKeyWrap {
  const dataKey = unwrap(sealed, binding, findKek);
  try {
    return wrap(dataKey, binding, to);
  } finally {
    dataKey.fill(0);
  }
}
