/** Import: reading files (any encoding) into articles and storing them, each file all or nothing. */
export { Importer, SUPPORTED_EXTENSIONS, type ImporterDeps } from './importer';
export { readPlainTextArticle, ImportError, MAX_ARTICLE_BYTES, sha256 } from './read-article';
export { decodeBytes, type DecodedText } from './decode';
export { detectLanguage } from './language';
