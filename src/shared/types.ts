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
  /** The format the article was read from: text, html, feed, json, ndjson, csv, tsv, reuters. */
  format: string;
  authors: string[];
  /** Last modification by the publisher, ISO, when the source gives it. */
  modifiedAt: string | null;
  /** True when the body is only a feed's summary, not the full text. */
  summaryOnly: boolean;
  imageCaption: string | null;
  /** The first copy of this story; equal to `id` for the first copy itself. */
  storyId: number;
  /** How many stored articles are copies of this story (1 when it has no other copy). */
  copies: number;
  /** What identifies the article inside its file (feed guid, Reuters NEWID, row number). */
  itemKey: string | null;
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
  /** Named facet values (Reuters topics and places, feed categories, keywords). */
  facets: Record<string, string[]>;
  /** The other copies of the same story (ids and titles), oldest first. */
  otherCopies: Array<{ id: number; title: string; source: string | null }>;
  /** The older version this article replaces (re-imported with another encoding), if any. */
  supersedes: number | null;
  /** The newer version that replaces this one, if any. */
  supersededBy: number | null;
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
  /** Where the query given to `articles.get` matches, when one was given. */
  matches?: ArticleMatches;
}

/** How search results can be ordered. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** A search request: the query (see docs/query-language.md) and how to present the answer. */
export interface SearchRequest {
  query: string;
  offset?: number;
  /** Hits per page (default 20); -1 for every hit. */
  limit?: number;
  /** Default 'relevance'. */
  sort?: SearchSort;
  /** With relevance order: lift recent articles (a newer article outranks an older one of similar relevance). */
  boostRecent?: boolean;
  /** Default true: copies of a story are folded under its best-matching article. */
  foldCopies?: boolean;
  /** Default true: counts by source, language, year, month, tag and speaker for the whole query. */
  facets?: boolean;
  /** Add the query to the recent-searches history (the UI and the CLI do). */
  record?: boolean;
  /** Only articles with a larger id (used to count new matches of a saved search). */
  afterArticleId?: number;
  /** Default true; false leaves snippets and highlights empty (faster when only the hits are needed). */
  snippets?: boolean;
  /**
   * Answer the page first: where counting stories and facets would mean reading every hit
   * (a ranked search of common words), leave them out, count articles in `total`, and set
   * `summaryPending`; `search.summary` gives them. The UI shows hits sooner this way.
   */
  deferSummary?: boolean;
}

/** A search hit. */
export interface SearchHit {
  id: number;
  title: string;
  source: string | null;
  publishedAt: string | null;
  language: string | null;
  score: number;
  /** Plain-text excerpt around the best match. */
  snippet: string;
  /** Matched words in `snippet`, as [start, end) character offsets, in order. */
  highlights: Array<[number, number]>;
  /** Matched words in `title`, as [start, end) offsets. */
  titleHighlights: Array<[number, number]>;
  storyId: number;
  /** Other matching articles of the same story folded under this hit (0 when none). */
  foldedCopies: number;
}

/** One value of a facet and how many matching articles have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Counts for the current query, each list largest first (months and years newest first). */
export interface SearchFacets {
  source: FacetCount[];
  language: FacetCount[];
  year: FacetCount[];
  month: FacetCount[];
  tag: FacetCount[];
  /** Articles by speaker (canonical names of people quoted in them). */
  speaker: FacetCount[];
  /** Statements by speaker: how many statements each person makes in the matching articles. */
  speakers: FacetCount[];
}

export interface SearchResult {
  /** Hits: stories when copies are folded, else articles. */
  total: number;
  /** Matching articles, copies included. */
  articles: number;
  hits: SearchHit[];
  facets: SearchFacets | null;
  /** True when the search deferred its summary (`deferSummary`): facets are null until `search.summary`. */
  summaryPending?: boolean;
  /** True when, deferred with copies folded, `total` counts articles until `search.summary` gives the story count. */
  storiesPending?: boolean;
  /** Things the analyst should know about how the query was read ("ignored common words: the"). */
  notices: string[];
  /** Milliseconds spent answering inside the workbench. */
  tookMs: number;
}

/** The story count and facets of a query (what `deferSummary` left out). */
export interface SearchSummary {
  /** Stories when copies are folded, else articles. */
  total: number;
  articles: number;
  facets: SearchFacets;
  tookMs: number;
}

/** Where a query matched in one article, for the reader's next/previous navigation. */
export interface ArticleMatches {
  title: Array<[number, number]>;
  body: Array<[number, number]>;
}

/** A query saved under a name. */
export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  sort: SearchSort;
  createdAt: string;
  /** When it was last opened (ISO), null if never. */
  lastOpenedAt: string | null;
  /** Articles matching it that were imported since it was last opened (or saved). */
  newMatches: number;
}

/** A query from the recent-searches history. */
export interface SearchHistoryEntry {
  query: string;
  at: string;
  /** Hits it had then. */
  total: number;
}

/** Per-file outcome of an import. */
export type ImportOutcome =
  | {
      file: string;
      status: 'imported';
      /** The first new article of the file, and its title. */
      articleId: number;
      title: string;
      /** New articles stored from the file. */
      articles: number;
      /** Articles of the file already in the archive (a re-import), not stored again. */
      duplicates: number;
      /** New articles that are copies of a story already in the archive (stored and linked). */
      copies: number;
      format: string;
      encoding: string;
      warnings: string[];
    }
  /** Every article of the file was already in the archive. */
  | { file: string; status: 'duplicate'; articleId: number; title: string; duplicates: number; format: string; encoding: string; warnings: string[] }
  | { file: string; status: 'error'; error: string }
  /** Not a format this version reads (only reported for files found inside folders). */
  | { file: string; status: 'skipped'; reason: string }
  /** The import was stopped before this file. */
  | { file: string; status: 'cancelled' };

export interface ImportReport {
  batchId: number | null;
  outcomes: ImportOutcome[];
  /** Files by outcome. */
  imported: number;
  duplicates: number;
  errors: number;
  skipped: number;
  cancelled: number;
  /** New articles stored, over all files. */
  articles: number;
  /** Of those, copies of a story already in the archive (near or exact duplicates from elsewhere). */
  copies: number;
}

/** How export columns map to article fields ("body" → "Text"). */
export type ColumnMapping = Partial<Record<ExportField, string>>;
export type ExportField =
  | 'title' | 'body' | 'summary' | 'date' | 'url' | 'source' | 'author' | 'language'
  | 'agency' | 'dateline' | 'modified' | 'keywords' | 'id';

/** An export file's columns and the guessed mapping, for a person to confirm before importing. */
export interface ExportPreview {
  format: 'csv' | 'tsv' | 'json' | 'ndjson';
  columns: string[];
  mapping: ColumnMapping;
  /** Fields the guess is unsure of: no column, or several that could fill it. */
  unsure: ExportField[];
  /** True when a person should be asked: the title or body is in doubt and a column is left that could fill it. */
  ask: boolean;
  /** The first rows, values shortened. */
  sample: Array<Record<string, string>>;
}

/** Options of one import, from the CLI or the UI. */
export interface ImportOptions {
  /** The outlet the files came from, when the files do not say. */
  source?: string;
  /** Read text with this encoding instead of detecting it. */
  encoding?: string;
  /** Column mapping for JSON/CSV/TSV exports; the guess fills the rest. */
  mapping?: ColumnMapping;
}

/** A running or finished import job. */
export interface ImportJob {
  jobId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  filesTotal: number;
  filesDone: number;
  articlesDone: number;
  /** The file being read now. */
  current: string | null;
  /** Articles per second so far. */
  rate: number;
  /** Estimated seconds left, from the files left at the rate so far; null until known. */
  secondsLeft: number | null;
  /** Outcomes so far (the whole report once finished). */
  report: ImportReport;
  error: string | null;
}

/** One line of the import log. */
export interface ImportLogEntry {
  batchId: number;
  at: string;
  file: string;
  status: 'imported' | 'duplicate' | 'error' | 'skipped' | 'cancelled';
  articleId: number | null;
  articles: number;
  duplicates: number;
  copies: number;
  format: string | null;
  encoding: string | null;
  encodingReason: string | null;
  error: string | null;
  warnings: string[];
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


export interface ArchiveInfo {
  path: string;
  schemaVersion: number;
  articles: number;
  /** Distinct stories: copies of one story count once. */
  stories: number;
  /** Articles in the search index: equal to `articles` unless something is wrong. */
  indexedArticles: number;
  /**
   * The search index: 'ready'; 'building' while it is (re)built in the background (searches
   * answer meanwhile); 'merging' while segments written by an import are merged (searches
   * are complete, a little slower).
   */
  indexStatus: string;
}

// ---- Statements and people (issue 5). Contract agreed with the lead: the UI is written against it. ----

/** Direct (quoted), indirect (reported speech), or mixed (reported speech with a quoted part). */
export type StatementKind = 'direct' | 'indirect' | 'mixed';
/** auto: as extracted; verified/rejected: checked by an analyst; manual: marked by an analyst. */
export type StatementStatus = 'auto' | 'verified' | 'rejected' | 'manual';
export const STATEMENT_STATUSES = ['auto', 'verified', 'rejected', 'manual'] as const satisfies readonly StatementStatus[];

/** A span of an article's stored body: [start, end) in UTF-16 code units, and its text. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** A statement as lists and the reader show it. */
export interface Statement {
  id: number;
  articleId: number;
  articleTitle: string;
  /** The outlet. */
  source: string | null;
  /** The article's date (ISO, as precise as known), null when undated. */
  date: string | null;
  kind: StatementKind;
  quote: TextSpan;
  cue: TextSpan | null;
  /** The speaker as the article writes them ("he", "the spokesman", "Borrel"). */
  mention: TextSpan | null;
  /** The person it is attributed to, with the role they held on the article's date. */
  speaker: { personId: number; name: string; role: string | null } | null;
  status: StatementStatus;
  /** True when an analyst chose the speaker. */
  speakerByAnalyst: boolean;
}

/** Filters of `statements.query`. */
export interface StatementQuery {
  /** A name, an alias (any script) or a person id as text. */
  speaker?: string;
  personId?: number;
  /** Words that must all appear in the quote (case and accents ignored). */
  query?: string;
  /** Article dates, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Articles with this tag. */
  tag?: string;
  status?: StatementStatus;
  offset?: number;
  limit?: number;
}

/** A role a person held. Dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `to` null = still held. */
export interface PersonRole {
  title: string;
  org: string | null;
  country: string | null;
  from: string | null;
  to: string | null;
  /** Role phrases as news writes them ("eu foreign policy chief"): resolve "the ..." on a date to the holder. */
  descriptors?: string[];
  /** registry: from the shipped registry (rewritten when it is refreshed); analyst: added by hand (kept). */
  origin?: 'registry' | 'found' | 'analyst';
}

/** A person statements can be attributed to. */
export interface Person {
  id: number;
  name: string;
  aliases: string[];
  /** The latest role, as "title, org". */
  role: string | null;
  roles: PersonRole[];
  /** registry: shipped in resources/officials.json; found: met in an article; analyst: added by hand. */
  origin: 'registry' | 'found' | 'analyst';
  statements: number;
  /** People merged into this one (a merge can be split again). */
  merged: Array<{ id: number; name: string }>;
  /** The registry's key for this person (resources/officials.json), null for others. */
  registryKey?: string | null;
  /** The person this one was merged into (undo with people.split), null when it stands for itself. */
  mergedInto?: number | null;
  /** From people.search: the alias that matched the prefix, when it was not the canonical name. */
  matched?: string | null;
}

