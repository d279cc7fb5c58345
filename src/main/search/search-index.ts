import fs from 'node:fs';
import MiniSearch, { type SearchResult as MsResult } from 'minisearch';
import type { Article, SearchResult } from '../../shared/types';
import { normaliseTerm, tokenize } from './analyse';
import { makeSnippet } from './snippet';

/** What the index holds of an article: only what it searches; everything else is read from the archive. */
interface IndexedDoc {
  id: number;
  title: string;
  body: string;
}

/** Where the index's answers come from, so a caller can fetch titles, bodies and dates. */
export interface ArticleLookup {
  getMany(ids: number[]): Article[];
}

/** State of the derived index at open, for `archive.info` and the logs. */
export type IndexStatus = 'loaded' | 'built (missing)' | 'rebuilt (stale)' | 'rebuilt (unreadable)';

const FILE_MAGIC = 'WIREWATCH-INDEX 1';

const OPTIONS = {
  idField: 'id',
  fields: ['title', 'body'],
  storeFields: [] as string[],
  tokenize,
  processTerm: (term: string) => normaliseTerm(term) || null,
  searchOptions: {
    boost: { title: 2 },
    combineWith: 'AND' as const,
    // Prefix and fuzzy matching only where a word is long enough for them to mean something.
    prefix: (term: string) => term.length >= 3,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  },
};

/**
 * The full-text index over titles and bodies (MiniSearch). Derived from the archive:
 * persisted beside it for a fast start, checked against the archive's generation counter
 * at open and rebuilt when missing, stale or unreadable.
 */
export class SearchIndex {
  private constructor(
    private ms: MiniSearch<IndexedDoc>,
    private readonly file: string,
    readonly status: IndexStatus,
  ) {}

  /**
   * Loads the index persisted at `file` if it reflects archive generation `generation`,
   * else builds it from `articles` and saves it.
   *
   * @example
   *   const index = SearchIndex.open('/tmp/w.db.index', store.generation(), () => store.iterate());
   */
  static open(file: string, generation: number, articles: () => Iterable<Article>): SearchIndex {
    let status: IndexStatus = 'built (missing)';
    if (fs.existsSync(file)) {
      try {
        const text = fs.readFileSync(file, 'utf8');
        const newline = text.indexOf('\n');
        const [magic, gen] = text.slice(0, newline).split('\t');
        if (magic === FILE_MAGIC && Number(gen) === generation) {
          return new SearchIndex(MiniSearch.loadJSON<IndexedDoc>(text.slice(newline + 1), OPTIONS), file, 'loaded');
        }
        status = 'rebuilt (stale)';
      } catch {
        status = 'rebuilt (unreadable)';
      }
    }
    const index = new SearchIndex(new MiniSearch<IndexedDoc>(OPTIONS), file, status);
    for (const a of articles()) index.add(a);
    index.save(generation);
    return index;
  }

  /** Adds or replaces one article. */
  add(a: Pick<Article, 'id' | 'title' | 'body'>): void {
    const doc = { id: a.id, title: a.title, body: a.body };
    if (this.ms.has(a.id)) this.ms.replace(doc);
    else this.ms.add(doc);
  }

  /** Takes an article out of the index (it was replaced by a newer version). */
  remove(id: number): void {
    if (this.ms.has(id)) this.ms.discard(id);
  }

  get documentCount(): number {
    return this.ms.documentCount;
  }

  /**
   * Writes the index atomically (temporary file, fsync, rename), stamped with the archive
   * generation it reflects. A crash mid-write leaves the previous file, which the next open
   * finds stale and rebuilds.
   */
  save(generation: number): void {
    const tmp = `${this.file}.tmp-${process.pid}`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, `${FILE_MAGIC}\t${generation}\n`);
      fs.writeSync(fd, JSON.stringify(this.ms));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }

  /**
   * Searches titles and bodies: every word must match (exactly, as a prefix, or within an
   * edit distance of one for words of five letters or more). Hits carry a snippet with the
   * matched words marked.
   */
  search(query: string, lookup: ArticleLookup, offset = 0, limit = 20): SearchResult {
    const results: MsResult[] = query.trim() ? this.ms.search(query) : [];
    const page = results.slice(offset, limit < 0 ? undefined : offset + limit);
    const articles = new Map(lookup.getMany(page.map((r) => r.id as number)).map((a) => [a.id, a]));
    const hits = page.flatMap((r) => {
      const a = articles.get(r.id as number);
      if (!a) return [];
      const matched = new Set(r.terms);
      const { snippet, highlights } = makeSnippet(a.body || a.title, matched);
      return [
        {
          id: a.id,
          title: a.title,
          source: a.source,
          publishedAt: a.publishedAt,
          score: Math.round(r.score * 1000) / 1000,
          snippet,
          highlights,
        },
      ];
    });
    return { total: results.length, hits };
  }
}
