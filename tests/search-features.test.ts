/**
 * Search as an analyst uses it: Russian and English word forms, bad and pathological queries,
 * facets, folding copies, saved searches and history, reader matches, and the index being
 * rebuilt in the background while searches go on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { ApiError } from '../src/shared/api';
import { FullTextIndex } from '../src/main/search/fts-index';
import { SEED_FILE, sharedData, tempDir } from './helpers/paths';

const REUTERS = (n: number) => path.join(sharedData, `reuters21578/reut2-00${n}.sgm`);
const RUSSIAN = path.join(sharedData, 'russian-text/factRuEval-2016');

let dir: string;
let wb: Workbench | null = null;

function open(name = 'w.db'): Workbench {
  dir ??= tempDir();
  wb = openWorkbench({ dbPath: path.join(dir, name) });
  return wb;
}

afterEach(() => {
  wb?.close();
  wb = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined as unknown as string;
});

function russianFiles(): string[] {
  return ['devset', 'testset'].flatMap((set) =>
    fs.readdirSync(path.join(RUSSIAN, set)).filter((f) => f.endsWith('.txt') && f.startsWith('book_')).map((f) => path.join(RUSSIAN, set, f)),
  );
}

async function queryError(w: Workbench, query: string): Promise<ApiError> {
  try {
    await w.api['search.query']({ query });
  } catch (e) {
    return e as ApiError;
  }
  throw new Error(`"${query}" did not fail`);
}

describe('word forms', () => {
  it('finds Russian articles by another grammatical form of a word, and marks that form', async () => {
    const w = open();
    const report = await w.api['import.paths']({ paths: russianFiles() });
    expect(report.articles).toBe(254);
    const fem = await w.api['search.query']({ query: 'заявила', limit: -1, foldCopies: false });
    // Articles that say only "заявил" / "заявили" are found by the feminine form.
    const bodies = await Promise.all(fem.hits.map((h) => w.api['articles.get']({ id: h.id })));
    const otherFormOnly = bodies.filter((a) => !/заявила/iu.test(a.body) && /заявил(и)?(?!\p{L})/iu.test(a.body));
    expect(otherFormOnly.length).toBeGreaterThan(10);
    const hit = fem.hits.find((h) => h.id === otherFormOnly[0]!.id)!;
    const marked = hit.highlights.map(([s, e]) => hit.snippet.slice(s, e).toLowerCase());
    expect(marked.some((m) => m.startsWith('заявил'))).toBe(true);
    // Case does not matter; the masculine form finds the same articles.
    const upper = await w.api['search.query']({ query: 'ЗАЯВИЛ', limit: -1, foldCopies: false });
    expect(upper.hits.map((h) => h.id).sort()).toEqual(fem.hits.map((h) => h.id).sort());
    expect((await w.api['search.query']({ query: 'lang:ru', limit: 0 })).articles).toBe(254);
  }, 60_000);

  it('matches ё and е alike', async () => {
    const w = open();
    await w.api['import.paths']({ paths: russianFiles() });
    const withYo = await w.api['search.query']({ query: '"ещё"', limit: -1, foldCopies: false });
    const withYe = await w.api['search.query']({ query: '"еще"', limit: -1, foldCopies: false });
    expect(withYo.articles).toBeGreaterThan(0);
    expect(withYe.hits.map((h) => h.id).sort()).toEqual(withYo.hits.map((h) => h.id).sort());
  }, 60_000);

  it('finds English statements by "statement" and ignores common words with a notice', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)] });
    const r = await w.api['search.query']({ query: 'statement', limit: -1, foldCopies: false });
    const plural = await Promise.all(r.hits.map((h) => w.api['articles.get']({ id: h.id })));
    expect(plural.some((a) => /\bstatements\b/i.test(a.body) && !/\bstatement\b/i.test(a.body))).toBe(true);
    const withStop = await w.api['search.query']({ query: 'the statement', limit: 0 });
    expect(withStop.articles).toBe(r.articles);
    expect(withStop.notices.join(' ')).toMatch(/Ignored common words: the/);
  }, 60_000);
});

describe('queries that cannot be read, or are too much', () => {
  it('answers each with a clear message that points at the problem, quickly', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [SEED_FILE] });
    const unclosed = await queryError(w, 'csto "peace keeping');
    expect(unclosed.code).toBe('bad_request');
    expect(unclosed.message).toMatch(/quote.*column 6/i);
    expect((await queryError(w, '(csto OR nato')).message).toMatch(/\(.*column 1/);
    expect((await queryError(w, 'csto)')).message).toMatch(/\).*column 5/);
    expect((await queryError(w, 'titel:csto')).message).toMatch(/titel/);
    expect((await queryError(w, 'date:2022-02-30')).message).toMatch(/2022-02-30/);

    const many = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ');
    let t = performance.now();
    expect((await queryError(w, many)).message).toMatch(/too many/i);
    expect(performance.now() - t).toBeLessThan(1000);
    t = performance.now();
    expect((await queryError(w, '('.repeat(100_000) + 'csto')).code).toBe('bad_request');
    expect(performance.now() - t).toBeLessThan(1000);

    // Only common words: matched as exact words, and said so.
    const stop = await w.api['search.query']({ query: 'the of and' });
    expect(stop.notices[0]).toMatch(/Only common words/);
    expect(stop.total).toBe(1);
    // A word no article has is matched within an edit, and said so.
    const typo = await w.api['search.query']({ query: 'kazakstan' });
    expect(typo.total).toBe(1);
    expect(typo.notices[0]).toMatch(/No article has "kazakstan".*kazakhstan/);
  });
});

describe('facets, folding and order', () => {
  it('counts the whole query by source, language, year and month, and narrowing agrees with the counts', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)], source: 'Reuters' });
    const r = await w.api['search.query']({ query: 'oil', foldCopies: false });
    const f = r.facets!;
    expect(f.year.reduce((n, v) => n + v.count, 0)).toBe(r.articles);
    expect(f.source).toEqual([{ value: 'Reuters', count: r.articles }]);
    const month = f.month[0]!;
    const narrowed = await w.api['search.query']({ query: `oil date:${month.value}`, foldCopies: false });
    expect(narrowed.articles).toBe(month.count);
    const lang = f.language[0]!;
    expect((await w.api['search.query']({ query: `oil lang:${lang.value}`, foldCopies: false })).articles).toBe(lang.count);
    // Newest first really is newest first, to the minute within a day.
    const newest = await w.api['search.query']({ query: 'oil', sort: 'newest', limit: 50 });
    const dates = newest.hits.map((h) => h.publishedAt!.slice(0, 16));
    expect([...dates].sort().reverse()).toEqual(dates);
    // Filters alone have no words to weigh: newest first too.
    const filtersOnly = await w.api['search.query']({ query: 'source:Reuters -oil', limit: 50 });
    const filterDates = filtersOnly.hits.map((h) => h.publishedAt!.slice(0, 10));
    expect([...filterDates].sort().reverse()).toEqual(filterDates);
    expect(filtersOnly.articles + r.articles).toBe(1000);
  }, 60_000);

  it('matches a quoted metadata value whole and an unquoted one as words within it', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)], source: 'Reuters' });
    await w.api['import.paths']({ paths: [SEED_FILE], source: 'Reuters Africa' });
    expect((await w.api['search.query']({ query: 'source:"Reuters"', limit: 0 })).articles).toBe(1000);
    expect((await w.api['search.query']({ query: 'source:reuters', limit: 0 })).articles).toBe(1001);
    expect((await w.api['search.query']({ query: 'source:"reuters africa"', limit: 0 })).articles).toBe(1);
    expect((await w.api['search.query']({ query: 'source:"reuters af"*', limit: 0 })).articles).toBe(1);
  }, 60_000);

  it('pages through the same ranking whether a page or every hit is asked for', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0), REUTERS(1)] });
    for (const query of ['oil', 'bank rates', '"mln dlrs"', 'pric*', '(coffee OR cocoa) -brazil']) {
      for (const foldCopies of [true, false]) {
        const all = await w.api['search.query']({ query, limit: -1, foldCopies, facets: false, snippets: false });
        const pages = [];
        for (let offset = 0; offset < Math.min(60, all.total); offset += 20) {
          const page = await w.api['search.query']({ query, offset, limit: 20, foldCopies });
          expect(page.total, query).toBe(all.total);
          pages.push(...page.hits.map((h) => [h.id, h.score, h.foldedCopies]));
        }
        expect(pages, `${query} fold=${foldCopies}`).toEqual(all.hits.slice(0, pages.length).map((h) => [h.id, h.score, h.foldedCopies]));
      }
    }
  }, 60_000);

  it('answers the page first when asked, and the summary completes it to the full answer', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0), REUTERS(1)] });
    const queries = ['oil', 'bank rates', '"mln dlrs"', 'pric*', '(coffee OR cocoa) -brazil', 'oil date:1987-03', 'opec sort', 'shareholders', 'cofee'];
    let deferredSeen = 0;
    let copiesSeen = 0;
    for (const query of queries) {
      for (const foldCopies of [true, false]) {
        const full = await w.api['search.query']({ query, limit: 20, foldCopies });
        const first = await w.api['search.query']({ query, limit: 20, foldCopies, deferSummary: true });
        // The same hits, scores, copies and notices, at once.
        expect(first.hits.map((h) => [h.id, h.score, h.foldedCopies, h.snippet]), query).toEqual(full.hits.map((h) => [h.id, h.score, h.foldedCopies, h.snippet]));
        expect(first.notices).toEqual(full.notices);
        expect(first.articles).toBe(full.articles);
        if (!first.summaryPending) {
          expect(first.facets).toEqual(full.facets);
          continue;
        }
        deferredSeen++;
        copiesSeen += first.hits.filter((h) => h.foldedCopies > 0).length;
        expect(first.facets).toBeNull();
        // Until the summary, the total counts articles where stories were not counted yet.
        expect(first.total, query).toBe(first.storiesPending ? first.articles : full.total);
        expect(first.storiesPending === true).toBe(first.storiesPending === true && foldCopies);
        const summary = await w.api['search.summary']({ query, foldCopies });
        expect({ total: summary.total, articles: summary.articles, facets: summary.facets }, `${query} fold=${foldCopies}`).toEqual({
          total: full.total,
          articles: full.articles,
          facets: full.facets,
        });
      }
    }
    // Ranked word queries are the ones deferred.
    expect(deferredSeen).toBeGreaterThanOrEqual(8);
    // Reuters repeats some stories: the page's copies were counted without reading every hit.
    expect(copiesSeen).toBeGreaterThan(0);
    await expect(w.api['search.summary']({ query: '"unclosed' })).rejects.toThrow(/Unclosed quote/);
  }, 60_000);

  it('counts a page\'s articles from its ranking when every hit came with it, and counts apart otherwise', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)] });
    const counts = vi.spyOn(FullTextIndex.prototype, 'count');
    try {
      // Phrases and prefixes are ranked without tiers; the ranking asks FTS5 for 40 rows.
      const seen = { few: 0, many: 0 };
      for (const query of ['"mln dlrs"', '"bank of england"', 'pric*', '"sugar exports"', 'shar*', '"crude oil"']) {
        const { articles } = await w.api['search.query']({ query, limit: -1, foldCopies: false, facets: false, snippets: false });
        counts.mockClear();
        const page = await w.api['search.query']({ query, limit: 20, foldCopies: false, deferSummary: true });
        expect(page.articles, query).toBe(articles);
        expect(page.total, query).toBe(articles);
        expect(counts.mock.calls.length, query).toBe(articles < 40 ? 0 : 1);
        seen[articles < 40 ? 'few' : 'many']++;
      }
      expect(seen.few).toBeGreaterThan(0);
      expect(seen.many).toBeGreaterThan(0);
    } finally {
      counts.mockRestore();
    }
  }, 60_000);

  it('folds a copy of a story under it, and lists it separately when asked', async () => {
    const w = open();
    const copy = path.join(dir, 'copy-from-another-site.txt');
    const text = fs.readFileSync(SEED_FILE, 'utf8');
    fs.writeFileSync(copy, text.replace('Washington. January 10th.', 'WASHINGTON, Jan 10.'));
    await w.api['import.paths']({ paths: [SEED_FILE, copy] });
    const folded = await w.api['search.query']({ query: 'Borrel' });
    expect(folded).toMatchObject({ total: 1, articles: 2 });
    expect(folded.hits[0]!.foldedCopies).toBe(1);
    const separate = await w.api['search.query']({ query: 'Borrel', foldCopies: false });
    expect(separate.total).toBe(2);
  });

  it('gives the reader every place the query matches in the article', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [SEED_FILE] });
    const a = await w.api['articles.get']({ id: 1, query: 'Borrel OR "CSTO forces"' });
    expect(a.matches!.body.map(([s, e]) => a.body.slice(s, e))).toEqual(['CSTO', 'forces', 'Borrel', 'Borrel']);
    expect(a.matches!.title.map(([s, e]) => a.title.slice(s, e))).toEqual(['CSTO', 'forces']);
  });
});

describe('saved searches and history', () => {
  it('counts new matching articles since a saved search was last opened', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)] });
    const saved = await w.api['searches.save']({ name: 'Oil prices', query: 'oil price*', sort: 'newest' });
    expect(saved.newMatches).toBe(0);
    const before = await w.api['search.query']({ query: 'oil price*', limit: 0, foldCopies: false });
    await w.api['import.paths']({ paths: [REUTERS(1)] });
    const after = await w.api['search.query']({ query: 'oil price*', limit: 0, foldCopies: false });
    const [listed] = (await w.api['searches.list']({})).saved;
    expect(listed!.newMatches).toBe(after.articles - before.articles);
    expect(listed!.newMatches).toBeGreaterThan(0);
    await w.api['searches.open']({ id: listed!.id });
    expect((await w.api['searches.list']({})).saved[0]!.newMatches).toBe(0);
    // It survives closing the archive.
    w.close();
    const again = open();
    expect((await again.api['searches.list']({})).saved.map((s) => [s.name, s.query, s.sort])).toEqual([['Oil prices', 'oil price*', 'newest']]);
    await expect(again.api['searches.save']({ name: 'broken', query: 'oil "' })).rejects.toThrow(/quote/i);
  }, 60_000);

  it('keeps recent searches, newest first, a repeat only refreshed', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [SEED_FILE] });
    for (const q of ['csto', 'borrel', 'borrel']) await w.api['search.query']({ query: q, record: true });
    await w.api['search.query']({ query: 'not recorded' });
    const { history } = await w.api['searches.list']({});
    expect(history.map((h) => [h.query, h.total])).toEqual([['borrel', 1], ['csto', 1]]);
  });
});

describe('the index against the archive', () => {
  it('is rebuilt in the background when found incomplete at open, with search usable meanwhile', async () => {
    let w = open();
    await w.api['import.paths']({ paths: [REUTERS(0), REUTERS(1)] });
    const full = await w.api['search.query']({ query: 'oil', limit: 0, foldCopies: false });
    w.close();
    // Lose index rows behind the archive's back (as a damaged or foreign-built index would).
    const db = new Database(path.join(dir, 'w.db'));
    db.prepare('DELETE FROM search_fts WHERE rowid > 500').run();
    db.close();

    w = open();
    const info = await w.api['archive.info']({});
    expect(info.indexStatus).toBe('building');
    const meanwhile = await w.api['search.query']({ query: 'oil', limit: 0 });
    expect(meanwhile.notices.join(' ')).toMatch(/being built: \d+ of 2000 articles/);
    for (let i = 0; i < 400 && (await w.api['archive.info']({})).indexStatus !== 'ready'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await w.api['archive.info']({})).toMatchObject({ indexStatus: 'ready', indexedArticles: 2000 });
    expect((await w.api['search.query']({ query: 'oil', limit: 0, foldCopies: false })).articles).toBe(full.articles);
  }, 60_000);

  it('resumes a rebuild that was interrupted, and re-indexes when the analyser changed', async () => {
    let w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)] });
    w.close();
    const db = new Database(path.join(dir, 'w.db'));
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'search_analyser'").run();
    db.close();
    w = open();
    expect((await w.api['archive.info']({})).indexStatus).toBe('building');
    w.close(); // interrupted mid-way
    w = open();
    for (let i = 0; i < 400 && (await w.api['archive.info']({})).indexStatus !== 'ready'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await w.api['archive.info']({})).toMatchObject({ indexStatus: 'ready', indexedArticles: 1000 });
    // The fuzzy word list was rebuilt with it.
    expect((await w.api['search.query']({ query: 'petroleun~', limit: 0 })).articles).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the fuzzy word list with the index, counted per article, and ignores a failed file', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0)] });
    const bad = path.join(dir, 'broken.json');
    fs.writeFileSync(bad, '{"title": "Zxqvword appears", "body": "never stored"');
    await w.api['import.paths']({ paths: [bad, SEED_FILE] });
    const db = new Database(path.join(dir, 'w.db'), { readonly: true });
    const docs = (word: string) => db.prepare('SELECT docs FROM search_words WHERE word = ?').pluck().get(word);
    const oil = (await w.api['search.query']({ query: '"oil"', limit: 0, foldCopies: false })).articles;
    expect(docs('oil')).toBe(oil);
    expect(docs('borrel')).toBe((await w.api['search.query']({ query: '"borrel"', limit: 0, foldCopies: false })).articles);
    expect(docs('zxqvword')).toBeUndefined();
    db.close();
    expect((await w.api['search.query']({ query: 'borel~', limit: 50 })).hits.some((h) => h.title.includes('CSTO'))).toBe(true);
  }, 60_000);
});

describe('stems of a language with few articles', () => {
  /** A Spanish article: the text of a La Nación page, with an English word in it. */
  function spanishFile(name: string, extra: string): string {
    const html = fs.readFileSync(path.join(sharedData, 'readability-testpages/la-nacion/expected.html'), 'utf8');
    const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 2500);
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${name.replace('.txt', '')}\n\n${text} ${extra}\n`);
    return file;
  }

  it('finds a word in an article of that language imported after the stems it holds were last looked up', async () => {
    const w = open();
    await w.api['import.paths']({ paths: [REUTERS(0), spanishFile('primera.txt', '')] });
    const first = await w.api['search.query']({ query: 'dollars', limit: -1, foldCopies: false });
    const spanish = (await w.api['search.query']({ query: 'lang:es', limit: -1, foldCopies: false })).hits.map((h) => h.id);
    expect(spanish.length).toBe(1);
    expect(first.hits.map((h) => h.id)).not.toContain(spanish[0]);
    // The Spanish stem of `dollars` is in no article yet, so the query left it out; the new
    // article holds it, and is found.
    await w.api['import.paths']({ paths: [spanishFile('segunda.txt', 'Cuesta cien dollars.')] });
    const second = (await w.api['search.query']({ query: 'lang:es', limit: -1, foldCopies: false })).hits.map((h) => h.id);
    const added = second.find((id) => !spanish.includes(id));
    expect(added).toBeDefined();
    const after = await w.api['search.query']({ query: 'dollars', limit: -1, foldCopies: false });
    expect(after.hits.map((h) => h.id)).toContain(added);
    expect(after.articles).toBe(first.articles + 1);
  });
});
