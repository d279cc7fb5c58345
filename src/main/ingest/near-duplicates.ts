/**
 * Near-duplicate detection: syndicated copies of one story (another headline, other
 * boilerplate, small edits). Word 4-shingles of the body, a 64-value MinHash signature cut into
 * 16 bands of 4 (locality-sensitive hashing) to find candidates cheaply, and an exact check of
 * the shared shingles on the candidates.
 */

const SHINGLE_WORDS = 4;
const HASHES = 64;
const ROWS_PER_BAND = 4;
const BANDS = HASHES / ROWS_PER_BAND;
/** Texts with fewer shingles than this are too short to call near-duplicates (exact matching still applies). */
export const MIN_SHINGLES = 8;
/** Share of the smaller text's shingles the two must have in common. */
export const SHARED_SHARE = 0.8;
/** The smaller text must be at least this share of the larger (a brief is not a copy of a feature). */
export const MIN_LENGTH_RATIO = 0.5;

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mixer (murmur3's finaliser): a cheap family of hash functions by seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(i + 1, 0x9e3779b9));

/** The set of hashed word 4-shingles of a text (lower-cased letters and digits). */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashes = words.map(fnv1a);
  const out = new Set<number>();
  // A shingle's hash combines its words' hashes in order (cheaper than hashing joined strings).
  for (let i = 0; i + SHINGLE_WORDS <= hashes.length; i++) {
    let h = 0x2545f491;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = mix(h, hashes[i + k]!);
    out.add(h);
  }
  return out;
}

/**
 * The LSH band keys of a shingle set: two texts sharing most shingles very probably share a
 * key. Empty when the text is too short. Keys are below 2^36, safe as SQLite integers.
 *
 * @example
 *   bandKeys(shingles(body)) // [ 28391923, 4381823345, ... ] (16 keys)
 */
export function bandKeys(set: ReadonlySet<number>): number[] {
  if (set.size < MIN_SHINGLES) return [];
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(s, SEEDS[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix(h, mins[b * ROWS_PER_BAND + r]!);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** True when two shingle sets are copies of one text by the rule above. */
export function isNearDuplicate(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHINGLES || small.size < large.size * MIN_LENGTH_RATIO) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared >= small.size * SHARED_SHARE;
}
