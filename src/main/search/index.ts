/** Search: the query language, per-language analysis, the FTS5 index, the catalog, the engine. */
export { SearchEngine, type ArticleLookup } from './engine';
export { FullTextIndex, type IndexState, type IndexableArticle } from './fts-index';
export { ArticleCatalog, type CatalogEntry } from './catalog';
export { Vocabulary } from './vocabulary';
export { SavedSearches } from './saved';
export { QuerySyntaxError } from './query/ast';
export { analyseArticle, analyserFor, foldWord, tokensWithOffsets, ANALYSER_VERSION } from './analyse';
