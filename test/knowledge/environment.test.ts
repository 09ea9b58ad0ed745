import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { naturalIds } from '../../src-main/core/ids.js';
import { generateDemo } from '../../src-main/services/demo/generate.js';
import { environmentWarnings } from '../../src-main/services/knowledge/environment.js';
import { runMsp, tempHome } from '../helpers/processes.js';

describe('msp env', () => {
  it("names a client's device constraints, learned insights and known failures with what works, in at most 150 words", (t) => {
    const home = tempHome(t);
    const context = openServiceContext({ env: { MSP_HOME: home } });
    t.after(() => { context.close(); });
    generateDemo(context.store, { years: 1, seed: 11, now: Date.UTC(2026, 10, 25, 12), machineId: context.machineId, technician: 'tester' });
    const clientId = naturalIds.client('Acme Dental Group');
    const text = environmentWarnings(context, { clientId });
    assert.ok(text.split(/\s+/).length <= 150, `${text.split(/\s+/).length} words`);
    const noted = context.store.sqlite.prepare('SELECT name FROM infrastructure WHERE client_id = ? AND environmental_notes IS NOT NULL ORDER BY name LIMIT 1').get(clientId) as { name: string };
    assert.ok(text.includes(noted.name), text);
    assert.match(text, /^Fails: `[^`]+` \([a-z ]+ ×\d+\)/m);
    const others = context.store.sqlite.prepare('SELECT name FROM infrastructure WHERE client_id <> ?').all(clientId) as { name: string }[];
    for (const { name } of others) assert.ok(!new RegExp(`\\b${name}\\b`).test(text), `another client's ${name} leaked`);
    const device = context.store.sqlite.prepare("SELECT i.name FROM failure_patterns f JOIN infrastructure i ON i.id = f.infrastructure_id WHERE i.client_id = ? AND f.working_alternative IS NOT NULL LIMIT 1").get(clientId) as { name: string };
    const one = environmentWarnings(context, { clientId, infra: device.name.toLowerCase() });
    assert.match(one, new RegExp(`^${device.name} `));
    assert.match(one, /; works: `/);
    assert.throws(() => environmentWarnings(context, { infra: 'NO-SUCH-01' }), /no device named "NO-SUCH-01"/);
  });

  it('is one line of facts on an empty history, and a clear error for an unknown client', (t) => {
    const home = tempHome(t);
    const empty = runMsp(home, ['env']);
    assert.equal(empty.status, 0, empty.stderr);
    assert.match(empty.stdout, /^(No environment constraints are recorded\.|This machine: .+)\n$/);
    const unknown = runMsp(home, ['env', '--client', 'Nobody']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no client named "Nobody"/);
  });
});
