/**
 * Limits that keep one pathological page from stalling an import: its length, and how deeply
 * its markup nests (the HTML parser's and Readability's work grow much faster than linearly
 * with nesting depth; real news pages nest 10 to 60 elements deep).
 */

/** Pages longer than this (in characters) are refused: no article page is, and jsdom would need gigabytes. */
export const MAX_HTML_CHARS = 30 * 1024 * 1024;

/** Markup nested deeper than this (estimated from the source) is refused before parsing. */
export const MAX_MARKUP_DEPTH = 2000;

/** Deeper than this (measured in the parsed page), Readability is not run: it would take minutes. */
export const MAX_READABILITY_DEPTH = 150;

// Elements that stay open until closed (no implied end tags, unlike <p> or <li>).
const CONTAINER_TAG = /<(\/?)(?:div|section|article|aside|nav|header|footer|main|blockquote|span|table|ul|ol|dl|figure|form)\b[^>]*?(\/?)>/gi;

/**
 * An upper estimate of how deeply the markup of `html` nests, from its container tags alone:
 * a running count of opening minus closing tags. Linear in the length of `html`.
 *
 * @example
 *   estimateMarkupDepth('<div><div></div><section></section></div>') // 2
 */
export function estimateMarkupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  CONTAINER_TAG.lastIndex = 0;
  for (let m = CONTAINER_TAG.exec(html); m; m = CONTAINER_TAG.exec(html)) {
    if (m[2]) continue; // self-closed (<div/>), as XHTML writes empty elements
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}
