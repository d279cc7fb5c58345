/**
 * Comparable word forms, for measuring how much two pieces of text share (headline vs lead,
 * one block of text vs another) across languages without a stemmer.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/** Comparable forms of a text's words: lower-cased, cut to a short stem so inflected forms match. */
export function wordKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (DENSE.test(w)) {
      for (const ch of w) out.push(ch);
    } else if (HANGUL.test(w)) {
      out.push(w.slice(0, 2));
    } else if (w.length >= 3) {
      out.push(w.length > 5 ? w.slice(0, Math.max(5, Math.ceil(w.length * 0.7))) : w);
    }
  }
  return out;
}


/**
 * Distinctive keys only: stems of words of five letters or more (short words are mostly
 * function words), plus every Han/Kana/Hangul key.
 */
export function contentKeys(text: string): Set<string> {
  return new Set(wordKeys(text).filter((k) => k.length >= 5 || !/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\d]+$/u.test(k)));
}

/** Share of `text`'s content keys that occur in `reference` (0..1). */
export function sharedShare(text: string, reference: ReadonlySet<string>): number {
  const keys = contentKeys(text);
  if (keys.size === 0) return 0;
  let hit = 0;
  for (const k of keys) if (reference.has(k)) hit++;
  return hit / keys.size;
}
