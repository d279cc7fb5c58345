import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/main/ingest/decode';
import { ImportError } from '../src/main/ingest/errors';
import type { ParsedArticle } from '../src/main/ingest/parsed';
import { looksLikeReutersSgml, readReutersSgml } from '../src/main/ingest/reuters';

const corpus = path.resolve(__dirname, '../../shared/data/reuters21578');
const files = fs
  .readdirSync(corpus)
  .filter((f) => /^reut2-\d{3}\.sgm$/.test(f))
  .sort();

let texts: Array<{ file: string; text: string }> = [];
let stories: ParsedArticle[] = [];
let msPerThousand = 0;
const byId = (id: number) => stories.find((s) => s.itemKey === String(id))!;

beforeAll(() => {
  texts = files.map((file) => ({ file, text: decodeBytes(fs.readFileSync(path.join(corpus, file))).text }));
  // Second pass timed, so module loading and JIT warm-up are not counted.
  for (const t of texts) readReutersSgml({ text: t.text, fileName: t.file });
  const started = performance.now();
  stories = texts.flatMap((t) => readReutersSgml({ text: t.text, fileName: t.file }));
  msPerThousand = ((performance.now() - started) / stories.length) * 1000;
});

describe('Reuters-21578: the whole corpus', () => {
  it('reads all 22 files: 21,578 stories, in NEWID order, without errors', () => {
    expect(files).toHaveLength(22);
    expect(stories).toHaveLength(21_578);
    expect(stories.map((s) => s.itemKey)).toEqual(stories.map((_, i) => String(i + 1)));
    for (const t of texts) expect(looksLikeReutersSgml(t.text), t.file).toBe(true);
  });

  it('parses fast: well under 0.2 ms per story', () => {
    expect(msPerThousand).toBeLessThan(400); // measured about 50 ms per 1,000 stories
  });

  it('every story has a headline or a body, except the one the corpus leaves empty', () => {
    const empty = stories.filter((s) => !s.title && s.paragraphs.length === 0);
    expect(empty.map((s) => s.itemKey)).toEqual(['12793']);
    expect(empty[0]!.warnings).toEqual(['The story is empty in the corpus: no headline and no text.']);
    // 1,798 BRIEF stories plus 9 UNPROC ones that are a headline only, and the empty one.
    expect(stories.filter((s) => s.paragraphs.length === 0)).toHaveLength(1_807);
  });

  it('reads the date of every story', () => {
    const unread = stories.filter((s) => !s.published);
    expect(unread).toHaveLength(0);
    const months = new Map<string, number>();
    for (const s of stories) months.set(s.published!.value.slice(0, 7), (months.get(s.published!.value.slice(0, 7)) ?? 0) + 1);
    // The corpus README's distribution.
    expect(Object.fromEntries(months)).toEqual({ '1987-02': 229, '1987-03': 11_544, '1987-04': 5_661, '1987-06': 2_552, '1987-10': 1_592 });
  });

  it('leaves no markup, entity or control code in titles and bodies, and no "Reuter" sign-off', () => {
    for (const s of stories) {
      const text = [s.title ?? '', ...s.paragraphs].join('\n');
      expect(text, s.itemKey!).not.toMatch(/&#\d+;|&lt;|&gt;|&amp;|<\/?(?:BODY|TITLE|TEXT|DATELINE)>|[\u0000-\u0009\u000b-\u001f\u007f\ufffd]/);
      const last = s.paragraphs[s.paragraphs.length - 1];
      if (last) expect(last, s.itemKey!).not.toMatch(/\bREUTERS?\s*$/i);
    }
  });

  it('gives every story its source, agency and category facets', () => {
    const odd = stories.filter(
      (s) => s.source !== 'Reuters' || s.agency !== 'Reuters' || Object.keys(s.facets!).join() !== 'topics,places,orgs,people,exchanges',
    );
    expect(odd).toEqual([]);
    const withTopic = stories.filter((s) => s.facets!['topics']!.length > 0).length;
    expect(withTopic).toBeGreaterThan(11_000);
    expect(stories.some((s) => s.facets!['exchanges']!.length > 0)).toBe(true);
  });
});

describe('Reuters-21578: known stories', () => {
  it('story 1: BAHIA COCOA REVIEW', () => {
    const s = byId(1);
    expect(s.title).toBe('BAHIA COCOA REVIEW');
    expect(s.dateline).toBe('Salvador');
    expect(s.published).toEqual({
      value: '1987-02-26T15:01:01.790Z',
      precision: 'day',
      note: 'day-month-year date "26-FEB-1987 15:01:01.79" (no time zone given; read as UTC)',
    });
    expect(s.publishedRaw).toBe('26-FEB-1987 15:01:01.79');
    expect(s.facets).toEqual({ topics: ['cocoa'], places: ['el-salvador', 'usa', 'uruguay'], orgs: [], people: [], exchanges: [] });
    // Indented lines start paragraphs; wrapped lines are joined.
    expect(s.paragraphs[0]).toBe(
      'Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving ' +
        'prospects for the coming temporao, although normal humidity levels have not been restored, Comissaria Smith said in its weekly review.',
    );
    expect(s.paragraphs[1]).toBe('The dry period means the temporao will be late this year.');
    expect(s.paragraphs).toHaveLength(17);
    expect(s.paragraphs[16]).toBe(
      'Final figures for the period to February 28 are expected to be published by the Brazilian Cocoa Trade Commission after carnival which ends midday on February 27.',
    );
  });

  it('story 2: entities in the headline are decoded', () => {
    expect(byId(2).title).toBe('STANDARD OIL <SRD> TO FORM FINANCIAL UNIT');
    expect(byId(2).dateline).toBe('Cleveland');
  });

  it('story 4: author, and an <I> ticker in the body', () => {
    const s = byId(4);
    expect(s.title).toBe('TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER');
    expect(s.authors).toEqual(['Janie Gabbett']);
    expect(s.dateline).toBe('Los Angeles');
    expect(s.paragraphs.join(' ')).toContain('First Interstate Bancorp <I> takeover bid');
  });

  it('story 11: a results table keeps one row per paragraph', () => {
    expect(byId(11).paragraphs.slice(0, 3)).toEqual(['Shr 34 cts vs 1.19 dlrs', 'Net 807,000 vs 2,858,000', 'Assets 510.2 mln vs 479.7 mln']);
    expect(byId(11).dateline).toBe('Santa Cruz');
  });

  it('story 30: a BRIEF keeps its headline, without the "Blah blah blah." placeholder', () => {
    const s = byId(30);
    expect(s.title).toBe('ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK');
    expect(s.paragraphs).toEqual([]);
    expect(s.published?.value).toBe('1987-02-26T15:41:56.540Z');
  });

  it('story 47: body words the corpus put inside the DATELINE go back to the body', () => {
    const s = byId(47);
    expect(s.dateline).toBe('Rio De Janeiro');
    expect(s.paragraphs[0]).toMatch(/^Brazil's "Cruzado" anti-inflation plan, initially hailed at home and abroad/);
  });

  it('story 99: an UNPROC report takes its first line as headline and the table as body', () => {
    const s = byId(99);
    expect(s.title).toBe('FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26');
    expect(s.paragraphs.slice(0, 3)).toEqual([
      'Two weeks ended Feb 25 daily avgs-mlns',
      'Net free reserves.............644 vs.....1,337',
      'Bank borrowings...............680 vs.......425',
    ]);
    expect(s.dateline).toBeNull();
  });

  it('story 248: people and orgs facets', () => {
    expect(byId(248).facets).toMatchObject({ people: ['hisham-nazer'], orgs: ['opec'], places: ['bahrain', 'saudi-arabia'] });
  });

  it('story 15370: a date the corpus marks as guesswork keeps only its day', () => {
    expect(byId(15370).published).toMatchObject({ value: '1987-04-09', precision: 'day', note: expect.stringMatching(/guess/) });
  });
});

describe('Reuters-21578: other input', () => {
  const doc = (id: number, body: string) =>
    `<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="${id}">\n<DATE> 5-MAR-1987 09:00:00.00</DATE>\n` +
    `<TOPICS></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES><COMPANIES></COMPANIES>\n` +
    `<TEXT>&#2;\n<TITLE>HEADLINE ${id}</TITLE>\n<DATELINE>    NEW YORK, March 5 - </DATELINE><BODY>${body}</BODY></TEXT>\n</REUTERS>\n`;

  it('reads a story whose closing tag is missing, with a warning', () => {
    const text = `<!DOCTYPE lewis SYSTEM "lewis.dtd">\n${doc(1, 'One\n Reuter\n&#3;').replace('</REUTERS>', '')}${doc(2, 'Two.')}`;
    const [a, b] = readReutersSgml({ text, fileName: 'x.sgm' });
    expect(a).toMatchObject({ title: 'HEADLINE 1', paragraphs: ['One'], dateline: 'New York' });
    expect(a!.warnings).toEqual(['The document has no closing </REUTERS> tag; it was read to the next document.']);
    expect(b).toMatchObject({ title: 'HEADLINE 2', paragraphs: ['Two.'] });
  });

  it('joins words split by a hyphen at a line end, and drops the sign-off on the last line', () => {
    const [a] = readReutersSgml({ text: doc(1, 'The U.S.-\nJapan talks went on, they said -\nofficials said. REUTER\n&#3;'), fileName: 'x.sgm' });
    expect(a!.paragraphs).toEqual(['The U.S.-Japan talks went on, they said - officials said.']);
  });

  it('refuses text that is not Reuters SGML', () => {
    expect(() => readReutersSgml({ text: '<rss><channel/></rss>', fileName: 'x.sgm' })).toThrow(ImportError);
    expect(looksLikeReutersSgml('<rss version="2.0"><channel/></rss>')).toBe(false);
    expect(looksLikeReutersSgml('Plain text that mentions <REUTERS> tags.')).toBe(false);
  });
});
