/**
 * Reuters-21578 (Distribution 1.0) SGML files: each `<REUTERS>` document becomes an article with
 * its headline, body paragraphs, dateline place, timestamp and category lists.
 *
 * @example
 * import { looksLikeReutersSgml, readReutersSgml } from './reuters';
 * if (looksLikeReutersSgml(text)) readReutersSgml({ text, fileName: 'reut2-000.sgm' });
 */
export { readReutersSgml, looksLikeReutersSgml } from './read-sgml';
