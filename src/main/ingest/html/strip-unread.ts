/**
 * Removes the elements the reader never reads from HTML source before it is parsed: scripts
 * (JSON-LD excepted, it carries the article's metadata), inline stylesheets and frames. They
 * cost most of jsdom's time on news pages: it builds a CSS object model for every stylesheet,
 * keeps every script's text (1 MB of inline JavaScript is common) and opens a whole new window
 * for every `<iframe>` (ad slots, embeds; 30 on a page is common).
 */

const OPENING = /<(script|style|iframe)\b([^>]*)>/gi;
const CLOSING: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  iframe: /<\/iframe\s*>/gi,
};
const JSON_LD = /\btype\s*=\s*["']?\s*application\/ld\+json/i;

/**
 * `html` without its scripts (other than JSON-LD), inline stylesheets and iframes. As in an HTML
 * parser (their content is raw text), an element ends at the first closing tag of its kind; an
 * unclosed one runs to the end. Linear in the length of the input, whatever it holds.
 *
 * @example
 *   stripUnreadElements('<p>a</p><script>x()</script><p>b</p>') // '<p>a</p><p>b</p>'
 */
export function stripUnreadElements(html: string): string {
  const parts: string[] = [];
  let copiedTo = 0;
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(html); m; m = OPENING.exec(html)) {
    const tag = m[1]!.toLowerCase();
    const contentStart = m.index + m[0].length;
    const closing = CLOSING[tag]!;
    closing.lastIndex = contentStart;
    const end = closing.exec(html);
    const elementEnd = end ? end.index + end[0].length : html.length;
    if (!(tag === 'script' && JSON_LD.test(m[2] ?? ''))) {
      parts.push(html.slice(copiedTo, m.index));
      copiedTo = elementEnd;
    }
    OPENING.lastIndex = elementEnd;
    if (!end) break;
  }
  if (copiedTo === 0) return html;
  parts.push(html.slice(copiedTo));
  return parts.join('');
}
