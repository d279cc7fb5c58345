import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult, SearchSort } from '../../../shared/types';
import { call } from '../api';

/** Hits fetched per page ("Show more results" fetches the next). */
export const PAGE_SIZE = 50;

/** What a search asks: the query and how to present its answer. */
export interface SearchParams {
  query: string;
  sort: SearchSort;
  boostRecent: boolean;
  foldCopies: boolean;
}

/** The answer shown, with the request it answers (the query it names may differ from the box). */
export interface ShownResult {
  params: SearchParams;
  data: SearchResult;
}

export interface SearchState {
  /** The text in the search box. */
  draft: string;
  setDraft(text: string): void;
  /** The request behind the shown results, or the one in flight. */
  params: SearchParams;
  result: ShownResult | null;
  /** Why the last search failed (a query that cannot be read), for role=alert. */
  error: { message: string; query: string } | null;
  busy: boolean;
  loadingMore: boolean;
  /** Something to say above the results (e.g. a saved search's new matches). */
  note: string | null;
  /**
   * Runs a search. `record` adds it to the recent-searches history: the analyst asked for it
   * (the box, a facet, a saved or recent search), as opposed to a refresh or a re-sort.
   */
  run(changes: Partial<SearchParams>, options?: { record?: boolean; note?: string | null }): Promise<void>;
  /** Fetches the next page of the shown results. */
  loadMore(): Promise<number>;
  /** Bumped after every search added to the history. */
  historyVersion: number;
}

const INITIAL: SearchParams = { query: '', sort: 'relevance', boostRecent: false, foldCopies: true };

/**
 * The search the panel shows, shared with the saved and recent searches that start one. Only
 * the latest request's answer is kept (a slow earlier one never overwrites it); a failed search
 * keeps the previous results on screen beside the error. `version` (bumped after imports)
 * re-runs the shown search with as many hits as are loaded.
 */
export function useSearch(version: number): SearchState {
  const [draft, setDraft] = useState('');
  const [params, setParams] = useState<SearchParams>(INITIAL);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [error, setError] = useState<{ message: string; query: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const seq = useRef(0);
  const paramsRef = useRef(params);
  const resultRef = useRef(result);
  resultRef.current = result;

  const execute = useCallback(async (p: SearchParams, record: boolean, limit = PAGE_SIZE) => {
    const my = ++seq.current;
    paramsRef.current = p;
    setParams(p);
    setBusy(true);
    try {
      // Two calls: on a large archive, counting the stories and facets of a common word would
      // hold the hits back. The summary is asked first, so that the workbench hands it to its
      // summary thread and makes the page meanwhile; it is shown once the page is.
      const summaryCall = call('search.summary', { query: p.query, foldCopies: p.foldCopies });
      // A query that cannot be read fails both calls; the page's error is the one shown.
      summaryCall.catch(() => undefined);
      const data = await call('search.query', { ...p, offset: 0, limit, facets: true, record, deferSummary: true });
      if (my !== seq.current) return;
      const shown = { params: p, data };
      resultRef.current = shown;
      setResult(shown);
      setError(null);
      if (data.summaryPending) {
        const summary = await summaryCall;
        // Only onto the answer it completes (not a newer search, nor one a page was added to since).
        if (my !== seq.current) return;
        const now = resultRef.current;
        if (!now || now.params !== p) return;
        const completed = { params: p, data: { ...now.data, total: summary.total, articles: summary.articles, facets: summary.facets, summaryPending: false, storiesPending: false } };
        resultRef.current = completed;
        setResult(completed);
      }
    } catch (e) {
      if (my === seq.current) setError({ message: (e as Error).message, query: p.query });
    } finally {
      if (my === seq.current) setBusy(false);
      if (record) setHistoryVersion((v) => v + 1);
    }
  }, []);

  // The first search (the whole archive, newest first), and again after every import.
  useEffect(() => {
    const shown = resultRef.current;
    const loaded = shown && shown.params === paramsRef.current ? shown.data.hits.length : 0;
    void execute(paramsRef.current, false, Math.max(PAGE_SIZE, loaded));
  }, [version, execute]);

  const run = useCallback(
    async (changes: Partial<SearchParams>, options: { record?: boolean; note?: string | null } = {}) => {
      const p = { ...paramsRef.current, ...changes };
      if (changes.query !== undefined) setDraft(changes.query);
      setNote(options.note ?? null);
      await execute(p, options.record ?? false);
    },
    [execute],
  );

  const loadMore = useCallback(async (): Promise<number> => {
    const shown = resultRef.current;
    if (!shown) return 0;
    const my = seq.current;
    setLoadingMore(true);
    try {
      const data = await call('search.query', { ...shown.params, offset: shown.data.hits.length, limit: PAGE_SIZE, facets: false });
      if (my !== seq.current || resultRef.current !== shown) return 0;
      const seen = new Set(shown.data.hits.map((h) => h.id));
      const added = data.hits.filter((h) => !seen.has(h.id));
      const next = { params: shown.params, data: { ...shown.data, hits: [...shown.data.hits, ...added] } };
      resultRef.current = next;
      setResult(next);
      return added.length;
    } catch (e) {
      if (my === seq.current) setError({ message: (e as Error).message, query: shown.params.query });
      return 0;
    } finally {
      setLoadingMore(false);
    }
  }, []);

  return { draft, setDraft, params, result, error, busy, loadingMore, note, run, loadMore, historyVersion };
}
