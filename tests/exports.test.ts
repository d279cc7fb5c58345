import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/main/ingest/errors';
import {
  guessColumnMapping,
  parseDelimited,
  parseMappingSpec,
  readDelimitedExport,
  readJsonExport,
  readNdjsonExport,
} from '../src/main/ingest/exports';
import { sharedData } from './helpers/paths';

const read = (rel: string, encoding: BufferEncoding = 'utf8') => fs.readFileSync(path.join(sharedData, rel), encoding);
const input = (text: string, fileName = 'export') => ({ text, fileName });
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('JSON exports', () => {
  it("reads a real feed reader's JSON output: titles, HTML bodies as paragraphs, links, dates, authors, categories", () => {
    const expected = JSON.parse(read('rss-feeds/expected-rss-parser/rss-parser__guardian.json')).feed.items;
    const articles = readJsonExport(input(read('rss-feeds/expected-rss-parser/rss-parser__guardian.json'), 'guardian.json'));
    expect(articles).toHaveLength(55);
    expect(articles.map((a) => a.title)).toEqual(expected.map((i: { title: string }) => fold(i.title)));
    const first = articles[0]!;
    expect(first.url).toBe('https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord');
    expect(first.publishedRaw).toBe('2018-01-31T07:26:05Z');
    expect(first.authors).toEqual(['David Smith in Washington']);
    expect(first.paragraphs[0]).toBe(
      'The president’s ‘new American moment’ speech stirred Republican applause while Democrats showed thinly disguised contempt',
    );
    expect(first.paragraphs.every((p) => !p.includes('<'))).toBe(true);
    expect(first.facets?.categories).toContain('State of the Union address');
    expect(first.itemKey).toBe(first.url); // the guid
    // Several date columns (date, pubDate, isoDate): the guess says it is unsure.
    expect(first.warnings).toContain('column guess to check: date = "date"?');
  });

  it('reads articles kept in an object keyed by id, with paragraphs as the export wrote them', () => {
    const gold = JSON.parse(read('article-extraction-benchmark/ground-truth.json')) as Record<string, { articleBody: string; url: string }>;
    const articles = readJsonExport(input(read('article-extraction-benchmark/ground-truth.json'), 'ground-truth.json'));
    expect(articles).toHaveLength(Object.keys(gold).length);
    for (const a of articles) {
      const g = gold[a.itemKey!]!;
      expect(a.url).toBe(g.url);
      expect(fold(a.paragraphs.join(' '))).toBe(fold(g.articleBody));
      const blocks = /\n\s*\n/.test(g.articleBody) ? g.articleBody.split(/\n\s*\n/) : g.articleBody.split('\n');
      expect(a.paragraphs).toHaveLength(blocks.filter((b) => b.trim()).length);
    }
  });

  it('reads a news API response: nested source name, several authors, description standing in for a missing body', () => {
    const response = {
      status: 'ok',
      totalResults: 2,
      articles: [
        {
          source: { id: 'bbc-news', name: 'BBC News' },
          author: 'Jane Doe, John Roe',
          title: 'Talks resume',
          description: 'A short summary.',
          url: 'https://example.org/1',
          urlToImage: 'https://example.org/1.jpg',
          publishedAt: '2024-01-02T10:00:00Z',
          content: 'First paragraph,\nstill first.\n\nSecond paragraph.',
        },
        { source: { id: null, name: 'Reuters' }, author: null, title: 'Only a summary', description: 'What the feed gave.', url: 'https://example.org/2', publishedAt: 1704189600, content: null },
      ],
    };
    const [a, b] = readJsonExport(input(JSON.stringify(response)));
    expect(a).toMatchObject({
      title: 'Talks resume',
      paragraphs: ['First paragraph, still first.', 'Second paragraph.'],
      source: 'BBC News',
      authors: ['Jane Doe', 'John Roe'],
      url: 'https://example.org/1',
      publishedRaw: '2024-01-02T10:00:00Z',
      itemKey: '1',
    });
    expect(a!.summaryOnly).toBeUndefined();
    expect(b).toMatchObject({ title: 'Only a summary', paragraphs: ['What the feed gave.'], summaryOnly: true, source: 'Reuters', publishedRaw: '1704189600', itemKey: '2' });
    expect(b!.authors).toBeUndefined();
  });

  it('finds the list inside the wrappers tools put around it', () => {
    const row = { headline: 'H', text: 'T' };
    for (const wrapped of [{ data: [row] }, { items: [row] }, { response: { docs: [row] }, status: 'OK' }, { hits: { total: 1, hits: [{ _id: 'x1', _source: row }] } }]) {
      const [a] = readJsonExport(input(JSON.stringify(wrapped)));
      expect(a).toMatchObject({ title: 'H', paragraphs: ['T'] });
    }
    // The Elasticsearch document id is the item key.
    expect(readJsonExport(input(JSON.stringify({ hits: { hits: [{ _id: 'x1', _source: row }] } })))[0]!.itemKey).toBe('x1');
  });

  it('reads an archive search export with nested headline, byline and keyword objects', () => {
    const docs = [
      {
        _id: 'nyt://article/1',
        web_url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
        headline: { main: 'United States to Lift Sudan Sanctions', print_headline: 'U.S. to Ease Sanctions' },
        lead_paragraph: 'The Obama administration will lift sanctions.',
        pub_date: '2017-01-13T00:00:00+0000',
        byline: { original: 'By Jeffrey Gettleman', person: [{ firstname: 'Jeffrey', lastname: 'Gettleman' }] },
        keywords: [{ name: 'glocations', value: 'Sudan' }, { name: 'subject', value: 'Embargoes and Sanctions' }],
        section_name: 'World',
      },
    ];
    const [a] = readJsonExport(input(JSON.stringify({ status: 'OK', response: { docs } })));
    expect(a).toMatchObject({
      title: 'United States to Lift Sudan Sanctions',
      paragraphs: ['The Obama administration will lift sanctions.'],
      summaryOnly: true,
      url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
      publishedRaw: '2017-01-13T00:00:00+0000',
      authors: ['Jeffrey Gettleman'],
      facets: { keywords: ['Sudan', 'Embargoes and Sanctions'] },
      itemKey: 'nyt://article/1',
    });
  });

  it('reads declared languages, modification times, agencies and datelines', () => {
    const rows = [
      { title: 'A', body: 'x', lang: 'en-US', updated_at: '2024-03-01T12:00:00Z', agency: 'Reuters', dateline: 'LONDON', tags: 'politics; EU' },
      { title: 'B', body: 'y', lang: 'pt_BR', updated_at: 'sometime', agency: '', dateline: '', tags: ['trade'] },
    ];
    const [a, b] = readJsonExport(input(JSON.stringify(rows)));
    expect(a).toMatchObject({ language: 'en', modifiedAt: '2024-03-01T12:00:00.000Z', agency: 'Reuters', dateline: 'LONDON', facets: { tags: ['politics', 'EU'] } });
    expect(b).toMatchObject({ language: 'pt', facets: { tags: ['trade'] } });
    expect(b!.modifiedAt).toBeUndefined();
    expect(b!.warnings).toEqual(['modification date not understood: "sometime"']);
  });

  it('names the line of malformed JSON, and reads a .json file that is really JSON Lines', () => {
    const broken = '[\n  {"title": "A", "body": "x"},\n  {"title": "B", "body": }\n]';
    expect(() => readJsonExport(input(broken))).toThrow(ImportError);
    expect(() => readJsonExport(input(broken))).toThrow('malformed JSON at line 3, column 26: unexpected "}"');
    expect(() => readJsonExport(input('[{"title": "A"'))).toThrow('malformed JSON at line 1, column 15: the text ends before the JSON does');
    const lines = readJsonExport(input('{"title":"A","body":"x"}\n{"title":"B","body":"y"}\n'));
    expect(lines.map((a) => a.title)).toEqual(['A', 'B']);
    expect(lines[0]!.warnings).toContain('read as JSON Lines: the file holds one object per line');
    expect(() => readJsonExport(input('{"status": "ok", "count": 3}'))).toThrow(/no list of articles/);
  });

  it('skips rows without title or body with a warning, and fails a file where no row has one', () => {
    const articles = readJsonExport(input(JSON.stringify([{ title: 'A', body: 'x' }, { title: '', body: '  ' }, 'stray string', { title: 'C' }])));
    expect(articles.map((a) => [a.itemKey, a.title])).toEqual([['1', 'A'], ['4', 'C']]);
    expect(articles[0]!.warnings).toEqual([
      'column guess to check: no date column',
      'row 3 skipped: not an object but a string ("stray string")',
      'row 2 skipped: no title or body',
    ]);
    expect(() => readJsonExport(input(JSON.stringify([{ title: '', body: '' }])))).toThrow(/no row of export has a title or a body/);
  });
});

describe('JSON Lines exports', () => {
  it('keeps wire-copy tickers in angle brackets as text, and still reads HTML fragments as text', () => {
    const [wire, html] = readNdjsonExport(
      input(
        [
          JSON.stringify({ title: 'STANDARD OIL <SRD> TO FORM FINANCIAL UNIT', body: 'Standard Oil Co <SRD> and BP North America <BP.L> said.' }),
          JSON.stringify({ title: 'Tom &amp; Jerry', body: '<p>Shares of <b>Acme</b> rose.</p><p>Second.</p>' }),
        ].join('\n'),
        'x.ndjson',
      ),
    );
    expect(wire!.title).toBe('STANDARD OIL <SRD> TO FORM FINANCIAL UNIT');
    expect(wire!.paragraphs.join(' ')).toBe('Standard Oil Co <SRD> and BP North America <BP.L> said.');
    expect(html!.title).toBe('Tom & Jerry');
    expect(html!.paragraphs).toEqual(['Shares of Acme rose.', 'Second.']);
  });

  it('imports the good lines and names each bad one', () => {
    const text = ['{"headline":"One","text":"a"}', '{"headline": "Two", oops}', '', '[1,2]', '{"headline":"Three","text":"c"}'].join('\n');
    const articles = readNdjsonExport(input(text, 'feed.jsonl'));
    expect(articles.map((a) => [a.itemKey, a.title])).toEqual([['1', 'One'], ['5', 'Three']]);
    expect(articles[0]!.warnings).toEqual([
      'column guess to check: no date column',
      'line 2 skipped: not valid JSON (column 21: unexpected "oops}")',
      'line 4 skipped: not an object but a list',
    ]);
  });

  it('fails a file where no line parses, with the first reason', () => {
    expect(() => readNdjsonExport(input('not json\nnor this\n'))).toThrow(ImportError);
    expect(() => readNdjsonExport(input('not json\nnor this\n'))).toThrow(/^no line of the file holds a JSON object \(line 1: not valid JSON/);
  });
});

describe('CSV and TSV exports', () => {
  it('follows RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, BOM and CRLF', () => {
    const csv = '\ufeffTitle,Body,Published At\r\n"Talks, again","He said ""no"".\r\n\r\nThen left.",2024-01-02\r\nPlain,Text,2024-01-03\r\n';
    const articles = readDelimitedExport(input(csv, 'a.csv'), ',');
    expect(articles).toEqual([
      { title: 'Talks, again', paragraphs: ['He said "no".', 'Then left.'], itemKey: '1', publishedRaw: '2024-01-02' },
      { title: 'Plain', paragraphs: ['Text'], itemKey: '2', publishedRaw: '2024-01-03' },
    ]);
    expect([...parseDelimited('a,b\n"x\ny",z\nlast,', ',')]).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x\ny', 'z'], line: 2 },
      { cells: ['last', ''], line: 4 },
    ]);
  });

  it('reads real tab-separated data with quoted fields, mapped from the command line', () => {
    const mapping = parseMappingSpec('body=sentences,id=sentence_id');
    const cs = readDelimitedExport(input(read('quote-attribution-ru-cs/cs_sentences.tsv'), 'cs_sentences.tsv'), '\t', mapping);
    expect(cs).toHaveLength(143);
    expect(cs[0]!.paragraphs).toEqual([
      'Jádro problému "bankroty, anebo nikoliv" je totiž z pohledu bank viděno naprosto odlišně, než z pohledu politiků, národohospodářů či laické veřejnosti:',
    ]);
    expect(cs[0]!.itemKey).toBe('cmpr9406-002-p18s1A');
    const ru = readDelimitedExport(input(read('quote-attribution-ru-cs/ru_sentences.tsv'), 'ru_sentences.tsv'), '\t', mapping);
    expect(ru).toHaveLength(134);
    expect(ru[0]).toMatchObject({ paragraphs: ['Папа утверждал, что ушло их четыреста, а вернулось четырнадцать.'], itemKey: '2015Blokadnoe_detstvo.xml_65' });
    // Without a mapping nothing in these columns reads as a title or body.
    expect(() => readDelimitedExport(input(read('quote-attribution-ru-cs/ru_sentences.tsv')), '\t')).toThrow(
      'no column looks like a title or a body; the columns are: sentences, sentence_id. Name them with a column mapping, e.g. title=Headline,body=Text',
    );
  });

  it('reads a Media Cloud style export: source, language, themes as facets, story id as key', () => {
    const csv = [
      'stories_id,publish_date,title,url,language,ap_syndicated,themes,media_id,media_name,media_url',
      '1234,2020-03-01 10:00:00,Virus spreads,https://a.example/1,en,False,"health,world",1,The Paper,https://a.example',
    ].join('\n');
    const [a] = readDelimitedExport(input(csv, 'mc.csv'), ',');
    expect(a).toMatchObject({
      title: 'Virus spreads',
      paragraphs: [],
      publishedRaw: '2020-03-01 10:00:00',
      url: 'https://a.example/1',
      language: 'en',
      source: 'The Paper',
      facets: { themes: ['health', 'world'] },
      itemKey: '1234',
    });
    expect(a!.warnings).toEqual(['column guess to check: no body column']);
  });

  it('reads ragged rows as far as they go, with a warning on each', () => {
    const csv = 'title,body,date\nA,x,2024-01-01\nB,y\nC,z,2024-01-03,extra\n';
    const articles = readDelimitedExport(input(csv), ',');
    expect(articles.map((a) => [a.title, a.paragraphs[0], a.publishedRaw ?? null])).toEqual([
      ['A', 'x', '2024-01-01'],
      ['B', 'y', null],
      ['C', 'z', '2024-01-03'],
    ]);
    expect(articles[1]!.warnings).toEqual(['row 2 (line 3): 2 cells where the header has 3; the missing ones are read as empty']);
    expect(articles[2]!.warnings).toEqual(['row 3 (line 4): 4 cells where the header has 3; the 1 extra ones are ignored']);
  });

  it('refuses a file with an unclosed quote, naming the line where it opens', () => {
    const csv = 'title,body\nA,"fine"\nB,"one\ntwo\n"\nC,"never closed\nD,more\n';
    expect(() => readDelimitedExport(input(csv), ',')).toThrow('unclosed quote: the quoted field that opens on line 6 never ends (a " is missing)');
  });

  it('skips rows without title and body, keyed by row number', () => {
    const articles = readDelimitedExport(input('title,body\nA,x\n,\n\nC,\n'), ',');
    expect(articles.map((a) => [a.itemKey, a.title])).toEqual([['1', 'A'], ['3', 'C']]);
    expect(articles[0]!.warnings).toEqual(['column guess to check: no date column', 'row 2 (line 3) skipped: no title or body']);
  });

  it('reads a semicolon-separated file given as CSV, and TSV with the same quoting', () => {
    const [a] = readDelimitedExport(input('Headline;Text\n"Eins; zwei";Drei\n'), ',');
    expect(a).toMatchObject({ title: 'Eins; zwei', paragraphs: ['Drei'] });
    expect(a!.warnings).toContain('read as semicolon-separated: the header row has no commas');
    const [t] = readDelimitedExport(input('title\tbody\n"Tab\tinside"\t"Two\n\nparas"\n'), '\t');
    expect(t).toMatchObject({ title: 'Tab inside', paragraphs: ['Two', 'paras'] });
  });

  it('stays linear on a large file and on one huge quoted field (hang check)', () => {
    const body = `"${'Lorem ipsum, ""quoted"" dolor sit amet.\n'.repeat(4)}"`;
    const rows = ['id,title,body,date'];
    for (let i = 0; i < 50_000; i++) rows.push(`${i},Title ${i},${body},2024-01-02`);
    const started = Date.now();
    expect(readDelimitedExport(input(rows.join('\r\n')), ',')).toHaveLength(50_000);
    const huge = `title,body\nx,"${'a""b,\n'.repeat(1_000_000)}"\n`;
    expect(readDelimitedExport(input(huge), ',')[0]!.paragraphs).toHaveLength(1_000_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('column mapping', () => {
  it('matches names whatever their case, spaces and underscores, and reaches into nested paths', () => {
    const headers = ['HEADLINE', 'Full Text', 'pub_date', 'source.name', 'source.id', 'By Line', 'Link'];
    const { mapping, unsure } = guessColumnMapping(headers, [{ HEADLINE: 'h', 'Full Text': 'b', pub_date: '2024-01-01', 'source.name': 'S', 'source.id': 's' }]);
    expect(mapping).toEqual({ title: 'HEADLINE', body: 'Full Text', date: 'pub_date', source: 'source.name', author: 'By Line', url: 'Link' });
    expect(unsure).toEqual([]);
  });

  it('says which fields it is unsure of: none found, or several columns that could serve', () => {
    const rows = [{ title: 'A', text: 'long', content: 'also long', notes: 'n' }];
    const { mapping, unsure } = guessColumnMapping(['title', 'text', 'content', 'notes'], rows);
    expect(mapping.body).toBe('text');
    expect(unsure).toEqual(['body', 'date']);
  });

  it('finds a body or a date column by its contents when its name says nothing', () => {
    const prose = 'A sentence of an article that goes on for a while. '.repeat(6);
    const rows = [1, 2, 3].map((i) => ({ Col1: `Title ${i}`, Col2: prose, Col3: `2024-01-0${i}T10:00:00Z` }));
    const { mapping, unsure } = guessColumnMapping(['Col1', 'Col2', 'Col3'], rows);
    expect(mapping).toEqual({ body: 'Col2', date: 'Col3' });
    expect(unsure).toEqual(['title', 'body', 'date']);
  });

  it('parses --map specs and names the valid fields for an unknown one', () => {
    expect(parseMappingSpec('body=Text,date=PubDate')).toEqual({ body: 'Text', date: 'PubDate' });
    expect(parseMappingSpec(' Headline = Head , tags="Tags, all" , summary=- ')).toEqual({ title: 'Head', keywords: 'Tags, all', summary: '' });
    expect(() => parseMappingSpec('bodyy=Text')).toThrow(
      'unknown field "bodyy" in the column mapping; the fields are: title, body, summary, date, url, source, author, language, agency, dateline, modified, keywords, id',
    );
    expect(() => parseMappingSpec('body')).toThrow(ImportError);
  });

  it('lets a given mapping override the guess, and names a column the file lacks with the ones it has', () => {
    const csv = 'title,text,summary,when\nA,full text,short,2024-05-01\n';
    const [guessed] = readDelimitedExport(input(csv), ',');
    expect(guessed).toMatchObject({ paragraphs: ['full text'] });
    const [mapped] = readDelimitedExport(input(csv), ',', parseMappingSpec('body=summary,date=When'));
    expect(mapped).toMatchObject({ title: 'A', paragraphs: ['short'], publishedRaw: '2024-05-01' });
    expect(() => readDelimitedExport(input(csv), ',', { body: 'Content' })).toThrow(
      'the column mapping names a column "Content" (for body) that the file does not have; its columns are: title, text, summary, when',
    );
    const [json] = readJsonExport(input(JSON.stringify([{ meta: { head: 'Nested' }, b: 'x' }])), { title: 'meta.head', body: 'b' });
    expect(json).toMatchObject({ title: 'Nested', paragraphs: ['x'] });
  });
});
