/**
 * Numbered schema migrations. Each runs once, in order, inside a transaction; the archive
 * records the version it reached (PRAGMA user_version) and when each step was applied.
 * Never edit a migration that has shipped: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Only adds what can be made again from the data (an index): the archive is not copied to a
   * backup first when every pending migration is one (a copy of 2 GB takes half a minute).
   */
  derivedOnly?: true;
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
  {
    version: 2,
    name: 'formats, facets, stories (near-duplicates), versions, richer import log',
    sql: `
      ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
      -- What identifies the article inside its file (feed guid, Reuters NEWID, row number).
      ALTER TABLE articles ADD COLUMN item_key TEXT;
      ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE articles ADD COLUMN modified_at TEXT;
      ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE articles ADD COLUMN image_caption TEXT;
      -- The first copy of the story this article is a copy of (itself when it is the first).
      ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES articles(id);
      -- The older version this article replaces (a re-import with another encoding).
      ALTER TABLE articles ADD COLUMN supersedes INTEGER REFERENCES articles(id);
      ALTER TABLE articles ADD COLUMN superseded_by INTEGER REFERENCES articles(id);
      UPDATE articles SET story_id = id;
      CREATE INDEX articles_story ON articles (story_id);
      CREATE INDEX articles_url ON articles (url);

      CREATE TABLE article_facets (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        facet      TEXT NOT NULL,
        value      TEXT NOT NULL
      );
      CREATE INDEX article_facets_value ON article_facets (facet, value);
      CREATE INDEX article_facets_article ON article_facets (article_id);

      -- MinHash band keys of each article's word shingles: candidates for near-duplicates.
      CREATE TABLE article_bands (
        band_key   INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id)
      );
      CREATE INDEX article_bands_key ON article_bands (band_key);

      -- The log gains per-file figures and the skipped/cancelled outcomes.
      CREATE TABLE import_log_v2 (
        id         INTEGER PRIMARY KEY,
        batch_id   INTEGER NOT NULL REFERENCES import_batches(id),
        file       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'error', 'skipped', 'cancelled')),
        article_id INTEGER REFERENCES articles(id),
        articles   INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        copies     INTEGER NOT NULL DEFAULT 0,
        format     TEXT,
        encoding   TEXT,
        encoding_reason TEXT,
        error      TEXT,
        warnings   TEXT NOT NULL DEFAULT '[]',
        at         TEXT NOT NULL
      );
      INSERT INTO import_log_v2 (id, batch_id, file, status, article_id, articles, error, warnings, at)
        SELECT id, batch_id, file, status, article_id, CASE WHEN status = 'imported' THEN 1 ELSE 0 END, error, warnings, at
        FROM import_log;
      DROP TABLE import_log;
      ALTER TABLE import_log_v2 RENAME TO import_log;
      CREATE INDEX import_log_batch ON import_log (batch_id);
      ALTER TABLE import_batches ADD COLUMN state TEXT NOT NULL DEFAULT 'done';
    `,
  },
  {
    version: 3,
    name: 'full-text index (FTS5), saved searches, search history, tags and speakers for search',
    sql: `
      -- Derived full-text index, kept in the same transactions as the articles it indexes.
      -- Columns hold analysed terms (src/main/search/analyse.ts), space-separated; the ascii
      -- tokenizer keeps them verbatim. Contentless: the text itself lives in articles.
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title_words, body_words, title_stems, body_stems,
        content = '', contentless_delete = 1, tokenize = 'ascii'
      );
      -- What search keeps in memory about each live article (search/catalog.ts), readable at
      -- open without walking the article bodies' overflow pages.
      CREATE INDEX articles_catalog ON articles (id, published_at, date_precision, language, source, agency, dateline, authors, story_id, superseded_by)
        WHERE superseded_by IS NULL;
      -- Every distinct word of the index with the number of articles holding it: the fuzzy
      -- word list, kept in the same transactions (reading it out of FTS5 takes seconds).
      CREATE TABLE search_words (
        word TEXT PRIMARY KEY,
        docs INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE saved_searches (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        query          TEXT NOT NULL,
        sort           TEXT NOT NULL DEFAULT 'relevance',
        created_at     TEXT NOT NULL,
        last_opened_at TEXT,
        -- The newest article id when it was last opened: later ids are "new".
        seen_upto      INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE search_history (
        id    INTEGER PRIMARY KEY,
        query TEXT NOT NULL,
        at    TEXT NOT NULL,
        total INTEGER NOT NULL
      );
      -- Filled by tagging and by statement extraction; searched with tag: and speaker:.
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        tag        TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
      );
      CREATE TABLE article_speakers (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        speaker    TEXT NOT NULL,
        PRIMARY KEY (article_id, speaker)
      );
    `,
  },
  {
    version: 4,
    name: 'people (officials registry, found speakers, analyst edits) and statements',
    sql: `
      -- A person who can be quoted: from the shipped registry (registry_key set), found in
      -- articles, or added by an analyst. merged_into points at the person this one was merged
      -- into (analyst merge); clearing it undoes the merge. Statements keep their person_id, so
      -- a merge moves them only by that pointer and is fully reversible.
      CREATE TABLE people (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        name_folded  TEXT NOT NULL,
        registry_key TEXT UNIQUE,
        merged_into  INTEGER REFERENCES people(id),
        origin       TEXT NOT NULL CHECK (origin IN ('registry', 'found', 'analyst')),
        created_at   TEXT NOT NULL
      );
      CREATE INDEX people_name_folded ON people (name_folded);
      CREATE INDEX people_merged_into ON people (merged_into);

      -- Other names of a person; alias_folded (case, diacritics, ё folded) is what lookups use.
      -- origin 'registry' rows are rewritten when the registry is refreshed; the others never.
      CREATE TABLE person_aliases (
        person_id    INTEGER NOT NULL REFERENCES people(id),
        alias        TEXT NOT NULL,
        alias_folded TEXT NOT NULL,
        origin       TEXT NOT NULL CHECK (origin IN ('registry', 'found', 'analyst')),
        PRIMARY KEY (person_id, alias_folded)
      );
      CREATE INDEX person_aliases_folded ON person_aliases (alias_folded);

      -- Offices held: dates "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the precision known); to_date
      -- NULL = still held. descriptors: JSON list of lowercase role phrases as news writes them.
      CREATE TABLE person_roles (
        id          INTEGER PRIMARY KEY,
        person_id   INTEGER NOT NULL REFERENCES people(id),
        title       TEXT NOT NULL,
        org         TEXT,
        country     TEXT,
        from_date   TEXT,
        to_date     TEXT,
        descriptors TEXT NOT NULL DEFAULT '[]',
        origin      TEXT NOT NULL CHECK (origin IN ('registry', 'found', 'analyst'))
      );
      CREATE INDEX person_roles_person ON person_roles (person_id);

      -- Statements attributed in articles. Offsets are UTF-16 indices into the article body
      -- (frozen once imported). quote_text / quote_folded are copies of the body's slice, kept
      -- for listing and word search. status: 'auto' (extractor), 'verified' / 'rejected' (an
      -- analyst's judgement of an auto one), 'manual' (marked by an analyst). Re-extraction
      -- replaces only 'auto' rows whose speaker no analyst set.
      CREATE TABLE statements (
        id                 INTEGER PRIMARY KEY,
        article_id         INTEGER NOT NULL REFERENCES articles(id),
        kind               TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
        quote_start        INTEGER NOT NULL,
        quote_end          INTEGER NOT NULL,
        quote_text         TEXT NOT NULL,
        quote_folded       TEXT NOT NULL,
        cue_start          INTEGER,
        cue_end            INTEGER,
        cue_text           TEXT,
        mention_start      INTEGER,
        mention_end        INTEGER,
        mention_text       TEXT,
        speaker_name_raw   TEXT,
        speaker_role_raw   TEXT,
        person_id          INTEGER REFERENCES people(id),
        -- How the speaker was resolved ('name', 'alias', 'surname', 'near', 'role', 'found', 'analyst').
        resolved_by        TEXT,
        status             TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'verified', 'rejected', 'manual')),
        speaker_by_analyst INTEGER NOT NULL DEFAULT 0,
        extractor_version  INTEGER,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      );
      CREATE INDEX statements_person ON statements (person_id);
      CREATE INDEX statements_article ON statements (article_id, quote_start);

      -- article_speakers (migration 3) is filled from statements: one row per article and
      -- resolved person (canonical name), with how many statements that person makes there.
      ALTER TABLE article_speakers ADD COLUMN statements INTEGER NOT NULL DEFAULT 1;
    `,
  },
  {
    version: 5,
    name: 'full-text index with impact tiers (ranked queries score only what can reach the page)',
    sql: `
      -- The index gains a fifth column, impact: tier tokens of the stems that weigh most in each
      -- article (src/main/search/tiers.ts). FTS5 cannot add a column, so the table is made anew;
      -- the analyser version (5) no longer matches the archive's, and the index is rebuilt in
      -- the background at open, searchable meanwhile (fts-index.ts).
      DROP TABLE search_fts;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title_words, body_words, title_stems, body_stems, impact,
        content = '', contentless_delete = 1, tokenize = 'ascii'
      );
    `,
  },
  {
    version: 6,
    name: 'hit fields in an index of their own (a page of hits reads no article rows)',
    derivedOnly: true,
    sql: `
      -- A page of hits shows each article's title, source, date, language and story. Read from
      -- the rows, that is a page or more per hit (the body lies between title and source);
      -- this covering index holds them densely, so a page of 20 hits reads a few index pages
      -- (articles.ts, hitFields).
      CREATE INDEX articles_hits ON articles (id, title, source, published_at, language, story_id);
    `,
  },
];

/** The schema version this build of Wirewatch writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
