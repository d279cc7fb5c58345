/**
 * A cheap "is this stretch of text English?" test, used only to order ambiguous
 * slash dates ("03/04/2022"). Decided per 4 KB block and cached, so a page full of
 * such dates is still read once.
 */

const BLOCK = 4096;
// Function words that are common in English and rare in the other languages we read.
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'said', 'was', 'is', 'for', 'with', 'that', 'from', 'has']);

/** Per-text cache: block index → English-looking; the `ALL_BLOCKS` entry overrides every block. */
export type EnglishCache = Map<number, boolean>;
export const ALL_BLOCKS = -1;

/**
 * True when the 4 KB block around `i` reads as English: at least three English function
 * words, and Latin letters outnumbering Cyrillic ones.
 * @example looksEnglishAt('The talks were held on 03/04/2022 and the sides said...', 23, new Map()) // true
 */
export function looksEnglishAt(text: string, i: number, cache: EnglishCache): boolean {
  const block = Math.floor(i / BLOCK);
  const known = cache.get(ALL_BLOCKS) ?? cache.get(block);
  if (known !== undefined) return known;
  const slice = text.slice(block * BLOCK, (block + 1) * BLOCK);
  let latin = 0;
  let cyrillic = 0;
  for (let k = 0; k < slice.length; k++) {
    const c = slice.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
  }
  let words = 0;
  for (const m of slice.matchAll(/[A-Za-z]+/g)) {
    if (ENGLISH_WORDS.has(m[0].toLowerCase()) && ++words >= 3) break;
  }
  const english = words >= 3 && latin > cyrillic;
  cache.set(block, english);
  return english;
}
