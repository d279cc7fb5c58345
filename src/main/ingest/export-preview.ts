import path from 'node:path';
import type { ExportPreview } from '../../shared/types';
import { decodeBytes } from './decode';
import { ImportError } from './errors';
import { guessColumnMapping, parseDelimited, type Delimiter } from './exports';

const SAMPLE_ROWS = 20;
const DELIMITERS: Record<string, Delimiter> = { '.csv': ',', '.tsv': '\t', '.tab': '\t' };

/**
 * The columns of an export file and the guessed mapping, so a person can confirm or change it
 * before importing. Null for files that are not exports (CSV, TSV, JSON, NDJSON).
 *
 * @example
 *   previewExport(bytes, 'export.csv')
 *   // { format: 'csv', columns: ['Headline', 'Text'], mapping: { title: 'Headline', body: 'Text' }, unsure: ['date'], sample: [...] }
 */
export function previewExport(bytes: Uint8Array, fileName: string): ExportPreview | null {
  const ext = path.extname(fileName).toLowerCase();
  const text = decodeBytes(bytes).text;
  let format: ExportPreview['format'];
  let rows: Array<Record<string, unknown>>;
  if (ext in DELIMITERS) {
    format = ext === '.csv' ? 'csv' : 'tsv';
    const records = parseDelimited(text, delimiterOf(text, DELIMITERS[ext]!));
    const header = records.next();
    if (header.done) throw new ImportError('the file has no header row');
    const columns = header.value.cells;
    rows = [];
    for (const r of records) {
      rows.push(Object.fromEntries(columns.map((c, i) => [c, r.cells[i] ?? ''])));
      if (rows.length >= SAMPLE_ROWS) break;
    }
  } else if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') {
    format = ext === '.json' ? 'json' : 'ndjson';
    rows = ext === '.json' ? jsonRows(text) : ndjsonRows(text);
  } else return null;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const guess = guessColumnMapping(columns, rows);
  const mapped = new Set(Object.values(guess.mapping));
  const unmapped = columns.filter((c) => !mapped.has(c));
  return {
    format,
    columns,
    mapping: guess.mapping,
    unsure: guess.unsure,
    // Worth asking only when the title or body is in doubt and some column could still fill it.
    ask: columns.length > 0 && unmapped.length > 0 && (guess.unsure.includes('title') || guess.unsure.includes('body')),
    sample: rows.slice(0, 3).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, preview(v)]))),
  };
}

/** The reader's rule: a header with no commas but semicolons (or tabs) is split on those. */
function delimiterOf(text: string, byName: Delimiter): Delimiter {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  if (byName === ',' && !header.includes(',')) {
    if (header.includes(';')) return ';';
    if (header.includes('\t')) return '\t';
  }
  return byName;
}

function jsonRows(text: string): Array<Record<string, unknown>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(data) && !Array.isArray(data)) return [];
  let list: unknown[] | undefined = Array.isArray(data) ? data : Object.values(data).find(Array.isArray);
  // An object keyed by id whose values are the records: {"a1": {...}, "a2": {...}}.
  if (!list && isRecord(data) && Object.values(data).every(isRecord)) list = Object.values(data);
  return (list ?? []).filter(isRecord).slice(0, SAMPLE_ROWS);
}

function ndjsonRows(text: string): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const line of text.split('\n')) {
    if (rows.length >= SAMPLE_ROWS) break;
    try {
      const v = JSON.parse(line);
      if (isRecord(v)) rows.push(v);
    } catch {
      // a bad line: the import reports it
    }
  }
  return rows;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}
