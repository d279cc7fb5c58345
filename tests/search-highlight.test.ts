/**
 * Marking matches skips stemming a word whose first letter begins no wanted stem, where the
 * language's stemmer only takes endings off. Checked here on real words: that such stemmers keep
 * the first letter, and that the marks are those of stemming every word.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyserFor, foldWord, splitWords } from '../src/main/search/analyse';
import { matchRanges } from '../src/main/search/highlight';
import type { Highlight } from '../src/main/search/plan';
import { sharedData } from './helpers/paths';

const REUTERS = path.join(sharedData, 'reuters21578');
const RUSSIAN = path.join(sharedData, 'russian-text/factRuEval-2016/devset');

/** Bodies of a few Reuters files (between <BODY> tags), as imported text would hold them. */
function reutersBodies(files: number): string[] {
  const out: string[] = [];
  for (let n = 0; n < files; n++) {
    const sgm = fs.readFileSync(path.join(REUTERS, `reut2-00${n}.sgm`), 'latin1');
    for (const m of sgm.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) out.push(m[1]!.replace(/&lt;/g, '<').replace(/&amp;/g, '&'));
  }
  return out;
}

function russianTexts(): string[] {
  return fs.readdirSync(RUSSIAN).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(RUSSIAN, f), 'utf8'));
}

/** The same marks without the shortcut: a phrase that never matches sends them down the path that stems every word. */
function stemmingEveryWord(text: string, language: string | null, highlights: Highlight[]) {
  return matchRanges(text, 'body', language, [...highlights, { kind: 'phrase', field: null, words: ['\u0000'], lastIsPrefix: false }]);
}

describe('marking matches without stemming every word', () => {
  it('relies only on stemmers that keep a word\'s first letter, on about 29,000 real English and Russian words', () => {
    const english = new Set(reutersBodies(3).flatMap(splitWords));
    const russian = new Set(russianTexts().flatMap(splitWords));
    expect(english.size).toBeGreaterThan(15_000);
    expect(russian.size).toBeGreaterThan(5_000);
    const checked: string[] = [];
    for (const lang of ['en', 'ru', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi', 'ro', 'hu', 'ca', null]) {
      const a = analyserFor(lang);
      expect(a.keepsFirstLetter, String(lang)).toBe(true);
      for (const word of lang === 'ru' ? russian : english) {
        const stem = a.stem(word);
        if (stem !== null && stem[0] !== foldWord(word)[0]) checked.push(`${lang}: ${word} → ${stem}`);
      }
    }
    expect(checked).toEqual([]);
    // Stemmers that change beginnings are not trusted with it.
    for (const lang of ['ga', 'ar']) expect(analyserFor(lang).keepsFirstLetter, lang).toBe(false);
  });

  it('marks the same words as stemming every word, on 300 Reuters bodies', () => {
    const bodies = reutersBodies(1).slice(0, 300);
    const en = analyserFor('en');
    // Stems of words from the bodies themselves (and a few that start alike), several at once.
    const words = [...new Set(bodies.flatMap(splitWords))].filter((_, i) => i % 37 === 0);
    let marked = 0;
    for (let i = 0; i < bodies.length; i++) {
      // Stem keys of English and of German (whose articles below must mark only their own).
      const stems = new Set(
        [words[i % words.length]!, words[(i * 7) % words.length]!, 'price', 'oil']
          .flatMap((w) => [en.stemKey(w), analyserFor('de').stemKey(w), analyserFor(null).stemKey(w)])
          .filter((s): s is string => s !== null),
      );
      const highlights: Highlight[] = [
        { kind: 'stems', field: null, stems },
        { kind: 'prefix', field: null, prefix: 'comp' },
      ];
      for (const lang of ['en', 'de', null]) {
        const got = matchRanges(bodies[i]!, 'body', lang, highlights);
        expect(got, `${lang} body ${i}`).toEqual(stemmingEveryWord(bodies[i]!, lang, highlights));
        marked += got.length;
      }
    }
    expect(marked).toBeGreaterThan(1000);
  });
});
