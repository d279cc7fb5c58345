/** Choosing the year of a yearless month/day under an upper bound and an optional weekday. */
import { compareYmd, isValidDate, weekdayOf, type Ymd } from './calendar';

export interface YearChoice {
  year: number;
  /** The other years that fit (ascending); see `chooseYear`. */
  alternatives: number[];
  /** The nearest fitting year before and after `year`, for the note. */
  nearest: number[];
}

// How far back to look; any month/day falls on any weekday within 40 years (29 February within 28 leap years).
const SEARCH_YEARS = 400;
const ALTERNATIVE_WINDOW = 20;

/**
 * The latest year, not after `notAfter`, in which `month`/`day` exists and (when given) falls on
 * `weekday`. Alternatives: the nearest fitting year on each side and, with a weekday, every other
 * year within ±20 years where the day falls on it. The bound is ignored there, so the analyst sees
 * what it ruled out; without a weekday any year fits, so only the two neighbours are given.
 *
 * @example
 * chooseYear(1, 10, 1, { y: 2025, m: 12, d: 31 })
 * // { year: 2022, alternatives: [2005, 2011, 2028, 2033, 2039], nearest: [2011, 2028] }
 */
export function chooseYear(month: number, day: number, weekday: number | null, notAfter: Ymd): YearChoice | null {
  const fits = (y: number): boolean =>
    isValidDate(y, month, day) && (weekday === null || weekdayOf(y, month, day) === weekday);
  let year: number | null = null;
  const first = compareYmd({ y: notAfter.y, m: month, d: day }, notAfter) <= 0 ? notAfter.y : notAfter.y - 1;
  for (let y = first; y > first - SEARCH_YEARS; y--) {
    if (fits(y)) {
      year = y;
      break;
    }
  }
  if (year === null) return null;

  let before: number | null = null;
  for (let y = year - 1; y > year - SEARCH_YEARS && before === null; y--) if (fits(y)) before = y;
  let after: number | null = null;
  for (let y = year + 1; y < year + SEARCH_YEARS && after === null; y++) if (fits(y)) after = y;
  const nearest = [before, after].filter((y): y is number => y !== null);

  const alternatives = new Set(nearest);
  if (weekday !== null) {
    for (let y = year - ALTERNATIVE_WINDOW; y <= year + ALTERNATIVE_WINDOW; y++) if (y !== year && fits(y)) alternatives.add(y);
  }
  return { year, alternatives: [...alternatives].sort((a, b) => a - b), nearest };
}
