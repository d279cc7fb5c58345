/** The archive: SQLite schema, migrations and the article store. The source of truth. */
export { openArchiveDb, openArchiveReader, schemaVersion, type Db, type OpenOptions } from './open';
export { SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
export { ArticleStore, combineIndexers, type ArchiveIndexer, type IndexerArticle, type HitFields, type NewArticle, type NewOriginal, type PreparedArticle, type StoredFile, type StoryFinder } from './articles';
export { defaultDataDir, resolveDbPath } from './location';
export { ArticleSweep } from './article-sweep';
export { hasRankExtension, rankExtensionPath } from './rank-extension';
