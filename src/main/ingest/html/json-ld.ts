/**
 * The article's JSON-LD (schema.org) object: found among all `<script type="application/ld+json">`
 * blocks of a page, inside arrays and `@graph` lists, even when the JSON is slightly invalid.
 */

export type JsonObject = Record<string, unknown>;

/** schema.org types of news and other articles, in order of preference. */
const ARTICLE_TYPES = [
  'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'AskPublicNewsArticle', 'Article', 'LiveBlogPosting', 'BlogPosting', 'SatiricalArticle',
  'TechArticle', 'Report', 'ScholarlyArticle', 'SocialMediaPosting',
];

/** How deep nested objects are searched for an article (`@graph`, `mainEntity`, arrays). */
const MAX_DEPTH = 6;

/**
 * The types of a JSON-LD node, without a schema.org prefix.
 *
 * @example
 *   typesOf({ '@type': ['https://schema.org/NewsArticle'] }) // ['NewsArticle']
 */
export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//i, ''));
}

/**
 * Parses a JSON-LD block, repairing what pages commonly get wrong: HTML comments or CDATA
 * around it, raw line breaks and tabs inside strings, trailing commas, several objects in a
 * row. Returns undefined when nothing can be made of it.
 *
 * @example
 *   parseJsonLoosely('{"headline": "A\nB",}') // { headline: 'A\nB' }
 */
export function parseJsonLoosely(source: string): unknown {
  const trimmed = source
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)\s*/, '')
    .replace(/\s*(?:-->|\/\/\s*\]\]>|\]\]>)$/, '')
    .trim()
    .replace(/;$/, '');
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to the repairs
  }
  const repaired = escapeControlCharsInStrings(trimmed).replace(/,\s*([}\]])/g, '$1');
  for (const candidate of [repaired, `[${repaired.replace(/}\s*{/g, '},{')}]`]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

/** Escapes raw control characters (line breaks, tabs) inside JSON string literals. */
function escapeControlCharsInStrings(s: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + (s[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      else if (ch < ' ') {
        out += ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : ' ';
        continue;
      }
    } else if (ch === '"') inString = true;
    out += ch;
  }
  return out;
}

/** Every object in a JSON-LD value: the value itself, array items, `@graph` members, nested entities. */
function* objectsIn(value: unknown, depth = 0): Generator<JsonObject> {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* objectsIn(item, depth + 1);
    return;
  }
  const obj = value as JsonObject;
  yield obj;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
    if (key in obj) yield* objectsIn(obj[key], depth + 1);
  }
}

/** All objects of all JSON-LD blocks in `document`, in page order. */
export function jsonLdObjects(document: Document): JsonObject[] {
  const out: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type]')) {
    if (!/^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? '')) continue;
    out.push(...objectsIn(parseJsonLoosely(script.textContent ?? '')));
  }
  return out;
}

/**
 * The article object among the page's JSON-LD: the first of the most specific article type
 * (a NewsArticle before an Article before a BlogPosting); with several of one type, the one
 * with a headline. Undefined when the page has none.
 *
 * @example
 *   findJsonLdArticle(document)?.headline // 'South Korean president’s impeachment fails ...'
 */
export function findJsonLdArticle(objects: readonly JsonObject[]): JsonObject | undefined {
  let best: { obj: JsonObject; rank: number } | undefined;
  for (const obj of objects) {
    const ranks = typesOf(obj)
      .map((t) => ARTICLE_TYPES.indexOf(t))
      .filter((r) => r >= 0);
    if (ranks.length === 0) continue;
    // A headline matters more than the exact type: a NewsArticle stub without one loses to an Article with one.
    const rank = Math.min(...ranks) + (hasText(obj['headline']) || hasText(obj['name']) ? 0 : 100);
    if (!best || rank < best.rank) best = { obj, rank };
  }
  return best?.obj;
}

function hasText(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}

/**
 * The names in a JSON-LD person/organisation value: a string, an object with `name`, or an
 * array of either.
 *
 * @example
 *   namesIn([{ '@type': 'Person', name: 'Stella Kim' }, 'Jennifer Jett']) // ['Stella Kim', 'Jennifer Jett']
 */
export function namesIn(value: unknown, depth = 0): string[] {
  if (depth > 3 || value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => namesIn(v, depth + 1));
  if (typeof value === 'object') {
    const name = (value as JsonObject)['name'];
    if (typeof name === 'string') return [name];
    if (Array.isArray(name) || (name && typeof name === 'object')) return namesIn(name, depth + 1);
  }
  return [];
}

/**
 * A string from a JSON-LD value: the string itself, the first string of an array, or the
 * `@value`/`name`/`url`/`@id` of an object.
 */
export function stringIn(value: unknown, depth = 0): string | undefined {
  if (depth > 3 || value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = stringIn(v, depth + 1);
      if (s) return s;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const obj = value as JsonObject;
    for (const key of ['@value', 'name', 'url', '@id']) {
      const s = stringIn(obj[key], depth + 1);
      if (s) return s;
    }
  }
  return undefined;
}
