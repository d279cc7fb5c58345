import type { TextField } from './query/ast';
import type { Highlight } from './plan';
import { analyserFor, ASCII, foldWord, keyPrefixOf, tokensWithOffsets, WORD_RUNS, type Analyser, type Token } from './analyse';

/** [start, end) character offsets of matched words in a text. */
export type Ranges = Array<[number, number]>;

/**
 * Where a compiled query matches in one field of an article: the words whose stem (in the
 * article's language) is a query stem, the exact and fuzzy-matched words, the prefixes, and
 * every occurrence of each phrase. Uses the index's own analysis, so what is highlighted is
 * what matched.
 */
export function matchRanges(text: string, field: TextField, language: string | null, highlights: Highlight[]): Ranges {
  const relevant = highlights.filter((h) => h.field === null || h.field === field);
  if (relevant.length === 0 || !text) return [];
  const single = relevant.filter((h): h is WordHighlight => h.kind !== 'phrase');
  if (single.length < relevant.length) return rangesOfTokens(text, tokensWithOffsets(text), language, relevant);
  // No phrase: one pass over the words, each folded and stemmed once through the analyser's
  // cache (hits on a page are marked with every search: this is most of a page's cost).
  const analyser = analyserFor(language);
  // Stemming a word the analyser has not seen costs microseconds: only when a stem is asked for,
  // and, where stems keep the word's first letter, only for words starting like a wanted stem
  // (a page of new hits has hundreds of words not seen before).
  const stems = single.some((h) => h.kind === 'stems');
  const firsts = stems && analyser.keepsFirstLetter ? firstLetters(single, analyser) : null;
  const out: Ranges = [];
  for (const m of text.matchAll(WORD_RUNS)) {
    const word = m[0];
    let term: string;
    let key: string | null = null;
    if (!stems) term = foldWord(word);
    else if (firsts && ASCII.test(word) && !firsts.has((term = word.toLowerCase())[0]!)) {
      // cannot have a wanted stem; `term` serves the other highlights
    } else [term, key] = analyser.wordAndKey(word);
    for (const h of single) {
      if (wordMatches(h, term, key)) {
        out.push([m.index, m.index + m[0].length]);
        break;
      }
    }
  }
  return out;
}

function rangesOfTokens(text: string, tokens: Token[], language: string | null, highlights: Highlight[]): Ranges {
  const marked = new Uint8Array(tokens.length);
  const analyser = analyserFor(language);
  for (const h of highlights) {
    if (h.kind === 'phrase') {
      const n = h.words.length;
      for (let i = 0; i + n <= tokens.length; i++) {
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const t = tokens[i + k]!.term;
          ok = k === n - 1 && h.lastIsPrefix ? t.startsWith(h.words[k]!) : t === h.words[k];
        }
        if (ok) marked.fill(1, i, i + n);
      }
      continue;
    }
    for (let i = 0; i < tokens.length; i++) {
      if (marked[i]) continue;
      const t = tokens[i]!;
      const key = h.kind === 'stems' ? analyser.wordAndKey(text.slice(t.start, t.end))[1] : null;
      if (wordMatches(h, t.term, key)) marked[i] = 1;
    }
  }
  const out: Ranges = [];
  for (let i = 0; i < tokens.length; i++) if (marked[i]) out.push([tokens[i]!.start, tokens[i]!.end]);
  return out;
}

/** The first letters of the stems the highlights ask for in the analyser's language. */
function firstLetters(highlights: WordHighlight[], analyser: Analyser): Set<string> {
  const out = new Set<string>();
  for (const h of highlights) {
    if (h.kind === 'stems') for (const key of h.stems) if (analyser.ownsKey(key)) out.add(key[keyPrefixOf(key).length]!);
  }
  return out;
}

/** A highlight of single words (all but phrases). */
type WordHighlight = Exclude<Highlight, { kind: 'phrase' }>;

/** True when a word (folded `term`, and its stem `key` when the highlight is by stems) is marked by `h`. */
function wordMatches(h: WordHighlight, term: string, key: string | null): boolean {
  if (h.kind === 'words') return h.words.has(term);
  if (h.kind === 'prefix') return term.startsWith(h.prefix);
  return key !== null && h.stems.has(key);
}

/** An excerpt of a text with the matched words marked. */
export interface Snippet {
  snippet: string;
  highlights: Ranges;
}

/**
 * Picks the window of `text` (about `width` characters) holding the most matches and returns
 * it with the matches' offsets inside it.
 *
 * @example
 *   makeSnippet('Josep Borrel said ...', [[6, 12]])
 *   // { snippet: 'Josep Borrel said ...', highlights: [[6, 12]] }
 */
export function makeSnippet(text: string, ranges: Ranges, width = 240): Snippet {
  let from = 0;
  if (ranges.length > 0) {
    // Slide over the matches: the window starting at match i covers those within `width` chars.
    let best = 0;
    let bestCount = 0;
    for (let i = 0, j = 0; i < ranges.length; i++) {
      while (j < ranges.length && ranges[j]![1] - ranges[i]![0] <= width) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        best = i;
      }
    }
    from = Math.max(0, ranges[best]![0] - Math.floor(width / 5));
  }
  let to = Math.min(text.length, from + width);
  // Do not cut words in half.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < from + 30 && space < (ranges[0]?.[0] ?? Infinity)) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + width / 2) to = space;
  }
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const raw = text.slice(from, to);
  // Fold runs of whitespace to one space, mapping offsets through the folding.
  const map: number[] = [];
  let body = '';
  for (let i = 0; i < raw.length; i++) {
    map.push(body.length);
    const ch = raw[i]!;
    if (/\s/.test(ch)) {
      if (!body.endsWith(' ')) body += ' ';
    } else body += ch;
  }
  map.push(body.length);
  const highlights: Ranges = [];
  for (const [s, e] of ranges) {
    if (s >= from && e <= to) highlights.push([map[s - from]! + prefix.length, map[e - from]! + prefix.length]);
  }
  return { snippet: prefix + body + suffix, highlights };
}
