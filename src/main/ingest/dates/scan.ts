/**
 * Small position-based readers used by the date finder. Each looks at a fixed, bounded
 * stretch of text and works on char codes, so scanning a whole page stays linear and cheap.
 */

const LETTER = /[\p{L}\p{M}]/u;

/** True for a letter or combining mark; fast paths for ASCII, Latin and Cyrillic. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x400 && c <= 0x52f) return c !== 0x482; // Cyrillic, except the thousands sign
  if (c === 0xaa || c === 0xba || (c >= 0x300 && c <= 0x36f)) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogate halves: not part of any word we read
  return LETTER.test(String.fromCharCode(c));
}

export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

export function isLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
}

function isApostropheOrHyphen(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc || c === 45; // ' ’ ʼ -
}

/**
 * End of the word starting at `i`: letters, optionally joined by an apostrophe or hyphen
 * ("п'ятниця", "segunda-feira"). Returns `i` when no letter is there.
 */
export function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < text.length && isLetterCode(text.charCodeAt(j))) j++;
    if (j > i && isApostropheOrHyphen(text.charCodeAt(j)) && isLetterAt(text, j + 1)) j++;
    else return j;
  }
}

/** The word starting exactly at `i`, or null. */
export function wordAt(text: string, i: number): { word: string; lower: string; end: number } | null {
  const end = wordEnd(text, i);
  if (end === i) return null;
  const word = text.slice(i, end);
  return { word, lower: word.toLowerCase(), end };
}

/** Spaces that may sit inside one date expression (no line breaks). */
export function isInlineSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2007;
}

/** Index after up to `max` inline spaces from `i` (== i when there are none). */
export function skipSpaces(text: string, i: number, max = 3): number {
  let j = i;
  while (j - i < max && isInlineSpaceCode(text.charCodeAt(j))) j++;
  return j;
}

/**
 * End of a run of exactly `min`..`max` ASCII digits at `i`, or -1. The run must be maximal
 * (no further digit follows), so "20221" is never read as "2022".
 */
export function digitsEnd(text: string, i: number, min: number, max: number): number {
  let j = i;
  while (j - i <= max && isDigitAt(text, j)) j++;
  const n = j - i;
  return n >= min && n <= max ? j : -1;
}

export function intAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) n = n * 10 + (text.charCodeAt(k) - 48);
  return n;
}

/** ". , / : -": what joins numbers into versions, decimals, times and phone numbers. */
function isGlueCode(c: number): boolean {
  return c === 46 || c === 44 || c === 47 || c === 58 || c === 45;
}

/**
 * A number may start a date here: not glued to a letter, a digit, or to a preceding number
 * by a separator ("1.10.01.2022", "3,10", "v2.10" are parts of something else).
 */
export function numberStartsFree(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  if ((prev >= 48 && prev <= 57) || isLetterCode(prev)) return false;
  return !(isGlueCode(prev) && i >= 2 && (isDigitAt(text, i - 2) || isLetterAt(text, i - 2)));
}

/** A number may end a date here: no letter, digit or "separator + digit" follows ("3.5", "2.10.1"). */
export function numberEndsFree(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || isLetterCode(c)) return false;
  return !(isGlueCode(c) && isDigitAt(text, i + 1));
}

/**
 * End of a clock time "hh:mm" or "hh:mm:ss" at `i`, or -1.
 * @example timeEnd('at 12:30', 3) // 8
 */
export function timeEnd(text: string, i: number): number {
  const h = digitsEnd(text, i, 1, 2);
  if (h < 0 || intAt(text, i, h) > 23 || text.charCodeAt(h) !== 58) return -1;
  const m = digitsEnd(text, h + 1, 2, 2);
  if (m < 0 || intAt(text, h + 1, m) > 59) return -1;
  let end = m;
  if (text.charCodeAt(m) === 58) {
    const s = digitsEnd(text, m + 1, 2, 2);
    if (s < 0 || intAt(text, m + 1, s) > 60) return -1;
    end = s;
  }
  return numberEndsFree(text, end) ? end : -1;
}

/** Start of a clock time ending just before `i` (after at most ", "), or -1: the "12:30" in "12:30 13.11". */
export function timeStartBefore(text: string, i: number): number {
  let j = i;
  while (j > 0 && i - j < 3 && (isInlineSpaceCode(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 44)) j--;
  if (j === i) return -1;
  // Walk back over "hh:mm" (seconds are not looked for here).
  let k = j;
  while (k > 0 && j - k < 2 && isDigitAt(text, k - 1)) k--;
  if (j - k !== 2 || text.charCodeAt(k - 1) !== 58) return -1;
  let h = k - 1;
  while (h > 0 && k - 1 - h < 2 && isDigitAt(text, h - 1)) h--;
  if (h === k - 1 || !numberStartsFree(text, h)) return -1;
  return timeEnd(text, h) === j ? h : -1;
}
