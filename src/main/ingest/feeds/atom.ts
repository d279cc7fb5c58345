/** Atom 1.0 (RFC 4287) and Atom 0.3: feed and entries to articles. */
import type { ParsedArticle } from '../parsed';
import {
  contentParagraphs,
  firstDate,
  inlineText,
  mediaCaptionAndCredit,
  modifiedIso,
  primaryLanguage,
  resolveUrl,
  textOf,
  unique,
  type ContentKind,
} from './item-parts';
import { childElements, firstChild, type XmlElement } from './xml-tree';

const PUBLISHED = ['atom:published', 'atom:issued', 'atom:created', 'dc:date', 'dcterms:issued'];
const MODIFIED = ['atom:updated', 'atom:modified', 'dcterms:modified'];

/**
 * How an Atom text construct is written: `type` text/html/xhtml (1.0), or a MIME type with
 * `mode` escaped/xml (0.3).
 *
 * @example
 * atomContentKind(el) // 'html' for <content type="html">
 */
export function atomContentKind(el: XmlElement): ContentKind | null {
  const type = (el.attrs['type'] ?? 'text').toLowerCase();
  const mode = el.attrs['mode']?.toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return 'xhtml';
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return 'html';
  if (type === 'text' || type === 'text/plain') return 'text';
  return null; // other media types (images, out-of-line content) carry no text for us
}

/**
 * Articles from an Atom `feed` element. Entries without their own author take the feed's, as
 * RFC 4287 (4.2.1) says; relative links are resolved against `xml:base` or the feed's own link.
 *
 * @example
 * readAtom(tree.roots[0], warnings) // [{ title: 'Hannity Announces ...', url: 'http://talkingpointsmemo.com/...', ... }]
 */
export function readAtom(feed: XmlElement, warnings: string[]): ParsedArticle[] {
  // An Atom feed without its namespace still reads, with unprefixed names.
  const p = feed.name === 'atom:feed' ? 'atom:' : '';
  const feedTitle = text(firstChild(feed, `${p}title`));
  // Relative links resolve against xml:base, else the feed's own address (its "self" link).
  const self = childElements(feed, `${p}link`).find((l) => l.attrs['rel'] === 'self')?.attrs['href'] ?? null;
  const feedBase = feed.attrs['xml:base'] ? resolveUrl(feed.attrs['xml:base'], self) : (self ?? alternateLink(feed, p, null));
  const feedAuthors = authors(feed, p);
  const feedLanguage = primaryLanguage(feed.attrs['xml:lang']);

  return childElements(feed, `${p}entry`).map((entry, index) => {
    const base = entry.attrs['xml:base'] ? resolveUrl(entry.attrs['xml:base'], feedBase) : feedBase;
    const content = firstChild(entry, `${p}content`);
    const contentKind = content && !content.attrs['src'] ? atomContentKind(content) : null;
    const summary = firstChild(entry, `${p}summary`);
    const summaryKind = summary ? atomContentKind(summary) : null;
    let paragraphs = content && contentKind ? contentParagraphs(content, contentKind) : [];
    let summaryOnly = false;
    if (paragraphs.length === 0 && summary && summaryKind) {
      paragraphs = contentParagraphs(summary, summaryKind);
      summaryOnly = paragraphs.length > 0;
    }

    const published = firstDate(entry, PUBLISHED.map((name) => name.replace('atom:', p)));
    const modified = firstDate(entry, MODIFIED.map((name) => name.replace('atom:', p)));
    const source = firstChild(entry, `${p}source`);
    const id = textOf(firstChild(entry, `${p}id`));
    const url = textOf(firstChild(entry, 'feedburner:origLink')) ?? alternateLink(entry, p, base);
    const own = authors(entry, p);

    const article: ParsedArticle = {
      title: text(firstChild(entry, `${p}title`)),
      paragraphs,
      summaryOnly,
      authors: own.length > 0 ? own : feedAuthors,
      source: (source && text(firstChild(source, `${p}title`))) ?? feedTitle,
      publishedRaw: published?.raw ?? modified?.raw ?? null,
      modifiedAt: published ? modifiedIso(modified?.raw ?? null) : null,
      url,
      language: primaryLanguage(entry.attrs['xml:lang']) ?? feedLanguage,
      ...mediaCaptionAndCredit(entry),
      facets: {
        categories: unique([
          ...childElements(entry, `${p}category`).map((el) => (el.attrs['label'] ?? el.attrs['term'] ?? '').trim()),
          ...childElements(entry, 'dc:subject').map((el) => textOf(el)),
        ]),
      },
      itemKey: id ?? url ?? `#${index + 1}`,
    };
    if (warnings.length > 0) article.warnings = [...warnings];
    return article;
  });
}

/** A title-like text construct as one line. */
function text(el: XmlElement | undefined): string | null {
  if (!el) return null;
  return inlineText(el, atomContentKind(el) ?? 'text');
}

function authors(el: XmlElement, p: string): string[] {
  return unique(childElements(el, `${p}author`).map((a) => textOf(firstChild(a, `${p}name`)) ?? textOf(firstChild(a, `${p}email`))));
}

/** The `rel="alternate"` link (the default rel), preferring an HTML one. */
function alternateLink(el: XmlElement, p: string, base: string | null): string | null {
  const links = childElements(el, `${p}link`).filter((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate' && l.attrs['href']);
  const best = links.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html')) ?? links[0];
  return best ? resolveUrl(best.attrs['href']!, base) : null;
}
