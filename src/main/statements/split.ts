/**
 * The deterministic dev / held-out split of the PolNeAR texts used to evaluate the extractor:
 * by an FNV-1a hash of the file's base name, so the halves never change as files are added.
 * Rules are tuned on 'dev' only; 'heldout' is measured, never looked at.
 */

/** FNV-1a, 32 bits, over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Which half a PolNeAR file belongs to (by base name, extension ignored). */
export function splitHalf(fileName: string): 'dev' | 'heldout' {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.txt$/, '');
  return fnv1a(base) % 2 === 0 ? 'dev' : 'heldout';
}
