/**
 * Author names from what pages put in their author fields: "By Stella Kim and Jennifer Jett",
 * profile URLs, "@handles", "Staff Writer" titles, one name given three times.
 */
import { bylineName } from '../plaintext/metadata';
import { decodeEntities } from './entities';
import { normaliseSpace } from './text';

/** Words that join two names in a byline, in the languages the workbench sees most. */
const NAME_JOINER = /\s*(?:[,;&\/|]|\s(?:and|und|et|y|и|a|e|i|og|och|en|ve)\s)\s*/iu;
const BY_PREFIX = /^(?:(?:analysis|opinion|commentary|column|story|words|text|interview|photos?)\s+)?(?:by|von|par|por|di|door|av|af|autor(?:ka)?|author|автор|авторы|текст|napsal[a]?|written by|words by|reporting by)\s*[:\-–]?\s+/iu;
const URL_LIKE = /^(?:https?:|www\.)|^[\w.-]+\.(?:com|org|net|ru|uk|de|fr|io)(?:\/|$)|\/\//i;
const EMAIL = /\S+@\S+\.\S+/;
// A job title after a name ("Robert Burns, AP National Security Writer") is not part of the name.
const JOB_TITLE = /\b(?:writer|reporter|editor|correspondent|columnist|contributor|staff|producer|journalist|analyst|chief|bureau|корреспондент|редактор|обозреватель)\b/iu;
/** Names are short; anything longer is a sentence that landed in an author field. */
const MAX_NAME_CHARS = 80;

/**
 * Splits one author field into names, dropping URLs, e-mail addresses, handles and job titles.
 *
 * @example
 *   splitAuthorField('By Stella Kim and Jennifer Jett') // ['Stella Kim', 'Jennifer Jett']
 *   splitAuthorField('https://www.facebook.com/bbcnews') // []
 */
export function splitAuthorField(field: string): string[] {
  let text = normaliseSpace(decodeEntities(field));
  if (!text || URL_LIKE.test(text)) return [];
  text = text.replace(BY_PREFIX, '');
  // "Martin Untersinger (avec Damien Leloup)" → the parenthesis is an aside, not a name.
  text = text.replace(/\([^)]*\)/g, ' ');
  const parts = text.split(NAME_JOINER);
  // "Mac & i" is one name: a joiner that leaves a one- or two-letter part did not join names.
  if (parts.some((p) => p.trim().length > 0 && p.trim().length < 3)) parts.splice(0, parts.length, text);
  const names: string[] = [];
  for (const part of parts) {
    const name = normaliseSpace(part.replace(BY_PREFIX, '')).replace(/^[\s\-–—:·•]+|[\s\-–—:·•.]+$/gu, '');
    if (!name || name.startsWith('@') || URL_LIKE.test(name) || EMAIL.test(name)) continue;
    if (!/\p{L}/u.test(name) || name.length > MAX_NAME_CHARS) continue;
    if (JOB_TITLE.test(name) && names.length > 0) continue;
    // A date glued to the name ("Lucas Nolan22 Dec 2016") ends it.
    const beforeDigits = name.replace(/\s*\d.*$/u, '');
    if (beforeDigits.length < 2) continue;
    names.push(beforeDigits);
  }
  return names;
}

/**
 * Author names from several raw fields, each split and cleaned, deduplicated case-insensitively
 * (the first spelling wins).
 *
 * @example
 *   cleanAuthorNames(['Stella Kim', 'STELLA KIM, Jennifer Jett']) // ['Stella Kim', 'Jennifer Jett']
 */
export function cleanAuthorNames(fields: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const field of fields) {
    for (const name of splitAuthorField(field)) {
      const key = name.normalize('NFKC').toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** A bare name: two to four capitalised words, no digits ("Erin Cunningham", "Mac & i" is not). */
const BARE_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|der|di|le|la|bin|al)){1,3}$/u;

/**
 * Author names from byline lines when the page's metadata names none: a "By ..." line
 * ("By Matthew Digby , Minh Do on Monday, November 18th, 2019" → both names), or a line that is
 * only a name.
 *
 * @example
 *   authorsFromBylines(['By Erin Cunningham March 18 at 4:20 PM']) // ['Erin Cunningham']
 */
export function authorsFromBylines(lines: ReadonlyArray<string | null | undefined>): string[] {
  for (const line of lines) {
    const text = normaliseSpace(line ?? '');
    if (!text || text.length > 200) continue;
    const name = bylineName(text);
    if (name) return cleanAuthorNames([name]);
    if (BARE_NAME.test(text)) return [text];
  }
  return [];
}

/**
 * Names without a trailing site name ("Finian Cunningham. Sputnik International" → "Finian
 * Cunningham"); a name that is only the site name stays (the outlet signs the piece).
 *
 * @example
 *   withoutSiteNames(['Finian Cunningham. Sputnik International'], ['Sputnik International']) // ['Finian Cunningham']
 */
export function withoutSiteNames(names: readonly string[], siteNames: readonly string[]): string[] {
  return names.map((name) => {
    for (const site of siteNames) {
      if (site.length < 3 || name.length <= site.length || !name.toLowerCase().endsWith(site.toLowerCase())) continue;
      const head = name.slice(0, name.length - site.length);
      const cut = head.replace(/[\s.,;:|–—-]+$/u, '');
      // Only at a separator: "Ana Swanson" must not lose "Swanson" to a site called "Swanson".
      if (cut.length >= 3 && cut.length < head.length && /[.,;:|–—-]\s*$/u.test(head)) return cut;
    }
    return name;
  });
}
