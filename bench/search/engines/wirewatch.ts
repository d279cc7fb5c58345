/**
 * Wirewatch itself, through its public doors: the import runs on the workbench thread as in the
 * app (`openWorkbenchThread`, built by `npm run build`), the queries go to `api['search.query']`
 * in-process (as the CLI and the workbench thread run them).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkbench, type Workbench } from '../../../src/main/workbench';
import { openWorkbenchThread } from '../../../src/main/workbench-thread';
import { REPO } from '../cache';
import { sizeOf } from '../cache';
import type { BenchQuery } from '../types';
import { PAGE, type BuildInput, type BuildResult, type EngineAdapter, type OpenedEngine, type QueryAnswer } from './types';

/** The archive file inside the engine directory. */
export function dbPathIn(dir: string): string {
  return path.join(dir, 'wirewatch.db');
}

/**
 * Build = importing the dataset's files into a fresh archive (`import.paths`: read, parse,
 * prepare, store with duplicate and story detection, index in the same transactions), on the
 * workbench and reader threads as the app does. Persist = closing, which merges the segments
 * the import wrote into the full-text index. Then, separately, the index alone is rebuilt from
 * the stored articles (what an analyser upgrade costs), timed as `reindexS`.
 */
export async function build(input: BuildInput): Promise<BuildResult> {
  const dbPath = dbPathIn(input.dir);
  const worker = path.join(REPO, 'out/main/workbench-worker.js');
  if (!fs.existsSync(worker)) throw new Error('run `npm run build` first: the import runs on the built workbench thread');
  const wb = await openWorkbenchThread({ dbPath }, worker);
  const t0 = performance.now();
  const report = await wb.api['import.paths']({ paths: input.importPaths });
  const buildS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await wb.close();
  const persistS = (performance.now() - t1) / 1000;
  const reindexS = reindex(dbPath);

  const notes = [
    `import report: ${report.imported} files imported, ${report.errors} errors, ${report.duplicates} duplicate files, ` +
      `${report.articles} articles stored, ${report.copies} linked to an earlier story`,
  ];
  for (const o of report.outcomes.filter((x) => x.status === 'error').slice(0, 3)) notes.push(`import error: ${JSON.stringify(o)}`);
  return { buildS, persistS, readRowsS: 0, reindexS, documents: report.articles, sizes: sizesIn(input.dir), notes };
}

/** Seconds to rebuild the full-text index from the archive's articles (an analyser change forces it). */
function reindex(dbPath: string): number {
  const db = new Database(dbPath);
  db.prepare("UPDATE meta SET value = '0' WHERE key = 'search_analyser'").run();
  db.close();
  const t0 = performance.now();
  openWorkbench({ dbPath, buildIndexNow: true }).close();
  return (performance.now() - t0) / 1000;
}

/**
 * Opens the archive (migrating it and loading or rebuilding its search index, as the app does);
 * with `summaryThread`, summaries are counted on the summary thread as in the app.
 */
export async function open(dir: string, summaryThread = false): Promise<Workbench> {
  const summaryWorkerFile = summaryThread ? path.join(REPO, 'out/main/summary-worker.js') : undefined;
  if (summaryWorkerFile && !fs.existsSync(summaryWorkerFile)) throw new Error('run `npm run build` first: summaries run on the built summary thread');
  return openWorkbench({ dbPath: dbPathIn(dir), summaryWorkerFile });
}

/** How a query is asked: as the search box does, only its first call, or as lean as the FTS5 baseline. */
type Mode = 'ui' | 'first' | 'page';

/**
 * One query as the search box sends it: `search.summary` (story count and facets, counted on the
 * summary thread) and the page (20 hits with snippets, copies folded, the article count;
 * `deferSummary`) sent together, the summary first; the answer is complete when both are in.
 * `first` asks only the page; `page` asks only what the FTS5 baseline answers (a ranked page
 * and a total, unfolded).
 */
export async function query(wb: Workbench, q: BenchQuery, mode: Mode = 'ui'): Promise<QueryAnswer> {
  // In the app each call arrives as a message, so the thread's event loop turns between calls
  // and hears the summary thread (its `ready`, its answers); here it must be let turn.
  if (mode === 'ui') await new Promise((resolve) => setImmediate(resolve));
  const summary = mode === 'ui' ? wb.api['search.summary']({ query: q.ours }) : null;
  const r =
    mode === 'page'
      ? await wb.api['search.query']({ query: q.ours, limit: PAGE, foldCopies: false, facets: false, snippets: false })
      : await wb.api['search.query']({ query: q.ours, limit: PAGE, deferSummary: true });
  const hitsAt = performance.now();
  let total = r.total;
  if (summary) {
    const s = await summary;
    if (r.summaryPending) total = s.total;
  }
  return { total, ids: r.hits.map((h) => h.id), ...(summary ? { hitsAt } : {}) };
}

/** Closes the workbench (close may become async; both are awaited). */
export async function close(wb: Workbench): Promise<void> {
  await Promise.resolve(wb.close() as unknown);
}

/**
 * The archive and what lies beside it (the `.search-index` file, WAL), and, for reading the
 * figures, how much of the archive is the original file bytes it keeps (informational: read
 * from the `originals` table, skipped if the schema changes).
 */
function sizesIn(dir: string): Record<string, number> {
  const db = dbPathIn(dir);
  const sizes: Record<string, number> = {};
  for (const name of fs.readdirSync(dir)) sizes[name] = sizeOf(path.join(dir, name));
  try {
    const conn = new Database(db, { readonly: true });
    sizes['(of which original file bytes)'] = (conn.prepare('SELECT coalesce(sum(size), 0) AS n FROM originals').get() as { n: number }).n;
    conn.close();
  } catch {
    // schema changed: the breakdown is only a hint
  }
  return sizes;
}

export const wirewatch: EngineAdapter = {
  name: 'wirewatch',
  build,
  async open(dir: string): Promise<OpenedEngine> {
    const wb = await open(dir, true);
    return {
      query: (q) => query(wb, q),
      // Until the summary thread has loaded its catalog (about a second at 200k), the workbench
      // thread counts summaries itself, as it did before there was one.
      settled: async () => void (await wb.summaryThreadReady()),
      close: () => close(wb),
    };
  },
  notes: [
    'query = as the UI asks: api["search.summary"]({ query }) (story count and facets, on the summary thread) and api["search.query"]({ query, limit: 20, deferSummary: true }) (20 hits with snippets and highlights, copies folded, article count) sent together; the time is until both have answered',
    'build = the whole import on the workbench and reader threads (parse, prepare, dedupe, store, index); persist = close (merging index segments); reindex = the index alone',
    'persisted size = the archive (articles, metadata, original file bytes, full-text index)',
  ],
};

export const wirewatchPage: EngineAdapter = {
  name: 'wirewatch-page',
  build: () => Promise.reject(new Error('wirewatch-page queries the wirewatch archive; it has no build of its own')),
  async open(dir: string): Promise<OpenedEngine> {
    const wb = await open(dir);
    return { query: (q) => query(wb, q, 'page'), close: () => close(wb) };
  },
  notes: ['query = api["search.query"]({ query, limit: 20, foldCopies: false, facets: false, snippets: false }): a ranked page of 20 and a total, as the fts5 baseline'],
};

export const wirewatchFirst: EngineAdapter = {
  name: 'wirewatch-first',
  build: () => Promise.reject(new Error('wirewatch-first queries the wirewatch archive; it has no build of its own')),
  async open(dir: string): Promise<OpenedEngine> {
    const wb = await open(dir);
    return { query: (q) => query(wb, q, 'first'), close: () => close(wb) };
  },
  notes: ['query = the UI\'s first call only, api["search.query"]({ query, limit: 20, deferSummary: true }): the hits it shows at once (snippets, copies folded) and the article count; total = articles when the summary was deferred'],
};
