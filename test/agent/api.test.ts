import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startAgent, type RunningAgent } from '../helpers/processes.js';

interface Reply { status: number; body: Record<string, unknown> }

/** Raw HTTP so the test controls every header, Host included (fetch would not let it). */
function request(agent: RunningAgent, method: string, route: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: agent.port, method, path: route,
      headers: { host: `127.0.0.1:${agent.port}`, authorization: `Bearer ${agent.token}`, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }); });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('agent API', () => {
  let agent: RunningAgent;
  let home: string;
  before(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'msp-api-'));
    agent = await startAgent(home);
  });
  after(async () => {
    await agent.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('keeps its token in a file only its owner can read', () => {
    assert.equal(statSync(path.join(home, 'agent.token')).mode & 0o777, 0o600);
    assert.ok(agent.token.length >= 32);
  });

  it('runs the CLI actions: start, status, pause, end, sessions, clients, tasks, machine', async () => {
    const started = await request(agent, 'POST', '/v1/sessions/start', { body: JSON.stringify({ mode: 'msp', client: 'Dataforth' }) });
    assert.equal(started.status, 201);
    assert.equal((await request(agent, 'GET', '/v1/status')).body.session !== null, true);
    assert.equal((await request(agent, 'POST', '/v1/sessions/pause')).body.state, 'paused');
    assert.equal((await request(agent, 'POST', '/v1/sessions/resume')).body.state, 'active');
    const ended = await request(agent, 'POST', '/v1/sessions/end', { body: JSON.stringify({ summary: 'done' }) });
    assert.equal(ended.body.summary, 'done');
    const list = await request(agent, 'GET', '/v1/sessions?client=dataforth');
    assert.equal((list.body as unknown as unknown[]).length, 1);
    assert.equal((await request(agent, 'POST', '/v1/tasks', { body: JSON.stringify({ title: 'Check backups', client: 'Dataforth' }) })).status, 201);
    assert.equal(((await request(agent, 'GET', '/v1/clients')).body as unknown as { openTasks: number }[])[0]?.openTasks, 1);
    const machine = await request(agent, 'GET', '/v1/machine');
    assert.match((machine.body.identity as { fingerprint: string }).fingerprint, /^[0-9a-f]{64}$/);
  });

  it('rejects a bad body with 400 naming the field', async () => {
    const reply = await request(agent, 'POST', '/v1/sessions/start', { body: JSON.stringify({ mode: 'party' }) });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.field, 'mode');
    assert.match(String(reply.body.error), /body field mode/);
    const unknown = await request(agent, 'POST', '/v1/tasks', { body: JSON.stringify({ title: 'x', colour: 'red' }) });
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.error), /colour/);
    const broken = await request(agent, 'POST', '/v1/tasks', { body: '{"title": ' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error, 'the body is not valid JSON');
  });

  it('answers 401 without the right token', async () => {
    assert.equal((await request(agent, 'GET', '/v1/status', { headers: { authorization: '' } })).status, 401);
    assert.equal((await request(agent, 'GET', '/v1/status', { headers: { authorization: `Bearer ${agent.token.slice(0, -1)}x` } })).status, 401);
    assert.equal((await request(agent, 'GET', '/v1/nowhere', { headers: { authorization: '' } })).status, 401, 'unknown routes need the token too');
  });

  it('answers 403 to a foreign Host (DNS rebinding) and a foreign Origin (CSRF), even with the token', async () => {
    assert.equal((await request(agent, 'GET', '/v1/status', { headers: { host: `evil.example:${agent.port}` } })).status, 403);
    assert.equal((await request(agent, 'GET', '/v1/status', { headers: { host: '127.0.0.1:1' } })).status, 403);
    assert.equal((await request(agent, 'GET', '/v1/status', { headers: { origin: 'https://evil.example' } })).status, 403);
    assert.equal((await request(agent, 'GET', '/v1/status', { headers: { host: `localhost:${agent.port}`, origin: `http://localhost:${agent.port}` } })).status, 200);
  });

  it('answers 413 to a body over the cap', async () => {
    const reply = await request(agent, 'POST', '/v1/tasks', { body: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }) });
    assert.equal(reply.status, 413);
    assert.equal(reply.body.code, 'too_large');
  });
});
