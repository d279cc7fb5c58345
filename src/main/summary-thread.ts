/**
 * The summary thread: a second thread that answers `search.summary` (story count and facets of
 * every hit) while the workbench thread makes the page of hits for the same query. On two cores
 * the search box's whole answer then takes about as long as the slower of the two calls instead
 * of both. The thread has its own read-only connection and its own copy of the article catalog,
 * kept current by replaying every change the workbench's catalog reports.
 */
import { Worker } from 'node:worker_threads';
import type { SearchSummary } from '../shared/types';
import type { ArticleCatalog, CatalogChange } from './search/catalog';

/** What the summary thread is opened with. */
export interface SummaryThreadOptions {
  dbPath: string;
  nativeBinding?: string;
}

/** A summary request as the contract takes it. */
export interface SummaryRequest {
  query: string;
  foldCopies?: boolean;
}

/** Messages to the summary thread (see summary-worker.ts). */
export type ToSummaryWorker =
  | { type: 'changes'; changes: CatalogChange[] }
  | { type: 'summary'; id: number; request: SummaryRequest };

/** Messages from the summary thread. */
export type FromSummaryWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'summary'; id: number; summary: SearchSummary | null };

export interface SummaryThread {
  /**
   * The summary from the thread, or null when it cannot give it: still opening, stopped, or
   * the query as written finds nothing there (the forgiving reading is the caller's).
   */
  summary(request: SummaryRequest): Promise<SearchSummary | null>;
  /** Resolves true once the thread answers summaries, false if it failed to open or stopped first. */
  ready(): Promise<boolean>;
  /** True while the thread answers summaries (open, warm, not stopped). */
  answering(): boolean;
  close(): void;
}

/**
 * Starts the summary thread over the archive that `catalog` describes. From now on every
 * change to `catalog` is sent to the thread's copy, in order, before any later request.
 *
 * @example
 *   const thread = startSummaryThread(path.join(__dirname, 'summary-worker.js'), { dbPath }, catalog);
 *   const summary = (await thread.summary({ query: 'oil' })) ?? engine.summary({ query: 'oil' });
 */
export function startSummaryThread(workerFile: string, options: SummaryThreadOptions, catalog: ArticleCatalog): SummaryThread {
  const worker = new Worker(workerFile, { workerData: options });
  worker.unref();
  let ready = false;
  let stopped = false;
  let settleReady: (ok: boolean) => void = () => {};
  const whenReady = new Promise<boolean>((resolve) => (settleReady = resolve));
  const pending = new Map<number, (s: SearchSummary | null) => void>();
  let nextId = 1;

  // Changes are sent in batches (the statements catch-up re-reads speakers article by article),
  // and always before a request, which must see them.
  let changes: CatalogChange[] = [];
  const flush = () => {
    if (changes.length === 0 || stopped) return;
    worker.postMessage({ type: 'changes', changes } satisfies ToSummaryWorker);
    changes = [];
  };
  catalog.observe((change) => {
    if (stopped) return;
    if (changes.length === 0) queueMicrotask(flush);
    changes.push(change);
  });

  const stop = () => {
    stopped = true;
    ready = false;
    changes = [];
    for (const settle of pending.values()) settle(null);
    pending.clear();
    settleReady(false);
  };
  worker.on('message', (m: FromSummaryWorker) => {
    if (m.type === 'ready') {
      ready = true;
      settleReady(true);
    }
    else if (m.type === 'failed') stop();
    else {
      pending.get(m.id)?.(m.summary);
      pending.delete(m.id);
    }
  });
  worker.on('error', stop);
  worker.on('exit', stop);

  return {
    summary(request) {
      if (!ready || stopped) return Promise.resolve(null);
      flush();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'summary', id, request } satisfies ToSummaryWorker);
      });
    },
    ready: () => whenReady,
    answering: () => ready && !stopped,
    close() {
      stop();
      void worker.terminate();
    },
  };
}
