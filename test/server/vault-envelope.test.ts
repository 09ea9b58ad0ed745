import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ServerError } from '../../sync-server/errors.js';
import type { KeyEncryptionKey } from '../../sync-server/keys.js';
import { openSecret, rewrapDataKey, sealSecret, type SealedSecret, type SecretBinding } from '../../sync-server/vault/envelope.js';

const kekA: KeyEncryptionKey = { kid: 'kek-a', createdAt: 1, key: randomBytes(32) };
const kekB: KeyEncryptionKey = { kid: 'kek-b', createdAt: 2, key: randomBytes(32) };
const find = (kid: string) => [kekA, kekB].find((kek) => kek.kid === kid);
const binding: SecretBinding = { credentialId: '0195a3a0-0000-7000-8000-000000000001', version: 3, clientId: '0195a3a0-0000-7000-8000-0000000000c1' };
const SECRET = 'Tr0ub4dor&3 — pässwörd 🔑';

const flipBit = (buffer: Buffer, index = 0) => {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
};

function assertIntegrityFailure(run: () => unknown, part: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ServerError, `expected a ServerError, got ${String(error)}`);
    assert.match(error.message, /failed its integrity check/);
    assert.ok(error.message.includes(part), error.message);
    assert.ok(!error.message.includes(SECRET));
    return true;
  });
}

describe('vault envelope (AES-256-GCM data key per version, wrapped by a KEK)', () => {
  it('a sealed secret opens to the same text, and holds neither the text nor the KEK', () => {
    const sealed = sealSecret(SECRET, binding, kekA);
    assert.equal(openSecret(sealed, binding, find), SECRET);
    assert.equal(sealed.kekId, 'kek-a');
    assert.equal(sealed.nonce.length, 12);
    assert.equal(sealed.wrapNonce.length, 12);
    assert.equal(sealed.tag.length, 16);
    assert.equal(sealed.wrapTag.length, 16);
    assert.equal(sealed.wrappedKey.length, 32);
    const stored = Buffer.concat([sealed.nonce, sealed.ciphertext, sealed.tag, sealed.wrappedKey, sealed.wrapNonce, sealed.wrapTag]);
    assert.equal(stored.indexOf(Buffer.from(SECRET)), -1);
    assert.equal(stored.indexOf(kekA.key), -1);
  });

  it('two seals of one secret share no nonce, data key or ciphertext', () => {
    const first = sealSecret(SECRET, binding, kekA);
    const second = sealSecret(SECRET, binding, kekA);
    assert.notDeepEqual(first.nonce, second.nonce);
    assert.notDeepEqual(first.wrappedKey, second.wrappedKey);
    assert.notDeepEqual(first.ciphertext, second.ciphertext);
  });

  it('tampering with ciphertext, nonce, tag, wrapped key, wrap nonce or wrap tag is detected', () => {
    const sealed = sealSecret(SECRET, binding, kekA);
    const tampered: [keyof SealedSecret, string][] = [
      ['ciphertext', 'ciphertext'], ['nonce', 'ciphertext'], ['tag', 'ciphertext'],
      ['wrappedKey', 'wrapped data key'], ['wrapNonce', 'wrapped data key'], ['wrapTag', 'wrapped data key'],
    ];
    for (const [field, part] of tampered) {
      const value = sealed[field];
      assert.ok(Buffer.isBuffer(value));
      assertIntegrityFailure(() => openSecret({ ...sealed, [field]: flipBit(value, 5) }, binding, find), part);
    }
    // A shortened tag would weaken GCM's check: refused outright.
    assertIntegrityFailure(() => openSecret({ ...sealed, tag: sealed.tag.subarray(0, 12) }, binding, find), 'ciphertext');
    assertIntegrityFailure(() => openSecret({ ...sealed, ciphertext: Buffer.concat([sealed.ciphertext, Buffer.from([0])]) }, binding, find), 'ciphertext');
  });

  it('the AAD binds credential id, version and client id: a changed one fails the check', () => {
    const sealed = sealSecret(SECRET, binding, kekA);
    assertIntegrityFailure(() => openSecret(sealed, { ...binding, credentialId: '0195a3a0-0000-7000-8000-000000000002' }, find), 'wrapped data key');
    assertIntegrityFailure(() => openSecret(sealed, { ...binding, version: 4 }, find), 'wrapped data key');
    assertIntegrityFailure(() => openSecret(sealed, { ...binding, clientId: null }, find), 'ciphertext');
  });

  it('a kek id swapped for another configured KEK is detected; an unknown one names the KEK to configure', () => {
    const sealed = sealSecret(SECRET, binding, kekA);
    assertIntegrityFailure(() => openSecret({ ...sealed, kekId: 'kek-b' }, binding, find), 'wrapped data key');
    assert.throws(() => openSecret({ ...sealed, kekId: 'kek-gone' }, binding, find), /key-encryption key "kek-gone", which is not configured on this server: the KEK must be configured/);
  });

  it('the wrong KEK under the right id fails the check instead of giving garbage', () => {
    const sealed = sealSecret(SECRET, binding, kekA);
    const impostor: KeyEncryptionKey = { ...kekA, key: randomBytes(32) };
    assertIntegrityFailure(() => openSecret(sealed, binding, () => impostor), 'wrapped data key');
  });

  it('re-wrapping moves the data key under another KEK and leaves the ciphertext as it was', () => {
    const sealed = sealSecret(SECRET, binding, kekA);
    const moved = { ...sealed, ...rewrapDataKey(sealed, binding, find, kekB) };
    assert.equal(moved.kekId, 'kek-b');
    assert.deepEqual(moved.ciphertext, sealed.ciphertext);
    assert.deepEqual(moved.nonce, sealed.nonce);
    assert.equal(openSecret(moved, binding, find), SECRET);
    assert.throws(() => openSecret(moved, binding, (kid) => (kid === 'kek-a' ? kekA : undefined)), /"kek-b", which is not configured/);
  });
});
