import type { ImportOptions } from '../../shared/types';
import type { PreparedArticle } from '../archive';
import { ImportError } from './errors';
import { readFileArticles, type Format } from './formats';
import { prepareArticle } from './prepare';

/** A file read and its articles prepared: everything but storing, so it can run on another thread. */
export interface ReadResult {
  format: Format;
  encoding: string;
  encodingReason: string;
  prepared: PreparedArticle[];
  /** How many items the file held (some may have been dropped for having no title and no text). */
  items: number;
  warnings: string[];
}

/** What a read needs, all of it structured-cloneable (it crosses to the reader thread). */
export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  fileTime: Date | null;
  options: ImportOptions;
}

/** A read's outcome: the result, or the reason the file cannot be imported. */
export type ReadOutcome = { ok: true; result: ReadResult } | { ok: false; error: string; importError: boolean };

/**
 * Reads one (non-archive) file and prepares its articles: decode, tell the format, read, then
 * dates, language, hashes and near-duplicate signatures. Pure: no archive, no index.
 *
 * @example
 *   const r = readAndPrepare({ bytes, fileName: 'feed.rss', fileTime: null, options: {} });
 *   if (r.ok) r.result.prepared.length;
 */
export function readAndPrepare(req: ReadRequest): ReadOutcome {
  try {
    const read = readFileArticles(req.bytes, req.fileName, req.options);
    const warnings = [...read.warnings];
    const prepared: PreparedArticle[] = [];
    read.articles.forEach((p, k) => {
      const label = read.articles.length > 1 ? `item ${p.itemKey ?? k + 1}` : 'article';
      for (const w of p.warnings ?? []) warnings.push(`${label}: ${w}`);
      prepared.push(
        prepareArticle(
          p,
          { format: read.format, pageText: read.text, fileTime: req.fileTime, source: req.options.source?.trim() || null },
          warnings,
          label,
        ),
      );
    });
    if (prepared.length === 0) throw new ImportError(`no articles in the file (read as ${read.format})`);
    return {
      ok: true,
      result: { format: read.format, encoding: read.encoding, encodingReason: read.encodingReason, prepared, items: read.articles.length, warnings },
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message ?? String(err), importError: err instanceof ImportError };
  }
}
