/**
 * Author names from what pages put in their author fields: "By Stella Kim and Jennifer Jett",
 * profile URLs, "@handles", "Staff Writer" titles, one name given three times.
 */
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
