/**
 * Running Mozilla Readability on a parsed page, keeping the article as a DOM element (not an
 * HTML string to parse again) and the class names our clean-up rules look at.
 */
import { Readability } from '@mozilla/readability';

/** What Readability found: the article element, and the byline it took out of it. */
export interface ReadabilityResult {
  article: Element;
  byline: string | null;
}

/**
 * Readability's article for `document`, or null when it finds none. Readability changes the
 * document (it removes scripts, unlikely blocks and more), so read anything else first.
 *
 * @example
 *   const r = runReadability(dom.window.document);
 *   r?.article.querySelectorAll('p').length // 12
 */
export function runReadability(document: Document): ReadabilityResult | null {
  const reader = new Readability<Element>(document, {
    keepClasses: true,
    // The element itself, so the article is walked as parsed instead of serialised and parsed again.
    serializer: (node) => node as Element,
  });
  const r = reader.parse();
  if (!r?.content) return null;
  return { article: r.content, byline: r.byline ?? null };
}
