/**
 * JSON and JSON Lines (NDJSON) exports: a list of article objects, however the tool wrapped
 * it. Nested objects are addressed by dotted paths (`source.name`), so a mapping and the guess
 * can reach into them.
 */
import type { ColumnMapping } from '../../../shared/types';
import { ImportError } from '../errors';
import type { ParsedArticle, ReaderInput } from '../parsed';
import { normaliseName } from './fields';
import { jsonErrorOffset } from './json-error';
import { guessColumnMapping, resolveMapping } from './mapping';
import { ArticleCollector, rowToArticle, unsureNote } from './rows';

const SAMPLE_ROWS = 50;
/** Nesting followed when listing paths; deeper values are read whole. */
const MAX_DEPTH = 4;
/** Distinct paths listed per file; a file with more keys than this is not an article list. */
const MAX_PATHS = 2000;
/** Names of the array holding the items in a wrapped export, best first. */
const LIST_KEYS = ['articles', 'items', 'data', 'results', 'records', 'entries', 'docs', 'documents', 'stories', 'posts', 'hits', 'news', 'rows', 'values'];

type JsonObject = Record<string, unknown>;
/** One item: the object, its place in the file, and its key when the items are an object's values. */
interface JsonRow {
  obj: JsonObject;
  rowNumber: number;
  key?: string;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a JSON export: an array of article objects, or an object holding one (`{"articles":
 * [...]}`, `{"data": [...]}`, `{"response": {"docs": [...]}}`), or a single article object.
 * An array of arrays whose first row is all strings is read as a header and rows. A file that
 * is really JSON Lines is read as such, with a note.
 *
 * @example
 *   readJsonExport({ text: '{"articles":[{"headline":"Hi","text":"Body","date":"2024-01-02"}]}', fileName: 'a.json' })
 *   // [{ title: 'Hi', paragraphs: ['Body'], itemKey: '1', publishedRaw: '2024-01-02' }]
 * @throws ImportError for malformed JSON (with its line), or JSON without a list of articles.
 */
export function readJsonExport(input: ReaderInput, mapping?: ColumnMapping): ParsedArticle[] {
  const text = stripBom(input.text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    if (looksLikeJsonLines(text)) return readJsonLines(input, mapping, 'read as JSON Lines: the file holds one object per line');
    throw new ImportError(`malformed JSON ${describeError(text)}`);
  }
  const rows = findRows(data);
  if (!rows) {
    throw new ImportError('the JSON holds no list of articles: expected an array of objects, or an object holding one such as {"articles": [...]}');
  }
  const out = new ArticleCollector(input.fileName);
  if (rows.note) out.note(rows.note);
  const objects: JsonRow[] = [];
  rows.items.forEach((item, i) => {
    if (isObject(item)) objects.push({ obj: item, rowNumber: i + 1, key: rows.keys?.[i] });
    else out.skip(`row ${i + 1}`, `not an object but ${describe(item)}`);
  });
  return readObjects(objects, mapping, out, (n) => `row ${n}`);
}

/**
 * Reads a JSON Lines export: one object per line. A line that is not valid JSON (or not an
 * object) is skipped with a warning naming it; the others still import.
 *
 * @example
 *   readNdjsonExport({ text: '{"title":"A"}\n{oops\n{"title":"B"}\n', fileName: 'a.jsonl' }).length // 2
 * @throws ImportError when no line holds an object.
 */
export function readNdjsonExport(input: ReaderInput, mapping?: ColumnMapping): ParsedArticle[] {
  return readJsonLines(input, mapping);
}

function readJsonLines(input: ReaderInput, mapping: ColumnMapping | undefined, note?: string): ParsedArticle[] {
  const text = stripBom(input.text);
  const out = new ArticleCollector(input.fileName);
  if (note) out.note(note);
  const objects: JsonRow[] = [];
  let firstError: string | null = null;
  let lineNo = 0;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).trim();
    start = end + 1;
    lineNo++;
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const why = `not valid JSON (${describeError(line).replace(/^at line 1, /, '')})`;
      firstError ??= `line ${lineNo}: ${why}`;
      out.skip(`line ${lineNo}`, why);
      continue;
    }
    if (isObject(value)) objects.push({ obj: value, rowNumber: lineNo });
    else {
      firstError ??= `line ${lineNo}: not an object`;
      out.skip(`line ${lineNo}`, `not an object but ${describe(value)}`);
    }
  }
  if (objects.length === 0) {
    throw new ImportError(firstError ? `no line of the file holds a JSON object (${firstError})` : 'the file holds no JSON lines');
  }
  return readObjects(objects, mapping, out, (n) => `line ${n}`);
}

/** Maps the objects to articles with the given mapping over the guess. */
function readObjects(
  objects: JsonRow[],
  mapping: ColumnMapping | undefined,
  out: ArticleCollector,
  where: (rowNumber: number) => string,
): ParsedArticle[] {
  if (objects.length === 0) return out.finish([]); // throws: an empty list, or no objects in it
  const paths = new Map<string, string[]>();
  const objectPaths = new Set<string>();
  for (const { obj } of objects) collectPaths(obj, [], paths, objectPaths);
  const leaves = [...paths.keys()].filter((p) => !objectPaths.has(p));
  const sample = objects.slice(0, SAMPLE_ROWS).map(({ obj }) => Object.fromEntries(leaves.map((p) => [p, getPath(obj, paths.get(p)!)])));
  const { mapping: used, unsure } = resolveMapping(leaves, [...paths.keys()], sample, mapping);
  const note = unsureNote(used, unsure);
  if (note) out.note(note);

  for (const { obj, rowNumber, key } of objects) {
    const article = rowToArticle((col) => getPath(obj, paths.get(col) ?? [col]), used, key ?? String(rowNumber));
    if (article) out.add(article);
    else out.skip(where(rowNumber), 'no title or body');
  }
  return out.finish([...paths.keys()]);
}

/** Records every path to a value (and which of them hold objects), with the keys along it. */
function collectPaths(obj: JsonObject, keys: string[], paths: Map<string, string[]>, objectPaths: Set<string>): void {
  for (const [k, v] of Object.entries(obj)) {
    const along = [...keys, k];
    const path = along.join('.');
    if (!paths.has(path)) {
      if (paths.size >= MAX_PATHS) return;
      paths.set(path, along);
    }
    if (isObject(v) && along.length < MAX_DEPTH) {
      objectPaths.add(path);
      collectPaths(v, along, paths, objectPaths);
    }
  }
}

function getPath(obj: JsonObject, keys: string[]): unknown {
  let v: unknown = obj;
  for (const k of keys) {
    if (!isObject(v)) return undefined;
    v = v[k];
  }
  return v;
}

/**
 * The array of items in the parsed JSON: the top level, or the best array of objects within
 * three levels of a wrapping object (known list names first, then the longest), or the values
 * of an object keyed by id (`{"a1": {...}, "a2": {...}}`).
 */
function findRows(data: unknown): { items: unknown[]; keys?: string[]; note?: string } | null {
  if (Array.isArray(data)) return tableRows(data) ?? { items: data };
  if (!isObject(data)) return null;
  const found: Array<{ path: string; key: string; items: unknown[] }> = [];
  let emptyList: string | null = null;
  const visit = (o: JsonObject, path: string, depth: number) => {
    for (const [k, v] of Object.entries(o)) {
      const p = path ? `${path}.${k}` : k;
      if (Array.isArray(v) && v.some(isObject)) found.push({ path: p, key: normaliseName(k), items: v });
      else if (Array.isArray(v) && v.length === 0 && LIST_KEYS.includes(normaliseName(k))) emptyList ??= p;
      else if (isObject(v) && depth < 3) visit(v, p, depth + 1);
    }
  };
  visit(data, '', 1);
  if (found.length === 0 && emptyList) throw new ImportError(`the file's list of articles ("${emptyList}") is empty`);
  if (found.length === 0) {
    // One article on its own, or articles keyed by their ids.
    const { mapping } = guessColumnMapping(Object.keys(data), [data]);
    if (mapping.title || mapping.body) return { items: [data] };
    const values = Object.values(data);
    if (values.length > 0 && values.every(isObject)) return { items: values, keys: Object.keys(data) };
    return null;
  }
  const rank = (f: { key: string }) => {
    const r = LIST_KEYS.indexOf(f.key);
    return r < 0 ? LIST_KEYS.length : r;
  };
  found.sort((a, b) => rank(a) - rank(b) || b.items.length - a.items.length);
  const best = found[0]!;
  return { items: best.items, note: found.length > 1 ? `articles read from "${best.path}" (the file has other lists too)` : undefined };
}

/** `[["title","text"],["A","B"]]`: a header row and data rows, as objects. */
function tableRows(data: unknown[]): { items: unknown[] } | null {
  if (data.length < 2 || !data.every(Array.isArray)) return null;
  const header = data[0] as unknown[];
  if (!header.every((h) => typeof h === 'string')) return null;
  const names = header as string[];
  return { items: (data.slice(1) as unknown[][]).map((row) => Object.fromEntries(names.map((h, i) => [h, row[i]]))) };
}

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n', 3).map((l) => l.trim());
  if (lines.filter(Boolean).length < 2) return false;
  try {
    return isObject(JSON.parse(lines[0]!));
  } catch {
    return false;
  }
}

/** Where and how the JSON goes wrong: "at line 3, column 17: unexpected "}"". */
function describeError(text: string): string {
  const at = jsonErrorOffset(text);
  if (at < 0) return '';
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const what = at >= text.length ? 'the text ends before the JSON does' : `unexpected ${JSON.stringify(text.slice(at, at + 12).split(/\r?\n/)[0])}`;
  return `at line ${line}, column ${at - lineStart + 1}: ${what}`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `a string ("${v.slice(0, 40)}")`;
  return `a ${typeof v}`;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
