import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { runServerCli, spawnServer, type ServerProcess } from './helpers.js';

function get(url: string, ca: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca, headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      response.on('end', () => { resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }); });
    });
    request.on('error', reject);
  });
}

describe('HTTPS with a certificate given to the server', () => {
  let database: TestDatabase;
  let dir: string;
  let server: ServerProcess;
  let cert: Buffer;
  before(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'msp-server-tls-'));
    execFileSync('/usr/bin/openssl', ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    cert = readFileSync(path.join(dir, 'cert.pem'));
    server = await spawnServer({ MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: dir, MSP_SERVER_TLS_CERT: path.join(dir, 'cert.pem'), MSP_SERVER_TLS_KEY: path.join(dir, 'key.pem') });
  });
  after(async () => {
    await server.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says "ready on https://…" and serves over TLS with that certificate', async () => {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const reply = await get(`${server.url}/v1/openapi.json`, cert);
    assert.equal(reply.status, 200);
    const whoami = await get(`${server.url}/v1/whoami`, cert);
    assert.equal(whoami.status, 401);
  });

  it('refuses to start when the key does not belong to the certificate, naming the setting', () => {
    execFileSync('/usr/bin/openssl', ['genpkey', '-algorithm', 'ed25519', '-out', path.join(dir, 'other.pem')], { stdio: 'ignore' });
    const run = runServerCli(['serve'], { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: dir, MSP_SERVER_PORT: '0', MSP_SERVER_TLS_CERT: path.join(dir, 'cert.pem'), MSP_SERVER_TLS_KEY: path.join(dir, 'other.pem') });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^msp-server: MSP_SERVER_TLS_KEY: the certificate and key cannot be used together/m);
  });
});
