/**
 * Impact tiers (src/main/search/tiers.ts): which tier an article's stems get, and that the bound
 * used to stop scoring is never below what FTS5's BM25 can give an article left out. The
 * ranking itself is checked against scoring every hit on Reuters in search-exactness.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../src/main/search/analyse';
import { bm25Idf, tierBound, tierTokens, TIER_AVGDL, TIER_THRESHOLDS } from '../src/main/search/tiers';
import { ArticleCatalog } from '../src/main/search/catalog';

/** One phrase's part of FTS5's BM25 (fts5_aux.c): k1 = 1.2, b = 0.75. */
function bm25Part(idf: number, x: number, docLength: number, avgdl: number): number {
  return idf * ((x * 2.2) / (x + 1.2 * (1 - 0.75 + (0.75 * docLength) / avgdl)));
}

/** The tier a weight reaches, as tierTokens computes it (0 below the first threshold). */
function tierOf(x: number, docLength: number): number {
  const u = x / (0.25 + (0.75 * docLength) / TIER_AVGDL);
  return TIER_THRESHOLDS.filter((t) => u >= t).length;
}

describe('impact tiers', () => {
  it('gives every distinct stem of an article one token, weighing title words twice', () => {
    const a = analyseArticle('Oil prices rise', 'Oil output fell. Oil stocks were steady, analysts said.', 'en');
    const tokens = a.impact.split(' ');
    const stems = new Set([...a.titleStems.split(' '), ...a.bodyStems.split(' ')].map((s) => s.slice(1)));
    expect(tokens).toHaveLength(stems.size);
    expect(new Set(tokens.map((t) => t.slice(2)))).toEqual(stems);
    const tier = (stem: string) => Number(tokens.find((t) => t.slice(2) === `en·${stem}`)![1]);
    // "oil": once in the title (2) and twice in the body (2): the weightiest stem.
    expect(tier('oil')).toBe(Math.max(...tokens.map((t) => Number(t[1]))));
    expect(tier('oil')).toBeGreaterThan(tier('analyst'));
    expect(tier('price')).toBeGreaterThan(tier('analyst'));
  });

  it('puts a word mentioned once in a long article below one that a short article is about', () => {
    const long = Array.from({ length: 400 }, (_, i) => `§filler${i}`);
    const once = tierTokens([], ['§pipeline', ...long], 2 * 401);
    const about = tierTokens(['§pipeline'], ['§pipeline', '§pipeline', '§leak'], 2 * 4);
    expect(once.split(' ')[0]).toBe('¤0pipeline');
    expect(about.split(' ')[0]).toBe(`¤${TIER_THRESHOLDS.length}pipeline`);
  });

  it('bounds what an article below a tier can score, whatever the archive mean length', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let checked = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = 1 + Math.floor(random() * 40);
      const docLength = 5 + Math.floor(random() * 5000);
      const avgdl = 50 + random() * 2000;
      const idf = bm25Idf(200_000, 1 + Math.floor(random() * 100_000));
      const t = tierOf(x, docLength);
      const actual = bm25Part(idf, x, docLength, avgdl);
      // Below every tier above its own, and below "at most the top tier".
      for (let above = t + 1; above <= TIER_THRESHOLDS.length + 1; above++) {
        expect(actual).toBeLessThanOrEqual(tierBound(idf, above, avgdl) * (1 + 1e-12));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });
});

describe('facet counts with many values', () => {
  it('lists the 30 most frequent speakers, ties in alphabetical order', () => {
    const catalog = new ArticleCatalog();
    const names = Array.from({ length: 200 }, (_, i) => `Speaker ${String(i).padStart(3, '0')}`);
    let id = 1;
    const ids: number[] = [];
    names.forEach((name, i) => {
      // Speaker i is quoted in (i % 7) + 1 articles.
      for (let n = 0; n <= i % 7; n++, id++) {
        catalog.add({ id, publishedAt: '2022-01-10', datePrecision: 'day', language: 'en', source: 'x', agency: null, dateline: null, authors: [], storyId: id });
        catalog.setSpeakers(id, [{ name, statements: 1 }]);
        ids.push(id);
      }
    });
    const top = catalog.facets(ids).speaker;
    const expected = names
      .map((value, i) => ({ value, count: (i % 7) + 1 }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, 30);
    expect(top).toEqual(expected);
  });
});
