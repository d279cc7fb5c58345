import type { HitFields } from '../archive';
import type { Article, ArticleMatches, SearchHit, SearchRequest, SearchResult, SearchSort, SearchSummary } from '../../shared/types';
import { parseQuery } from './query/parse';
import type { QueryNode } from './query/ast';
import { compileQuery, type CompiledQuery, type Plan } from './plan';
import { matchRanges, makeSnippet } from './highlight';
import { NO_DAY, type ArticleCatalog } from './catalog';
import type { FullTextIndex } from './fts-index';
import type { Vocabulary } from './vocabulary';
import type { TierQuery } from './tiered-top';
import { keyPrefixOf, languagesKeyedAs } from './analyse';

/** Where hits' titles and bodies come from. */
export interface ArticleLookup {
  hitFields(ids: number[], withBody: boolean): HitFields[];
}

/**
 * `articles` (and `total`) of a page whose count was left to the summary being counted
 * elsewhere (see `search`): the caller fills them in from it.
 */
export const COUNTED_ELSEWHERE = -1;

/**
 * Languages with at most this many articles have the stems a query asks looked up first (see
 * `FullTextIndex.keyLookup`): their stems of a query word are mostly absent, and reading such a
 * language's whole vocabulary takes milliseconds.
 */
const FEW_ARTICLES = 1000;

/** Half-life, in days before the newest article, of the recency boost. */
const RECENCY_HALF_LIFE_DAYS = 180;

/**
 * Answers queries: parses them (query/parse.ts), compiles them (plan.ts), runs the text parts
 * in the FTS5 index and the metadata parts over the in-memory catalog, folds copies of a story
 * under its best hit, counts facets, orders and pages the hits, and makes their snippets.
 * One ranking: FTS5's BM25 over analysed words and stems, title weighted twice.
 */
export class SearchEngine {
  constructor(
    private readonly fts: FullTextIndex,
    private readonly catalog: ArticleCatalog,
    private readonly vocabulary: Vocabulary,
    private readonly articles: ArticleLookup,
  ) {}

  /**
   * Parses and compiles a query. Throws QuerySyntaxError (with the position) when it cannot
   * be read. An empty query means "every article".
   */
  compile(query: string, forgiving = true): CompiledQuery {
    return this.compileTree(parseQuery(query), forgiving);
  }

  /** Compiles a parsed query (null = the empty query). */
  private compileTree(root: QueryNode | null, forgiving: boolean): CompiledQuery {
    if (!root) return { plan: { op: 'all' }, highlights: [], notices: [] };
    return compileQuery(root, {
      languages: this.catalog.languages(),
      articlesIn: (lang) => this.catalog.articlesIn(lang),
      near: (word, distance) => this.vocabulary.near(word, distance),
      // Without `forgiving`, every word is taken as present (no lookup, no fuzzy fallback).
      exists: forgiving ? (expression) => this.fts.any(expression) : () => true,
      holds: this.heldKeys(),
    });
  }

  /**
   * What tells whether an article holds a stem key: looked up for the languages of few articles
   * (their stems of a query word are mostly absent: the Italian stem of an English word), and
   * taken as held otherwise. For one query: the index may change before the next.
   */
  private heldKeys(): (key: string) => boolean {
    const lookup = this.fts.keyLookup();
    const languages = this.catalog.languages();
    // Whether a prefix's languages have few articles, once per prefix (every query word asks each).
    const few = new Map<string, boolean>();
    return (key) => {
      const prefix = keyPrefixOf(key);
      let small = few.get(prefix);
      if (small === undefined) {
        small = languagesKeyedAs(prefix, languages).reduce((n, l) => n + this.catalog.articlesIn(l), 0) <= FEW_ARTICLES;
        few.set(prefix, small);
      }
      return !small || lookup(prefix, key);
    };
  }

  /**
   * Runs a search request. With `countElsewhere` (the caller has the same query's summary
   * under way on the summary thread), a deferred page that would count its articles with a
   * second pass over every hit leaves `articles` and `total` at COUNTED_ELSEWHERE instead.
   *
   * @example
   *   engine.search({ query: 'title:csto date:2022-01', sort: 'newest', limit: 10 })
   */
  search(req: SearchRequest, countElsewhere = false): SearchResult {
    const started = performance.now();
    // Exact first; only a query that finds nothing is read again forgiving misspelt words
    // (a word no article has is matched within an edit or two), which costs a lookup a word.
    const found = (r: SearchResult) => r.articles > 0 || (r.articles === COUNTED_ELSEWHERE && r.hits.length > 0);
    const root = parseQuery(req.query);
    return this.fts.snapshot(() => this.answerAsRead(root, (c) => this.run(c, req, started, countElsewhere), found));
  }

  /**
   * Answers a query as it is written; only when that finds nothing, and it has words no
   * article has, answers it again reading those words forgivingly (within an edit or two).
   */
  private answerAsRead<T>(root: QueryNode | null, answer: (compiled: CompiledQuery) => T, found: (t: T) => boolean): T {
    const exact = answer(this.compileTree(root, false));
    if (found(exact) || !root) return exact;
    const forgiving = this.compileTree(root, true);
    return forgiving.notices.some((n) => n.startsWith('No article has')) ? answer(forgiving) : exact;
  }

  private run(compiled: CompiledQuery, req: SearchRequest, started: number, countElsewhere = false): SearchResult {
    const sort: SearchSort = req.sort ?? 'relevance';
    // Relevance needs words to weigh: a query of filters only (`source:x date:2022`) or of
    // exclusions only is listed newest first.
    const scored = sort === 'relevance' && hasPositiveText(compiled.plan);
    const offset = Math.max(0, req.offset ?? 0);
    const limit = req.limit ?? 20;
    const fold = req.foldCopies !== false;
    const afterId = req.afterArticleId;

    // One FTS5 expression ranked by relevance, a page at a time: the matching ids come without
    // scores (cheap), and only the top of the ranking is scored, by FTS5 itself. Scoring every
    // hit costs about three times as much on common words.
    if (scored && compiled.plan.op === 'fts' && limit >= 0 && req.boostRecent !== true && afterId === undefined) {
      const { expr, tiers } = compiled.plan;
      const deferred = req.deferSummary === true && (fold || req.facets !== false);
      if (deferred || (!fold && req.facets === false)) {
        // Nothing needs every hit's id: FTS5 counts the articles, and the copies of the page's
        // stories are looked up one by one. Story count and facets come from `summary`.
        // The summary thread may be counting the same query already (`countElsewhere`): then
        // FTS5 need not read every hit twice, unless the tiers need the count to choose.
        // Without tiers the ranking comes first: when FTS5 returned every hit, they are the count.
        const elsewhere = countElsewhere && tiers === null && offset === 0 && limit > 0;
        const counted = tiers === null ? null : this.fts.count(expr);
        const { page, score, every } = this.rankedPage(expr, tiers, counted ?? 0, offset, limit, fold);
        const n = counted ?? every ?? (elsewhere ? COUNTED_ELSEWHERE : this.fts.count(expr));
        const copies = fold ? (id: number) => this.fts.countAmong(expr, this.catalog.storyArticles(id).filter((x) => x !== id)) : null;
        const hits = this.hits(page, req.snippets === false ? null : compiled, score, copies);
        return this.result(n, n, hits, null, compiled, started, deferred, deferred && fold);
      }
      const ids = this.liveIds(this.fts.ids(expr));
      const { page, score } = this.rankedPage(expr, tiers, ids.length, offset, limit, fold);
      const facets = req.facets === false ? null : this.catalog.facets(ids);
      const { members, stories } = fold ? this.storyMembers(ids) : { members: null, stories: ids.length };
      const hits = this.hits(page, req.snippets === false ? null : compiled, score, members && this.copiesFrom(members));
      return this.result(stories, ids.length, hits, facets, compiled, started);
    }

    let { ids, scores } = this.evaluatePlan(compiled.plan, scored);
    if (afterId !== undefined) ids = ids.filter((id) => id > afterId);
    // Deferred, only the facets are left for `summary`: the page needs the stories anyway.
    const deferFacets = req.deferSummary === true && req.facets !== false;
    const facets = req.facets === false || deferFacets ? null : this.catalog.facets(ids);

    const key = this.orderKey(sort, scores, req.boostRecent === true);
    const { reps, members } = fold ? this.foldStories(ids, key) : { reps: ids, members: null };

    const page = topK(reps, key, limit < 0 ? reps.length : offset + limit).slice(offset);
    const hits = this.hits(page, req.snippets === false ? null : compiled, scores ? key : () => 0, members && this.copiesFrom(members));
    return this.result(reps.length, ids.length, hits, facets, compiled, started, deferFacets);
  }

  /**
   * What a search deferred (`deferSummary`): the story count and the facets of every hit.
   * The query is read as `search` reads it (forgiving only when the exact reading finds nothing).
   */
  summary(req: { query: string; foldCopies?: boolean }): SearchSummary;
  /**
   * With `asWritten`, only the query as written: null when that finds nothing (reading it
   * forgivingly needs the fuzzy word list, which the summary thread does not load).
   */
  summary(req: { query: string; foldCopies?: boolean }, asWritten: true): SearchSummary | null;
  summary(req: { query: string; foldCopies?: boolean }, asWritten = false): SearchSummary | null {
    const started = performance.now();
    const root = parseQuery(req.query);
    return this.fts.snapshot(() => this.summaryOf(req, root, asWritten, started));
  }

  /** What `summary` answers, read in one transaction. */
  private summaryOf(req: { query: string; foldCopies?: boolean }, root: QueryNode | null, asWritten: boolean, started: number): SearchSummary | null {
    const ids = asWritten
      ? this.matchingIds(this.compileTree(root, false).plan)
      : this.answerAsRead(root, (c) => this.matchingIds(c.plan), (found) => found.length > 0);
    if (asWritten && ids.length === 0 && root) return null;
    const stories = req.foldCopies === false ? ids.length : this.storyMembers(ids).stories;
    return { total: stories, articles: ids.length, facets: this.catalog.facets(ids), tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  /** Every live article matching a plan, unranked. */
  private matchingIds(plan: Plan): number[] {
    return plan.op === 'fts' ? this.liveIds(this.fts.ids(plan.expr)) : this.evaluatePlan(plan, false).ids;
  }

  /** Copies of a hit's story among the hits, from per-story hit counts. */
  private copiesFrom(members: Uint32Array): (id: number) => number {
    return (id) => Math.max(0, members[this.catalog.story[id]!]! - 1);
  }

  private result(
    total: number,
    articles: number,
    hits: SearchHit[],
    facets: SearchResult['facets'],
    compiled: CompiledQuery,
    started: number,
    summaryPending = false,
    storiesPending = false,
  ): SearchResult {
    const notices = [...compiled.notices];
    if (this.fts.building) {
      const s = this.fts.state();
      notices.push(`The search index is being built: ${s.indexed} of ${s.total} articles are searchable so far.`);
    }
    return {
      total,
      articles,
      hits,
      facets,
      ...(summaryPending ? { summaryPending } : {}),
      ...(storiesPending ? { storiesPending } : {}),
      notices,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  /** Where a query matches in one article's title and body (for the reader). */
  matches(article: Article, query: string): ArticleMatches {
    const { highlights } = this.compile(query);
    return {
      title: matchRanges(article.title, 'title', article.language, highlights),
      body: matchRanges(article.body, 'body', article.language, highlights),
    };
  }

  /** The ids that are live articles (the index holds only live ones; this guards against a race with imports). */
  private liveIds(ids: number[]): number[] {
    const { live, size } = this.catalog;
    // The index holds live articles only, so this is a check that copies nothing as a rule.
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id >= size || live[id] !== 1) return ids.filter((x) => x < size && live[x] === 1);
    }
    return ids;
  }

  /** How many matching articles each story has (by story id), and how many stories match. */
  private storyMembers(ids: number[]): { members: Uint32Array; stories: number } {
    const story = this.catalog.story;
    const members = new Uint32Array(this.catalog.size);
    let stories = 0;
    for (const id of ids) if (members[story[id]!]!++ === 0) stories++;
    return { members, stories };
  }

  /**
   * The page of hits by relevance (from `offset`, `limit` of them) with their scores, one per
   * story when folding (the story's best-ranked article): FTS5 ranks the top, widened until
   * enough stories are found. With `tiers` (and `hits`, their number), only hits that can reach the top are scored.
   */
  private rankedPage(
    expr: string,
    tiers: TierQuery | null,
    hits: number,
    offset: number,
    limit: number,
    fold: boolean,
  ): { page: number[]; score: (id: number) => number; every: number | null } {
    const { top, every } = this.rankedTop(expr, tiers, hits, offset + limit, fold);
    const scoreOf = new Map(top);
    return { page: top.slice(offset).map(([id]) => id), score: (id) => scoreOf.get(id) ?? 0, every };
  }

  /**
   * The best `count` hits with their scores, one per story when folding; `every` is the number
   * of hits when FTS5 returned all of them on the way (fewer than it was asked for), else null.
   */
  private rankedTop(
    expr: string,
    tiers: TierQuery | null,
    hits: number,
    count: number,
    fold: boolean,
  ): { top: Array<[number, number]>; every: number | null } {
    const { story, live, size } = this.catalog;
    if (count <= 0) return { top: [], every: null };
    for (let k = Math.max(count * 2, 40); ; k *= 4) {
      const rows = this.fts.top(expr, k, tiers, hits);
      const every = rows.length < k ? rows.length : null;
      const seen = new Set<number>();
      const out: Array<[number, number]> = [];
      for (const [id, score] of rows) {
        if (id >= size || !live[id]) continue;
        if (fold) {
          if (seen.has(story[id]!)) continue;
          seen.add(story[id]!);
        }
        out.push([id, score]);
        if (out.length === count) return { top: out, every };
      }
      if (every !== null) return { top: out, every };
    }
  }

  /** Matching live article ids, and their scores (by id) when ranked. */
  private evaluatePlan(plan: Plan, scored: boolean): { ids: number[]; scores: Float64Array | null } {
    const { live, size } = this.catalog;
    const scores = scored ? new Float64Array(size) : null;
    if (plan.op === 'fts') {
      // The common case: one FTS5 query, no bitmaps.
      const ids: number[] = [];
      this.fts.match(plan.expr, scored, (id, s) => {
        if (id < size && live[id]) {
          ids.push(id);
          if (scores) scores[id] = s;
        }
      });
      return { ids, scores };
    }
    const set = this.evaluate(plan, scores);
    const ids: number[] = [];
    for (let id = 0; id < size; id++) if (set[id] && live[id]) ids.push(id);
    return { ids, scores };
  }

  /** Evaluates a plan to a bitmap over article ids, adding text scores into `scores`. */
  private evaluate(plan: Plan, scores: Float64Array | null): Uint8Array {
    const { size, live } = this.catalog;
    const out = new Uint8Array(size);
    switch (plan.op) {
      case 'fts':
        this.fts.match(plan.expr, scores !== null, (id, s) => {
          if (id < size) {
            out[id] = 1;
            if (scores) scores[id]! += s;
          }
        });
        return out;
      case 'meta':
        this.catalog.filterMeta(plan.field, plan.value, plan.prefix, plan.exact, out);
        return out;
      case 'date':
        this.catalog.filterDate(plan.from, plan.to, out);
        return out;
      case 'all':
        out.set(live.subarray(0, size));
        return out;
      case 'none':
        return out;
      case 'or':
        for (const c of plan.children) {
          const s = this.evaluate(c, scores);
          for (let i = 0; i < size; i++) out[i]! |= s[i]!;
        }
        return out;
      case 'and': {
        if (plan.pos.length === 0) out.set(live.subarray(0, size));
        plan.pos.forEach((c, n) => {
          const s = this.evaluate(c, scores);
          if (n === 0) out.set(s);
          else for (let i = 0; i < size; i++) out[i]! &= s[i]!;
        });
        for (const c of plan.neg) {
          const s = this.evaluate(c, null);
          for (let i = 0; i < size; i++) if (s[i]) out[i] = 0;
        }
        return out;
      }
    }
  }

  /** A comparison key: larger comes first. */
  private orderKey(sort: SearchSort, scores: Float64Array | null, boostRecent: boolean): (id: number) => number {
    const { dayStart, minute, newestDay } = this.catalog;
    // Day, then time of day, then import order: larger is newer. Undated articles come last.
    const when = (id: number) => dayStart[id]! * 1e7 + minute[id]! * 2000 + id / 1e3;
    if (sort === 'newest') return (id) => (dayStart[id] === NO_DAY ? -1e15 + id / 1e3 : when(id));
    if (sort === 'oldest') return (id) => (dayStart[id] === NO_DAY ? -1e15 - id / 1e3 : -when(id));
    if (!scores) return (id) => (dayStart[id] === NO_DAY ? -1e15 + id / 1e3 : when(id));
    if (!boostRecent || newestDay === NO_DAY) return (id) => scores[id]!;
    return (id) => {
      const age = dayStart[id] === NO_DAY ? Infinity : Math.max(0, newestDay - dayStart[id]!);
      return scores[id]! * (1 + 0.5 * Math.pow(2, -age / RECENCY_HALF_LIFE_DAYS));
    };
  }

  /** One representative per story (its best hit by `key`), and how many hits each story has (by story id). */
  private foldStories(ids: number[], key: (id: number) => number): { reps: number[]; members: Uint32Array } {
    const story = this.catalog.story;
    const members = new Uint32Array(this.catalog.size);
    const best = new Int32Array(this.catalog.size);
    const bestKey = new Float64Array(this.catalog.size);
    const stories: number[] = [];
    for (const id of ids) {
      const s = story[id]!;
      const k = key(id);
      if (members[s] === 0) {
        stories.push(s);
        best[s] = id;
        bestKey[s] = k;
      } else if (k > bestKey[s]! || (k === bestKey[s] && id < best[s]!)) {
        best[s] = id;
        bestKey[s] = k;
      }
      members[s]!++;
    }
    return { reps: stories.map((s) => best[s]!), members };
  }

  private hits(page: number[], compiled: CompiledQuery | null, key: (id: number) => number, copies: ((id: number) => number) | null): SearchHit[] {
    return this.articles.hitFields(page, compiled !== null).map((a) => {
      const id = a.id;
      const marks = compiled?.highlights ?? [];
      const { snippet, highlights } = compiled
        ? makeSnippet(a.body || a.title, matchRanges(a.body || a.title, a.body ? 'body' : 'title', a.language, marks))
        : { snippet: '', highlights: [] };
      return {
        id,
        title: a.title,
        source: a.source,
        publishedAt: a.publishedAt,
        language: a.language,
        score: Number(key(id).toPrecision(6)),
        snippet,
        highlights,
        titleHighlights: matchRanges(a.title, 'title', a.language, marks),
        storyId: a.storyId,
        foldedCopies: copies ? copies(id) : 0,
      };
    });
  }
}

/** True when some text part of the plan must match (not only filters and exclusions). */
function hasPositiveText(plan: Plan): boolean {
  switch (plan.op) {
    case 'fts':
      return true;
    case 'and':
      return plan.pos.some(hasPositiveText);
    case 'or':
      return plan.children.some(hasPositiveText);
    default:
      return false;
  }
}

/** The first `k` ids by descending key (ties: smaller id first), without sorting them all. */
function topK(ids: number[], key: (id: number) => number, k: number): number[] {
  const before = (a: number, b: number) => {
    const d = key(b) - key(a);
    return d !== 0 ? d : a - b;
  };
  if (k <= 0) return [];
  if (k >= ids.length || k > 500) return [...ids].sort(before).slice(0, k);
  const top: number[] = [];
  for (const id of ids) {
    if (top.length === k) {
      if (before(id, top[k - 1]!) >= 0) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && before(id, top[i - 1]!) < 0) i--;
    top.splice(i, 0, id);
  }
  return top;
}
