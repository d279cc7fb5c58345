/**
 * The real corpora in ../shared/data, as files to import (Reuters) and as plain articles
 * (PolNeAR, factRuEval-2016) for the 200k synthetic corpus; and the rows of a built
 * Wirewatch archive, which fts5 and minisearch index and the queries are drawn from.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATA } from './cache';
import type { ArticleRow } from './types';

/** The 22 Reuters-21578 SGML files. */
export function reutersFiles(): string[] {
  const folder = path.join(DATA, 'reuters21578');
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.sgm'))
    .sort()
    .map((f) => path.join(folder, f));
}

/**
 * The current articles of a Wirewatch archive (`superseded_by IS NULL`), by id, read directly
 * with better-sqlite3 (table `articles`: title, body, published_at, language, source).
 */
export function readArchiveRows(dbPath: string): ArticleRow[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT id, title, body, published_at, language, source FROM articles WHERE superseded_by IS NULL ORDER BY id')
      .all() as Array<{ id: number; title: string; body: string; published_at: string | null; language: string | null; source: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      title: r.title ?? '',
      body: r.body ?? '',
      publishedAt: r.published_at,
      date: r.published_at && /^\d{4}-\d{2}-\d{2}/.test(r.published_at) ? r.published_at.slice(0, 10) : null,
      language: r.language,
      source: r.source,
    }));
  } finally {
    db.close();
  }
}

/** An article of the synthetic corpus before it gets an id (what one NDJSON line holds). */
export interface PlainArticle {
  title: string;
  body: string;
  /** ISO timestamp or `YYYY-MM-DD`; null when the corpus has no date. */
  date: string | null;
  source: string;
  language: string | null;
}

/**
 * PolNeAR's 676 US political news articles: title, publisher and date from metadata.tsv, body
 * from the text file (its first line repeats the title and is dropped).
 */
export function polnearArticles(): PlainArticle[] {
  const dir = path.join(DATA, 'polnear');
  const [header, ...lines] = fs.readFileSync(path.join(dir, 'metadata.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  const out: PlainArticle[] = [];
  for (const line of lines) {
    const f = line.split('\t');
    const file = path.join(dir, f[at('compartment')]!, 'text', `${f[at('filename')]}.txt`);
    if (!fs.existsSync(file)) continue;
    const title = f[at('title')]!.trim();
    let text = fs.readFileSync(file, 'utf8').trim();
    const firstBreak = text.indexOf('\n');
    if (firstBreak > 0 && sameText(text.slice(0, firstBreak), title)) text = text.slice(firstBreak + 1).trim();
    out.push({ title, body: text, date: f[at('publication_date')] ?? null, source: `PolNeAR ${f[at('publisher')]}`, language: 'en' });
  }
  return out;
}

/**
 * factRuEval-2016's 254 Russian articles. They have no title or date: the title is the first
 * ten words of the text, and the date is left empty (their copies stay undated too).
 */
export function russianArticles(): PlainArticle[] {
  const root = path.join(DATA, 'russian-text', 'factRuEval-2016');
  const out: PlainArticle[] = [];
  for (const part of ['devset', 'testset']) {
    const dir = path.join(root, part);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => /^book_\d+\.txt$/.test(n)).sort()) {
      const body = fs.readFileSync(path.join(dir, name), 'utf8').trim();
      const title = body.split(/\s+/).slice(0, 10).join(' ').replace(/[,.;:]$/, '');
      out.push({ title, body, date: null, source: 'factRuEval-2016', language: 'ru' });
    }
  }
  return out;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}
