/** Preparing the matches `articles.get` reports for the reader's match navigation. */

export type Range = [number, number];

/** A paragraph of a body, where it starts in the body, and the matches inside it (relative offsets). */
export interface MarkedParagraph {
  text: string;
  start: number;
  spans: Range[];
  /** The number of its first match among all the article's matches. */
  first: number;
}

/**
 * Sorted, non-overlapping, inside the text; words side by side with only a little punctuation
 * or space between them (the words of a phrase, "oil prices") become one match.
 */
export function matchesIn(text: string, ranges: Range[]): Range[] {
  const sorted = ranges
    .map(([s, e]): Range => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) {
      last[1] = Math.max(last[1], r[1]);
      continue;
    }
    if (last && /^[^\p{L}\p{N}\n]{1,3}$/u.test(text.slice(last[1], r[0]))) {
      last[1] = r[1];
      continue;
    }
    out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The body's paragraphs (split on blank lines, as the reader shows them) with the matches that
 * fall in each, numbered on from `first`. Offsets given are into the whole body.
 */
export function markParagraphs(body: string, ranges: Range[], first: number): MarkedParagraph[] {
  const out: MarkedParagraph[] = [];
  let at = 0;
  let k = 0;
  let n = first;
  for (const text of body.split('\n\n')) {
    const end = at + text.length;
    const spans: Range[] = [];
    const start = n;
    // Matches before this paragraph that did not fit the previous one (a blank line) are dropped.
    while (k < ranges.length && ranges[k]![0] < at) k++;
    while (k < ranges.length && ranges[k]![0] < end) {
      const [s, e] = ranges[k]!;
      spans.push([s - at, Math.min(e, end) - at]);
      k++;
      n++;
    }
    out.push({ text, start: at, spans, first: start });
    at = end + 2;
  }
  return out;
}
