import type { Article, ArticleOrigin, DateEvidence, DatePrecision, ImportLogEntry } from '../../shared/types';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import type { ExtractedStatement } from '../statements/types';

/** What the importer hands the archive for one new article: the article less what the archive assigns. */
export type NewArticle = Omit<Article, 'id' | 'contentHash' | 'file' | 'importedAt' | 'storyId' | 'copies' | 'format'> & {
  dateEvidence: DateEvidence | null;
  /** The article this one replaces (a re-import of its file with another encoding). */
  supersedes?: number | null;
  /** Hash of the normalised title and body: the same text from other bytes is the same article. */
  textHash: string;
  facets: Record<string, string[]>;
};

/** A new article with what near-duplicate detection needs. */
export interface PreparedArticle extends NewArticle {
  /** MinHash band keys of the body's shingles (empty for short texts). */
  bandKeys: number[];
  /** The body's shingle set, to check candidates exactly. */
  shingles: ReadonlySet<number>;
  /** The title and body analysed for the full-text index (computed where the article is prepared). */
  analysed?: AnalysedText;
  /** Statements found in the body (extracted where the article is prepared, on the reader thread). */
  statements?: ExtractedStatement[];
}

/** Analysed terms per index column, space-separated (search/analyse.ts makes them). */
export interface AnalysedText {
  titleWords: string;
  bodyWords: string;
  titleStems: string;
  bodyStems: string;
  /** Tier tokens of the weightiest stems (search/tiers.ts). */
  impact: string;
  distinctWords: string;
}

/** The file an article came from. */
export interface NewOriginal {
  file: string;
  fileModifiedAt: string | null;
  contentHash: string;
  bytes: Uint8Array;
  encoding: string;
  encodingReason: string;
}

/** What storing one file did. */
export interface StoredFile {
  /** Ids of the new articles, in file order. */
  ids: number[];
  /** For each new article, its index in the list handed to `insertFile`. */
  indexes: number[];
  /** Articles already in the archive (same text from the same place), not stored again. */
  duplicates: number;
  /** The first of those, for the outcome. */
  firstDuplicate: { id: number; title: string } | null;
  /** New articles linked to a story already in the archive. */
  copies: number;
  /** For each new article, the story it belongs to (its own id when it is the first). */
  storyIds: number[];
}

/**
 * Keeps a derived index in step with the archive: called inside the transaction that stores
 * (or supersedes) an article, so both commit or neither does.
 */
export interface ArchiveIndexer {
  add(article: IndexerArticle): void;
  remove(id: number): void;
  /** Called when a file's transaction begins, and just before it commits. */
  beginFile?(): void;
  endFile?(): void;
}

/** What an indexer is given of each stored article. */
export interface IndexerArticle {
  id: number;
  title: string;
  body: string;
  language: string | null;
  analysed?: AnalysedText;
  publishedAt?: string | null;
  statements?: ExtractedStatement[];
  /** The older version this article replaces, if any. */
  supersedes?: number | null;
}

/**
 * Several derived indexes as one: each is called in turn, inside the same transaction.
 *
 * @example
 *   new ArticleStore(db, combineIndexers(fullTextIndex, statements.indexer));
 */
export function combineIndexers(...indexers: ArchiveIndexer[]): ArchiveIndexer {
  return {
    add: (a) => indexers.forEach((x) => x.add(a)),
    remove: (id) => indexers.forEach((x) => x.remove(id)),
    beginFile: () => indexers.forEach((x) => x.beginFile?.()),
    endFile: () => indexers.forEach((x) => x.endFile?.()),
  };
}

/** The fields of an article a search hit shows. */
export interface HitFields {
  id: number;
  title: string;
  /** Empty unless asked for. */
  body: string;
  source: string | null;
  publishedAt: string | null;
  language: string | null;
  storyId: number;
}

/** Finds the stored copies of a story for a new article (near-duplicate detection). */
export type StoryFinder = (article: PreparedArticle, candidates: Array<{ id: number; storyId: number; body: string }>) => number | null;

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
  format: string;
  authors: string;
  modified_at: string | null;
  summary_only: number;
  image_caption: string | null;
  story_id: number;
  copies: number;
  item_key: string | null;
}

const ARTICLE_COLUMNS = `a.id, a.title, a.body, a.source, a.agency, a.dateline, a.published_at, a.date_precision,
  a.date_inferred, a.date_note, a.image_credit, a.url, a.language, o.content_hash, a.file, a.imported_at,
  a.format, a.authors, a.modified_at, a.summary_only, a.image_caption, a.story_id, a.item_key,
  (SELECT count(*) FROM articles c WHERE c.story_id = a.story_id AND c.superseded_by IS NULL) AS copies`;

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
    format: r.format,
    authors: JSON.parse(r.authors) as string[],
    modifiedAt: r.modified_at,
    summaryOnly: r.summary_only === 1,
    imageCaption: r.image_caption,
    storyId: r.story_id,
    copies: r.copies,
    itemKey: r.item_key,
  };
}

/** Candidates per new article whose bodies are checked exactly. */
const MAX_CANDIDATES = 20;

/**
 * The articles table and the original bytes behind it. A derived index given as `indexer` is
 * written in the same transaction as the articles it indexes.
 */
export class ArticleStore {
  // Statements of the per-article path, prepared once: preparing them per article cost about
  // a second per 20,000 articles.
  private readonly insertArticle: Statement;
  private readonly insertFacet: Statement;
  private readonly insertBand: Statement;
  private readonly setSupersededBy: Statement;
  private readonly selectOriginal: Statement;
  private readonly selectReimport: Statement;
  private readonly selectSameText: Statement;
  private readonly selectMaxId: Statement;
  private readonly selectHit: Statement;
  private readonly selectHitWithBody: Statement;
  private readonly hitsInOneRead: (stmt: Statement, ids: number[]) => HitFields[];
  private readonly selectCandidates: Statement;

  constructor(
    private readonly db: Db,
    private readonly indexer?: ArchiveIndexer,
  ) {
    this.insertArticle = db.prepare(
      `INSERT INTO articles (original_id, batch_id, file, file_modified_at, encoding, encoding_reason, title, body,
         source, agency, dateline, published_at, date_precision, date_inferred, date_note, date_evidence,
         image_credit, url, language, text_hash, imported_at, format, item_key, authors, modified_at, summary_only,
         image_caption, supersedes, id, story_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertFacet = db.prepare('INSERT INTO article_facets (article_id, facet, value) VALUES (?, ?, ?)');
    this.insertBand = db.prepare('INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)');
    this.setSupersededBy = db.prepare('UPDATE articles SET superseded_by = ? WHERE id = ?');
    this.selectOriginal = db.prepare('SELECT id FROM originals WHERE content_hash = ?');
    this.selectReimport = db.prepare(
      `SELECT a.id, a.title FROM articles a JOIN originals o ON o.id = a.original_id
       WHERE a.text_hash = ? AND a.superseded_by IS NULL
         AND ((? IS NOT NULL AND a.url = ?) OR ((o.content_hash = ? OR a.file = ?) AND a.item_key IS ?))
       ORDER BY a.id LIMIT 1`,
    );
    this.selectMaxId = db.prepare('SELECT max(id) FROM articles').pluck();
    const hitColumns = `id, title, source, published_at AS publishedAt, language, story_id AS storyId`;
    // SQLite would look ids up in the table itself; the covering index is denser (migration 6).
    this.selectHit = db.prepare(`SELECT ${hitColumns}, '' AS body FROM articles INDEXED BY articles_hits WHERE id = ?`);
    this.selectHitWithBody = db.prepare(`SELECT ${hitColumns}, body FROM articles WHERE id = ?`);
    this.hitsInOneRead = db.transaction(hitsById);
    this.selectSameText = db.prepare('SELECT story_id FROM articles WHERE text_hash = ? AND id <> ? ORDER BY id LIMIT 1');
    this.selectCandidates = db.prepare(
      `SELECT a.id, a.story_id AS storyId, a.body FROM articles a
       WHERE a.id IN (SELECT DISTINCT article_id FROM article_bands WHERE band_key IN (SELECT value FROM json_each(?)))
         AND a.id <> ? AND a.superseded_by IS NULL
       ORDER BY a.id LIMIT ${MAX_CANDIDATES}`,
    );
  }

  /** Starts an import batch and returns its id. */
  startBatch(origin: string): number {
    const r = this.db
      .prepare("INSERT INTO import_batches (started_at, origin, state) VALUES (?, ?, 'running')")
      .run(new Date().toISOString(), origin);
    return Number(r.lastInsertRowid);
  }

  finishBatch(batchId: number, state: 'done' | 'cancelled' | 'failed' = 'done'): void {
    this.db
      .prepare('UPDATE import_batches SET finished_at = ?, state = ? WHERE id = ?')
      .run(new Date().toISOString(), state, batchId);
  }

  /**
   * Stores the articles of one file with its original bytes and its log line, all or nothing.
   * An article whose text is already stored from the same place (same bytes, same URL, or same
   * file and item) is a re-import and is not stored again; one whose text is stored from
   * elsewhere, or that `findStory` recognises as a near-duplicate, is stored and linked to that
   * story.
   */
  insertFile(
    batchId: number,
    original: NewOriginal,
    format: string,
    articles: PreparedArticle[],
    warnings: string[],
    findStory: StoryFinder,
  ): StoredFile {
    return this.db.transaction((): StoredFile => {
      this.indexer?.beginFile?.();
      const result: StoredFile = { ids: [], indexes: [], duplicates: 0, firstDuplicate: null, copies: 0, storyIds: [] };
      let originalId: number | undefined;
      const now = new Date().toISOString();
      for (const [index, a] of articles.entries()) {
        const same = this.findReimport(a, original);
        if (same) {
          result.duplicates++;
          result.firstDuplicate ??= same;
          continue;
        }
        originalId ??= this.originalId(original);
        // The story is found before the row is written, so the row is written once, whole: an
        // UPDATE of a stored article is costly (its body spans overflow pages). The id is the
        // one SQLite would give (max + 1; the transaction is the only writer).
        const id = (this.selectMaxId.get() as number | null ?? 0) + 1;
        const storyId = this.storyFor(a, id, findStory);
        this.insertArticle.run(
          originalId, batchId, original.file, original.fileModifiedAt, original.encoding, original.encodingReason,
          a.title, a.body, a.source, a.agency, a.dateline, a.publishedAt, a.datePrecision, a.dateInferred ? 1 : 0,
          a.dateNote, a.dateEvidence ? JSON.stringify(a.dateEvidence) : null, a.imageCredit, a.url, a.language,
          a.textHash, now, format, a.itemKey, JSON.stringify(a.authors), a.modifiedAt, a.summaryOnly ? 1 : 0,
          a.imageCaption, a.supersedes ?? null, id, storyId ?? id,
        );
        if (storyId !== null) result.copies++;
        for (const [facet, values] of Object.entries(a.facets)) {
          for (const v of new Set(values)) this.insertFacet.run(id, facet, v);
        }
        for (const key of a.bandKeys) this.insertBand.run(key, id);
        if (a.supersedes) {
          this.setSupersededBy.run(id, a.supersedes);
          this.indexer?.remove(a.supersedes);
        }
        this.indexer?.add({
          id, title: a.title, body: a.body, language: a.language, analysed: a.analysed, publishedAt: a.publishedAt,
          statements: a.statements, supersedes: a.supersedes ?? null,
        });
        result.ids.push(id);
        result.storyIds.push(storyId ?? id);
        result.indexes.push(index);
      }
      const status = result.ids.length > 0 ? 'imported' : 'duplicate';
      this.db
        .prepare(
          `INSERT INTO import_log (batch_id, file, status, article_id, articles, duplicates, copies, format, encoding,
             encoding_reason, warnings, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          batchId, original.file, status, result.ids[0] ?? result.firstDuplicate?.id ?? null, result.ids.length,
          result.duplicates, result.copies, format, original.encoding, original.encodingReason, JSON.stringify(warnings), now,
        );
      this.indexer?.endFile?.();
      return result;
    })();
  }

  private originalId(original: NewOriginal): number {
    const existing = this.selectOriginal.get(original.contentHash) as
      | { id: number }
      | undefined;
    if (existing) return existing.id;
    return Number(
      this.db
        .prepare('INSERT INTO originals (content_hash, size, bytes) VALUES (?, ?, ?)')
        .run(original.contentHash, original.bytes.byteLength, Buffer.from(original.bytes)).lastInsertRowid,
    );
  }

  /**
   * The stored article this one re-imports: the same text with the same URL, or the same item
   * of the same file (same path or same bytes). Identical texts that are different items of a
   * file (two wire stories repeated in an archive) are not re-imports: they become copies.
   */
  private findReimport(a: PreparedArticle, original: NewOriginal): { id: number; title: string } | undefined {
    if (a.supersedes) return undefined;
    return this.selectReimport.get(a.textHash, a.url, a.url, original.contentHash, original.file, a.itemKey) as
      | { id: number; title: string }
      | undefined;
  }

  /** The story an article belongs to, or null when it is the first of its story. */
  private storyFor(a: PreparedArticle, ownId: number, findStory: StoryFinder): number | null {
    const exact = this.selectSameText.get(a.textHash, ownId) as { story_id: number } | undefined;
    if (exact) return exact.story_id;
    if (a.bandKeys.length === 0) return null;
    const candidates = this.selectCandidates.all(JSON.stringify(a.bandKeys), ownId) as Array<{
      id: number;
      storyId: number;
      body: string;
    }>;
    return candidates.length ? findStory(a, candidates) : null;
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

  /**
   * What a search hit shows of each article (and the body, for snippets, when asked), in the
   * order of `ids`. Lighter than `getMany`: no provenance, no copy count.
   */
  hitFields(ids: number[], withBody: boolean): HitFields[] {
    const stmt = withBody ? this.selectHitWithBody : this.selectHit;
    // A lookup per id, in one read transaction (a search's own, or one of these): 20 lookups
    // take about 37 µs where one `IN (json_each)` statement took 52–58 µs (Reuters archive).
    return this.db.inTransaction ? hitsById(stmt, ids) : this.hitsInOneRead(stmt, ids);
  }

  /** How an article was read from its file, its facets, its story and its versions. */
  origin(id: number): ArticleOrigin | undefined {
    const r = this.db
      .prepare(
        `SELECT a.id, a.batch_id, a.file, o.size, a.encoding, a.encoding_reason, a.file_modified_at, a.date_evidence,
                a.story_id, a.supersedes, a.superseded_by
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
          story_id: number;
          supersedes: number | null;
          superseded_by: number | null;
        }
      | undefined;
    if (!r) return undefined;
    const facets: Record<string, string[]> = {};
    for (const f of this.db
      .prepare('SELECT facet, value FROM article_facets WHERE article_id = ? ORDER BY rowid')
      .all(id) as Array<{ facet: string; value: string }>) {
      (facets[f.facet] ??= []).push(f.value);
    }
    const otherCopies = this.db
      .prepare(
        'SELECT id, title, source FROM articles WHERE story_id = ? AND id <> ? AND superseded_by IS NULL ORDER BY id LIMIT 100',
      )
      .all(r.story_id, id) as Array<{ id: number; title: string; source: string | null }>;
    return {
      articleId: r.id,
      batchId: r.batch_id,
      file: r.file,
      size: r.size,
      encoding: r.encoding,
      encodingReason: r.encoding_reason,
      fileModifiedAt: r.file_modified_at,
      dateEvidence: r.date_evidence ? (JSON.parse(r.date_evidence) as DateEvidence) : null,
      facets,
      otherCopies,
      supersedes: r.supersedes,
      supersededBy: r.superseded_by,
    };
  }

  /** The original bytes and how they were read. */
  originalBytes(id: number): { bytes: Buffer; encoding: string; file: string; fileModifiedAt: string | null } | undefined {
    return this.db
      .prepare(
        `SELECT o.bytes AS bytes, a.encoding AS encoding, a.file AS file, a.file_modified_at AS fileModifiedAt
         FROM articles a JOIN originals o ON o.id = a.original_id WHERE a.id = ?`,
      )
      .get(id) as { bytes: Buffer; encoding: string; file: string; fileModifiedAt: string | null } | undefined;
  }

  /** The current articles read from the same original file as article `id`, with their item keys. */
  articlesOfFile(id: number): Array<{ id: number; itemKey: string | null }> {
    return this.db
      .prepare(
        `SELECT b.id, b.item_key AS itemKey FROM articles a JOIN articles b ON b.original_id = a.original_id AND b.file = a.file
         WHERE a.id = ? AND b.superseded_by IS NULL ORDER BY b.id`,
      )
      .all(id) as Array<{ id: number; itemKey: string | null }>;
  }

  /** Current articles (not replaced by a newer version). */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles WHERE superseded_by IS NULL').get() as { n: number }).n;
  }

  /** Distinct stories among the current articles: copies of one story count once. */
  storyCount(): number {
    return (
      this.db.prepare('SELECT count(DISTINCT story_id) AS n FROM articles WHERE superseded_by IS NULL').get() as { n: number }
    ).n;
  }

  /** A page of current articles, newest import first. */
  list(offset: number, limit: number): Article[] {
    const rows = this.db
      .prepare(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN originals o ON o.id = a.original_id
         WHERE a.superseded_by IS NULL ORDER BY a.id DESC LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as ArticleRow[];
    return rows.map(toArticle);
  }

  /** Every current article, oldest first, one at a time (for index builds and exports). */
  *iterate(): IterableIterator<Article> {
    const stmt = this.db.prepare(
      `SELECT a.id, a.title, a.body, a.source, a.agency, a.dateline, a.published_at, a.date_precision, a.date_inferred,
              a.date_note, a.image_credit, a.url, a.language, '' AS content_hash, a.file, a.imported_at, a.format,
              a.authors, a.modified_at, a.summary_only, a.image_caption, a.story_id, a.item_key, 1 AS copies
       FROM articles a WHERE a.superseded_by IS NULL ORDER BY a.id`,
    );
    for (const r of stmt.iterate() as IterableIterator<ArticleRow>) yield toArticle(r);
  }

  /** The import log, newest first; one batch when `batchId` is given. */
  log(batchId: number | null, limit: number): ImportLogEntry[] {
    const rows = this.db
      .prepare(
        `SELECT batch_id, at, file, status, article_id, articles, duplicates, copies, format, encoding, encoding_reason,
                error, warnings
         FROM import_log WHERE (? IS NULL OR batch_id = ?) ORDER BY id DESC LIMIT ?`,
      )
      .all(batchId, batchId, limit) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      batchId: r.batch_id as number,
      at: r.at as string,
      file: r.file as string,
      status: r.status as ImportLogEntry['status'],
      articleId: (r.article_id as number | null) ?? null,
      articles: r.articles as number,
      duplicates: r.duplicates as number,
      copies: r.copies as number,
      format: (r.format as string | null) ?? null,
      encoding: (r.encoding as string | null) ?? null,
      encodingReason: (r.encoding_reason as string | null) ?? null,
      error: (r.error as string | null) ?? null,
      warnings: JSON.parse(r.warnings as string) as string[],
    }));
  }

  /** Records what happened to a file that stored nothing (error, skipped, cancelled). */
  logOutcome(batchId: number, file: string, status: 'error' | 'skipped' | 'cancelled', error: string | null): void {
    this.db
      .prepare('INSERT INTO import_log (batch_id, file, status, error, at) VALUES (?, ?, ?, ?, ?)')
      .run(batchId, file, status, error, new Date().toISOString());
  }
}

/** The hit fields of each id that is an article, in the order of `ids`. */
function hitsById(stmt: Statement, ids: number[]): HitFields[] {
  const out: HitFields[] = [];
  for (const id of ids) {
    const row = stmt.get(id) as HitFields | undefined;
    if (row) out.push(row);
  }
  return out;
}
