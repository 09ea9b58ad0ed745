import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { mspBin, runMspJson, startAgent, tempHome } from '../helpers/processes.js';

async function post(base: string, token: string, route: string, body: unknown): Promise<Response> {
  return fetch(`${base}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('agent process', () => {
  it('refuses a second agent on the same data dir with a clear message', async (t) => {
    const home = tempHome(t);
    const first = await startAgent(home);
    t.after(() => first.stop());
    const second = spawnSync(process.execPath, [mspBin, 'agent', '--port', '0'], { env: { ...process.env, MSP_HOME: home }, encoding: 'utf8', timeout: 15_000 });
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`another agent \\(pid ${first.child.pid}\\) is already running for .* on http://127\\.0\\.0\\.1:${first.port}`));
  });

  it('says which port is taken and how to choose another', async (t) => {
    const first = await startAgent(tempHome(t));
    t.after(() => first.stop());
    const clash = spawnSync(process.execPath, [mspBin, 'agent', '--port', String(first.port)], { env: { ...process.env, MSP_HOME: tempHome(t) }, encoding: 'utf8', timeout: 15_000 });
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, new RegExp(`port ${first.port} is in use: choose another with --port N`));
  });

  it('shares one store with the CLI while it runs: each sees the other\'s writes at once', async (t) => {
    const home = tempHome(t);
    const agent = await startAgent(home);
    t.after(() => agent.stop());
    runMspJson(home, ['start', 'msp', '--client', 'Dataforth']);
    const status = await fetch(`${agent.base}/v1/status`, { headers: { authorization: `Bearer ${agent.token}` } });
    assert.equal(((await status.json()) as { session: { client: string } }).session.client, 'Dataforth');
    assert.equal((await post(agent.base, agent.token, '/v1/sessions/end', { summary: 'via the API' })).status, 200);
    assert.equal(runMspJson<{ active: boolean }>(home, ['status']).active, false);
    assert.match(runMspJson<{ summary: string }[]>(home, ['sessions'])[0]?.summary ?? '', /via the API/);
  });

  it('stops gracefully on SIGTERM: lock released, data kept, CLI sees it', async (t) => {
    const home = tempHome(t);
    const agent = await startAgent(home);
    assert.equal((await post(agent.base, agent.token, '/v1/sessions/start', { mode: 'msp', client: 'ACME' })).status, 201);
    assert.equal(await agent.stop('SIGTERM'), 0);
    assert.equal(existsSync(path.join(home, 'agent.lock')), false);
    assert.equal(runMspJson<{ client: string }>(home, ['status']).client, 'ACME');
  });

  it('loses no committed session when killed with -9 mid-write, and restarts on the same data', async (t) => {
    const home = tempHome(t);
    const agent = await startAgent(home);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const reply = await post(agent.base, agent.token, '/v1/sessions/start', { mode: 'msp', client: `Client ${i}` });
          if (reply.status === 201) acknowledged.push(((await reply.json()) as { session: { id: string } }).session.id);
        } catch {
          return; // the agent is gone
        }
      }
    })();
    // Kill it in the middle of the stream, once a good number of writes were acknowledged.
    for (let waited = 0; acknowledged.length < 20 && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    agent.child.kill('SIGKILL');
    await agent.stop();
    stop = true;
    await writer;
    assert.ok(acknowledged.length >= 20, `writes acknowledged before the kill: ${acknowledged.length}`);
    const db = new Database(path.join(home, 'msp.db'));
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const stored = new Set((db.prepare('SELECT id FROM sessions').all() as { id: string }[]).map((r) => r.id));
    db.close();
    for (const id of acknowledged) assert.ok(stored.has(id), `acknowledged session ${id} survived`);
    const restarted = await startAgent(home);
    t.after(() => restarted.stop());
    const status = await fetch(`${restarted.base}/v1/status`, { headers: { authorization: `Bearer ${restarted.token}` } });
    assert.equal(status.status, 200);
    const active = ((await status.json()) as { session: { id: string } | null }).session;
    assert.ok(active && stored.has(active.id), 'the restarted agent serves the last committed session');
  });
});
