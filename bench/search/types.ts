/**
 * Shared vocabulary of the search benchmark: datasets, engines, query kinds, the query set
 * and the figures each child process reports.
 */

export const DATASETS = ['reuters', '200k'] as const;
export type DatasetName = (typeof DATASETS)[number];

/**
 * `wirewatch` answers as the UI asks (20 hits with snippets, copies folded, then the story
 * count and facets); `wirewatch-first` is the UI's first call alone (what it shows at once);
 * `wirewatch-page` does the work the raw FTS5 baseline does (20 ranked hits and a total), on
 * the same archive, for a like-for-like ratio.
 */
export const ENGINES = ['wirewatch', 'wirewatch-first', 'wirewatch-page', 'fts5', 'fts5-porter', 'minisearch'] as const;
export type EngineName = (typeof ENGINES)[number];

export const QUERY_KINDS = ['one-word', 'two-words', 'phrase', 'prefix', 'fuzzy', 'field-date', 'boolean'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** One article as the engines index it, read from the dataset's Wirewatch archive. */
export interface ArticleRow {
  /** `articles.id` in the Wirewatch archive; every engine uses it as its document id. */
  id: number;
  title: string;
  body: string;
  /** Publication day, `YYYY-MM-DD`, or null when the archive has no date. */
  date: string | null;
  /** The full stored timestamp (`published_at`), for re-dating copies. */
  publishedAt: string | null;
  language: string | null;
  source: string | null;
}

/** A MiniSearch query tree as plain JSON (MiniSearch 7 accepts strings and combinations). */
export type MsQueryTree = string | { combineWith: 'AND' | 'OR' | 'AND_NOT'; queries: MsQueryTree[] };

/** The JSON-safe part of MiniSearch search options used here (the date filter is added from dateFrom/dateTo). */
export interface MsSearchOptions {
  combineWith?: 'AND' | 'OR';
  prefix?: boolean;
  fuzzy?: number;
  fields?: string[];
}

/** One query in the three syntaxes, with where it came from. */
export interface BenchQuery {
  kind: QueryKind;
  /** The Wirewatch query language (what a person types in the search box). */
  ours: string;
  /**
   * FTS5 MATCH expression, every word quoted. For `fuzzy` it is the misspelt word alone: FTS5
   * has no fuzzy operator, so the fts5 adapter expands it against the vocabulary.
   */
  fts5: string;
  /** MiniSearch: the query (text or tree) and its options. */
  minisearch: { query: MsQueryTree; options: MsSearchOptions };
  /** Inclusive date window `YYYY-MM-DD` (field-date only). */
  dateFrom?: string;
  dateTo?: string;
  /** The words the query was made of (lower case), and the ids of the articles they came from. */
  words: string[];
  from: number[];
  /** fuzzy: the title word before the edit. */
  original?: string;
}

/** The stored query set of one dataset: the same for every engine. */
export interface QuerySet {
  dataset: DatasetName;
  seed: number;
  perKind: number;
  generatedAt: string;
  /** 20 per kind, run before that kind's measured queries and not counted. */
  warmup: Record<QueryKind, BenchQuery[]>;
  measured: Record<QueryKind, BenchQuery[]>;
}

/** What a build child reports (written as JSON by child.ts). */
export interface BuildFigures {
  engine: EngineName;
  dataset: DatasetName;
  /** Seconds of the build proper (see each adapter for what it includes). */
  buildS: number;
  /** Seconds to write the built index to disk when that is a separate step (0 when included). */
  persistS: number;
  /** Seconds spent reading the rows from the Wirewatch archive first (not part of buildS). */
  readRowsS: number;
  /** Wirewatch: seconds to rebuild the full-text index alone from the stored articles. */
  reindexS?: number;
  documents: number;
  /** Bytes on disk of everything the engine needs to open again (its directory). */
  persistedBytes: number;
  /** Named parts of persistedBytes or other sizes worth printing. */
  sizes: Record<string, number>;
  /** process.resourceUsage().maxRSS of the build child, bytes. */
  peakRssBytes: number;
  notes: string[];
  builtAt: string;
  /** Hash of the Wirewatch sources the build ran with (src/main, src/shared). */
  sourceHash: string;
}

/** Latency and hit figures of one query kind in one engine. */
export interface KindFigures {
  kind: QueryKind;
  /** Queries run (succeeded or failed). */
  count: number;
  failures: number;
  firstError: string | null;
  /** Wall time of each measured query, ms (performance.now() around the call). */
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Mean of the total hit counts the engine reported. */
  meanHits: number;
  /** Total hit count of each query run, in query-set order (null where it failed), for comparing engines. */
  totals: Array<number | null>;
  /** Queries not run because the kind's time budget ran out. */
  skipped: number;
}

/** What a measure child reports. */
export interface MeasureFigures {
  engine: EngineName;
  dataset: DatasetName;
  /** ms from just before opening (modules already loaded) to the first query's result. */
  openToFirstMs: number;
  /** For an answer in two parts: ms from the same moment until its hits were in (the page; the summary may come later). */
  openToHitsMs?: number;
  /** RSS before opening: Node, tsx and the engine's modules. */
  baselineRssBytes: number;
  /** RSS and V8 heap used right after open + first query, after a full GC. */
  rssAfterOpenBytes: number;
  heapUsedAfterOpenBytes: number;
  /** After every query: heap used (after a full GC), and process.resourceUsage().maxRSS (the peak over open and queries). */
  heapUsedAfterQueriesBytes: number;
  peakRssBytes: number;
  kinds: KindFigures[];
  notes: string[];
}

/** The job a child process is given (as one JSON argument). */
export interface ChildJob {
  mode: 'build' | 'measure';
  engine: EngineName;
  dataset: DatasetName;
  /** The engine's own directory in the cache. */
  dir: string;
  /** The dataset's Wirewatch archive (rows for fts5 and minisearch). */
  archive: string;
  /** Files to import (wirewatch build only). */
  importPaths: string[];
  /** The query set JSON (measure only). */
  queriesFile: string;
  /** Seconds of measured queries per kind after which the rest of that kind is skipped (0: no limit). */
  budgetS: number;
  /** Where the child writes its figures. */
  out: string;
  sourceHash: string;
}
