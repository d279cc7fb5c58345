import { ImportError } from './errors';
import type { ParsedArticle, ReaderInput } from './parsed';
import { extractArticleFromPageText } from './plaintext';

/**
 * Reads one scraped page of plain text: the article found inside the page chrome.
 *
 * @example
 *   readPlainTextPage({ text: pageText, fileName: 'page.txt' }).title
 */
export function readPlainTextPage(input: ReaderInput): ParsedArticle {
  const page = extractArticleFromPageText(input.text.replace(/\r\n?/g, '\n'));
  if (page.paragraphs.length === 0) throw new ImportError('no article text found: nothing on the page reads as article prose');
  return {
    title: page.title,
    paragraphs: page.paragraphs,
    agency: page.agency,
    dateline: page.dateline,
    imageCredit: page.imageCredit,
    authors: page.byline ? [page.byline] : [],
    headerLines: page.headerLines,
  };
}
