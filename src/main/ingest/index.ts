/** Import: reading files of every supported format (any encoding) into articles, each file all or nothing. */
export { Importer, type ImporterDeps, type ImportSource, type RunningImport } from './importer';
export { readFileArticles, EXTENSIONS, MAX_ARTICLE_BYTES, MAX_FILE_BYTES, type Format, type ReadFile } from './formats';
export { ImportError } from './errors';
export { sha256, prepareArticle } from './prepare';
export { decodeBytes, decodeWith, type DecodedText } from './decode';
export { detectLanguage } from './language';
export { parseMappingSpec } from './exports';
export { startReaderThread, inProcessReader, type FileReader } from './reader-pool';
export { readAndPrepare, type ReadResult } from './read-file';
export { previewExport } from './export-preview';
