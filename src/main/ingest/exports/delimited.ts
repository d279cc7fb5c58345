/**
 * CSV and TSV exports with a header row. Quoting follows RFC 4180 (quoted fields may hold
 * delimiters, doubled quotes and line breaks), leniently: a quote inside an unquoted field is
 * kept as a character, and text after a closing quote is kept too. A BOM, CRLF or CR line ends
 * and blank lines are fine. The parser walks the text once with `indexOf`, so time and memory
 * are linear in the file.
 */
import type { ColumnMapping } from '../../../shared/types';
import { ImportError } from '../errors';
import type { ParsedArticle, ReaderInput } from '../parsed';
import { resolveMapping } from './mapping';
import { ArticleCollector, rowToArticle, unsureNote } from './rows';

/** Rows looked at to guess the mapping. */
const SAMPLE_ROWS = 50;

export type Delimiter = ',' | '\t' | ';';

/** One record and the line it starts on (1-based). */
export interface DelimitedRecord {
  cells: string[];
  line: number;
}

/**
 * Splits delimited text into records. Blank lines are skipped.
 *
 * @example
 *   [...parseDelimited('a,b\n"x, y","say ""hi"""\n', ',')].map((r) => r.cells)
 *   // [['a', 'b'], ['x, y', 'say "hi"']]
 * @throws ImportError when a quoted field is never closed, naming the line it opens on.
 */
export function* parseDelimited(text: string, delimiter: Delimiter): Generator<DelimitedRecord> {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (pos < n) {
    const recordLine = line;
    const cells: string[] = [];
    let sawQuote = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === 0x22) {
        sawQuote = true;
        const openLine = line;
        const parts: string[] = [];
        pos++;
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q < 0) {
            throw new ImportError(`unclosed quote: the quoted field that opens on line ${openLine} never ends (a " is missing)`);
          }
          const chunk = text.slice(pos, q);
          line += countNewlines(chunk);
          parts.push(chunk);
          if (text.charCodeAt(q + 1) === 0x22) {
            parts.push('"');
            pos = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        // Lenient: `"abc"def` keeps `def`.
        const end = fieldEnd(text, pos, delim);
        if (end > pos) parts.push(text.slice(pos, end));
        pos = end;
        value = parts.join('');
      } else {
        const end = fieldEnd(text, pos, delim);
        value = text.slice(pos, end);
        pos = end;
      }
      cells.push(value);
      if (pos < n && text.charCodeAt(pos) === delim) {
        pos++;
        continue;
      }
      // End of the record: CRLF, LF, CR or the end of the text.
      if (text.charCodeAt(pos) === 0x0d) pos++;
      if (text.charCodeAt(pos) === 0x0a) pos++;
      line++;
      break;
    }
    if (cells.length === 1 && cells[0] === '' && !sawQuote) continue;
    yield { cells, line: recordLine };
  }
}

function countNewlines(s: string): number {
  let k = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) k++;
  return k;
}

/** Index of the next delimiter or line end at or after `pos`. */
function fieldEnd(text: string, pos: number, delim: number): number {
  const n = text.length;
  let i = pos;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === delim || c === 0x0a || c === 0x0d) break;
    i++;
  }
  return i;
}

/**
 * Reads a CSV or TSV export (header row first) into articles, one per row. Columns are
 * matched to fields by name (see `guessColumnMapping`); `mapping` overrides the guess. A file
 * read as comma-separated whose header has no comma but semicolons or tabs is read with that
 * delimiter instead (Excel in many locales writes `;`).
 *
 * Rows with more or fewer cells than the header are read as far as they go, with a warning;
 * rows with neither title nor body are skipped with a warning. An unclosed quote fails the
 * whole file (ImportError with the line it opens on): everything after it would be one cell,
 * and importing the rows before it would hide the loss.
 *
 * @example
 *   readDelimitedExport({ text: 'title,text,date\nHello,World,2024-01-02\n', fileName: 'a.csv' }, ',')
 *   // [{ title: 'Hello', paragraphs: ['World'], itemKey: '1', publishedRaw: '2024-01-02' }]
 */
export function readDelimitedExport(input: ReaderInput, delimiter: Delimiter, mapping?: ColumnMapping): ParsedArticle[] {
  const first = parseDelimited(input.text, delimiter).next();
  if (first.done) throw new ImportError('the file holds no header row');
  let delim = delimiter;
  if (delimiter === ',' && first.value.cells.length === 1) {
    const header = first.value.cells[0]!;
    const semis = header.split(';').length - 1;
    const tabs = header.split('\t').length - 1;
    if (semis > 0 || tabs > 0) delim = tabs > semis ? '\t' : ';';
  }

  const records = parseDelimited(input.text, delim);
  const headerRecord = records.next().value as DelimitedRecord;
  const headers = uniqueHeaders(headerRecord.cells);
  const width = headers.length;

  // The sample for the guess: the first rows, as objects.
  const buffered: DelimitedRecord[] = [];
  for (let r = records.next(); !r.done; r = records.next()) {
    buffered.push(r.value);
    if (buffered.length >= SAMPLE_ROWS) break;
  }
  if (buffered.length === 0) throw new ImportError('the file has a header row but no rows');
  const sample = buffered.map((rec) => Object.fromEntries(headers.map((h, i) => [h, rec.cells[i] ?? ''])));
  const { mapping: used, unsure } = resolveMapping(headers, headers, sample, mapping);

  const index = new Map(headers.map((h, i) => [h, i]));
  const out = new ArticleCollector(input.fileName);
  if (delim !== delimiter) out.note(`read as ${delim === ';' ? 'semicolon' : 'tab'}-separated: the header row has no commas`);
  const note = unsureNote(used, unsure);
  if (note) out.note(note);

  let rowNumber = 0;
  const readRecord = (rec: DelimitedRecord) => {
    rowNumber++;
    const where = `row ${rowNumber} (line ${rec.line})`;
    const article = rowToArticle((col) => rec.cells[index.get(col)!] ?? '', used, String(rowNumber));
    if (!article) {
      out.skip(where, 'no title or body');
      return;
    }
    if (rec.cells.length !== width) {
      const what =
        rec.cells.length < width
          ? `${rec.cells.length} cells where the header has ${width}; the missing ones are read as empty`
          : `${rec.cells.length} cells where the header has ${width}; the ${rec.cells.length - width} extra ones are ignored`;
      (article.warnings ??= []).push(`${where}: ${what}`);
    }
    out.add(article);
  };
  for (const rec of buffered) readRecord(rec);
  buffered.length = 0;
  for (let r = records.next(); !r.done; r = records.next()) readRecord(r.value);
  return out.finish(headers);
}

/** Header names trimmed; an empty one becomes "column N", a repeated one "name (2)". */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const base = raw.trim() || `column ${i + 1}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}
