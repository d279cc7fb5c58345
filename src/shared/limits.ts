/** Size limits every door and the importer agree on. */

/** Largest file of any format (feeds, exports, archives hold many articles). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Largest file read as one article (plain text, HTML): a page is rarely over a megabyte. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** "12.3 MB", as limits and sizes are written in messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The message for a file over the limit, the same from the UI and the importer. */
export function tooLargeMessage(bytes: number): string {
  return `the file is too large (${formatMegabytes(bytes)}; the limit is ${formatMegabytes(MAX_FILE_BYTES)})`;
}

/** The message for a single-article file (page text, HTML) over its limit. */
export function tooLargeForArticleMessage(bytes: number): string {
  return `the file is too large to be one article (${formatMegabytes(bytes)}; the limit is ${formatMegabytes(MAX_ARTICLE_BYTES)})`;
}
