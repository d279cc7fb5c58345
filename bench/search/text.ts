/**
 * Words and sentences for building the corpus and the queries. Query words are chosen so that
 * all three engines see the same token: runs of ASCII letters that MiniSearch's default
 * tokenizer (split on spaces and punctuation only) also yields whole. FTS5's unicode61 and
 * Wirewatch's tokenizer split on every non-letter/digit, so such a word is one token there too.
 */

// `stopword` ships no types; required rather than imported so this file needs no module
// declaration of its own (Wirewatch's sources may declare the module their way).
const { eng } = require('stopword') as { eng: string[] };

/** The `stopword` package's English list. */
export const STOP_WORDS: ReadonlySet<string> = new Set(eng.map((w) => w.toLowerCase()));

/** MiniSearch 7.2's default tokenizer separator (SPACE_OR_PUNCTUATION). */
const MS_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

/** A token of MiniSearch's default tokenizer with where it starts and ends. */
export interface PlacedToken {
  text: string;
  start: number;
  end: number;
}

/** Tokens as MiniSearch's default tokenizer cuts them, with offsets. */
export function msTokens(text: string): PlacedToken[] {
  const out: PlacedToken[] = [];
  const sep = new RegExp(MS_SEPARATOR.source, 'gu');
  let start = 0;
  for (const m of text.matchAll(sep)) {
    if (m.index > start) out.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, end: text.length });
  return out;
}

/** True for a token of ASCII letters only, at least `min` long. */
export function isLetterWord(token: string, min: number): boolean {
  return token.length >= min && /^[A-Za-z]+$/.test(token);
}

/**
 * The query-worthy words of a title: lower-cased ASCII-letter tokens of three letters or more
 * that are not English stop words, each once.
 */
export function titleWords(title: string): string[] {
  const words = msTokens(title)
    .map((t) => t.text)
    .filter((t) => isLetterWord(t, 3))
    .map((t) => t.toLowerCase())
    .filter((w) => !STOP_WORDS.has(w));
  return [...new Set(words)];
}

/** Splits a body into sentences (paragraph breaks, then `. ! ?` before a space and a capital or quote). */
export function sentences(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .flatMap((p) => p.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=["'«“A-ZА-ЯЁ0-9])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}
