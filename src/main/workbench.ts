import { ApiError, type Api } from '../shared/api';
import type { ArticleDetail, ColumnMapping, ImportOptions } from '../shared/types';
import { ArticleStore, combineIndexers, openArchiveDb, schemaVersion, type Db } from './archive';
import fs from 'node:fs';
import { assertKnownEncoding, decodeBytes, decodeWith, Importer, previewExport, startReaderThread, type ImportSource, type RunningImport } from './ingest';
import { FullTextIndex } from './search';
import { openSearch } from './search-service';
import { optionalInt, requiredInt, requiredString } from './api-args';
import { openStatements } from './statements';


/** What only the desktop shell can do; other doors leave these out. */
export interface WorkbenchHost {
  pickFiles?: () => Promise<string[]>;
}

export interface WorkbenchOptions {
  /** The archive file. */
  dbPath: string;
  host?: WorkbenchHost;
  /** better-sqlite3 binding built for Electron (see README). */
  nativeBinding?: string;
  /**
   * The built reader-thread script (out/main/read-worker.js). With it, imports read and prepare
   * files on a second thread while this one stores and indexes; without it, in-process.
   */
  readWorkerFile?: string;
  /**
   * The built summary-thread script (out/main/summary-worker.js). With it, the story count and
   * facets of a search (`search.summary`) are counted on another thread while this one answers
   * the page; without it (or with ''), here.
   */
  summaryWorkerFile?: string;
  /**
   * When the search index must be (re)built, or statements read again by this extractor, do it
   * before returning (the CLI, which answers one query and exits) instead of in the background
   * while calls are already answered.
   */
  buildIndexNow?: boolean;
  /**
   * The officials registry (JSON). Default: $WIREWATCH_OFFICIALS, else resources/officials.json
   * under the app root.
   */
  officialsPath?: string;
}

/** The Workbench: the whole contract over one archive, whichever door calls it. */
export interface Workbench {
  api: Api;
  close(): void;
  /**
   * Resolves true once `search.summary` is counted on the summary thread, false when there is
   * none (no `summaryWorkerFile`) or it failed to open (summaries are then counted here).
   */
  summaryThreadReady(): Promise<boolean>;
}

/** Finished jobs kept for `import.progress` after they end. */
const KEEP_FINISHED_JOBS = 20;

/**
 * Opens the archive at `dbPath` (migrating it), loads or rebuilds the search index, and
 * returns the implementation of every contract method.
 *
 * @example
 *   const wb = openWorkbench({ dbPath: '/tmp/w.db' });
 *   await wb.api['import.paths']({ paths: ['page.txt'] });
 *   const { hits } = await wb.api['search.query']({ query: 'Borrel' });
 *   wb.close();
 */
export function openWorkbench(options: WorkbenchOptions): Workbench {
  const db: Db = openArchiveDb(options.dbPath, { nativeBinding: options.nativeBinding });
  let statements;
  try {
    statements = openStatements(db, { registryPath: options.officialsPath });
  } catch (e) {
    db.close();
    throw e;
  }
  const fts = new FullTextIndex(db);
  // The full-text index and the statements are written in the articles' own transactions.
  const store = new ArticleStore(db, combineIndexers(fts, statements.indexer));
  const search = openSearch(db, store, fts, options.dbPath, {
    buildNow: options.buildIndexNow,
    summaryWorkerFile: options.summaryWorkerFile,
    nativeBinding: options.nativeBinding,
  });
  statements.attachCatalog(search.catalog);
  // Statements made by another extractor version (or none yet) are read again: at once for the
  // CLI's one-shot commands, in the background for the app.
  statements.catchUp(options.buildIndexNow === true);
  const reader = options.readWorkerFile && fs.existsSync(options.readWorkerFile) ? startReaderThread(options.readWorkerFile) : undefined;
  const importer = new Importer({
    store,
    reader,
    // The full-text index was written in the same transaction as the articles; the catalog
    // (metadata for filters and facets) is told after the commit.
    onArticles: (added, replaced) => {
      search.onStored(added, replaced);
      statements.afterCommit();
    },
  });
  const jobs = new Map<number, RunningImport>();

  function startJob(source: ImportSource, opts: ImportOptions, origin: string): RunningImport {
    const run = importer.start(source, opts, origin);
    jobs.set(run.jobId, run);
    const finished = [...jobs.values()].filter((j) => j.snapshot().state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS))) jobs.delete(old.jobId);
    return run;
  }

  function job(jobId: unknown): RunningImport {
    const run = jobs.get(requiredInt(jobId, 'jobId'));
    if (!run) throw new ApiError('not_found', `no import job ${String(jobId)}`);
    return run;
  }

  const api: Api = {
    'archive.info': async () => ({
      path: options.dbPath,
      schemaVersion: schemaVersion(db),
      articles: store.count(),
      stories: store.storyCount(),
      indexedArticles: fts.indexedCount(),
      indexStatus: search.status(),
    }),

    'articles.list': async (args) => {
      const offset = optionalInt(args?.offset, 'offset', 0);
      const limit = optionalInt(args?.limit, 'limit', 100);
      return { total: store.count(), articles: store.list(offset, limit < 0 ? -1 : limit) };
    },

    'articles.get': async (args) => {
      const id = requiredInt(args?.id, 'id');
      const article = store.get(id);
      if (!article) throw new ApiError('not_found', `no article with id ${id}`);
      const detail: ArticleDetail = { ...article, origin: store.origin(id)! };
      if (typeof args.query === 'string' && args.query.trim()) detail.matches = search.matches(article, args.query);
      if (args.includeOriginal) {
        const orig = store.originalBytes(id)!;
        detail.original = (detail.origin.encodingReason === 'chosen by the analyst' ? decodeWith(orig.bytes, orig.encoding) : decodeBytes(orig.bytes)).text;
      }
      return detail;
    },

    'articles.reimport': async (args) => {
      const id = requiredInt(args?.id, 'id');
      const encoding = requiredString(args?.encoding, 'encoding');
      const orig = store.originalBytes(id);
      if (!orig) throw new ApiError('not_found', `no article with id ${id}`);
      try {
        assertKnownEncoding(encoding);
      } catch (e) {
        throw new ApiError('bad_request', (e as Error).message);
      }
      const replaces = new Map(store.articlesOfFile(id).map((a) => [a.itemKey, a.id] as const));
      const run = startJob(
        { reimport: { file: orig.file, bytes: orig.bytes, modifiedAt: orig.fileModifiedAt ? new Date(orig.fileModifiedAt) : null, replaces } },
        { encoding, source: store.get(id)?.source ?? undefined },
        'reimport',
      );
      return run.done;
    },

    'import.paths': async (args) => {
      const paths = stringList(args?.paths, 'paths');
      return startJob({ paths }, importOptions(args), 'files').done;
    },

    'import.uploads': async (args) => {
      const files = uploads(args?.files);
      return startJob({ uploads: files }, importOptions(args), 'upload').done;
    },

    'import.start': async (args) => {
      const source: ImportSource =
        args && 'paths' in args ? { paths: stringList(args.paths, 'paths') } : { uploads: uploads((args as { files?: unknown })?.files) };
      return startJob(source, importOptions(args), 'paths' in source ? 'files' : 'upload').snapshot();
    },

    'import.progress': async (args) => job(args?.jobId).snapshot(),

    'import.cancel': async (args) => {
      const run = job(args?.jobId);
      run.cancel();
      return run.snapshot();
    },

    'import.log': async (args) => {
      const batchId = args?.batchId === undefined ? null : requiredInt(args.batchId, 'batchId');
      return { entries: store.log(batchId, optionalInt(args?.limit, 'limit', 200)) };
    },

    'import.preview': async (args) => {
      const [file] = uploads([args?.file]);
      try {
        return { preview: previewExport(Buffer.from(file!.base64, 'base64'), file!.name) };
      } catch (e) {
        throw new ApiError('bad_request', `${file!.name}: ${(e as Error).message}`);
      }
    },

    ...search.api,

    ...statements.api,

    'dialog.pickFiles': async () => {
      if (!options.host?.pickFiles) {
        throw new ApiError('unavailable', 'the native file dialog exists only in the desktop app');
      }
      return { paths: await options.host.pickFiles() };
    },
  };

  return {
    api,
    summaryThreadReady: () => search.summaryThreadReady(),
    close: () => {
      statements.close();
      search.close();
      void reader?.close();
      db.close();
    },
  };
}

function importOptions(args: unknown): ImportOptions {
  const a = (args ?? {}) as Record<string, unknown>;
  const out: ImportOptions = {};
  if (a.source !== undefined && a.source !== null) out.source = requiredString(a.source, 'source');
  if (a.encoding !== undefined && a.encoding !== null && a.encoding !== '') out.encoding = requiredString(a.encoding, 'encoding');
  if (a.mapping !== undefined && a.mapping !== null) {
    if (typeof a.mapping !== 'object' || Object.values(a.mapping).some((v) => typeof v !== 'string')) {
      throw new ApiError('bad_request', 'mapping must map field names to column names');
    }
    out.mapping = a.mapping as ColumnMapping;
  }
  return out;
}

function uploads(v: unknown) {
  if (!Array.isArray(v)) throw new ApiError('bad_request', 'files must be a list');
  for (const f of v) {
    if (typeof f?.name !== 'string' || typeof f?.base64 !== 'string') {
      throw new ApiError('bad_request', 'each file needs a name and base64 content');
    }
  }
  return v as Array<{ name: string; base64: string; lastModified?: number; inFolder?: boolean }>;
}

function stringList(v: unknown, name: string): string[] {
  if (!Array.isArray(v) || v.some((p) => typeof p !== 'string')) throw new ApiError('bad_request', `${name} must be a list of file or folder paths`);
  return v as string[];
}
