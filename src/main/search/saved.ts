import type { Db } from '../archive';
import { SEARCH_SORTS, type SavedSearch, type SearchHistoryEntry, type SearchSort } from '../../shared/types';

/** Recent searches kept in the history. */
export const HISTORY_SIZE = 100;


interface SavedRow {
  id: number;
  name: string;
  query: string;
  sort: string;
  created_at: string;
  last_opened_at: string | null;
  seen_upto: number;
}

/**
 * Saved searches and the recent-searches history, in the archive (analysts' work: every write
 * is its own durable transaction). A saved search remembers the newest article id when it was
 * last opened; articles imported after that which match it are its "new" matches.
 */
export class SavedSearches {
  constructor(
    private readonly db: Db,
    /** Counts the articles matching `query` with an id above `afterId`. */
    private readonly countNew: (query: string, afterId: number) => number,
  ) {}

  private newestId(): number {
    return (this.db.prepare('SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0;
  }

  /** Every saved search, by name, with its count of new matches. */
  list(): SavedSearch[] {
    const rows = this.db.prepare('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE').all() as SavedRow[];
    return rows.map((r) => this.toSaved(r));
  }

  private toSaved(r: SavedRow): SavedSearch {
    let newMatches = 0;
    try {
      newMatches = r.seen_upto < this.newestId() ? this.countNew(r.query, r.seen_upto) : 0;
    } catch {
      // A query saved by an older version that no longer parses: it shows no new matches.
    }
    return {
      id: r.id,
      name: r.name,
      query: r.query,
      sort: (SEARCH_SORTS as readonly string[]).includes(r.sort) ? (r.sort as SearchSort) : 'relevance',
      createdAt: r.created_at,
      lastOpenedAt: r.last_opened_at,
      newMatches,
    };
  }

  /** Saves `query` as `name` (replacing a search of that name); its new matches start from now. */
  save(name: string, query: string, sort: SearchSort): SavedSearch {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO saved_searches (name, query, sort, created_at, seen_upto) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET query = excluded.query, sort = excluded.sort, seen_upto = excluded.seen_upto`,
      )
      .run(name, query, sort, now, this.newestId());
    return this.toSaved(this.db.prepare('SELECT * FROM saved_searches WHERE name = ?').get(name) as SavedRow);
  }

  /** Marks a saved search opened now. Returns undefined when there is no such search. */
  open(id: number): SavedSearch | undefined {
    const r = this.db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedRow | undefined;
    if (!r) return undefined;
    // Returned with the new matches it had until now, so the caller can say what was new.
    const before = this.toSaved(r);
    const openedAt = new Date().toISOString();
    this.db.prepare('UPDATE saved_searches SET last_opened_at = ?, seen_upto = ? WHERE id = ?').run(openedAt, this.newestId(), id);
    return { ...before, lastOpenedAt: openedAt };
  }

  /** Deletes a saved search; false when there was none. */
  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes > 0;
  }

  /** Adds a query to the history (a repeat of the latest query only refreshes it). */
  record(query: string, total: number): void {
    const q = query.trim();
    if (!q) return;
    const now = new Date().toISOString();
    this.db.transaction(() => {
      const last = this.db.prepare('SELECT id, query FROM search_history ORDER BY id DESC LIMIT 1').get() as { id: number; query: string } | undefined;
      if (last?.query === q) this.db.prepare('UPDATE search_history SET at = ?, total = ? WHERE id = ?').run(now, total, last.id);
      else this.db.prepare('INSERT INTO search_history (query, at, total) VALUES (?, ?, ?)').run(q, now, total);
      this.db.prepare('DELETE FROM search_history WHERE id <= (SELECT max(id) FROM search_history) - ?').run(HISTORY_SIZE);
    })();
  }

  /** Recent queries, newest first. */
  history(limit = 30): SearchHistoryEntry[] {
    return this.db.prepare('SELECT query, at, total FROM search_history ORDER BY id DESC LIMIT ?').all(limit) as SearchHistoryEntry[];
  }
}
