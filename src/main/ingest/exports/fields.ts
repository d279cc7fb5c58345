/**
 * The article fields an export's columns can fill, and the column names each one goes by in
 * the exports of other tools (news APIs, Media Cloud, spreadsheets, CMS dumps).
 */
import type { ExportField } from '../../../shared/types';

/** Fields in the order they claim columns (a column serves one field). */
export const EXPORT_FIELDS: readonly ExportField[] = [
  'title', 'body', 'summary', 'date', 'url', 'source', 'author', 'language', 'agency', 'dateline', 'modified', 'keywords', 'id',
];

/**
 * Column names per field, best first, written as `normaliseName` leaves them (lower case, no
 * spaces, underscores or other punctuation): `published_at`, `publishedAt` and "Published at"
 * are all `publishedat`.
 */
export const FIELD_NAMES: Record<ExportField, readonly string[]> = {
  title: ['title', 'headline', 'heading', 'articletitle', 'storytitle', 'hed', 'subject', 'name'],
  body: ['body', 'text', 'content', 'contentencoded', 'fulltext', 'articlebody', 'articletext', 'bodytext', 'maintext', 'story', 'article', 'contents', 'storytext'],
  summary: ['description', 'summary', 'abstract', 'excerpt', 'lead', 'lede', 'leadparagraph', 'teaser', 'snippet', 'standfirst'],
  date: [
    'date', 'published', 'publishedat', 'pubdate', 'publishdate', 'publicationdate', 'datepublished', 'publishedon',
    'publishedtime', 'publishedate', 'datetime', 'pubtime', 'createdat', 'created', 'timestamp', 'time', 'seendate',
  ],
  url: ['url', 'link', 'uri', 'permalink', 'articleurl', 'weburl', 'canonicalurl', 'storyurl', 'href'],
  source: [
    'source', 'outlet', 'publication', 'publisher', 'media', 'medianame', 'sourcename', 'outletname', 'publicationname',
    'site', 'sitename', 'domain', 'newspaper',
  ],
  author: ['author', 'authors', 'byline', 'creator', 'creators', 'writer', 'writers', 'journalist', 'by'],
  language: ['language', 'lang', 'locale', 'languagecode', 'langcode'],
  agency: ['agency', 'newsagency', 'wire', 'wireagency', 'wireservice'],
  dateline: ['dateline', 'datelinelocation', 'placeline'],
  modified: ['modified', 'updated', 'modifiedat', 'updatedat', 'lastmodified', 'datemodified', 'lastupdated', 'modifiedtime', 'updatedtime', 'dateupdated'],
  keywords: ['keywords', 'tags', 'categories', 'keyword', 'tag', 'category', 'topics', 'subjects', 'themes', 'section', 'sectionname'],
  id: ['id', 'guid', 'uid', 'uuid', 'articleid', 'storyid', 'storiesid', 'docid', 'documentid', 'itemid', 'key'],
};

/**
 * Field names accepted in a mapping spec besides the field's own name.
 * Kept short: these are what a person types, not what exports call their columns.
 */
export const FIELD_ALIASES: Record<string, ExportField> = {
  headline: 'title', text: 'body', content: 'body', description: 'summary', published: 'date', pubdate: 'date',
  link: 'url', outlet: 'source', authors: 'author', byline: 'author', lang: 'language', updated: 'modified',
  tags: 'keywords', categories: 'keywords', facets: 'keywords', guid: 'id',
};

/** A last path segment that names the value of its parent (`source.name`, `content.rendered`, `headline.main`). */
export const VALUE_KEYS = ['name', 'value', 'title', 'text', 'rendered', 'main', 'original', 'displayname', 'fullname', 'label', '$date', '#text'];

/** Path segments that only wrap an article's fields (`_source.title`, `attributes.body`). */
export const WRAPPER_KEYS = new Set(['fields', 'attributes', 'attrs', 'data', 'item', 'node', 'doc', 'document', 'properties', 'meta', 'metadata', 'record', 'entry']);

/**
 * A column name as compared: lower case, letters and digits only.
 *
 * @example
 *   normaliseName('Published_At') // 'publishedat'
 */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True for a path segment that names the value of its parent (see VALUE_KEYS). */
export function isValueKey(segment: string): boolean {
  return VALUE_KEYS.includes(segment.toLowerCase().replace(/[\s_-]+/g, ''));
}
