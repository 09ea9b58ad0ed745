import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startAgent, tempHome } from '../helpers/processes.js';

/** Deterministic generator, seed printed on failure so a run can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const hostileValues: unknown[] = [null, true, -1, 1e308, '', 'x'.repeat(70_000), '\u0000', '\ud800', [], {}, [[[[]]]], { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } }];
  const events = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'Stop', 'SessionEnd', 42, null, ''];
  const deep = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: deep(depth - 1) });
  return (): Buffer => {
    const kind = Math.floor(next() * 8);
    const base: Record<string, unknown> = { hook_event_name: pick(events), session_id: pick(['s1', '', 7, null, 'x'.repeat(500)]), cwd: pick(['/tmp', 5, null, '']) };
    switch (kind) {
      case 0: return Buffer.from(JSON.stringify({ ...base, tool_name: pick(hostileValues), tool_input: pick(hostileValues) }));
      case 1: return Buffer.from(JSON.stringify({ ...base, [pick(['prompt', 'error', 'tool_response', 'source', 'duration_ms'])]: pick(hostileValues) }));
      case 2: return Buffer.from(`{"hook_event_name":"PostToolUse","session_id":"s","__proto__":{"polluted":true},"tool_name":"Bash"}`);
      case 3: return Buffer.from(JSON.stringify(deep(Math.floor(next() * 3000))));
      case 4: return Buffer.concat([Buffer.from('{"hook_event_name":"UserPromptSubmit","session_id":"s","prompt":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]);
      case 5: return Buffer.from(JSON.stringify(base).slice(0, Math.floor(next() * 40)));
      case 6: return Buffer.from(pick(['[]', 'null', '"text"', '1', '{}', '{"constructor":{"prototype":{"x":1}}}']));
      default: return Buffer.from(JSON.stringify({ ...base, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: pick(hostileValues) }, tool_response: pick(hostileValues) }));
    }
  };
}

describe('hook endpoint fuzz', () => {
  it('answers 5,000 malformed or hostile payloads without a 5xx, a crash or a half-written row', async (t) => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100_000);
    const home = tempHome(t);
    const agent = await startAgent(home);
    t.after(() => agent.stop());
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 4 });
    t.after(() => { keepAlive.destroy(); });
    const next = generator(seed);
    const statuses = new Map<number, number>();
    const post = (body: Buffer) => new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: agent.port, method: 'POST', path: '/v1/hooks', agent: keepAlive, headers: { host: `127.0.0.1:${agent.port}`, authorization: `Bearer ${agent.token}`, 'content-type': 'application/json', 'content-length': body.length } }, (response) => {
        response.resume();
        response.on('end', () => { resolve(response.statusCode ?? 0); });
      });
      request.on('error', reject);
      request.end(body);
    });
    for (let i = 0; i < 5000; i += 25) {
      const batch = await Promise.all(Array.from({ length: 25 }, () => post(next())));
      for (const status of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const summary = JSON.stringify(Object.fromEntries(statuses));
    for (const status of statuses.keys()) assert.ok(status < 500 && status >= 200, `seed ${seed}: status ${status} in ${summary}`);
    assert.ok((statuses.get(400) ?? 0) > 2500, `seed ${seed}: most hostile payloads are refused with 400: ${summary}`);
    assert.equal(agent.child.exitCode, null, 'the agent is still running');
    assert.equal((await fetch(`${agent.base}/v1/status`, { headers: { authorization: `Bearer ${agent.token}` } })).status, 200);
    const db = new Database(path.join(home, 'msp.db'), { readonly: true });
    t.after(() => { db.close(); });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const stored = (db.prepare('SELECT count(*) AS n FROM hook_receipts').get() as { n: number }).n;
    const accepted = [...statuses].filter(([status]) => status === 200 || status === 204).reduce((total, [, count]) => total + count, 0);
    assert.ok(stored <= accepted, `seed ${seed}: ${stored} receipts for ${accepted} accepted payloads: a refused payload left a row`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution in the test process either');
  });
});
