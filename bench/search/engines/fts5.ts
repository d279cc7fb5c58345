/**
 * Plain SQLite FTS5 (better-sqlite3), as a developer would set it up without Wirewatch:
 * `fts5(title, body, date UNINDEXED, language UNINDEXED)` with the default unicode61
 * tokenizer, ranked by bm25 with the title weighted 2, plus a count(*) for the total a search
 * UI shows. FTS5 has no fuzzy operator: the misspelt word is expanded here against the index
 * vocabulary (fts5vocab, loaded once at open) into an OR of the terms within one edit.
 *
 * `fts5-porter` is the same with FTS5's own English stemmer (`porter unicode61`): it matches
 * word forms as Wirewatch does for English (`rates` finds `rate`), so it shows what matching
 * more costs FTS5 itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readArchiveRows } from '../corpus';
import type { BenchQuery } from '../types';
import { PAGE, type BuildInput, type BuildResult, type EngineAdapter, type OpenedEngine, type QueryAnswer } from './types';

const FILE = 'fts5.db';
const RANKED = `SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT ${PAGE}`;
const COUNT = 'SELECT count(*) AS n FROM docs WHERE docs MATCH ?';
const RANKED_DATED = `SELECT rowid FROM docs WHERE docs MATCH ? AND date BETWEEN ? AND ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT ${PAGE}`;
const COUNT_DATED = 'SELECT count(*) AS n FROM docs WHERE docs MATCH ? AND date BETWEEN ? AND ?';

/**
 * Build = creating the table, inserting every row in transactions of 10,000 (rowid = the
 * Wirewatch article id) and merging the index into one segment (`optimize`), all on disk.
 * Reading the rows from the Wirewatch archive is timed apart.
 */
function builder(tokenize: string) {
  return (input: BuildInput) => build(input, tokenize);
}

async function build(input: BuildInput, tokenize: string): Promise<BuildResult> {
  let t = performance.now();
  const rows = readArchiveRows(input.archive);
  const readRowsS = (performance.now() - t) / 1000;

  const file = path.join(input.dir, FILE);
  fs.rmSync(file, { force: true });
  t = performance.now();
  const db = new Database(file);
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, date UNINDEXED, language UNINDEXED, tokenize = '${tokenize}')`);
  // The vocabulary view the fuzzy expansion reads at open.
  db.exec("CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row')");
  const insert = db.prepare('INSERT INTO docs (rowid, title, body, date, language) VALUES (?, ?, ?, ?, ?)');
  const insertMany = db.transaction((batch: typeof rows) => {
    for (const r of batch) insert.run(r.id, r.title, r.body, r.date, r.language);
  });
  for (let i = 0; i < rows.length; i += 10_000) insertMany(rows.slice(i, i + 10_000));
  const insertS = (performance.now() - t) / 1000;
  t = performance.now();
  db.exec("INSERT INTO docs (docs) VALUES ('optimize')");
  const optimizeS = (performance.now() - t) / 1000;
  db.close();
  return {
    buildS: insertS + optimizeS,
    persistS: 0,
    readRowsS,
    documents: rows.length,
    sizes: { [FILE]: fs.statSync(file).size },
    notes: [`build = inserts ${insertS.toFixed(1)} s + optimize ${optimizeS.toFixed(1)} s (on disk, so persisting is included)`],
  };
}

/** Opens the database read-only, prepares the statements and loads the vocabulary (for fuzzy). */
async function open(dir: string): Promise<OpenedEngine> {
  const db = new Database(path.join(dir, FILE), { readonly: true, fileMustExist: true });
  const ranked = db.prepare(RANKED).pluck();
  const count = db.prepare(COUNT).pluck();
  const rankedDated = db.prepare(RANKED_DATED).pluck();
  const countDated = db.prepare(COUNT_DATED).pluck();
  const t = performance.now();
  const vocab = loadVocabulary(db);
  const vocabMs = performance.now() - t;

  return {
    notes: [`vocabulary load at open (fts5vocab, ${vocabSize(vocab).toLocaleString('en')} terms): ${vocabMs.toFixed(0)} ms, counted in open`],
    async query(q: BenchQuery): Promise<QueryAnswer> {
      let match = q.fts5;
      if (q.kind === 'fuzzy') {
        const terms = expandFuzzy(vocab, q.fts5.toLowerCase());
        if (terms.length === 0) return { total: 0, ids: [] };
        match = terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ');
      }
      if (q.dateFrom && q.dateTo) {
        return {
          ids: rankedDated.all(match, q.dateFrom, q.dateTo) as number[],
          total: countDated.get(match, q.dateFrom, q.dateTo) as number,
        };
      }
      return { ids: ranked.all(match) as number[], total: count.get(match) as number };
    },
    async close() {
      db.close();
    },
  };
}

/** Every indexed term, grouped by length (what the fuzzy expansion scans). */
function loadVocabulary(db: Database.Database): Map<number, string[]> {
  const byLength = new Map<number, string[]>();
  for (const term of db.prepare('SELECT term FROM vocab').pluck().iterate() as IterableIterator<string>) {
    const list = byLength.get(term.length);
    if (list) list.push(term);
    else byLength.set(term.length, [term]);
  }
  return byLength;
}

function vocabSize(vocab: Map<number, string[]>): number {
  let n = 0;
  for (const list of vocab.values()) n += list.length;
  return n;
}

/** The terms within one edit (substitution, insertion, deletion or adjacent transposition) of `word`. */
export function expandFuzzy(vocab: Map<number, string[]>, word: string): string[] {
  const out: string[] = [];
  for (let len = word.length - 1; len <= word.length + 1; len++) {
    for (const term of vocab.get(len) ?? []) if (withinOneEdit(word, term)) out.push(term);
  }
  return out;
}

/** True when b is a at most one edit away (optimal string alignment distance ≤ 1). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export const fts5: EngineAdapter = {
  name: 'fts5',
  build: builder('unicode61'),
  open,
  notes: [
    'query = SELECT rowid ... MATCH ? [AND date BETWEEN ? AND ?] ORDER BY bm25(docs, 2.0, 1.0) LIMIT 20, plus SELECT count(*) for the total',
    'fuzzy = OR of the vocabulary terms within one edit (transpositions count as one), expanded in JS',
    'persisted size = the FTS5 database (index plus a copy of the text)',
  ],
};

export const fts5Porter: EngineAdapter = {
  name: 'fts5-porter',
  build: builder('porter unicode61'),
  open,
  notes: [
    "as fts5, with tokenize = 'porter unicode61' (FTS5's English stemmer): word forms match as in Wirewatch for English",
    ...fts5.notes,
  ],
};
