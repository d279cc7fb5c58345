/**
 * Reuters-21578 SGML files (`reut2-NNN.sgm`): one article per `<REUTERS>` document. A linear
 * scan with `indexOf`: the layout is fixed (README.txt, section VI), so no SGML parser is needed.
 */
import { parseLooseDate } from '../dates/loose';
import { ImportError } from '../errors';
import type { ParsedArticle, ReaderInput } from '../parsed';
import { titleCaseIfAllCaps } from '../plaintext/dateline';
import { cleanSgmlText, wireParagraphs } from './text';

const OPEN = '<REUTERS';
const CLOSE = '</REUTERS>';
const FACETS = [
  ['topics', 'TOPICS'],
  ['places', 'PLACES'],
  ['orgs', 'ORGS'],
  ['people', 'PEOPLE'],
  ['exchanges', 'EXCHANGES'],
] as const;

/**
 * Articles from a Reuters-21578 SGML file, in file order. Stories of TYPE="BRIEF" keep their
 * headline with no body; TYPE="UNPROC" stories (tables, market reports) take their first line as
 * the headline and the rest of the text as the body.
 *
 * @example
 * readReutersSgml({ text: decodeBytes(fs.readFileSync('reut2-000.sgm')).text, fileName: 'reut2-000.sgm' })[0]
 * // { title: 'BAHIA COCOA REVIEW', dateline: 'Salvador', itemKey: '1', facets: { topics: ['cocoa'], ... }, ... }
 */
export function readReutersSgml(input: ReaderInput): ParsedArticle[] {
  const { text } = input;
  const articles: ParsedArticle[] = [];
  let i = text.indexOf(OPEN);
  if (i < 0) throw new ImportError('not a Reuters-21578 SGML file: no <REUTERS> documents');
  while (i >= 0) {
    const end = text.indexOf(CLOSE, i);
    const next = text.indexOf(OPEN, i + OPEN.length);
    // A document runs to its </REUTERS>, or (if that is missing) to the next <REUTERS> or the end.
    const stop = end >= 0 && (next < 0 || end < next) ? end : next >= 0 ? next : text.length;
    const article = readDocument(text.slice(i, stop));
    if (stop !== end) (article.warnings ??= []).push('The document has no closing </REUTERS> tag; it was read to the next document.');
    articles.push(article);
    i = next;
  }
  return articles;
}

/**
 * True for text that starts like a Reuters-21578 SGML file (the `lewis` DOCTYPE or a
 * `<REUTERS ... NEWID="...">` document).
 *
 * @example
 * looksLikeReutersSgml('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS TOPICS="YES" ... NEWID="1">') // true
 */
export function looksLikeReutersSgml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*(?:<!DOCTYPE\s+lewis\b[^>]*>\s*)?<REUTERS\b[^>]*\bNEWID="\d+"/i.test(head);
}

function readDocument(doc: string): ParsedArticle {
  const tagEnd = doc.indexOf('>');
  const newId = /\bNEWID="(\d+)"/.exec(doc.slice(0, tagEnd))?.[1] ?? null;
  const textStart = doc.indexOf('<TEXT');
  const textOpenEnd = textStart >= 0 ? doc.indexOf('>', textStart) : -1;
  const textType = textStart >= 0 ? (/TYPE="(\w+)"/.exec(doc.slice(textStart, textOpenEnd))?.[1] ?? 'NORM') : 'NORM';
  const textBody = textOpenEnd >= 0 ? doc.slice(textOpenEnd + 1, indexOr(doc, '</TEXT>', textOpenEnd, doc.length)) : '';

  let title = field(textBody, 'TITLE');
  const dateline = readDateline(field(textBody, 'DATELINE'));
  let paragraphs: string[] = [];
  if (textType === 'UNPROC') {
    // No markup inside: the first line is the headline, the rest is the (usually tabular) body.
    const lines = cleanSgmlText(textBody).split('\n');
    const first = lines.findIndex((l) => l.trim());
    if (first >= 0) {
      title ??= lines[first]!.replace(/\s+/g, ' ').trim();
      paragraphs = wireParagraphs(lines.slice(first + 1).join('\n'));
    }
  } else {
    const body = rawField(textBody, 'BODY');
    if (body !== null) paragraphs = wireParagraphs(dateline.spill + cleanSgmlText(body));
  }

  const date = readDate(rawField(doc, 'DATE'));
  const facets: Record<string, string[]> = {};
  for (const [key, tag] of FACETS) facets[key] = listField(doc, tag);
  const author = field(textBody, 'AUTHOR');

  const article: ParsedArticle = {
    title,
    paragraphs,
    source: 'Reuters',
    agency: 'Reuters',
    dateline: dateline.place,
    published: date.published,
    publishedRaw: date.raw,
    facets,
    itemKey: newId,
  };
  if (author) article.authors = [authorName(author)];
  const warnings: string[] = [];
  if (!date.published) warnings.push(date.raw ? `The date "${date.raw}" could not be read.` : 'The story has no date.');
  if (!title && paragraphs.length === 0) warnings.push('The story is empty in the corpus: no headline and no text.');
  if (warnings.length > 0) article.warnings = warnings;
  return article;
}

function indexOr(s: string, needle: string, from: number, fallback: number): number {
  const k = s.indexOf(needle, from);
  return k < 0 ? fallback : k;
}

/** The raw content of the first `<TAG>...</TAG>`, or null. */
function rawField(s: string, tag: string): string | null {
  const open = s.indexOf(`<${tag}>`);
  if (open < 0) return null;
  const start = open + tag.length + 2;
  return s.slice(start, indexOr(s, `</${tag}>`, start, s.length));
}

/** A one-line field, cleaned; null when absent or empty. */
function field(s: string, tag: string): string | null {
  const raw = rawField(s, tag);
  if (raw === null) return null;
  const t = cleanSgmlText(raw).replace(/\s+/g, ' ').trim();
  return t || null;
}

/** The `<D>` values of a category list: `<PLACES><D>usa</D><D>uk</D></PLACES>`. */
function listField(doc: string, tag: string): string[] {
  const raw = rawField(doc, tag);
  if (!raw) return [];
  const out: string[] = [];
  for (let k = raw.indexOf('<D>'); k >= 0; k = raw.indexOf('<D>', k + 3)) {
    const value = raw.slice(k + 3, indexOr(raw, '</D>', k + 3, raw.length)).trim();
    if (value) out.push(value);
  }
  return out;
}

const MONTH_AND_DAY = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{1,3}`;
const PLACE_BEFORE_DATE = new RegExp(String.raw`^(.+?)\s+${MONTH_AND_DAY}$`, 'i');
const PLACE = /^\p{L}[\p{L}.'’/& -]*$/u;

/**
 * The place in a dateline, and any story text the corpus put inside the DATELINE tag.
 * "NEW YORK, March 5 -" → "New York"; "PORTLAND, Ore., Feb 26 -" → "Portland";
 * "RIO DE JANEIRO, Feb 26 - Brazil's \"Cruzado\" anti-" → "Rio De Janeiro", with the words after
 * the dash going back to the body. Without a comma, only an all-caps place before a date counts
 * ("JOHANNESBURG March 13 -"); table headings in the tag ("WHEAT -", "As of April 7 -") are not places.
 */
function readDateline(dateline: string | null): { place: string | null; spill: string } {
  if (!dateline) return { place: null, spill: '' };
  // Teletype debris before the place: "****SANTO DOMINGO", "c CHICAGO".
  const s = dateline.replace(/^[^\p{L}]+/u, '').replace(/^\p{Ll} (?=\p{Lu}{2})/u, '');
  const dash = /\s-(?:\s|$)/.exec(s);
  const head = dash ? s.slice(0, dash.index) : s;
  const rest = dash ? s.slice(dash.index + dash[0].length).trim() : '';
  // Body text continues right after it: "anti-" + "inflation" joins without a space.
  const spill = rest ? (/\p{L}-$/u.test(rest) ? rest : `${rest} `) : '';
  const comma = head.indexOf(',');
  let place: string | null = null;
  if (comma > 0) {
    place = head.slice(0, comma).trim();
  } else {
    const m = PLACE_BEFORE_DATE.exec(head);
    if (m && m[1] === m[1]!.toUpperCase()) place = m[1]!;
  }
  if (!place || !PLACE.test(place)) return { place: null, spill };
  // Title Case for ALL CAPS and all lower case ("sioux city"); mixed case is kept as written.
  const cased = titleCaseIfAllCaps(place === place.toLowerCase() ? place.toUpperCase() : place);
  return { place: cased.replace(/\/(\p{Ll})/gu, (_, c: string) => `/${c.toUpperCase()}`), spill };
}

/** "    by Janie Gabbett, Reuters" → "Janie Gabbett"; "By TED D'AFFLISIO, Reuters" → "Ted D'Afflisio". */
function authorName(author: string): string {
  return titleCaseIfAllCaps(author.replace(/^by\s+/i, '').replace(/,\s*reuters?\s*$/i, '').trim());
}

// "26-FEB-1987 15:01:01.79", possibly followed by noise ("&#5;&#5;&#5;RM") or a comment.
const DATE_TIME = /^\s*(\d{1,2}-[A-Za-z]{3}-\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)/;

function readDate(raw: string | null): { raw: string | null; published: ParsedArticle['published'] } {
  if (raw === null) return { raw: null, published: null };
  const cleaned = cleanSgmlText(raw).replace(/\s+/g, ' ').trim();
  const m = DATE_TIME.exec(cleaned);
  const published = parseLooseDate(m ? m[1]! : cleaned);
  // One story's date is marked "# date added by S Finch as guesswork": keep the day only.
  if (published && /guess/i.test(cleaned)) {
    return {
      raw: cleaned,
      published: {
        value: published.value.slice(0, 10),
        precision: 'day',
        note: `Reuters date "${cleaned}": the corpus marks it as a guess, so only the day is kept`,
      },
    };
  }
  return { raw: cleaned || null, published };
}
