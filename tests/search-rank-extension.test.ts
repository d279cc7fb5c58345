/**
 * The ranking extension (native/rank/wirewatch_rank.c) takes each phrase's row count from
 * Wirewatch, which keeps the counts between queries. These tests check that the phrases are
 * told apart as FTS5 numbers them, and that a kept count never outlives a change to the index:
 * the scores then stay bm25()'s as articles arrive, whichever connection imports them. (That
 * every query form ranks exactly as bm25() does is in search-exactness.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { openArchiveReader, rankExtensionPath } from '../src/main/archive';
import { FullTextIndex } from '../src/main/search/fts-index';
import { phrasesOf } from '../src/main/search/fts-phrases';
import { sharedData as DATA, tempDir } from './helpers/paths';

describe('the phrases of an FTS5 expression, in the order FTS5 numbers them', () => {
  it('gives each phrase with the column filter it stands under, prefixes kept', () => {
    expect(phrasesOf('("§en·oil" AND {title_stems} : "§en·price") OR "brent"*')).toEqual([
      '"§en·oil"',
      '{title_stems} : "§en·price"',
      '"brent"*',
    ]);
    expect(phrasesOf('({title_words} : ("crude oil" OR "opec")) NOT (("§en·gas"))')).toEqual([
      '{title_words} : "crude oil"',
      '{title_words} : "opec"',
      '"§en·gas"',
    ]);
    expect(phrasesOf('"say ""no"""')).toEqual(['"say ""no"""']);
  });

  it('answers null for what Wirewatch does not write (the extension then counts as bm25() does)', () => {
    for (const expr of ['NEAR("a" "b")', 'oil AND "gas"', '{title_words} : ({body_words} : "a")', '("a" AND "b"', '"a")', '^"a"', '"a', '{title_words} "a"']) {
      expect(phrasesOf(expr), expr).toBeNull();
    }
  });
});

describe.runIf(rankExtensionPath() !== null)('phrase counts kept between queries follow the index', () => {
  const sgm = (n: string) => path.join(DATA, 'reuters21578', `reut2-${n}.sgm`);
  let dir: string;
  let dbPath: string;
  let wb: Workbench;

  beforeAll(() => {
    dir = tempDir();
    dbPath = path.join(dir, 'w.db');
    wb = openWorkbench({ dbPath });
  });
  afterAll(() => {
    wb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The page of `expr` as bm25() ranks it, on a connection without the extension. */
  function byBm25(expr: string): Array<[number, number]> {
    const db = new Database(dbPath, { readonly: true });
    try {
      return new FullTextIndex(db).top(expr, 20);
    } finally {
      db.close();
    }
  }

  /** Scores as a page of hits shows them (six significant digits). */
  const shown = (rows: Array<[number, number]>) => rows.map(([id, s]) => [id, Number(s.toPrecision(6))]);

  it('ranks as bm25() after each import, on the importing connection and on another', async () => {
    const reader = openArchiveReader(dbPath);
    try {
      const other = new FullTextIndex(reader);
      expect(other.ranksWithExtension).toBe(true);
      // "§en·oil": the stem key the index holds for English "oil", "oils".
      const expr = '"§en·oil"';
      const pages: Array<Array<[number, number]>> = [];
      for (const file of ['000', '001', '002']) {
        expect((await wb.api['import.paths']({ paths: [sgm(file)] })).errors).toBe(0);
        const page = await wb.api['search.query']({ query: 'oil', limit: 20, foldCopies: false, facets: false, snippets: false });
        const expected = byBm25(expr);
        expect(page.hits.map((h) => [h.id, h.score])).toEqual(shown(expected));
        // The reader kept the counts of the last state it saw; another connection's import changed them.
        expect(other.snapshot(() => other.top(expr, 20))).toEqual(expected);
        pages.push(expected);
      }
      // Each import changed the scores: counts kept from before would have given the old ones.
      expect(pages[1]).not.toEqual(pages[0]);
      expect(pages[2]).not.toEqual(pages[1]);
    } finally {
      reader.close();
    }
  }, 120_000);
});
