/**
 * Reading what an element's class and id names say about it ("related-stories", "newsletterBox",
 * "no_caption"), word by word.
 */

/** Class words of video players and their boxes. */
export const VIDEO_WORD = /^(?:video|videos|player)$/i;

/** Words that turn the next one around: "no_caption", "hasnt-bio", "without-share". */
const NEGATION = new Set(['no', 'not', 'non', 'hasnt', 'without', 'disable', 'disabled']);

/**
 * The class and id names of `el`, each split into words on hyphens, underscores and camelCase
 * humps ("signupTitle___15fvr" → ["signup", "Title", "15fvr"]).
 *
 * @example
 *   nameParts(el) // [['article', 'body', 'tablet', 'newsletter'], ['signup', 'Title']]
 */
export function nameParts(el: Element): string[][] {
  return `${el.getAttribute('class') ?? ''} ${el.id}`
    .split(/\s+/)
    .filter((name) => name.length > 0)
    .map((name) =>
      name
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .split(/[\s_-]+/)
        .filter((w) => w.length > 0),
    );
}

/**
 * True when one word of a class or id name of `el` matches `word` (a whole-word pattern, such
 * as /^(?:caption|credit)$/i) and is not negated by the word before it ("no_caption").
 *
 * @example
 *   hasNameWord(el, /^caption$/i) // true for class="image-caption", false for class="no_caption"
 */
export function hasNameWord(el: Element, word: RegExp): boolean {
  for (const words of nameParts(el)) {
    for (let i = 0; i < words.length; i++) {
      if (word.test(words[i]!) && !NEGATION.has((words[i - 1] ?? '').toLowerCase())) return true;
    }
  }
  return false;
}
