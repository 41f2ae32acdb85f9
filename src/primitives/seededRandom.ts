/**
 * Seeded pseudo-random numbers for everything outside tfjs ops (data order, label noise,
 * augmentation, random selections). Algorithm: SplitMix32-style mixing over a 32-bit state
 * (Vigna; see https://prng.di.unimi.it/), fast and bit-identical on every platform.
 *
 * @example
 * ```ts
 * const rng = new SeededRandom(42);
 * rng.next();        // a float in [0, 1), same for seed 42 everywhere
 * rng.int(10);       // an integer in [0, 10)
 * ```
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** In-place Fisher-Yates shuffle; returns the array. */
  shuffle<T>(items: T[] | Int32Array): T[] | Int32Array {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** A permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    this.shuffle(p);
    return p;
  }
}

/**
 * Derives an independent 31-bit seed for one purpose (`'init'`, `'data-order'`, `'label-noise'`,
 * ...) from a run seed, so that changing how one stream is used never shifts another.
 * FNV-1a over the purpose, mixed with the seed.
 *
 * @example
 * ```ts
 * deriveSeed(1, 'init') !== deriveSeed(1, 'data-order'); // true
 * ```
 */
export function deriveSeed(seed: number, purpose: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < purpose.length; i++) {
    h ^= purpose.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new SeededRandom(h).nextUint32() & 0x7fffffff;
}
