import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../src/main/ingest/dates/loose';
import { decodeBytes, isValidUtf8 } from '../src/main/ingest/decode';
import { ImportError } from '../src/main/ingest/errors';
import { looksLikeFeed, readFeed } from '../src/main/ingest/feeds';
import type { ParsedArticle } from '../src/main/ingest/parsed';

const data = path.resolve(__dirname, '../../shared/data');
const feedDir = path.join(data, 'rss-feeds/feeds');
const expectedDir = path.join(data, 'rss-feeds/expected-rss-parser');

/** A feed file as the importer reads it: bytes decoded (honouring the XML declaration), then read. */
function readFile(name: string): ParsedArticle[] {
  const text = decodeBytes(fs.readFileSync(path.join(feedDir, name))).text;
  return readFeed({ text, fileName: name });
}

function read(text: string): ParsedArticle[] {
  return readFeed({ text, fileName: 'test.xml' });
}

function importError(text: string): string {
  try {
    read(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportError');
}

/** rss-parser's expected items (one of the files is saved as ISO-8859-1). */
function expectedItems(feed: string): Array<{ title?: string; link?: string; isoDate?: string }> {
  const bytes = fs.readFileSync(path.join(expectedDir, `${feed}.json`));
  return JSON.parse(bytes.toString(isValidUtf8(bytes) ? 'utf8' : 'latin1')).feed.items;
}

const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

// Items per feed. node-feedparser__illegally-nested.xml has 10 items, each holding an empty
// <item/> (the "illegal nesting"); nested items are not articles.
const ITEMS: Record<string, number> = {
  'node-feedparser__category-feed.xml': 1,
  'node-feedparser__iconv.xml': 10,
  'node-feedparser__illegally-nested.xml': 10,
  'node-feedparser__intertwingly.atom': 20,
  'node-feedparser__mediacontent-dupes.xml': 1,
  'node-feedparser__rss2sample.xml': 4,
  'node-feedparser__tpm.atom': 20,
  'rss-parser__content-encoded.rss': 7,
  'rss-parser__encoding.rss': 40,
  'rss-parser__feedburner.atom': 25,
  'rss-parser__guardian.rss': 55,
  'rss-parser__heise.atom': 15,
  'rss-parser__heraldsun.rss': 2,
  'rss-parser__instant-article.rss': 1,
  'rss-parser__reddit.rss': 24,
  'rss-parser__rss-1.rss': 69,
};

describe('real feeds', () => {
  const files = fs.readdirSync(feedDir).sort();

  it('imports all 16 feeds with the expected number of articles, each with a title or a body', () => {
    expect(files).toEqual(Object.keys(ITEMS).sort());
    for (const file of files) {
      const articles = readFile(file);
      expect(articles.length, file).toBe(ITEMS[file]);
      for (const a of articles) {
        expect(a.title || a.paragraphs.length > 0, `${file} ${a.itemKey}`).toBeTruthy();
        expect(a.warnings, file).toBeUndefined();
        for (const p of a.paragraphs) expect(p.length > 0 && p === p.trim(), file).toBe(true);
      }
      expect(new Set(articles.map((a) => a.itemKey)).size, `${file}: item keys are unique`).toBe(articles.length);
    }
  });

  it('recognises every feed by its content', () => {
    for (const file of files) expect(looksLikeFeed(decodeBytes(fs.readFileSync(path.join(feedDir, file))).text), file).toBe(true);
  });

  it('agrees with rss-parser on item counts, titles and dates wherever rss-parser has expectations', () => {
    const feeds = fs.readdirSync(expectedDir).map((f) => f.replace(/\.json$/, ''));
    expect(feeds).toHaveLength(9);
    for (const feed of feeds) {
      const file = files.find((f) => f.startsWith(`${feed}.`))!;
      const articles = readFile(file);
      const expected = expectedItems(feed);
      expect(articles.length, feed).toBe(expected.length);
      expected.forEach((item, i) => {
        expect(fold(articles[i]!.title), `${feed} #${i}`).toBe(fold(item.title));
        const date = articles[i]!.publishedRaw ? parseLooseDate(articles[i]!.publishedRaw!)?.value : undefined;
        expect(date, `${feed} #${i} date`).toBe(item.isoDate);
      });
    }
  });

  it('links agree with rss-parser, except that FeedBurner items link to the original article', () => {
    const guardian = readFile('rss-parser__guardian.rss');
    expect(guardian.map((a) => a.url)).toEqual(expectedItems('rss-parser__guardian').map((i) => i.link));
    // rss-parser gives the feedproxy.google.com redirect; feedburner:origLink is the article itself.
    const jn = readFile('rss-parser__encoding.rss');
    expect(expectedItems('rss-parser__encoding')[0]!.link).toMatch(/^http:\/\/feeds\.jn\.pt\/~r\//);
    expect(jn[0]!.url).toBe('https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html');
  });

  it('every publication date in the real feeds is understood', () => {
    for (const file of files) {
      for (const a of readFile(file)) {
        if (a.publishedRaw) expect(parseLooseDate(a.publishedRaw), `${file}: ${a.publishedRaw}`).not.toBeNull();
      }
    }
  });

  it('reads the windows-1251 Russian feed as Cyrillic, with its full text from yandex:full-text', () => {
    const articles = readFile('node-feedparser__iconv.xml');
    const first = articles[0]!;
    expect(first.title).toBe('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
    expect(first.source).toBe('Новости Оренбурга и области / Раздел Новости');
    expect(first.summaryOnly).toBe(false);
    // "<br /><br />" separates the paragraphs of the full text.
    expect(first.paragraphs).toHaveLength(4);
    expect(first.paragraphs[0]).toBe(
      'В Бузулуке обсудили вопросы, касающиеся главных строительных объектов города – здания детского сада на 280 мест и Ледового дворца.',
    );
    expect(parseLooseDate(first.publishedRaw!)?.value).toBe('2014-01-22T14:31:31.000Z');
    expect(first.facets?.['categories']).toEqual(['Раздел Новости/']);
    const text = articles.map((a) => a.title + a.paragraphs.join(' ')).join(' ');
    expect(text).not.toMatch(/[ÐÑÃ]|\ufffd/); // no mojibake
  });

  it('reads an RSS 2.0 item: summary, link, author, categories, picture credit, language, outlet', () => {
    const a = readFile('rss-parser__guardian.rss')[0]!;
    expect(a.title).toBe('Trump State of the Union address promised unity but emphasized discord');
    expect(a.summaryOnly).toBe(true);
    expect(a.paragraphs[0]).toBe(
      'The president’s ‘new American moment’ speech stirred Republican applause while Democrats showed thinly disguised contempt',
    );
    // The trailing "Continue reading..." link is feed furniture, not summary.
    expect(a.paragraphs.join(' ')).not.toMatch(/Continue reading/);
    expect(a.url).toBe('https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord');
    expect(a.authors).toEqual(['David Smith in Washington']);
    expect(a.facets?.['categories']).toContain('State of the Union address');
    expect(a.imageCredit).toBe('Photograph: Networ/Sipa USA/REX/Shutterstock');
    expect(a.language).toBe('en');
    expect(a.source).toBe('The Guardian');
    expect(a.publishedRaw).toBe('Wed, 31 Jan 2018 07:26:05 GMT');
  });

  it('takes the full text from content:encoded, turning its HTML into paragraphs', () => {
    const a = readFile('rss-parser__content-encoded.rss')[0]!;
    expect(a.summaryOnly).toBe(false);
    expect(a.paragraphs.length).toBeGreaterThan(15);
    expect(a.paragraphs[1]).toBe('HEY, YOU! YES, YOU WITH THE EYEBALLS! GO OUTSIDE AND EAT SOME WILD FOODS!');
    expect(a.paragraphs.join('\n')).not.toMatch(/<|&[a-z]+;/);
    expect(a.authors).toEqual(['Jeremy Puma']);
    // atom:updated inside an RSS item is the modification date.
    expect(a.modifiedAt).toBe('2018-04-09T19:39:12.675Z');
  });

  it('reads Atom: HTML content, relative links, published and updated, author', () => {
    const a = readFile('node-feedparser__tpm.atom')[0]!;
    expect(a.title).toBe('Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist');
    expect(a.url).toBe('http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist');
    expect(a.paragraphs[1]).toBe(
      '“Joining us now is Dr. Sebastian Gorka,” Hannity said on his radio show. “I can officially announce today he is a Fox News national security strategist.”',
    );
    expect(a.publishedRaw).toBe('2017-11-08T18:15:58-05:00');
    expect(a.modifiedAt).toBe('2017-11-08T23:15:58.000Z');
    expect(a.authors).toEqual(['Esme Cribb']);
    expect(a.language).toBe('en');
    expect(a.itemKey).toBe('tag:talkingpointsmemo.com,2005:ArticleDecorator/270060');
  });

  it('reads inline XHTML content, drops its SVG drawings, and gives entries the feed author', () => {
    const a = readFile('node-feedparser__intertwingly.atom')[0]!;
    expect(a.paragraphs[0]).toBe('The interface is a bit low level, but workable:');
    expect(a.paragraphs[1]).toMatch(/^require 'dbus' # gem install ruby-dbus\nbus = DBus::SessionBus\.instance/); // <pre> keeps its lines
    expect(a.paragraphs.join(' ')).not.toMatch(/M107,51/); // SVG path data
    expect(a.authors).toEqual(['Sam Ruby']);
    expect(a.url).toBe('http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend');
  });

  it('reads RSS 1.0 (RDF) items with Dublin Core dates and creators', () => {
    const articles = readFile('rss-parser__rss-1.rss');
    expect(articles[0]!.title).toBe('Food for fungi');
    expect(articles[0]!.authors).toEqual(['Hines, P. J.']);
    expect(articles[0]!.publishedRaw).toBe('2017-06-15T10:29:47-07:00');
    expect(articles[0]!.facets?.['categories']).toEqual(['Botany, Microbiology']);
    // Every item has an empty description: a title-only article is kept.
    expect(articles.every((a) => a.paragraphs.length === 0 && a.title)).toBe(true);
  });

  it('reads Media RSS caption and credit, and an item source', () => {
    const a = readFile('node-feedparser__mediacontent-dupes.xml')[0]!;
    expect(a.imageCaption).toBe(
      'Black Dahlia: A head shot of Elizabeth Short who had been an aspiring actress until her untimely murder',
    );
    expect(a.imageCredit).toContain('Bettmann/CORBIS');
    const [first] = readFile('rss-parser__heraldsun.rss');
    expect(first!.source).toBe('Another Site'); // the item's own <source>, not the channel title
    expect(first!.publishedRaw).toBeNull();
  });

  it('keeps items without a title and without a body', () => {
    const sample = readFile('node-feedparser__rss2sample.xml');
    expect(sample[1]!.title).toBeNull();
    expect(sample[1]!.paragraphs[0]).toMatch(/^Sky watchers in Europe/);
    expect(sample[0]!.authors).toEqual(['Writer']); // <author>writer@example.com (Writer)</author>
    expect(sample[1]!.authors).toEqual([]);
  });

  it('imports the illegally nested feed: ten real items, the nested empty <item/>s are not articles', () => {
    const articles = readFile('node-feedparser__illegally-nested.xml');
    expect(articles.map((a) => a.title)).toContain('Is iPhone X Apple\'s Vista?');
    expect(articles.every((a) => a.title && a.publishedRaw?.endsWith('EST'))).toBe(true);
  });
});

describe('feed structure', () => {
  it('a feed with no items is valid and gives no articles', () => {
    expect(read('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')).toEqual([]);
    expect(read('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>')).toEqual([]);
  });

  it('reads RSS 0.91 with the Netscape DOCTYPE and HTML entities', () => {
    const [a] = read(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' +
        '<rss version="0.91"><channel><title>Caf&eacute;</title><language>fr-FR</language><item><title>Cr&egrave;me br&ucirc;l&eacute;e &amp;amp; co</title>' +
        '<link>http://example.com/a</link><description>Un &lt;b&gt;dessert&lt;/b&gt;&amp;nbsp;fin.</description></item></channel></rss>',
    );
    expect(a!.title).toBe('Crème brûlée & co');
    expect(a!.paragraphs).toEqual(['Un dessert fin.']);
    expect(a!.source).toBe('Café');
    expect(a!.language).toBe('fr');
  });

  it('reads Atom 0.3 (issued, modified, escaped content)', () => {
    const [a] = read(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>One</title>' +
        '<link rel="alternate" type="text/html" href="http://example.org/1"/><id>tag:example.org,2004:1</id>' +
        '<issued>2004-01-02T10:00:00Z</issued><modified>2004-01-03T10:00:00Z</modified>' +
        '<content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;&lt;p&gt;World&lt;/p&gt;</content></entry></feed>',
    );
    expect(a).toMatchObject({ title: 'One', url: 'http://example.org/1', publishedRaw: '2004-01-02T10:00:00Z', modifiedAt: '2004-01-03T10:00:00.000Z' });
    expect(a!.paragraphs).toEqual(['Hello', 'World']);
  });

  it('uses the summary when there is no content, and marks it', () => {
    const [a] = read(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-AT"><title>F</title><entry><title type="html">A &amp;amp; B</title>' +
        '<summary>Short text.</summary><category term="politik" label="Politik"/><updated>2020-05-01T08:00:00+02:00</updated></entry></feed>',
    );
    expect(a).toMatchObject({ title: 'A & B', paragraphs: ['Short text.'], summaryOnly: true, language: 'de', itemKey: '#1' });
    expect(a!.facets?.['categories']).toEqual(['Politik']);
    expect(a!.publishedRaw).toBe('2020-05-01T08:00:00+02:00'); // only <updated>: it stands for publication
    expect(a!.modifiedAt).toBeNull();
  });

  it('reads an xhtml:body and a guid permalink, and prefers the item language', () => {
    const [a] = read(
      '<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><title>C</title><language>en</language>' +
        '<item xml:lang="fr"><title>T</title><guid>https://example.com/p/1</guid><description>teaser</description>' +
        '<xhtml:body><xhtml:p>First.</xhtml:p><xhtml:div>Second<xhtml:br/><xhtml:br/>Third</xhtml:div></xhtml:body>' +
        '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ann</dc:creator><author>bob@example.com (Bob B.)</author></item></channel></rss>',
    );
    expect(a).toMatchObject({ paragraphs: ['First.', 'Second', 'Third'], summaryOnly: false, url: 'https://example.com/p/1', language: 'fr' });
    expect(a!.authors).toEqual(['Ann', 'Bob B.']); // in document order
  });

  it('turns HTML into paragraphs: blocks, double line breaks, no scripts or styles, entities decoded', () => {
    const html =
      '<div><h2>Head</h2><p>One &amp; <b>two</b></p><script>var x = "<p>no</p>";</script><style>p{}</style>' +
      'Three<br>still three<br><br>Four<ul><li>Five</li><li>Six&nbsp;&hellip;</li></ul><!-- hidden --><img src="x.jpg"></div>';
    const [a] = read(`<rss><channel><item><title>x</title><description><![CDATA[${html}]]></description></item></channel></rss>`);
    expect(a!.paragraphs).toEqual(['Head', 'One & two', 'Three still three', 'Four', 'Five', 'Six …']);
  });

  it('tells feeds from other XML and text', () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel/></rss>')).toBe(true);
    expect(looksLikeFeed('\ufeff<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBe(true);
    expect(looksLikeFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/>')).toBe(true);
    expect(looksLikeFeed('<!DOCTYPE html><html><body>rss feed</body></html>')).toBe(false);
    expect(looksLikeFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>')).toBe(false);
    expect(looksLikeFeed('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">')).toBe(false);
    expect(looksLikeFeed('Just some text about RSS feeds.')).toBe(false);
  });
});

describe('broken and hostile feeds', () => {
  it('refuses a "billion laughs" feed at once, with a clear reason', () => {
    const lines = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', '  <!ENTITY lol "lol">'];
    for (let k = 1; k <= 9; k++) lines.push(`  <!ENTITY lol${k} "${`&lol${k === 1 ? '' : k - 1};`.repeat(10)}">`);
    lines.push(']>', '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>');
    const started = performance.now();
    const message = importError(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(message).toMatch(/entit.*billion laughs/i);
  });

  it('never expands entities a feed declares itself (no quadratic blow-up, no external files)', () => {
    const big = 'x'.repeat(9000);
    const started = performance.now();
    const [a] = read(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${big}"><!ENTITY file SYSTEM "file:///etc/passwd">]>` +
        `<rss><channel><item><title>&file;</title><description>${'&big;'.repeat(20000)}</description></item></channel></rss>`,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(a!.title).toBe('&file;');
    expect(a!.paragraphs.join('').length).toBeLessThanOrEqual(100_000); // "&big;" × 20,000; 180 million characters if expanded
    expect(a!.warnings?.[0]).toMatch(/declares its own entities \(big, file\); they were not expanded/);
  });

  it('reports malformed XML with what and where', () => {
    expect(importError('<rss><channel><item><title>one</title></item><item><title>tw')).toMatch(
      /^malformed XML: the file ends inside <title> opened at line 1, column 52; it looks truncated$/,
    );
    expect(importError('<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>a</title></item></channel>')).toMatch(
      /^malformed XML: the file ends inside <rss> opened at line 2, column 1; it looks truncated$/,
    );
    expect(importError('<?xml version="1.0"?>\n<p>a</b>')).toBe(
      "malformed XML: Expected closing tag 'p' (opened in line 2, col 1) instead of closing tag 'b' (line 2, column 5)",
    );
    expect(importError('this is not XML at all')).toMatch(/^malformed XML: char 't' is not expected \(line 1, column 1\)$/);
    expect(importError('')).toBe('the feed is empty');
  });

  it('refuses well-formed XML that is not a feed', () => {
    expect(importError('<?xml version="1.0"?><html><body><p>x</p></body></html>')).toBe('not an RSS or Atom feed: the document is <html>');
  });

  it('reads sloppy but complete feeds leniently, with a warning: bare ampersands, unescaped HTML, stray tags', () => {
    const articles = read(
      '\n\n<?xml version="1.0"?><rss version="2.0"><channel><title>AT&T News</title>' +
        '<item><title>Q&A: profits</title><description>First<br>line<br><br>Second <b>bold</i></description></item>' +
        '<item><title>Two</title><description>Fine</description></item></channel></rss>',
    );
    expect(articles.map((a) => a.title)).toEqual(['Q&A: profits', 'Two']);
    expect(articles[0]!.paragraphs).toEqual(['First line', 'Second bold']);
    expect(articles[0]!.source).toBe('AT&T News');
    expect(articles[0]!.warnings?.[0]).toMatch(/^The feed is not well-formed XML \(.+, line 3, column \d+\); it was read leniently\.$/);
  });

  it('refuses absurdly deep nesting in bounded time', () => {
    const started = performance.now();
    const message = importError(`<rss><channel><item><description>${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}</description></item></channel></rss>`);
    expect(message).toMatch(/^malformed XML: elements nested more than 256 levels deep/);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
