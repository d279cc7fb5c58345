import fs from 'node:fs';
import path from 'node:path';
import type { Article, ImportOutcome, ImportReport, UploadedFile } from '../../shared/types';
import type { ArticleStore } from '../archive';
import { ImportError, MAX_ARTICLE_BYTES, readPlainTextArticle } from './read-article';

/** File endings this version reads as articles when it finds them inside a folder. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text'];

/** What the importer needs from the rest of the workbench. */
export interface ImporterDeps {
  store: ArticleStore;
  /** Called after each article is committed (to update the search index). */
  onArticle(article: Article): void;
  /** Called once a batch is done (to persist the search index). */
  onBatchDone(): void;
}

/** One file to import, from disk or from an upload. */
interface Candidate {
  file: string;
  /** Reads the bytes and the file time; throws with a reason when that fails. */
  load(): { bytes: Uint8Array; modifiedAt: Date | null };
}

/**
 * Imports files into the archive, one at a time, each all or nothing: a file that fails is
 * logged with its reason and the batch goes on. The same bytes (or the same text) imported
 * again are reported as a duplicate of the stored article and not stored twice.
 */
export class Importer {
  constructor(private readonly deps: ImporterDeps) {}

  /**
   * Imports files and folders (recursively) from disk.
   *
   * @example
   *   importer.importPaths(['/data/seed', 'page.txt'], { source: 'Interfax' })
   */
  importPaths(paths: string[], options: { source?: string; origin?: string } = {}): ImportReport {
    const outcomes: ImportOutcome[] = [];
    const candidates: Candidate[] = [];
    for (const p of paths) expandPath(path.resolve(p), candidates, outcomes, true);
    return this.run(candidates, outcomes, options.source ?? null, options.origin ?? 'files');
  }

  /** Imports files sent as bytes (browser mode, drag-and-drop). */
  importUploads(files: UploadedFile[], options: { source?: string } = {}): ImportReport {
    const outcomes: ImportOutcome[] = [];
    const candidates: Candidate[] = [];
    for (const f of files) {
      const skip = f.inFolder ? unsupportedReason(f.name) : undefined;
      if (skip) outcomes.push({ file: f.name, status: 'skipped', reason: skip });
      else candidates.push({
        file: f.name,
        load: () => ({
          bytes: Buffer.from(f.base64, 'base64'),
          modifiedAt: f.lastModified ? new Date(f.lastModified) : null,
        }),
      });
    }
    return this.run(candidates, outcomes, options.source ?? null, 'upload');
  }

  private run(candidates: Candidate[], outcomes: ImportOutcome[], source: string | null, origin: string): ImportReport {
    const { store } = this.deps;
    const batchId = candidates.length > 0 ? store.startBatch(origin) : null;
    for (const c of candidates) outcomes.push(this.importOne(batchId!, c, source));
    if (batchId !== null) {
      store.finishBatch(batchId);
      this.deps.onBatchDone();
    }
    return summarise(batchId, outcomes);
  }

  private importOne(batchId: number, c: Candidate, source: string | null): ImportOutcome {
    const { store } = this.deps;
    try {
      const { bytes, modifiedAt } = c.load();
      const read = readPlainTextArticle(bytes, modifiedAt, source);
      const dup = store.findDuplicate(read.contentHash, read.article.textHash);
      if (dup) {
        store.logOutcome(batchId, c.file, 'duplicate', dup.id, null, read.warnings);
        return { file: c.file, status: 'duplicate', articleId: dup.id, title: dup.title, warnings: read.warnings };
      }
      const id = store.insert(
        batchId,
        {
          file: c.file,
          fileModifiedAt: modifiedAt?.toISOString() ?? null,
          contentHash: read.contentHash,
          bytes,
          encoding: read.encoding,
          encodingReason: read.encodingReason,
        },
        read.article,
        read.warnings,
      );
      this.deps.onArticle(store.get(id)!);
      return { file: c.file, status: 'imported', articleId: id, title: read.article.title, warnings: read.warnings };
    } catch (err) {
      const error = describeError(err);
      try {
        store.logOutcome(batchId, c.file, 'error', null, error, []);
      } catch {
        // The log is best effort: the outcome still reaches the caller.
      }
      return { file: c.file, status: 'error', error };
    }
  }
}

/** Turns a failure into one line a person can act on (no stack traces). */
function describeError(err: unknown): string {
  if (err instanceof ImportError) return err.message;
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e?.message ?? String(err);
  }
}

function expandPath(p: string, into: Candidate[], outcomes: ImportOutcome[], explicit: boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch (err) {
    outcomes.push({ file: p, status: 'error', error: describeError(err) });
    return;
  }
  if (stat.isDirectory()) {
    let entries: string[];
    try {
      entries = fs.readdirSync(p).sort();
    } catch (err) {
      outcomes.push({ file: p, status: 'error', error: describeError(err) });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue; // .DS_Store, editor swap files, .git
      expandPath(path.join(p, name), into, outcomes, false);
    }
    return;
  }
  if (!stat.isFile()) {
    if (explicit) outcomes.push({ file: p, status: 'error', error: 'not a regular file' });
    return;
  }
  const skip = explicit ? undefined : unsupportedReason(p);
  if (skip) {
    outcomes.push({ file: p, status: 'skipped', reason: skip });
    return;
  }
  into.push({
    file: p,
    load: () => {
      const size = fs.statSync(p).size;
      if (size > MAX_ARTICLE_BYTES) {
        // Refuse before reading so a huge file never sits in memory.
        throw new ImportError(`the file is too large to be one article (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576}.0 MB)`);
      }
      return { bytes: fs.readFileSync(p), modifiedAt: stat.mtime };
    },
  });
}

/** Why a file found in a folder is passed over, or undefined when it is read. */
function unsupportedReason(file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  if (SUPPORTED_EXTENSIONS.includes(ext)) return undefined;
  return `not a format this version imports (${ext || 'no extension'}; it reads ${SUPPORTED_EXTENSIONS.join(', ')})`;
}

function summarise(batchId: number | null, outcomes: ImportOutcome[]): ImportReport {
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    batchId,
    outcomes,
    imported: count('imported'),
    duplicates: count('duplicate'),
    errors: count('error'),
    skipped: count('skipped'),
  };
}
