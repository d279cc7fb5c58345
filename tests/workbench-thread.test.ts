import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/shared/api';
import { openWorkbenchThread } from '../src/main/workbench-thread';
import { SEED_FILE, SEED_TITLE, tempDir } from './helpers/paths';

// The worker runs the built script (npm run build), as the app and `wirewatch serve` do.
const WORKER = path.resolve(__dirname, '../out/main/workbench-worker.js');
let dir: string;
beforeEach(() => {
  expect(fs.existsSync(WORKER), 'run `npm run build` first').toBe(true);
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the workbench on its own thread', () => {
  it('answers every call in order, with the same results and errors as in-process', async () => {
    const wb = await openWorkbenchThread({ dbPath: path.join(dir, 'w.db') }, WORKER);
    // Sent together: the search is answered after the import, so it sees the article.
    const [report, search] = await Promise.all([
      wb.api['import.paths']({ paths: [SEED_FILE] }),
      wb.api['search.query']({ query: 'Borrel' }),
    ]);
    expect(report.imported).toBe(1);
    expect(search.hits.map((h) => h.title)).toEqual([SEED_TITLE]);
    const missing = await wb.api['articles.get']({ id: 99 }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ code: 'not_found', message: 'no article with id 99' });
    await wb.close();
    await expect(wb.api['archive.info']({})).rejects.toThrow('the workbench thread has stopped');
  });

  it('answers a summary sent before the page beside it, both for the same hits', async () => {
    const wb = await openWorkbenchThread({ dbPath: path.join(dir, 'w.db') }, WORKER);
    await wb.api['import.paths']({ paths: [SEED_FILE] });
    // As the search box sends them: the summary first (the summary thread counts it), then the page.
    const [summary, page] = await Promise.all([
      wb.api['search.summary']({ query: 'Kazakhstan' }),
      wb.api['search.query']({ query: 'Kazakhstan', deferSummary: true }),
    ]);
    expect(page.hits.map((h) => h.title)).toEqual([SEED_TITLE]);
    expect(page.summaryPending).toBe(true);
    expect(summary).toMatchObject({ total: 1, articles: 1 });
    expect(summary.facets.speaker.map((f) => f.value)).toEqual(expect.arrayContaining(['Ned Price', 'Josep Borrell', 'Antony Blinken']));
    await wb.close();
  });

  it('reports an archive that cannot be opened instead of hanging', async () => {
    const notADb = path.join(dir, 'folder.db');
    fs.mkdirSync(notADb);
    await expect(openWorkbenchThread({ dbPath: notADb }, WORKER)).rejects.toThrow('unable to open database file');
  });

  it("keeps the desktop shell's dialog on the calling thread", async () => {
    const wb = await openWorkbenchThread(
      { dbPath: path.join(dir, 'w.db'), host: { pickFiles: async () => ['/picked/file.txt'] } },
      WORKER,
    );
    expect(await wb.api['dialog.pickFiles']({})).toEqual({ paths: ['/picked/file.txt'] });
    await wb.close();
  });
});
