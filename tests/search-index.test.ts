import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench } from '../src/main/workbench';
import { SEED_FILE, SEED_TITLE, scrapedPages, tempDir } from './helpers/paths';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = tempDir();
  dbPath = path.join(dir, 'w.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function statusAfterReopen(): Promise<{ status: string; hits: number }> {
  const wb = openWorkbench({ dbPath });
  const info = await wb.api['archive.info']({});
  const hits = (await wb.api['search.query']({ query: 'Borrel' })).total;
  wb.close();
  return { status: info.indexStatus, hits };
}

describe('the persisted search index', () => {
  beforeEach(async () => {
    const wb = openWorkbench({ dbPath });
    await wb.api['import.paths']({ paths: [SEED_FILE] });
    wb.close();
  });

  it('is loaded at open, not rebuilt, when it matches the archive', async () => {
    expect(await statusAfterReopen()).toEqual({ status: 'loaded', hits: 1 });
  });

  it('is rebuilt when missing', async () => {
    fs.rmSync(`${dbPath}.search-index`);
    expect(await statusAfterReopen()).toEqual({ status: 'built (missing)', hits: 1 });
    expect(await statusAfterReopen()).toEqual({ status: 'loaded', hits: 1 });
  });

  it('is rebuilt when unreadable', async () => {
    fs.writeFileSync(`${dbPath}.search-index`, 'WIREWATCH-INDEX 1\t1\n{"truncated": ');
    expect(await statusAfterReopen()).toEqual({ status: 'rebuilt (unreadable)', hits: 1 });
  });

  it('is rebuilt when stale: the archive changed after the index was saved', async () => {
    const oldIndex = fs.readFileSync(`${dbPath}.search-index`);
    const wb = openWorkbench({ dbPath });
    await wb.api['import.paths']({ paths: scrapedPages() });
    wb.close();
    fs.writeFileSync(`${dbPath}.search-index`, oldIndex); // as if the save after the import had been lost in a crash
    const reopened = openWorkbench({ dbPath });
    expect((await reopened.api['archive.info']({})).indexStatus).toBe('rebuilt (stale)');
    // An article of the second import is found: the rebuilt index covers the whole archive.
    expect((await reopened.api['search.query']({ query: 'Rukban' })).total).toBe(1);
    expect((await reopened.api['search.query']({ query: 'CSTO' })).total).toBe(1);
    reopened.close();
  });
});

describe('search answers', () => {
  it('ranks a title match above a body-only match and pages through hits', async () => {
    const wb = openWorkbench({ dbPath });
    await wb.api['import.paths']({ paths: [SEED_FILE, ...scrapedPages()] });
    const r = await wb.api['search.query']({ query: 'Kazakhstan CSTO' });
    expect(r.hits[0]!.title).toBe(SEED_TITLE);
    const page1 = await wb.api['search.query']({ query: 'said', limit: 3 });
    const page2 = await wb.api['search.query']({ query: 'said', limit: 3, offset: 3 });
    expect(page1.hits.map((h) => h.id)).not.toEqual(page2.hits.map((h) => h.id));
    expect(page1.total).toBe(page2.total);
    wb.close();
  });

  it('rejects malformed arguments with a clear message instead of crashing', async () => {
    const wb = openWorkbench({ dbPath });
    await expect(wb.api['search.query']({ query: 42 as unknown as string })).rejects.toThrow('query must be text');
    await expect(wb.api['articles.get']({ id: 'x' as unknown as number })).rejects.toThrow('id must be a whole number');
    await expect(wb.api['articles.get']({ id: 12345 })).rejects.toThrow('no article with id 12345');
    wb.close();
  });
});
