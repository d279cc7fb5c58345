/**
 * How text becomes index terms. The same functions serve indexing, querying and snippet
 * highlighting, so what is highlighted is exactly what matched.
 */

/** Runs of letters and digits (any script), with inner apostrophes and hyphens split off. */
const WORD = /[\p{L}\p{N}]+/gu;

/** A word of the text and where it stands. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Normalises one word for the index: Unicode case folding, NFKC, and Russian ё → е. */
export function normaliseTerm(word: string): string {
  // Most words are ASCII: lower-casing is all they need, and NFKC is costly at index time.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
}

const ASCII = /^[\x00-\x7f]*$/;

/** Splits text into words (for MiniSearch's `tokenize`). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Words with their offsets, normalised (for snippets and highlighting). */
export function tokensWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ term: normaliseTerm(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}
