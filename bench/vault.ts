// Credential vault benchmarks, each beside a baseline measured in the same run:
// - server decrypt throughput: the envelope open (unwrap the data key under the KEK, then decrypt
//   the secret) in a loop, beside a bare node:crypto AES-256-GCM decrypt of the same payloads;
// - reveal latency end to end over HTTP (in-process msp-server on a fresh MariaDB database:
//   token check, grant check, row read, open, audit row), beside a bare node:http round trip.
// Exported for bench/run.ts; also runs alone: node --import tsx bench/vault.ts
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import type { KeyEncryptionKey } from '../sync-server/keys.js';
import { openSecret, sealSecret, type SealedSecret, type SecretBinding } from '../sync-server/vault/envelope.js';
import { createTestDatabase } from '../test/helpers/mariadb.js';
import { call, GENEROUS_LIMITS, login, PASSWORD, startInProcess } from '../test/server/helpers.js';
import { median, percentile, row } from './stats.js';

const PAYLOADS = 2_000;
const DECRYPT_ROUNDS = 10;
const REVEALS = 500;

/** What technicians store: mostly short passwords and API keys, now and then a private key. */
function payloads(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i % 20 === 0 ? `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(1200).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----` : randomBytes(12 + (i % 24)).toString('base64')));
}

function decryptThroughput(): { envelope: number; bare: number; bytes: number } {
  const kek: KeyEncryptionKey = { kid: 'kek-bench', createdAt: 0, key: randomBytes(32) };
  const texts = payloads(PAYLOADS);
  const sealed: { secret: SealedSecret; binding: SecretBinding }[] = texts.map((text, version) => {
    const binding = { credentialId: randomUUID(), version: version + 1, clientId: randomUUID() };
    return { secret: sealSecret(text, binding, kek), binding };
  });
  // Baseline: the same plaintexts under one AES-256-GCM key, decrypted with node:crypto and nothing else.
  const bareKey = randomBytes(32);
  const bare = texts.map((text) => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', bareKey, nonce);
    const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return { nonce, ciphertext, tag: cipher.getAuthTag() };
  });
  const find = (kid: string) => (kid === kek.kid ? kek : undefined);
  let bytes = 0;
  for (const entry of sealed) bytes += openSecret(entry.secret, entry.binding, find).length;

  let started = process.hrtime.bigint();
  for (let round = 0; round < DECRYPT_ROUNDS; round++) {
    for (const entry of sealed) openSecret(entry.secret, entry.binding, find);
  }
  const envelopeRate = (PAYLOADS * DECRYPT_ROUNDS) / (Number(process.hrtime.bigint() - started) / 1e9);

  started = process.hrtime.bigint();
  for (let round = 0; round < DECRYPT_ROUNDS; round++) {
    for (const entry of bare) {
      const decipher = createDecipheriv('aes-256-gcm', bareKey, entry.nonce);
      decipher.setAuthTag(entry.tag);
      Buffer.concat([decipher.update(entry.ciphertext), decipher.final()]).toString('utf8');
    }
  }
  const bareRate = (PAYLOADS * DECRYPT_ROUNDS) / (Number(process.hrtime.bigint() - started) / 1e9);
  return { envelope: envelopeRate, bare: bareRate, bytes: bytes / PAYLOADS };
}

async function timed(runs: number, once: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await once();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

async function revealLatency(): Promise<{ reveal: number[]; bare: number[] }> {
  const database = await createTestDatabase();
  const server = await startInProcess(database.url, { limits: GENEROUS_LIMITS });
  const bareServer = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"secret":"x"}');
    });
  });
  try {
    await server.services.users.add('bench', PASSWORD, true);
    const token = (await login(server.base, 'bench')).accessToken;
    const ids: string[] = [];
    for (const text of payloads(100)) {
      const id = randomUUID();
      const stored = await call(server.base, 'PUT', `/v1/vault/secrets/${id}`, { token, body: { clientId: null, secret: text } });
      if (stored.status !== 200) throw new Error(`store answered ${stored.status}`);
      ids.push(id);
    }
    let next = 0;
    const reveal = async () => {
      const reply = await call(server.base, 'POST', `/v1/vault/secrets/${ids[next++ % ids.length] ?? ''}/reveal`, { token, body: { reason: 'bench' } });
      if (reply.status !== 200) throw new Error(`reveal answered ${reply.status}`);
    };
    await timed(50, reveal);
    const revealSamples = await timed(REVEALS, reveal);

    await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
    const address = bareServer.address();
    const bareBase = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const bare = async () => { await call(bareBase, 'POST', '/reveal', { token, body: { reason: 'bench' } }); };
    await timed(50, bare);
    return { reveal: revealSamples, bare: await timed(REVEALS, bare) };
  } finally {
    bareServer.close();
    await server.close();
    await database.drop();
  }
}

export async function vaultBenchmarks(print: (line: string) => void = console.log): Promise<void> {
  const decrypt = decryptThroughput();
  print(row(`vault decrypt (envelope open), ${decrypt.bytes.toFixed(0)} B avg`, `${Math.round(decrypt.envelope)}/s`, `${Math.round(decrypt.bare)}/s`,
    `bare AES-256-GCM decrypt of the same payloads; ${((100 * decrypt.envelope) / decrypt.bare).toFixed(0)}% (two GCM opens: data key, then secret)`));
  const latency = await revealLatency();
  print(row('vault reveal over HTTP, p50 / p95', `${median(latency.reveal).toFixed(2)} / ${percentile(latency.reveal, 95).toFixed(2)} ms`,
    `${median(latency.bare).toFixed(2)} / ${percentile(latency.bare, 95).toFixed(2)} ms`, 'bare node:http POST; reveal = token, grant, row, open, audit row'));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  vaultBenchmarks().catch((error: unknown) => {
    console.error(`vault bench failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
