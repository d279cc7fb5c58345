/**
 * Proleptic Gregorian calendar helpers. All arithmetic is done in UTC so the
 * host's time zone can never shift a date.
 */

/** A calendar date; month is 1-12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** English weekday names, indexed like `Date.getUTCDay()` (0 = Sunday). */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/**
 * True for Gregorian leap years.
 * @example isLeapYear(2024) // true
 */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Days in a month; with `y` null, February counts 29 days (a yearless "29 February" is possible).
 * @example daysInMonth(2023, 2) // 28
 */
export function daysInMonth(y: number | null, m: number): number {
  if (m === 2) return y === null || isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * True when day `d` exists in month `m` of year `y` (any year when `y` is null).
 * @example isValidDate(2022, 2, 29) // false
 */
export function isValidDate(y: number | null, m: number, d: number): boolean {
  return Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Day of the week, 0 = Sunday .. 6 = Saturday.
 * @example weekdayOf(2022, 1, 10) // 1 (Monday)
 */
export function weekdayOf(y: number, m: number, d: number): number {
  // setUTCFullYear avoids Date.UTC's mapping of years 0-99 to 1900-1999.
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCDay();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * "YYYY-MM-DD".
 * @example isoDay({ y: 2022, m: 1, d: 10 }) // "2022-01-10"
 */
export function isoDay(date: Ymd): string {
  return `${pad(date.y, 4)}-${pad(date.m, 2)}-${pad(date.d, 2)}`;
}

/**
 * "YYYY-MM".
 * @example isoMonth(2025, 12) // "2025-12"
 */
export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/**
 * Orders two dates: negative when `a` is earlier, 0 when equal, positive when later.
 * @example compareYmd({ y: 2022, m: 1, d: 10 }, { y: 2025, m: 12, d: 31 }) < 0 // true
 */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * The UTC calendar date of an instant.
 * @example utcYmd(new Date('2026-11-28T00:00:00Z')) // { y: 2026, m: 11, d: 28 }
 */
export function utcYmd(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
