/**
 * Name folding and comparison for people lookups: one folding for names, aliases, mentions and
 * the words of quotes, so "BORRELL", "Borrell" and "Borréll" meet, and "Жозеп Боррель" and
 * "жозеп боррель" too.
 */
import { editDistance, foldWord } from '../search/analyse';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The folded words of a text (case, compatibility forms, ё, Latin diacritics folded). */
export function foldedWords(text: string): string[] {
  return (text.match(WORD) ?? []).map(foldWord);
}

/**
 * Folds a name or phrase for lookup: folded words joined by one space.
 *
 * @example
 *   foldName('  Josep  BORRELL-Fontelles ') // 'josep borrell fontelles'
 *   foldName('Жозеп Боррель') // 'жозеп боррель'
 */
export function foldName(text: string): string {
  return foldedWords(text).join(' ');
}

export { editDistance };

/**
 * A looser form of a surname for spelling variants that are not different names: doubled
 * letters single, y → i, ё → е (already folded), "ey"/"ei" endings alike.
 *
 * @example
 *   looseSurname('borrel') === looseSurname('borrell') // true
 */
export function looseSurname(folded: string): string {
  return folded.replace(/y/g, 'i').replace(/(.)\1+/g, '$1');
}

/** How many edits a near spelling of a name of this length may have: 1 up to 10 letters, else 2. */
export function nearLimit(length: number): number {
  return length <= 10 ? 1 : 2;
}

/** Titles and role words that stand before a name ("President Joe Biden", "US Secretary of State ..."): not part of it. */
const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'president', 'premier', 'minister', 'secretary', 'chancellor', 'spokesman',
  'spokeswoman', 'spokesperson', 'ambassador', 'senator', 'governor', 'deputy', 'vice', 'general', 'chief', 'head',
  'foreign', 'defence', 'defense', 'prime', 'state', 'us', 'eu', 'un', 'nato', 'uk', 'csto', 'osce',
]);

/** Words that make a capitalised phrase an organisation or a place, not a person. */
const NOT_NAME_WORDS = new Set([
  'department', 'ministry', 'house', 'office', 'council', 'union', 'nations', 'agency', 'kremlin', 'government',
  'committee', 'commission', 'parliament', 'congress', 'senate', 'court', 'bank', 'forces', 'army', 'police', 'news',
  'times', 'post', 'press', 'service', 'organization', 'organisation', 'party', 'group', 'company', 'corporation',
  'reuters', 'interfax', 'tass', 'ria', 'novosti', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'the', 'a', 'an', 'and', 'of', 'in', 'on', 'for', 'to', 'at', 'it', 'this', 'that', 'they', 'we', 'he', 'she',
  'министерство', 'мид', 'кремль', 'правительство', 'совет',
  // Companies and institutions.
  'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'lp', 'sa', 'ag', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'oy', 'holdings', 'holding',
  'airlines', 'airways', 'energy', 'technology', 'technologies', 'industries', 'international', 'capital', 'securities',
  'financial', 'finance', 'services', 'systems', 'communications', 'petroleum', 'oil', 'gas', 'motors', 'electric',
  'trust', 'fund', 'association', 'institute', 'university', 'exchange', 'board', 'authority', 'federation', 'bureau',
  'reserve', 'treasury', 'markets', 'partners', 'resources', 'mining', 'foods', 'products', 'stores', 'airport',
  'ministers', 'leaders', 'officials', 'analysts', 'dealers', 'traders', 'bankers', 'brokers', 'sources',
  // Places.
  'republic', 'kingdom', 'states', 'emirates', 'arabia', 'zealand', 'korea', 'lanka', 'kong', 'rica', 'salvador',
  'africa', 'america', 'europe', 'asia', 'york', 'jersey', 'island', 'islands', 'guinea', 'leone', 'coast', 'street',
]);

const PARTICLES = /^(von|van|der|de|den|del|da|di|du|la|le|al|bin|ibn|el)$/;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/**
 * The name at the end of a speaker string: the last run of capitalised words that are not
 * titles or organisation words ("US Secretary of State Antony Blinken" → "Antony Blinken",
 * "the head of EU diplomacy, Josep Borrel" → "Josep Borrel"); null when there is none
 * ("the spokesman", "he").
 */
export function stripTitles(name: string): string | null {
  const words = name.trim().replace(/[,.;:]+$/u, '').split(/\s+/).filter(Boolean);
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1]!;
    const f = foldName(w);
    const particle = PARTICLES.test(w) && i < words.length;
    if (!particle && (!CAPITALISED.test(w) || TITLE_WORDS.has(f) || NOT_NAME_WORDS.has(f))) break;
    i--;
  }
  while (i < words.length && PARTICLES.test(words[i]!)) i++;
  const rest = words.slice(i).join(' ');
  return rest ? rest : null;
}

/**
 * True when a string can be a person's name to add as a newly found person: two to five
 * capitalised words (initials allowed), letters only, none of them an organisation word.
 * "Ned Price" and "Мария Захарова" are; "the spokesman", "State Department" and "Price" are not.
 */
export function isPlausiblePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let letters = 0;
  for (const w of words) {
    if (!CAPITALISED.test(w)) {
      // Particles inside names ("Ursula von der Leyen", "Jean-Yves Le Drian") are lower case.
      if (!PARTICLES.test(w)) return false;
      continue;
    }
    if (NOT_NAME_WORDS.has(foldName(w))) return false;
    letters += w.replace(/[^\p{L}]/gu, '').length;
  }
  return letters >= 4 && /^\p{Lu}/u.test(words[words.length - 1]!) && /^\p{Lu}/u.test(words[0]!);
}
