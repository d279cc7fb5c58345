/** Import: reading files of every supported format (any encoding) into articles, each file all or nothing. */
export { Importer, type StoredArticle, type ImporterDeps, type ImportSource, type RunningImport } from './importer';
export { EXTENSIONS, isZip, type Format } from './format-names';
export { ImportError } from './errors';
export { sha256 } from './prepare';
export { assertKnownEncoding, decodeBytes, decodeWith, type DecodedText } from './decode';
export { detectLanguage } from './language';
export { parseMappingSpec } from './exports';
export { startReaderThread, inProcessReader, type FileReader } from './reader-pool';
export type { ReadResult } from './read-file';
export { previewExport } from './export-preview';
