import { createHash } from 'node:crypto';
import type { NewArticle } from '../archive';
import { extractArticleFromPageText } from './plaintext';
import { resolvePublicationDate } from './dates';
import { decodeBytes } from './decode';
import { detectLanguage } from './language';
import { binaryKind } from './sniff';

/** Largest file read as one article; a page of text is rarely over a megabyte. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

import { ImportError } from './errors';
export { ImportError };

/** An article read from one file, ready to store. */
export interface ReadArticle {
  article: NewArticle;
  encoding: string;
  encodingReason: string;
  contentHash: string;
  warnings: string[];
}

/** SHA-256 of bytes, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Reads one scraped page of plain text into an article: decodes the bytes, finds the article
 * inside the page chrome, dates it and guesses its language. Throws ImportError with a reason
 * a person can act on when the file cannot be an article.
 *
 * @example
 *   const r = readPlainTextArticle(fs.readFileSync(file), fs.statSync(file).mtime);
 *   r.article.title // "The State Department calls on ..."
 */
export function readPlainTextArticle(bytes: Uint8Array, fileTime: Date | null, source: string | null = null): ReadArticle {
  if (bytes.byteLength === 0) throw new ImportError('the file is empty');
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    throw new ImportError(
      `the file is too large to be one article (${formatMb(bytes.byteLength)}; the limit is ${formatMb(MAX_ARTICLE_BYTES)})`,
    );
  }
  const binary = binaryKind(bytes);
  if (binary) throw new ImportError(`not a text file: it is a ${binary}`);

  const decoded = decodeBytes(bytes);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ImportError('the file holds only white space');

  const page = extractArticleFromPageText(text);
  if (page.paragraphs.length === 0) throw new ImportError('no article text found: nothing on the page reads as article prose');

  const warnings = [...decoded.warnings];
  let title = page.title?.trim() ?? '';
  if (!title) {
    title = firstSentence(page.paragraphs[0]!);
    warnings.push('No headline was found; the first sentence stands in for it.');
  }
  const body = page.paragraphs.join('\n\n');
  const date = resolvePublicationDate({ paragraphs: page.paragraphs, headerLines: page.headerLines, pageText: text, fileTime });
  if (!date.publishedAt) warnings.push('No publication date was found.');

  return {
    article: {
      title,
      body,
      source,
      agency: page.agency,
      dateline: page.dateline,
      publishedAt: date.publishedAt,
      datePrecision: date.precision,
      dateInferred: date.inferred,
      dateNote: date.note,
      dateEvidence: date.evidence,
      imageCredit: page.imageCredit,
      url: null,
      language: detectLanguage(`${title}\n${body}`),
      textHash: sha256(normaliseForHash(`${title}\n${body}`)),
    },
    encoding: decoded.encoding,
    encodingReason: decoded.reason,
    contentHash: sha256(bytes),
    warnings,
  };
}

function normaliseForHash(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function firstSentence(p: string): string {
  const m = /^(.{20,160}?[.!?])(\s|$)/u.exec(p);
  return (m?.[1] ?? p.slice(0, 120)).trim();
}

function formatMb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
