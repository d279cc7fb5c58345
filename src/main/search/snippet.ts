import { tokensWithOffsets } from './analyse';

/** An excerpt of a text with the matched words marked. */
export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
}

/**
 * Picks the window of `text` (about `width` characters) holding the most matched words and
 * marks every matched word in it. `matched` holds normalised index terms.
 *
 * @example
 *   makeSnippet('Josep Borrel said ...', new Set(['borrel']))
 *   // { snippet: 'Josep Borrel said ...', highlights: [[6, 12]] }
 */
export function makeSnippet(text: string, matched: ReadonlySet<string>, width = 240): Snippet {
  const tokens = tokensWithOffsets(text);
  const hits = tokens.filter((t) => matched.has(t.term));
  let from = 0;
  if (hits.length > 0) {
    // Slide over the hits: the window starting at hit i covers the hits within `width` chars.
    let best = 0;
    let bestCount = 0;
    for (let i = 0, j = 0; i < hits.length; i++) {
      while (j < hits.length && hits[j]!.end - hits[i]!.start <= width) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        best = i;
      }
    }
    from = Math.max(0, hits[best]!.start - Math.floor(width / 5));
  }
  let to = Math.min(text.length, from + width);
  // Do not cut words in half.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < from + 30) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + width / 2) to = space;
  }
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const body = text.slice(from, to).replace(/\s+/g, ' ');
  // Offsets are recomputed on the whitespace-folded excerpt so they stay exact.
  const highlights: Array<[number, number]> = tokensWithOffsets(body)
    .filter((t) => matched.has(t.term))
    .map((t) => [t.start + prefix.length, t.end + prefix.length]);
  return { snippet: prefix + body + suffix, highlights };
}
