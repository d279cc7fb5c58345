/**
 * A small language guess: the script decides for Cyrillic, Greek, CJK, Arabic and the like;
 * among Latin-script languages the most frequent function words decide. Good enough to label
 * an article and choose an analyser; returns null when the text is too short to tell.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'said', 'for', 'with', 'was', 'on'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'den', 'von', 'sich', 'auch', 'ein'],
  fr: ['le', 'la', 'les', 'des', 'est', 'et', 'une', 'du', 'dans', 'pour', 'qui', 'pas'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'una', 'por', 'con', 'para', 'es', 'se'],
  pt: ['os', 'das', 'não', 'uma', 'com', 'para', 'que', 'do', 'da', 'em', 'é', 'ao'],
  it: ['il', 'della', 'che', 'di', 'e', 'gli', 'per', 'una', 'non', 'sono', 'del', 'nel'],
  pl: ['się', 'nie', 'w', 'na', 'jest', 'że', 'do', 'i', 'z', 'to', 'jak', 'przez'],
  cs: ['se', 'na', 'je', 'že', 'v', 'a', 'to', 've', 'pro', 'jsou', 'jako', 'by'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'olarak', 'çok', 'gibi', 'daha', 'olan'],
};

/**
 * Guesses the language of `text` as a primary language subtag.
 *
 * @example
 *   detectLanguage('The US authorities are calling on ...') // 'en'
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20000);
  const counts = { cyr: 0, latin: 0, han: 0, kana: 0, hangul: 0, arabic: 0, greek: 0 };
  for (const ch of sample) {
    if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyr++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{Script=Han}/u.test(ch)) counts.han++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) counts.kana++;
    else if (/\p{Script=Hangul}/u.test(ch)) counts.hangul++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
    else if (/\p{Script=Greek}/u.test(ch)) counts.greek++;
  }
  const letters = Object.values(counts).reduce((a, b) => a + b, 0);
  if (letters < 20) return null;
  if (counts.kana > letters * 0.05) return 'ja';
  if (counts.hangul > letters * 0.3) return 'ko';
  if (counts.han > letters * 0.3) return 'zh';
  if (counts.arabic > letters * 0.3) return 'ar';
  if (counts.greek > letters * 0.3) return 'el';
  if (counts.cyr > counts.latin) {
    if (/[іїєґ]/iu.test(sample)) return 'uk';
    if (/[әғқңөұүһі]/iu.test(sample)) return 'kk';
    return 'ru';
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    const n = words.reduce((k, w) => k + (set.has(w) ? 1 : 0), 0);
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return bestCount >= 3 ? best : null;
}
