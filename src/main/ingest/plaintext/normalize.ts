/**
 * Turning raw page text (what `document.body.innerText` gives) into clean, bounded lines.
 */

/** Input beyond this many characters is ignored: no news page is this long, and it keeps the work bounded. */
export const MAX_INPUT_CHARS = 4_000_000;
/** At most this many lines are analysed (after the character cap). */
export const MAX_LINES = 60_000;

// Zero-width and bidi marks that browsers leave in innerText; they break word matching.
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
// Every horizontal space-like character (NBSP, thin spaces, ideographic space, tabs ...).
const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+/g;
// List bullets that innerText renders in front of <li> items.
const LEADING_BULLETS = /^(?:[•·▪▫●○◦‣∙■□►▶»›*]\s*)+/u;
// Control characters other than newline.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Splits page text into trimmed lines: unifies line endings, turns NBSPs and tabs into spaces,
 * drops invisible characters and leading bullets. Never returns more than {@link MAX_LINES} lines.
 */
export function splitPageLines(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const bounded = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  const raw = bounded.split(/\r\n?|\n/, MAX_LINES);
  return raw.map(cleanLine);
}

/** Cleans one line of page text (spaces, invisible characters, bullets). */
export function cleanLine(line: string): string {
  return line
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim()
    .replace(LEADING_BULLETS, '')
    .trim();
}
