/**
 * The API contract: one map from method name to argument and result types.
 *
 * Every door (Electron IPC, browser-mode HTTP, CLI) serves exactly these methods, generically:
 * adding a capability means one entry here, its implementation in the Workbench, its UI and
 * its tests; never a change in a transport. Pure TypeScript: no Node, no DOM, no Electron.
 */
import type {
  Article,
  ArticleDetail,
  ArchiveInfo,
  ExportPreview,
  ImportJob,
  ImportLogEntry,
  ImportOptions,
  ImportReport,
  SavedSearch,
  SearchHistoryEntry,
  SearchRequest,
  SearchResult,
  SearchSort,
  SearchSummary,
  UploadedFile,
  Person,
  Statement,
  StatementKind,
  StatementQuery,
} from './types';

export interface ApiMethods {
  /** Where the archive is and what it holds. */
  'archive.info': { args: Record<string, never>; result: ArchiveInfo };
  /** Articles, newest import first. */
  'articles.list': { args: { offset?: number; limit?: number }; result: { total: number; articles: Article[] } };
  /**
   * One article with its provenance; `includeOriginal` adds the original page text, `query`
   * adds where that search query matches in the title and body (`matches`).
   */
  'articles.get': { args: { id: number; includeOriginal?: boolean; query?: string }; result: ArticleDetail };
  /** Import files, folders and archives from the machine the workbench runs on; resolves when done. */
  'import.paths': { args: { paths: string[] } & ImportOptions; result: ImportReport };
  /** Import files sent as bytes (browser mode file picker, drag-and-drop); resolves when done. */
  'import.uploads': { args: { files: UploadedFile[] } & ImportOptions; result: ImportReport };
  /** Start an import job and return at once; follow it with `import.progress`. */
  'import.start': { args: ({ paths: string[] } | { files: UploadedFile[] }) & ImportOptions; result: ImportJob };
  /** A job's progress: files and articles done, rate, time left, outcomes so far. */
  'import.progress': { args: { jobId: number }; result: ImportJob };
  /** Stop a job after the file it is reading (that file still completes or fails whole). */
  'import.cancel': { args: { jobId: number }; result: ImportJob };
  /** The import log, newest first: per file, outcome, articles, encoding, warnings, error. */
  'import.log': { args: { batchId?: number; limit?: number }; result: { entries: ImportLogEntry[] } };
  /** An export file's columns and the guessed column mapping (null for other formats). */
  'import.preview': { args: { file: UploadedFile }; result: { preview: ExportPreview | null } };
  /** Read an article's original file again with another encoding; the new version replaces the old. */
  'articles.reimport': { args: { id: number; encoding: string }; result: ImportReport };
  /** Search with the query language (docs/query-language.md): hits, counts, facets, notices. */
  'search.query': { args: SearchRequest; result: SearchResult };
  /**
   * The story count and facets of a query: what `search.query` with `deferSummary` left out
   * (the UI asks for the page first, then this).
   */
  'search.summary': { args: { query: string; foldCopies?: boolean }; result: SearchSummary };
  /** Saved searches (with new matches since last opened) and the recent-searches history. */
  'searches.list': { args: Record<string, never>; result: { saved: SavedSearch[]; history: SearchHistoryEntry[] } };
  /** Save a query under a name (a name already used is replaced). */
  'searches.save': { args: { name: string; query: string; sort?: SearchSort }; result: SavedSearch };
  /** Mark a saved search opened now: its new-matches count starts again from zero. */
  'searches.open': { args: { id: number }; result: SavedSearch };
  /** Delete a saved search. */
  'searches.delete': { args: { id: number }; result: { deleted: boolean } };
  /** Statements by speaker, words in the quote, article date, tag and status; newest first. */
  'statements.query': { args: StatementQuery; result: { total: number; statements: Statement[]; notice?: string } };
  /** An article's statements (rejected ones included), in text order: for highlighting in the reader. */
  'statements.forArticle': { args: { articleId: number }; result: { statements: Statement[] } };
  /** An analyst confirms an extracted statement (re-extraction keeps it). */
  'statements.verify': { args: { id: number }; result: Statement };
  /** An analyst rejects an extracted statement (kept as rejected: re-extraction does not bring it back). */
  'statements.reject': { args: { id: number }; result: Statement };
  /** An analyst changes the speaker: a person by id, or by name (a new person when nobody has it). */
  'statements.setSpeaker': { args: { id: number } & ({ personId: number } | { name: string }); result: Statement };
  /** An analyst marks a new statement from a selection [start, end) of the article body. */
  'statements.create': {
    args: { articleId: number; start: number; end: number; kind?: StatementKind } & ({ personId?: number } | { name?: string });
    result: Statement;
  };
  /** Runs extraction again over some articles (all by default), keeping analysts' work; counts. */
  'statements.extract': { args: { articleIds?: number[] }; result: { articles: number; statements: number } };
  /** Autocomplete over canonical names and aliases (Cyrillic too), each with the current or last role. */
  'people.search': { args: { prefix: string; limit?: number }; result: { people: Person[] } };
  /** One person: aliases, roles, merges, statement count. */
  'people.get': { args: { id: number }; result: Person };
  /** Merges person `merge` into `keep`: statements, names and roles follow; undo with people.split. */
  'people.merge': { args: { keep: number; merge: number }; result: Person };
  /** Undoes a merge: the person stands for itself again. */
  'people.split': { args: { id: number }; result: Person };
  /** Adds another name of a person. */
  'people.addAlias': { args: { id: number; alias: string }; result: Person };
  /** Adds an office a person holds or held. */
  'people.addRole': {
    args: { id: number; title: string; org?: string; country?: string; from?: string; to?: string; descriptors?: string[] };
    result: Person;
  };
  /** Ask the desktop shell for files to import (native dialog). Only the Electron door can. */
  'dialog.pickFiles': { args: Record<string, never>; result: { paths: string[] } };
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

/** The runtime list of methods: doors accept these names and nothing else. */
export const API_METHODS = [
  'archive.info',
  'articles.list',
  'articles.get',
  'import.paths',
  'import.uploads',
  'import.start',
  'import.progress',
  'import.cancel',
  'import.log',
  'import.preview',
  'articles.reimport',
  'search.query',
  'search.summary',
  'searches.list',
  'searches.save',
  'searches.open',
  'searches.delete',
  'statements.query',
  'statements.forArticle',
  'statements.verify',
  'statements.reject',
  'statements.setSpeaker',
  'statements.create',
  'statements.extract',
  'people.search',
  'people.get',
  'people.merge',
  'people.split',
  'people.addAlias',
  'people.addRole',
  'dialog.pickFiles',
] as const satisfies readonly ApiMethod[];

// Compile-time check that API_METHODS lists every method of the contract.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const _everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void _everyMethodListed;

/** True when `name` is a method of the contract. */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** An implementation of the whole contract: what the Workbench is and what every client offers. */
export type Api = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** Error codes a caller can act on. */
export type ApiErrorCode = 'bad_request' | 'not_found' | 'unavailable' | 'internal';

/** An error that crosses the doors intact: code plus a message meant for people. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The envelope every door uses on the wire. */
export type ApiEnvelope<T> = { ok: true; result: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

/** The channel name the Electron door uses for one contract method. */
export const ipcChannel = (method: ApiMethod): string => `wirewatch:${method}`;
