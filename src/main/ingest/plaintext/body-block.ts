/**
 * Finding the article body among the page's lines.
 *
 * Every line gets a score: prose lines earn points for their length beyond a threshold, every
 * other kind of line costs a little (menus, counters, dates, captions) or a lot (related-story
 * labels); rights notices are walls. The body is the run of lines with the highest total
 * (a maximum-sum segment), so short subheads and list items inside an article survive while
 * long menus, sidebars and footers sink. Then the lines inside the run that are plainly not
 * article text (captions, buttons, lists of other headlines, teaser cards) are dropped.
 */
import type { LineKind, PageLine } from './line-features';
import { contentKeys, sharedShare } from './word-keys';

/** Prose lines shorter than this (in weighted characters) cost instead of earn. */
const PROSE_BASELINE = 70;
/** Score of a rights notice: no body runs across one. */
const WALL = -1e9;

const KIND_COST: Record<Exclude<LineKind, 'prose' | 'text' | 'blank'>, number> = {
  numeric: -25,
  date: -35,
  caption: -25,
  byline: -25,
  chrome: -35,
  related: -80,
  card: -15,
  // Inside the text by construction: it must not split the story, and it is dropped anyway.
  aside: -3,
  rights: WALL,
};

/** The score one line contributes to a candidate body. */
export function lineScore(line: PageLine, proseBaseline = PROSE_BASELINE): number {
  switch (line.kind) {
    case 'blank':
      return 0;
    case 'prose':
      return line.weight - proseBaseline;
    case 'text':
      return -(8 + Math.min(line.weight, 200) * 0.1);
    default:
      return KIND_COST[line.kind];
  }
}

/** Inclusive line range of the best-scoring run, or null when there is no prose at all. */
export interface LineRange {
  start: number;
  end: number;
  score: number;
  /** Inclusive ranges inside [start, end] that are not body: what lay between runs that were joined. */
  gaps?: Array<readonly [number, number]>;
}

/**
 * The maximum-sum run of line scores (Kadane), in O(n). `proseBaseline` is the prose length that
 * breaks even; 0 makes any prose count (for pages whose every paragraph is short).
 */
export function bestRun(lines: readonly PageLine[], proseBaseline = PROSE_BASELINE): LineRange | null {
  let best: LineRange | null = null;
  let runStart = 0;
  let runScore = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lineScore(lines[i]!, proseBaseline);
    if (runScore <= 0) {
      runStart = i;
      runScore = s;
    } else {
      runScore += s;
    }
    if (runScore > 0 && (best === null || runScore > best.score)) best = { start: runStart, end: i, score: runScore };
  }
  if (best === null) return null;
  // A run starts and ends on lines that earn points, never on blank or costly lines.
  while (best.start < best.end && lineScore(lines[best.start]!, proseBaseline) <= 0) best.start++;
  while (best.end > best.start && lineScore(lines[best.end]!, proseBaseline) <= 0) best.end--;
  return best;
}

/** A neighbouring run must score at least this much to be joined to the body... */
const NEIGHBOUR_MIN_SCORE = 250;
/** ... have at least this many prose lines ... */
const NEIGHBOUR_MIN_PROSE = 2;
/** ... and share at least this much of its vocabulary with the body. */
const NEIGHBOUR_MIN_SHARED = 0.4;
/** At most this many neighbours are joined on each side. */
const MAX_NEIGHBOURS = 3;

function proseText(lines: readonly PageLine[], start: number, end: number): string {
  const parts: string[] = [];
  for (let i = start; i <= end; i++) if (lines[i]!.kind === 'prose') parts.push(lines[i]!.text);
  return parts.join(' ');
}

function proseCount(lines: readonly PageLine[], start: number, end: number): number {
  let n = 0;
  for (let i = start; i <= end; i++) if (lines[i]!.kind === 'prose') n++;
  return n;
}

/**
 * An article cut in two by a long embed (a video player's menus, a gallery) leaves a second run
 * of prose beside the best one. Such a run is joined when it is substantial, no rights notice
 * lies between them, and it is on the same subject (shares much of the body's vocabulary) or
 * carries on the body's numbered points ("5. ..." in the body, "6. ..." in the neighbour).
 */
export function joinOnTopicNeighbours(lines: readonly PageLine[], run: LineRange, proseBaseline = PROSE_BASELINE): LineRange {
  let joined = { ...run };
  for (const side of [-1, 1] as const) {
    for (let n = 0; n < MAX_NEIGHBOURS; n++) {
      const from = side < 0 ? 0 : joined.end + 1;
      const to = side < 0 ? joined.start - 1 : lines.length - 1;
      if (to < from) break;
      const neighbour = bestRun(lines.slice(from, to + 1), proseBaseline);
      if (neighbour === null) break;
      const start = neighbour.start + from;
      const end = neighbour.end + from;
      const [gapFrom, gapTo] = side < 0 ? [end + 1, joined.start - 1] : [joined.end + 1, start - 1];
      let walled = false;
      for (let i = gapFrom; i <= gapTo; i++) if (lines[i]!.kind === 'rights') walled = true;
      if (walled || neighbour.score < NEIGHBOUR_MIN_SCORE || proseCount(lines, start, end) < NEIGHBOUR_MIN_PROSE) break;
      const body = contentKeys(proseText(lines, joined.start, joined.end));
      const continuesList = continuesNumbering(lines, joined, start, end, side);
      if (!continuesList && sharedShare(proseText(lines, start, end), body) < NEIGHBOUR_MIN_SHARED) break;
      const gaps = [...(joined.gaps ?? []), [gapFrom, gapTo] as const];
      const score = joined.score + neighbour.score;
      joined = side < 0 ? { ...joined, start, score, gaps } : { ...joined, end, score, gaps };
    }
  }
  return joined;
}

const NUMBERED_POINT = /^(\d{1,2})[.)]\s+["'“‘«]?[\p{Lu}\p{Lo}]/u;

/** Does the neighbour [start, end] hold the numbered point right after (or before) the body's last (first) one? */
function continuesNumbering(lines: readonly PageLine[], body: LineRange, start: number, end: number, side: -1 | 1): boolean {
  const numbers = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = from; i <= to; i++) {
      const m = lines[i]!.text.length <= 200 ? NUMBERED_POINT.exec(lines[i]!.text) : null;
      if (m) out.push(Number(m[1]));
    }
    return out;
  };
  const own = numbers(body.start, body.end);
  if (own.length < 2) return false;
  const theirs = numbers(start, end);
  const edge = side > 0 ? own.reduce((a, b) => Math.max(a, b)) + 1 : own.reduce((a, b) => Math.min(a, b)) - 1;
  return theirs.includes(edge);
}

const UPPER_START = /^["'“‘«„(\[]?[\p{Lu}\p{N}]/u;
const CLAUSE_END = /[.!?。！？:;,…]["'”’»)\]]*$/u;

/** A line that reads like the headline of another story in a list (not a sentence, not a list item). */
function isHeadlineLike(line: PageLine): boolean {
  if (line.kind !== 'text' && line.kind !== 'prose') return false;
  if (line.weight < 18 || line.weight > 170 || line.words < 3) return false;
  if (CLAUSE_END.test(line.text)) return false;
  return UPPER_START.test(line.text);
}

function previousNonBlank(lines: readonly PageLine[], i: number, floor: number): PageLine | null {
  for (let j = i - 1; j >= floor; j--) if (lines[j]!.kind !== 'blank') return lines[j]!;
  return null;
}

/**
 * Lines of `range` that are article text, in order. Drops captions, counters, dates,
 * buttons and labels, teaser cards, runs of other stories' headlines, and the title if it recurs.
 */
export function keepBodyLines(lines: readonly PageLine[], range: LineRange, title: string | null): PageLine[] {
  const { start, end } = range;
  const drop = new Set<number>();
  const titleKey = title ? title.toLowerCase() : null;
  // What lay between joined runs (a video player, a gallery) is not body.
  for (const [from, to] of range.gaps ?? []) for (let i = Math.max(from, start); i <= Math.min(to, end); i++) drop.add(i);

  for (let i = start; i <= end; i++) {
    const line = lines[i]!;
    if (line.kind !== 'prose' && line.kind !== 'text' && line.kind !== 'blank') drop.add(i);
    if (titleKey !== null && line.text.toLowerCase() === titleKey) drop.add(i);
  }

  // Runs of other stories' headlines (a "More:" box inside the article), unless introduced by a
  // line ending in a colon, which makes them the article's own list.
  let i = start;
  while (i <= end) {
    if (!isHeadlineLike(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 <= end && isHeadlineLike(lines[j + 1]!)) j++;
    const count = j - i + 1;
    const before = previousNonBlank(lines, i, Math.max(0, start - 3));
    const introducedByRelated = before !== null && (before.kind === 'related' || before.kind === 'chrome');
    const introducedAsList = before !== null && before.kind !== 'related' && /[:：]\s*$/u.test(before.text);
    if (!introducedAsList && (count >= 3 || (count >= 2 && introducedByRelated))) {
      for (let k = i; k <= j; k++) drop.add(k);
      // The label line just above the list ("Trump Impeachment Inquiry More") goes too.
      if (i - 1 >= start && lines[i - 1]!.kind === 'text' && lines[i - 1]!.weight <= 60) drop.add(i - 1);
    }
    i = j + 1;
  }

  const kept: PageLine[] = [];
  for (let k = start; k <= end; k++) {
    if (!drop.has(k) && lines[k]!.kind !== 'blank') kept.push(lines[k]!);
  }
  return kept;
}
