/**
 * A small, tolerant XML tree builder for feeds. It reads well-formed XML exactly, and sloppy
 * feeds sensibly: a closing tag closes the nearest open element of that name (so a stray `<br>`
 * inside a description cannot swallow the rest of the feed), stray closing tags are ignored, and
 * HTML void elements (`<br>`, `<img>`) close themselves. Whether the input was well-formed is
 * decided separately (fast-xml-parser's validator, see `read-feed.ts`).
 *
 * Safety: entities declared in a DOCTYPE are never expanded (only the XML and HTML character
 * entities are decoded), an internal subset whose entities refer to other entities (the
 * "billion laughs" pattern) is refused, and nesting is capped, so time and memory stay linear.
 */
import { ImportError } from '../errors';
import { decodeEntities } from './entities';

export interface XmlElement {
  /**
   * The name with a fixed prefix for well-known namespaces, whatever prefix the feed chose:
   * `atom:link`, `content:encoded`, `dc:creator`, `media:content`, `rdf:RDF`, `xhtml:p`.
   * RSS elements (no namespace, or an RSS namespace) have no prefix: `item`, `title`.
   */
  name: string;
  /** The local name as written (`encoded`, `p`). */
  local: string;
  /** Attributes by name (known namespace prefixes fixed as for elements), values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offset of the element's `<` in the input. */
  start: number;
  /** True once a closing tag (or `/>`) ended it; false for elements left open at the end of input. */
  closed: boolean;
}

/** An element or a run of (decoded) text. */
export type XmlNode = XmlElement | string;

export interface XmlTree {
  /** Top-level elements (one for a well-formed document). */
  roots: XmlElement[];
  /** Names of entities the DOCTYPE declares; references to them are left as written. */
  declaredEntities: string[];
}

/** Deeper nesting than this is refused: no real feed comes near it, and it bounds recursion. */
export const MAX_DEPTH = 256;

const NAMESPACES = new Map<string, string>([
  ['http://backend.userland.com/rss2', ''],
  ['http://backend.userland.com/rss', ''],
  ['http://purl.org/rss/1.0/', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://channel.netscape.com/rdf/simple/0.9/', ''],
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://news.yandex.ru', 'yandex'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
]);

// Elements that never have content in HTML; `link` and `source` are left out (RSS uses them).
const HTML_VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'col', 'area', 'embed', 'param', 'track', 'meta', 'basefont']);

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const ENTITY_DECLARATION = /<!ENTITY\s+(%\s*)?([^\s"'>]+)\s*(?:(SYSTEM|PUBLIC)\b|"([^"]*)"|'([^']*)')/g;
// A reference to a named (not a character) entity or a parameter entity inside an entity value.
const ENTITY_REFERENCE = /&[A-Za-z_:][\w.:-]*;|%[A-Za-z_:][\w.:-]*;/;

interface Frame {
  el: XmlElement;
  raw: string;
  scope: ReadonlyMap<string, string>;
}

/**
 * Builds the element tree of `text`, never failing on sloppy markup; throws `ImportError` only
 * for what must not be read at all (an entity-expansion DOCTYPE, absurd nesting).
 *
 * @example
 * const tree = buildXmlTree('<rss><channel><title>A &amp; B</title></channel></rss>');
 * tree.roots[0].children[0] // { name: 'channel', ... children: [{ name: 'title', children: ['A & B'] }] }
 */
export function buildXmlTree(text: string): XmlTree {
  const roots: XmlElement[] = [];
  const declaredEntities: string[] = [];
  const stack: Frame[] = [];
  let scope: ReadonlyMap<string, string> = new Map();
  const n = text.length;

  const addText = (s: string): void => {
    const top = stack[stack.length - 1];
    if (!top || s.length === 0) return;
    const kids = top.el.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + s;
    else kids.push(s);
  };

  let i = 0; // start of the text not yet added
  let from = 0; // where to look for the next "<"
  while (i < n) {
    const lt = text.indexOf('<', from);
    if (lt < 0) {
      addText(decodeEntities(text.slice(i)));
      break;
    }
    const c = text.charCodeAt(lt + 1);
    if (c !== 33 && c !== 63 && c !== 47 && !isNameStart(c)) {
      from = lt + 1; // "a < b" in sloppy text: the "<" is text
      continue;
    }
    if (lt > i) addText(decodeEntities(text.slice(i, lt)));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
    } else if (c === 33 /* ! */) {
      i = readDeclaration(text, lt, declaredEntities);
    } else if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === 47 /* / */) {
      const end = text.indexOf('>', lt + 2);
      const raw = text.slice(lt + 2, end < 0 ? n : end).trim();
      // Close the nearest open element of that name; a closing tag nothing matches is ignored.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.raw !== raw) continue;
        stack[k]!.el.closed = true;
        stack.length = k;
        scope = k > 0 ? stack[k - 1]!.scope : new Map();
        break;
      }
      i = end < 0 ? n : end + 1;
    } else {
      const tag = readStartTag(text, lt);
      const attrs = parseAttributes(tag.body);
      const own = namespaceDeclarations(attrs);
      const elScope = own ? new Map([...scope, ...own]) : scope;
      const el: XmlElement = {
        ...qualify(tag.name, elScope),
        attrs: qualifyAttributes(attrs, elScope),
        children: [],
        start: lt,
        closed: false,
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else roots.push(el);
      const isVoid = !tag.name.includes(':') && HTML_VOID.has(tag.name.toLowerCase());
      if (tag.selfClosing || isVoid) {
        el.closed = true;
      } else {
        if (stack.length >= MAX_DEPTH) {
          throw new ImportError(`malformed XML: elements nested more than ${MAX_DEPTH} levels deep (${describePosition(text, lt)})`);
        }
        stack.push({ el, raw: tag.name, scope: elScope });
        scope = elScope;
      }
      i = tag.end;
    }
    from = i;
  }
  return { roots, declaredEntities };
}

/**
 * "line 3, column 14" for an offset in `text`.
 *
 * @example
 * describePosition('<a>\n  <b>', 6) // 'line 2, column 3'
 */
export function describePosition(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

/** The tag's name, its attribute text and where it ends; a `<` before any `>` ends a broken tag. */
function readStartTag(text: string, lt: number): { name: string; body: string; selfClosing: boolean; end: number } {
  let j = lt + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 47 || c === 62) break;
  }
  const name = text.slice(lt + 1, j);
  const bodyStart = j;
  let quote = '';
  for (; j < text.length; j++) {
    const ch = text[j]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      const selfClosing = text[j - 1] === '/';
      return { name, body: text.slice(bodyStart, selfClosing ? j - 1 : j), selfClosing, end: j + 1 };
    } else if (ch === '<') {
      break;
    }
  }
  // No ">": take the tag as ending here (or at the next "<"), so one broken tag loses little.
  return { name, body: text.slice(bodyStart, j), selfClosing: false, end: j };
}

function parseAttributes(body: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  if (!body.trim()) return attrs;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(body); m; m = ATTRIBUTE.exec(body)) {
    attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function namespaceDeclarations(attrs: Record<string, string>): Map<string, string> | null {
  let own: Map<string, string> | null = null;
  for (const key in attrs) {
    if (key === 'xmlns') (own ??= new Map()).set('', attrs[key]!.trim());
    else if (key.startsWith('xmlns:')) (own ??= new Map()).set(key.slice(6), attrs[key]!.trim());
  }
  return own;
}

function qualify(raw: string, scope: ReadonlyMap<string, string>, isAttribute = false): { name: string; local: string } {
  const colon = raw.indexOf(':');
  const prefix = colon > 0 ? raw.slice(0, colon) : '';
  const local = colon > 0 ? raw.slice(colon + 1) : raw;
  if (prefix === 'xml') return { name: raw, local };
  // Unprefixed attributes are in no namespace, whatever the default namespace is.
  const uri = prefix || !isAttribute ? scope.get(prefix) : undefined;
  const known = uri === undefined ? undefined : NAMESPACES.get(uri);
  if (known !== undefined) return { name: known ? `${known}:${local}` : local, local };
  // An undeclared or unknown prefix is kept as written ("dc:creator" without xmlns:dc still reads).
  return { name: prefix ? `${prefix}:${local}` : local, local };
}

function qualifyAttributes(attrs: Record<string, string>, scope: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const key in attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out[qualify(key, scope, true).name] = attrs[key]!;
  }
  return out;
}

/**
 * Skips a `<!DOCTYPE ...>` (with its internal subset) or other `<!...>` declaration and returns
 * the offset after it. Entities the subset declares are recorded, never expanded; one whose value
 * refers to another entity is refused, since expanding such chains is how "billion laughs" works.
 */
function readDeclaration(text: string, lt: number, declared: string[]): number {
  let j = lt + 2;
  let quote = '';
  let subsetStart = -1;
  let subsetEnd = -1;
  for (; j < text.length; j++) {
    const ch = text[j]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '[' && subsetStart < 0) {
      subsetStart = j + 1;
      const end = findSubsetEnd(text, subsetStart);
      subsetEnd = end;
      j = end; // the loop's j++ moves past "]"
    } else if (ch === '>') {
      break;
    }
  }
  if (subsetStart >= 0) checkEntities(text.slice(subsetStart, subsetEnd), declared);
  return Math.min(j + 1, text.length);
}

/** The `]` that ends an internal subset, skipping quoted values and comments. */
function findSubsetEnd(text: string, from: number): number {
  let quote = '';
  for (let j = from; j < text.length; j++) {
    const ch = text[j]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '<' && text.startsWith('<!--', j)) {
      const end = text.indexOf('-->', j + 4);
      if (end < 0) return text.length;
      j = end + 2;
    } else if (ch === ']') {
      return j;
    }
  }
  return text.length;
}

function checkEntities(subset: string, declared: string[]): void {
  ENTITY_DECLARATION.lastIndex = 0;
  for (let m = ENTITY_DECLARATION.exec(subset); m; m = ENTITY_DECLARATION.exec(subset)) {
    const value = m[4] ?? m[5];
    if (m[1] || (value !== undefined && ENTITY_REFERENCE.test(value))) {
      throw new ImportError(
        `the feed's DOCTYPE declares entities built from other entities ("${m[2]}"), the pattern of an ` +
          'entity-expansion ("billion laughs") attack; the file was not imported',
      );
    }
    declared.push(m[2]!);
  }
}

/**
 * Direct child elements with one of the given names.
 *
 * @example
 * childElements(channel, 'item') // every <item> of the channel, in order
 */
export function childElements(el: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && names.includes(c.name)) out.push(c);
  return out;
}

/**
 * The first direct child element with one of the names, tried in the order given.
 *
 * @example
 * firstChild(item, 'pubDate', 'dc:date') // <pubDate> if there is one, else <dc:date>
 */
export function firstChild(el: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  }
  return undefined;
}

/**
 * All text inside the element, markup removed (entities already decoded).
 *
 * @example
 * textContent(titleElement) // 'Tom & Jerry'
 */
export function textContent(node: XmlNode): string {
  if (typeof node === 'string') return node;
  let out = '';
  for (const c of node.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}
