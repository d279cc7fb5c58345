import type { Article, ArticleOrigin, DateEvidence, DatePrecision } from '../../shared/types';
import type { Db } from './open';

/** What the importer hands the archive for one new article: the article less what the archive assigns. */
export type NewArticle = Omit<Article, 'id' | 'contentHash' | 'file' | 'importedAt'> & {
  dateEvidence: DateEvidence | null;
  /** Hash of the normalised title and body: the same text from other bytes is the same article. */
  textHash: string;
};

/** The file an article came from. */
export interface NewOriginal {
  file: string;
  fileModifiedAt: string | null;
  contentHash: string;
  bytes: Uint8Array;
  encoding: string;
  encodingReason: string;
}

interface ArticleRow {
  id: number;
  title: string;
  body: string;
  source: string | null;
  agency: string | null;
  dateline: string | null;
  published_at: string | null;
  date_precision: DatePrecision | null;
  date_inferred: number;
  date_note: string | null;
  image_credit: string | null;
  url: string | null;
  language: string | null;
  content_hash: string;
  file: string;
  imported_at: string;
}

const ARTICLE_COLUMNS = `a.id, a.title, a.body, a.source, a.agency, a.dateline, a.published_at, a.date_precision,
  a.date_inferred, a.date_note, a.image_credit, a.url, a.language, o.content_hash, a.file, a.imported_at`;

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    source: r.source,
    agency: r.agency,
    dateline: r.dateline,
    publishedAt: r.published_at,
    datePrecision: r.date_precision,
    dateInferred: r.date_inferred === 1,
    dateNote: r.date_note,
    imageCredit: r.image_credit,
    url: r.url,
    language: r.language,
    contentHash: r.content_hash,
    file: r.file,
    importedAt: r.imported_at,
  };
}

/**
 * The articles table and the original bytes behind it. Every write bumps the archive's
 * index generation in the same transaction, so a derived index can tell it is stale.
 */
export class ArticleStore {
  constructor(private readonly db: Db) {}

  /** Starts an import batch and returns its id. */
  startBatch(origin: string): number {
    const r = this.db
      .prepare('INSERT INTO import_batches (started_at, origin) VALUES (?, ?)')
      .run(new Date().toISOString(), origin);
    return Number(r.lastInsertRowid);
  }

  finishBatch(batchId: number): void {
    this.db.prepare('UPDATE import_batches SET finished_at = ? WHERE id = ?').run(new Date().toISOString(), batchId);
  }

  /** The article already stored from these exact bytes, or from the same text, if any. */
  findDuplicate(contentHash: string, textHash: string): { id: number; title: string } | undefined {
    return (
      (this.db
        .prepare(
          `SELECT a.id, a.title FROM articles a JOIN originals o ON o.id = a.original_id
           WHERE o.content_hash = ? ORDER BY a.id LIMIT 1`,
        )
        .get(contentHash) as { id: number; title: string } | undefined) ??
      (this.db.prepare('SELECT id, title FROM articles WHERE text_hash = ? ORDER BY id LIMIT 1').get(textHash) as
        | { id: number; title: string }
        | undefined)
    );
  }

  /**
   * Stores one article with its original bytes and its log line, all or nothing.
   * Returns the new article id.
   */
  insert(batchId: number, original: NewOriginal, a: NewArticle, warnings: string[]): number {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM originals WHERE content_hash = ?').get(original.contentHash) as
        | { id: number }
        | undefined;
      const originalId =
        existing?.id ??
        Number(
          this.db
            .prepare('INSERT INTO originals (content_hash, size, bytes) VALUES (?, ?, ?)')
            .run(original.contentHash, original.bytes.byteLength, Buffer.from(original.bytes)).lastInsertRowid,
        );
      const now = new Date().toISOString();
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO articles (original_id, batch_id, file, file_modified_at, encoding, encoding_reason, title, body,
               source, agency, dateline, published_at, date_precision, date_inferred, date_note, date_evidence,
               image_credit, url, language, text_hash, imported_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            originalId,
            batchId,
            original.file,
            original.fileModifiedAt,
            original.encoding,
            original.encodingReason,
            a.title,
            a.body,
            a.source,
            a.agency,
            a.dateline,
            a.publishedAt,
            a.datePrecision,
            a.dateInferred ? 1 : 0,
            a.dateNote,
            a.dateEvidence ? JSON.stringify(a.dateEvidence) : null,
            a.imageCredit,
            a.url,
            a.language,
            a.textHash,
            now,
          ).lastInsertRowid,
      );
      this.logOutcome(batchId, original.file, 'imported', id, null, warnings);
      this.bumpGeneration();
      return id;
    })();
  }

  /** Records what happened to a file that stored no new article. */
  logOutcome(
    batchId: number,
    file: string,
    status: 'imported' | 'duplicate' | 'error',
    articleId: number | null,
    error: string | null,
    warnings: string[],
  ): void {
    this.db
      .prepare(
        'INSERT INTO import_log (batch_id, file, status, article_id, error, warnings, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(batchId, file, status, articleId, error, JSON.stringify(warnings), new Date().toISOString());
  }

  get(id: number): Article | undefined {
    const r = this.db
      .prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN originals o ON o.id = a.original_id WHERE a.id = ?`)
      .get(id) as ArticleRow | undefined;
    return r && toArticle(r);
  }

  /** Several articles by id, in the order asked. */
  getMany(ids: number[]): Article[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN originals o ON o.id = a.original_id
         WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as ArticleRow[];
    const byId = new Map(rows.map((r) => [r.id, toArticle(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** How an article was read from its file. */
  origin(id: number): ArticleOrigin | undefined {
    const r = this.db
      .prepare(
        `SELECT a.id, a.batch_id, a.file, o.size, a.encoding, a.encoding_reason, a.file_modified_at, a.date_evidence
         FROM articles a JOIN originals o ON o.id = a.original_id WHERE a.id = ?`,
      )
      .get(id) as
      | {
          id: number;
          batch_id: number;
          file: string;
          size: number;
          encoding: string;
          encoding_reason: string;
          file_modified_at: string | null;
          date_evidence: string | null;
        }
      | undefined;
    if (!r) return undefined;
    return {
      articleId: r.id,
      batchId: r.batch_id,
      file: r.file,
      size: r.size,
      encoding: r.encoding,
      encodingReason: r.encoding_reason,
      fileModifiedAt: r.file_modified_at,
      dateEvidence: r.date_evidence ? (JSON.parse(r.date_evidence) as DateEvidence) : null,
    };
  }

  /** The original bytes and the encoding they were read with. */
  originalBytes(id: number): { bytes: Buffer; encoding: string } | undefined {
    return this.db
      .prepare('SELECT o.bytes AS bytes, a.encoding AS encoding FROM articles a JOIN originals o ON o.id = a.original_id WHERE a.id = ?')
      .get(id) as { bytes: Buffer; encoding: string } | undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  /** A page of articles, newest import first. */
  list(offset: number, limit: number): Article[] {
    const rows = this.db
      .prepare(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN originals o ON o.id = a.original_id
         ORDER BY a.id DESC LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as ArticleRow[];
    return rows.map(toArticle);
  }

  /** Every article, oldest first, one at a time (for index builds and exports). */
  *iterate(): IterableIterator<Article> {
    const stmt = this.db.prepare(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN originals o ON o.id = a.original_id ORDER BY a.id`,
    );
    for (const r of stmt.iterate() as IterableIterator<ArticleRow>) yield toArticle(r);
  }

  /** Counter bumped by every write to articles: what the derived index is checked against. */
  generation(): number {
    const r = this.db.prepare("SELECT value FROM meta WHERE key = 'index_generation'").get() as { value: string };
    return Number(r.value);
  }

  private bumpGeneration(): void {
    this.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'index_generation'").run();
  }
}
