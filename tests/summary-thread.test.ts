import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FullTextIndex } from '../src/main/search/fts-index';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import type { SearchSummary } from '../src/shared/types';
import { SEED_FILE, scrapedPages, sharedData, tempDir } from './helpers/paths';

// The summary thread runs the built script (npm run build), as the app does.
const WORKER = path.resolve(__dirname, '../out/main/summary-worker.js');
const REUTERS = (n: number) => path.join(sharedData, 'reuters21578', `reut2-00${n}.sgm`);

let dir: string;
let dbPath: string;
const open: Workbench[] = [];
beforeEach(() => {
  expect(fs.existsSync(WORKER), 'run `npm run build` first').toBe(true);
  dir = tempDir();
  dbPath = path.join(dir, 'w.db');
});
afterEach(() => {
  for (const wb of open.splice(0)) wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openWb(summaryThread: boolean): Workbench {
  const wb = openWorkbench({ dbPath, summaryWorkerFile: summaryThread ? WORKER : undefined });
  open.push(wb);
  return wb;
}

/** A summary without its timing. */
async function summaryOf(wb: Workbench, query: string): Promise<Omit<SearchSummary, 'tookMs'>> {
  const { tookMs: _, ...rest } = await wb.api['search.summary']({ query });
  return rest;
}

const QUERIES = [
  'oil',
  '"bank of england"',
  'shar*',
  '(shares OR stock) -dividend',
  'title:oil date:1987-02-26..1987-03-05',
  'lang:en -oil',
  'Kazakhstan OR CSTO',
  'source:reuters crude',
  '',
];

describe('summaries counted on the summary thread', () => {
  it('equal those counted on the workbench thread, also after imports made while it runs', async () => {
    const first = openWb(false);
    await first.api['import.paths']({ paths: [REUTERS(0)] });
    first.close();
    open.length = 0;

    const threaded = openWb(true);
    expect(await threaded.summaryThreadReady()).toBe(true);
    // The thread has read the archive's speakers before the next import brings new ones.
    await summaryOf(threaded, 'oil');
    const before = (await summaryOf(threaded, '')).articles;

    // Articles, statements and speakers that only reach the thread as catalog changes.
    const report = await threaded.api['import.paths']({ paths: [REUTERS(1), SEED_FILE, ...scrapedPages().slice(0, 6)] });
    expect(report.errors).toBe(0);
    const plain = openWb(false);
    expect(await plain.summaryThreadReady()).toBe(false);

    const after = await summaryOf(threaded, '');
    expect(after.articles).toBeGreaterThan(before + 900);
    for (const query of QUERIES) expect(await summaryOf(threaded, query), query).toEqual(await summaryOf(plain, query));
    // The seed's speakers, which came with the second import, are counted.
    const kazakhstan = await summaryOf(threaded, 'Kazakhstan');
    expect(kazakhstan.facets.speaker.map((f) => f.value)).toEqual(expect.arrayContaining(['Ned Price', 'Josep Borrell', 'Antony Blinken']));
  });

  it('gives the page sent after its summary the summary\'s article count, instead of counting every hit again', async () => {
    const threaded = openWb(true);
    await threaded.api['import.paths']({ paths: [REUTERS(0)] });
    expect(await threaded.summaryThreadReady()).toBe(true);
    const plain = openWb(false);
    const counts = vi.spyOn(FullTextIndex.prototype, 'count');
    try {
      // Prefix and phrase pages rank every hit and counted them in a second pass; a word's tiers
      // need the count; a misspelt word is read forgivingly; a word no article has finds nothing.
      for (const query of ['shar*', '"bank of england"', 'oil', 'oill', 'zzzqqq']) {
        const summary = threaded.api['search.summary']({ query });
        counts.mockClear();
        const { tookMs: _a, ...page } = await threaded.api['search.query']({ query, deferSummary: true });
        const countedHere = counts.mock.calls.length;
        await summary;
        const { tookMs: _b, ...alone } = await plain.api['search.query']({ query, deferSummary: true });
        expect(page, query).toEqual(alone);
        if (query === 'shar*' || query === '"bank of england"') expect(countedHere, query).toBe(0);
        if (query === 'oil') expect(countedHere, query).toBeGreaterThan(0);
      }
    } finally {
      counts.mockRestore();
    }
    // A summary counted before an import does not give its count to a page asked after it.
    const before = await threaded.api['search.summary']({ query: 'shar*' });
    await threaded.api['import.paths']({ paths: [REUTERS(1)] });
    const page = await threaded.api['search.query']({ query: 'shar*', deferSummary: true });
    expect(page.articles).toBeGreaterThan(before.articles);
    expect(page.articles).toBe((await threaded.api['search.summary']({ query: 'shar*' })).articles);
  });

  it('counts summaries on the workbench thread when the summary thread fails to start', async () => {
    const broken = path.join(dir, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('the summary thread could not start');\n");
    const wb = openWorkbench({ dbPath, summaryWorkerFile: broken });
    open.push(wb);
    await wb.api['import.paths']({ paths: [SEED_FILE] });
    expect(await wb.summaryThreadReady()).toBe(false);
    const [summary, page] = await Promise.all([
      wb.api['search.summary']({ query: 'Kazakhstan' }),
      wb.api['search.query']({ query: 'Kazakhstan', deferSummary: true }),
    ]);
    expect(summary).toMatchObject({ total: 1, articles: 1 });
    expect(page.hits).toHaveLength(1);
  });

  it('leaves `speaker:` (aliases of the people registry) and misspelt words to the workbench thread', async () => {
    const threaded = openWb(true);
    await threaded.api['import.paths']({ paths: [SEED_FILE, REUTERS(0)] });
    expect(await threaded.summaryThreadReady()).toBe(true);
    const plain = openWb(false);
    // "Боррель" is an alias the registry on the workbench thread knows; "oill" is read forgivingly as "oil".
    for (const query of ['speaker:Боррель', 'oill']) {
      const summary = await summaryOf(threaded, query);
      expect(summary.articles, query).toBeGreaterThan(0);
      expect(summary, query).toEqual(await summaryOf(plain, query));
    }
  });
});

describe('the first searches after open, while the summary thread loads', () => {
  it('answer the page before the summary counted on the workbench thread, with the same figures', async () => {
    const first = openWb(false);
    await first.api['import.paths']({ paths: [REUTERS(0), SEED_FILE] });
    first.close();
    open.length = 0;

    const threaded = openWb(true);
    // Sent at once after open, as the search box sends them: the summary first, then the page.
    const order: string[] = [];
    const summary = threaded.api['search.summary']({ query: 'oil' }).then((s) => (order.push('summary'), s));
    const page = threaded.api['search.query']({ query: 'oil', deferSummary: true }).then((p) => (order.push('page'), p));
    const [s, p] = await Promise.all([summary, page]);
    expect(order).toEqual(['page', 'summary']);
    // The page counted its articles itself; the summary is the whole one.
    expect(p.summaryPending).toBe(true);
    expect(p.articles).toBe(s.articles);
    const plain = openWb(false);
    const { tookMs: _, ...alone } = await plain.api['search.summary']({ query: 'oil' });
    const { tookMs: __, ...counted } = s;
    expect(counted).toEqual(alone);
    expect(await threaded.summaryThreadReady()).toBe(true);
  });
});
