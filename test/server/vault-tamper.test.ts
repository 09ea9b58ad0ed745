import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { generateKeys, keyringOf, type Keyring } from '../../sync-server/keys.js';
import { vaultSecrets } from '../../sync-server/vault/tables.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { FakeClock, login, startInProcess, type InProcessServer } from './helpers.js';
import { CLIENT_A, CLIENT_B, newCredentialId, usersWithTokens, vaultClient, type VaultClient } from './vault-helpers.js';

const SECRET = 'tamper-canary-7c1e';

/** Two KEKs: the newest wraps, the older one is there to swap a kek id to. */
function twoKekKeyring(clock: FakeClock): Keyring {
  const newer = generateKeys(clock);
  const older = generateKeys(clock);
  const olderKek = older.keks[0];
  assert.ok(olderKek);
  return keyringOf({ signingKeys: newer.signingKeys, keks: [...newer.keks, { ...olderKek, kid: 'kek-older', createdAt: olderKek.createdAt - 1000 }] }, 'test', { kind: 'inline' });
}

const flip = (buffer: Buffer, index: number) => {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x80;
  return copy;
};

describe('a stored secret altered in MariaDB fails its integrity check, never answers garbage', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  let vault: VaultClient;
  let admin: string;
  const id = newCredentialId();
  type Row = typeof vaultSecrets.$inferSelect;
  let original: Row;

  const rowOf = async (credentialId: string) => {
    const [row] = await server.database.db.select().from(vaultSecrets).where(eq(vaultSecrets.credentialId, credentialId));
    assert.ok(row, `no row for ${credentialId}`);
    return row;
  };
  const restore = async () => {
    await server.database.db.delete(vaultSecrets);
    await server.database.db.insert(vaultSecrets).values(original);
    assert.equal((await vault.reveal(admin, id)).body.secret, SECRET, 'the restored row opens again');
  };

  before(async () => {
    database = await createTestDatabase();
    const clock = new FakeClock();
    server = await startInProcess(database.url, { clock, keyring: twoKekKeyring(clock) });
    vault = vaultClient(server.base);
    admin = (await usersWithTokens(server, ['admin'], ['admin'])).admin ?? '';
    assert.equal((await vault.store(admin, id, { clientId: CLIENT_A, secret: SECRET })).status, 200);
    original = await rowOf(id);
    assert.equal(original.kekId, server.keyring.keks[0]?.kid);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  const cases: [string, (row: Row) => Partial<Row>, RegExp][] = [
    ['ciphertext', (row) => ({ ciphertext: flip(row.ciphertext, 3) }), /failed its integrity check \(ciphertext/],
    ['nonce', (row) => ({ nonce: flip(row.nonce, 0) }), /failed its integrity check \(ciphertext/],
    ['tag', (row) => ({ tag: flip(row.tag, 15) }), /failed its integrity check \(ciphertext/],
    ['wrapped key', (row) => ({ wrappedKey: flip(row.wrappedKey, 31) }), /failed its integrity check \(wrapped data key/],
    ['wrap nonce', (row) => ({ wrapNonce: flip(row.wrapNonce, 11) }), /failed its integrity check \(wrapped data key/],
    ['wrap tag', (row) => ({ wrapTag: flip(row.wrapTag, 7) }), /failed its integrity check \(wrapped data key/],
    ['kek id swapped for another configured KEK', () => ({ kekId: 'kek-older' }), /failed its integrity check \(wrapped data key/],
    ['version (AAD)', (row) => ({ version: row.version + 1 }), /failed its integrity check \(wrapped data key/],
    ['client id (AAD)', () => ({ clientId: CLIENT_B }), /failed its integrity check \(ciphertext/],
    ['kek id of a KEK this server lacks', () => ({ kekId: 'kek-20250101-gone00' }), /wrapped by key-encryption key "kek-20250101-gone00", which is not configured on this server: the KEK must be configured/],
  ];
  for (const [field, change, expected] of cases) {
    it(`${field}: refused with a clear error, audited as an error`, async () => {
      await server.database.db.update(vaultSecrets).set(change(original)).where(eq(vaultSecrets.credentialId, id));
      const reply = await vault.reveal(admin, id);
      assert.equal(reply.status, 503, JSON.stringify(reply.body));
      assert.match(String(reply.body.error), expected);
      assert.ok(!JSON.stringify(reply.body).includes(SECRET));
      const [audit] = await database.query<{ action: string; outcome: string; reason: string }>('SELECT action, outcome, reason FROM vault_audit WHERE credential_id = ? ORDER BY seq DESC LIMIT 1', [id]);
      assert.equal(`${audit?.action} ${audit?.outcome}`, 'reveal error');
      assert.match(audit?.reason ?? '', expected);
      await restore();
    });
  }

  it('a row moved to another credential id fails the check (the id is bound into both AADs)', async () => {
    const other = newCredentialId();
    await server.database.db.update(vaultSecrets).set({ credentialId: other }).where(eq(vaultSecrets.credentialId, id));
    const reply = await vault.reveal(admin, other);
    assert.equal(reply.status, 503);
    assert.match(String(reply.body.error), new RegExp(`the stored secret of credential ${other} failed its integrity check`));
    await restore();
  });

  it('another server with the wrong KEK under the same id fails the check; one without the KEK names it', async () => {
    const kek = server.keyring.keks[0];
    assert.ok(kek);
    const clock = new FakeClock();
    const signing = generateKeys(clock).signingKeys;
    const wrongKey = keyringOf({ signingKeys: signing, keks: [{ kid: kek.kid, createdAt: kek.createdAt, key: randomBytes(32).toString('base64') }] }, 'test', { kind: 'inline' });
    const noKey = keyringOf({ signingKeys: signing, keks: [{ kid: 'kek-other', createdAt: kek.createdAt, key: randomBytes(32).toString('base64') }] }, 'test', { kind: 'inline' });
    for (const [keyring, expected] of [[wrongKey, /failed its integrity check \(wrapped data key/], [noKey, new RegExp(`"${kek.kid}", which is not configured on this server: the KEK must be configured`)]] as const) {
      const other = await startInProcess(database.url, { clock, keyring });
      try {
        const token = (await login(other.base, 'admin')).accessToken;
        const reply = await vaultClient(other.base).reveal(token, id);
        assert.equal(reply.status, 503);
        assert.match(String(reply.body.error), expected);
      } finally {
        await other.close();
      }
    }
    assert.equal((await vault.reveal(admin, id)).body.secret, SECRET);
  });
});
