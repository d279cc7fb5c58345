/**
 * Exports from other tools (news APIs, Media Cloud, spreadsheets, CMS dumps) as articles:
 * JSON, JSON Lines and CSV/TSV, with columns matched to article fields by name or by a
 * mapping a person gives.
 */
export type { ColumnMapping, ExportField } from '../../../shared/types';
export { readJsonExport, readNdjsonExport } from './json';
export { readDelimitedExport, parseDelimited, type Delimiter, type DelimitedRecord } from './delimited';
export { guessColumnMapping, parseMappingSpec, resolveMapping, type MappingGuess } from './mapping';
export { EXPORT_FIELDS, FIELD_NAMES } from './fields';
