/** Seeded PRNG (mulberry32): the same seed gives the same demo history on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private hex(digits: number): string {
    let text = '';
    while (text.length < digits) text += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return text.slice(0, digits);
  }

  /** A UUIDv7-shaped id for a row made at `ms`: demo ids sort by time like real ones. */
  idAt(ms: number): string {
    const time = Math.floor(ms).toString(16).padStart(12, '0');
    const variant = (8 + Math.floor(this.next() * 4)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}
