import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, openArchiveDb, resolveDbPath, schemaVersion } from '../src/main/archive';
import { defaultDataDir } from '../src/main/archive';
import { tempDir } from './helpers/paths';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archive', () => {
  it('creates a WAL archive at the current schema version with its migrations recorded', () => {
    dir = tempDir();
    const db = openArchiveDb(path.join(dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('backs the archive up before migrating it, and the backup keeps the data', () => {
    dir = tempDir();
    const file = path.join(dir, 'a.db');
    const v1 = [MIGRATIONS[0]!];
    let db = openArchiveDb(file, { migrations: v1 });
    db.prepare("INSERT INTO meta (key, value) VALUES ('analyst-note', 'keep me')").run();
    db.close();

    const v2 = [...v1, { version: 2, name: 'test column', sql: 'ALTER TABLE articles ADD COLUMN extra TEXT' }];
    db = openArchiveDb(file, { migrations: v2 });
    expect(schemaVersion(db)).toBe(2);
    db.close();
    const backup = openArchiveDb(`${file}.v1.bak`, { migrations: v1 });
    expect(backup.prepare("SELECT value FROM meta WHERE key = 'analyst-note'").get()).toEqual({ value: 'keep me' });
    backup.close();
  });

  it('adds an index to an archive without copying it first, and backs up when data changes too', () => {
    dir = tempDir();
    const file = path.join(dir, 'a.db');
    const v1 = [MIGRATIONS[0]!];
    openArchiveDb(file, { migrations: v1 }).close();
    const index = { version: 2, name: 'test index', sql: 'CREATE INDEX test_titles ON articles (title)', derivedOnly: true as const };
    let db = openArchiveDb(file, { migrations: [...v1, index] });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'test_titles'").get()).toEqual({ name: 'test_titles' });
    db.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
    const column = { version: 3, name: 'test column', sql: 'ALTER TABLE articles ADD COLUMN extra TEXT' };
    db = openArchiveDb(file, { migrations: [...v1, index, column] });
    db.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual(['a.db.v2.bak']);
  });

  it('refuses an archive from a newer Wirewatch with a message naming the file', () => {
    dir = tempDir();
    const file = path.join(dir, 'a.db');
    const db = openArchiveDb(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openArchiveDb(file)).toThrow(/a\.db: archive schema version \d+ is newer/);
  });

  it('chooses the archive from --db, then WIREWATCH_DB, then the user data folder', () => {
    dir = tempDir();
    expect(resolveDbPath('x.db', { WIREWATCH_DB: '/tmp/y.db' })).toBe(path.resolve('x.db'));
    expect(resolveDbPath(undefined, { WIREWATCH_DB: '/tmp/y.db' })).toBe('/tmp/y.db');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/home/u/.cfg' })).toBe(
      process.platform === 'linux' ? '/home/u/.cfg/Wirewatch/wirewatch.db' : path.join(defaultDataDir({}), 'wirewatch.db'),
    );
  });
});

describe('migrating an archive from schema 1', () => {
  it('keeps every article and log line, links each article to its own story, and leaves a backup', () => {
    dir = tempDir();
    const file = path.join(dir, 'old.db');
    const v1 = openArchiveDb(file, { migrations: [MIGRATIONS[0]!] });
    v1.exec(`
      INSERT INTO import_batches (id, started_at, origin) VALUES (1, '2026-11-01T00:00:00Z', 'files');
      INSERT INTO originals (id, content_hash, size, bytes) VALUES (1, 'abc', 3, x'414243');
      INSERT INTO articles (id, original_id, batch_id, file, encoding, encoding_reason, title, body, text_hash, imported_at)
        VALUES (7, 1, 1, '/f.txt', 'utf-8', 'valid UTF-8', 'Old title', 'Old body', 'h', '2026-11-01T00:00:00Z');
      INSERT INTO import_log (batch_id, file, status, article_id, warnings, at) VALUES (1, '/f.txt', 'imported', 7, '[]', '2026-11-01T00:00:00Z');
    `);
    v1.close();
    const db = openArchiveDb(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, title, story_id, format FROM articles').all()).toEqual([
      { id: 7, title: 'Old title', story_id: 7, format: 'text' },
    ]);
    expect(db.prepare('SELECT file, status, article_id, articles FROM import_log').all()).toEqual([
      { file: '/f.txt', status: 'imported', article_id: 7, articles: 1 },
    ]);
    db.close();
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
  });
});
