import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench } from '../src/main/workbench';
import { SEED_FILE, SEED_TITLE, sharedData, tempDir } from './helpers/paths';
import { lieAboutSizes, zerosBomb } from './helpers/zips';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title><description>x</description></item></channel></rss>`;

describe('a batch of bad files of every kind, with good ones among them', () => {
  it('gives each bad file a clear error, imports the good ones, and leaves nothing half-written', async () => {
    const f = (name: string) => path.join(dir, 'batch', name);
    fs.mkdirSync(path.join(dir, 'batch'));
    const html = fs.readFileSync(path.join(sharedData, 'article-extraction-benchmark/html/e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090.html'), 'utf8');
    fs.writeFileSync(f('a-truncated.html'), html.slice(0, Math.floor(html.length * 0.6)));
    fs.writeFileSync(f('b-malformed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>One</title>');
    fs.writeFileSync(f('c-laughs.xml'), BILLION_LAUGHS);
    fs.writeFileSync(f('d-ragged.csv'), 'title,body,date\n"Ports reopen","Ports on the Black Sea reopened on Monday, officials said.",2022-08-01\n"Only a title"\n"Too","many","cells","here"\n');
    fs.writeFileSync(f('e-unclosed.csv'), 'title,body\n"Fine row","A body that is fine."\n"Broken row, this quote never ends,and neither does the row\n');
    fs.closeSync(fs.openSync(f('f-huge.json'), 'w'));
    fs.truncateSync(f('f-huge.json'), 200 * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
    fs.writeFileSync(f('g-bomb.zip'), lieAboutSizes(zerosBomb(1024, 'zeros.txt'), 1000));
    fs.writeFileSync(f('h-escape.zip'), zipSync({ '../evil.txt': strToU8('escaped'), 'ok/page.txt': fs.readFileSync(SEED_FILE) }));
    fs.writeFileSync(f('i-binary.sgm'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    fs.copyFileSync(path.join(sharedData, 'rss-feeds/feeds/node-feedparser__rss2sample.xml'), f('j-good.xml'));

    const dbPath = path.join(dir, 'w.db');
    const wb = openWorkbench({ dbPath });
    const rssBefore = process.memoryUsage().rss;
    const report = await wb.api['import.paths']({ paths: [path.join(dir, 'batch')] });
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    const by = (name: string) => report.outcomes.find((o) => o.file.endsWith(name))!;

    expect(['imported', 'error']).toContain(by('a-truncated.html').status); // what survives of the page, or why not
    expect(by('b-malformed.xml')).toMatchObject({ status: 'error', error: expect.stringMatching(/^malformed XML: .*line \d+/) });
    expect(by('c-laughs.xml')).toMatchObject({ status: 'error', error: expect.stringMatching(/entit/i) });
    // Ragged rows are read for what they hold, each with a warning naming its line.
    expect(by('d-ragged.csv')).toMatchObject({ status: 'imported', articles: 3 });
    expect((by('d-ragged.csv') as { warnings: string[] }).warnings.join(' ')).toMatch(/row|line/i);
    expect(by('e-unclosed.csv')).toMatchObject({ status: 'error', error: expect.stringMatching(/unclosed quote.*line 3/) });
    expect(by('f-huge.json')).toMatchObject({ status: 'error', error: expect.stringMatching(/too large \(200\.0 MB/) });
    expect(by('g-bomb.zip/zeros.txt')).toMatchObject({ status: 'error', error: expect.stringMatching(/expand|ratio/i) });
    expect(by('h-escape.zip/../evil.txt')).toMatchObject({ status: 'error', error: expect.stringMatching(/unsafe path/) });
    expect(by('h-escape.zip/ok/page.txt')).toMatchObject({ status: 'imported', title: SEED_TITLE });
    expect(by('i-binary.sgm')).toMatchObject({ status: 'error', error: 'not a text file: it is a executable' });
    expect(by('j-good.xml')).toMatchObject({ status: 'imported', articles: 4 });
    expect(rssGrowth).toBeLessThan(400 * 1024 * 1024);

    // Nothing half-written: the archive holds exactly the articles the outcomes report.
    const stored = report.outcomes.reduce((n, o) => n + (o.status === 'imported' ? o.articles : 0), 0);
    expect((await wb.api['archive.info']({})).articles).toBe(stored);
    const log = (await wb.api['import.log']({ batchId: report.batchId! })).entries;
    expect(log.filter((e) => e.status === 'error').length).toBe(report.errors);
    wb.close();
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});

describe('import jobs', () => {
  it('report progress while running and stop between files when cancelled', async () => {
    const folder = path.join(sharedData, 'reuters21578');
    const files = fs.readdirSync(folder).filter((x) => x.endsWith('.sgm')).map((x) => path.join(folder, x));
    const wb = openWorkbench({ dbPath: path.join(dir, 'w.db') });
    const job = await wb.api['import.start']({ paths: files });
    expect(job).toMatchObject({ state: 'running', filesTotal: 22, filesDone: 0 });
    let progress = job;
    while (progress.filesDone < 2) {
      await new Promise((r) => setTimeout(r, 20));
      progress = await wb.api['import.progress']({ jobId: job.jobId });
    }
    expect(progress.articlesDone).toBeGreaterThanOrEqual(2000);
    expect(progress.rate).toBeGreaterThan(0);
    expect(progress.secondsLeft).not.toBeNull();
    await wb.api['import.cancel']({ jobId: job.jobId });
    while (progress.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      progress = await wb.api['import.progress']({ jobId: job.jobId });
    }
    expect(progress.state).toBe('cancelled');
    const { report } = progress;
    expect(report.cancelled).toBeGreaterThan(0);
    expect(report.imported + report.cancelled).toBe(22);
    // Whole files only: the archive holds 1,000 stories per imported file.
    expect((await wb.api['archive.info']({})).articles).toBe(report.articles);
    expect(report.articles).toBe(report.imported * 1000);
    wb.close();
  }, 120_000);
});

describe('re-importing with another encoding', () => {
  it('makes a new version from the original bytes that replaces the old one in lists and search', async () => {
    const text = fs.readFileSync(path.join(sharedData, 'russian-text/factRuEval-2016/devset/book_3269.txt'), 'utf8');
    const iconv = (await import('iconv-lite')).default;
    fs.writeFileSync(path.join(dir, 'koi8.txt'), iconv.encode(text, 'koi8-r'));
    const wb = openWorkbench({ dbPath: path.join(dir, 'w.db') });
    // Forced to the wrong encoding first, as an analyst might.
    const first = await wb.api['import.paths']({ paths: [path.join(dir, 'koi8.txt')], encoding: 'windows-1251' });
    const oldId = (first.outcomes[0] as { articleId: number }).articleId;
    expect((await wb.api['articles.get']({ id: oldId })).title).not.toContain('Учёные');
    const again = await wb.api['articles.reimport']({ id: oldId, encoding: 'koi8-r' });
    const newId = (again.outcomes[0] as { articleId: number }).articleId;
    const fresh = await wb.api['articles.get']({ id: newId });
    expect(fresh.title).toBe('Учёные создали высокотемпературные сверхпроводники из непроводников');
    expect(fresh.origin).toMatchObject({ encoding: 'koi8-r', encodingReason: 'chosen by the analyst', supersedes: oldId });
    expect((await wb.api['articles.get']({ id: oldId })).origin.supersededBy).toBe(newId);
    expect((await wb.api['articles.list']({})).articles.map((a) => a.id)).toEqual([newId]);
    expect((await wb.api['search.query']({ query: 'сверхпроводники' })).hits.map((h) => h.id)).toEqual([newId]);
    await expect(wb.api['articles.reimport']({ id: newId, encoding: 'klingon-8' })).rejects.toThrow('unknown encoding "klingon-8"');
    wb.close();
  });
});
