/**
 * Month and weekday words in the languages the date finder reads
 * (en, ru, uk, de, fr, es, pt, it). Keys are lower-case.
 */

/** Languages whose words are in the lexicon. */
export type Lang = 'en' | 'ru' | 'uk' | 'de' | 'fr' | 'es' | 'pt' | 'it';

export interface MonthWord {
  /** 1-12. */
  month: number;
  /** English/German spelling must start with a capital ("may", "march" are ordinary words). */
  needsCapital: boolean;
  /** Usable before the day ("January 10"): only English writes dates month-first. */
  monthFirst: boolean;
  /** An abbreviation, which may carry a trailing period ("Jan."). */
  abbreviation: boolean;
}

export interface WeekdayWord {
  /** 0 = Sunday .. 6 = Saturday. */
  weekday: number;
  needsCapital: boolean;
}

export const MONTH_WORDS = new Map<string, MonthWord>();
export const WEEKDAY_WORDS = new Map<string, WeekdayWord>();

function addMonth(word: string, month: number, lang: Lang, abbreviation = false): void {
  const needsCapital = lang === 'en' || lang === 'de';
  const prior = MONTH_WORDS.get(word);
  MONTH_WORDS.set(word, {
    month,
    // A spelling shared with a lower-case language ("mai" fr/de) does not need a capital.
    needsCapital: prior ? prior.needsCapital && needsCapital : needsCapital,
    monthFirst: (prior?.monthFirst ?? false) || lang === 'en',
    abbreviation: (prior?.abbreviation ?? false) || abbreviation,
  });
}

function addMonths(lang: Lang, names: ReadonlyArray<string | readonly string[]>, abbreviation = false): void {
  names.forEach((entry, index) => {
    for (const word of typeof entry === 'string' ? [entry] : entry) {
      if (word) addMonth(word, index + 1, lang, abbreviation);
    }
  });
}

// English.
addMonths('en', [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]);
addMonths('en', ['jan', 'feb', 'mar', 'apr', '', 'jun', 'jul', 'aug', ['sep', 'sept'], 'oct', 'nov', 'dec'], true);

// Russian: every case form (январь, января, январю, январём/январем, январе).
function russianForms(nominative: string): string[] {
  if (nominative === 'май') return ['май', 'мая', 'маю', 'маем', 'мае'];
  if (nominative.endsWith('ь')) {
    const stem = nominative.slice(0, -1);
    return [nominative, `${stem}я`, `${stem}ю`, `${stem}ём`, `${stem}ем`, `${stem}е`];
  }
  return [nominative, `${nominative}а`, `${nominative}у`, `${nominative}ом`, `${nominative}е`];
}
addMonths(
  'ru',
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'].map(
    russianForms,
  ),
);
addMonths(
  'ru',
  ['янв', ['фев', 'февр'], 'мар', 'апр', '', 'июн', 'июл', 'авг', ['сен', 'сент'], 'окт', ['ноя', 'нояб'], 'дек'],
  true,
);

// Ukrainian: січень → січня, січні, січнем, січню; лютий and листопад decline differently.
function ukrainianForms(nominative: string): string[] {
  if (nominative === 'лютий') return ['лютий', 'лютого', 'лютому', 'лютим', 'лютім'];
  if (nominative === 'листопад') return ['листопад', 'листопада', 'листопаді', 'листопаду', 'листопадом'];
  const stem = nominative.slice(0, -3); // drop "ень"
  return [nominative, `${stem}ня`, `${stem}ні`, `${stem}нем`, `${stem}ню`];
}
addMonths(
  'uk',
  ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень', 'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'].map(
    ukrainianForms,
  ),
);

addMonths('de', [
  ['januar', 'jänner'], ['februar', 'feber'], ['märz', 'maerz'], 'april', 'mai', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'dezember',
]);
addMonths('de', ['jan', 'feb', 'mär', 'apr', '', 'jun', 'jul', 'aug', ['sep', 'sept'], 'okt', 'nov', 'dez'], true);

addMonths('fr', [
  'janvier', ['février', 'fevrier'], 'mars', 'avril', 'mai', 'juin',
  'juillet', ['août', 'aout'], 'septembre', 'octobre', 'novembre', ['décembre', 'decembre'],
]);
addMonths('fr', ['janv', ['févr', 'fevr'], '', 'avr', '', '', 'juil', '', 'sept', 'oct', 'nov', ['déc', 'dec']], true);

// Spanish, Portuguese and Italian: full names only (their abbreviations, e.g. "mar", are ordinary words).
addMonths('es', [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', ['septiembre', 'setiembre'], 'octubre', 'noviembre', 'diciembre',
]);
addMonths('pt', [
  'janeiro', 'fevereiro', ['março', 'marco'], 'abril', 'maio', 'junho',
  'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro',
]);
addMonths('it', [
  'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno',
  'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre',
]);

function addWeekdays(lang: Lang, names: ReadonlyArray<string | readonly string[]>): void {
  const needsCapital = lang === 'en' || lang === 'de';
  names.forEach((entry, weekday) => {
    for (const word of typeof entry === 'string' ? [entry] : entry) {
      const prior = WEEKDAY_WORDS.get(word);
      WEEKDAY_WORDS.set(word, { weekday, needsCapital: prior ? prior.needsCapital && needsCapital : needsCapital });
    }
  });
}

// Weekday names as they open a date ("Monday, January 10, 2022"); index 0 = Sunday.
addWeekdays('en', [
  // No "Sun": "The Sun, January 10" names a newspaper.
  'sunday', ['monday', 'mon'], ['tuesday', 'tue', 'tues'], ['wednesday', 'wed'],
  ['thursday', 'thu', 'thur', 'thurs'], ['friday', 'fri'], ['saturday', 'sat'],
]);
addWeekdays('ru', ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота']);
addWeekdays('uk', ['неділя', 'понеділок', 'вівторок', 'середа', 'четвер', ["п'ятниця", 'п’ятниця', 'пʼятниця'], 'субота']);
addWeekdays('de', ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', ['samstag', 'sonnabend']]);
addWeekdays('fr', ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']);
addWeekdays('es', ['domingo', 'lunes', 'martes', ['miércoles', 'miercoles'], 'jueves', 'viernes', ['sábado', 'sabado']]);
addWeekdays('pt', [
  'domingo', 'segunda-feira', ['terça-feira', 'terca-feira'], 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado',
]);
addWeekdays('it', [
  'domenica', ['lunedì', 'lunedi'], ['martedì', 'martedi'], ['mercoledì', 'mercoledi'],
  ['giovedì', 'giovedi'], ['venerdì', 'venerdi'], 'sabato',
]);

/** Words after a number that make it a year: "2022 года", "2022 г.", "2022 року". */
export const YEAR_SUFFIXES = new Set(['г', 'гг', 'год', 'года', 'году', 'годом', 'рік', 'року', 'роком']);
/** Suffixes written with a period ("г."); the bare "г" is also grams, so it needs the period. */
export const YEAR_SUFFIXES_NEEDING_PERIOD = new Set(['г', 'гг']);
/** Words before a number that make it a year: "the year 2022", "im Jahr 2022". */
export const YEAR_PREFIXES = new Set(['year', 'jahr', 'año', 'anno', 'ano']);
/** Words between day and month or month and year: "10th of January", "10 de enero de 2022". */
export const DAY_MONTH_LINKS = new Set(['of', 'de']);
export const MONTH_YEAR_LINKS = new Set(['de', 'del']);
/** Ordinal endings glued to a day number: "10th", "1er", "1º". */
export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'er', 'º', 'ª']);

/** Lower-cases the common cased letters (ASCII, Latin-1, Cyrillic) by code; others pass unchanged. */
function lowerCode(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x410 && c <= 0x42f)) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80; // Ё, Є, І, Ї...
  return c;
}

/**
 * A number for a word's first two letters, case-folded. Words with other case pairs (e.g.
 * Greek) simply never match, which is fine: no lexicon word needs them.
 */
export function prefixKey(c0: number, c1: number): number {
  return lowerCode(c0) * 0x10000 + lowerCode(c1);
}

/** First-two-letter keys of every month, weekday and year word. */
export const LEXICON_PREFIXES = new Set<number>(
  [...MONTH_WORDS.keys(), ...WEEKDAY_WORDS.keys(), ...YEAR_PREFIXES].map((w) => prefixKey(w.charCodeAt(0), w.charCodeAt(1))),
);
