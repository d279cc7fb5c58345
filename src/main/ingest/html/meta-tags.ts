/**
 * The page's `<meta>` tags, indexed once by name so metadata rules can ask for "the first of
 * og:title, twitter:title, dc.title" without searching the document again and again.
 */
import { normaliseSpace } from './text';

/** Meta values by lower-cased key (`name`, `property`, `itemprop` or `http-equiv`), in page order. */
export class MetaTags {
  private readonly values = new Map<string, string[]>();

  constructor(document: Document) {
    for (const meta of document.querySelectorAll('meta[content]')) {
      const content = normaliseSpace(meta.getAttribute('content') ?? '');
      if (!content) continue;
      for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
        // `property` may hold several space-separated names (RDFa).
        for (const key of (meta.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
          if (!key) continue;
          const list = this.values.get(key) ?? [];
          list.push(content);
          this.values.set(key, list);
        }
      }
    }
  }

  /**
   * The first value of the first key (in the order given) the page has.
   *
   * @example
   *   meta.first('og:title', 'twitter:title') // 'Obama admits US gun laws are his ...'
   */
  first(...keys: string[]): string | undefined {
    for (const key of keys) {
      const v = this.values.get(key.toLowerCase());
      if (v?.length) return v[0];
    }
    return undefined;
  }

  /**
   * Every value of every key given, in key order.
   *
   * @example
   *   meta.all('article:tag') // ['Hong Kong', 'China', 'Protest']
   */
  all(...keys: string[]): string[] {
    return keys.flatMap((k) => this.values.get(k.toLowerCase()) ?? []);
  }
}
