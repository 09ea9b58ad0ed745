import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { ingestHook } from '../../src-main/services/capture/ingest.js';
import { sessionStatus, startSession } from '../../src-main/services/sessions.js';
import { repoRoot, tempHome } from '../helpers/processes.js';

const MIN = 60_000;
const payload = JSON.parse(readFileSync(path.join(repoRoot, '..', 'shared', 'fixtures', 'claude-code', 'post-tool-use-bash.json'), 'utf8')) as Record<string, unknown>;

describe('hook events keep the session alive', () => {
  it('a tool call after a quiet hour leaves an unbilled idle gap; calls a minute apart do not', (t) => {
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    const context = openServiceContext({ env: { MSP_HOME: tempHome(t) }, clock });
    t.after(() => { context.close(); });
    startSession(context, { mode: 'msp', client: 'Acme' });
    for (let i = 1; i <= 10; i++) {
      clock.advance(2 * MIN);
      ingestHook(context, { ...payload, tool_use_id: `busy-${i}` });
    }
    assert.equal(sessionStatus(context)?.unbilledIdleMinutes, 0);
    assert.equal(sessionStatus(context)?.billableMinutes, 20);
    clock.advance(60 * MIN);
    ingestHook(context, { ...payload, tool_use_id: 'after-lunch' });
    const status = sessionStatus(context);
    assert.equal(status?.idleFlagged, true);
    assert.equal(status.unbilledIdleMinutes, 60);
    assert.equal(status.billableMinutes, 20);
  });
});
