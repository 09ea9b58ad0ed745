// A small seeded PRNG (mulberry32) and the choices the convergence runs make with it: one seed
// replays the same operations, the same fault points and the same replays.
import { SeededRandom } from '../../../src-main/services/demo/random.js';

/** The demo generator's mulberry32, plus the choices a convergence run needs. */
export class Random extends SeededRandom {
  constructor(readonly seed: number) {
    super(seed);
  }

  /** One of the keys, with the given weights. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('no weights');
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** A new generator seeded from this one (so one part of a run does not shift another's choices). */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4_294_967_296));
  }
}
