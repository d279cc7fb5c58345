/**
 * Which column of an export fills which article field: a guess from the column names (and a
 * look at the first rows when the names say nothing), a `--map` spec from the command line,
 * and the two merged, the given mapping winning.
 */
import type { ColumnMapping, ExportField } from '../../../shared/types';
import { ImportError } from '../errors';
import { EXPORT_FIELDS, FIELD_ALIASES, FIELD_NAMES, WRAPPER_KEYS, isValueKey, normaliseName } from './fields';
import { looksLikeDate, textOf } from './values';

/** Fields the UI should ask about when nothing matches them. */
const CORE_FIELDS: readonly ExportField[] = ['title', 'body', 'date'];
/** Names of every field, normalised, to tell `source.id` (a part of a field) from `meta.id`. */
const ALL_NAMES = new Set(Object.values(FIELD_NAMES).flat());

/** The result of guessing: the mapping, and the fields a person should confirm. */
export interface MappingGuess {
  mapping: ColumnMapping;
  /** Core fields (title, body, date) that matched no column, and fields that several columns could fill. */
  unsure: ExportField[];
}

/**
 * Guesses which column fills which field from the column names (case, spaces, underscores
 * and punctuation ignored; nested JSON paths such as `source.name` understood), using the
 * sample rows to break ties and, for the body, date and URL, to find a column whose name
 * says nothing.
 *
 * @example
 *   guessColumnMapping(['Headline', 'Text', 'PubDate', 'source.name'], rows).mapping
 *   // { title: 'Headline', body: 'Text', date: 'PubDate', source: 'source.name' }
 */
export function guessColumnMapping(headers: string[], sampleRows: Record<string, unknown>[]): MappingGuess {
  const mapping: ColumnMapping = {};
  const unsure: ExportField[] = [];
  const used = new Set<string>();
  const stats = new Map(headers.map((h) => [h, columnStats(h, sampleRows)]));

  for (const field of EXPORT_FIELDS) {
    const candidates = headers
      .filter((h) => !used.has(h))
      .map((h) => ({ h, match: matchRank(h, field), ...stats.get(h)! }))
      .filter((c): c is typeof c & { match: Match } => c.match !== null)
      .sort((a, b) => a.match.rank - b.match.rank || b.filled - a.filled || (field === 'body' ? b.avgLength - a.avgLength : 0));
    const best = candidates[0];
    if (best) {
      mapping[field] = best.h;
      used.add(best.h);
      // Another column at the same level that could serve, and holds something, makes the
      // guess worth confirming (`date` and `pubDate`; not `link` and `enclosure.url`).
      const rivals = candidates.slice(1).filter((c) => c.match.nested === best.match.nested && (c.filled > 0 || sampleRows.length === 0));
      if (rivals.length > 0) unsure.push(field);
      continue;
    }
    const byContent = guessByContent(field, headers.filter((h) => !used.has(h)), stats);
    if (byContent) {
      mapping[field] = byContent;
      used.add(byContent);
      if (field !== 'url') unsure.push(field);
    } else if (CORE_FIELDS.includes(field)) unsure.push(field);
  }
  return { mapping, unsure };
}

interface Match {
  /** 0 for the field's first name, higher for weaker names and for nested paths. */
  rank: number;
  /** Matched through a nested path (after wrappers such as `_source.` are set aside). */
  nested: boolean;
}

/** How well a column name matches a field, or null for no match. */
function matchRank(column: string, field: ExportField): Match | null {
  const names = FIELD_NAMES[field];
  let segs = column.split('.').filter((s) => s.trim() !== '');
  while (segs.length > 1 && (segs[0]!.startsWith('_') || WRAPPER_KEYS.has(normaliseName(segs[0]!)))) segs = segs.slice(1);
  if (segs.length === 0) return null;
  if (segs.length === 1) {
    const r = names.indexOf(normaliseName(segs[0]!));
    return r >= 0 ? { rank: r, nested: false } : null;
  }
  const nested = (r: number, extra: number): Match | null => (r >= 0 ? { rank: r + extra, nested: true } : null);
  const whole = names.indexOf(normaliseName(segs.join('')));
  if (whole >= 0) return nested(whole, 0.25);
  const last = segs[segs.length - 1]!;
  const parent = normaliseName(segs[segs.length - 2]!);
  if (isValueKey(last)) return nested(names.indexOf(parent), 0.5);
  // `source.id` is part of the source, not the item's id; `stats.published_at` is a date.
  if (ALL_NAMES.has(parent)) return null;
  return nested(names.indexOf(normaliseName(last)), 1);
}

interface ColumnStats {
  /** Sample rows where the column holds text. */
  filled: number;
  avgLength: number;
  /** Share of filled values that read as a date / a web address. */
  dateShare: number;
  urlShare: number;
}

function columnStats(column: string, rows: Record<string, unknown>[]): ColumnStats {
  let filled = 0;
  let length = 0;
  let dates = 0;
  let urls = 0;
  for (const row of rows) {
    const v = row[column];
    const s = typeof v === 'number' ? String(v) : textOf(v);
    if (!s) continue;
    filled++;
    length += s.length;
    if (looksLikeDate(v)) dates++;
    if (/^https?:\/\/\S+$/i.test(s)) urls++;
  }
  return { filled, avgLength: filled ? length / filled : 0, dateShare: filled ? dates / filled : 0, urlShare: filled ? urls / filled : 0 };
}

/** A column whose values show what it is: long prose for the body, dates, web addresses. */
function guessByContent(field: ExportField, free: string[], stats: Map<string, ColumnStats>): string | null {
  const pick = (ok: (s: ColumnStats) => boolean, by: (s: ColumnStats) => number) =>
    free.filter((h) => ok(stats.get(h)!)).sort((a, b) => by(stats.get(b)!) - by(stats.get(a)!))[0] ?? null;
  switch (field) {
    case 'body':
      return pick((s) => s.filled > 0 && s.avgLength >= 200 && s.dateShare < 0.5 && s.urlShare < 0.5, (s) => s.avgLength);
    case 'date':
      return pick((s) => s.filled > 0 && s.dateShare >= 0.8, (s) => s.filled);
    case 'url':
      return pick((s) => s.filled > 0 && s.urlShare >= 0.8, (s) => s.filled);
    default:
      return null;
  }
}

/**
 * Reads a `--map` spec: comma-separated `field=column` pairs. Field names are the article
 * fields (title, body, summary, date, url, source, author, language, agency, dateline,
 * modified, keywords, id) or a few plain aliases (headline, text, published, tags...). A column
 * may be quoted to hold a comma (`title="Headline, main"`); `-` or nothing after `=` means
 * "no column for this field".
 *
 * @example
 *   parseMappingSpec('body=Text,date=PubDate') // { body: 'Text', date: 'PubDate' }
 * @throws ImportError naming the valid fields for an unknown one.
 */
export function parseMappingSpec(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of splitSpec(spec)) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new ImportError(`column mapping "${part.trim()}" has no "=": write it as field=column, e.g. body=Text`);
    const name = part.slice(0, eq).trim().toLowerCase();
    const field = (EXPORT_FIELDS as readonly string[]).includes(name) ? (name as ExportField) : FIELD_ALIASES[name];
    if (!field) {
      throw new ImportError(`unknown field "${part.slice(0, eq).trim()}" in the column mapping; the fields are: ${EXPORT_FIELDS.join(', ')}`);
    }
    if (field in mapping) throw new ImportError(`the column mapping names ${field} twice`);
    let column = part.slice(eq + 1).trim();
    if (column.length >= 2 && column.startsWith('"') && column.endsWith('"')) column = column.slice(1, -1).replace(/""/g, '"');
    mapping[field] = column === '-' ? '' : column;
  }
  return mapping;
}

/** Splits on commas outside double quotes. */
function splitSpec(spec: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] === '"') quoted = !quoted;
    else if (spec[i] === ',' && !quoted) {
      parts.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(spec.slice(start));
  return parts;
}

/**
 * The mapping to read a file with: the guess, overridden field by field by the given
 * mapping. A given column is found by its exact name, else by its name with case, spaces and
 * punctuation ignored.
 *
 * @param columns the columns to guess among (for JSON, the paths that hold values)
 * @param addressable every name a given mapping may use (for JSON, object paths too)
 * @throws ImportError when the given mapping names a column the file does not have, or when
 *   no column could be a title or a body.
 */
export function resolveMapping(
  columns: string[],
  addressable: string[],
  sampleRows: Record<string, unknown>[],
  given: ColumnMapping | undefined,
): { mapping: ColumnMapping; unsure: ExportField[] } {
  const guess = guessColumnMapping(columns, sampleRows);
  const mapping: ColumnMapping = { ...guess.mapping };
  const unsure = new Set(guess.unsure);
  if (given) {
    const chosen = new Map<string, ExportField>();
    for (const field of EXPORT_FIELDS) {
      const want = given[field];
      if (want === undefined) continue;
      unsure.delete(field);
      if (want === '') {
        delete mapping[field];
        continue;
      }
      const column = findColumn(want, addressable);
      if (column === null) {
        throw new ImportError(`the column mapping names a column "${want}" (for ${field}) that the file does not have; its columns are: ${listColumns(addressable)}`);
      }
      mapping[field] = column;
      chosen.set(column, field);
    }
    // A column the person assigned is no longer free for what the guess had it do.
    for (const field of EXPORT_FIELDS) {
      const col = mapping[field];
      if (col !== undefined && chosen.has(col) && chosen.get(col) !== field && given[field] === undefined) delete mapping[field];
    }
  }
  if (!mapping.title && !mapping.body && !mapping.summary) {
    throw new ImportError(
      `no column looks like a title or a body; the columns are: ${listColumns(addressable)}. Name them with a column mapping, e.g. title=Headline,body=Text`,
    );
  }
  return { mapping, unsure: EXPORT_FIELDS.filter((f) => unsure.has(f)) };
}

function findColumn(want: string, columns: string[]): string | null {
  if (columns.includes(want)) return want;
  const key = normaliseName(want);
  const matches = columns.filter((c) => normaliseName(c) === key);
  return matches.length === 1 ? matches[0]! : null;
}

function listColumns(columns: string[]): string {
  const shown = columns.slice(0, 40).map((c) => (c === '' ? '""' : c)).join(', ');
  return columns.length > 40 ? `${shown} … (${columns.length} in all)` : shown || '(none)';
}
