import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import { loadRankExtension } from './rank-extension';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path of a better-sqlite3 native binding built for another runtime (the Electron build,
   * see README "Electron and better-sqlite3"). Plain Node leaves it unset.
   */
  nativeBinding?: string;
  /** The migrations to apply; the shipped list by default (tests pass their own). */
  migrations?: Migration[];
}

/**
 * Opens (creating if needed) the archive at `file`: WAL journal, full fsync on commit,
 * foreign keys on, and every pending migration applied. An existing archive with an older
 * schema is copied to `<file>.v<N>.bak` before it is migrated.
 *
 * @example
 *   const db = openArchiveDb('/tmp/w.db');
 *   db.prepare('SELECT count(*) AS n FROM articles').get();
 */
export function openArchiveDb(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it returns, so a crash or power cut loses nothing committed.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A larger page cache: the full-text index merges its segments as articles arrive.
    db.pragma('cache_size = -65536');
    migrate(db, file, options.migrations ?? MIGRATIONS);
    // The ranking extension when it is built (rank-extension.ts); else search ranks with bm25().
    loadRankExtension(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Opens an archive another connection has opened (and migrated) for reading only: a second
 * thread's view, which sees every committed transaction and can write nothing.
 */
export function openArchiveReader(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  loadRankExtension(db);
  return db;
}

/** The schema version recorded in the archive. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, migrations: Migration[]): void {
  const target = migrations[migrations.length - 1]!.version;
  const current = schemaVersion(db);
  if (current > target) {
    throw new Error(
      `${file}: archive schema version ${current} is newer than this Wirewatch understands (${target}); update Wirewatch`,
    );
  }
  if (current === target) return;
  // A migration that only derives (an index) runs in its transaction and changes no data.
  const pending = migrations.filter((m) => m.version > current);
  if (current > 0 && !pending.every((m) => m.derivedOnly)) backupBeforeMigration(db, file, current);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function backupBeforeMigration(db: Db, file: string, version: number): void {
  const target = `${file}.v${version}.bak`;
  // VACUUM INTO writes a consistent, compact copy including what is still in the WAL.
  if (!fs.existsSync(target)) db.prepare('VACUUM INTO ?').run(target);
}
