/** Statements: who said what. Extraction, the people registry, speaker resolution, storage and API. */
export { openStatements, type StatementsService, type StatementsOptions } from './service';
export { extractStatements, EXTRACTOR_VERSION } from './extract';
export type { ExtractedStatement, ExtractOptions, Span, StatementKind } from './types';
export { RegistryError, readRegistryFile, defaultRegistryPath } from './registry';
