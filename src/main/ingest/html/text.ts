/**
 * Small text helpers shared by the HTML reader: white-space normalisation and element text.
 */

// Zero-width characters, bidi marks, soft hyphens and control characters: invisible on the page,
// they break word matching.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
const WHITE_SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Collapses every run of white space (NBSP and the other Unicode spaces included) into one
 * space, drops invisible characters and trims.
 *
 * @example
 *   normaliseSpace('  Hello\u00a0\n world\u200b ') // 'Hello world'
 */
export function normaliseSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(WHITE_SPACE, ' ').trim();
}

/**
 * The normalised text content of a node, or '' for none.
 *
 * @example
 *   textOf(document.querySelector('h1')) // 'Obama admits US gun laws are his biggest frustration'
 */
export function textOf(node: Node | null | undefined): string {
  return node ? normaliseSpace(node.textContent ?? '') : '';
}

/** Lower-cased runs of letters and digits: the words two texts are compared on. */
export function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** `s` cut to at most `max` characters on a word boundary, for messages. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
