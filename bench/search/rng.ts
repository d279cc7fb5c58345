/** Seeded randomness, so the corpus and the queries are the same on every run. */

/** A random number generator: returns floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a small, fast 32-bit seeded generator (good enough for sampling).
 *
 * @example
 *   const rand = mulberry32(42); rand(); // 0.6011037519201636
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function randInt(rand: Rng, n: number): number {
  return Math.floor(rand() * n);
}

/** A random element of a non-empty list. */
export function pick<T>(rand: Rng, list: readonly T[]): T {
  return list[randInt(rand, list.length)]!;
}

/** A 32-bit seed from a string (FNV-1a), to derive one stream per dataset and purpose. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
