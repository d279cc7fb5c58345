/**
 * Weekday cues in running text: "said on Monday", "Earlier on Monday", "в понедельник",
 * "am Montag", "el lunes"... They tell which weekday a yearless dateline fell on.
 */
import type { Lang } from './lexicon';

export interface WeekdayCue {
  /** 0 = Sunday .. 6 = Saturday. */
  weekday: number;
  /** The phrase as written ("said on Monday"), `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

interface CueWord {
  weekday: number;
  lang: Lang;
}

// Weekday words in the form they take in a cue ("в среду", not "среда"); index 0 = Sunday.
// A word may belong to several languages ("domingo": es, pt), each with its own rule.
const CUE_WORDS = new Map<string, CueWord[]>();
function addCueWords(lang: Lang, names: ReadonlyArray<string | readonly string[]>): void {
  names.forEach((entry, weekday) => {
    for (const word of typeof entry === 'string' ? [entry] : entry) {
      CUE_WORDS.set(word, [...(CUE_WORDS.get(word) ?? []), { weekday, lang }]);
    }
  });
}
addCueWords('en', ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
addCueWords('ru', ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу']);
addCueWords('uk', ['неділю', 'понеділок', 'вівторок', 'середу', 'четвер', ["п'ятницю", 'п’ятницю', 'пʼятницю'], 'суботу']);
addCueWords('de', ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', ['samstag', 'sonnabend']]);
addCueWords('fr', ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']);
addCueWords('es', ['domingo', 'lunes', 'martes', ['miércoles', 'miercoles'], 'jueves', 'viernes', ['sábado', 'sabado']]);
addCueWords('pt', [
  'domingo', 'segunda-feira', ['terça-feira', 'terca-feira'], 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado',
]);
addCueWords('it', [
  'domenica', ['lunedì', 'lunedi'], ['martedì', 'martedi'], ['mercoledì', 'mercoledi'],
  ['giovedì', 'giovedi'], ['venerdì', 'venerdi'], 'sabato',
]);

/** Prepositions that make "<prep> <weekday>" mean "on that day". */
const PREPOSITIONS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(['on']),
  ru: new Set(['в', 'во']),
  uk: new Set(['у', 'в']),
  de: new Set(['am']),
  es: new Set(['el']),
  pt: new Set(['na', 'no', 'nesta', 'neste']),
};
/** Words after the weekday that point to another week ("lunes pasado", "lundi prochain"). */
const OTHER_WEEK = new Set([
  'dernier', 'prochain', 'pasado', 'próximo', 'proximo', 'passada', 'passado', 'próxima', 'proxima', 'scorso', 'prossimo',
]);
const ENGLISH_VERBS = new Set([
  'said', 'says', 'told', 'wrote', 'spoke', 'met', 'took', 'gave', 'made', 'held', 'began', 'sent', 'came', 'went',
  'left', 'saw', 'urged', 'tweeted', 'announced', 'stated', 'reported', 'added', 'noted', 'declared', 'confirmed',
  'warned', 'claimed', 'insisted', 'explained', 'denied', 'agreed', 'arrived', 'expressed', 'revealed',
]);
const EARLIER_LATER = new Set(['earlier', 'later']);

interface Word {
  word: string;
  lower: string;
  start: number;
  end: number;
}

/** True when the word at hand plausibly is the verb the cue hangs on ("said", "заявил"). */
function isVerb(word: Word, lang: Lang): boolean {
  const w = word.lower;
  if (lang === 'en') return ENGLISH_VERBS.has(w) || (w.length > 4 && w.endsWith('ed'));
  // Russian and Ukrainian past tense: заявил, сообщила, сказали, заявив.
  if (lang === 'ru') return w.length > 3 && /(?:л|ла|ло|ли)(?:ся|сь)?$/u.test(w);
  if (lang === 'uk') return w.length > 3 && /(?:в|ла|ло|ли)(?:ся|сь)?$/u.test(w);
  if (lang === 'fr') return w.length > 3 && /(?:é|ée|és|ées)$/u.test(w); // "a déclaré lundi"
  return false;
}

/**
 * The first weekday cue in `text`, or null. English needs "on" or a verb before the weekday
 * ("on Monday", "said Monday", "Earlier Monday"); Russian/Ukrainian "в/во/у <weekday>", German
 * "am", Spanish "el", Portuguese "na/no"; French and Italian take the bare weekday unless it
 * points to another week ("lundi dernier"). A verb right before the phrase is included.
 *
 * @example
 * findWeekdayCue('... spokesman Ned Price said on Monday.')
 * // { weekday: 1, text: 'said on Monday', start: 28, end: 42 }
 */
export function findWeekdayCue(text: string): WeekdayCue | null {
  const words = /[\p{L}\p{M}]+(?:['’ʼ-][\p{L}\p{M}]+)*/gu;
  // The two words before the current one, kept only while they are separated by plain spaces.
  let prev1: Word | null = null;
  let prev2: Word | null = null;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    const word: Word = { word: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length };
    if (prev1 && !spacesOnly(text, prev1.end, word.start)) {
      prev1 = null;
      prev2 = null;
    }
    for (const cue of CUE_WORDS.get(word.lower) ?? []) {
      const start = cueStart(text, word, cue.lang, prev1, prev2);
      if (start >= 0) return { weekday: cue.weekday, text: text.slice(start, word.end), start, end: word.end };
    }
    // prev1 was reset above unless it touches this word, so prev2 always touches prev1.
    prev2 = prev1;
    prev1 = word;
  }
  return null;
}

/** Where the cue phrase around `word` starts, or -1 when the weekday is not a cue here. */
function cueStart(text: string, word: Word, lang: Lang, prev1: Word | null, prev2: Word | null): number {
  if (lang === 'en' && word.word[0] === word.lower[0]) return -1; // English weekdays are capitalised
  if (OTHER_WEEK.has(nextWordLower(text, word.end))) return -1;
  const preps = PREPOSITIONS[lang];
  if (preps) {
    if (prev1 && preps.has(prev1.lower)) return prev2 && isVerb(prev2, lang) ? prev2.start : prev1.start;
    if (lang !== 'en' || !prev1) return -1;
    // English wire style drops the "on": "said Monday", "Earlier Monday".
    return isVerb(prev1, lang) || EARLIER_LATER.has(prev1.lower) ? prev1.start : -1;
  }
  // French and Italian: the bare weekday ("a déclaré lundi", "ha detto lunedì").
  return prev1 && isVerb(prev1, lang) ? prev1.start : word.start;
}

function spacesOnly(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let k = from; k < to; k++) if (!/[ \t\u00a0]/.test(text[k] as string)) return false;
  return true;
}

function nextWordLower(text: string, i: number): string {
  const m = /^[ \t\u00a0]{1,3}([\p{L}\p{M}]+)/u.exec(text.slice(i, i + 40));
  return m ? (m[1] as string).toLowerCase() : '';
}
