import path from 'node:path';
import { MAX_ARTICLE_BYTES, MAX_FILE_BYTES, tooLargeForArticleMessage, tooLargeMessage } from '../../shared/limits';
import type { ColumnMapping } from '../../shared/types';
import { decodeBytes, decodeWith } from './decode';
import { ImportError } from './errors';
import { readDelimitedExport, readJsonExport, readNdjsonExport } from './exports';
import { looksLikeFeed, readFeed } from './feeds';
import { readHtmlArticle } from './html';
import type { ParsedArticle } from './parsed';
import { readPlainTextPage } from './plaintext-reader';
import { looksLikeReutersSgml, readReutersSgml } from './reuters';
import { binaryKind } from './sniff';

import { EXTENSIONS, isZip, type Format } from './format-names';

export { EXTENSIONS, isZip, type Format };
export { MAX_ARTICLE_BYTES, MAX_FILE_BYTES };

/** One file's articles, as read. */
export interface ReadFile {
  format: Format;
  encoding: string;
  encodingReason: string;
  /** The decoded text, for date inference on single-article pages. */
  text: string;
  articles: ParsedArticle[];
  warnings: string[];
}

export interface ReadOptions {
  /** Decode with this encoding instead of detecting one. */
  encoding?: string;
  /** Column mapping for exports. */
  mapping?: ColumnMapping;
}

/**
 * Reads a file's articles: decodes its bytes, tells its format by its ending (then by its
 * content when the ending says nothing) and hands it to that format's reader. Throws
 * ImportError with a reason a person can act on.
 *
 * @example
 *   readFileArticles(fs.readFileSync('reut2-000.sgm'), 'reut2-000.sgm').articles.length // 1000
 */
export function readFileArticles(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ReadFile {
  if (bytes.byteLength === 0) throw new ImportError('the file is empty');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImportError(tooLargeMessage(bytes.byteLength));
  const binary = binaryKind(bytes);
  if (binary) throw new ImportError(`not a text file: it is a ${binary}`);

  const decoded = options.encoding ? decodeWith(bytes, options.encoding) : decodeBytes(bytes);
  const text = decoded.text;
  if (!text.trim()) throw new ImportError('the file holds only white space');
  const byName = EXTENSIONS[path.extname(fileName).toLowerCase()];
  const format = byName && byName !== 'zip' ? refine(byName, text) : sniff(text);
  if ((format === 'text' || format === 'html') && bytes.byteLength > MAX_ARTICLE_BYTES) {
    throw new ImportError(tooLargeForArticleMessage(bytes.byteLength));
  }
  const input = { text, fileName };
  const warnings = [...decoded.warnings];
  let articles: ParsedArticle[];
  switch (format) {
    case 'text':
      articles = [readPlainTextPage(input)];
      break;
    case 'html':
      articles = [readHtmlArticle(input)];
      break;
    case 'feed':
      articles = readFeed(input);
      break;
    case 'reuters':
      articles = readReutersSgml(input);
      break;
    case 'json':
      articles = readJsonExport(input, options.mapping);
      break;
    case 'ndjson':
      articles = readNdjsonExport(input, options.mapping);
      break;
    case 'csv':
      articles = readDelimitedExport(input, ',', options.mapping);
      break;
    case 'tsv':
      articles = readDelimitedExport(input, '\t', options.mapping);
      break;
  }
  return { format, encoding: decoded.encoding, encodingReason: decoded.reason, text, articles, warnings };
}

/** An ending can mislead: an .xml file may be an HTML page, a .txt file a saved HTML page. */
function refine(byName: Format, text: string): Format {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (byName === 'feed' && !looksLikeFeed(text) && /^(<!doctype html|<html)/.test(head)) return 'html';
  if (byName === 'text' && /^(<!doctype html|<html)/.test(head)) return 'html';
  if (byName === 'text' && looksLikeFeed(text) && head.startsWith('<')) return 'feed';
  return byName;
}

/** The format of a file whose ending says nothing, from its first characters. */
function sniff(text: string): Format {
  const head = text.slice(0, 4096).trimStart();
  const lower = head.toLowerCase();
  if (looksLikeReutersSgml(head)) return 'reuters';
  if (lower.startsWith('<')) {
    if (looksLikeFeed(text)) return 'feed';
    if (/^(<!doctype html|<html|<head|<body|<!--)/.test(lower) || /<(p|div|article)[\s>]/.test(lower)) return 'html';
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0]!.trim();
    return firstLine.endsWith('}') && head.includes('\n{') ? 'ndjson' : 'json';
  }
  return 'text';
}
