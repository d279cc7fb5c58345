/**
 * Sentences and paragraphs over the masked text (quoted passages blanked out, see extract.ts),
 * so that a full stop inside a quote never ends the sentence that carries its attribution.
 */

/** A sentence: [start, end) with the index of its paragraph. */
export interface Sentence {
  start: number;
  end: number;
  para: number;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr sen rep gov gen lt col capt sgt st jr sr prof rev mt ft inc co corp ltd no vs jan feb mar apr aug sept sep ' +
    'oct nov dec calif fla ky ariz ill mass mich minn penn tenn tex va wash wis conn del md mo nev okla ore pa vt ala ark colo ' +
    'ga ind kan la miss mont neb wyo ft rep dept est approx etc al maj adm cmdr supt gov sen pres гг г ул тыс млн млрд им т д п')
    .split(/\s+/),
);

const BOUNDARY = /[.!?…]+['’”»)\]]*(?=[ \t\u00a0]+)|\n+/g;

/**
 * Splits `masked` into sentences: a sentence ends at a line break, or at . ! ? followed by a
 * blank and a capital letter, a digit, a quotation mark or a blanked-out quote (\u0001).
 */
export function splitSentences(masked: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let para = 0;
  const push = (end: number, nextPara: boolean): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(masked[s]!)) s++;
    while (e > s && /\s/.test(masked[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, para });
    if (nextPara) para++;
  };
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(masked); m; m = BOUNDARY.exec(masked)) {
    const at = m.index;
    if (masked[at] === '\n') {
      push(at, true);
      start = at + m[0].length;
      continue;
    }
    // what follows the blanks
    let j = at + m[0].length;
    while (j < masked.length && (masked[j] === ' ' || masked[j] === '\t' || masked[j] === '\u00a0')) j++;
    const next = masked[j];
    if (next === undefined || !/[\p{Lu}\p{N}\u0001"“«„‘(—–-]/u.test(next)) continue;
    if (masked[at] === '.') {
      const w = /([\p{L}.]+)$/u.exec(masked.slice(Math.max(0, at - 12), at))?.[1] ?? '';
      if (w.length === 1 && /\p{Lu}/u.test(w)) continue; // an initial: "John F. Kennedy"
      if (ABBREVIATIONS.has(w.toLowerCase())) continue;
      if (/\p{L}\.\p{L}$/u.test(w) && /^\p{Lu}/u.test(w) === false) continue; // "a.m", "e.g"
      if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(w) && !/\p{Lu}/u.test(next)) continue; // "U.S" before a lower-case word
    }
    push(at + m[0].length, false);
    start = at + m[0].length;
  }
  push(masked.length, false);
  return out;
}
