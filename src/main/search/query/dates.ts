/**
 * Calendar helpers for the query parser's `date:`, `after:` and `before:` fields. Pure
 * arithmetic on ISO day strings; no `Date` objects, so no time-zone or two-digit-year surprises.
 */

/** A run of whole days, both ends inclusive, as "YYYY-MM-DD". */
export interface DayRange {
  start: string;
  end: string;
}

// A four-digit year, optionally a month, optionally a day. One-digit months and days are
// accepted (`2022-1-5`) because analysts type them; the output is always zero-padded.
const DATE_RE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** True for Gregorian leap years (2024, 2000; not 1900). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a year, a month or a day and returns the days it covers, or null if it is not a real
 * date in one of those forms.
 * @example
 * parseDayRange('2024-02'); // { start: '2024-02-01', end: '2024-02-29' }
 * parseDayRange('2022-02-30'); // null
 */
export function parseDayRange(text: string): DayRange | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: iso(year, 1, 1), end: iso(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) return { start: iso(year, month, 1), end: iso(year, month, last) };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  const d = iso(year, month, day);
  return { start: d, end: d };
}

/**
 * The day before or after an ISO day; null when that leaves the four-digit years.
 * @example
 * shiftDay('2024-02-28', 1); // '2024-02-29'
 * shiftDay('2022-03-01', -1); // '2022-02-28'
 */
export function shiftDay(day: string, delta: 1 | -1): string | null {
  let y = Number(day.slice(0, 4));
  let m = Number(day.slice(5, 7));
  let d = Number(day.slice(8, 10));
  if (delta === 1) {
    if (d < daysInMonth(y, m)) d++;
    else if (m < 12) [m, d] = [m + 1, 1];
    else [y, m, d] = [y + 1, 1, 1];
  } else if (d > 1) d--;
  else if (m > 1) [m, d] = [m - 1, daysInMonth(y, m - 1)];
  else [y, m, d] = [y - 1, 12, 31];
  return y < 0 || y > 9999 ? null : iso(y, m, d);
}
