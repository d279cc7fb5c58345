/**
 * One row of an export (a CSV record, a JSON object) made into an article through a column
 * mapping, and the bookkeeping shared by all export readers: warnings for skipped rows, and
 * the errors for files with no usable row.
 */
import type { ColumnMapping, ExportField } from '../../../shared/types';
import { ImportError } from '../errors';
import type { ParsedArticle } from '../parsed';
import { authorsOf, isoDateOf, languageOf, lineOf, listOf, paragraphsOf, rawDateOf, textOf } from './values';

/** Skipped-row warnings kept per file; the rest are counted. */
const MAX_SKIP_WARNINGS = 20;

/** Reads a column's value in the current row. */
export type CellReader = (column: string) => unknown;

/**
 * The article in one row, or null when the row has neither title nor body (nor summary).
 * `fallbackKey` (the row number, or the key of a JSON map) is the item key when there is no
 * id column.
 */
export function rowToArticle(get: CellReader, mapping: ColumnMapping, fallbackKey: string): ParsedArticle | null {
  const value = (f: ExportField): unknown => {
    const col = mapping[f];
    return col ? get(col) : undefined;
  };
  const title = lineOf(value('title')) || null;
  let paragraphs = paragraphsOf(value('body'));
  let summaryOnly = false;
  if (paragraphs.length === 0) {
    paragraphs = paragraphsOf(value('summary'));
    summaryOnly = paragraphs.length > 0;
  }
  if (!title && paragraphs.length === 0) return null;

  const article: ParsedArticle = { title, paragraphs, itemKey: lineOf(value('id')) || fallbackKey };
  if (summaryOnly) article.summaryOnly = true;
  const authors = authorsOf(value('author'));
  if (authors.length) article.authors = authors;
  const date = rawDateOf(value('date'));
  if (date) article.publishedRaw = date;
  const modified = value('modified');
  if (textOf(modified)) {
    const iso = isoDateOf(modified);
    if (iso) article.modifiedAt = iso;
    else (article.warnings ??= []).push(`modification date not understood: "${textOf(modified).slice(0, 60)}"`);
  }
  const url = lineOf(value('url'));
  if (url) article.url = url;
  for (const f of ['source', 'agency', 'dateline'] as const) {
    const s = lineOf(value(f));
    if (s) article[f] = s;
  }
  const language = value('language');
  if (textOf(language)) article.language = languageOf(language);
  const keywords = listOf(value('keywords'));
  if (keywords.length) article.facets = { [facetName(mapping.keywords!)]: keywords };
  return article;
}

/** A facet is named after its column's last part: `Tags` → `tags`, `meta.categories` → `categories`. */
function facetName(column: string): string {
  const last = column.split('.').filter(Boolean).pop() ?? column;
  return last.trim().toLowerCase().replace(/\s+/g, '_') || 'keywords';
}

/**
 * Collects an export's articles and the warnings that belong to the file rather than to one
 * article (notes on how it was read, then skipped rows and unreadable lines). The reader
 * contract is a list of articles, so file warnings travel on the first article, where the
 * import log shows them.
 */
export class ArticleCollector {
  readonly articles: ParsedArticle[] = [];
  private readonly notes: string[] = [];
  private readonly skips: string[] = [];
  private skipped = 0;
  private firstSkip: string | null = null;

  constructor(private readonly fileName: string) {}

  add(article: ParsedArticle): void {
    this.articles.push(article);
  }

  /** A row that is not imported, with where it is and why. */
  skip(where: string, why: string): void {
    this.skipped++;
    this.firstSkip ??= `${where}: ${why}`;
    if (this.skipped <= MAX_SKIP_WARNINGS) this.skips.push(`${where} skipped: ${why}`);
  }

  /** A warning about the file as a whole. */
  note(warning: string): void {
    this.notes.push(warning);
  }

  /**
   * The articles, file warnings on the first. Throws ImportError when there is none, with the
   * first reason a row was skipped.
   */
  finish(columns: string[]): ParsedArticle[] {
    if (this.articles.length === 0) {
      const why = this.firstSkip ? ` (${this.firstSkip})` : '';
      throw new ImportError(
        this.skipped > 0
          ? `no row of ${this.fileName} has a title or a body${why}; the columns are: ${columns.slice(0, 40).join(', ')}`
          : `${this.fileName} holds no rows`,
      );
    }
    if (this.skipped > MAX_SKIP_WARNINGS) this.skips.push(`… and ${this.skipped - MAX_SKIP_WARNINGS} more rows skipped`);
    const fileWarnings = [...this.notes, ...this.skips];
    if (fileWarnings.length) {
      const first = this.articles[0]!;
      first.warnings = [...fileWarnings, ...(first.warnings ?? [])];
    }
    return this.articles;
  }
}

/** The note for fields the guess was unsure of, so a person can check them. */
export function unsureNote(mapping: ColumnMapping, unsure: ExportField[]): string | null {
  if (unsure.length === 0) return null;
  const parts = unsure.map((f) => (mapping[f] ? `${f} = "${mapping[f]}"?` : `no ${f} column`));
  return `column guess to check: ${parts.join('; ')}`;
}
