/**
 * Picking the headline: a headline-shaped line shortly above the body whose words come back in
 * the body's opening paragraphs.
 */
import { normaliseAgency } from './dateline';
import type { PageLine } from './line-features';
import { wordKeys } from './word-keys';

/** How far above the body start the headline is looked for (non-blank lines). */
const LOOKBACK_LINES = 45;
const FULL_STOP_END = /[.。][\s"'”’»)]*$/u;
const FINAL_STOP = /[.。]\s*$/u;
const INNER_SENTENCE = /[\p{Ll}\d)"'”’»][.!?。！？]["'”’»)]*\s+["'“‘«(]?\p{Lu}/u;
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{L}\.){2,}$|(?<!\p{L})(?:u\.s|u\.k|u\.n|e\.u|inc|corp|co|ltd|jr|sr|st|dr|mr|mrs|ms|no|vs|etc|д|г|гг|т\.е|т\.д)\.$/iu;

/** Share of the candidate's words that occur in the lead (0..1). */
function overlap(candidate: string, lead: ReadonlySet<string>): number {
  const keys = wordKeys(candidate);
  if (keys.length === 0) return 0;
  let hit = 0;
  for (const k of keys) if (lead.has(k)) hit++;
  return hit / keys.length;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export interface TitleChoice {
  /** Index of the headline line in the page's line list. */
  index: number;
  text: string;
}

/**
 * Chooses the headline among the lines above `bodyStart`. `leadText` is the start of the body;
 * `lineCounts` counts how often each line text occurs on the page (headlines are often printed
 * twice). Returns null when nothing above the body looks like a headline.
 */
export function chooseTitle(
  lines: readonly PageLine[],
  bodyStart: number,
  leadText: string,
  lineCounts: ReadonlyMap<string, number>,
): TitleChoice | null {
  const lead = new Set(wordKeys(leadText));
  let best: { index: number; score: number } | null = null;
  const scores = new Map<number, number>();
  let seen = 0;
  for (let i = bodyStart - 1; i >= 0 && seen < LOOKBACK_LINES; i--) {
    const line = lines[i]!;
    if (line.kind === 'blank') continue;
    seen++;
    if (line.kind === 'rights') break;
    if (line.kind !== 'text' && line.kind !== 'prose' && line.kind !== 'card') continue;
    const text = line.text;
    if (line.weight < 10 || line.weight > 300) continue;
    if (line.words < 2 && line.weight < 12) continue;

    const keys = wordKeys(text).length;
    let score = 0;
    // Overlap says little about a two-word line ("United States"), so it counts in full from five words.
    score += 3 * overlap(text, lead) * Math.min(1, keys / 5);
    if (FULL_STOP_END.test(text) && !ABBREVIATION_END.test(text)) score -= 2;
    if (INNER_SENTENCE.test(text)) score -= 1.5;
    if (line.words >= 4 && line.words <= 30) score += 0.6;
    else if (line.words < 3) score -= 0.6;
    if (isAllCaps(text)) score -= 0.6;
    // Headlines start with a capital, a digit or a quote; a lower-case start is a broken sentence.
    if (/^\p{Ll}/u.test(text)) score -= 1;
    if ((lineCounts.get(text) ?? 0) > 1) score += 0.3;
    // A date or byline right below (or just above) is what headlines usually have.
    const dated = hasDateOrBylineNear(lines, i, bodyStart, 1, 3);
    if (dated) score += 0.8;
    else if (hasDateOrBylineNear(lines, i, bodyStart, -1, 2)) score += 0.3;
    // Items of a "Related" list just above the body are other stories' headlines.
    if (!dated && underRelatedLabel(lines, i)) score -= 1.2;
    if (looksLikeCaption(lines, i, bodyStart)) score -= 1.5;
    // A line sandwiched in a run of similar lines is a menu or list item, not a headline.
    const prev = lines[i - 1];
    const next = lines[i + 1];
    if (prev && next && prev.kind === 'text' && next.kind === 'text' && prev.weight >= 15 && next.weight >= 15) score -= 0.5;
    score -= 0.01 * seen;
    scores.set(i, score);
    if (best === null || score > best.score) best = { index: i, score };
  }
  if (best === null || best.score < 0.2) return null;
  const above = headlineAboveStandfirst(lines, best.index, best.score, scores);
  const index = above ?? best.index;
  return { index, text: lines[index]!.text };
}

/** Is line `i` part of a list that a "Related"-style label opens (contiguous lines below the label)? */
function underRelatedLabel(lines: readonly PageLine[], i: number): boolean {
  for (let j = i - 1, n = 0; j >= 0 && n < 10; j--, n++) {
    const above = lines[j]!;
    if (above.kind === 'blank' || above.kind === 'date' || above.kind === 'byline') return false;
    if (above.kind === 'related') return true;
  }
  return false;
}

/** Is there a date or byline line within `reach` non-blank lines from line `i` in direction `step`? */
function hasDateOrBylineNear(lines: readonly PageLine[], i: number, bodyStart: number, step: 1 | -1, reach: number): boolean {
  for (let j = i + step, n = 0; j >= 0 && j < bodyStart && n < reach; j += step) {
    const near = lines[j]!;
    if (near.kind === 'blank') continue;
    n++;
    if (near.kind === 'date' || near.kind === 'byline') return true;
  }
  return false;
}

const CAPTION_POSITION = /\((?:left|right|centre|center|top|bottom|pictured|front|rear|l|r|c|file|from left|second (?:left|right)|слева|справа|в центре|на фото)\)/iu;

/** A photo caption: position notes like "(left)", or a credit line right below it. */
function looksLikeCaption(lines: readonly PageLine[], i: number, bodyStart: number): boolean {
  if (CAPTION_POSITION.test(lines[i]!.text)) return true;
  for (let j = i + 1; j < bodyStart; j++) {
    const next = lines[j]!;
    if (next.kind === 'blank') continue;
    return next.kind === 'caption' || (next.text.length <= 40 && normaliseAgency(next.text) !== null);
  }
  return false;
}

/**
 * Headline, then standfirst, is the usual layout, and the standfirst (a sentence or two that
 * sums up the story) shares even more words with the lead than the headline does. When the
 * winner looks like a standfirst and a plausible headline sits right above it, that one is the title.
 */
function headlineAboveStandfirst(
  lines: readonly PageLine[],
  chosen: number,
  chosenScore: number,
  scores: ReadonlyMap<number, number>,
): number | null {
  const standfirst = lines[chosen]!;
  const looksLikeStandfirst =
    standfirst.words >= 12 || FINAL_STOP.test(standfirst.text) || INNER_SENTENCE.test(standfirst.text);
  if (!looksLikeStandfirst) return null;
  for (let j = chosen - 1, n = 0; j >= 0 && n < 2; j--) {
    const line = lines[j]!;
    if (line.kind === 'blank') continue;
    n++;
    const score = scores.get(j);
    if (score === undefined) return null;
    const headlineShaped =
      line.words >= 4 &&
      line.words <= 30 &&
      !FULL_STOP_END.test(line.text) &&
      !isAllCaps(line.text) &&
      /^["'“‘«(]?[\p{Lu}\p{Lo}\d]/u.test(line.text) &&
      standfirst.weight >= line.weight;
    return headlineShaped && score >= chosenScore - 2.5 ? j : null;
  }
  return null;
}
