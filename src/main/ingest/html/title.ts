/**
 * Choosing the headline among what a page offers: the JSON-LD headline, OpenGraph and Twitter
 * titles, other meta titles, the `<title>` element and the visible `<h1>`s.
 */
import { normaliseSpace } from './text';

/** The title candidates of one page, each already white-space normalised. */
export interface TitleCandidates {
  jsonLd?: string;
  /** og:title, twitter:title, dc.title, parsely-title ... in that order of trust. */
  meta: string[];
  /** The `<title>` element. */
  document?: string;
  /** Visible `<h1>` texts, in page order. */
  h1s: string[];
  /** Names the site goes by (og:site_name, the JSON-LD publisher ...), to recognise " | Site" suffixes. */
  siteNames: string[];
}

/** Separators between a headline and the site name in titles ("Headline | Site", "Headline - Site"). */
const SEPARATOR = /\s+[|\-–—:·•»\/]\s+|\s*[|_]\s*/gu;

/** Comparison key: NFKC, lower case, letters and digits only. */
function key(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * `title` without a trailing (or leading) " | Site Name" part when that part is one of
 * `siteNames` (or the site name with its domain ending); otherwise `title` unchanged.
 *
 * @example
 *   stripSiteName('Obama admits ... frustration - BBC News', ['BBC News']) // 'Obama admits ... frustration'
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const sites = new Set(siteNames.map(key).filter((k) => k.length > 0));
  if (sites.size === 0) return title;
  const isSite = (part: string): boolean => {
    const k = key(part);
    return sites.has(k) || sites.has(k.replace(/(?:com|net|org|co\w{0,3}|ru|de|fr)$/, ''));
  };
  const separators = [...title.matchAll(SEPARATOR)];
  // Peel site-name parts off the end ("Headline | Section | Site" keeps the section when it is not the site).
  const last = separators.at(-1);
  if (last && last.index > 0 && isSite(title.slice(last.index + last[0].length))) {
    return title.slice(0, last.index).trim();
  }
  const first = separators[0];
  if (first && first.index > 0 && isSite(title.slice(0, first.index))) {
    return title.slice(first.index + first[0].length).trim();
  }
  return title;
}

/**
 * The headline of the page, or null when it offers none.
 *
 * - The JSON-LD headline first (unless it is a truncated form of a longer title on the page),
 *   else the first meta title (og:title ...). A " | Site Name" suffix is cut when the visible
 *   `<h1>` confirms the title reads without it; a suffix may be part of the headline otherwise.
 * - Else the `<title>` element, its site-name part cut.
 * - Else the first `<h1>`.
 *
 * @example
 *   chooseTitle({ meta: ['Headline - BBC News'], h1s: ['Headline'], siteNames: ['BBC News'] }) // 'Headline'
 */
export function chooseTitle(c: TitleCandidates): string | null {
  const h1Keys = new Set(c.h1s.map(key).filter((k) => k.length > 0));
  const confirmedByH1 = (t: string): boolean => h1Keys.has(key(t));

  // A publisher's own title may carry its name ("Headline - Breitbart"); only the visible
  // headline tells a brand suffix from a headline that ends that way.
  const withoutConfirmedSiteName = (t: string): string => {
    const stripped = stripSiteName(t, c.siteNames);
    return stripped !== t && confirmedByH1(stripped) ? stripped : t;
  };

  if (c.jsonLd) return withoutConfirmedSiteName(untruncated(c.jsonLd, [...c.meta, ...c.h1s]));
  if (c.meta[0]) return withoutConfirmedSiteName(c.meta[0]);

  if (c.document) return stripSiteName(c.document, c.siteNames);
  return c.h1s.find((h) => h.length > 0) ?? null;
}

/** `headline`, or the longer title it is a truncated start of ("Mugabe and wife Grace insist..."). */
function untruncated(headline: string, others: readonly string[]): string {
  const cut = headline.replace(/(?:\.\.\.|…)$/u, '');
  if (cut === headline) return headline;
  const k = key(cut);
  return others.find((o) => key(o).startsWith(k) && o.length > cut.length) ?? headline;
}

/** Normalised, non-empty strings of `values`, in order, without repeats. */
export function titleStrings(values: ReadonlyArray<string | undefined | null>): string[] {
  const out: string[] = [];
  for (const v of values) {
    const s = v ? normaliseSpace(v) : '';
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * The site name a `<title>` ends with, when it is the headline plus a suffix
 * ("United States to Lift Sudan Sanctions - The New York Times" → "The New York Times").
 *
 * @example
 *   siteNameInDocumentTitle('Tite diz que errou ao levar taça - 21/12/2018 - Esporte - Folha', 'Tite diz que errou ao levar taça') // 'Folha'
 */
export function siteNameInDocumentTitle(documentTitle: string | undefined, headline: string | null): string | null {
  if (!documentTitle || !headline) return null;
  const k = key(headline);
  if (k.length < 10 || !key(documentTitle).startsWith(k) || key(documentTitle) === k) return null;
  const separators = [...documentTitle.matchAll(SEPARATOR)];
  const last = separators.at(-1);
  if (!last) return null;
  const name = documentTitle.slice(last.index + last[0].length).trim();
  return name.length >= 2 && name.length <= 40 && /\p{L}/u.test(name) && !key(headline).endsWith(key(name)) ? name : null;
}
