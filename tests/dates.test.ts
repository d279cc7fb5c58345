import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDateMentions, findWeekdayCue, resolvePublicationDate } from '../src/main/ingest/dates';
import type { PublicationDateInput } from '../src/main/ingest/dates';

const SEED = '/work/shared/data/seed/000_2c03e237f77aa444.txt';
const seedPage = readFileSync(SEED, 'utf8');

/** The article body of the reference page: from the dateline paragraph to Blinken's quote. */
function seedParagraphs(): string[] {
  const lines = seedPage.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const first = lines.findIndex((l) => l.startsWith('Washington. January 10th. INTERFAX - The US authorities'));
  const last = lines.findIndex((l) => l.endsWith('difficult to get her to leave."'));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last).toBeGreaterThan(first);
  return lines.slice(first, last + 1);
}

const FILE_TIME = new Date('2026-11-28T00:00:00Z');

function resolve(partial: Partial<PublicationDateInput> & { paragraphs: string[] }) {
  return resolvePublicationDate({
    headerLines: [],
    pageText: partial.paragraphs.join('\n\n'),
    fileTime: null,
    ...partial,
  });
}

/** The one mention in `text`, as the fields a reader cares about. */
function only(text: string) {
  const mentions = findDateMentions(text);
  expect(mentions, `mentions in ${JSON.stringify(text)}`).toHaveLength(1);
  const m = mentions[0]!;
  expect(text.slice(m.start, m.end)).toBe(m.text);
  return { text: m.text, year: m.year, month: m.month, day: m.day, weekday: m.weekday, precision: m.precision };
}

describe('reference page (Interfax item on the CSTO, 000_2c03e237f77aa444.txt)', () => {
  const result = resolvePublicationDate({
    paragraphs: seedParagraphs(),
    headerLines: [],
    pageText: seedPage,
    fileTime: FILE_TIME,
  });

  it('infers 10 January 2022 from "said on Monday" and the sidebar\'s "декабрь 2025 года"', () => {
    expect(result.publishedAt).toBe('2022-01-10');
    expect(result.precision).toBe('day');
    expect(result.inferred).toBe(true);
    expect(result.evidence?.stated).toBe('January 10th');
    expect(result.evidence?.weekdayCue).toContain('on Monday');
    expect(result.evidence?.weekdayCue).toBe('said on Monday');
    expect(result.evidence?.notAfter).toBe('2025-12-31');
    expect(result.evidence?.notAfterReason).toBe('newest date on the page: "декабрь 2025 года"');
    expect(result.evidence?.notBefore).toBeNull();
  });

  it('explains itself in one sentence naming the weekday and the other Monday years', () => {
    expect(result.note).toBe(
      'Year inferred: "January 10th" with "said on Monday" falls on a Monday in 2022 (also 2011, 2028); ' +
        'not later than 2025-12-31 (newest date on the page: "декабрь 2025 года").',
    );
    expect(result.evidence?.alternatives).toEqual(expect.arrayContaining(['2011-01-10', '2028-01-10']));
    expect(result.evidence?.alternatives).not.toContain('2022-01-10');
    for (const alt of result.evidence?.alternatives ?? []) {
      expect(new Date(`${alt}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(Math.abs(Number(alt.slice(0, 4)) - 2022)).toBeLessThanOrEqual(20);
    }
  });

  it('reads the sidebar times "13.11 12:30" as yearless days that do not bound the year', () => {
    const sidebar = findDateMentions(seedPage).filter((m) => m.text.startsWith('13.11'));
    expect(sidebar[0]).toMatchObject({ text: '13.11 12:30', year: null, month: 11, day: 13 });
    // With only the sidebar times, the bound falls back to the file time.
    const withoutPlan = seedPage.replace('на декабрь 2025 года', 'на будущее');
    const r = resolvePublicationDate({ paragraphs: seedParagraphs(), headerLines: [], pageText: withoutPlan, fileTime: FILE_TIME });
    expect(r.evidence?.notAfter).toBe('2026-11-28');
    expect(r.evidence?.notAfterReason).toBe('file modified 2026-11-28');
    expect(r.publishedAt).toBe('2022-01-10');
  });

  it('takes 2028 when the file is from 2030 and the page has no full date', () => {
    const r = resolvePublicationDate({
      paragraphs: seedParagraphs(),
      headerLines: [],
      pageText: seedParagraphs().join('\n\n'),
      fileTime: new Date('2030-06-01T00:00:00Z'),
    });
    expect(r.publishedAt).toBe('2028-01-10');
    expect(r.inferred).toBe(true);
    expect(r.evidence?.notAfter).toBe('2030-06-01');
    expect(r.evidence?.notAfterReason).toBe('file modified 2030-06-01');
    expect(r.note).toContain('Monday in 2028 (also 2022, 2033)');
  });

  it('without a weekday cue takes the latest year not after the bound', () => {
    const paragraphs = seedParagraphs().map((p) => p.replace(/ on Monday/g, ''));
    const r = resolvePublicationDate({ paragraphs, headerLines: [], pageText: seedPage, fileTime: FILE_TIME });
    expect(r.publishedAt).toBe('2025-01-10');
    expect(r.inferred).toBe(true);
    expect(r.evidence?.weekdayCue).toBeNull();
    expect(r.evidence?.notAfter).toBe('2025-12-31');
    expect(r.note).toBe(
      'Year inferred: "January 10th" is taken to be in 2025, the latest year not later than 2025-12-31 ' +
        '(newest date on the page: "декабрь 2025 года"); no weekday is named to confirm it.',
    );
  });
});

describe('findDateMentions: forms', () => {
  it.each([
    ['Washington. January 10th. INTERFAX', 'January 10th', null, 1, 10, null, 'day'],
    ['Published 10 January 2022 in print', '10 January 2022', 2022, 1, 10, null, 'day'],
    ['WASHINGTON, Jan. 10, 2022 (Reuters) -', 'Jan. 10, 2022', 2022, 1, 10, null, 'day'],
    ['Jan 10 2022 update', 'Jan 10 2022', 2022, 1, 10, null, 'day'],
    ['on 10 Jan 2022 at noon', '10 Jan 2022', 2022, 1, 10, null, 'day'],
    ['the 10th of January', '10th of January', null, 1, 10, null, 'day'],
    ['In January 2022, protests began', 'January 2022', 2022, 1, null, null, 'month'],
    ['Monday, January 10, 2022', 'Monday, January 10, 2022', 2022, 1, 10, 1, 'day'],
    ['Updated: 10.01.2022', '10.01.2022', 2022, 1, 10, null, 'day'],
    ['Updated: 10.01.2022 14:35', '10.01.2022 14:35', 2022, 1, 10, null, 'day'],
    ['date: 2022-01-10;', '2022-01-10', 2022, 1, 10, null, 'day'],
    ['2022/01/10', '2022/01/10', 2022, 1, 10, null, 'day'],
    ['"datePublished": "2022-01-10T14:03:00Z"', '2022-01-10T14:03:00Z', 2022, 1, 10, null, 'day'],
    // The written date is kept, not converted to UTC (that would be 11 January).
    ['2022-01-10T23:30:00.000-05:00', '2022-01-10T23:30:00.000-05:00', 2022, 1, 10, null, 'day'],
    ['Москва. 10 января. ИНТЕРФАКС', '10 января', null, 1, 10, null, 'day'],
    ['10 января 2022 г. в Москве', '10 января 2022 г.', 2022, 1, 10, null, 'day'],
    ['понедельник, 10 января 2022 г.', 'понедельник, 10 января 2022 г.', 2022, 1, 10, 1, 'day'],
    ['10.01.2022г. состоялось', '10.01.2022г.', 2022, 1, 10, null, 'day'],
    ['с января 2022 по март', 'января 2022', 2022, 1, null, null, 'month'],
    ['в январе 2022 года', 'январе 2022 года', 2022, 1, null, null, 'month'],
    ['запланирован на декабрь 2025 года', 'декабрь 2025 года', 2025, 12, null, null, 'month'],
    ['ВЫБОРЫ 5 МАРТА 2024', '5 МАРТА 2024', 2024, 3, 5, null, 'day'],
    ['10 січня 2022 року', '10 січня 2022 року', 2022, 1, 10, null, 'day'],
    ["п'ятниця, 14 січня 2022", "п'ятниця, 14 січня 2022", 2022, 1, 14, 5, 'day'],
    ['Montag, 10. Januar 2022', 'Montag, 10. Januar 2022', 2022, 1, 10, 1, 'day'],
    ['am 3. März 2022', '3. März 2022', 2022, 3, 3, null, 'day'],
    ['le 1er janvier 2022', '1er janvier 2022', 2022, 1, 1, null, 'day'],
    ['lundi 10 janvier 2022', 'lundi 10 janvier 2022', 2022, 1, 10, 1, 'day'],
    ['el 10 de enero de 2022', '10 de enero de 2022', 2022, 1, 10, null, 'day'],
    ['segunda-feira, 10 de janeiro de 2022', 'segunda-feira, 10 de janeiro de 2022', 2022, 1, 10, 1, 'day'],
    ['lunedì 10 gennaio 2022', 'lunedì 10 gennaio 2022', 2022, 1, 10, 1, 'day'],
    ['в 2022 году', '2022 году', 2022, null, null, null, 'year'],
    ['in the year 2022', 'year 2022', 2022, null, null, null, 'year'],
    ['  • 13.11 12:30', '13.11 12:30', null, 11, 13, null, 'day'],
    ['обновлено 12:30, 13.11', '12:30, 13.11', null, 11, 13, null, 'day'],
  ] as const)('%s → %s', (input, text, year, month, day, weekday, precision) => {
    expect(only(input)).toEqual({ text, year, month, day, weekday, precision });
  });

  it('returns every mention in order with spans into the input', () => {
    const text = 'Talks began on 3 January 2022 and ended on January 10. Next round: 2022-02-01.';
    const mentions = findDateMentions(text);
    expect(mentions.map((m) => m.text)).toEqual(['3 January 2022', 'January 10', '2022-02-01']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('rejects days that do not exist', () => {
    const days = findDateMentions('31 February 2022, 30.02.2022, 2023-02-29, 32 January').filter((m) => m.day !== null);
    expect(days).toEqual([]);
    expect(only('29 February 2024').day).toBe(29);
    expect(only('29 February').year).toBeNull(); // possible in a leap year
  });
});

describe('findDateMentions: numeric day/month order', () => {
  it('puts the number over 12 in the day', () => {
    expect(only('13/01/2022')).toMatchObject({ month: 1, day: 13 });
    expect(only('01/13/2022')).toMatchObject({ month: 1, day: 13 });
    expect(only('25-12-2021')).toMatchObject({ month: 12, day: 25 });
  });

  it('reads 03/04/2022 as 4 March in English text and as 3 April elsewhere', () => {
    const en = findDateMentions('The agreement was signed on 03/04/2022 and the parties said that it is final.');
    expect(en[0]).toMatchObject({ month: 3, day: 4, ambiguousOrder: 'month-day' });
    const ru = findDateMentions('Соглашение подписано 03/04/2022, стороны заявили, что оно окончательное.');
    expect(ru[0]).toMatchObject({ month: 4, day: 3, ambiguousOrder: 'day-month' });
    expect(findDateMentions('03/04/2022', { english: true })[0]).toMatchObject({ month: 3, day: 4 });
  });

  it('always reads dotted dates as day.month', () => {
    expect(only('The agreement was signed on 03.04.2022 and the parties said that it is final.')).toMatchObject({
      month: 4,
      day: 3,
    });
  });
});

describe('findDateMentions: things that are not dates', () => {
  it.each([
    'Inflation rose 3.5 percent in the quarter',
    'The ticket costs $10.50 or 10,01 euros',
    'Цена 13.11 руб. за штуку',
    'Update to version 2.10 or v2.10.1 now',
    'Call +7 (495) 123-45-67 or 8-800-555-35-35',
    'The plant was founded in 1987.',
    '1987',
    'Tu-214, MS-21 and Su-57 aircraft',
    'the army may 2022 soldiers',
    'Server 192.168.10.12 answered in 12:30 ms',
    'Итог: 13.11 против 12.40',
    'добавить 2000 г муки и 2000 р. сверху',
    'scores 10/20/30 and ratios 1.5.2022x',
    'The Sun, 5 pages',
  ])('%s', (text) => {
    expect(findDateMentions(text)).toEqual([]);
  });

  it('does not take a price, percentage or version in the dateline as the publication date', () => {
    const r = resolve({ paragraphs: ['MOSCOW - Shares fell 3.5 percent to 13.11 rubles after version 2.10 of the app, built in 1987, shipped.'] });
    expect(r.publishedAt).toBeNull();
    expect(r.precision).toBeNull();
    expect(r.note).toBe('No publication date found in the dateline or the page header.');
  });
});

describe('resolvePublicationDate', () => {
  it("takes the header's date line, not a sentence of prose that names another date", () => {
    const r = resolve({
      paragraphs: ['Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham manager.'],
      headerLines: [
        'The Portuguese boss had been out of work since being sacked by Manchester United in December 2018.',
        'Updated November 2019',
        'Wednesday 20 November 2019 08:12',
      ],
      fileTime: FILE_TIME,
    });
    expect(r.publishedAt).toBe('2019-11-20');
    expect(r.precision).toBe('day');
    expect(r.note).toBe('Stated in the page header: "Wednesday 20 November 2019".');
  });

  it('reports a year-bearing dateline as stated, not inferred', () => {
    const r = resolve({
      paragraphs: ['London. 10 January 2022. INTERFAX - The government said on Friday that talks will resume.'],
      fileTime: FILE_TIME,
    });
    expect(r).toEqual({
      publishedAt: '2022-01-10',
      precision: 'day',
      inferred: false,
      note: 'Stated in the dateline: "10 January 2022".',
      evidence: {
        stated: '10 January 2022',
        weekdayCue: null,
        notBefore: null,
        notBeforeReason: null,
        notAfter: null,
        notAfterReason: null,
        alternatives: [],
      },
    });
  });

  it('infers the year of a Russian "10 января" from "в понедельник"', () => {
    const r = resolve({
      paragraphs: [
        'Москва. 10 января. ИНТЕРФАКС - Министр иностранных дел заявил в понедельник, что переговоры продолжатся.',
        'Ранее сообщалось о встрече в Женеве.',
      ],
      fileTime: FILE_TIME,
    });
    expect(r.publishedAt).toBe('2022-01-10');
    expect(r.inferred).toBe(true);
    expect(r.evidence?.stated).toBe('10 января');
    expect(r.evidence?.weekdayCue).toBe('заявил в понедельник');
    expect(r.evidence?.notAfter).toBe('2026-11-28');
    expect(r.note).toContain('Monday');
  });

  it('finds the cue in the paragraphs after the lead ("Earlier on Monday")', () => {
    const r = resolve({
      paragraphs: ['Washington. January 10th. INTERFAX - Officials spoke at a briefing.', 'Earlier on Monday, the envoy arrived.'],
      fileTime: FILE_TIME,
    });
    expect(r.publishedAt).toBe('2022-01-10');
    expect(r.evidence?.weekdayCue).toBe('on Monday');
  });

  it('accepts the wire style "said Monday" and a weekday written into the date itself', () => {
    const ap = resolve({ paragraphs: ['WASHINGTON, Jan. 10 (AP) - The State Department said Monday it would respond.'], fileTime: FILE_TIME });
    expect(ap.publishedAt).toBe('2022-01-10');
    expect(ap.evidence?.weekdayCue).toBe('said Monday');

    const inDate = resolve({ paragraphs: ['Monday, January 10 - The summit opened in Geneva.'], fileTime: FILE_TIME });
    expect(inDate.publishedAt).toBe('2022-01-10');
    expect(inDate.evidence?.weekdayCue).toBe('Monday, January 10');
    expect(inDate.note).toContain('falls on a Monday in 2022');
  });

  it('ignores weekdays that point to another week ("last Monday")', () => {
    const r = resolve({
      paragraphs: ['Washington. January 10th. INTERFAX - The talks that started last Monday went on.'],
      fileTime: FILE_TIME,
    });
    expect(r.evidence?.weekdayCue).toBeNull();
    expect(r.publishedAt).toBe('2026-01-10');
  });

  it('handles 29 February: only leap years on the named weekday fit', () => {
    const r = resolve({ paragraphs: ['Moscow. Feb. 29. INTERFAX - The minister said on Tuesday that the plan was ready.'], fileTime: FILE_TIME });
    expect(r.publishedAt).toBe('2000-02-29');
    // No other Tuesday 29 February within 20 years: the nearest ones on each side are given instead.
    expect(r.evidence?.alternatives).toEqual(['1972-02-29', '2028-02-29']);
    expect(r.note).toContain('falls on a Tuesday in 2000 (also 1972, 2028)');
  });

  it('takes the year before when the bound comes before the day in its own year', () => {
    const r = resolve({
      paragraphs: ['Washington. January 10th. INTERFAX - Officials met.'],
      fileTime: new Date('2025-01-09T00:00:00Z'),
    });
    expect(r.publishedAt).toBe('2024-01-10');
  });

  it('allows for time zones ahead of UTC when the file was saved late in the UTC day', () => {
    // 21:30 UTC on the 9th is already the 10th in Moscow, where the article was written.
    const r = resolve({
      paragraphs: ['Moscow. January 10th. INTERFAX - The ministry said on Monday that drills had begun.'],
      fileTime: new Date('2022-01-09T21:30:00Z'),
    });
    expect(r.publishedAt).toBe('2022-01-10');
    expect(r.evidence?.notAfterReason).toBe('file modified 2022-01-09T21:30Z, already 2022-01-10 in time zones ahead of UTC');
  });

  it('leaves the year unknown when nothing bounds it', () => {
    const r = resolve({ paragraphs: ['Washington. January 10th. INTERFAX - Ned Price said on Monday.'] });
    expect(r.publishedAt).toBeNull();
    expect(r.precision).toBeNull();
    expect(r.inferred).toBe(false);
    expect(r.note).toMatch(/^Year unknown: "January 10th" has no year/);
    expect(r.evidence?.stated).toBe('January 10th');
    expect(r.evidence?.weekdayCue).toBe('said on Monday');
  });

  it('does not let the article\'s own dates bound the year (they are about its events)', () => {
    const r = resolve({
      paragraphs: ['Washington. January 10th. INTERFAX - The deal signed in March 2021 was discussed, Price said on Monday.'],
      fileTime: FILE_TIME,
    });
    expect(r.publishedAt).toBe('2022-01-10');
    expect(r.evidence?.notAfter).toBe('2026-11-28');
  });

  it('caps a forward-looking page date by the file time', () => {
    const paragraphs = ['Washington. January 10th. INTERFAX - Ned Price said on Monday.'];
    const r = resolve({ paragraphs, pageText: `${paragraphs[0]}\nLaunch planned for December 2035`, fileTime: FILE_TIME });
    expect(r.evidence?.notAfter).toBe('2026-11-28');
    expect(r.evidence?.notAfterReason).toBe('file modified 2026-11-28 (the page\'s newest date, "December 2035", is later)');
    expect(r.publishedAt).toBe('2022-01-10');
  });

  it('falls back to the header lines, and completes a yearless dateline from them', () => {
    const fromHeader = resolve({
      paragraphs: ['The ministry announced new measures on Monday.'],
      headerLines: ['By Staff Writer', 'Published 10.01.2022 14:35'],
    });
    expect(fromHeader.publishedAt).toBe('2022-01-10');
    expect(fromHeader.inferred).toBe(false);
    expect(fromHeader.note).toBe('Stated in the page header: "10.01.2022 14:35".');

    const completed = resolve({
      paragraphs: ['Washington. January 10th. INTERFAX - Officials met.'],
      headerLines: ['10.01.2022 14:35'],
    });
    expect(completed.publishedAt).toBe('2022-01-10');
    expect(completed.inferred).toBe(false);
    expect(completed.note).toBe('Stated in the dateline: "January 10th"; the year is from the page header: "10.01.2022 14:35".');
  });

  it('reads an ambiguous header slash date by the article\'s language and says so', () => {
    const r = resolve({
      paragraphs: ['The minister said that the talks with the delegation were over and that it was time for a decision.'],
      headerLines: ['03/04/2022'],
    });
    expect(r.publishedAt).toBe('2022-03-04');
    expect(r.note).toBe('Stated in the page header: "03/04/2022" (read as month/day: the text is English).');
  });

  it('keeps month precision and flags a weekday that does not match the stated date', () => {
    const month = resolve({ paragraphs: ['January 2022. Review - The year opened with protests.'] });
    expect(month).toMatchObject({ publishedAt: '2022-01', precision: 'month', inferred: false });

    const mismatch = resolve({ paragraphs: ['Monday, 11 January 2022 - Talks resumed.'] });
    expect(mismatch.publishedAt).toBe('2022-01-11');
    expect(mismatch.note).toBe(
      'Stated in the dateline: "Monday, 11 January 2022". The named weekday (Monday) does not match: 2022-01-11 was a Tuesday.',
    );
  });

  it('takes no date from deep in the body or from the sidebar', () => {
    const lead =
      'Washington. INTERFAX - The US authorities are calling on the CSTO forces to leave, a State Department spokesman said at a briefing, ' +
      'recalling the statement of 10 January 2022.';
    const r = resolve({
      paragraphs: [lead, 'On 5 January 2022 the troops arrived.'],
      pageText: `${lead}\n\nSidebar\n12 November 2025 Other news`,
      fileTime: FILE_TIME,
    });
    expect(r.publishedAt).toBeNull();
    expect(r.note).toBe('No publication date found in the dateline or the page header.');
  });

  it('gives the same answer in any host time zone', () => {
    const saved = process.env.TZ;
    const answers: string[] = [];
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        const r = resolvePublicationDate({ paragraphs: seedParagraphs(), headerLines: [], pageText: seedPage, fileTime: FILE_TIME });
        answers.push(`${r.publishedAt} ${r.note}`);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^2022-01-10 /);
  });
});

describe('findWeekdayCue', () => {
  it.each([
    ['State Department spokesman Ned Price said on Monday.', 'said on Monday', 1],
    ['The ministry said Monday it would respond.', 'said Monday', 1],
    ['Earlier on Monday, the envoy arrived.', 'on Monday', 1],
    ['Министр заявил в среду, что...', 'заявил в среду', 3],
    ['Во вторник стороны встретились.', 'Во вторник', 2],
    ['Міністр заявив у п’ятницю', 'заявив у п’ятницю', 5],
    ['Der Minister sagte am Freitag', 'am Freitag', 5],
    ['Le ministre a déclaré lundi que', 'déclaré lundi', 1],
    ['El ministro dijo el jueves que', 'el jueves', 4],
    ['El presidente votó el domingo', 'el domingo', 0],
    ['O ministro disse no domingo', 'no domingo', 0],
  ] as const)('%s → %s', (text, cue, weekday) => {
    expect(findWeekdayCue(text)).toMatchObject({ text: cue, weekday });
  });

  it.each(['They met last Monday.', 'Plácido Domingo sang', 'el lunes pasado', 'Monday is a holiday.', 'lundi dernier', 'Talks start next Friday', "Monday's meeting"])(
    'no cue in %s',
    (text) => {
      expect(findWeekdayCue(text)).toBeNull();
    },
  );
});

describe('bounded time on large input', () => {
  const FIVE_MB = 5 * 1024 * 1024;

  /**
   * A hang check, not a speed target (speed belongs to bench/): a regex that backtracks
   * catastrophically takes minutes on 5 MB, a linear scan well under a second, so 10 s
   * separates the two even on a loaded machine.
   */
  const HANG_LIMIT_MS = 10_000;
  function elapsedMs(run: () => void): number {
    const started = performance.now();
    run();
    return performance.now() - started;
  }

  it('reads a 5 MB page and resolves its date without hanging', () => {
    const page = seedPage.repeat(Math.ceil(FIVE_MB / seedPage.length));
    expect(findDateMentions(page).length).toBeGreaterThan(10_000);
    const elapsed = elapsedMs(() => {
      const r = resolvePublicationDate({ paragraphs: seedParagraphs(), headerLines: [], pageText: page, fileTime: FILE_TIME });
      expect(r.publishedAt).toBe('2022-01-10');
    });
    expect(elapsed).toBeLessThan(HANG_LIMIT_MS);
  });

  it.each([
    ['dots', '1.'],
    ['digit run', '1'],
    ['hyphenated letters', 'a-'],
    ['separators', '1/-.:'],
    ['month names without numbers', 'January января '],
    ['weekday names and commas', 'Monday, '],
    ['dense sidebar times', '13.11 12:30 '],
  ])('stays linear on adversarial input: %s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(FIVE_MB / unit.length));
    expect(elapsedMs(() => findDateMentions(text))).toBeLessThan(HANG_LIMIT_MS);
  });
});
