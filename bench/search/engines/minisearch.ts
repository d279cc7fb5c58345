/**
 * MiniSearch 7.2 with its default options except the fields (title, body) and a stored date
 * (for the date filter). In-memory: persisted as `JSON.stringify(ms)` in a file, opened with
 * `MiniSearch.loadJSON`. It has no phrase search and keeps no text, so a phrase runs as an AND
 * of its words.
 */
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import { readArchiveRows } from '../corpus';
import type { BenchQuery } from '../types';
import { PAGE, type BuildInput, type BuildResult, type EngineAdapter, type OpenedEngine, type QueryAnswer } from './types';

const FILE = 'minisearch.json';

interface Doc {
  id: number;
  title: string;
  body: string;
  date: string | null;
}

/** Default options but for these two (the same at build and at load). */
const OPTIONS: Options<Doc> = { fields: ['title', 'body'], storeFields: ['date'] };

/** Build = `addAll` of every row in memory; persist = `JSON.stringify` and writing the file. */
async function build(input: BuildInput): Promise<BuildResult> {
  let t = performance.now();
  const docs: Doc[] = readArchiveRows(input.archive).map((r) => ({ id: r.id, title: r.title, body: r.body, date: r.date }));
  const readRowsS = (performance.now() - t) / 1000;

  t = performance.now();
  const ms = new MiniSearch<Doc>(OPTIONS);
  ms.addAll(docs);
  const buildS = (performance.now() - t) / 1000;

  t = performance.now();
  const json = JSON.stringify(ms);
  const file = path.join(input.dir, FILE);
  fs.writeFileSync(file, json);
  const persistS = (performance.now() - t) / 1000;
  return {
    buildS,
    persistS,
    readRowsS,
    documents: ms.documentCount,
    sizes: { [FILE]: fs.statSync(file).size, 'JSON.stringify(ms).length (chars)': json.length },
    notes: [`index terms: ${ms.termCount.toLocaleString('en')}`],
  };
}

/** Open = reading the JSON file and `MiniSearch.loadJSON`. */
async function open(dir: string): Promise<OpenedEngine> {
  const ms = MiniSearch.loadJSON<Doc>(fs.readFileSync(path.join(dir, FILE), 'utf8'), OPTIONS);
  return {
    async query(q: BenchQuery): Promise<QueryAnswer> {
      const options: SearchOptions = { ...q.minisearch.options };
      const { dateFrom, dateTo } = q;
      if (dateFrom && dateTo) options.filter = (r) => typeof r.date === 'string' && r.date >= dateFrom && r.date <= dateTo;
      // Results come sorted by score; the first page is the top 20.
      const results = ms.search(q.minisearch.query as Query, options);
      return { total: results.length, ids: results.slice(0, PAGE).map((r) => r.id as number) };
    },
    async close() {},
  };
}

export const minisearch: EngineAdapter = {
  name: 'minisearch',
  build,
  open,
  notes: [
    'phrase = AND of words (no phrase support), so phrase hit counts are an upper bound',
    'fuzzy = { fuzzy: 1 } (Levenshtein: a transposition is two edits, so those typos miss the original word)',
    'field-date = { fields: ["title"], filter: stored date in the window }; boolean = query tree AND_NOT(OR(a, b), c)',
    'persisted size = JSON.stringify(ms) in a file; the whole index lives in the JS heap once open',
  ],
};
