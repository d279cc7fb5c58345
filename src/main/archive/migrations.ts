/**
 * Numbered schema migrations. Each runs once, in order, inside a transaction; the archive
 * records the version it reached (PRAGMA user_version) and when each step was applied.
 * Never edit a migration that has shipped: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, originals, import batches and log',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      INSERT INTO meta (key, value) VALUES ('index_generation', '0');

      CREATE TABLE import_batches (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        origin      TEXT NOT NULL
      );

      -- The original bytes of every imported file, once per distinct content.
      CREATE TABLE originals (
        id           INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        size         INTEGER NOT NULL,
        bytes        BLOB NOT NULL
      );

      CREATE TABLE articles (
        id               INTEGER PRIMARY KEY,
        original_id      INTEGER NOT NULL REFERENCES originals(id),
        batch_id         INTEGER NOT NULL REFERENCES import_batches(id),
        file             TEXT NOT NULL,
        file_modified_at TEXT,
        encoding         TEXT NOT NULL,
        encoding_reason  TEXT NOT NULL,
        title            TEXT NOT NULL,
        body             TEXT NOT NULL,
        source           TEXT,
        agency           TEXT,
        dateline         TEXT,
        published_at     TEXT,
        date_precision   TEXT CHECK (date_precision IN ('day', 'month', 'year')),
        date_inferred    INTEGER NOT NULL DEFAULT 0,
        date_note        TEXT,
        date_evidence    TEXT,
        image_credit     TEXT,
        url              TEXT,
        language         TEXT,
        text_hash        TEXT NOT NULL,
        imported_at      TEXT NOT NULL
      );
      CREATE INDEX articles_original ON articles (original_id);
      CREATE INDEX articles_text_hash ON articles (text_hash);
      CREATE INDEX articles_published ON articles (published_at);

      -- One row per file per import: what happened to it and why.
      CREATE TABLE import_log (
        id         INTEGER PRIMARY KEY,
        batch_id   INTEGER NOT NULL REFERENCES import_batches(id),
        file       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'error')),
        article_id INTEGER REFERENCES articles(id),
        error      TEXT,
        warnings   TEXT NOT NULL DEFAULT '[]',
        at         TEXT NOT NULL
      );
      CREATE INDEX import_log_batch ON import_log (batch_id);
    `,
  },
];

/** The schema version this build of Wirewatch writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
