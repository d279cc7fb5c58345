/**
 * The upper bound for a yearless date: the newest full date on the page (outside the
 * article itself), or the file's modification time, whichever is earlier.
 */
import { compareYmd, daysInMonth, isoDay, utcYmd, type Ymd } from './calendar';
import { findDateMentions, type DateMention } from './mentions';

export interface UpperBound {
  date: Ymd;
  /** "YYYY-MM-DD". */
  iso: string;
  /** Where the bound came from, in words ('newest date on the page: "декабрь 2025 года"'). */
  reason: string;
}

// The furthest time zone ahead of UTC (UTC+14): a file saved late on the 9th UTC may already
// be dated the 10th where the article was written.
const AHEAD_OF_UTC_MS = 14 * 60 * 60 * 1000;

/** The last day a mention covers: the day itself, or the end of its month. Null without a year. */
function lastDayOf(m: DateMention): Ymd | null {
  if (m.year === null || m.month === null) return null;
  if (m.precision === 'day' && m.day !== null) return { y: m.year, m: m.month, d: m.day };
  // Year-only mentions ("к 2030 году") are too often targets or history to bound anything.
  if (m.precision === 'month') return { y: m.year, m: m.month, d: daysInMonth(m.year, m.month) };
  return null;
}

function mentionKey(m: DateMention): string {
  return `${m.text}|${m.year}|${m.month}|${m.day}`;
}

/**
 * The newest year-bearing date (day or month precision) in `pageText`, leaving out those that
 * also appear in `articleParagraphs`: the article's own dates are about its events (often past
 * ones, "signed in March 2021"), not about when the page was made.
 *
 * @example
 * newestPageDate('... запланирован на декабрь 2025 года ... 13.11 12:30', [])
 * // { date: { y: 2025, m: 12, d: 31 }, text: 'декабрь 2025 года' }
 */
export function newestPageDate(pageText: string, articleParagraphs: string[]): { date: Ymd; text: string } | null {
  // A multiset of the article's own mentions; identical mentions are interchangeable.
  const own = new Map<string, number>();
  for (const p of articleParagraphs) {
    for (const m of findDateMentions(p)) own.set(mentionKey(m), (own.get(mentionKey(m)) ?? 0) + 1);
  }
  let best: { date: Ymd; text: string } | null = null;
  for (const m of findDateMentions(pageText)) {
    const date = lastDayOf(m);
    if (!date) continue;
    const key = mentionKey(m);
    const left = own.get(key) ?? 0;
    if (left > 0) {
      own.set(key, left - 1);
      continue;
    }
    if (!best || compareYmd(date, best.date) > 0) best = { date, text: m.text };
  }
  return best;
}

/**
 * The latest date the file time allows, or null for a missing/invalid time.
 * @example fileTimeBound(new Date('2026-11-28T00:00:00Z'))?.reason // "file modified 2026-11-28"
 */
export function fileTimeBound(fileTime: Date | null): UpperBound | null {
  if (!fileTime || Number.isNaN(fileTime.getTime())) return null;
  const utc = utcYmd(fileTime);
  const ahead = utcYmd(new Date(fileTime.getTime() + AHEAD_OF_UTC_MS));
  const iso = isoDay(ahead);
  const reason =
    compareYmd(utc, ahead) === 0
      ? `file modified ${isoDay(utc)}`
      : `file modified ${fileTime.toISOString().slice(0, 16)}Z, already ${iso} in time zones ahead of UTC`;
  return { date: ahead, iso, reason };
}

/**
 * The upper bound for a yearless publication date, or null when there is none.
 *
 * @example
 * upperBound({ pageText, articleParagraphs: paragraphs, fileTime: new Date('2026-11-28T00:00:00Z') })
 * // { iso: '2025-12-31', reason: 'newest date on the page: "декабрь 2025 года"', ... }
 */
export function upperBound(input: {
  pageText: string;
  articleParagraphs: string[];
  fileTime: Date | null;
}): UpperBound | null {
  const page = newestPageDate(input.pageText, input.articleParagraphs);
  const file = fileTimeBound(input.fileTime);
  if (!page) return file;
  const pageReason = `newest date on the page: "${page.text}"`;
  // The page cannot be newer than the file it was saved in: a later page date is a forward-looking mention.
  if (file && compareYmd(file.date, page.date) < 0) {
    return { ...file, reason: `${file.reason} (the page's newest date, "${page.text}", is later)` };
  }
  return { date: page.date, iso: isoDay(page.date), reason: pageReason };
}
