/**
 * The sample's only source of chance: a seeded xoroshiro128+ from pure-rand, so the same seed
 * gives the same month byte for byte. Each part of the month draws from its own stream
 * (`Random.stream(seed, 'cases')`) so that changing the number of cases leaves the complaints,
 * the attendance and the planted violations as they were.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

export class Random {
  private constructor(private readonly rng: Generator) {}

  /** An independent stream named by `label`, derived from the month's seed. */
  static stream(seed: number, label: string): Random {
    let h = seed | 0;
    for (const ch of label) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    return new Random(xoroshiro128plus(h));
  }

  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** True with probability p (in steps of 1/10,000). */
  chance(p: number): boolean {
    return this.int(0, 9_999) < p * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** One of `items`, each chosen in proportion to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.int(1, total);
    for (const [item, w] of items) {
      r -= w;
      if (r <= 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** `k` distinct integers from [0, n), ascending. */
  slots(n: number, k: number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, n)) chosen.add(this.int(0, n - 1));
    return [...chosen].sort((a, b) => a - b);
  }
}
