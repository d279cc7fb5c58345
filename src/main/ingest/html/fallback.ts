/**
 * Other places to find the article when Readability returns too little: the page's own article
 * container (`[itemprop=articleBody]`, `<article>`, `<main>`, or the body without its header,
 * navigation and footer), and the JSON-LD `articleBody` text.
 */
import { collectBlocks, type TextBlock } from './blocks';
import { removeFurniture } from './furniture';
import { decodeEntities } from './entities';
import { normaliseSpace, textOf } from './text';

/** Containers that hold the article on most pages, most specific first. */
const CONTAINERS = ['[itemprop~="articleBody"]', 'article', 'main', '[role="main"]', 'body'];
/** Parts of a page that are never the article. */
const CHROME = 'header, nav, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

/**
 * The text blocks of the page's own article container: the candidate among {@link CONTAINERS}
 * with the most paragraph text, without navigation, header, footer and furniture.
 * Changes `document`.
 *
 * @example
 *   containerBlocks(document).map((b) => b.text) // ['The only paragraph of a short news item.']
 */
export function containerBlocks(document: Document): TextBlock[] {
  let best: { el: Element; chars: number } | undefined;
  for (const selector of CONTAINERS) {
    for (const el of document.querySelectorAll(selector)) {
      for (const chrome of [...el.querySelectorAll(CHROME)]) chrome.remove();
      const chars = [...el.querySelectorAll('p')].reduce((n, p) => n + textOf(p).length, 0) || textOf(el).length / 4;
      if (!best || chars > best.chars * 1.5) best = { el, chars };
    }
  }
  if (!best) return [];
  removeFurniture(best.el);
  return collectBlocks(best.el);
}

/**
 * Paragraphs of a JSON-LD `articleBody`: HTML paragraphs when it is HTML, else its lines.
 *
 * @example
 *   jsonLdParagraphs('First.\n\nSecond.', document) // ['First.', 'Second.']
 */
export function jsonLdParagraphs(articleBody: string, document: Document): string[] {
  if (/<\/?(?:p|div|br|h[2-6]|li)\b/i.test(articleBody)) {
    const holder = document.createElement('div');
    holder.innerHTML = articleBody;
    return collectBlocks(holder).map((b) => b.text);
  }
  return decodeEntities(articleBody)
    .split(/\r?\n/)
    .map(normaliseSpace)
    .filter((p) => p.length > 0);
}
