/**
 * The index's stems come from `snowball-stemmer.jsx` for thirteen languages and from
 * `snowball-stemmers` for the rest. An archive indexed with one package must be searchable with
 * the other (no re-index when the stemmer behind a language changes), so the two must give the
 * same stem for every word. Checked on the real corpora: Reuters (English), the Russian news
 * texts, and the readability test pages (French, German, Spanish, Portuguese, Czech and more).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyserFor, foldWord, SNOWBALL_ALGORITHMS, splitWords } from '../src/main/search/analyse';
import { hasFastStemmer, referenceStemmer, snowballStemmer } from '../src/main/search/stemmers';
import { sharedData } from './helpers/paths';

const REUTERS = path.join(sharedData, 'reuters21578');
const RUSSIAN = path.join(sharedData, 'russian-text/factRuEval-2016/devset');
const PAGES = path.join(sharedData, 'readability-testpages');

/** Lower-cased distinct words (what the analyser hands a stemmer) of the corpora. */
function corpusWords(): string[] {
  const texts: string[] = [];
  for (let n = 0; n < 2; n++) texts.push(fs.readFileSync(path.join(REUTERS, `reut2-00${n}.sgm`), 'latin1'));
  for (const f of fs.readdirSync(RUSSIAN).filter((x) => x.endsWith('.txt')).slice(0, 60)) texts.push(fs.readFileSync(path.join(RUSSIAN, f), 'utf8'));
  for (const dir of fs.readdirSync(PAGES)) {
    const file = path.join(PAGES, dir, 'expected.html');
    if (fs.existsSync(file)) texts.push(fs.readFileSync(file, 'utf8').replace(/<[^>]*>/g, ' '));
  }
  return [...new Set(texts.flatMap(splitWords).map((w) => w.toLowerCase()))];
}

describe('Snowball stemmers', () => {
  const words = corpusWords();

  it('give the same stems from the fast package as from the reference port, for every language both have', () => {
    expect(words.length).toBeGreaterThan(20_000);
    expect(words.some((w) => /[а-я]/.test(w))).toBe(true);
    expect(words.some((w) => /[äöüéèçñã]/.test(w))).toBe(true);
    const fast = SNOWBALL_ALGORITHMS.filter(hasFastStemmer);
    expect(fast).toEqual(expect.arrayContaining(['english', 'russian', 'german', 'french', 'spanish', 'italian', 'swedish']));
    const differing: string[] = [];
    for (const algorithm of fast) {
      const a = snowballStemmer(algorithm);
      const b = referenceStemmer(algorithm);
      for (const w of words) {
        const x = a.stem(w);
        const y = b.stem(w);
        if (x !== y) differing.push(`${algorithm}: ${w} → ${x} / ${y}`);
      }
    }
    expect(differing.slice(0, 20)).toEqual([]);
  });

  it('stem the languages the fast package lacks with the reference port', () => {
    const lacking = SNOWBALL_ALGORITHMS.filter((a) => !hasFastStemmer(a));
    // Portuguese: the fast package stems `resolução` to `resoluçã`, the reference to `resolu`.
    expect(lacking).toEqual(expect.arrayContaining(['czech', 'catalan', 'arabic', 'portuguese', 'hungarian']));
    expect(analyserFor('pt').stem('resolução')).toBe('resolu');
    // Czech: the analyser of `cs` stems as the reference port does (then folds, as every stem).
    const czech = words.filter((w) => /[čřžšěů]/.test(w)).slice(0, 500);
    expect(czech.length).toBeGreaterThan(50);
    const ref = referenceStemmer('czech');
    const cs = analyserFor('cs');
    const differing = czech.filter((w) => cs.stem(w) !== null && cs.stem(w) !== (foldWord(ref.stem(w)) || foldWord(w)));
    expect(differing).toEqual([]);
    expect(czech.filter((w) => cs.stem(w) !== foldWord(w)).length).toBeGreaterThan(czech.length / 4);
  });

  it('keep what analysts see: inflected forms share a stem in English and Russian', () => {
    expect(analyserFor('en').stem('statements')).toBe(analyserFor('en').stem('statement'));
    expect(analyserFor('ru').stem('заявила')).toBe(analyserFor('ru').stem('заявил'));
    expect(analyserFor('ru').stem('Заявили')).toBe('заяв');
  });
});
