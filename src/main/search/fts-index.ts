import { ArticleSweep, hasRankExtension, type Db } from '../archive';
import { ANALYSER_VERSION, analyseArticle, stemToken, type IndexedText } from './analyse';
import { tieredTop, type TieredSource, type TierQuery } from './tiered-top';
import { phrasesOf } from './fts-phrases';

/** The article fields the index reads. */
export interface IndexableArticle {
  id: number;
  title: string;
  body: string;
  language: string | null;
  /** Already analysed (on the reader thread), else analysed here. */
  analysed?: IndexedText;
}

/** Index health, for `archive.info` and the search notices. */
export interface IndexState {
  state: 'ready' | 'building';
  /** Articles searchable now, and articles that will be once a build finishes. */
  indexed: number;
  total: number;
}

/**
 * Column weights for BM25: title terms count twice. Order: title_words, body_words, title_stems,
 * body_stems, impact (tier tokens: they select candidates and never add to a score).
 */
const WEIGHTS = '2.0, 1.0, 2.0, 1.0, 0.0';
const BM25 = `bm25(search_fts, ${WEIGHTS})`;
/**
 * The same BM25 through the ranking extension (rank-extension.ts), its first argument the rows
 * of each phrase (`phraseCounts`), bound before the MATCH expression.
 */
const EXTENSION_BM25 = `wirewatch_bm25(search_fts, ?, ${WEIGHTS})`;

/** Phrase row counts kept (see `phraseCounts`); beyond, they are counted afresh. */
const PHRASE_COUNTS_KEPT = 100_000;

/** Stem keys `FullTextIndex.keyLookup` reads of one language at most (a few milliseconds). */
const KEYS_READ_AT_MOST = 30_000;

/** Leaf pages written per background merge step (a few tens of milliseconds). */
const MERGE_PAGES = 200;

/** Articles indexed per background step: small enough that queries wait at most some tens of ms. */
export const REBUILD_CHUNK = 400;

/**
 * The full-text index: an SQLite FTS5 table inside the archive, holding analysed words and
 * stems of every live article (see analyse.ts). Because it lives in the archive, additions
 * and removals commit in the same transaction as the articles: a crash cannot leave the
 * index behind the archive. It is rebuilt in the background, searchable meanwhile, when it
 * was made by another analyser version, when an older archive is upgraded, or when its row
 * count disagrees with the archive's at open.
 */
export class FullTextIndex {
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly metaGet;
  private readonly metaSet;
  /** The resumable rebuild (meta keys `search_rebuild_next` / `_end`). */
  private readonly rebuild: ArticleSweep;
  private readonly rowsBetween;
  private readonly matchScored;
  private readonly matchIds;
  private readonly matchAny;
  private readonly matchIdList;
  private readonly matchOne;
  private readonly matchTop;
  private readonly matchCount;
  private readonly mergeStmt;
  private readonly totalChanges;
  private readonly averagesStmt;
  /** What the tiered ranking reads (tiered-top.ts). */
  private readonly tierSource: TieredSource;

  /** Word counts of the articles added in the current file's transaction, written at its end. */
  private pendingWords = new Map<string, number>();
  private readonly upsertWord;
  private readonly containsStmt;
  /**
   * True while a rebuild has articles left (mirrors the sweep's meta key, which only this object
   * writes), so that every search need not read the meta table to know.
   */
  private rebuilding: boolean;
  /** Writes by this connection (articles added or removed, the index emptied): they drop the kept stem keys and phrase counts (`checkState`). */
  private writes = 0;
  /** Stem keys present per language prefix (`it·`), as the index stood at `readAt`. */
  private readonly keysByPrefix = new Map<string, Set<string> | null>();
  /** Rows holding each phrase (an expression of its own, see fts-phrases.ts), as the index stood at `readAt`. */
  private readonly phraseRows = new Map<string, number>();
  /** The index state the kept keys and counts were read at: SQLite's data_version and this connection's writes. */
  private readAt = { dataVersion: -1, writes: -1 };
  /** True inside `snapshot` once `readAt` has been checked (nothing can change until it ends). */
  private stateChecked = false;
  /** True when ranking goes through the extension's wirewatch_bm25 (else FTS5's bm25). */
  readonly ranksWithExtension: boolean;
  private readonly dataVersionStmt;
  private vocabRange: ((from: string, to: string, limit: number) => string[]) | null = null;
  private readonly readTransaction: <T>(read: () => T) => T;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO search_fts (rowid, title_words, body_words, title_stems, body_stems, impact) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.deleteStmt = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    this.metaGet = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.metaSet = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.containsStmt = db.prepare('SELECT 1 FROM search_fts_docsize WHERE id = ?');
    this.rebuild = new ArticleSweep(db, 'search_rebuild');
    this.rebuilding = this.rebuild.running();
    this.dataVersionStmt = db.prepare('PRAGMA data_version').pluck();
    this.rowsBetween = db.prepare('SELECT id, title, body, language FROM articles WHERE id >= ? AND id <= ? AND superseded_by IS NULL ORDER BY id');
    this.upsertWord = db.prepare('INSERT INTO search_words (word, docs) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET docs = docs + excluded.docs');
    this.ranksWithExtension = hasRankExtension(db);
    const rank = this.ranksWithExtension ? EXTENSION_BM25 : BM25;
    this.matchScored = db.prepare(`SELECT rowid, -${rank} FROM search_fts WHERE search_fts MATCH ?`).raw(true);
    this.matchIds = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').raw(true);
    this.matchAny = db.prepare('SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1');
    this.matchCount = db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
    this.mergeStmt = db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
    // One JSON array instead of a row per hit: a third cheaper on common words (60,000 hits).
    this.matchIdList = db.prepare('SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH ?').pluck();
    this.matchOne = db.prepare('SELECT 1 FROM search_fts WHERE search_fts MATCH ? AND rowid = ?').pluck();
    this.matchTop = db.prepare(`SELECT rowid, -${rank} AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score DESC, rowid LIMIT ?`).raw(true);
    // FTS5's averages record (rowid 1 of its data table): row count, then tokens per column.
    this.averagesStmt = db.prepare('SELECT block FROM search_fts_data WHERE id = 1').pluck();
    const inTransaction = db.transaction((read: () => unknown) => read());
    this.readTransaction = <T>(read: () => T) => inTransaction(read) as T;
    this.tierSource = {
      top: (expr, k) => this.matchTop.all(...this.rankArgs(expr), k) as Array<[number, number]>,
      count: (expr) => this.count(expr),
      stats: () => this.tableStats(),
    };
  }

  /** Rows in the index and their mean token count over all columns, as FTS5's BM25 reads them. */
  private tableStats(): { rows: number; avgdl: number } | null {
    const block = this.averagesStmt.get() as Buffer | undefined;
    if (!block) return null;
    const [rows = 0, ...columns] = readVarints(block);
    const tokens = columns.reduce((a, b) => a + b, 0);
    return rows > 0 ? { rows, avgdl: tokens / rows } : null;
  }

  /**
   * Runs `read` in one read transaction: its statements all see the archive as the first one
   * found it (an import committing on another connection cannot make a page's count disagree
   * with its hits), and SQLite takes its read lock once, not at each statement (about 6 µs each
   * in WAL mode; a page of hits runs four or five). Inside a transaction already, just runs it.
   */
  snapshot<T>(read: () => T): T {
    if (this.db.inTransaction) return read();
    return this.readTransaction(() => {
      this.checkState();
      this.stateChecked = true;
      try {
        return read();
      } finally {
        this.stateChecked = false;
      }
    });
  }

  /**
   * Drops the stem keys and phrase counts kept from an earlier state of the index: after a
   * change by this connection (it counts its own writes) or by another (`PRAGMA data_version`).
   */
  private checkState(): void {
    if (this.stateChecked) return;
    const dataVersion = this.dataVersionStmt.get() as number;
    if (dataVersion !== this.readAt.dataVersion || this.writes !== this.readAt.writes) {
      this.keysByPrefix.clear();
      this.phraseRows.clear();
      this.readAt = { dataVersion, writes: this.writes };
    }
  }

  /**
   * What a ranking statement binds before its MATCH expression: the rows of each of the
   * expression's phrases when ranking through the extension, nothing with FTS5's bm25.
   */
  private rankArgs(expression: string): [string] | [string | null, string] {
    return this.ranksWithExtension ? [this.phraseCounts(expression), expression] : [expression];
  }

  /**
   * The rows holding each phrase of an expression, in FTS5's order, as wirewatch_bm25 takes them
   * ("1742 5012"): what bm25() counts by running every phrase at every query, counted here once
   * and kept while the index is unchanged (a common word recurs in many queries). Null when the
   * expression's phrases cannot be told (the extension then counts them itself).
   */
  private phraseCounts(expression: string): string | null {
    const phrases = phrasesOf(expression);
    if (!phrases) return null;
    this.checkState();
    if (this.phraseRows.size > PHRASE_COUNTS_KEPT) this.phraseRows.clear();
    let out = '';
    for (const phrase of phrases) {
      let n = this.phraseRows.get(phrase);
      if (n === undefined) {
        // Not through `count`: these counts weigh the phrases, they count no query's hits.
        n = this.matchCount.get(phrase) as number;
        this.phraseRows.set(phrase, n);
      }
      out += out ? ` ${n}` : `${n}`;
    }
    return out;
  }

  /** Indexes one article (call inside the transaction that stores it). */
  add(a: IndexableArticle): void {
    this.writes++;
    const t = a.analysed ?? analyseArticle(a.title, a.body, a.language);
    this.insertStmt.run(a.id, t.titleWords, t.bodyWords, t.titleStems, t.bodyStems, t.impact);
    for (const w of t.distinctWords.split(' ')) if (w) this.pendingWords.set(w, (this.pendingWords.get(w) ?? 0) + 1);
  }

  /** Starts a file's transaction: nothing pending (a failed file's words are dropped). */
  beginFile(): void {
    this.pendingWords.clear();
  }

  /** Writes the word counts of the file's articles, inside its transaction. */
  endFile(): void {
    for (const [w, n] of this.pendingWords) this.upsertWord.run(w, n);
    this.pendingWords.clear();
  }

  /** Takes an article out (it was replaced by a newer version). Missing rows are ignored. */
  remove(id: number): void {
    this.writes++;
    if (this.contains(id)) this.deleteStmt.run(id);
  }

  private contains(id: number): boolean {
    return this.containsStmt.get(id) !== undefined;
  }

  /**
   * Checks the index against the archive and starts a background rebuild when it was made by
   * another analyser, was being rebuilt when the archive closed, or misses articles. Returns
   * why a rebuild is needed, or null when the index is usable as it is.
   */
  checkAtOpen(): string | null {
    if (this.rebuilding) return 'an interrupted rebuild is resumed';
    const version = this.metaGet.get('search_analyser') as string | undefined;
    let reason: string | null = null;
    if (version === undefined) reason = 'the archive has no full-text index yet';
    else if (Number(version) !== ANALYSER_VERSION) reason = `the index was made by analyser ${version}, this is ${ANALYSER_VERSION}`;
    else if (this.indexedCount() !== this.liveCount()) reason = `the index holds ${this.indexedCount()} articles, the archive ${this.liveCount()}`;
    if (reason) this.startRebuild();
    return reason;
  }

  private startRebuild(): void {
    this.writes++;
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
      this.db.prepare('DELETE FROM search_words').run();
      this.rebuild.start();
      this.metaSet.run('search_analyser', String(ANALYSER_VERSION));
    })();
    this.rebuilding = true;
  }

  /** True while a rebuild has articles left to index. */
  get building(): boolean {
    return this.rebuilding;
  }

  /**
   * Indexes the next `chunk` articles of a rebuild in one transaction (progress is saved with
   * them, so a crash resumes where it stopped). Returns true when the rebuild is complete.
   */
  rebuildStep(chunk = REBUILD_CHUNK): boolean {
    const done = this.rebuild.step(chunk, (ids) => {
      if (ids.length === 0) return;
      const rows = this.rowsBetween.all(ids[0], ids[ids.length - 1]) as IndexableArticle[];
      this.beginFile();
      for (const r of rows) this.add(r);
      this.endFile();
    });
    // Set once the step has committed.
    if (done) this.rebuilding = false;
    return done;
  }

  /** Runs a whole rebuild now (the CLI does, before answering a search). */
  finishRebuild(): void {
    while (!this.rebuildStep(5000));
  }

  /** Articles in the index. */
  indexedCount(): number {
    return this.db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get() as number;
  }

  private liveCount(): number {
    return this.db.prepare('SELECT count(*) FROM articles WHERE superseded_by IS NULL').pluck().get() as number;
  }

  /** Where the index stands. */
  state(): IndexState {
    const indexed = this.indexedCount();
    return { state: this.building ? 'building' : 'ready', indexed, total: this.building ? this.liveCount() : indexed };
  }

  /**
   * Calls `visit(id, score)` for every article matching an FTS5 expression; the score is BM25
   * (higher is better) when `scored`, else 0 (cheaper: for date order and counting).
   */
  match(expression: string, scored: boolean, visit: (id: number, score: number) => void): void {
    const rows = (scored ? this.matchScored.all(...this.rankArgs(expression)) : this.matchIds.all(expression)) as Array<[number, number?]>;
    for (const row of rows) visit(row[0], row[1] ?? 0);
  }

  /**
   * What tells whether some article holds a stem key (`it·not`) of a language prefix (`it·`),
   * as the index stands now (take a new one after a change). A prefix's keys are read whole
   * from FTS5's vocabulary on first use (a few milliseconds for a language of some hundred
   * articles: meant for such) and kept until the index changes, by this connection or another.
   * A query leaves out the stems no article holds: each costs FTS5 a lookup in the count, in
   * the ranking and in BM25's weights.
   */
  keyLookup(): (prefix: string, key: string) => boolean {
    this.checkState();
    return (prefix, key) => {
      let keys = this.keysByPrefix.get(prefix);
      if (keys === undefined) {
        // Terms from `§it·` up to the next character after the mark: exactly the prefix's keys.
        const from = stemToken(prefix);
        const to = from.slice(0, -1) + String.fromCharCode(from.charCodeAt(from.length - 1) + 1);
        const terms = this.vocab()(from, to, KEYS_READ_AT_MOST + 1);
        // More than that: not a small language after all; its keys are taken as held.
        keys = terms.length > KEYS_READ_AT_MOST ? null : new Set(terms.map((t) => t.slice(1)));
        this.keysByPrefix.set(prefix, keys);
      }
      return keys === null || keys.has(key);
    };
  }

  /** Terms of the index in [from, to), through an fts5vocab table of this connection's own. */
  private vocab(): (from: string, to: string, limit: number) => string[] {
    if (!this.vocabRange) {
      // In the temp schema: nothing is added to the archive, and a read-only connection may create it.
      this.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, row)');
      const stmt = this.db.prepare('SELECT term FROM temp.search_vocab WHERE term >= ? AND term < ? LIMIT ?').pluck();
      this.vocabRange = (from, to, limit) => stmt.all(from, to, limit) as string[];
    }
    return this.vocabRange;
  }

  /** Every article matching an FTS5 expression, unranked. */
  ids(expression: string): number[] {
    return JSON.parse(this.matchIdList.get(expression) as string) as number[];
  }

  /** How many articles match an FTS5 expression. */
  count(expression: string): number {
    return this.matchCount.get(expression) as number;
  }

  /**
   * One step of merging the index's segments into fewer (each import commits new ones; a
   * query reads every segment, so a merged index answers about twice as fast on common words).
   * Returns false when there was nothing left to merge.
   */
  mergeStep(pages = MERGE_PAGES): boolean {
    const before = this.totalChanges.get() as number;
    this.mergeStmt.run(-pages);
    // FTS5's documented test: a merge that did work changes the total by 2 or more.
    return (this.totalChanges.get() as number) - before >= 2;
  }

  /**
   * The `k` best articles for an FTS5 expression by BM25 (higher is better), best first, ties
   * by id. With `tiers` (what the expression scores by) and its number of hits, only the hits
   * that can reach the top k are scored (tiered-top.ts); the answer is the same.
   */
  top(expression: string, k: number, tiers: TierQuery | null = null, hits = 0): Array<[number, number]> {
    const tiered = tiers ? tieredTop(this.tierSource, expression, k, tiers, hits) : null;
    return tiered ?? (this.matchTop.all(...this.rankArgs(expression), k) as Array<[number, number]>);
  }

  /** How many of `ids` match the expression (a lookup each: for a handful of ids). */
  countAmong(expression: string, ids: number[]): number {
    let n = 0;
    for (const id of ids) if (this.matchOne.get(expression, id) !== undefined) n++;
    return n;
  }

  /** True when at least one article matches the expression. */
  any(expression: string): boolean {
    return this.matchAny.get(expression) !== undefined;
  }

  /**
   * Every distinct folded word in the index (for fuzzy matching), with the number of articles
   * holding it (counts are not lowered when an article is replaced: they order candidates).
   */
  words(): IterableIterator<[string, number]> {
    // Imports and rebuilds write the table with the index, so it always covers it.
    return this.db.prepare('SELECT word, docs FROM search_words').raw(true).iterate() as IterableIterator<[string, number]>;
  }
}

/** SQLite varints (as FTS5 writes its records), one after another. */
function readVarints(buf: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < buf.length) {
    let v = 0;
    for (let n = 1; ; n++) {
      const b = buf[i++]!;
      if (n === 9) {
        v = v * 256 + b;
        break;
      }
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80) || i >= buf.length) break;
    }
    out.push(v);
  }
  return out;
}
