/**
 * Quotation marks: finds the top-level quoted passages of a text in one pass.
 *
 * Handles straight (") and curly (“ ”) double quotes, guillemets (« », nested ones counted),
 * low-high quotes („ “ and „ ”), doubled apostrophes ('' ... '', the New York Times archive
 * convention), and typographic single quotes (‘ ’, strict rules because ’ is also the
 * apostrophe). A quote that is not closed when its paragraph ends continues into the
 * next paragraph only when that paragraph opens with a quotation mark (the multi-paragraph
 * convention of news writing); otherwise it stops at the paragraph end, and a very long unclosed
 * quote stops at its first sentence end, so a stray mark never swallows the rest of an article.
 */

/** One quoted passage. */
export interface QuoteRun {
  /** Index of the opening mark. */
  open: number;
  /** Index just past the closing mark, or where an unclosed quote was stopped. */
  close: number;
  /** The quoted words: [start, end), marks and surrounding blanks excluded. */
  start: number;
  end: number;
  /** False when no closing mark was found. */
  closed: boolean;
  /** Quoted with ‘ ’ (accepted as a statement only with an attribution). */
  single: boolean;
  /** Runs over more than one paragraph. */
  multiParagraph: boolean;
}

type Family = 'double' | 'guillemet' | 'low' | 'single' | 'twin';

/** An unclosed quote longer than this is cut at its first sentence end. */
const MAX_UNCLOSED = 1500;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
/** Characters after which a straight quote opens: brackets, dashes, slashes, colons. */
const OPENING_CONTEXT = new Set([40, 91, 123, 0x2014, 0x2013, 45, 47, 58, 0x201c, 0x2018, 0xab, 0x201e]);

/**
 * Finds the top-level quoted passages of `text`, sorted by position.
 * Linear in the text length (an unclosed quote is re-scanned at most once from its cut point).
 */
export function findQuotes(text: string): QuoteRun[] {
  const out: QuoteRun[] = [];
  const n = text.length;
  let family: Family | null = null;
  let open = -1;
  let depth = 0;
  let multi = false;

  const prevCode = (i: number): number => (i > 0 ? text.charCodeAt(i - 1) : 32);
  const nextCode = (i: number): number => (i + 1 < n ? text.charCodeAt(i + 1) : 32);
  /** Two apostrophes in a row ('') stand for one double quotation mark. */
  const isTwin = (i: number): boolean => text.charCodeAt(i) === 39 && i + 1 < n && text.charCodeAt(i + 1) === 39;

  const push = (o: number, innerEnd: number, close: number, closed: boolean): void => {
    let s = o + (isTwin(o) ? 2 : 1);
    let e = innerEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ open: o, close, start: s, end: e, closed, single: family === 'single', multiParagraph: multi });
  };

  /** Ends the current quote unclosed at `at` (exclusive); returns where scanning resumes. */
  const stopUnclosed = (at: number): number => {
    let end = at;
    if (family === 'single') {
      // An unclosed ‘ was most likely not a quotation mark at all.
      family = null;
      return open + 1;
    }
    if (end - open > MAX_UNCLOSED) {
      // Cut at the first sentence end after the opener, or at the limit.
      const limit = open + MAX_UNCLOSED;
      let cut = -1;
      for (let j = open + 1; j < limit; j++) {
        const c = text.charCodeAt(j);
        if ((c === 46 || c === 33 || c === 63) && isSpace(nextCode(j))) {
          cut = j + 1;
          break;
        }
      }
      end = cut > 0 ? cut : limit;
    }
    push(open, end, end, false);
    family = null;
    return end;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 && family !== null) {
      // Paragraph end inside a quote: continue only when the next paragraph re-opens a quote.
      let j = i;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const d = j < n ? text.charCodeAt(j) : 0;
      const reopens =
        (family === 'double' && (d === 0x201c || d === 34)) ||
        (family === 'guillemet' && d === 0xab) ||
        (family === 'low' && d === 0x201e) ||
        (family === 'twin' && isTwin(j));
      if (reopens && i - open <= MAX_UNCLOSED * 4) {
        multi = true;
        depth = 1;
        i = j + (family === 'twin' ? 2 : 1);
        continue;
      }
      i = stopUnclosed(i);
      continue;
    }
    if (family === null) {
      if (c === 34) {
        const p = prevCode(i);
        const q = nextCode(i);
        if ((isSpace(p) || OPENING_CONTEXT.has(p)) && !isSpace(q)) start('double', i);
        else if (!isWordChar(p) && !isSpace(q) && q !== 46 && q !== 44) start('double', i);
      } else if (c === 39 && isTwin(i)) {
        const p = prevCode(i);
        if ((isSpace(p) || OPENING_CONTEXT.has(p) || i === 0) && !isSpace(nextCode(i + 1))) {
          start('twin', i);
          i += 2;
          continue;
        }
      } else if (c === 0x201c) start('double', i);
      else if (c === 0x201d) {
        // A right mark used as an opener (sloppy typing): only in opener position.
        if ((isSpace(prevCode(i)) || i === 0) && isWordChar(nextCode(i))) start('double', i);
      } else if (c === 0xab) start('guillemet', i);
      else if (c === 0x201e) start('low', i);
      else if (c === 0x2018) {
        const p = prevCode(i);
        if ((isSpace(p) || OPENING_CONTEXT.has(p)) && isWordChar(nextCode(i))) start('single', i);
      }
      i++;
      continue;
    }
    switch (family) {
      case 'double':
        if (i === open + 1 && (c === 0x201c || c === 34)) {
          // a doubled opener ("“): one opening mark
          i++;
          continue;
        }
        if (c === 0x201d) close(i);
        else if (c === 34 || c === 0x201c) {
          const p = prevCode(i);
          const q = nextCode(i);
          if (isSpace(p) && isWordChar(q) && i > open + 1) {
            // Opener-shaped mark inside a quote: the previous quote lost its closing mark.
            i = stopUnclosed(i);
            continue;
          }
          close(i);
        }
        break;
      case 'twin':
        if (isTwin(i)) {
          if (isSpace(prevCode(i)) && isWordChar(nextCode(i + 1))) {
            // Opener-shaped '' inside a quote: the previous quote lost its closing mark.
            i = stopUnclosed(i);
            continue;
          }
          push(open, i, i + 2, true);
          family = null;
          i += 2;
          continue;
        }
        break;
      case 'guillemet':
        if (c === 0xab) depth++;
        else if (c === 0xbb && --depth === 0) close(i);
        break;
      case 'low':
        if (c === 0x201c || c === 0x201d || c === 34) close(i);
        break;
      case 'single':
        if (c === 0x2019 && !isWordChar(nextCode(i)) && !isSpace(prevCode(i))) close(i);
        else if (c === 0x201c || c === 0x201d || c === 34) {
          // A double mark inside a single quote: it was an apostrophe after all.
          family = null;
          i = open + 1;
          continue;
        }
        break;
    }
    i++;
  }
  if (family !== null) stopUnclosed(n);
  return out;

  function start(f: Family, at: number): void {
    family = f;
    open = at;
    depth = 1;
    multi = false;
  }
  function close(at: number): void {
    push(open, at, at + 1, true);
    family = null;
  }
}
