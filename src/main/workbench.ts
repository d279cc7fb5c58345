import { ApiError, type Api, type ApiArgs } from '../shared/api';
import type { ArticleDetail } from '../shared/types';
import { ArticleStore, openArchiveDb, schemaVersion, type Db } from './archive';
import { Importer } from './ingest';
import { decodeBytes } from './ingest';
import { SearchIndex } from './search';

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
}

/** The Workbench: the whole contract over one archive, whichever door calls it. */
export interface Workbench {
  api: Api;
  close(): void;
}

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
  const store = new ArticleStore(db);
  const index = SearchIndex.open(`${options.dbPath}.search-index`, store.generation(), () => store.iterate());
  const importer = new Importer({
    store,
    onArticle: (a) => index.add(a),
    onBatchDone: () => index.save(store.generation()),
  });

  const api: Api = {
    'archive.info': async () => ({
      path: options.dbPath,
      schemaVersion: schemaVersion(db),
      articles: store.count(),
      indexedArticles: index.documentCount,
      indexStatus: index.status,
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
      if (args.includeOriginal) {
        const orig = store.originalBytes(id)!;
        detail.original = decodeBytes(orig.bytes).text;
      }
      return detail;
    },

    'import.paths': async (args: ApiArgs<'import.paths'>) => {
      if (!Array.isArray(args?.paths) || args.paths.some((p) => typeof p !== 'string')) {
        throw new ApiError('bad_request', 'paths must be a list of file or folder paths');
      }
      return importer.importPaths(args.paths, { source: optionalString(args.source, 'source') });
    },

    'import.uploads': async (args) => {
      if (!Array.isArray(args?.files)) throw new ApiError('bad_request', 'files must be a list');
      for (const f of args.files) {
        if (typeof f?.name !== 'string' || typeof f?.base64 !== 'string') {
          throw new ApiError('bad_request', 'each file needs a name and base64 content');
        }
      }
      return importer.importUploads(args.files, { source: optionalString(args.source, 'source') });
    },

    'search.query': async (args) => {
      if (typeof args?.query !== 'string') throw new ApiError('bad_request', 'query must be text');
      const offset = optionalInt(args.offset, 'offset', 0);
      const limit = optionalInt(args.limit, 'limit', 20);
      return index.search(args.query, store, offset, limit);
    },

    'dialog.pickFiles': async () => {
      if (!options.host?.pickFiles) {
        throw new ApiError('unavailable', 'the native file dialog exists only in the desktop app');
      }
      return { paths: await options.host.pickFiles() };
    },
  };

  return {
    api,
    close: () => db.close(),
  };
}

function requiredInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ApiError('bad_request', `${name} must be a whole number`);
  return v;
}

function optionalInt(v: unknown, name: string, fallback: number): number {
  return v === undefined || v === null ? fallback : requiredInt(v, name);
}

function optionalString(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ApiError('bad_request', `${name} must be text`);
  return v;
}
