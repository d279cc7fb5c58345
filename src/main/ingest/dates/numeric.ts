/**
 * All-numeric dates: "10.01.2022", "10/01/2022", "2022-01-10", ISO date-times, and "13.11"
 * next to a clock time. Each reader starts at a given position and returns null when the form is not there.
 */
import { isValidDate } from './calendar';
import { looksEnglishAt, type EnglishCache } from './language';
import { found, MAX_YEAR, MIN_YEAR, readYear, type Found } from './parts';
import { digitsEnd, intAt, numberEndsFree, numberStartsFree, skipSpaces, timeEnd, timeStartBefore } from './scan';

/**
 * All-numeric dates at `i`: "2022-01-10[T14:03:00Z]", "2022/01/10", "10.01.2022", "10/01/2022",
 * "10-01-2022", and a yearless "13.11" when a clock time is next to it (or `bareOk`, after a weekday).
 */
export function numericDate(text: string, i: number, bareOk: boolean, english: EnglishCache): Found | null {
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
