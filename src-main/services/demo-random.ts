/**
 * The demo generator's only source of randomness: mulberry32, a tiny 32-bit PRNG that is fast and
 * good enough for synthetic data. The same seed gives the same history, ids included.
 */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('demo data: picked from an empty list');
    return item;
  }

  /** Picks by weight; `weights` and `items` run in parallel. */
  weighted<T>(items: readonly T[], weights: readonly number[], total: number): T {
    let left = this.next() * total;
    for (let index = 0; index < items.length; index++) {
      left -= weights[index] ?? 0;
      if (left < 0) return items[index] ?? this.pick(items);
    }
    return this.pick(items);
  }

  /**
   * A UUIDv7-shaped id whose 48-bit head is `ms`, so ids sort by the simulated time the row is
   * about; the random bits come from the seeded stream, not the OS.
   */
  idAt(ms: number): string {
    const head = ms.toString(16).padStart(12, '0');
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    return `${head.slice(0, 8)}-${head.slice(8, 12)}-7${hex(a >>> 20, 3)}-${VARIANT[a & 3] ?? '8'}${hex((a >>> 4) & 0xfff, 3)}-${hex(b, 8)}${hex(c >>> 16, 4)}`;
  }

  /** A random version-4-shaped GUID, for values that are not row ids (tenant ids). */
  guid(): string {
    const text = `${hex(this.uint32(), 8)}${hex(this.uint32(), 8)}${hex(this.uint32(), 8)}${hex(this.uint32(), 8)}`;
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-${VARIANT[this.uint32() & 3] ?? '8'}${text.slice(17, 20)}-${text.slice(20, 32)}`;
  }
}

const VARIANT = ['8', '9', 'a', 'b'];

function hex(value: number, width: number): string {
  return (value >>> 0).toString(16).padStart(width, '0').slice(-width);
}
