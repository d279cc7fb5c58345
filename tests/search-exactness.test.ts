/**
 * Exactness on Reuters-21578: for every exact query form, the hits equal the articles that
 * satisfy the query when it is checked directly against their stored text (an independent
 * evaluator over the articles, using only the analyser's word and stem functions). The archive
 * also holds the Readability test pages written in other languages (Czech, German, Spanish,
 * French, Portuguese, Japanese, Chinese), so that every query is also asked of languages
 * whose stems and stop words differ from English, as in a real monitoring archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { parseQuery } from '../src/main/search/query/parse';
import type { QueryNode } from '../src/main/search/query/ast';
import { analyserFor, foldWord, splitWords } from '../src/main/search/analyse';
import { dayRange, isoToDay } from '../src/main/search/catalog';
import { compileQuery, type Plan, type PlanContext } from '../src/main/search/plan';
import { openArchiveReader, rankExtensionPath } from '../src/main/archive';
import { FullTextIndex } from '../src/main/search/fts-index';
import { tieredCounters } from '../src/main/search/tiered-top';
import { dataRows, sharedData as DATA, tempDir } from './helpers/paths';

const QUERIES_PER_FORM = 60;

interface Stored {
  id: number;
  language: string | null;
  titleWords: string[];
  bodyWords: string[];
  titleStems: Set<string>;
  bodyStems: Set<string>;
  day: [number, number];
  place: string[];
  title: string;
  body: string;
}

let wb: Workbench;
let dir: string;
let dbPath: string;
let articles: Stored[] = [];
let languages: Array<string | null> = [];
/** Live articles per language (null = unknown), counted from the stored rows. */
const articlesIn = new Map<string | null, number>();

beforeAll(async () => {
  dir = tempDir();
  dbPath = path.join(dir, 'w.db');
  wb = openWorkbench({ dbPath });
  const sgm = fs.readdirSync(path.join(DATA, 'reuters21578')).filter((f) => f.endsWith('.sgm')).map((f) => path.join(DATA, 'reuters21578', f));
  const pages = path.join(DATA, 'readability-testpages');
  const otherLanguages = dataRows(path.join(pages, 'index.csv'))
    .map((l) => l.split(','))
    .filter(([, lang]) => lang !== 'en')
    .map(([page]) => path.join(pages, page!, 'source.html'));
  expect(otherLanguages).toHaveLength(7);
  const report = await wb.api['import.paths']({ paths: [...sgm, ...otherLanguages] });
  expect(report.errors).toBe(0);
  const db = new Database(dbPath, { readonly: true });
  const rows = db
    .prepare('SELECT id, title, body, language, published_at, date_precision, dateline FROM articles WHERE superseded_by IS NULL')
    .all() as Array<{ id: number; title: string; body: string; language: string | null; published_at: string | null; date_precision: string | null; dateline: string | null }>;
  db.close();
  languages = [null, ...new Set(rows.map((r) => r.language).filter((l): l is string => l !== null))];
  for (const r of rows) articlesIn.set(r.language, (articlesIn.get(r.language) ?? 0) + 1);
  articles = rows.map((r) => {
    const a = analyserFor(r.language);
    const stems = (text: string) => new Set(splitWords(text).map((w) => a.stemKey(w)).filter((s): s is string => s !== null));
    return {
      id: r.id, language: r.language, title: r.title, body: r.body,
      titleWords: splitWords(r.title).map(foldWord), bodyWords: splitWords(r.body).map(foldWord),
      titleStems: stems(r.title), bodyStems: stems(r.body),
      day: dayRange(r.published_at, r.date_precision), place: splitWords(r.dateline ?? '').map(foldWord),
    };
  });
  articleById = byId();
  buildPostings();
}, 180_000);

afterAll(() => {
  wb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---- the direct evaluator -------------------------------------------------------------

/**
 * How a query word matches (docs/query-language.md): by its stems in the languages that keep
 * it, each in its own language's articles only (stem keys: `en·note` is not `it·not`), and as
 * written where a language stops it; null for a common word (stopped by the
 * languages of at least half of the articles whose language has stop words).
 */
function alternatives(word: string): { stems: Set<string>; asWritten: boolean } | null {
  const stems = new Set<string>();
  let stopping = 0;
  let withStopwords = 0;
  for (const l of languages) {
    const n = analyserFor(l).hasStopwords ? (articlesIn.get(l) ?? 0) : 0;
    withStopwords += n;
    const s = analyserFor(l).stemKey(word);
    if (s === null) stopping += n;
    else stems.add(s);
  }
  return stopping * 2 >= withStopwords && withStopwords > 0 ? null : { stems, asWritten: stopping > 0 };
}

/** A word some articles' language stops and that is not common (the archive's few articles in other languages). */
function stoppedSomewhere(word: string): boolean {
  return alternatives(word)?.asWritten === true;
}

function fields(a: Stored, field: 'title' | 'body' | null): Array<{ words: string[]; stems: Set<string> }> {
  const t = { words: a.titleWords, stems: a.titleStems };
  const b = { words: a.bodyWords, stems: a.bodyStems };
  return field === 'title' ? [t] : field === 'body' ? [b] : [t, b];
}

function hasRun(words: string[], run: string[], lastIsPrefix = false): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < run.length && ok; k++) {
      ok = lastIsPrefix && k === run.length - 1 ? words[i + k]!.startsWith(run[k]!) : words[i + k] === run[k];
    }
    if (ok) return true;
  }
  return false;
}

/** Postings built directly from the stored text: folded word or stem → article ids, per field. */
const postings = {
  title: { words: new Map<string, Set<number>>(), stems: new Map<string, Set<number>>() },
  body: { words: new Map<string, Set<number>>(), stems: new Map<string, Set<number>>() },
};

function post(map: Map<string, Set<number>>, key: string, id: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function buildPostings(): void {
  for (const a of articles) {
    for (const w of a.titleWords) post(postings.title.words, w, a.id);
    for (const w of a.bodyWords) post(postings.body.words, w, a.id);
    for (const s of a.titleStems) post(postings.title.stems, s, a.id);
    for (const s of a.bodyStems) post(postings.body.stems, s, a.id);
  }
}

const byId = () => new Map(articles.map((a) => [a.id, a]));
let articleById: Map<number, Stored>;

function union(sets: Iterable<Set<number> | undefined>): Set<number> {
  const out = new Set<number>();
  for (const s of sets) if (s) for (const id of s) out.add(id);
  return out;
}

function fieldNames(field: 'title' | 'body' | null): Array<'title' | 'body'> {
  return field ? [field] : ['title', 'body'];
}

/** Articles where the folded words `run` appear side by side in the field (last one as a prefix if asked). */
function runIn(run: string[], field: 'title' | 'body' | null, lastIsPrefix = false): Set<number> {
  const out = new Set<number>();
  for (const f of fieldNames(field)) {
    const first = lastIsPrefix && run.length === 1 ? null : postings[f].words.get(run[0]!);
    const candidates = first ?? new Set(articles.map((a) => a.id));
    for (const id of candidates) {
      const a = articleById.get(id)!;
      if (fields(a, f)[0] && hasRun(f === 'title' ? a.titleWords : a.bodyWords, run, lastIsPrefix)) out.add(id);
    }
  }
  return out;
}

/** The articles that satisfy `node`. (Common words are not generated, so none is ignored.) */
function satisfying(node: QueryNode): Set<number> {
  switch (node.kind) {
    case 'and': {
      const sets = node.children.map(satisfying);
      return new Set([...sets[0]!].filter((id) => sets.every((s) => s.has(id))));
    }
    case 'or':
      return union(node.children.map(satisfying));
    case 'not': {
      const excluded = satisfying(node.child);
      return new Set(articles.map((a) => a.id).filter((id) => !excluded.has(id)));
    }
    case 'phrase':
      return runIn(splitWords(node.text).map(foldWord), node.field);
    case 'term': {
      const parts = splitWords(node.text);
      if (parts.length > 1) return runIn(parts.map(foldWord), node.field, node.prefix);
      if (node.prefix) {
        const p = foldWord(parts[0]!);
        return union(fieldNames(node.field).flatMap((f) => [...postings[f].words].filter(([w]) => w.startsWith(p)).map(([, ids]) => ids)));
      }
      const { stems, asWritten } = alternatives(parts[0]!)!;
      const folded = foldWord(parts[0]!);
      return union(fieldNames(node.field).flatMap((f) => [...[...stems].map((s) => postings[f].stems.get(s)), asWritten ? postings[f].words.get(folded) : undefined]));
    }
    case 'date': {
      const from = node.from ? isoToDay(node.from) : -Infinity;
      const to = node.to ? isoToDay(node.to) : Infinity;
      return new Set(articles.filter((a) => a.day[0] !== -2147483648 && a.day[0] >= from && a.day[1] <= to).map((a) => a.id));
    }
    case 'meta':
      if (node.field !== 'place') throw new Error('only place: is generated');
      const words = splitWords(node.value).map(foldWord);
      return new Set(articles.filter((a) => (node.exact ? a.place.join(' ') === words.join(' ') : hasRun(a.place, words, node.prefix))).map((a) => a.id));
  }
}

// ---- query generation (seeded) ---------------------------------------------------------

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A content word (letters only, 4+, not a common word of the archive) of a text. */
function contentWord(r: () => number, text: string): string | null {
  const words = splitWords(text).filter((w) => /^[A-Za-z]{4,}$/.test(w) && alternatives(w) !== null);
  return words.length ? pick(r, words).toLowerCase() : null;
}

const GENERATORS: Record<string, (r: () => number) => string | null> = {
  'one word': (r) => contentWord(r, pick(r, articles).body),
  'two words': (r) => {
    const a = pick(r, articles);
    const w1 = contentWord(r, a.body);
    const w2 = contentWord(r, a.title);
    return w1 && w2 ? `${w1} ${w2}` : null;
  },
  'a word only a few articles\' language stops': (r) => {
    const a = pick(r, articles);
    const stopped = [...new Set(a.bodyWords)].filter((w) => /^[a-z]{2,}$/.test(w) && stoppedSomewhere(w));
    const other = contentWord(r, a.title);
    return stopped.length && other ? `${pick(r, stopped)} ${other}` : null;
  },
  phrase: (r) => {
    const words = splitWords(pick(r, articles).body);
    if (words.length < 4) return null;
    const n = 2 + Math.floor(r() * 2);
    const i = Math.floor(r() * (words.length - n));
    const run = words.slice(i, i + n);
    return run.every((w) => /^[A-Za-z]+$/.test(w)) ? `"${run.join(' ')}"` : null;
  },
  prefix: (r) => {
    const w = contentWord(r, pick(r, articles).title);
    return w ? `${w.slice(0, 3 + Math.floor(r() * 3))}*` : null;
  },
  'field and date range': (r) => {
    const a = pick(r, articles);
    const w = contentWord(r, a.title);
    if (!w || a.day[0] === -2147483648) return null;
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    return `title:${w} date:${iso(a.day[0] - 7)}..${iso(a.day[0] + 7)}`;
  },
  'boolean OR and NOT': (r) => {
    const a = pick(r, articles);
    const x = contentWord(r, a.body);
    const y = contentWord(r, pick(r, articles).title);
    const z = contentWord(r, a.body);
    return x && y && z && z !== x ? `(${x} OR ${y}) -${z}` : null;
  },
  'place field': (r) => {
    const a = pick(r, articles.filter((x) => x.place.length > 0).slice(0, 5000));
    const w = contentWord(r, a.body);
    // Quoted: the whole dateline; unquoted: one of its words.
    return w ? (r() < 0.5 ? `place:"${a.place.join(' ')}" ${w}` : `place:${pick(r, a.place)} ${w}`) : null;
  },
};

describe('exactness on Reuters-21578: hits equal a direct check of the stored text', () => {
  for (const [form, generate] of Object.entries(GENERATORS)) {
    it(`${form} (${QUERIES_PER_FORM} queries)`, async () => {
      const r = rng(form.length * 7919);
      let checked = 0;
      let nonEmpty = 0;
      for (let attempt = 0; checked < QUERIES_PER_FORM && attempt < QUERIES_PER_FORM * 5; attempt++) {
        const q = generate(r);
        if (!q) continue;
        const root = parseQuery(q)!;
        const expected = [...satisfying(root)].sort((x, y) => x - y);
        const result = await wb.api['search.query']({ query: q, limit: -1, foldCopies: false, facets: false, snippets: false });
        const got = result.hits.map((h) => h.id).sort((x, y) => x - y);
        expect(result.notices, q).toEqual([]);
        expect(got, q).toEqual(expected);
        expect(result.articles, q).toBe(expected.length);
        checked++;
        if (expected.length) nonEmpty++;
      }
      expect(checked).toBe(QUERIES_PER_FORM);
      // The forms built from an article's own words find at least that article.
      if (form !== 'boolean OR and NOT') expect(nonEmpty).toBe(QUERIES_PER_FORM);
    }, 120_000);
  }
});

describe("a query word matches each article through its own language's stem (Reuters-21578)", () => {
  it('finds every English article with a form of `notes`, and none that only says "not" (what Spanish stems `notes` to)', async () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'es']));
    expect(analyserFor('es').stem('notes')).toBe('not');
    const en = analyserFor('en');
    const holdsNote = (a: Stored) => [...a.titleWords, ...a.bodyWords].some((w) => en.stem(w) === 'note');
    const onlyNot = articles.filter((a) => a.language === 'en' && a.bodyWords.includes('not') && !holdsNote(a));
    const withNote = articles.filter((a) => a.language === 'en' && holdsNote(a));
    expect(onlyNot.length).toBeGreaterThan(1000);
    expect(withNote.length).toBeGreaterThan(1000);
    const result = await wb.api['search.query']({ query: 'notes', limit: -1, foldCopies: false, facets: false, snippets: false });
    const hits = new Set(result.hits.map((h) => h.id));
    expect(onlyNot.filter((a) => hits.has(a.id)).map((a) => a.id)).toEqual([]);
    expect(withNote.filter((a) => !hits.has(a.id)).map((a) => a.id)).toEqual([]);
  });
  it('finds headline-only articles, whose language is unknown, by another form of their words', async () => {
    const headlines = articles.filter((a) => a.language === null && a.bodyWords.length === 0 && a.titleWords.includes('expects'));
    expect(headlines.length).toBeGreaterThan(10);
    const result = await wb.api['search.query']({ query: 'expected', limit: -1, foldCopies: false, facets: false, snippets: false });
    const hits = new Set(result.hits.map((h) => h.id));
    expect(headlines.filter((a) => !hits.has(a.id)).map((a) => a.title)).toEqual([]);
  });
});

/** Runs `f` with the archive's full-text index and a plan context, on a read-only connection of its own. */
async function withIndex(f: (fts: FullTextIndex, ctx: PlanContext) => Promise<void>): Promise<void> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const fts = new FullTextIndex(db);
    await f(fts, { languages, articlesIn: (l) => articlesIn.get(l) ?? 0, near: () => [], exists: (e) => fts.any(e) });
  } finally {
    db.close();
  }
}

describe('ranking by impact tiers equals scoring every hit (Reuters-21578)', () => {
  /** Words by the number of articles holding them, most first (letters only, 3+). */
  function wordsByFrequency(): string[] {
    const df = new Map<string, number>();
    for (const a of articles) for (const w of new Set([...a.titleWords, ...a.bodyWords])) if (/^\p{L}{3,}$/u.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
    return [...df].sort((x, y) => y[1] - x[1]).map(([w]) => w);
  }

  it('ranks an AND of words written language by language as the AND of each word\'s stems in every language', async () => {
    await withIndex(async (fts, ctx) => {
      const words = wordsByFrequency();
      const r = rng(5150);
      let rewritten = 0;
      for (let i = 0; i < 150; i++) {
        const q = i % 3 === 2 ? `title:${pick(r, words.slice(0, 2000))} ${pick(r, words.slice(0, 300))}` : `${pick(r, words.slice(0, 300))} ${pick(r, words.slice(0, 3000))}`;
        const plan = compileQuery(parseQuery(q)!, ctx).plan;
        if (plan.op !== 'fts' || !plan.tiers) continue;
        // Each word's stems in every language, ORed, then ANDed: the form before byLanguage.
        const byWord = new Map<number, string[]>();
        for (const p of plan.tiers.phrases) byWord.set(p.word, [...(byWord.get(p.word) ?? []), p.columns ? `${p.columns} : "§${p.stem}"` : `"§${p.stem}"`]);
        const union = [...byWord.values()].map((alternatives) => `(${alternatives.join(' OR ')})`).join(' AND ');
        if (union === plan.expr || byWord.size < 2) continue;
        rewritten++;
        expect(fts.count(plan.expr), q).toBe(fts.count(union));
        const a = fts.top(plan.expr, 40);
        const b = fts.top(union, 40);
        expect(a.map(([id]) => id), q).toEqual(b.map(([id]) => id));
        a.forEach(([, score], j) => expect(Math.abs(score - b[j]![1]), q).toBeLessThanOrEqual(1e-9 * Math.abs(b[j]![1])));
      }
      expect(rewritten).toBeGreaterThan(100);
    });
  });

  it('gives the same page, in the same order with the same scores, for 280 ranked queries', async () => {
    await withIndex(async (fts, ctx) => {
      const words = wordsByFrequency();
      const common = words.slice(0, 300);
      const middling = words.slice(300, 3000);
      const r = rng(4242);
      const forms: Array<() => string> = [
        () => pick(r, common),
        () => `title:${pick(r, common)}`,
        () => `${pick(r, common)} OR ${pick(r, middling)}`,
        () => `(${pick(r, common)} OR ${pick(r, common)}) -${pick(r, middling)}`,
        () => `${pick(r, common)} ${pick(r, common)}`,
        () => `${pick(r, common)} OR ${pick(r, common)} OR ${pick(r, middling)}`,
        () => `${pick(r, common)} OR (${pick(r, common)} -${pick(r, common)})`,
      ];
      const before = { ...tieredCounters };
      let compared = 0;
      let withTiers = 0;
      for (let i = 0; i < 280; i++) {
        const q = forms[i % forms.length]!();
        const plan = compileQuery(parseQuery(q)!, ctx).plan;
        if (plan.op !== 'fts') continue;
        const k = [10, 40, 200][i % 3]!;
        const all = fts.top(plan.expr, k);
        // Told the query has very many hits, so that the tiers are used however few it has.
        const tiered = fts.top(plan.expr, k, plan.tiers, Number.MAX_SAFE_INTEGER);
        if (plan.tiers) withTiers++;
        expect(tiered.map(([id]) => id), q).toEqual(all.map(([id]) => id));
        tiered.forEach(([, score], j) => expect(Math.abs(score - all[j]![1]), q).toBeLessThanOrEqual(1e-12 * Math.abs(all[j]![1])));
        compared++;
      }
      expect(compared).toBeGreaterThan(200);
      // Most of them were decided by the tiers, not by scoring everything after all.
      const decided = tieredCounters.tiered - before.tiered;
      expect(withTiers).toBeGreaterThan(200);
      expect(decided).toBeGreaterThan(withTiers * 0.6);
    });
  });

  it('the search answers a common word with the best-scored articles of all its hits', async () => {
    await withIndex(async (fts, ctx) => {
      const before = tieredCounters.tiered;
      for (const q of ['said', 'mln', 'company', '(shares OR stock OR prices) -dividend']) {
        const plan = compileQuery(parseQuery(q)!, ctx).plan;
        if (plan.op !== 'fts') throw new Error(q);
        expect(fts.count(plan.expr), q).toBeGreaterThan(5000);
        const result = await wb.api['search.query']({ query: q, limit: 20, foldCopies: false, facets: false, snippets: false });
        expect(result.hits.map((h) => h.id), q).toEqual(fts.top(plan.expr, 20).map(([id]) => id));
      }
      expect(tieredCounters.tiered - before).toBeGreaterThan(0);
    });
  });
});

describe("the ranking extension scores as FTS5's bm25(), to the last bit (Reuters-21578)", () => {
  it('is loaded into the archive connections wherever it was built (and CI requires it built)', () => {
    if (process.env.WIREWATCH_REQUIRE_NATIVE === '1') expect(rankExtensionPath()).not.toBeNull();
    const db = openArchiveReader(dbPath);
    try {
      expect(new FullTextIndex(db).ranksWithExtension).toBe(rankExtensionPath() !== null);
    } finally {
      db.close();
    }
  });

  it.runIf(rankExtensionPath() !== null)('ranks every query form the same: the same articles, order and scores as bm25()', async () => {
    const db = openArchiveReader(dbPath);
    try {
      const extension = new FullTextIndex(db);
      expect(extension.ranksWithExtension).toBe(true);
      await withIndex(async (builtin, ctx) => {
        expect(builtin.ranksWithExtension).toBe(false);
        let compared = 0;
        let tiered = 0;
        for (const [form, generate] of Object.entries(GENERATORS)) {
          const r = rng(form.length * 104729);
          for (let i = 0; i < 40; i++) {
            const q = generate(r);
            if (!q) continue;
            const plan = compileQuery(parseQuery(q)!, ctx).plan;
            // Every FTS5 part of the plan (a filter or a date range leaves one or more).
            for (const expr of ftsExpressions(plan)) {
              // Exactly equal: the extension does bm25()'s arithmetic in bm25()'s order.
              expect(extension.snapshot(() => extension.top(expr, 40)), q).toEqual(builtin.top(expr, 40));
              const scored = (fts: FullTextIndex) => {
                const rows: Array<[number, number]> = [];
                fts.snapshot(() => fts.match(expr, true, (id, s) => rows.push([id, s])));
                return rows.sort((a, b) => a[0] - b[0]);
              };
              expect(scored(extension), q).toEqual(scored(builtin));
              compared++;
            }
            if (plan.op === 'fts' && plan.tiers) {
              // The impact tiers' candidate queries add tier-token phrases to the expression.
              const hits = Number.MAX_SAFE_INTEGER;
              expect(extension.snapshot(() => extension.top(plan.expr, 20, plan.tiers, hits)), q).toEqual(builtin.top(plan.expr, 20, plan.tiers, hits));
              tiered++;
            }
          }
        }
        expect(compared).toBeGreaterThan(250);
        expect(tiered).toBeGreaterThan(50);
      });
    } finally {
      db.close();
    }
  }, 120_000);
});

/** The FTS5 expressions a plan runs. */
function ftsExpressions(plan: Plan): string[] {
  switch (plan.op) {
    case 'fts':
      return [plan.expr];
    case 'and':
      return [...plan.pos, ...plan.neg].flatMap(ftsExpressions);
    case 'or':
      return plan.children.flatMap(ftsExpressions);
    default:
      return [];
  }
}
