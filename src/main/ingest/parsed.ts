import type { DatePrecision } from '../../shared/types';

/**
 * What a format reader (plain text, HTML, feed, export, Reuters SGML) makes of one article in
 * a file. The import pipeline turns it into a stored article: it resolves dates, detects the
 * language when none is declared, hashes the text and finds duplicates.
 */
export interface ParsedArticle {
  /** The headline as published; null when the item has none (the pipeline then uses the first sentence). */
  title: string | null;
  /** Body paragraphs in order, trimmed, none empty. May be empty for an item that has only a title. */
  paragraphs: string[];
  /** True when the body is only the feed's summary/description, not the full text. */
  summaryOnly?: boolean;
  authors?: string[];
  /** Outlet or publisher ("The Guardian"). */
  source?: string | null;
  /** Wire agency ("Reuters", "Interfax"). */
  agency?: string | null;
  /** Place in the dateline ("Washington"). */
  dateline?: string | null;
  /** A publication date already resolved by the reader (ISO date or date-time, with precision). */
  published?: { value: string; precision: DatePrecision; note: string } | null;
  /** The publication date as the source wrote it, for the pipeline to parse ("Tue, 3 Jan 2006 19:57:00 +0300"). */
  publishedRaw?: string | null;
  /** Last modification, ISO date-time, when the source gives it. */
  modifiedAt?: string | null;
  /** Canonical URL of the article. */
  url?: string | null;
  /** Language declared by the source (BCP-47 primary subtag, lower case), if any. */
  language?: string | null;
  imageCaption?: string | null;
  imageCredit?: string | null;
  /** Named facet values (Reuters TOPICS/PLACES/ORGS/PEOPLE, feed categories, keywords). */
  facets?: Record<string, string[]>;
  /** What identifies the item inside its file (feed guid, Reuters NEWID, row number). */
  itemKey?: string | null;
  /** Lines near the title that were not body, for date finding (plain text and HTML). */
  headerLines?: string[];
  /** Non-fatal problems worth showing ("row 17: no body column"). */
  warnings?: string[];
}

/** The text of one file handed to a reader, already decoded. */
export interface ReaderInput {
  /** The decoded text (line ends as in the file). */
  text: string;
  /** The file's name or path, for messages and for formats that key on it. */
  fileName: string;
}
