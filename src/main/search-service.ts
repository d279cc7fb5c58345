import fs from 'node:fs';
import { ApiError, type Api } from '../shared/api';
import type { Article, SearchRequest } from '../shared/types';
import { requiredInt, searchSort } from './api-args';
import type { ArticleStore, Db } from './archive';
import type { StoredArticle } from './ingest';
import { ArticleCatalog, FullTextIndex, QuerySyntaxError, SavedSearches, SearchEngine, Vocabulary } from './search';
import { COUNTED_ELSEWHERE } from './search/engine';
import { parseQuery } from './search/query/parse';
import { hasMetaField } from './search/query/ast';
import { startSummaryThread, type SummaryThread } from './summary-thread';
import { PageFirst } from './page-first';

/** Pause between background index-building steps, so queries and imports get their turn. */
const REBUILD_PAUSE_MS = 5;
/** Quiet time after an import before the index's new segments are merged. */
const MERGE_DELAY_MS = 2000;
/**
 * How long a summary counted on this thread waits for the page of its query, which the search
 * box sends right after it (the page goes first; see `search.summary`).
 */
const PAGE_FIRST_WAIT_MS = 100;
/** Leaf pages per merge step at close, when nothing waits for the thread. */
const MERGE_PAGES_AT_CLOSE = 2000;


/** Search over one archive: its index, catalog, engine, saved searches, and their API methods. */
export interface SearchService {
  fts: FullTextIndex;
  /** Article metadata for filters and facets (the statements service keeps its speakers). */
  catalog: ArticleCatalog;
  engine: SearchEngine;
  /** 'building' while the index is (re)built, 'merging' while new segments are merged, else 'ready'. */
  status(): 'ready' | 'building' | 'merging';
  /** Called after an import stored articles (and superseded older versions). */
  onStored(added: StoredArticle[], replaced: number[]): void;
  /** The search-related contract methods. */
  api: Pick<Api, 'search.query' | 'search.summary' | 'searches.list' | 'searches.save' | 'searches.open' | 'searches.delete'>;
  /** Resolves true once summaries are counted on the summary thread (false: there is none, or it failed). */
  summaryThreadReady(): Promise<boolean>;
  /** Where a query matches in an article, for `articles.get`. */
  matches(article: Article, query: string): NonNullable<Awaited<ReturnType<Api['articles.get']>>['matches']>;
  close(): void;
}

export interface SearchOptions {
  /** Rebuild a stale index before returning (the CLI) instead of in the background. */
  buildNow?: boolean;
  /**
   * The built summary-thread script (out/main/summary-worker.js): with it, summaries are counted
   * on a second thread while this one makes the page of hits; without it, here.
   */
  summaryWorkerFile?: string;
  /** better-sqlite3 binding for the summary thread's connection (Electron; see README). */
  nativeBinding?: string;
}

/**
 * Opens search over an archive: checks the full-text index against it (rebuilding in the
 * background, or at once with `buildNow`, when stale), loads the catalog, and removes the
 * index file older versions kept beside the archive.
 */
export function openSearch(db: Db, store: ArticleStore, fts: FullTextIndex, dbPath: string, options: SearchOptions = {}): SearchService {
  fs.rmSync(`${dbPath}.search-index`, { force: true });
  const catalog = ArticleCatalog.load(db);
  const vocabulary = new Vocabulary(() => fts.words());
  const engine = new SearchEngine(fts, catalog, vocabulary, store);
  const saved = new SavedSearches(db, (query, afterId) => engine.search({ query, afterArticleId: afterId, facets: false, limit: 0 }).articles);

  // Background work on the workbench thread, a step at a time so queries and imports get
  // their turn: first (re)building the index if it is stale, then merging its segments.
  let timer: NodeJS.Timeout | null = null;
  let rebuilding = false;
  /** True while merge steps are doing work (not while one is merely scheduled). */
  let merging = false;
  const mergeStep = () => {
    merging = fts.mergeStep();
    pendingMerge = merging;
    timer = merging ? setTimeout(mergeStep, REBUILD_PAUSE_MS) : null;
  };
  let pendingMerge = false;
  const scheduleMerge = (delay: number) => {
    pendingMerge = true;
    if (rebuilding) return; // the rebuild merges when it ends
    if (timer) clearTimeout(timer);
    timer = setTimeout(mergeStep, delay);
    timer.unref();
  };
  if (fts.checkAtOpen() !== null) {
    if (options.buildNow) {
      fts.finishRebuild();
      // The rebuild wrote hundreds of segments; close merges them, or every later query of a
      // CLI-only archive would read them all (about 2.5 times slower on two words at Reuters).
      pendingMerge = true;
    } else {
      rebuilding = true;
      const rebuildStep = () => {
        if (fts.rebuildStep()) {
          rebuilding = false;
          scheduleMerge(0);
        } else timer = setTimeout(rebuildStep, REBUILD_PAUSE_MS);
      };
      timer = setTimeout(rebuildStep, 0);
    }
  } else if (!options.buildNow) scheduleMerge(MERGE_DELAY_MS);
  // The fuzzy word list is loaded by the first query that needs it, not at open: reading it from
  // the index takes 0.3 s at Reuters size and 3 s at 200,000 articles, and the thread would
  // answer nothing meanwhile.

  const run = (req: SearchRequest) => asBadRequest(() => engine.search(req));
  const thread: SummaryThread | null =
    options.summaryWorkerFile && fs.existsSync(options.summaryWorkerFile)
      ? startSummaryThread(options.summaryWorkerFile, { dbPath, nativeBinding: options.nativeBinding }, catalog)
      : null;
  /**
   * The article count of the summary last handed to the summary thread: the search box sends
   * the summary first, and the page for the same query then takes its count from it.
   */
  let counting: { query: string; articles: Promise<number | null> } | null = null;
  const pageFirst = new PageFirst(PAGE_FIRST_WAIT_MS);

  return {
    fts,
    catalog,
    engine,
    status: () => (fts.building ? 'building' : merging ? 'merging' : 'ready'),
    onStored(added, replaced) {
      catalog.stored(added, replaced);
      // A count made before these articles came is not the page's any more.
      counting = null;
      // The fuzzy word list is reloaded from the index at the next fuzzy query.
      if (added.length) {
        vocabulary.invalidate();
        scheduleMerge(MERGE_DELAY_MS);
      }
    },
    summaryThreadReady: () => thread?.ready() ?? Promise.resolve(false),
    matches: (article, query) => asBadRequest(() => engine.matches(article, query)),
    api: {
      'search.query': async (args) => {
        const started = performance.now();
        const req = searchRequest(args);
        const pending = req.deferSummary && counting?.query === req.query ? counting.articles : null;
        counting = null;
        let result = asBadRequest(() => engine.search(req, pending !== null));
        if (result.articles === COUNTED_ELSEWHERE) {
          const n = await pending!;
          // The thread found nothing as written while this page did (a forgiving re-reading): count here.
          result = n === null ? run(req) : { ...result, total: n, articles: n, tookMs: Math.round((performance.now() - started) * 100) / 100 };
        }
        if (req.record) saved.record(req.query, result.total);
        pageFirst.pageAnswered(req.query);
        return result;
      },
      'search.summary': async (args) => {
        if (typeof args?.query !== 'string') throw new ApiError('bad_request', 'query must be text');
        if (args.foldCopies !== undefined && typeof args.foldCopies !== 'boolean') throw new ApiError('bad_request', 'foldCopies must be true or false');
        const req = { query: args.query, foldCopies: args.foldCopies };
        // Should it be counted here after all, the page the search box sends right after the
        // summary goes first (below); it may be answered while the thread is still asked.
        const page = thread ? pageFirst.expect(req.query) : null;
        try {
          // `speaker:` resolves aliases through the people registry, which lives on this thread.
          if (thread?.answering() && !asBadRequest(() => hasMetaField(parseQuery(req.query), 'speaker'))) {
            const pending = thread.summary(req);
            counting = { query: req.query, articles: pending.then((s) => s?.articles ?? null) };
            const summary = await pending;
            if (summary) return summary;
          }
          // Counted here: while the thread is still loading (the first searches after open, two
          // seconds at 200,000 articles), for `speaker:`, for a query the thread finds nothing for
          // as written, or when it failed. Counting before the page would hold the hits back by
          // the whole count (0.9 s for `oil` just after opening 200,000 articles, the speakers
          // read for the first facets), so the page goes first.
          if (page) await page.answered();
          return asBadRequest(() => engine.summary(req));
        } finally {
          page?.forget();
        }
      },
      'searches.list': async () => ({ saved: saved.list(), history: saved.history() }),
      'searches.save': async (args) => {
        const name = typeof args?.name === 'string' ? args.name.trim() : '';
        if (!name) throw new ApiError('bad_request', 'a saved search needs a name');
        if (typeof args.query !== 'string' || !args.query.trim()) throw new ApiError('bad_request', 'a saved search needs a query');
        run({ query: args.query, limit: 0, facets: false }); // refuses a query that cannot be read
        return saved.save(name, args.query.trim(), searchSort(args.sort));
      },
      'searches.open': async (args) => {
        const s = saved.open(requiredInt(args?.id, 'id'));
        if (!s) throw new ApiError('not_found', `no saved search ${String(args?.id)}`);
        return s;
      },
      'searches.delete': async (args) => ({ deleted: saved.delete(requiredInt(args?.id, 'id')) }),
    },
    close() {
      thread?.close();
      if (timer) clearTimeout(timer);
      // Segments an import left unmerged are merged now (a CLI import exits right after it);
      // an unfinished rebuild is resumed at the next open instead.
      if (!rebuilding && pendingMerge) while (fts.mergeStep(MERGE_PAGES_AT_CLOSE));
    },
  };
}

/** Runs `f`; a query that cannot be read becomes a bad_request carrying its message (with the column). */
function asBadRequest<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof QuerySyntaxError) throw new ApiError('bad_request', e.message);
    throw e;
  }
}

function searchRequest(args: unknown): SearchRequest {
  const a = (args ?? {}) as Record<string, unknown>;
  if (typeof a.query !== 'string') throw new ApiError('bad_request', 'query must be text');
  const req: SearchRequest = { query: a.query, sort: searchSort(a.sort) };
  if (a.offset !== undefined) req.offset = requiredInt(a.offset, 'offset');
  if (a.limit !== undefined) req.limit = requiredInt(a.limit, 'limit');
  if (a.afterArticleId !== undefined) req.afterArticleId = requiredInt(a.afterArticleId, 'afterArticleId');
  for (const flag of ['boostRecent', 'foldCopies', 'facets', 'record', 'snippets', 'deferSummary'] as const) {
    if (a[flag] === undefined) continue;
    if (typeof a[flag] !== 'boolean') throw new ApiError('bad_request', `${flag} must be true or false`);
    req[flag] = a[flag];
  }
  return req;
}
