/**
 * Dates in news text: finding date expressions and deciding an article's publication date.
 * Pure TypeScript with UTC arithmetic only; importable from any layer.
 *
 * @example
 * import { findDateMentions, resolvePublicationDate } from '../ingest/dates';
 */
export { findDateMentions, type DateMention, type DateMentionOptions } from './mentions';
export { resolvePublicationDate, type PublicationDateInput, type ResolvedDate } from './resolve';
export { findWeekdayCue, type WeekdayCue } from './cues';
