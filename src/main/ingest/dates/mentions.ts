/**
 * Finding date expressions in text: "January 10th", "10 января 2022 г.", "2022-01-10T14:03:00Z",
 * "13.11 12:30"... See `findDateMentions`.
 */
import { ALL_BLOCKS, type EnglishCache } from './language';
import { LEXICON_PREFIXES, MONTH_WORDS, WEEKDAY_WORDS, YEAR_PREFIXES, prefixKey } from './lexicon';
import { numericDate } from './numeric';
import type { DateMention, Found } from './parts';
import { isDigitAt, isLetterCode, numberStartsFree, skipSpaces, timeStartBefore, wordAt, wordEnd } from './scan';
import { capitalOk, dayFirst, monthFirst, monthYear, yearAfterWord, yearWithSuffix } from './worded';

export type { DateMention } from './parts';

export interface DateMentionOptions {
  /**
   * Whether the text is English, which decides ambiguous slash dates ("03/04/2022" is 4 March in
   * English, 3 April elsewhere). Detected from the surrounding text when omitted; pass it when
   * the text is a short piece (a header line) of a longer page.
   */
  english?: boolean;
}

/**
 * Every date expression in the text, in order, without overlaps.
 *
 * Read: "January 10th", "Jan. 10, 2022", "10 January 2022", "the 10th of January", "January 2022"
 * (month precision), "10.01.2022" (day.month.year), "10/01/2022" and "10-01-2022" (order decided
 * by which number is > 12, else month/day in English-looking text and day/month elsewhere),
 * "2022-01-10", "2022/01/10", ISO date-times, "13.11 12:30" (a day.month next to a clock time),
 * month names in ru/uk (every case), de, fr, es, pt, it ("10 января 2022 г.", "в январе 2022 года",
 * "10 de enero de 2022"), an optional leading weekday ("Monday, January 10, 2022"), and years named
 * as such ("2022 года", "the year 2022"; year precision). A bare number is never a year.
 *
 * @example
 * findDateMentions('Washington. January 10th. INTERFAX - ...')
 * // [{ start: 12, end: 24, text: 'January 10th', year: null, month: 1, day: 10, weekday: null, precision: 'day' }]
 */
export function findDateMentions(text: string, options: DateMentionOptions = {}): DateMention[] {
  const out: DateMention[] = [];
  const english: EnglishCache = new Map();
  if (options.english !== undefined) english.set(ALL_BLOCKS, options.english);
  let lastEnd = 0;
  // Candidate starts: every word and every digit run, visited once, left to right.
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    if (!isDigit && !isLetterCode(c)) {
      i++;
      continue;
    }
    let tokenEnd = i + 1;
    if (isDigit) while (isDigitAt(text, tokenEnd)) tokenEnd++;
    else tokenEnd = wordEnd(text, i);
    const mention = isDigit
      ? tokenEnd - i <= 4 && tokenEnd - i !== 3 && numberStartsFree(text, i) // dates use 1, 2 or 4 digits
        ? mentionAtNumber(text, i, lastEnd, english)
        : null
      : mayBeLexiconWord(text, i, tokenEnd)
        ? mentionAtWord(text, i, tokenEnd, english)
        : null;
    if (mention) {
      out.push(mention);
      lastEnd = mention.end;
      i = Math.max(tokenEnd, mention.end);
    } else {
      i = tokenEnd;
    }
  }
  return out;
}

function mentionAtNumber(text: string, i: number, minStart: number, english: EnglishCache): DateMention | null {
  const numeric = numericDate(text, i, false, english);
  if (numeric) {
    // "12:30 13.11": the time before a yearless day.month belongs to the expression.
    const timeStart = numeric.year === null ? timeStartBefore(text, i) : -1;
    return finish(text, timeStart >= minStart ? timeStart : i, numeric, null);
  }
  const found = dayFirst(text, i) ?? yearWithSuffix(text, i);
  return found ? finish(text, i, found, null) : null;
}

/** Cheap pre-check on length and first two letters, so most words are never sliced or lower-cased. */
function mayBeLexiconWord(text: string, i: number, end: number): boolean {
  // Every lexicon word has 2-14 letters.
  if (end - i < 2 || end - i > 14) return false;
  return LEXICON_PREFIXES.has(prefixKey(text.charCodeAt(i), text.charCodeAt(i + 1)));
}

function mentionAtWord(text: string, i: number, end: number, english: EnglishCache): DateMention | null {
  const token = text.slice(i, end);
  const lower = token.toLowerCase();
  const weekday = WEEKDAY_WORDS.get(lower);
  if (weekday && capitalOk(token, weekday.needsCapital)) {
    const found = afterWeekday(text, end, english);
    if (found) return finish(text, i, found, weekday.weekday);
  }
  const month = MONTH_WORDS.get(lower);
  if (month && capitalOk(token, month.needsCapital)) {
    const found = monthFirst(text, end, month) ?? monthYear(text, end, month);
    if (found) return finish(text, i, found, null);
  }
  if (YEAR_PREFIXES.has(lower)) {
    const found = yearAfterWord(text, end);
    if (found) return finish(text, i, found, null);
  }
  return null;
}

function finish(text: string, start: number, date: Found, weekday: number | null): DateMention {
  date.start = start;
  date.text = text.slice(start, date.end);
  date.weekday = weekday;
  return date;
}

/** "Monday, " then a date: month-first, day-first or numeric (a bare "13.11" counts here). */
function afterWeekday(text: string, i: number, english: EnglishCache): Found | null {
  let p = i;
  if (text[p] === ',' || text[p] === '.') p++;
  const s = skipSpaces(text, p);
  if (s === p) return null;
  if (isDigitAt(text, s)) return numericDate(text, s, true, english) ?? dayFirst(text, s);
  const w = wordAt(text, s);
  const month = w ? MONTH_WORDS.get(w.lower) : undefined;
  if (!w || !month || !capitalOk(w.word, month.needsCapital)) return null;
  return monthFirst(text, w.end, month);
}
