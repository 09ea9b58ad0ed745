import type { Clock } from './clock.js';

/**
 * Hybrid logical clock (Kulkarni et al.), serialised so that string order is causal order:
 * 13-digit wall milliseconds, 5-digit counter, origin id. Ties between origins break on the
 * origin id, which makes last-writer-wins deterministic on every replica.
 */
export interface HlcTimestamp {
  millis: number;
  counter: number;
  origin: string;
}

const MAX_COUNTER = 99_999;

export function formatHlc(t: HlcTimestamp): string {
  return `${String(t.millis).padStart(13, '0')}-${String(t.counter).padStart(5, '0')}-${t.origin}`;
}

export function parseHlc(text: string): HlcTimestamp {
  const match = /^(\d{13})-(\d{5})-(.+)$/.exec(text);
  if (!match) throw new Error(`not a hybrid logical clock value: ${JSON.stringify(text)}`);
  return { millis: Number(match[1]), counter: Number(match[2]), origin: match[3] ?? '' };
}

export class HybridClock {
  private last: HlcTimestamp;
  // tick() is on the hook path: the text of the current millisecond is kept, not re-formatted.
  private millisText = '';
  private millisTextOf = -1;

  constructor(private readonly clock: Clock, readonly origin: string, lastSeen?: string) {
    this.last = lastSeen ? { ...parseHlc(lastSeen), origin } : { millis: 0, counter: 0, origin };
  }

  /** Timestamp for a local change. */
  tick(): string {
    const wall = this.clock.now();
    if (wall > this.last.millis) {
      this.last = { millis: wall, counter: 0, origin: this.origin };
    } else {
      this.bumpCounter();
    }
    return this.format();
  }

  /** The last timestamp given or received (to persist it: a new process must not go back in time). */
  latest(): string {
    return this.format();
  }

  private format(): string {
    if (this.millisTextOf !== this.last.millis) {
      this.millisText = String(this.last.millis).padStart(13, '0');
      this.millisTextOf = this.last.millis;
    }
    const counter = this.last.counter;
    const counterText = counter < 10 ? `0000${counter}` : counter < 100 ? `000${counter}` : String(counter).padStart(5, '0');
    return `${this.millisText}-${counterText}-${this.origin}`;
  }

  /** Merge a remote timestamp so later local changes sort after it. */
  receive(remote: string): void {
    const theirs = parseHlc(remote);
    const wall = this.clock.now();
    const millis = Math.max(wall, this.last.millis, theirs.millis);
    let counter = 0;
    if (millis === this.last.millis && millis === theirs.millis) counter = Math.max(this.last.counter, theirs.counter) + 1;
    else if (millis === this.last.millis) counter = this.last.counter + 1;
    else if (millis === theirs.millis) counter = theirs.counter + 1;
    this.last = { millis, counter, origin: this.origin };
    if (counter > MAX_COUNTER) this.bumpCounter();
  }

  private bumpCounter(): void {
    if (this.last.counter >= MAX_COUNTER) {
      this.last = { millis: this.last.millis + 1, counter: 0, origin: this.origin };
    } else {
      this.last = { ...this.last, counter: this.last.counter + 1 };
    }
  }
}
