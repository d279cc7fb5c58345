/** The shape of a date mention and the readers shared by the worded and numeric forms. */
import type { DatePrecision } from '../../../shared/types';
import { YEAR_SUFFIXES, YEAR_SUFFIXES_NEEDING_PERIOD } from './lexicon';
import { digitsEnd, intAt, numberEndsFree, skipSpaces, wordAt } from './scan';

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
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

/** A parsed date before its start, text and weekday are filled in by `finish`. */
export type Found = DateMention;

// One object per mention, created with every field so all mentions share one shape.
export function found(end: number, year: number | null, month: number | null, day: number | null, precision: DatePrecision): Found {
  return { start: -1, end, text: '', year, month, day, weekday: null, precision };
}

/**
 * A 4-digit year at `i` with an optional year word after it ("2022 г.", "2022 года", "2022г.").
 * Returns the end of the whole, or null.
 */
export function readYear(text: string, i: number): { year: number; end: number } | null {
  const e = digitsEnd(text, i, 4, 4);
  if (e < 0) return null;
  const year = intAt(text, i, e);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const suffix = yearSuffixEnd(text, e);
  if (suffix > 0) return { year, end: suffix };
  return numberEndsFree(text, e) ? { year, end: e } : null;
}

/** End of a year word after a number ("года", "г."), or -1. */
export function yearSuffixEnd(text: string, i: number): number {
  const s = skipSpaces(text, i, 1);
  const w = wordAt(text, s);
  if (!w || !YEAR_SUFFIXES.has(w.lower)) return -1;
  if (text[w.end] === '.') return w.end + 1;
  return YEAR_SUFFIXES_NEEDING_PERIOD.has(w.lower) ? -1 : w.end;
}
