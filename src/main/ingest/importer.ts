import fs from 'node:fs';
import path from 'node:path';
import type { ImportJob, ImportOptions, ImportOutcome, ImportReport, UploadedFile } from '../../shared/types';
import type { ArticleStore, StoryFinder } from '../archive';
import type { CatalogEntry } from '../search/catalog';
import { ImportError } from './errors';
import { MAX_ARTICLE_BYTES, MAX_FILE_BYTES, tooLargeForArticleMessage, tooLargeMessage } from '../../shared/limits';
import { EXTENSIONS, isZip } from './format-names';
import { isNearDuplicate, shingles } from './near-duplicates';
import { sha256 } from './prepare';
import type { ReadOutcome } from './read-file';
import { inProcessReader, type FileReader } from './reader-pool';
import { expandZip } from './zip';

/** What the importer needs from the rest of the workbench. */
/** A newly stored article, as the search catalog needs it (its metadata, title and body). */
export interface StoredArticle extends CatalogEntry {
  title: string;
  body: string;
}

export interface ImporterDeps {
  store: ArticleStore;
  /** Called after each file's articles are committed (to update the search catalog). */
  onArticles(articles: StoredArticle[], replaced: number[]): void;
  /** Where files are read and prepared (a reader thread, or in-process). */
  reader?: FileReader;
}

/** Files read ahead of the one being stored: enough to keep the reader busy, few enough to bound memory. */
const READ_AHEAD = 2;

/** One file to import, from disk, an upload or an archive. */
interface Candidate {
  file: string;
  /** Reads the bytes and the file time; throws with a reason when that fails. */
  load(): { bytes: Uint8Array; modifiedAt: Date | null };
  /** How many archives deep this file sits (archives inside archives are read two levels down). */
  depth: number;
  /** For a re-import: the articles of this file that the new reading replaces, by item key. */
  replaces?: Map<string | null, number>;
}

/** What may be imported: files and folders on disk, or uploaded files. */
export type ImportSource = { paths: string[] } | { uploads: UploadedFile[] } | { reimport: { file: string; bytes: Uint8Array; modifiedAt: Date | null; replaces: Map<string | null, number> } };

const MAX_ARCHIVE_DEPTH = 2;
const MAX_WARNINGS_PER_FILE = 50;

/** A running import, with its progress, its cancel switch and its end. */
export interface RunningImport {
  jobId: number;
  /** The job as it stands now, with the outcomes so far (a copy; built when asked, not per file). */
  snapshot(): ImportJob;
  cancel(): void;
  done: Promise<ImportReport>;
}

/** Finds a stored near-duplicate among candidates: the first whose body shares most shingles. */
const findStory: StoryFinder = (article, candidates) => {
  for (const c of candidates) if (isNearDuplicate(article.shingles, shingles(c.body))) return c.storyId;
  return null;
};

/**
 * Imports files into the archive as a job: one file at a time, each all or nothing, yielding
 * between files so progress can be read and the job cancelled. A file that fails is logged with
 * its reason and the batch goes on. Folders are read recursively and zip archives expanded
 * (safely: no paths outside the archive, no unbounded expansion).
 */
export class Importer {
  private nextJobId = 1;

  constructor(private readonly deps: ImporterDeps) {}

  /**
   * Starts an import and returns at once; `done` resolves with the report.
   *
   * @example
   *   const run = importer.start({ paths: ['/data/feeds'] }, { source: 'Interfax' }, 'cli');
   *   run.job.filesDone; // progress so far
   *   const report = await run.done;
   */
  start(source: ImportSource, options: ImportOptions = {}, origin = 'files'): RunningImport {
    const outcomes: ImportOutcome[] = [];
    const queue: Candidate[] = [];
    if ('paths' in source) for (const p of source.paths) expandPath(path.resolve(p), queue, outcomes, true);
    else if ('uploads' in source) {
      for (const f of source.uploads) {
        const skip = f.inFolder ? unsupportedReason(f.name) : undefined;
        if (skip) outcomes.push({ file: f.name, status: 'skipped', reason: skip });
        else
          queue.push({
            file: f.name,
            depth: 0,
            load: () => ({ bytes: Buffer.from(f.base64, 'base64'), modifiedAt: f.lastModified ? new Date(f.lastModified) : null }),
          });
      }
    } else {
      const r = source.reimport;
      queue.push({ file: r.file, depth: 0, replaces: r.replaces, load: () => ({ bytes: r.bytes, modifiedAt: r.modifiedAt }) });
    }

    const job: ImportJob = {
      jobId: this.nextJobId++,
      state: 'running',
      filesTotal: queue.length + outcomes.length,
      filesDone: outcomes.length,
      articlesDone: 0,
      current: null,
      rate: 0,
      secondsLeft: null,
      report: summarise(null, outcomes),
      error: null,
    };
    let cancelled = false;
    const done = this.run(job, queue, outcomes, options, origin, () => cancelled);
    return {
      jobId: job.jobId,
      snapshot: () => ({ ...job, report: job.state === 'running' ? summarise(job.report.batchId, outcomes) : job.report }),
      cancel: () => (cancelled = true),
      done,
    };
  }

  private async run(
    job: ImportJob,
    queue: Candidate[],
    outcomes: ImportOutcome[],
    options: ImportOptions,
    origin: string,
    isCancelled: () => boolean,
  ): Promise<ImportReport> {
    const { store } = this.deps;
    const reader = this.deps.reader ?? inProcessReader;
    const batchId = queue.length > 0 ? store.startBatch(origin) : null;
    job.report = summarise(batchId, outcomes);
    const started = Date.now();
    const reads = new Map<Candidate, Promise<Loaded>>();
    const startRead = (c: Candidate | undefined) => {
      if (c && !reads.has(c)) reads.set(c, loadAndRead(c, options, reader));
    };
    try {
      for (let i = 0; i < queue.length; i++) {
        const c = queue[i]!;
        if (isCancelled()) {
          for (const rest of queue.slice(i)) {
            outcomes.push({ file: rest.file, status: 'cancelled' });
            store.logOutcome(batchId!, rest.file, 'cancelled', null);
          }
          job.state = 'cancelled';
          break;
        }
        job.current = c.file;
        for (let k = i; k <= i + READ_AHEAD; k++) startRead(queue[k]);
        const loaded = await reads.get(c)!;
        reads.delete(c);
        const produced = this.storeOne(batchId!, c, loaded, queue, i);
        outcomes.push(...produced);
        job.filesDone++;
        for (const o of produced) if (o.status === 'imported') job.articlesDone += o.articles;
        const seconds = (Date.now() - started) / 1000;
        job.rate = seconds > 0 ? Math.round(job.articlesDone / seconds) : 0;
        const filesLeft = queue.length - (i + 1);
        job.secondsLeft = Math.round((seconds / (i + 1)) * filesLeft);
        job.filesTotal = job.filesDone + filesLeft;
        // Let other calls (progress, cancel, searches) in between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (job.state === 'running') job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      job.error = (err as Error).message;
    } finally {
      if (batchId !== null) {
        store.finishBatch(batchId, job.state === 'running' ? 'failed' : (job.state as 'done' | 'cancelled' | 'failed'));
      }
      job.current = null;
      job.secondsLeft = 0;
      job.report = summarise(batchId, outcomes);
    }
    return job.report;
  }

  /** Stores one file's prepared articles (or expands one archive into the queue); returns its outcomes. */
  private storeOne(batchId: number, c: Candidate, loaded: Loaded, queue: Candidate[], at: number): ImportOutcome[] {
    const { store } = this.deps;
    try {
      if (loaded.kind === 'failed') throw loaded.error;
      if (loaded.kind === 'zip') return this.expandArchive(batchId, c, loaded.bytes, queue, at);
      const { read, bytes, modifiedAt } = loaded;
      if (!read.ok) throw read.importError ? new ImportError(read.error) : new Error(read.error);
      const { prepared, format, encoding, encodingReason } = read.result;
      if (c.replaces) {
        for (const a of prepared) a.supersedes = c.replaces.get(a.itemKey) ?? (c.replaces.size === 1 ? [...c.replaces.values()][0]! : null);
      }
      const kept = capWarnings(read.result.warnings);
      const stored = store.insertFile(
        batchId,
        { file: c.file, fileModifiedAt: modifiedAt?.toISOString() ?? null, contentHash: sha256(bytes), bytes, encoding, encodingReason },
        format,
        prepared,
        kept,
        findStory,
      );
      if (stored.ids.length > 0) {
        const added = stored.ids.map((id, k): StoredArticle => {
          const p = prepared[stored.indexes[k]!]!;
          return {
            id, title: p.title, body: p.body, publishedAt: p.publishedAt, datePrecision: p.datePrecision, language: p.language,
            source: p.source, agency: p.agency, dateline: p.dateline, authors: p.authors, storyId: stored.storyIds[k]!,
          };
        });
        this.deps.onArticles(added, prepared.flatMap((p) => (p.supersedes ? [p.supersedes] : [])));
        return [{
          file: c.file, status: 'imported', articleId: added[0]!.id, title: added[0]!.title, articles: added.length,
          duplicates: stored.duplicates, copies: stored.copies, format, encoding, warnings: kept,
        }];
      }
      return [{
        file: c.file, status: 'duplicate', articleId: stored.firstDuplicate!.id, title: stored.firstDuplicate!.title,
        duplicates: stored.duplicates, format, encoding, warnings: kept,
      }];
    } catch (err) {
      const error = describeError(err);
      try {
        store.logOutcome(batchId, c.file, 'error', error);
      } catch {
        // The log is best effort: the outcome still reaches the caller.
      }
      return [{ file: c.file, status: 'error', error }];
    }
  }

  /** Puts an archive's readable entries in the queue right after it; reports refused entries. */
  private expandArchive(batchId: number, c: Candidate, bytes: Uint8Array, queue: Candidate[], at: number): ImportOutcome[] {
    if (c.depth >= MAX_ARCHIVE_DEPTH) throw new ImportError('an archive nested too deep inside other archives');
    const { entries, problems } = expandZip(bytes);
    const outcomes: ImportOutcome[] = [];
    for (const p of problems) {
      const file = `${c.file}/${p.name}`;
      outcomes.push({ file, status: 'error', error: p.error });
      this.deps.store.logOutcome(batchId, file, 'error', p.error);
    }
    const children: Candidate[] = [];
    for (const e of entries) {
      const file = `${c.file}/${e.name}`;
      const skip = unsupportedReason(e.name);
      if (skip) {
        outcomes.push({ file, status: 'skipped', reason: skip });
        continue;
      }
      children.push({ file, depth: c.depth + 1, load: () => ({ bytes: e.bytes, modifiedAt: e.modifiedAt }) });
    }
    queue.splice(at + 1, 0, ...children);
    return outcomes;
  }
}

/** A file loaded and read (or why not), ahead of being stored. */
type Loaded =
  | { kind: 'failed'; error: unknown }
  | { kind: 'zip'; bytes: Uint8Array }
  | { kind: 'read'; bytes: Uint8Array; modifiedAt: Date | null; read: ReadOutcome };

async function loadAndRead(c: Candidate, options: ImportOptions, reader: FileReader): Promise<Loaded> {
  let bytes: Uint8Array;
  let modifiedAt: Date | null;
  try {
    ({ bytes, modifiedAt } = c.load());
  } catch (error) {
    return { kind: 'failed', error };
  }
  if (isZip(bytes)) return { kind: 'zip', bytes };
  // Readers never change the bytes; crossing to the reader thread clones them anyway.
  const read = await reader.read({ bytes, fileName: c.file, fileTime: modifiedAt, options });
  return { kind: 'read', bytes, modifiedAt, read };
}

function capWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS_PER_FILE) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS_PER_FILE), `… and ${warnings.length - MAX_WARNINGS_PER_FILE} more warnings`];
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
    depth: 0,
    load: () => {
      const size = fs.statSync(p).size;
      // Refuse before reading so a huge file never sits in memory.
      if (size > MAX_FILE_BYTES) throw new ImportError(tooLargeMessage(size));
      const single = EXTENSIONS[path.extname(p).toLowerCase()];
      if ((single === 'text' || single === 'html') && size > MAX_ARTICLE_BYTES) {
        throw new ImportError(tooLargeForArticleMessage(size));
      }
      return { bytes: fs.readFileSync(p), modifiedAt: stat.mtime };
    },
  });
}

/** Why a file found in a folder or archive is passed over, or undefined when it is read. */
function unsupportedReason(file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext in EXTENSIONS) return undefined;
  return `not a format Wirewatch imports (${ext || 'no extension'}; it reads ${Object.keys(EXTENSIONS).join(' ')})`;
}

function summarise(batchId: number | null, outcomes: ImportOutcome[]): ImportReport {
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  let articles = 0;
  let copies = 0;
  for (const o of outcomes) {
    if (o.status === 'imported') {
      articles += o.articles;
      copies += o.copies;
    }
  }
  return {
    batchId,
    outcomes: [...outcomes],
    imported: count('imported'),
    duplicates: count('duplicate'),
    errors: count('error'),
    skipped: count('skipped'),
    cancelled: count('cancelled'),
    articles,
    copies,
  };
}
