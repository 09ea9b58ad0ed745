import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { HybridClock, formatHlc, parseHlc } from '../../src-main/core/hlc.js';

describe('hybrid logical clock', () => {
  it('orders local changes even when the wall clock stands still or steps back', () => {
    const clock = manualClock(1_000_000);
    const hlc = new HybridClock(clock, 'origin-a');
    const a = hlc.tick();
    const b = hlc.tick();
    clock.set(999_000);
    const c = hlc.tick();
    assert.ok(a < b && b < c, `${a} < ${b} < ${c}`);
  });

  it('sorts after a remote timestamp it has received, even one from a clock ahead', () => {
    const clock = manualClock(1_000);
    const local = new HybridClock(clock, 'a');
    const remote = formatHlc({ millis: 5_000, counter: 7, origin: 'b' });
    local.receive(remote);
    const next = local.tick();
    assert.ok(next > remote);
    assert.equal(parseHlc(next).millis, 5_000);
  });

  it('breaks ties between origins deterministically by origin id', () => {
    const a = formatHlc({ millis: 10, counter: 0, origin: 'aaa' });
    const b = formatHlc({ millis: 10, counter: 0, origin: 'bbb' });
    assert.ok(a < b);
    assert.throws(() => parseHlc('garbage'), /not a hybrid logical clock/);
  });
});
