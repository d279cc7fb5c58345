/**
 * Turning the values found in an export's cells (strings, numbers, arrays, small objects, HTML
 * fragments) into the plain values of an article.
 */
import { parseLooseDate } from '../dates/loose';
import { decodeEntities } from '../html/entities';
import { VALUE_KEYS } from './fields';

/**
 * Keys whose value stands for a small object, value-like ones first: `{"name": "Reuters"}`,
 * `{"$date": ...}` (MongoDB), `{"_": "text", "$": {attributes}}` (XML converted by xml2js).
 */
const OBJECT_TEXT_KEYS = ['$date', '$numberLong', 'value', 'name', 'title', 'text', '_', '#text', 'rendered', 'main', 'original', 'displayName', 'fullName', 'label'];

/**
 * The text a cell holds: strings trimmed, numbers and booleans written out, a small object by
 * its name/value/text key, an array's items joined by ", ". Empty string for nothing.
 *
 * @example
 *   textOf({ id: 'bbc-news', name: 'BBC News' }) // 'BBC News'
 */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map(textOf).filter(Boolean).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of OBJECT_TEXT_KEYS) if (k in o) return textOf(o[k]);
    // Keys differing only in case: {"Name": ...}
    for (const [k, val] of Object.entries(o)) if (VALUE_KEYS.includes(k.toLowerCase())) return textOf(val);
  }
  return '';
}

/** One line of text: HTML tags and entities resolved, white space folded. */
export function lineOf(v: unknown): string {
  const s = textOf(v);
  return (looksLikeHtml(s) ? htmlToText(s) : s).replace(/\s+/g, ' ').trim();
}

/**
 * Body paragraphs: an array is one paragraph per item; a string is split on blank lines (or
 * on single line breaks when it has no blank line), and an HTML fragment on its blocks.
 *
 * @example
 *   paragraphsOf('First line\nstill first.\n\nSecond.') // ['First line still first.', 'Second.']
 */
export function paragraphsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => paragraphsOf(x));
  let s = typeof v === 'string' ? v : textOf(v);
  if (looksLikeHtml(s)) s = htmlToText(s);
  s = s.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t\u00a0]*\n/.test(s) ? s.split(/\n[ \t\u00a0]*\n\s*/) : s.split('\n');
  return blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Author names: an array of names (or of `{name}` objects), or one string listing them
 * ("A, B and C", "A & B", "A; B"), a leading "By" dropped. A "Last, First" byline comes out
 * as two names: exports from news tools list people, not catalogue entries.
 *
 * @example
 *   authorsOf('By Jane Doe and John Roe') // ['Jane Doe', 'John Roe']
 */
export function authorsOf(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(lineOf) : [lineOf(v)];
  const out: string[] = [];
  for (const item of items) {
    const parts = item.replace(/^by\s+/i, '').split(/\s*[,;]\s*|\s+(?:and|&|und|et|и|та|і)\s+/i);
    for (const part of parts) {
      const name = part.replace(/^(?:and|&)\s+/i, '').trim();
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/**
 * A list of keywords: an array's items, or a string split on `;`, `|` or `,`.
 *
 * @example
 *   listOf('politics; EU | trade') // ['politics', 'EU', 'trade']
 */
export function listOf(v: unknown): string[] {
  let parts: string[];
  if (Array.isArray(v)) parts = v.map(lineOf);
  else {
    const s = lineOf(v);
    parts = s.split(/[;|]/.test(s) ? /\s*[;|]\s*/ : /\s*,\s*/);
  }
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', russian: 'ru', ukrainian: 'uk', german: 'de', french: 'fr', spanish: 'es', portuguese: 'pt',
  italian: 'it', polish: 'pl', czech: 'cs', chinese: 'zh', japanese: 'ja', korean: 'ko', arabic: 'ar',
  turkish: 'tr', kazakh: 'kk', dutch: 'nl', swedish: 'sv', romanian: 'ro', hungarian: 'hu',
  русский: 'ru', английский: 'en', українська: 'uk', deutsch: 'de', français: 'fr', español: 'es', português: 'pt',
};

/**
 * A declared language as a lower-case primary subtag: `en-US` → `en`, `pt_BR` → `pt`,
 * `English` → `en`; null when it is not recognisable.
 */
export function languageOf(v: unknown): string | null {
  const s = lineOf(v).toLowerCase();
  const code = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(s);
  if (code) return code[1]!;
  return LANGUAGE_NAMES[s] ?? null;
}

/** True when a cell holds something that reads as a date (or a Unix time). */
export function looksLikeDate(v: unknown): boolean {
  if (typeof v === 'number') return v > 1e8 && v < 1e13 && Number.isInteger(v);
  const s = textOf(v);
  return s.length >= 6 && s.length <= 60 && /\d/.test(s) && parseLooseDate(s) !== null;
}

/**
 * The date as the export wrote it, for the pipeline to parse: a string, or a number written
 * out (Unix seconds or milliseconds). Null when empty.
 */
export function rawDateOf(v: unknown): string | null {
  const s = textOf(v);
  return s || null;
}

/** A modification time as ISO 8601, or null when the value is not a date. */
export function isoDateOf(v: unknown): string | null {
  const s = textOf(v);
  if (!s) return null;
  return parseLooseDate(s)?.value ?? null;
}

/** True for text that carries HTML markup or character references. */
export function looksLikeHtml(s: string): boolean {
  // Only real HTML element names count: wire copy writes tickers as <BP> and <TCB.N>.
  for (const m of s.matchAll(TAG)) if (HTML_ELEMENTS.has(m[1]!.toLowerCase())) return true;
  return /&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});/i.test(s);
}

const TAG = /<\/?([a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/gi;

/** Elements that occur in feed and export HTML fragments. */
const HTML_ELEMENTS = new Set(
  ('a abbr article aside b big blockquote br caption cite code dd del div dl dt em figcaption figure font footer h1 h2 h3 ' +
    'h4 h5 h6 header hr i img ins kbd li mark nav ol p picture pre q s section small source span strong sub sup table ' +
    'tbody td tfoot th thead time tr u ul video').split(' '),
);

/**
 * An HTML fragment as plain text: block ends and `<br>` become line breaks (blank lines
 * between paragraphs), tags are dropped, character references decoded. Every pattern stops
 * at the next `<`, so a cell full of stray `<` stays linear.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\b[^<>]*>/gi, '\n')
      .replace(/<\/?(?:p|div|h[1-6]|li|blockquote|section|article|tr|figure|figcaption|pre)\b[^<>]*>/gi, '\n\n')
      // Other tags are dropped, but only HTML ones: "<BP>" in wire copy is text.
      .replace(TAG, (tag, name: string) => (HTML_ELEMENTS.has(name.toLowerCase()) ? '' : tag))
      .replace(/<!--[^<>]*-->/g, ''),
  ).replace(/\u00a0/g, ' ');
}
