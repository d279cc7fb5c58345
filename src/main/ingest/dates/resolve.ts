/**
 * Deciding an article's publication date: the dateline's date, else the page header's,
 * with a missing year inferred from a weekday cue and an upper bound.
 */
import type { DateEvidence, DatePrecision } from '../../../shared/types';
import { isoDay, isoMonth, weekdayOf, WEEKDAY_NAMES } from './calendar';
import { findWeekdayCue } from './cues';
import { chooseYear } from './infer';
import { upperBound } from './bounds';
import { looksEnglishAt } from './language';
import { findDateMentions, type DateMention } from './mentions';

export interface ResolvedDate {
  /** "YYYY-MM-DD" | "YYYY-MM" | "YYYY" by precision; null when unknown. */
  publishedAt: string | null;
  precision: DatePrecision | null;
  /** True when the year (or another part) was inferred rather than stated. */
  inferred: boolean;
  /** One sentence on where the date came from or how it was inferred. */
  note: string | null;
  evidence: DateEvidence | null;
}

export interface PublicationDateInput {
  /** Article paragraphs (the first usually carries the dateline, e.g. "Washington. January 10th. INTERFAX - ..."). */
  paragraphs: string[];
  /** Lines between the title and body on the page (date lines, bylines), may be empty. */
  headerLines: string[];
  /** The whole page text (including sidebars), used for the upper bound ("newest date found on the page"). */
  pageText: string;
  /** File modification time, used as upper bound when the page has no full date. */
  fileTime: Date | null;
}

// The dateline is the start of the first paragraph, up to the lead separator ("INTERFAX - ",
// "(Reuters) - ", " — ") when one comes early enough, else its first 120 characters.
const DATELINE_CHARS = 120;
const SEPARATOR_SEARCH_CHARS = 200;
const LEAD_SEPARATOR = /\s[-–—]{1,2}\s/;
// Paragraphs searched for a weekday cue: the lead and the two after it ("Earlier on Monday, ...").
const CUE_PARAGRAPHS = 3;

type Source = 'dateline' | 'header';
const SOURCE_WORDS: Record<Source, string> = { dateline: 'the dateline', header: 'the page header' };

/** The date mention in the dateline of the lead paragraph, if any. */
function datelineMention(lead: string, english: boolean): DateMention | null {
  const sep = LEAD_SEPARATOR.exec(lead.slice(0, SEPARATOR_SEARCH_CHARS));
  const end = sep ? sep.index : DATELINE_CHARS;
  // Year-only mentions ("В 2021 году ...") open sentences, not datelines.
  const found = findDateMentions(lead.slice(0, end + 80), { english }).find((m) => m.start < end && m.precision !== 'year');
  return found ?? null;
}

function formatDate(m: DateMention, year: number): string {
  if (m.precision === 'day' && m.month !== null && m.day !== null) return isoDay({ y: year, m: m.month, d: m.day });
  if (m.precision === 'month' && m.month !== null) return isoMonth(year, m.month);
  return String(year).padStart(4, '0');
}

function emptyEvidence(stated: string): DateEvidence {
  return { stated, weekdayCue: null, notBefore: null, notBeforeReason: null, notAfter: null, notAfterReason: null, alternatives: [] };
}

function orderNote(m: DateMention): string {
  if (!m.ambiguousOrder) return '';
  return m.ambiguousOrder === 'month-day'
    ? ' (read as month/day: the text is English)'
    : ' (read as day/month: the text is not English)';
}

function weekdayMismatch(m: DateMention): string {
  if (m.weekday === null || m.year === null || m.month === null || m.day === null) return '';
  const actual = weekdayOf(m.year, m.month, m.day);
  if (actual === m.weekday) return '';
  return ` The named weekday (${WEEKDAY_NAMES[m.weekday]}) does not match: ${isoDay({ y: m.year, m: m.month, d: m.day })} was a ${WEEKDAY_NAMES[actual]}.`;
}

/**
 * Decides an article's publication date.
 *
 * 1. The date in the dateline (start of the first paragraph, before the lead separator) wins; else
 *    the first date in `headerLines`; else the result is empty with a note saying so. Dates deeper in
 *    the body or in the sidebar are never taken.
 * 2. A yearless date ("January 10th") gets its year from a header date with the same day, else it is
 *    inferred: the latest year not after the upper bound (newest full date on the page outside the
 *    article, or the file time, whichever is earlier) in which the day falls on the weekday named
 *    near it ("said on Monday", "в понедельник"). Without any bound the year stays unknown.
 * 3. A complete date is reported as stated.
 *
 * @example
 * resolvePublicationDate({
 *   paragraphs: ['Washington. January 10th. INTERFAX - ... Ned Price said on Monday.'],
 *   headerLines: [],
 *   pageText: '... запланирован на декабрь 2025 года ...',
 *   fileTime: new Date('2026-11-28T00:00:00Z'),
 * });
 * // { publishedAt: '2022-01-10', precision: 'day', inferred: true,
 * //   note: 'Year inferred: "January 10th" with "said on Monday" falls on a Monday in 2022 (also 2011, 2028); ...' }
 */
/**
 * True for a line that reads like page metadata ("November 18, 2019", "Published 10:23 AM ET,
 * Tue November 19, 2019") rather than a sentence of prose that happens to name a date ("... sacked
 * by Manchester United in December 2018."): a sentence's date is what it talks about, not when
 * it was published.
 */
function isMetadataLine(line: string): boolean {
  const words = line.trim().split(/\s+/).length;
  const sentence = /[.!?…»"”]\s*$/u.test(line.trim()) && words > 6;
  return words <= 16 && !sentence;
}

export function resolvePublicationDate(input: PublicationDateInput): ResolvedDate {
  const lead = input.paragraphs[0] ?? '';
  // Dateline and header lines are short: judge their language from the article.
  const english = looksEnglishAt(input.paragraphs.join('\n'), 0, new Map());
  const headerMentions = input.headerLines.filter(isMetadataLine).flatMap((line) => findDateMentions(line, { english }));
  const fromDateline = datelineMention(lead, english);
  const source: Source = fromDateline ? 'dateline' : 'header';
  // A full day beats a bare month or year ("Updated November 2019" next to "18 Nov 2019, 10:02").
  const mention = fromDateline ?? headerMentions.find((m) => m.precision === 'day') ?? headerMentions[0] ?? null;

  if (!mention) {
    return {
      publishedAt: null,
      precision: null,
      inferred: false,
      note: 'No publication date found in the dateline or the page header.',
      evidence: null,
    };
  }

  if (mention.year !== null) {
    return {
      publishedAt: formatDate(mention, mention.year),
      precision: mention.precision,
      inferred: false,
      note: `Stated in ${SOURCE_WORDS[source]}: "${mention.text}"${orderNote(mention)}.${weekdayMismatch(mention)}`,
      evidence: emptyEvidence(mention.text),
    };
  }

  // Only day precision can lack a year. A header line may state the full date of the same day.
  const month = mention.month as number;
  const day = mention.day as number;
  const completion = headerMentions.find((m) => m.year !== null && m.month === month && m.day === day && m.precision === 'day');
  if (completion && completion.year !== null) {
    return {
      publishedAt: formatDate(mention, completion.year),
      precision: 'day',
      inferred: false,
      note: `Stated in ${SOURCE_WORDS[source]}: "${mention.text}"; the year is from the page header: "${completion.text}".`,
      evidence: emptyEvidence(mention.text),
    };
  }

  return inferYear(input, mention, source);
}

function weekdayCueFor(input: PublicationDateInput, mention: DateMention, source: Source): { weekday: number; text: string } | null {
  if (mention.weekday !== null) return { weekday: mention.weekday, text: mention.text };
  const places = [...(source === 'header' ? input.headerLines : []), ...input.paragraphs.slice(0, CUE_PARAGRAPHS)];
  for (const place of places) {
    const cue = findWeekdayCue(place);
    if (cue) return cue;
  }
  return null;
}

function inferYear(input: PublicationDateInput, mention: DateMention, source: Source): ResolvedDate {
  const month = mention.month as number;
  const day = mention.day as number;
  const cue = weekdayCueFor(input, mention, source);
  const where = source === 'header' ? ' in the page header' : '';
  const quoted = `"${mention.text}"${where}`;
  const cueWords = cue && cue.text !== mention.text ? ` with "${cue.text}"` : '';
  const evidence = emptyEvidence(mention.text);
  evidence.weekdayCue = cue ? cue.text : null;

  const bound = upperBound({ pageText: input.pageText, articleParagraphs: input.paragraphs, fileTime: input.fileTime });
  const choice = bound ? chooseYear(month, day, cue ? cue.weekday : null, bound.date) : null;
  if (!bound || !choice) {
    const weekdayPart = cue ? ` ("${cue.text}" makes it a ${WEEKDAY_NAMES[cue.weekday]}, but many years fit)` : '';
    return {
      publishedAt: null,
      precision: null,
      inferred: false,
      note: `Year unknown: ${quoted} has no year, and neither a full date on the page nor the file time bounds it${weekdayPart}.`,
      evidence,
    };
  }

  evidence.notAfter = bound.iso;
  evidence.notAfterReason = bound.reason;
  evidence.alternatives = choice.alternatives.map((y) => formatDate(mention, y));
  const limit = `not later than ${bound.iso} (${bound.reason})`;
  const also = choice.nearest.length ? ` (also ${choice.nearest.join(', ')})` : '';
  const note = cue
    ? `Year inferred: ${quoted}${cueWords} falls on a ${WEEKDAY_NAMES[cue.weekday]} in ${choice.year}${also}; ${limit}.`
    : `Year inferred: ${quoted} is taken to be in ${choice.year}, the latest year ${limit}; no weekday is named to confirm it.`;
  return { publishedAt: formatDate(mention, choice.year), precision: 'day', inferred: true, note, evidence };
}
