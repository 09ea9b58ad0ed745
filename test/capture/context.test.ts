import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { sessionStartContext } from '../../src-main/services/capture/start-context.js';
import { naturalIds } from '../../src-main/core/ids.js';
import { generateDemo } from '../../src-main/services/demo/generate.js';
import { tempHome } from '../helpers/processes.js';

describe('session-start context', () => {
  it('gives one client\'s recent sessions, open tasks and environment notes in at most 300 words, nothing of other clients', (t) => {
    const context = openServiceContext({ env: { MSP_HOME: tempHome(t) } });
    t.after(() => { context.close(); });
    generateDemo(context.store, { years: 1, seed: 11, now: Date.UTC(2026, 10, 25, 12), machineId: context.machineId, technician: 'tester' });
    const clientId = naturalIds.client('Acme Dental Group');
    const text = sessionStartContext(context, { clientId, mspSessionId: null, billable: true });
    assert.ok(text.split(/\s+/).length <= 300, `${text.split(/\s+/).length} words`);
    assert.match(text, /client Acme Dental Group/);
    const last = context.store.sqlite.prepare('SELECT summary FROM sessions WHERE client_id = ? ORDER BY started_at DESC LIMIT 1').get(clientId) as { summary: string };
    assert.ok(text.includes(last.summary.slice(0, 40)), 'the latest session is there');
    const hosts = context.store.sqlite.prepare('SELECT name FROM infrastructure WHERE client_id <> ?').all(clientId) as { name: string }[];
    for (const { name } of hosts) assert.ok(!text.includes(name), `another client's device ${name} leaked into the context`);
    assert.doesNotMatch(text, /\b(you should|please|always|never)\b/i, 'facts, not instructions');
  });
});
