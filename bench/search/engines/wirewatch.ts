/**
 * Wirewatch itself, through its public door only: `openWorkbench({ dbPath })`,
 * `api['import.paths']` and `api['search.query']({ query, limit })`. The search implementation
 * is being rewritten; keep this adapter to those three calls so it survives the rewrite, and
 * adjust these small functions if their shapes change.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkbench, type Workbench } from '../../../src/main/workbench';
import { sizeOf } from '../cache';
import type { BenchQuery } from '../types';
import { PAGE, type BuildInput, type BuildResult, type EngineAdapter, type OpenedEngine, type QueryAnswer } from './types';

/** The archive file inside the engine directory. */
export function dbPathIn(dir: string): string {
  return path.join(dir, 'wirewatch.db');
}

/**
 * Build = importing the dataset's files into a fresh archive (`import.paths`: read, parse,
 * prepare, store with duplicate and story detection, index). Then close, which may write the
 * search index file; that is timed as the persist step.
 */
export async function build(input: BuildInput): Promise<BuildResult> {
  const dbPath = dbPathIn(input.dir);
  const wb = openWorkbench({ dbPath });
  const t0 = performance.now();
  const report = await wb.api['import.paths']({ paths: input.importPaths });
  const buildS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await close(wb);
  const persistS = (performance.now() - t1) / 1000;

  const notes = [
    `import report: ${report.imported} files imported, ${report.errors} errors, ${report.duplicates} duplicate files, ` +
      `${report.articles} articles stored, ${report.copies} linked to an earlier story`,
  ];
  for (const o of report.outcomes.filter((x) => x.status === 'error').slice(0, 3)) notes.push(`import error: ${JSON.stringify(o)}`);
  return { buildS, persistS, readRowsS: 0, documents: report.articles, sizes: sizesIn(input.dir), notes };
}

/** Opens the archive (migrating it and loading or rebuilding its search index, as the app does). */
export async function open(dir: string): Promise<Workbench> {
  return openWorkbench({ dbPath: dbPathIn(dir) });
}

/** One query as the search box sends it; `total` as the result count the UI shows. */
export async function query(wb: Workbench, q: BenchQuery): Promise<QueryAnswer> {
  const r = await wb.api['search.query']({ query: q.ours, limit: PAGE });
  const hits = (r as { hits?: Array<{ id: number }> }).hits ?? [];
  const total = (r as { total?: unknown }).total;
  return { total: typeof total === 'number' ? total : hits.length, ids: hits.map((h) => h.id) };
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
    const wb = await open(dir);
    return { query: (q) => query(wb, q), close: () => close(wb) };
  },
  notes: [
    'query = api["search.query"]({ query, limit: 20 }) in the Wirewatch query language; total = its reported total',
    'build = the whole import (parse, prepare, dedupe, store, index), not indexing alone',
    'persisted size = the archive (articles, metadata, original file bytes) plus any files beside it',
  ],
};
