import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ImportError } from '../src/main/ingest/errors';
import { readHtmlArticle } from '../src/main/ingest/html';
import { readPageText, scoreExtractionBenchmark, scoreReadabilityPages } from '../bench/html-extraction';

const SHARED_DATA = path.resolve(__dirname, '../../shared/data');
const BENCHMARK_PAGE = (id: string) => path.join(SHARED_DATA, 'article-extraction-benchmark/html', `${id}.html`);
const TEST_PAGE = (name: string) => path.join(SHARED_DATA, 'readability-testpages', name, 'source.html');

/** Reads one real page the way the import pipeline will: decoded text and a file name. */
function read(file: string) {
  return readHtmlArticle({ text: readPageText(file), fileName: path.basename(file) });
}

/** The error `fn` throws (the test fails if it throws none). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('article text on the two benchmark sets', () => {
  it('scores a mean F1 of at least 0.96 on the article-extraction benchmark, losing no page', { timeout: 300_000 }, () => {
    const { rows, mean } = scoreExtractionBenchmark(SHARED_DATA);
    expect(rows.length).toBe(28);
    expect(mean).toBeGreaterThanOrEqual(0.96);
    for (const r of rows) expect(r.f1, r.id).toBeGreaterThan(0.85);
  });

  it('keeps what Readability gets right on its own test pages (mean F1 ≥ 0.98) and finds their titles (≥ 95%)', { timeout: 300_000 }, () => {
    const { rows, mean, titleRate } = scoreReadabilityPages(SHARED_DATA);
    expect(rows.length).toBe(26);
    expect(mean).toBeGreaterThanOrEqual(0.98);
    expect(titleRate).toBeGreaterThanOrEqual(0.95);
    for (const r of rows) expect(r.f1, r.id).toBeGreaterThan(0.9);
  });
});

describe('a page with JSON-LD metadata (NBC News, schema.org context object)', () => {
  const a = read(TEST_PAGE('schema-org-context-object'));

  it('reads headline, authors, dates, outlet, language and address', () => {
    expect(a.title).toBe('South Korean president’s impeachment fails after ruling party lawmakers walk out');
    expect(a.authors).toEqual(['Stella Kim', 'Jennifer Jett']);
    expect(a.publishedRaw).toBe('2024-12-06T22:00:40.000Z');
    expect(a.modifiedAt).toBe('2024-12-07T12:43:39.889Z');
    expect(a.source).toBe('NBC News');
    expect(a.language).toBe('en');
    expect(a.url).toBe('https://www.nbcnews.com/news/world/south-korea-martial-law-president-yoon-suk-yeol-impeachment-vote-rcna183138');
  });

  it('gives the lead image caption as metadata, not as the first paragraph', () => {
    expect(a.imageCaption).toBe('An image of South Korean President Yoon Suk Yeol is raised during a candlelight rally in Seoul on Thursday.');
    expect(a.paragraphs[0]).toMatch(/^SEOUL, South Korea — /);
  });

  it('leaves the authors’ bios out of the body', () => {
    expect(a.paragraphs.join('\n')).not.toContain('is an NBC News freelance producer');
  });
});

describe('metadata from OpenGraph and meta tags', () => {
  it('keeps a " | Author" part of a title (it is not the site name) and splits the photo credit from the caption', () => {
    const a = read(TEST_PAGE('guardian-1'));
    expect(a.title).toBe("'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy");
    expect(a.source).toBe('the Guardian');
    expect(a.imageCaption).toBe('Whale expert Hori Parata.');
    expect(a.imageCredit).toBe('Adrian Malloch for the Guardian');
    expect(a.facets?.keywords).toContain('New Zealand');
  });

  it('cuts the site name from a title when the page headline confirms it ("... - BBC News")', () => {
    const a = read(TEST_PAGE('bbc-1'));
    expect(a.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(a.publishedRaw).toBe('2015-07-24T05:36:09+01:00');
  });

  it('names the outlet from the <title> suffix when no meta tag does, and keeps dates as ISO', () => {
    const a = read(TEST_PAGE('nytimes-1'));
    expect(a.source).toBe('The New York Times');
    expect(a.authors).toEqual(['Jeffrey Gettleman']);
    expect(a.modifiedAt).toBe('2017-01-13T03:38:38-05:00');
  });

  it('reads the language of a non-English page as its primary subtag', () => {
    expect(read(TEST_PAGE('folha')).language).toBe('pt');
    expect(read(TEST_PAGE('aktualne')).language).toBe('cs');
  });
});

describe('page furniture Readability keeps, removed', () => {
  it('leaves out the hover cards set inside paragraphs (The Hill)', () => {
    const a = read(BENCHMARK_PAGE('6ebac05f637ece8aa57c298a2a5e3a8047f546f855d0f29cc683cea60ce85c85'));
    expect(a.paragraphs[0]).toBe(
      'A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), the U.S. Attorney’s Office for the Western District of New York announced Monday.',
    );
    expect(a.paragraphs.join('\n')).not.toContain('Hillicon Valley');
    // Byline and date line: out of the body, kept for date finding.
    expect(a.headerLines).toContain('By Justine Coleman - 11/18/19 11:04 PM EST');
  });

  it('leaves out newsletter boxes and the author bio (NBC News)', () => {
    const a = read(BENCHMARK_PAGE('7a457a4f71735c17b8b34fafc88835d225cf879b2d812311857a64cfc891eee9'));
    const body = a.paragraphs.join('\n');
    expect(body).not.toMatch(/Breaking News Emails|SUBSCRIBE|meet your inbox/);
    expect(body).not.toContain('is a reporter for NBC News');
    expect(a.paragraphs.at(-1)).toMatch(/^"The First Amendment right to freedom of speech/);
  });

  it('leaves out lists of links to other stories (Al Jazeera, Sky News)', () => {
    const aj = read(BENCHMARK_PAGE('7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f'));
    expect(aj.paragraphs).not.toContain('Afghan woman politician sees Taliban talks as only hope');
    const sky = read(BENCHMARK_PAGE('921019755f4a96ac4abf9dbcb4ef9d5ac202624a542d5ea70912330aa6fcc71f'));
    expect(sky.paragraphs.join('\n')).not.toMatch(/More from UK|EuroMillions/);
  });
});

describe('paragraph structure', () => {
  it('gives paragraphs, subheads and list items as separate, trimmed, non-empty strings in page order', () => {
    const a = read(TEST_PAGE('ars-1'));
    expect(a.paragraphs.length).toBeGreaterThan(5);
    for (const p of a.paragraphs) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/\s{2,}|\n/);
      expect(p.length).toBeGreaterThan(0);
    }
    // The standfirst is a paragraph of its own; the section kicker over the headline ("Biz & IT —") is gone.
    expect(a.paragraphs.slice(0, 2)).toEqual([
      'Two-year-old bug exposes thousands of servers to crippling attack.',
      expect.stringMatching(/^A flaw in the wildly popular online game Minecraft makes it easy/),
    ]);
  });

  it('splits text separated by <br><br> into paragraphs and keeps a subhead of its own', () => {
    const a = readHtmlArticle({
      fileName: 'story.html',
      text: `<html><body><article><h1>Storm hits the coast</h1>
        <p>The storm reached the coast early on Tuesday, cutting power to thousands of homes, officials said.<br><br>Schools were closed across the region as winds reached 120 km/h.</p>
        <h2>What comes next</h2>
        <p>Forecasters expect the storm to weaken over land by Wednesday evening, the weather service said.</p>
        <ul><li>Roads along the shore remain closed.</li><li>Shelters are open in three towns.</li></ul>
      </article></body></html>`,
    });
    expect(a.title).toBe('Storm hits the coast');
    expect(a.paragraphs).toEqual([
      'The storm reached the coast early on Tuesday, cutting power to thousands of homes, officials said.',
      'Schools were closed across the region as winds reached 120 km/h.',
      'What comes next',
      'Forecasters expect the storm to weaken over land by Wednesday evening, the weather service said.',
      'Roads along the shore remain closed.',
      'Shelters are open in three towns.',
    ]);
  });
});

describe('when Readability finds too little', () => {
  it('takes the full text from the JSON-LD articleBody of a page that shows only a teaser, and says so', () => {
    const full = Array.from(
      { length: 6 },
      (_, i) => `Paragraph ${i + 1} of the full story tells what the minister said about the budget, the deficit and next year.`,
    );
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Minister presents budget', articleBody: full.join('\n\n') });
    const a = readHtmlArticle({
      fileName: 'teaser.html',
      text: `<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Minister presents budget</h1>
        <p>The minister presented the budget on Monday.</p><div class="paywall">Subscribe to read the full story.</div></article></body></html>`,
    });
    expect(a.paragraphs).toEqual(full);
    expect(a.warnings).toEqual([expect.stringContaining('JSON-LD articleBody')]);
  });
});

describe('metadata from hand-made pages', () => {
  const page = (head: string, body = '<p>The council approved the new budget on Monday after a debate that lasted most of the day, officials said.</p>') =>
    readHtmlArticle({ fileName: 'page.html', text: `<html lang="de-AT"><head>${head}</head><body><article>${body}</article></body></html>` });

  it('finds the article inside a JSON-LD @graph, tolerating invalid JSON around it', () => {
    const a = page(`
      <script type="application/ld+json">{ "broken": [ }</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Town Herald"},
        {"@type":["ReportageNewsArticle"],"headline":"Council approves budget","datePublished":"2024-03-04T10:00:00+01:00",
         "author":[{"@type":"Person","name":"Anna Berg"},{"@type":"Person","name":"https://example.com/staff/anna"}, "Anna Berg"],
         "publisher":{"@type":"Organization","name":"Town Herald"},
         "keywords":["budget","council"],
         "headline2": "line
break"}]}</script>`);
    expect(a.title).toBe('Council approves budget');
    expect(a.authors).toEqual(['Anna Berg']);
    expect(a.publishedRaw).toBe('2024-03-04T10:00:00+01:00');
    expect(a.source).toBe('Town Herald');
    expect(a.language).toBe('de');
    expect(a.facets?.keywords).toEqual(['budget', 'council']);
  });

  it('reads meta tags when there is no JSON-LD: names without profile URLs, dates, canonical address', () => {
    const a = page(`
      <title>Council approves budget | Town Herald</title>
      <meta property="og:site_name" content="Town Herald">
      <meta name="author" content="By Anna Berg and Piet Smit">
      <meta property="article:author" content="https://facebook.com/anna.berg">
      <meta property="article:published_time" content="2024-03-04T10:00:00Z">
      <meta property="article:modified_time" content="Tue, 05 Mar 2024 08:30:00 GMT">
      <meta name="news_keywords" content="budget, council, Budget">
      <link rel="canonical" href="https://herald.example/2024/03/budget">`);
    expect(a.title).toBe('Council approves budget');
    expect(a.authors).toEqual(['Anna Berg', 'Piet Smit']);
    expect(a.publishedRaw).toBe('2024-03-04T10:00:00Z');
    expect(a.modifiedAt).toBe('2024-03-05T08:30:00.000Z');
    expect(a.url).toBe('https://herald.example/2024/03/budget');
    expect(a.facets?.keywords).toEqual(['budget', 'council']);
  });

  it('takes the date of a <time> element when no tag gives one, and the caption and credit of the lead figure', () => {
    const a = page(
      '<title>Budget</title>',
      `<figure><img src="a.jpg"><figcaption>Councillors vote on the budget. <span class="credit">Photo: Jan Vos</span></figcaption></figure>
       <time datetime="2024-03-04">4 March</time>
       <p>The council approved the new budget on Monday after a debate that lasted most of the day, officials said.</p>`,
    );
    expect(a.publishedRaw).toBe('2024-03-04');
    expect(a.imageCaption).toBe('Councillors vote on the budget.');
    expect(a.imageCredit).toBe('Jan Vos');
    expect(a.paragraphs.join('\n')).not.toContain('Councillors vote');
  });
});

describe('bad input: an ImportError with a reason, never another exception', () => {
  const bad = (text: string) => thrown(() => readHtmlArticle({ text, fileName: 'bad.html' }));

  it('refuses an empty page and one of white space', () => {
    for (const text of ['', '  \n\t ']) {
      const e = bad(text);
      expect(e).toBeInstanceOf(ImportError);
      expect((e as Error).message).toBe('the page is empty');
    }
  });

  it('refuses a page with scripts and no text', () => {
    const e = bad('<html><head><script>var a = 1;</script></head><body><script>document.write("<p>Hello</p>")</script></body></html>');
    expect(e).toBeInstanceOf(ImportError);
    expect((e as Error).message).toBe('no article text found in the page');
  });

  it('refuses a page too large to be one article without handing it to the parser', () => {
    const t0 = performance.now();
    const e = bad(`<html><body><p>${'word '.repeat(7 * 1024 * 1024)}</p></body></html>`);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as Error).message).toMatch(/^the page is too large to read as one article \(\d+ MB\)$/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses markup nested thousands of levels deep (the parser would take minutes)', () => {
    const e = bad(`${'<div>'.repeat(5000)}<p>Deep.</p>${'</div>'.repeat(5000)}`);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as Error).message).toMatch(/nested too deeply/);
  });

  it('reads a page cut off in the middle (a failed download) up to where it stops', () => {
    const full = readPageText(TEST_PAGE('schema-org-context-object'));
    const a = readHtmlArticle({ text: full.slice(0, Math.floor(full.length * 0.45)), fileName: 'cut.html' });
    expect(a.title).toBe('South Korean president’s impeachment fails after ruling party lawmakers walk out');
    expect(a.paragraphs[0]).toMatch(/^SEOUL, South Korea — /);
  });

  it('gives an article or an ImportError for any cut or garbling of a real page', { timeout: 120_000 }, () => {
    const full = readPageText(BENCHMARK_PAGE('57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca'));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 12; i++) {
      const start = Math.floor(random() * full.length);
      const end = start + Math.floor(random() * (full.length - start));
      const garbled = i % 2 === 0 ? full.slice(start, end) : full.slice(0, start) + '<<</div></p>">\u0000' + full.slice(end);
      try {
        const a = readHtmlArticle({ text: garbled, fileName: 'garbled.html' });
        expect(a.paragraphs.length).toBeGreaterThan(0);
        for (const p of a.paragraphs) expect(p.trim().length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }
  });

  it('prints nothing to the console, whatever CSS the page holds', () => {
    const write = vi.spyOn(process.stderr, 'write');
    const error = vi.spyOn(console, 'error');
    try {
      readHtmlArticle({
        fileName: 'css.html',
        text: `<html><head><style>@media {{{ not css ;;; }</style><link rel="stylesheet" href="http://example.invalid/a.css"></head>
          <body style="color: ###; {{"><p style="display: }}}">The council approved the new budget on Monday after a long debate, officials said.</p>
          <img src="http://example.invalid/x.png"><iframe src="http://example.invalid/"></iframe><script src="http://example.invalid/x.js"></script></body></html>`,
      });
      read(BENCHMARK_PAGE('ef4e67b66d63b5facef55c06a94d85f2ae01a0a1a4a3a1bcfe2499c8c8a7dacf'));
      expect(write).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      error.mockRestore();
    }
  });
});
