/** RSS 0.9x, 1.0 (RDF) and 2.0: channel and items to articles. */
import type { ParsedArticle } from '../parsed';
import { atomContentKind } from './atom';
import {
  clean,
  contentParagraphs,
  firstDate,
  inlineText,
  mediaCaptionAndCredit,
  modifiedIso,
  personName,
  primaryLanguage,
  resolveUrl,
  textOf,
  unique,
} from './item-parts';
import { childElements, firstChild, textContent, type XmlElement } from './xml-tree';

// Where each field may be, most specific first.
const PUBLISHED = ['pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published', 'atom:issued'];
const MODIFIED = ['atom:updated', 'dcterms:modified', 'atom:modified'];
// Full text: RSS content module, Yandex full text, inline XHTML body.
const FULL_TEXT = ['content:encoded', 'yandex:full-text', 'atom:content'];

/**
 * Articles from an RSS document (`rss` or `rdf:RDF` root). Items are the channel's (and, for
 * RSS 1.0, the root's) direct `item` children; an `item` nested inside another is not an article.
 *
 * @example
 * readRss(tree.roots[0], warnings) // [{ title: 'Star City', url: 'http://...', ... }]
 */
export function readRss(root: XmlElement, warnings: string[]): ParsedArticle[] {
  const channel = firstChild(root, 'channel');
  const items = [...(channel ? childElements(channel, 'item') : []), ...childElements(root, 'item')];
  const feedTitle = channel ? inlineText(firstChild(channel, 'title', 'dc:title'), 'html') : null;
  // Relative item links resolve against the channel's link, else the feed's own address.
  const channelLink = channel ? textOf(firstChild(channel, 'link')) : null;
  const self = channel ? childElements(channel, 'atom:link').find((l) => l.attrs['rel'] === 'self')?.attrs['href'] : undefined;
  const feedLink = channelLink && /^https?:/i.test(channelLink) ? channelLink : (self ?? channelLink);
  const language =
    primaryLanguage(channel ? textOf(firstChild(channel, 'language', 'dc:language')) : null) ??
    primaryLanguage(channel?.attrs['xml:lang']) ??
    primaryLanguage(root.attrs['xml:lang']);

  return items.map((item, index) => {
    const fullText = FULL_TEXT.map((name) => firstChild(item, name)).find((el) => el && textContent(el).trim());
    const xhtmlBody = firstChild(item, 'xhtml:body');
    const summary = firstChild(item, 'description', 'dc:description');
    let paragraphs: string[] = [];
    let summaryOnly = false;
    if (xhtmlBody) paragraphs = contentParagraphs(xhtmlBody, 'xhtml');
    if (paragraphs.length === 0 && fullText) {
      paragraphs = contentParagraphs(fullText, fullText.name === 'atom:content' ? (atomContentKind(fullText) ?? 'html') : 'html');
    }
    if (paragraphs.length === 0 && summary) {
      paragraphs = contentParagraphs(summary, 'html');
      summaryOnly = paragraphs.length > 0;
    }

    const published = firstDate(item, PUBLISHED);
    const modified = firstDate(item, MODIFIED.filter((name) => name !== published?.name));
    const guid = firstChild(item, 'guid');
    const guidText = textOf(guid);
    const itemSource = textOf(firstChild(item, 'source'));

    const article: ParsedArticle = {
      title: inlineText(firstChild(item, 'title', 'dc:title'), 'html'),
      paragraphs,
      summaryOnly,
      authors: unique([
        ...childElements(item, 'author', 'dc:creator', 'itunes:author').map((el) => personName(textContent(el))),
        ...childElements(item, 'atom:author').map((el) => textOf(firstChild(el, 'atom:name'))),
      ]),
      source: itemSource ?? feedTitle,
      publishedRaw: published?.raw ?? modified?.raw ?? null,
      modifiedAt: published ? modifiedIso(modified?.raw ?? null) : null,
      url: itemUrl(item, guid, guidText, feedLink),
      language: primaryLanguage(item.attrs['xml:lang']) ?? language,
      ...mediaCaptionAndCredit(item),
      facets: {
        categories: unique(childElements(item, 'category', 'dc:subject').map((el) => clean(textContent(el)))),
      },
      itemKey: guidText ?? item.attrs['rdf:about'] ?? textOf(firstChild(item, 'link')) ?? `#${index + 1}`,
    };
    if (warnings.length > 0) article.warnings = [...warnings];
    return article;
  });
}

/**
 * The article's address: FeedBurner's original link (the `link` is then a tracking redirect),
 * else `link`, else an Atom alternate link, else a permalink guid, else RSS 1.0's `rdf:about`.
 */
function itemUrl(item: XmlElement, guid: XmlElement | undefined, guidText: string | null, base: string | null): string | null {
  const origin = textOf(firstChild(item, 'feedburner:origLink'));
  if (origin) return origin;
  const link = textOf(firstChild(item, 'link'));
  if (link) return resolveUrl(link, base);
  const alternate = childElements(item, 'atom:link').find((el) => (el.attrs['rel'] ?? 'alternate') === 'alternate');
  if (alternate?.attrs['href']) return resolveUrl(alternate.attrs['href'], base);
  // A guid is a permalink unless it says otherwise (RSS 2.0), but only a URL can be one.
  if (guid && guidText && guid.attrs['isPermaLink'] !== 'false' && /^https?:\/\//i.test(guidText)) return guidText;
  return item.attrs['rdf:about'] ?? null;
}
