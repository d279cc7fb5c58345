import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { sharedData, tempDir } from './helpers/paths';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'w.db');
  const r = await cli('import', path.join(sharedData, 'reuters21578/reut2-000.sgm'), '--db', db, '--source', 'Reuters');
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('wirewatch search', () => {
  it('returns every hit with --all, and every article with --no-fold', async () => {
    const all = JSON.parse((await cli('search', 'oil', '--all', '--json', '--db', db)).out);
    expect(all.total).toBeGreaterThan(20);
    expect(all.hits).toHaveLength(all.total);
    const articles = JSON.parse((await cli('search', 'oil', '--all', '--no-fold', '--json', '--db', db)).out);
    expect(articles.hits).toHaveLength(articles.articles);
    expect(articles.articles).toBe(all.articles);
    expect(new Set(articles.hits.map((h: { id: number }) => h.id)).size).toBe(articles.articles);
  });

  it('takes the whole query language, a leading dash included', async () => {
    const narrow = JSON.parse((await cli('search', 'title:oil', 'date:1987-03', '-crude', '--all', '--json', '--db', db)).out);
    expect(narrow.total).toBeGreaterThan(0);
    for (const h of narrow.hits) {
      expect(h.title.toLowerCase()).toContain('oil');
      expect(h.publishedAt.slice(0, 7)).toBe('1987-03');
      expect(h.title.toLowerCase()).not.toContain('crude');
    }
    const text = await cli('search', '"oil prices" OR opec~', '--sort', 'newest', '--limit', '5', '--facets', '--db', db);
    expect(text.code).toBe(0);
    expect(text.lines[0]).toMatch(/^\d+ stor(y|ies)/);
    expect(text.out).toMatch(/\[oil prices\]|\[OPEC\]/i);
    expect(text.out).toMatch(/^source: Reuters \(\d+\)/m);
  });

  it('explains a query it cannot read, with the column', async () => {
    const r = await cli('search', 'oil', '(opec', '--db', db);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/\(.*column 5/);
  });

  it('saves, lists, runs and deletes searches, and keeps a history', async () => {
    expect((await cli('saved', 'add', 'Opec', 'opec', 'title:oil', '--db', db)).code).toBe(0);
    const listed = (await cli('saved', '--db', db)).out;
    expect(listed).toMatch(/^Opec {2}opec title:oil {2}0 new/m);
    const run = await cli('saved', 'run', 'Opec', '--db', db);
    expect(run.lines[0]).toMatch(/^Opec: opec title:oil/);
    expect(run.lines[1]).toMatch(/^\d+ stor/);
    expect((await cli('history', '--db', db)).out).toMatch(/opec title:oil/);
    expect((await cli('saved', 'rm', 'Opec', '--db', db)).code).toBe(0);
    expect((await cli('saved', '--db', db)).out).toMatch(/no saved searches/);
    expect((await cli('saved', 'run', 'Nope', '--db', db)).err).toMatch(/no saved search named "Nope"/);
  });
});
