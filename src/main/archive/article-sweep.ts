/**
 * A resumable pass over the archive's live articles: in id order, a chunk per transaction,
 * with its progress in the meta table committed with the chunk, so that a crash resumes where
 * it stopped. The full-text index rebuild and the statements catch-up both run as one.
 */
import type { Db } from './open';

export class ArticleSweep {
  private readonly metaGet;
  private readonly metaSet;
  private readonly metaDelete;
  private readonly nextIds;
  private readonly nextKey: string;
  private readonly endKey: string;

  /** `name` prefixes its meta keys: `<name>_next` (the next article id) and `<name>_end` (the last). */
  constructor(
    private readonly db: Db,
    name: string,
  ) {
    this.nextKey = `${name}_next`;
    this.endKey = `${name}_end`;
    this.metaGet = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.metaSet = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.metaDelete = db.prepare('DELETE FROM meta WHERE key = ?');
    this.nextIds = db.prepare('SELECT id FROM articles WHERE id >= ? AND id <= ? AND superseded_by IS NULL ORDER BY id LIMIT ?').pluck();
  }

  /** True while the pass has articles left (read from the meta table). */
  running(): boolean {
    return this.metaGet.get(this.nextKey) !== undefined;
  }

  /** Starts a pass over every article stored so far (call inside the caller's transaction to start it with other writes). */
  start(): void {
    const maxId = (this.db.prepare('SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0;
    this.metaSet.run(this.nextKey, '1');
    this.metaSet.run(this.endKey, String(maxId));
  }

  /** How far the pass is (0–1), or null when none runs. */
  progress(): number | null {
    const next = this.metaGet.get(this.nextKey) as string | undefined;
    if (next === undefined) return null;
    return Math.min(1, (Number(next) - 1) / Math.max(1, Number(this.metaGet.get(this.endKey))));
  }

  /**
   * Runs one chunk in one transaction: `work` gets the next (up to `chunk`) live article ids, in
   * order, and `done` runs in the same transaction when they were the last. Returns true when
   * the pass is complete (or none was running).
   */
  step(chunk: number, work: (ids: number[]) => void, done?: () => void): boolean {
    return this.db.transaction(() => {
      const next = this.metaGet.get(this.nextKey) as string | undefined;
      if (next === undefined) return true;
      const end = Number(this.metaGet.get(this.endKey));
      const ids = this.nextIds.all(Number(next), end, chunk) as number[];
      work(ids);
      const last = ids.length ? ids[ids.length - 1]! : end;
      if (ids.length < chunk || last >= end) {
        this.metaDelete.run(this.nextKey);
        this.metaDelete.run(this.endKey);
        done?.();
        return true;
      }
      this.metaSet.run(this.nextKey, String(last + 1));
      return false;
    })();
  }
}
