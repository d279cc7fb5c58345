/**
 * Dates written with month names: "January 10th", "10 January 2022", "января 2022",
 * "10 de enero de 2022", and years named as such ("2022 года", "year 2022").
 * Each reader starts at a given position and returns null when the form is not there.
 */
import { isValidDate } from './calendar';
import { DAY_MONTH_LINKS, MONTH_WORDS, MONTH_YEAR_LINKS, ORDINAL_SUFFIXES, type MonthWord } from './lexicon';
import { found, MAX_YEAR, MIN_YEAR, readYear, yearSuffixEnd, type Found } from './parts';
import { digitsEnd, intAt, numberEndsFree, numberStartsFree, skipSpaces, wordAt } from './scan';

export function capitalOk(word: string, needsCapital: boolean): boolean {
  if (!needsCapital) return true;
  const first = word[0] as string;
  return first !== first.toLowerCase();
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
export function monthFirst(text: string, i: number, month: MonthWord): Found | null {
  if (!month.monthFirst) return null;
  const s = afterMonthWord(text, i, month, false);
  if (s < 0) return null;
  const d = readDay(text, s);
  if (!d || !isValidDate(null, month.month, d.day)) return null;
  return optionalYear(text, d.end, month.month, d.day, d.end);
}

/** "January 2022", "января 2022", "январе 2022 года", "enero de 2022". `i` is just after the month word. */
export function monthYear(text: string, i: number, month: MonthWord): Found | null {
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
export function dayFirst(text: string, i: number): Found | null {
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
export function yearWithSuffix(text: string, i: number): Found | null {
  if (!numberStartsFree(text, i)) return null;
  const e = digitsEnd(text, i, 4, 4);
  if (e < 0) return null;
  const year = intAt(text, i, e);
  const end = yearSuffixEnd(text, e);
  if (year < MIN_YEAR || year > MAX_YEAR || end < 0) return null;
  return found(end, year, null, null, 'year');
}

/** "year 2022", "Jahr 2022": `i` is just after the word. */
export function yearAfterWord(text: string, i: number): Found | null {
  const s = skipSpaces(text, i);
  if (s === i || !numberStartsFree(text, s)) return null;
  const y = readYear(text, s);
  return y ? found(y.end, y.year, null, null, 'year') : null;
}
