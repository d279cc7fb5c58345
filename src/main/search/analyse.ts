/**
 * How text becomes index terms, per language. The same functions serve indexing, querying,
 * snippet highlighting and the exactness tests, so what is highlighted is exactly what matched.
 *
 * Every word is indexed twice (see docs/query-language.md):
 * - as a *word*: case folded (Unicode, ß → ss, final sigma), diacritics folded for Latin and
 *   Greek letters only (Cyrillic й stays й, Devanagari vowel signs stay), ё → е. Phrases,
 *   prefixes and fuzzy matches use words, so `"bank of england"` is matched word for word.
 * - as a *stem*: the article language's Snowball stemmer applied to the word, stop words of that
 *   language left out. Plain query words use stems, so `заявил` finds `заявила` and
 *   `statements` finds `statement`. A stem is indexed with its language (`§en·statement`), so
 *   that a query word matches an article only through the stem the article's own language
 *   gives it: the Italian stem of `notes` is `not`, which must not find English articles
 *   holding "not".
 */
import * as stopwordLists from 'stopword';
import { snowballStemmer } from './stemmers';
import { tierTokens } from './tiers';

/** Bump when indexing changes: archives indexed by another version are re-indexed in the background. */
export const ANALYSER_VERSION = 6;

/**
 * Marks a stem as indexed (`§price`), so that stems and words are different tokens: a stem's
 * postings then hold only its own positions, which halves what FTS5 reads to match and score
 * it, and a prefix query over words never runs through stems. No word holds it: words are
 * letters, marks and digits only, and FTS5's ascii tokenizer keeps it in the token.
 */
export const STEM_MARK = '§';

/**
 * Separates a stemming language from its stem in a stem key (`en·price`). No stem holds it:
 * stems are made of letters, marks and digits, and FTS5's ascii tokenizer keeps it in the token.
 */
export const LANGUAGE_MARK = '·';

/**
 * The language prefix of a stem key, mark included: `en·` for `en·price`, `·` for `·price`.
 *
 * @example
 *   keyPrefixOf('it·not') // 'it·'
 */
export function keyPrefixOf(key: string): string {
  return key.slice(0, key.indexOf(LANGUAGE_MARK) + LANGUAGE_MARK.length);
}

/**
 * The index token of a stem key (`Analyser.stemKey`): `§en·price`, or `§·price` where stems are
 * the words themselves.
 */
export function stemToken(key: string): string {
  return STEM_MARK + key;
}

/** Runs of letters, combining marks and digits, in any script. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** The same, for callers that walk a text's words themselves (global: use with matchAll). */
export const WORD_RUNS = WORD;
/** All ASCII: folding is lower-casing. */
export const ASCII = /^[\x00-\x7f]*$/;
/** Marks that sit on a Latin or Greek letter: accents an analyst may or may not type. */
const LATIN_GREEK_MARKS = /(?<=[\p{Script=Latin}\p{Script=Greek}]\p{M}*)\p{M}/gu;

/** A word of a text and where it stands. */
export interface Token {
  /** The folded word (see foldWord). */
  term: string;
  start: number;
  end: number;
}

/**
 * Folds one word for matching: Unicode case folding, compatibility forms (NFKC), ё → е, and
 * diacritics removed from Latin and Greek letters only.
 *
 * @example
 *   foldWord('Zürich') // 'zurich'
 *   foldWord('Её') // 'ее'
 *   foldWord('Straße') // 'strasse'
 */
export function foldWord(word: string): string {
  // Most words are ASCII: lower-casing is all they need, and normalisation is costly at index time.
  if (ASCII.test(word)) return word.toLowerCase();
  return stripMarks(lowerWord(word));
}

/** Lower case with compatibility forms, ß → ss, ς → σ and ё → е, accents kept (what stemmers expect). */
function lowerWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/ё/g, 'е');
}

function stripMarks(lower: string): string {
  const decomposed = lower.normalize('NFD');
  const stripped = decomposed.replace(LATIN_GREEK_MARKS, '');
  return stripped.normalize('NFC');
}

/** Words with their offsets and folded forms. */
export function tokensWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ term: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The words of a text, as typed (for splitting query words such as "COVID-19"). */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** ISO 639-1 code → Snowball algorithm name. */
const SNOWBALL: Record<string, string> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', cs: 'czech', da: 'danish', nl: 'dutch',
  en: 'english', fi: 'finnish', fr: 'french', de: 'german', hu: 'hungarian', it: 'italian', ga: 'irish',
  no: 'norwegian', nb: 'norwegian', nn: 'norwegian', pt: 'portuguese', ro: 'romanian', ru: 'russian',
  es: 'spanish', sl: 'slovene', sv: 'swedish', ta: 'tamil', tr: 'turkish',
};

/** The Snowball algorithms analysers use (their names, as `snowballStemmer` takes them). */
export const SNOWBALL_ALGORITHMS: readonly string[] = [...new Set(Object.values(SNOWBALL))];

/**
 * Languages whose Snowball stemmer only takes endings off (Irish, Arabic and others also strip
 * or change a word's beginning): there a word's stem starts with the word's first letter.
 */
const SUFFIX_STEMMERS: ReadonlySet<string> = new Set(['en', 'ru', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'nb', 'nn', 'fi', 'ro', 'hu', 'ca']);

/** ISO 639-1 code → the `stopword` package's list name (ISO 639-3). */
const STOPWORDS: Record<string, string> = {
  af: 'afr', ar: 'ara', bn: 'ben', br: 'bre', bg: 'bul', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu',
  el: 'ell', en: 'eng', eo: 'epo', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle',
  gl: 'glg', gu: 'guj', ha: 'hau', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind',
  it: 'ita', ja: 'jpn', ko: 'kor', ku: 'kur', la: 'lat', lv: 'lav', lt: 'lit', mr: 'mar', ms: 'msa',
  my: 'mya', nl: 'nld', no: 'nob', nb: 'nob', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk',
  sl: 'slv', so: 'som', st: 'sot', es: 'spa', sw: 'swa', sv: 'swe', tl: 'tgl', th: 'tha', tr: 'tur',
  uk: 'ukr', ur: 'urd', vi: 'vie', yo: 'yor', zh: 'zho', zu: 'zul',
};

/** A word written in Cyrillic (analysed as Russian where the article's language is unknown). */
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A word of Latin letters and digits (analysed as English where the article's language is unknown). */
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}]+$/u;

/**
 * The script a word is analysed by where its article's language is unknown: Latin letters and
 * digits, Cyrillic, or other.
 */
export function scriptOf(word: string): 'latin' | 'cyrillic' | 'other' {
  if (ASCII.test(word) || LATIN.test(word)) return 'latin';
  return CYRILLIC.test(word) ? 'cyrillic' : 'other';
}

/** The languages words of unknown language are analysed as, by script. */
const LATIN_SCRIPT_LANGUAGE = 'en';
const CYRILLIC_SCRIPT_LANGUAGE = 'ru';
const SCRIPT_LANGUAGES: readonly string[] = [LATIN_SCRIPT_LANGUAGE, CYRILLIC_SCRIPT_LANGUAGE];

/**
 * Of `languages` (null: unknown), those whose articles hold stem keys of `prefix` (`it·`): the
 * language itself, and for English and Russian also the unknown language (its words by
 * script); for `·`, the languages without a stemmer (and the unknown language's words of other
 * scripts, few, left out here).
 */
export function languagesKeyedAs(prefix: string, languages: ReadonlyArray<string | null>): Array<string | null> {
  const lang = prefix.slice(0, -LANGUAGE_MARK.length);
  if (!lang) return languages.filter((l) => l !== null && !analyserFor(l).stems);
  return SCRIPT_LANGUAGES.includes(lang) ? [lang, null] : [lang];
}

/** Memoised stems per analyser; cleared when it grows past this many words. */
const STEM_CACHE_LIMIT = 200_000;

/** The analysis for one language: its stemmer and stop words. */
export class Analyser {
  private readonly cache = new Map<string, string | null>();
  private readonly pairs = new Map<string, [string, string | null, string | null]>();
  private readonly stemmer: { stem(word: string): string } | null;
  private readonly stopwords: ReadonlySet<string>;
  /**
   * What this language's stem keys start with: `en·` where a stemmer makes the stems, `·`
   * where the stems are the folded words themselves (a language without a stemmer): all such
   * languages share their keys, since a key then means the word itself.
   */
  readonly keyPrefix: string;
  /**
   * Unknown language (mostly headlines and tables too short to tell): each word is analysed by
   * its script, Latin words as English, Cyrillic words as Russian, others kept as written.
   */
  private readonly byScript: boolean;

  /** `lang` is an ISO 639-1 code, or null for "unknown" (each word analysed by its script). */
  constructor(readonly lang: string | null) {
    this.byScript = lang === null;
    const algorithm = lang ? SNOWBALL[lang] : undefined;
    this.stemmer = algorithm ? snowballStemmer(algorithm) : null;
    const list = lang ? (stopwordLists as unknown as Record<string, string[] | undefined>)[STOPWORDS[lang] ?? ''] : undefined;
    this.stopwords = new Set((list ?? []).map((w) => foldWord(w)));
    this.keyPrefix = (this.stemmer && lang ? lang : '') + LANGUAGE_MARK;
  }

  /**
   * True when every stem starts with its folded word's first letter (stemmers that only take
   * endings off, or none): a word whose first letter begins no wanted stem need not be stemmed.
   */
  get keepsFirstLetter(): boolean {
    // English and Russian, for an unknown language, only take endings off.
    return this.stemmer === null || SUFFIX_STEMMERS.has(this.lang!);
  }

  /** The analyser of a word of unknown language, by its script (null: kept as written). */
  private scriptAnalyser(word: string): Analyser | null {
    const script = scriptOf(word);
    return script === 'latin' ? analyserFor(LATIN_SCRIPT_LANGUAGE) : script === 'cyrillic' ? analyserFor(CYRILLIC_SCRIPT_LANGUAGE) : null;
  }

  /** True when this language can stem (else stems are the folded words). */
  get stems(): boolean {
    return this.stemmer !== null;
  }

  /**
   * The index stem of a word as written, or null for a stop word of this language.
   *
   * @example
   *   analyserFor('ru').stem('Заявила') // 'заяв'
   *   analyserFor('en').stem('the') // null
   */
  stem(word: string): string | null {
    let out = this.cache.get(word);
    if (out !== undefined) return out;
    if (this.byScript) {
      const analyser = this.scriptAnalyser(word);
      if (analyser) return analyser.stem(word);
    }
    const folded = foldWord(word);
    if (this.stopwords.has(folded)) out = null;
    else if (!this.stemmer) out = folded;
    else {
      // Stemmers expect accented lower case ("été"); the stem is then folded like any word.
      const lower = ASCII.test(word) ? word.toLowerCase() : lowerWord(word);
      out = foldWord(this.stemmer.stem(lower)) || folded;
    }
    if (this.cache.size >= STEM_CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, out);
    return out;
  }

  /**
   * The stem key of a word as written: its stem with this language (`en·statement`; `·` and
   * the folded word where stems are words), or null for a stop word. What the index holds and
   * queries ask.
   *
   * @example
   *   analyserFor('en').stemKey('Statements') // 'en·statement'
   *   analyserFor('sk').stemKey('Statements') // '·statements'
   */
  stemKey(word: string): string | null {
    if (this.byScript) {
      const analyser = this.scriptAnalyser(word);
      if (analyser) return analyser.stemKey(word);
    }
    const stem = this.stem(word);
    return stem === null ? null : this.keyPrefix + stem;
  }

  /** True when a stem key (of any language) is one this analyser makes. */
  ownsKey(key: string): boolean {
    if (this.byScript && SCRIPT_LANGUAGES.some((lang) => analyserFor(lang).ownsKey(key))) return true;
    return key.startsWith(this.keyPrefix);
  }

  /**
   * The folded word, its stem key (null for a stop word) and the key's index token, cached
   * together: the indexing hot path.
   */
  wordAndKey(word: string): [string, string | null, string | null] {
    let out = this.pairs.get(word);
    if (out === undefined) {
      const key = this.stemKey(word);
      out = [foldWord(word), key, key === null ? null : stemToken(key)];
      if (this.pairs.size >= STEM_CACHE_LIMIT) this.pairs.clear();
      this.pairs.set(word, out);
    }
    return out;
  }

  /** True when this language has a list of stop words (the unknown language: those of its words' scripts). */
  get hasStopwords(): boolean {
    return this.byScript || this.stopwords.size > 0;
  }

  /** True when the (folded) word is a stop word of this language. */
  isStopword(folded: string): boolean {
    if (this.byScript) return this.scriptAnalyser(folded)?.isStopword(folded) ?? false;
    return this.stopwords.has(folded);
  }
}

const ANALYSERS = new Map<string, Analyser>();

/** The shared analyser for a language (ISO 639-1; null, or a language with neither stemmer nor stop words: unknown), created on first use. */
export function analyserFor(lang: string | null): Analyser {
  const key = lang ?? '';
  let a = ANALYSERS.get(key);
  if (!a) {
    a = new Analyser(lang && (SNOWBALL[lang] || STOPWORDS[lang]) ? lang : null);
    ANALYSERS.set(key, a);
  }
  return a;
}

/** What the full-text index stores for one article: space-separated terms per column. */
export interface IndexedText {
  titleWords: string;
  bodyWords: string;
  titleStems: string;
  bodyStems: string;
  /** Tier tokens of the stems that weigh most in the article (see tiers.ts). */
  impact: string;
  /** The distinct words of title and body (for the fuzzy word list). */
  distinctWords: string;
}

/**
 * Analyses an article for the full-text index.
 *
 * @example
 *   analyseArticle('Statements made', 'The U.S. said', 'en')
 *   // { titleWords: 'statements made', bodyWords: 'the u s said',
 *   //   titleStems: '§en·statement §en·made', bodyStems: '§en·u §en·s',
 *   //   impact: '¤3en·statement ¤3en·made ¤2en·u ¤2en·s',
 *   //   distinctWords: 'statements made the u s said' }
 */
export function analyseArticle(title: string, body: string, lang: string | null): IndexedText {
  const analyser = analyserFor(lang);
  const distinct = new Set<string>();
  const [titleWords, titleStems] = analyseText(title, analyser, distinct);
  const [bodyWords, bodyStems] = analyseText(body, analyser, distinct);
  const tokens = titleWords.length + bodyWords.length + titleStems.length + bodyStems.length;
  return {
    titleWords: titleWords.join(' '),
    bodyWords: bodyWords.join(' '),
    titleStems: titleStems.join(' '),
    bodyStems: bodyStems.join(' '),
    impact: tierTokens(titleStems, bodyStems, tokens),
    distinctWords: [...distinct].join(' '),
  };
}

/** The folded words and the stem tokens (`§stem`) of a text, in order. */
function analyseText(text: string, analyser: Analyser, distinct: Set<string>): [string[], string[]] {
  const words: string[] = [];
  const stems: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    const [folded, , token] = analyser.wordAndKey(word);
    words.push(folded);
    distinct.add(folded);
    if (token !== null) stems.push(token);
  }
  return [words, stems];
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
