/**
 * Article metadata read from a parsed page before anything changes it: JSON-LD, OpenGraph and
 * other `<meta>` tags, microdata, `<time>`, `<html lang>` and `<link rel=canonical>`.
 */
import { cleanAuthorNames } from './authors';
import { decodeEntities } from './entities';
import { findJsonLdArticle, jsonLdObjects, namesIn, stringIn, typesOf, type JsonObject } from './json-ld';
import { readLeadImage } from './lead-image';
import { MetaTags } from './meta-tags';
import { isHidden } from './blocks';
import { normaliseSpace, textOf } from './text';
import { titleStrings, type TitleCandidates } from './title';

export interface PageMetadata {
  titles: TitleCandidates;
  authors: string[];
  source: string | null;
  publishedRaw: string | null;
  modifiedAt: string | null;
  url: string | null;
  language: string | null;
  keywords: string[];
  imageCaption: string | null;
  imageCredit: string | null;
  /** The JSON-LD `articleBody` (plain text or HTML), a fallback for the body. */
  jsonLdArticleBody: string | null;
}

// Meta tag names (lower case) for each field, most trusted first.
const META_TITLE_KEYS = [
  'og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title',
  'citation_title', 'title', 'headline',
];
const META_AUTHOR_KEYS = [
  'author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator',
  'dcterms.creator', 'citation_author', 'byl', 'byline', 'cxenseparse:author',
];
const META_PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created',
  'citation_publication_date', 'citation_online_date', 'citation_date', 'pubdate', 'publishdate', 'publish-date',
  'publish_date', 'og:published_time', 'date', 'datecreated', 'cxenseparse:recs:publishtime',
];
const META_MODIFIED_KEYS = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified',
  'dc.date.modified', 'last-modified', 'lastmod', 'article.updated',
];
const META_SITE_KEYS = [
  'og:site_name', 'application-name', 'dc.publisher', 'dcterms.publisher', 'citation_publisher',
  'citation_journal_title', 'publisher', 'cxenseparse:site',
];
const META_KEYWORD_KEYS = ['news_keywords', 'keywords', 'article:tag', 'og:article:tag', 'parsely-tags', 'sailthru.tags', 'citation_keywords'];
const META_LANGUAGE_KEYS = ['content-language', 'dc.language', 'dcterms.language', 'language', 'og:locale', 'inlanguage'];
const META_URL_KEYS = ['og:url', 'twitter:url', 'parsely-link', 'citation_abstract_html_url'];

const COMMENTS = '[class*="comment" i], [id*="comment" i]';

/** Keywords beyond this many are search-engine padding, not facets. */
const MAX_KEYWORDS = 40;

/**
 * Everything the page says about its article.
 *
 * @example
 *   const m = readPageMetadata(document);
 *   m.authors      // ['Stella Kim', 'Jennifer Jett']
 *   m.publishedRaw // '2024-12-07T13:07:07.000Z'
 */
export function readPageMetadata(document: Document): PageMetadata {
  const meta = new MetaTags(document);
  const objects = jsonLdObjects(document);
  const ld = findJsonLdArticle(objects);
  const ldString = (k: string): string | undefined => {
    const s = stringIn(ld?.[k]);
    return s ? normaliseSpace(decodeEntities(s)) || undefined : undefined;
  };

  // Handles ("@politifact") and addresses are not names.
  const siteNames = titleStrings([publisherName(ld), ...meta.all(...META_SITE_KEYS), websiteName(objects)]).filter(
    (name) => !name.startsWith('@') && !/^https?:|^www\./i.test(name),
  );
  const lead = readLeadImage(document, ld);

  return {
    titles: {
      jsonLd: ldString('headline') ?? (ld && typesOf(ld).length ? ldString('name') : undefined),
      meta: titleStrings(META_TITLE_KEYS.map((k) => meta.first(k)).map((t) => (t ? decodeEntities(t) : t))),
      document: titleStrings([document.title])[0],
      h1s: titleStrings([...document.querySelectorAll('h1')].filter((h) => !isHidden(h)).map((h) => textOf(h))),
      siteNames,
    },
    authors: readAuthors(document, meta, ld),
    source: siteNames[0] ?? null,
    publishedRaw: firstPlausibleDate([
      ldString('datePublished'),
      ...meta.all(...META_PUBLISHED_KEYS),
      timeElementDate(document),
      ldString('dateCreated'),
    ]),
    modifiedAt: isoDateTime(
      firstPlausibleDate([ldString('dateModified'), ...meta.all(...META_MODIFIED_KEYS), itempropDate(document, 'dateModified')]),
    ),
    url: readUrl(document, meta, ld),
    language: readLanguage(document, meta, ld),
    keywords: readKeywords(meta, ld),
    imageCaption: lead.caption,
    imageCredit: lead.credit,
    jsonLdArticleBody: typeof ld?.['articleBody'] === 'string' ? ld['articleBody'] : null,
  };
}

function publisherName(ld: JsonObject | undefined): string | undefined {
  const names = namesIn(ld?.['publisher']);
  return names[0] ? normaliseSpace(decodeEntities(names[0])) : undefined;
}

function websiteName(objects: readonly JsonObject[]): string | undefined {
  const site = objects.find((o) => typesOf(o).includes('WebSite'));
  const name = stringIn(site?.['name']);
  return name ? normaliseSpace(decodeEntities(name)) : undefined;
}

/** Authors from the first source that names any: JSON-LD, meta tags, then microdata and rel=author links. */
function readAuthors(document: Document, meta: MetaTags, ld: JsonObject | undefined): string[] {
  const fromLd = cleanAuthorNames(namesIn(ld?.['author']).concat(namesIn(ld?.['creator'])));
  if (fromLd.length) return fromLd;
  for (const key of META_AUTHOR_KEYS) {
    const names = cleanAuthorNames(meta.all(key));
    if (names.length) return names;
  }
  // Comment sections mark their commenters as authors too.
  const microdata = [...document.querySelectorAll('[itemprop~="author"]')].filter((el) => !el.closest(COMMENTS)).map((el) => {
    const name = el.querySelector('[itemprop~="name"]');
    return name?.getAttribute('content') ?? textOf(name ?? el);
  });
  const fromMicrodata = cleanAuthorNames(microdata.filter((s) => s.length <= 100));
  if (fromMicrodata.length) return fromMicrodata;
  return cleanAuthorNames([...document.querySelectorAll('a[rel~="author"]')].map((a) => textOf(a)).filter((s) => s.length <= 100));
}

/** The publication date of a `<time>` element: one marked as such, else the first in the article. */
function timeElementDate(document: Document): string | undefined {
  const marked = itempropDate(document, 'datePublished') ?? document.querySelector('time[pubdate][datetime]')?.getAttribute('datetime');
  if (marked) return normaliseSpace(marked) || undefined;
  const inArticle = document.querySelector('article time[datetime], main time[datetime], [role="main"] time[datetime]');
  const datetime = inArticle?.getAttribute('datetime');
  return datetime ? normaliseSpace(datetime) || undefined : undefined;
}

function itempropDate(document: Document, prop: string): string | undefined {
  const el = document.querySelector(`[itemprop~="${prop}"]`);
  const value = el?.getAttribute('datetime') ?? el?.getAttribute('content');
  return value ? normaliseSpace(value) || undefined : undefined;
}

/** Content-management placeholders ("0001-01-01T00:00:00Z", "1970-01-01") are not dates. */
const PLACEHOLDER_YEAR = /^(?:0\d{3}|1[0-8]\d\d|1970-01-01)/;

/** The first candidate that holds a digit and is not a placeholder date, as written. */
function firstPlausibleDate(candidates: ReadonlyArray<string | undefined>): string | null {
  for (const c of candidates) {
    const s = c?.trim();
    if (s && /\d/.test(s) && !PLACEHOLDER_YEAR.test(s)) return s;
  }
  return null;
}

/**
 * An ISO 8601 date-time for a date as pages write it: ISO-like text is kept as written (with
 * a "T" between date and time), anything else the JavaScript date parser understands becomes
 * UTC; null otherwise.
 *
 * @example
 *   isoDateTime('2019-04-28 06:01:07') // '2019-04-28T06:01:07'
 *   isoDateTime('Tue, 19 Nov 2019 21:32:00 GMT') // '2019-11-19T21:32:00.000Z'
 */
export function isoDateTime(raw: string | undefined | null): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (iso) return iso[2] ? `${iso[1]}T${iso[2]}${iso[3] ?? ''}` : iso[1]!;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** The canonical URL: `<link rel=canonical>`, og:url, the JSON-LD url; absolute http(s) only. */
function readUrl(document: Document, meta: MetaTags, ld: JsonObject | undefined): string | null {
  const candidates = [
    document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    ...META_URL_KEYS.map((k) => meta.first(k)),
    stringIn(ld?.['url']),
    stringIn(ld?.['mainEntityOfPage']),
  ];
  for (const c of candidates) {
    const url = absoluteHttpUrl(c);
    if (url) return url;
  }
  return null;
}

function absoluteHttpUrl(raw: string | undefined | null): string | null {
  const s = raw?.trim();
  if (!s) return null;
  try {
    const u = new URL(s.startsWith('//') ? `https:${s}` : s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The declared language as a primary subtag ("pt-BR" → "pt", "en_US" → "en"). */
function readLanguage(document: Document, meta: MetaTags, ld: JsonObject | undefined): string | null {
  const candidates = [
    document.documentElement.getAttribute('lang'),
    document.documentElement.getAttribute('xml:lang'),
    ...META_LANGUAGE_KEYS.map((k) => meta.first(k)),
    stringIn(ld?.['inLanguage']),
  ];
  for (const c of candidates) {
    const primary = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(c ?? '')?.[1];
    if (primary) return primary.toLowerCase();
  }
  return null;
}

/** Keywords from news_keywords, keywords, article:tag and the JSON-LD, deduplicated. */
function readKeywords(meta: MetaTags, ld: JsonObject | undefined): string[] {
  const raw: string[] = [...meta.all(...META_KEYWORD_KEYS)];
  const ldKeywords = ld?.['keywords'];
  if (typeof ldKeywords === 'string') raw.push(ldKeywords);
  else if (Array.isArray(ldKeywords)) raw.push(...ldKeywords.map((k) => stringIn(k) ?? ''));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const field of raw) {
    for (const part of decodeEntities(field).split(/\s*[,;]\s*/)) {
      const k = normaliseSpace(part);
      const lower = k.toLowerCase();
      // "null", "/article", "source:tagname:X": template leftovers, not keywords.
      if (!k || k.length > 80 || seen.has(lower) || /^(?:null|undefined|none)$|^\/|^[\w-]+:\S/i.test(k)) continue;
      seen.add(lower);
      out.push(k);
      if (out.length >= MAX_KEYWORDS) return out;
    }
  }
  return out;
}
