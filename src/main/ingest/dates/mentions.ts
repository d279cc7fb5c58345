/**
 * Finding date expressions in text: "January 10th", "10 января 2022 г.", "2022-01-10T14:03:00Z",
 * "13.11 12:30"... See `findDateMentions`.
 */
import type { DatePrecision } from '../../../shared/types';
import { isValidDate } from './calendar';
import {
  DAY_MONTH_LINKS,
  MONTH_WORDS,
  LEXICON_PREFIXES,
  MONTH_YEAR_LINKS,
  ORDINAL_SUFFIXES,
  WEEKDAY_WORDS,
  YEAR_PREFIXES,
  YEAR_SUFFIXES,
  YEAR_SUFFIXES_NEEDING_PERIOD,
  prefixKey,
  type MonthWord,
} from './lexicon';
import { ALL_BLOCKS, looksEnglishAt, type EnglishCache } from './language';
import {
  digitsEnd,
  intAt,
  isDigitAt,
  isLetterCode,
  numberEndsFree,
  numberStartsFree,
  skipSpaces,
  timeEnd,
  timeStartBefore,
  wordAt,
  wordEnd,
} from './scan';

export interface DateMention {
  /** Span in the input: `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  year: number | null;
  /** 1-12. */
  month: number | null;
  day: number | null;
  /** 0 = Sunday .. 6 = Saturday, when the expression names one ("Monday, 10 January 2022"). */
  weekday: number | null;
  precision: DatePrecision;
  /**
   * For numeric dates with "/" or "-" whose first two numbers are both ≤ 12 ("03/04/2022"):
   * the order chosen ('month-day' in English-looking text, else 'day-month').
   */
  ambiguousOrder?: 'day-month' | 'month-day';
}

// Years outside this range are treated as ordinary numbers.
const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

/** A parsed date before its start, text and weekday are filled in by `finish`. */
type Found = DateMention;

export interface DateMentionOptions {
  /**
   * Whether the text is English, which decides ambiguous slash dates ("03/04/2022" is 4 March in
   * English, 3 April elsewhere). Detected from the surrounding text when omitted; pass it when
   * the text is a short piece (a header line) of a longer page.
   */
  english?: boolean;
}

// One object per mention, created with every field so all mentions share one shape.
function found(end: number, year: number | null, month: number | null, day: number | null, precision: DatePrecision): Found {
  return { start: -1, end, text: '', year, month, day, weekday: null, precision };
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

function capitalOk(word: string, needsCapital: boolean): boolean {
  if (!needsCapital) return true;
  const first = word[0] as string;
  return first !== first.toLowerCase();
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

/** End of an ordinal ending glued to a day number ("th", "er", "º"), `i` when there is none, -1 for other letters. */
function ordinalEnd(text: string, i: number): number {
  const w = wordAt(text, i);
  if (!w) return i;
  return ORDINAL_SUFFIXES.has(w.lower) ? w.end : -1;
}

/** A 1-2 digit day at `i` with its ordinal ending; null when it is not a plausible day. */
function readDay(text: string, i: number): { day: number; end: number } | null {
  const e = digitsEnd(text, i, 1, 2);
  if (e < 0) return null;
  const day = intAt(text, i, e);
  const end = ordinalEnd(text, e);
  if (day < 1 || day > 31 || end < 0 || !numberEndsFree(text, end)) return null;
  return { day, end };
}

/**
 * A 4-digit year at `i` with an optional year word after it ("2022 г.", "2022 года", "2022г.").
 * Returns the end of the whole, or null.
 */
function readYear(text: string, i: number): { year: number; end: number } | null {
  const e = digitsEnd(text, i, 4, 4);
  if (e < 0) return null;
  const year = intAt(text, i, e);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const suffix = yearSuffixEnd(text, e);
  if (suffix > 0) return { year, end: suffix };
  return numberEndsFree(text, e) ? { year, end: e } : null;
}

/** End of a year word after a number ("года", "г."), or -1. */
function yearSuffixEnd(text: string, i: number): number {
  const s = skipSpaces(text, i, 1);
  const w = wordAt(text, s);
  if (!w || !YEAR_SUFFIXES.has(w.lower)) return -1;
  if (text[w.end] === '.') return w.end + 1;
  return YEAR_SUFFIXES_NEEDING_PERIOD.has(w.lower) ? -1 : w.end;
}

/** After a month word: optional period (abbreviations) and comma, then spaces; -1 when no space follows. */
function afterMonthWord(text: string, i: number, month: MonthWord, allowComma: boolean): number {
  let p = i;
  if (month.abbreviation && text[p] === '.') p++;
  if (allowComma && text[p] === ',') p++;
  const s = skipSpaces(text, p);
  return s > p ? s : -1;
}

/** An optional ", 2022" / " de 2022" after a day-precision date. */
function optionalYear(text: string, i: number, month: number, day: number, end: number): Found {
  let p = i;
  if (text[p] === ',') p++;
  let s = skipSpaces(text, p);
  if (s > p) {
    const link = wordAt(text, s);
    if (link && MONTH_YEAR_LINKS.has(link.lower)) {
      const after = skipSpaces(text, link.end);
      if (after > link.end) s = after;
    }
    const y = readYear(text, s);
    if (y && isValidDate(y.year, month, day)) {
      return found(y.end, y.year, month, day, 'day');
    }
  }
  return found(end, null, month, day, 'day');
}

/** "January 10th", "Jan. 10, 2022", "Jan 10 2022" (English only). `i` is just after the month word. */
function monthFirst(text: string, i: number, month: MonthWord): Found | null {
  if (!month.monthFirst) return null;
  const s = afterMonthWord(text, i, month, false);
  if (s < 0) return null;
  const d = readDay(text, s);
  if (!d || !isValidDate(null, month.month, d.day)) return null;
  return optionalYear(text, d.end, month.month, d.day, d.end);
}

/** "January 2022", "января 2022", "январе 2022 года", "enero de 2022". `i` is just after the month word. */
function monthYear(text: string, i: number, month: MonthWord): Found | null {
  let s = afterMonthWord(text, i, month, true);
  if (s < 0) return null;
  const link = wordAt(text, s);
  if (link && MONTH_YEAR_LINKS.has(link.lower)) {
    s = skipSpaces(text, link.end);
    if (s === link.end) return null;
  }
  const y = readYear(text, s);
  return y ? found(y.end, y.year, month.month, null, 'month') : null;
}

/** "10 January 2022", "10th of January", "10. Januar", "10 января 2022 г.", "10 de enero de 2022". */
function dayFirst(text: string, i: number): Found | null {
  if (!numberStartsFree(text, i)) return null;
  const d = readDay(text, i);
  if (!d) return null;
  let p = d.end;
  if (text[p] === '.') p++; // German "10. Januar"
  let s = skipSpaces(text, p);
  if (s === p) return null;
  let w = wordAt(text, s);
  if (w && DAY_MONTH_LINKS.has(w.lower)) {
    s = skipSpaces(text, w.end);
    if (s === w.end) return null;
    w = wordAt(text, s);
  }
  const month = w ? MONTH_WORDS.get(w.lower) : undefined;
  if (!w || !month || !capitalOk(w.word, month.needsCapital) || !isValidDate(null, month.month, d.day)) return null;
  const monthEnd = month.abbreviation && text[w.end] === '.' ? w.end + 1 : w.end;
  return optionalYear(text, monthEnd, month.month, d.day, monthEnd);
}

/** "2022 года", "2022 г.", "2022 року" (year precision). */
function yearWithSuffix(text: string, i: number): Found | null {
  if (!numberStartsFree(text, i)) return null;
  const e = digitsEnd(text, i, 4, 4);
  if (e < 0) return null;
  const year = intAt(text, i, e);
  const end = yearSuffixEnd(text, e);
  if (year < MIN_YEAR || year > MAX_YEAR || end < 0) return null;
  return found(end, year, null, null, 'year');
}

/** "year 2022", "Jahr 2022": `i` is just after the word. */
function yearAfterWord(text: string, i: number): Found | null {
  const s = skipSpaces(text, i);
  if (s === i || !numberStartsFree(text, s)) return null;
  const y = readYear(text, s);
  return y ? found(y.end, y.year, null, null, 'year') : null;
}

/**
 * All-numeric dates at `i`: "2022-01-10[T14:03:00Z]", "2022/01/10", "10.01.2022", "10/01/2022",
 * "10-01-2022", and a yearless "13.11" when a clock time is next to it (or `bareOk`, after a weekday).
 */
function numericDate(text: string, i: number, bareOk: boolean, english: EnglishCache): Found | null {
  if (!numberStartsFree(text, i)) return null;
  const first = digitsEnd(text, i, 1, 4);
  if (first < 0) return null;
  const sep = text[first];
  if (sep !== '.' && sep !== '/' && sep !== '-') return null;
  if (first - i === 4) return yearFirst(text, i, first, sep);
  if (first - i > 2) return null;

  const secondEnd = digitsEnd(text, first + 1, 1, 2);
  if (secondEnd < 0) return null;
  const a = intAt(text, i, first);
  const b = intAt(text, first + 1, secondEnd);

  if (text[secondEnd] === sep && digitsEnd(text, secondEnd + 1, 4, 4) > 0) {
    const y = readYear(text, secondEnd + 1);
    if (!y) return null;
    const order = numericOrder(sep, a, b, () => looksEnglishAt(text, i, english));
    if (!order) return null;
    const [day, month] = order.dayMonth ? [a, b] : [b, a];
    if (!isValidDate(y.year, month, day)) return null;
    const date = found(withTime(text, y.end), y.year, month, day, 'day');
    if (order.ambiguous) date.ambiguousOrder = order.dayMonth ? 'day-month' : 'month-day';
    return date;
  }

  // Yearless "dd.mm": only with a two-digit month and a clock time next to it, so that
  // "3.5 percent", "version 2.10" and prices are left alone.
  if (sep !== '.' || secondEnd - first !== 3 || !numberEndsFree(text, secondEnd) || !isValidDate(null, b, a)) return null;
  const after = skipSpaces(text, secondEnd);
  const timeAfter = after > secondEnd ? timeEnd(text, after) : -1;
  if (timeAfter < 0 && !bareOk && timeStartBefore(text, i) < 0) return null;
  return found(timeAfter > 0 ? timeAfter : secondEnd, null, b, a, 'day');
}

/**
 * Which of two numbers is the day. "." is always day.month (European). With "/" or "-": a number
 * over 12 must be the day; when both are ≤ 12, month/day in English-looking text, else day/month.
 */
function numericOrder(
  sep: string,
  a: number,
  b: number,
  isEnglish: () => boolean,
): { dayMonth: boolean; ambiguous: boolean } | null {
  if (sep === '.') return { dayMonth: true, ambiguous: false };
  if (a > 12 && b <= 12) return { dayMonth: true, ambiguous: false };
  if (b > 12 && a <= 12) return { dayMonth: false, ambiguous: false };
  if (a > 12 || b > 12) return null;
  if (a === b) return { dayMonth: true, ambiguous: false };
  return { dayMonth: !isEnglish(), ambiguous: true };
}

/** "2022-01-10", "2022/1/10", "2022.01.10"; ISO "-" needs two-digit month and day. */
function yearFirst(text: string, i: number, first: number, sep: string): Found | null {
  const width = sep === '-' ? 2 : 1;
  const monthEnd = digitsEnd(text, first + 1, width, 2);
  if (monthEnd < 0 || text[monthEnd] !== sep) return null;
  const dayEnd = digitsEnd(text, monthEnd + 1, width, 2);
  if (dayEnd < 0) return null;
  const year = intAt(text, i, first);
  const month = intAt(text, first + 1, monthEnd);
  const day = intAt(text, monthEnd + 1, dayEnd);
  if (year < MIN_YEAR || year > MAX_YEAR || !isValidDate(year, month, day)) return null;
  const isoEnd = sep === '-' && text[dayEnd] === 'T' ? isoTimeEnd(text, dayEnd + 1) : -1;
  const end = isoEnd > 0 ? isoEnd : withTime(text, dayEnd);
  if (!numberEndsFree(text, end)) return null;
  return found(end, year, month, day, 'day');
}

/** Extends a date's end over a following " 14:35" (kept in the span, not in the value). */
function withTime(text: string, end: number): number {
  const s = skipSpaces(text, end, 1);
  if (s === end) return end;
  const t = timeEnd(text, s);
  return t > 0 ? t : end;
}

/** End of the time part of an ISO date-time after "T": "14:03", "14:03:00.123", "Z", "+03:00". */
function isoTimeEnd(text: string, i: number): number {
  let end = timeEndLoose(text, i);
  if (end < 0) return -1;
  if (text[end] === '.' || text[end] === ',') {
    const f = digitsEnd(text, end + 1, 1, 9);
    if (f > 0) end = f;
  }
  if (text[end] === 'Z') return end + 1;
  if (text[end] === '+' || text[end] === '-') {
    const h = digitsEnd(text, end + 1, 2, 2);
    if (h < 0) return end;
    if (text[h] === ':') {
      const m = digitsEnd(text, h + 1, 2, 2);
      return m > 0 ? m : h;
    }
    const m = digitsEnd(text, h, 2, 2);
    return m > 0 ? m : h;
  }
  return end;
}

/** "hh:mm[:ss]" without the end check (a fraction or zone may follow). */
function timeEndLoose(text: string, i: number): number {
  const h = digitsEnd(text, i, 2, 2);
  if (h < 0 || text[h] !== ':') return -1;
  const m = digitsEnd(text, h + 1, 2, 2);
  if (m < 0) return -1;
  if (text[m] !== ':') return m;
  const s = digitsEnd(text, m + 1, 2, 2);
  return s > 0 ? s : m;
}
