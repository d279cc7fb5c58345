/**
 * Pieces of a feed item that RSS and Atom read the same way: bodies, people, languages, links,
 * Media RSS captions and credits, dates.
 */
import { parseLooseDate } from '../dates/loose';
import { htmlToParagraphs, htmlToText, plainToParagraphs, xhtmlToParagraphs } from './html-text';
import { childElements, firstChild, textContent, type XmlElement } from './xml-tree';

/** How a text element's content is written. */
export type ContentKind = 'text' | 'html' | 'xhtml';

/**
 * White space folded, ends trimmed.
 *
 * @example
 * clean('  Breaking\n news ') // 'Breaking news'
 */
export function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The element's text, folded; null when empty or absent.
 *
 * @example
 * textOf(firstChild(item, 'link')) // 'https://example.com/story'
 */
export function textOf(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const t = clean(textContent(el));
  return t || null;
}

// Feed furniture after a summary: a lone "Continue reading..." or "Read more »" link.
const READ_MORE = /^(?:continue reading|read more|read the (?:full|rest of (?:the|this)) (?:story|article|post)|more)\s*(?:\.{2,3}|…|»|>>|→)?$/i;

/**
 * Body paragraphs of a content element written as `kind`.
 *
 * @example
 * contentParagraphs(descriptionElement, 'html') // ['First paragraph.', 'Second.']
 */
export function contentParagraphs(el: XmlElement, kind: ContentKind): string[] {
  let paragraphs: string[];
  if (kind === 'xhtml') {
    // Atom wraps XHTML content in one xhtml:div, which is not part of the content.
    const elements = el.children.filter((c) => typeof c !== 'string');
    const wrapper = elements.length === 1 && elements[0]!.name === 'xhtml:div' ? elements[0]! : el;
    paragraphs = xhtmlToParagraphs(wrapper);
  } else if (el.children.some((c) => typeof c !== 'string')) {
    // HTML written into the feed unescaped (a sloppy feed): it was read as markup already.
    paragraphs = xhtmlToParagraphs(el);
  } else {
    const raw = textContent(el);
    paragraphs = kind === 'html' ? htmlToParagraphs(raw) : plainToParagraphs(raw);
  }
  while (paragraphs.length > 0 && READ_MORE.test(paragraphs[paragraphs.length - 1]!)) paragraphs.pop();
  return paragraphs;
}

/**
 * A one-line title or caption from an element written as `kind`.
 *
 * @example
 * inlineText(titleElement, 'html') // 'Tom & Jerry' for "Tom &amp;amp; <b>Jerry</b>"
 */
export function inlineText(el: XmlElement | undefined, kind: ContentKind): string | null {
  if (!el) return null;
  const t = kind === 'html' ? htmlToText(textContent(el)) : kind === 'xhtml' ? xhtmlToParagraphs(el).join(' ') : clean(textContent(el));
  return t || null;
}

/**
 * A person as feeds write one: "jane@example.com (Jane Doe)" → "Jane Doe", "Jane Doe
 * <jane@example.com>" → "Jane Doe"; a bare address is kept.
 *
 * @example
 * personName('editor@example.com (Jane Doe)') // 'Jane Doe'
 */
export function personName(raw: string): string | null {
  const s = clean(raw);
  if (!s) return null;
  const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (inParens) return clean(inParens[1]!);
  const beforeAddress = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(s);
  if (beforeAddress) return clean(beforeAddress[1]!.replace(/^"|"$/g, ''));
  return s;
}

/**
 * Values in first-seen order without repeats or empties.
 *
 * @example
 * unique(['a', null, 'b', 'a', '']) // ['a', 'b']
 */
export function unique(values: Array<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v) seen.add(v);
  return [...seen];
}

/**
 * BCP-47 primary subtag, lower case: "en-US" → "en", "pt_PT" → "pt"; null when it is not one.
 *
 * @example
 * primaryLanguage('en-us') // 'en'
 */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$/.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * `href` made absolute against `base` when it is relative and a base is known.
 *
 * @example
 * resolveUrl('/blog/1', 'http://intertwingly.net/blog/index.atom') // 'http://intertwingly.net/blog/1'
 */
export function resolveUrl(href: string, base: string | null): string {
  const h = href.trim();
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(h)) return h;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}

/**
 * The date as written, first of the named children that has one.
 *
 * @example
 * firstDate(item, ['pubDate', 'dc:date']) // { raw: 'Wed, 31 Jan 2018 07:26:05 GMT', name: 'pubDate' }
 */
export function firstDate(item: XmlElement, names: readonly string[]): { raw: string; name: string } | null {
  for (const name of names) {
    const raw = textOf(firstChild(item, name));
    if (raw) return { raw, name };
  }
  return null;
}

/**
 * ISO value of a modification date, when it reads as one.
 *
 * @example
 * modifiedIso('2017-11-08T18:15:58-05:00') // '2017-11-08T23:15:58.000Z'
 */
export function modifiedIso(raw: string | null): string | null {
  return raw ? (parseLooseDate(raw)?.value ?? null) : null;
}

/**
 * Caption and credit of the item's picture from Media RSS: `media:description` and
 * `media:credit`, on the item, in a `media:content`, or in a `media:group`.
 *
 * @example
 * mediaCaptionAndCredit(item) // { imageCaption: 'Black Dahlia: A head shot ...', imageCredit: '© Bettmann/CORBIS' }
 */
export function mediaCaptionAndCredit(item: XmlElement): { imageCaption: string | null; imageCredit: string | null } {
  const holders: XmlElement[] = [item];
  for (const group of childElements(item, 'media:group')) holders.push(group);
  for (const holder of [...holders]) holders.push(...childElements(holder, 'media:content'));
  let imageCaption: string | null = null;
  let imageCredit: string | null = null;
  for (const h of holders) {
    const description = firstChild(h, 'media:description');
    imageCaption ??= inlineText(description, description?.attrs['type'] === 'html' ? 'html' : 'text');
    imageCredit ??= textOf(firstChild(h, 'media:credit'));
  }
  return { imageCaption, imageCredit };
}
