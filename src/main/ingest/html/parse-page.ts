/**
 * Parsing a saved page into a DOM with jsdom, safely: page scripts never run, nothing is
 * fetched, and jsdom's own complaints (unparsable CSS and the like) stay off the console.
 */
import type { JSDOM } from 'jsdom';
import { stripUnreadElements } from './strip-unread';

let jsdom: typeof import('jsdom') | null = null;

/**
 * jsdom, loaded when the first page is parsed: loading it takes about a second, which an import
 * of feeds, exports or wire files (no HTML pages) would otherwise spend on the reader thread.
 */
function loadJsdom(): typeof import('jsdom') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (jsdom ??= require('jsdom') as typeof import('jsdom'));
}

/** The document URL when the page does not name its own: `.invalid` can never resolve. */
export const PLACEHOLDER_URL = 'https://page.invalid/';

/**
 * Parses `html` into a jsdom window. Scripts (JSON-LD excepted), stylesheets and iframes are removed beforehand and
 * would not run anyway (jsdom's default `runScripts` is off); no resources are loaded.
 * Call `window.close()` when done.
 *
 * @example
 *   const dom = parsePage('<html lang="en"><body><p>Hi</p></body></html>');
 *   dom.window.document.documentElement.lang // 'en'
 */
export function parsePage(html: string): JSDOM {
  // A console that hears nothing: jsdom reports "Could not parse CSS stylesheet" and similar
  // page faults as virtual-console errors, which would otherwise reach stderr.
  const { JSDOM, VirtualConsole } = loadJsdom();
  const virtualConsole = new VirtualConsole();
  return new JSDOM(stripUnreadElements(html), { url: PLACEHOLDER_URL, virtualConsole, contentType: 'text/html' });
}

/**
 * Makes relative links in `document` resolve against `url` (the page's canonical address) by
 * adding a `<base>` element, unless the page already has one. The document URL itself stays
 * the placeholder: jsdom fixes it at parse time, and the page is parsed only once.
 */
export function setBaseUrl(document: Document, url: string | null): void {
  if (!url || document.querySelector('base[href]')) return;
  const base = document.createElement('base');
  base.setAttribute('href', url);
  (document.head ?? document.documentElement).prepend(base);
}
