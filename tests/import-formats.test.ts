import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { sharedData, tempDir } from './helpers/paths';

let dir: string;
let wb: Workbench;
beforeEach(() => {
  dir = tempDir();
  wb = openWorkbench({ dbPath: path.join(dir, 'w.db') });
});
afterEach(() => {
  wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const feeds = path.join(sharedData, 'rss-feeds/feeds');
const expected = path.join(sharedData, 'rss-feeds/expected-rss-parser');

describe('feeds through the import pipeline', () => {
  it('imports all 16 real feeds, one article per item, as many items as rss-parser finds', async () => {
    const report = await wb.api['import.paths']({ paths: [feeds] });
    expect(report.errors).toBe(0);
    expect(report.outcomes).toHaveLength(16);
    for (const o of report.outcomes) {
      expect(o.status, o.file).toBe('imported');
      if (o.status !== 'imported') continue;
      expect(o.format).toBe('feed');
      const name = path.basename(o.file).replace(/\.[^.]+$/, '');
      const gold = path.join(expected, `${name}.json`);
      if (!fs.existsSync(gold)) continue;
      const items = (JSON.parse(fs.readFileSync(gold, 'latin1')) as { feed: { items: unknown[] } }).feed.items;
      expect(o.articles + o.duplicates + o.copies * 0, name).toBe(items.length);
    }
  });

  it('reads the windows-1251 feed as Russian and records the encoding it declares', async () => {
    const report = await wb.api['import.paths']({ paths: [path.join(feeds, 'node-feedparser__iconv.xml')] });
    const o = report.outcomes[0]!;
    expect(o).toMatchObject({ status: 'imported', encoding: 'windows-1251', format: 'feed' });
    const a = await wb.api['articles.get']({ id: (o as { articleId: number }).articleId });
    expect(a.language).toBe('ru');
    expect(a.title).toMatch(/\p{Script=Cyrillic}{4}/u);
    expect(a.origin.encodingReason).toBe('declared in the file');
  });
});

describe('Reuters-21578', () => {
  it('imports all 21,578 stories with zero errors, with dates, titles kept for stories without a body, copies linked', async () => {
    const folder = path.join(sharedData, 'reuters21578');
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.sgm')).map((f) => path.join(folder, f));
    const report = await wb.api['import.paths']({ paths: files });
    expect(report.errors).toBe(0);
    expect(report.imported).toBe(22);
    const info = await wb.api['archive.info']({});
    // Every story is stored; identical and near-identical stories are linked as copies of one story.
    expect(report.articles).toBe(21_578);
    expect(info.articles).toBe(21_578);
    expect(info.stories).toBe(21_578 - report.copies);
    expect(report.copies).toBeGreaterThan(100);

    const { articles } = await wb.api['articles.list']({ limit: -1 });
    expect(articles.every((a) => a.publishedAt !== null)).toBe(true);
    expect(articles.every((a) => a.title.length > 0)).toBe(true);
    const briefs = articles.filter((a) => a.body === '');
    expect(briefs.length).toBeGreaterThan(1000);
    // Facets survive: topics and places of a known story (NEWID 1, cocoa in El Salvador).
    const first = articles.find((a) => a.itemKey === '1')!;
    const detail = await wb.api['articles.get']({ id: first.id });
    expect(detail.origin.facets.topics).toEqual(['cocoa']);
    expect(detail.origin.facets.places).toEqual(expect.arrayContaining(['el-salvador', 'usa', 'uruguay']));
    expect(detail).toMatchObject({ agency: 'Reuters', dateline: 'Salvador', format: 'reuters', publishedAt: '1987-02-26T15:01:01.790Z' });
  }, 180_000);
});

describe('legacy encodings through the pipeline', () => {
  it('reads the same feed saved in six Cyrillic encodings into six identical sets of articles', async () => {
    const samples = path.join(sharedData, 'russian-text/charset-samples');
    const folders = ['IBM855', 'IBM866', 'KOI8-R', 'MacCyrillic', 'iso-8859-5-russian', 'windows-1251-russian'];
    const texts: string[] = [];
    for (const folder of folders) {
      // Each into an archive of its own: in one archive the later copies are re-imports (same URLs).
      const own = openWorkbench({ dbPath: path.join(dir, `${folder}.db`) });
      const report = await own.api['import.paths']({ paths: [path.join(samples, folder, 'newsru.com.xml')] });
      expect(report.errors, folder).toBe(0);
      const { articles } = await own.api['articles.list']({ limit: -1 });
      expect(articles.length, folder).toBeGreaterThan(10);
      texts.push(articles.map((a) => `${a.title}\n${a.body}`).join('\n---\n'));
      own.close();
    }
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/\p{Script=Cyrillic}{5}/u);
  });

  it('recognises a copy of a feed in another encoding as already imported', async () => {
    const samples = path.join(sharedData, 'russian-text/charset-samples');
    await wb.api['import.paths']({ paths: [path.join(samples, 'KOI8-R/newsru.com.xml')] });
    const again = await wb.api['import.paths']({ paths: [path.join(samples, 'IBM866/newsru.com.xml')] });
    expect(again.outcomes[0]).toMatchObject({ status: 'duplicate', encoding: 'ibm866' });
  });
});
