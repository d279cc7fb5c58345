import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../src/main/ingest/dates/loose';

/** [input, expected value] pairs; precision is 'day' for all of them. */
function expectValues(cases: Array<[string, string]>): void {
  for (const [input, value] of cases) {
    const d = parseLooseDate(input);
    expect(d?.value, input).toBe(value);
    expect(d?.precision, input).toBe('day');
  }
}

describe('parseLooseDate: RFC 822 / 1123 as feeds write it', () => {
  it('reads the standard form, with its zone, into UTC', () => {
    expect(parseLooseDate('Tue, 3 Jan 2006 19:57:00 +0300')).toEqual({
      value: '2006-01-03T16:57:00.000Z',
      precision: 'day',
      note: 'RFC 822 date "Tue, 3 Jan 2006 19:57:00 +0300"',
    });
  });

  it('reads zone names, offsets with a colon, military zones and comments', () => {
    expectValues([
      ['Tue, 03 Jan 2006 19:57:00 GMT', '2006-01-03T19:57:00.000Z'],
      ['Tue, 03 Jan 2006 19:57:00 UT', '2006-01-03T19:57:00.000Z'],
      ['Wed, 17 Jan 2018 15:50:00 EST', '2018-01-17T20:50:00.000Z'],
      ['Tue, 03 Jan 2006 19:57:00 EDT', '2006-01-03T23:57:00.000Z'],
      ['Tue, 03 Jan 2006 19:57:00 CST', '2006-01-04T01:57:00.000Z'],
      ['Tue, 03 Jan 2006 19:57:00 MDT', '2006-01-04T01:57:00.000Z'],
      ['Tue, 03 Jan 2006 19:57:00 PDT', '2006-01-04T02:57:00.000Z'],
      ['Tue, 03 Jan 2006 19:57:00 PST', '2006-01-04T03:57:00.000Z'],
      ['Tue, 3 Jan 2006 19:57:00 +03:00', '2006-01-03T16:57:00.000Z'],
      ['Tue, 3 Jan 2006 19:57:00 -0500 (EST)', '2006-01-04T00:57:00.000Z'],
      ['Tue, 3 Jan 2006 19:57:00 Z', '2006-01-03T19:57:00.000Z'],
      ['Wed, 22 Jan 2014 20:31:31 +0600', '2014-01-22T14:31:31.000Z'],
    ]);
    // RFC 822 printed the military zones' signs backwards; RFC 1123/2822 say they carry no information.
    const military = parseLooseDate('Tue, 3 Jan 2006 19:57:00 A');
    expect(military?.value).toBe('2006-01-03T19:57:00.000Z');
    expect(military?.note).toMatch(/military zone "A".*read as UTC/);
  });

  it('reads sloppy variants: no weekday, a wrong weekday, two-digit years, no seconds, lower case, extra spaces', () => {
    expectValues([
      ['3 Jan 2006 19:57:00 +0300', '2006-01-03T16:57:00.000Z'],
      ['Mon, 3 Jan 2006 19:57:00 +0300', '2006-01-03T16:57:00.000Z'],
      ['Tue, 03 Jan 06 19:57:00 GMT', '2006-01-03T19:57:00.000Z'],
      ['Tue, 3 Jan 2006 19:57 GMT', '2006-01-03T19:57:00.000Z'],
      ['tue, 3 jan 2006 19:57:00 gmt', '2006-01-03T19:57:00.000Z'],
      ['  Tue,   3  Jan   2006   19:57:00    +0300 ', '2006-01-03T16:57:00.000Z'],
      ['Tuesday, 3 January 2006 19:57:00 GMT', '2006-01-03T19:57:00.000Z'],
      ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'], // RSS 0.92 sample: two-digit year, no colon
      ['Sat, 07 Sep 96 00:00:01 GMT', '1996-09-07T00:00:01.000Z'],
      ['Qua, 03 Jan 2018 13:47:00 GMT', '2018-01-03T13:47:00.000Z'], // Portuguese weekday
      ['Jan 3, 2006 7:57 PM EST', '2006-01-04T00:57:00.000Z'],
      ['Tue Jan 03 2006 19:57:00 GMT+0300 (Moscow Standard Time)', '2006-01-03T16:57:00.000Z'],
      ['Tue Jan 3 19:57:00 2006', '2006-01-03T19:57:00.000Z'],
    ]);
    expect(parseLooseDate('Mon, 3 Jan 2006 19:57:00 +0300')?.note).toMatch(/weekday "Mon" does not fit the date and was ignored/);
    expect(parseLooseDate('Tue, 03 Jan 06 19:57:00 GMT')?.note).toMatch(/two-digit year read as 2006/);
  });

  it('keeps only the date when a zone name is unknown, and says when no zone was given', () => {
    expect(parseLooseDate('Tue, 3 Jan 2006 19:57:00 XYZ')).toMatchObject({ value: '2006-01-03', note: expect.stringMatching(/"XYZ" not recognised/) });
    expect(parseLooseDate('Tue, 3 Jan 2006 19:57:00')).toMatchObject({
      value: '2006-01-03T19:57:00.000Z',
      note: expect.stringMatching(/no time zone given; read as UTC/),
    });
    expect(parseLooseDate('Tue, 3 Jan 2006')).toEqual({ value: '2006-01-03', precision: 'day', note: 'RFC 822 date "Tue, 3 Jan 2006"' });
  });
});

describe('parseLooseDate: ISO 8601 and other numeric forms', () => {
  it('reads dates and date-times, with or without zone, with fractions, extended and basic format', () => {
    expect(parseLooseDate('2022-01-10')).toEqual({ value: '2022-01-10', precision: 'day', note: 'ISO 8601 date "2022-01-10"' });
    expectValues([
      ['2022-01-10T12:00:00Z', '2022-01-10T12:00:00.000Z'],
      ['2022-01-10T12:00:00+03:00', '2022-01-10T09:00:00.000Z'],
      ['2017-11-08T18:15:58-05:00', '2017-11-08T23:15:58.000Z'],
      ['2016-06-03T07:38:00.000-07:00', '2016-06-03T14:38:00.000Z'],
      ['2022-01-10T12:00:00.123456Z', '2022-01-10T12:00:00.123Z'],
      ['2022-01-10 12:00:00', '2022-01-10T12:00:00.000Z'],
      ['2022-01-10T12:00', '2022-01-10T12:00:00.000Z'],
      ['20220110T120000Z', '2022-01-10T12:00:00.000Z'],
      ['20220110T1200+0100', '2022-01-10T11:00:00.000Z'],
    ]);
    expect(parseLooseDate('20220110')?.value).toBe('2022-01-10');
    expect(parseLooseDate('2022-01')).toMatchObject({ value: '2022-01', precision: 'month' });
    expect(parseLooseDate('2022')).toMatchObject({ value: '2022', precision: 'year' });
  });

  it('reads Reuters, year/month/day, day.month.year, and unambiguous slashes', () => {
    expect(parseLooseDate('26-FEB-1987 15:01:01.79')).toEqual({
      value: '1987-02-26T15:01:01.790Z',
      precision: 'day',
      note: 'day-month-year date "26-FEB-1987 15:01:01.79" (no time zone given; read as UTC)',
    });
    expectValues([
      [' 3-MAR-1987  09:15:05.40', '1987-03-03T09:15:05.400Z'],
      ['2022/01/10 12:00', '2022-01-10T12:00:00.000Z'],
      ['10.01.2022 14:30', '2022-01-10T14:30:00.000Z'],
      ['13/01/2022 08:00 +0100', '2022-01-13T07:00:00.000Z'],
    ]);
    expect(parseLooseDate('10.01.2022')).toEqual({ value: '2022-01-10', precision: 'day', note: 'day.month.year date "10.01.2022"' });
    expect(parseLooseDate('01/13/2022')?.value).toBe('2022-01-13');
  });

  it('reads Unix time in seconds (10 digits) and milliseconds (13 digits)', () => {
    expect(parseLooseDate('1641816000')).toEqual({ value: '2022-01-10T12:00:00.000Z', precision: 'day', note: 'Unix time 1641816000 (seconds)' });
    expect(parseLooseDate('1641816000123')?.value).toBe('2022-01-10T12:00:00.123Z');
    expect(parseLooseDate('164181600')).toBeNull(); // 9 digits: not a timestamp
  });
});

describe('parseLooseDate: impossible dates, free text, speed', () => {
  it('refuses impossible dates instead of rolling them over', () => {
    for (const input of [
      'Wed, 30 Feb 2022 10:00:00 GMT',
      '2022-02-30',
      '2022-13-01',
      '2022-13',
      '31.04.2022',
      '2021-02-29T10:00:00Z',
      'Tue, 3 Jan 2006 25:00:00 GMT',
      '2022-01-10T12:61:00Z',
      '30-FEB-1987 10:00:00.00',
      'Feb 30, 2022',
    ]) {
      expect(parseLooseDate(input), input).toBeNull();
    }
    expect(parseLooseDate('2024-02-29')?.value).toBe('2024-02-29'); // leap year
  });

  it('falls back to the first full date in free text', () => {
    expect(parseLooseDate('Posted on 3 January 2006 at noon, updated 5 January 2006')).toEqual({
      value: '2006-01-03',
      precision: 'day',
      note: 'date "3 January 2006" found in "Posted on 3 January 2006 at noon, updated 5 January 2006"',
    });
    expect(parseLooseDate('Опубликовано 10 января 2022 г.')?.value).toBe('2022-01-10');
    expect(parseLooseDate('sometime in March 2021')).toBeNull(); // not a full date
    expect(parseLooseDate('no date here')).toBeNull();
    expect(parseLooseDate('')).toBeNull();
  });

  it('takes time linear in the length of the text, even for hostile input', () => {
    const hostile = [
      (n: number) => '1 '.repeat(n),
      (n: number) => 'Tue, '.repeat(n),
      (n: number) => '2022-01-10T'.repeat(n),
      (n: number) => `${'a'.repeat(n)}!`,
      (n: number) => '3 Jan '.repeat(n),
      (n: number) => `Tue, 3 Jan 2006 19:57:00${' '.repeat(n)}+0300x`,
    ];
    // Best of five runs, so a busy machine does not fake a slope.
    const time = (s: string) => {
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        parseLooseDate(s);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    for (const make of hostile) {
      time(make(1000)); // warm up
      const small = time(make(10_000));
      const large = time(make(80_000));
      // 8× the input: linear takes about 8× as long, quadratic 64×.
      expect(large, make(3)).toBeLessThan(small * 24 + 40);
      expect(large, make(3)).toBeLessThan(3000);
    }
  });
});
