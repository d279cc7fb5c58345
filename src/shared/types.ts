/**
 * Domain types shared by every layer (main, preload, renderer, CLI).
 * Pure TypeScript: no Node, no DOM, no Electron.
 */

/** How exact a date is. */
export type DatePrecision = 'day' | 'month' | 'year';

/** An article as the archive holds it, and as `show --json` prints it. */
export interface Article {
  id: number;
  title: string;
  /** Paragraphs joined by one blank line. Frozen once imported: offsets refer to it. */
  body: string;
  /** Outlet or site the article was taken from, when known. */
  source: string | null;
  /** Wire agency named in the dateline ("Interfax", "Reuters"), when known. */
  agency: string | null;
  /** Place named in the dateline ("Washington"). */
  dateline: string | null;
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" (by precision) or an ISO date-time; null when unknown. */
  publishedAt: string | null;
  datePrecision: DatePrecision | null;
  /** True when any part of the date (usually the year) was inferred rather than stated. */
  dateInferred: boolean;
  /** How the date was found or inferred, in words. */
  dateNote: string | null;
  imageCredit: string | null;
  url: string | null;
  /** BCP-47 primary language subtag ("en", "ru"), when known. */
  language: string | null;
  /** SHA-256 of the original bytes, hex. */
  contentHash: string;
  /** The file the article came from, as given at import (absolute path). */
  file: string;
  /** ISO date-time of the import. */
  importedAt: string;
}

/** Provenance of an article: how its original bytes were read. */
export interface ArticleOrigin {
  articleId: number;
  batchId: number;
  file: string;
  size: number;
  encoding: string;
  /** How the encoding was chosen ("BOM", "valid UTF-8", "detected: Cyrillic letter statistics"...). */
  encodingReason: string;
  /** The file's modification time, ISO, when known. */
  fileModifiedAt: string | null;
  /** The page's date evidence, for the reader ("said on Monday", bounds). */
  dateEvidence: DateEvidence | null;
}

/** Why a date is what it is. */
export interface DateEvidence {
  /** The text the date was read from ("January 10th"). */
  stated: string | null;
  /** The text that fixed the weekday, when one did ("said on Monday"). */
  weekdayCue: string | null;
  /** Lower and upper bounds used when inferring, ISO dates, with where they came from. */
  notBefore: string | null;
  notBeforeReason: string | null;
  notAfter: string | null;
  notAfterReason: string | null;
  /** Other years that would also have fitted, for the analyst's judgement. */
  alternatives: string[];
}

/** An article with its provenance, for the reader. */
export interface ArticleDetail extends Article {
  origin: ArticleOrigin;
  /** The original page text, only when asked for (`includeOriginal`). */
  original?: string;
}

/** A search hit. */
export interface SearchHit {
  id: number;
  title: string;
  source: string | null;
  publishedAt: string | null;
  score: number;
  /** Plain-text excerpt around the best match. */
  snippet: string;
  /** Matched words in `snippet`, as [start, end) character offsets, in order. */
  highlights: Array<[number, number]>;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** Per-file outcome of an import. */
export type ImportOutcome =
  | { file: string; status: 'imported'; articleId: number; title: string; warnings: string[] }
  | { file: string; status: 'duplicate'; articleId: number; title: string; warnings: string[] }
  | { file: string; status: 'error'; error: string }
  /** Not a format this version reads (only reported for files found inside folders). */
  | { file: string; status: 'skipped'; reason: string };

export interface ImportReport {
  batchId: number | null;
  outcomes: ImportOutcome[];
  imported: number;
  duplicates: number;
  errors: number;
  skipped: number;
}

/** A file handed over the wire by the UI (browser mode or drag-and-drop): name and bytes. */
export interface UploadedFile {
  name: string;
  /** Base64 of the file's bytes. */
  base64: string;
  /** Last-modified time from the browser, ms since epoch, when known. */
  lastModified?: number;
  /** True when the file was found inside a chosen or dropped folder: unsupported formats are then skipped, not failed. */
  inFolder?: boolean;
}

/** Progress of a long job. */
export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export interface ArchiveInfo {
  path: string;
  schemaVersion: number;
  articles: number;
  /** Articles in the search index: equal to `articles` unless something is wrong. */
  indexedArticles: number;
  /** How the search index was obtained at open: loaded, or built/rebuilt and why. */
  indexStatus: string;
}
