/**
 * A date written in a field of its own, as feeds, exports and archives write them: RFC 822/1123
 * ("Tue, 3 Jan 2006 19:57:00 +0300", in all its sloppy variants), ISO 8601 (extended and basic),
 * "26-FEB-1987 15:01:01.79" (Reuters), "2022/01/10 12:00", "10.01.2022", Unix time; else the
 * first full date the free-text finder sees. See `parseLooseDate`.
 */
import type { DatePrecision } from '../../../shared/types';
import { isValidDate, isoDay, isoMonth, weekdayOf } from './calendar';
import { MONTH_WORDS, WEEKDAY_WORDS } from './lexicon';
import { findDateMentions } from './mentions';

export interface LooseDate {
  /** ISO 8601: `2006-01-03T16:57:00.000Z` (UTC) when a time is known, else `2006-01-03` (or `2006-01`, `2006`). */
  value: string;
  precision: DatePrecision;
  /** How it was read, with the text as written. */
  note: string;
}

// Longer text is not a date field: only the free-text finder looks at it.
const MAX_FIELD_LENGTH = 120;

// Offsets in minutes east of UTC. US zone names as RFC 822 lists them (plus Alaska and Hawaii), and
// the European and Asian abbreviations feeds commonly use; ambiguous ones (IST, CST in China) are left out.
const ZONES: Record<string, number> = {
  GMT: 0, UT: 0, UTC: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, HDT: -540,
  BST: 60, WEST: 60, CET: 60, MET: 60, CEST: 120, MEST: 120, EET: 120, EEST: 180, MSK: 180, MSD: 240,
  JST: 540, KST: 540, HKT: 480, SGT: 480, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

// Month abbreviations the shared lexicon leaves out (there they would be ordinary words), safe in a date field.
const EXTRA_MONTHS: Record<string, number> = {
  ene: 1, gen: 1, fev: 2, abr: 4, mai: 5, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, out: 10, ott: 10, dez: 12, dic: 12,
};

const WORD = String.raw`[\p{L}][\p{L}\p{M}'’.\-]*`;
const MONTH = String.raw`(\p{L}{3,12})\.?`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?([ap])\.?m\.?)?`;
const ZONE = String.raw`([+-]\d{1,2}(?::?\d{2})?|(?:GMT|UTC|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,5})`;
// "-0500 (EST)", "GMT+0300 (Moscow Standard Time)": the comment adds nothing.
const COMMENT = String.raw`(?: ?\([^()]*\))?`;

const re = (source: string): RegExp => new RegExp(`^${source}$`, 'iu');

// "Tue, 3 Jan 2006 19:57:00 +0300", "03 Apr 02 1500 GMT", "26-FEB-1987 15:01:01.79".
const DAY_FIRST = re(
  String.raw`(?:(${WORD}),? )?(\d{1,2})(?:st|nd|rd|th)?([ -])${MONTH}(?:[ -]|, ?)(\d{4}|\d{2})(?:(?:,? |T|,? at )(?:${TIME}|(\d{2})(\d{2})))?(?: ?${ZONE})?${COMMENT}`,
);
// "Jan 3, 2006 7:57 PM EST", "Tue Jan 03 2006 19:57:00 GMT+0300 (...)", asctime "Tue Jan 3 19:57:00 2006".
const MONTH_FIRST = re(
  String.raw`(?:(${WORD}),? )?${MONTH} (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?(?:(?:,? |,? at )${TIME})?(?: ?${ZONE})?(?: (\d{4}))?${COMMENT}`,
);
const ISO_EXTENDED = re(String.raw`(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?${ZONE})?)?`);
const ISO_BASIC = re(String.raw`(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?:\d{2})?)?)?`);
const ISO_MONTH = re(String.raw`(\d{4})-(\d{2})`);
const ISO_YEAR = re(String.raw`(\d{4})`);
const YEAR_SLASH = re(String.raw`(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:,? ${TIME})?(?: ?${ZONE})?`);
const DAY_DOT = re(String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,? ${TIME})?(?: ?${ZONE})?`);
const SLASHED = re(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})(?:,? ${TIME})?(?: ?${ZONE})?`);
const EPOCH = /^(\d{10}|\d{13})$/;

/**
 * Reads a date field. Returns null when there is no date, or when the date is impossible
 * (30 February, month 13, 25:00). A time without a zone is read as UTC, and the note says so;
 * a zone name it does not know leaves only the date. A named weekday that does not fit the date
 * is ignored (noted). Linear in the length of the text.
 *
 * @example
 * parseLooseDate('Tue, 3 Jan 2006 19:57:00 +0300')
 * // { value: '2006-01-03T16:57:00.000Z', precision: 'day', note: 'RFC 822 date "Tue, 3 Jan 2006 19:57:00 +0300"' }
 * parseLooseDate('10.01.2022') // { value: '2022-01-10', precision: 'day', note: 'day.month.year date "10.01.2022"' }
 * parseLooseDate('2022-02-30') // null
 */
export function parseLooseDate(text: string): LooseDate | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (trimmed.length <= MAX_FIELD_LENGTH * 4) {
    const s = trimmed.replace(/\s+/g, ' ');
    if (s.length <= MAX_FIELD_LENGTH) {
      for (const read of READERS) {
        const result = read(s);
        // null: the form matched but the date is impossible; do not guess further.
        if (result !== undefined) return result;
      }
    }
  }
  return firstMention(trimmed);
}

type Reader = (s: string) => LooseDate | null | undefined;

interface Clock {
  h: number;
  mi: number;
  s: number;
  ms: number;
}

const READERS: Reader[] = [
  (s) => {
    const m = EPOCH.exec(s);
    if (!m) return undefined;
    const ms = m[1]!.length === 13 ? Number(m[1]) : Number(m[1]) * 1000;
    return { value: new Date(ms).toISOString(), precision: 'day', note: `Unix time ${s} (${m[1]!.length === 13 ? 'milliseconds' : 'seconds'})` };
  },
  (s) => {
    const m = ISO_EXTENDED.exec(s) ?? ISO_BASIC.exec(s);
    if (!m) return undefined;
    const clock = m[4] !== undefined ? clockOf(m[4], m[5]!, m[6], m[7], undefined) : undefined;
    return finish(s, m[4] !== undefined ? 'ISO 8601 date-time' : 'ISO 8601 date', +m[1]!, +m[2]!, +m[3]!, clock, m[8], []);
  },
  (s) => {
    const m = ISO_MONTH.exec(s);
    if (!m) return undefined;
    const month = +m[2]!;
    return month >= 1 && month <= 12 ? { value: isoMonth(+m[1]!, month), precision: 'month', note: `ISO 8601 month "${s}"` } : null;
  },
  (s) => (ISO_YEAR.test(s) ? { value: s, precision: 'year', note: `ISO 8601 year "${s}"` } : undefined),
  (s) => {
    const m = DAY_FIRST.exec(s);
    if (!m) return undefined;
    const month = monthNumber(m[4]!);
    if (month === null) return undefined;
    const { year, notes } = fullYear(m[5]!);
    const clock = m[6] !== undefined ? clockOf(m[6], m[7]!, m[8], m[9], m[10]) : m[11] !== undefined ? clockOf(m[11], m[12]!) : undefined;
    const form = m[3] === '-' ? 'day-month-year date' : 'RFC 822 date';
    return finish(s, form, year, month, +m[2]!, clock, m[13], [...notes, ...weekdayNotes(m[1], year, month, +m[2]!)]);
  },
  (s) => {
    const m = MONTH_FIRST.exec(s);
    const yearText = m?.[4] ?? m?.[11];
    if (!m || yearText === undefined || (m[4] !== undefined && m[11] !== undefined)) return undefined;
    const month = monthNumber(m[2]!);
    if (month === null) return undefined;
    const clock = m[5] !== undefined ? clockOf(m[5], m[6]!, m[7], m[8], m[9]) : undefined;
    return finish(s, 'month-first date', +yearText, month, +m[3]!, clock, m[10], weekdayNotes(m[1], +yearText, month, +m[3]!));
  },
  (s) => {
    const m = YEAR_SLASH.exec(s);
    if (!m) return undefined;
    const clock = m[4] !== undefined ? clockOf(m[4], m[5]!, m[6], m[7], m[8]) : undefined;
    return finish(s, 'year/month/day date', +m[1]!, +m[2]!, +m[3]!, clock, m[9], []);
  },
  (s) => {
    const m = DAY_DOT.exec(s);
    if (!m) return undefined;
    const clock = m[4] !== undefined ? clockOf(m[4], m[5]!, m[6], m[7], m[8]) : undefined;
    return finish(s, 'day.month.year date', +m[3]!, +m[2]!, +m[1]!, clock, m[9], []);
  },
  (s) => {
    // Slashes: only when one number is over 12; "03/04/2022" is left to the finder's language rule.
    const m = SLASHED.exec(s);
    if (!m) return undefined;
    const a = +m[1]!;
    const b = +m[2]!;
    if ((a > 12) === (b > 12)) return undefined;
    const clock = m[4] !== undefined ? clockOf(m[4], m[5]!, m[6], m[7], m[8]) : undefined;
    return a > 12
      ? finish(s, 'day/month/year date', +m[3]!, b, a, clock, m[9], [])
      : finish(s, 'month/day/year date', +m[3]!, a, b, clock, m[9], []);
  },
];

function clockOf(h: string, mi: string, sec?: string, fraction?: string, meridiem?: string): Clock | null {
  let hour = +h;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const clock = { h: hour, mi: +mi, s: sec === undefined ? 0 : +sec, ms: fraction === undefined ? 0 : +fraction.padEnd(3, '0').slice(0, 3) };
  // 24:00 is the end of the day; 60 seconds is a leap second.
  if (clock.mi > 59 || clock.s > 60 || clock.h > 24 || (clock.h === 24 && (clock.mi || clock.s || clock.ms))) return null;
  return clock;
}

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return MONTH_WORDS.get(lower)?.month ?? EXTRA_MONTHS[lower] ?? null;
}

/** RFC 2822's rule for two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999. */
function fullYear(digits: string): { year: number; notes: string[] } {
  if (digits.length === 4) return { year: +digits, notes: [] };
  const year = +digits + (+digits < 50 ? 2000 : 1900);
  return { year, notes: [`two-digit year read as ${year}`] };
}

const WEEKDAY_ABBREVIATIONS: Record<string, number> = { sun: 0 }; // the lexicon leaves "Sun" out ("The Sun")

function weekdayNotes(word: string | undefined, y: number, m: number, d: number): string[] {
  if (!word || !isValidDate(y, m, d)) return [];
  const lower = word.toLowerCase().replace(/[.,]$/, '');
  const named = WEEKDAY_WORDS.get(lower)?.weekday ?? WEEKDAY_ABBREVIATIONS[lower];
  return named !== undefined && named !== weekdayOf(y, m, d) ? [`the weekday "${word}" does not fit the date and was ignored`] : [];
}

/** Minutes east of UTC for a zone as written, with a note when it needs one; undefined when unknown. */
function zoneOffset(zone: string): { offset: number; note?: string } | undefined {
  const numeric = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric) {
    const hours = +numeric[2]!;
    const minutes = numeric[3] === undefined ? 0 : +numeric[3];
    if (hours > 14 || minutes > 59) return undefined;
    return { offset: (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes) };
  }
  const upper = zone.toUpperCase();
  if (upper in ZONES) return { offset: ZONES[upper]! };
  // RFC 822 got the military zones' signs backwards, so RFC 1123 and 2822 say they carry no information.
  if (/^[A-IK-Y]$/.test(upper)) return { offset: 0, note: `military zone "${zone}" carries no reliable offset (RFC 2822); read as UTC` };
  return undefined;
}

function finish(
  s: string,
  form: string,
  y: number,
  m: number,
  d: number,
  clock: Clock | null | undefined,
  zone: string | undefined,
  notes: string[],
): LooseDate | null | undefined {
  if (clock === null || !isValidDate(y, m, d)) return null;
  const extra = [...notes];
  let value = isoDay({ y, m, d });
  if (clock) {
    const z = zone === undefined ? { offset: 0, note: 'no time zone given; read as UTC' } : zoneOffset(zone);
    if (z) {
      if (z.note) extra.push(z.note);
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      t.setUTCHours(clock.h, clock.mi, clock.s, clock.ms);
      value = new Date(t.getTime() - z.offset * 60_000).toISOString();
    } else {
      extra.push(`time zone "${zone}" not recognised; only the date is kept`);
    }
  } else if (zone !== undefined && zoneOffset(zone) === undefined) {
    return undefined; // "10 Jan 2022 abc": a stray word, not a zone; let the finder look
  }
  const note = `${form} "${s}"` + (extra.length > 0 ? ` (${extra.join('; ')})` : '');
  return { value, precision: 'day', note };
}

// The finder runs over windows of the text, so a long text with an early date stops early and
// memory stays bounded. Windows overlap by more than any date expression is long.
const WINDOW = 2000;
const OVERLAP = 100;

function firstMention(s: string): LooseDate | null {
  for (let start = 0; start < s.length; ) {
    const end = Math.min(s.length, start + WINDOW);
    const mention = findDateMentions(s.slice(start, end)).find((x) => x.year !== null && x.month !== null && x.day !== null);
    if (mention) {
      const value = isoDay({ y: mention.year!, m: mention.month!, d: mention.day! });
      const head = s.slice(0, 200).replace(/\s+/g, ' ');
      const quoted = head.length > 80 ? `${head.slice(0, 77)}...` : head;
      const order = mention.ambiguousOrder ? ` (read as ${mention.ambiguousOrder})` : '';
      return { value, precision: 'day', note: `date "${mention.text}" found in "${quoted}"${order}` };
    }
    if (end === s.length) break;
    // The next window starts after white space, so it never begins inside a word or number.
    let next = end - OVERLAP;
    while (next < end && !/\s/.test(s[next]!)) next++;
    start = next < end ? next + 1 : end;
  }
  return null;
}
