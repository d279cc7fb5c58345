/**
 * Plain-text article extraction: finds the article (title, paragraphs, dateline, agency, byline,
 * image credit) inside the visible text of a scraped news page, menus and sidebars and all.
 * Language-independent heuristics over the line structure; see `body-block.ts` for the core.
 */
import { bestRun, joinOnTopicNeighbours, keepBodyLines, type LineRange } from './body-block';
import { agencyInHeaderLine, parseDateline } from './dateline';
import { markFooterNotices } from './footer-notices';
import { classifyLine, type PageLine } from './line-features';
import { findByline, findImageCredit } from './metadata';
import { splitPageLines } from './normalize';
import { DATE_STAMP_LABEL } from './patterns';
import { markInlineAsides, markSlideshows, markTeaserCards, markTeaserLists } from './teaser-cards';
import { chooseTitle } from './title';

export { parseDateline, normaliseAgency, titleCaseIfAllCaps, type Dateline } from './dateline';
export { classifyLine, type LineKind, type PageLine } from './line-features';
export { MAX_INPUT_CHARS, MAX_LINES } from './normalize';

export interface PageTextExtraction {
  /** The article's headline, as written on the page. */
  title: string | null;
  /**
   * The article body, one entry per paragraph, in order, each trimmed, no empty ones. The first
   * paragraph keeps its dateline text as written ("Washington. January 10th. INTERFAX - The US ...").
   */
  paragraphs: string[];
  /** Place named in the dateline ("Washington"; ALL-CAPS places in Title Case), else null. */
  dateline: string | null;
  /** Wire agency named in the dateline or lead, in its usual spelling ("Interfax", "Reuters", "AP"), else null. */
  agency: string | null;
  /** Image credit line found in the page chrome, with its label prefix removed. Null when none. */
  imageCredit: string | null;
  /**
   * Lines between the title and the body start that were not body (date lines, bylines, "Share").
   * With no title found, the few lines just above the body.
   */
  headerLines: string[];
  /** Author/byline when clearly present ("By John Smith" → "John Smith"), else null. */
  byline: string | null;
}

/** How many prose lines at the top of the body may be skipped to reach a dateline paragraph. */
const DATELINE_SEARCH_PROSE = 6;
/** ... and how many lines in all. */
const DATELINE_SEARCH_LINES = 60;
/** Header lines are capped; past this they are menus, not a header. */
const MAX_HEADER_LINES = 40;
/** Lines just above the body reported as header lines when no title was found. */
const HEADER_LINES_WITHOUT_TITLE = 8;
/** How much of the body's start is compared with headline candidates. */
const LEAD_CHARS = 1500;

function emptyExtraction(): PageTextExtraction {
  return { title: null, paragraphs: [], dateline: null, agency: null, imageCredit: null, headerLines: [], byline: null };
}

/**
 * Extracts the article from the visible text of a news web page (`document.body.innerText`).
 * Never throws; returns `title: null, paragraphs: []` when the text holds no prose.
 *
 * @example
 *   const a = extractArticleFromPageText(pageText);
 *   a.title;          // "The State Department calls on the CSTO forces to leave Kazakhstan ..."
 *   a.paragraphs[0];  // "Washington. January 10th. INTERFAX - The US authorities ..."
 *   a.dateline;       // "Washington"
 *   a.agency;         // "Interfax"
 */
export function extractArticleFromPageText(text: string): PageTextExtraction {
  if (typeof text !== 'string' || text.length === 0) return emptyExtraction();
  const lines = splitPageLines(text).map((t, i) => classifyLine(t, i));
  markTeaserCards(lines);
  markSlideshows(lines);
  markTeaserLists(lines);
  markInlineAsides(lines);
  markFooterNotices(lines);
  const best = bestRun(lines);
  const run = best ? joinOnTopicNeighbours(lines, best) : bestRun(lines, 0);
  if (run === null) return emptyExtraction();

  const range = withShortEndings(lines, endAtDateStamp(lines, startAtDateline(lines, run)));
  const bodyStart = range.start;
  const lineCounts = countShortLines(lines);
  const title = chooseTitle(lines, bodyStart, leadText(lines, range), lineCounts);
  const kept = keepBodyLines(lines, range, title?.text ?? null);
  const paragraphs = joinDropCap(lines, bodyStart, kept.map((l) => l.text));

  const headerFrom = title ? title.index + 1 : Math.max(0, bodyStart - HEADER_LINES_WITHOUT_TITLE * 3);
  const header = lines.slice(headerFrom, bodyStart).filter((l) => l.kind !== 'blank');
  const headerLines = (title ? header.slice(0, MAX_HEADER_LINES) : header.slice(-HEADER_LINES_WITHOUT_TITLE)).map((l) => l.text);

  let dateline: string | null = null;
  let agency: string | null = null;
  const parsed = paragraphs.length > 0 ? parseDateline(paragraphs[0]!) : null;
  if (parsed) {
    dateline = parsed.place;
    agency = parsed.agency;
  }
  if (agency === null) {
    for (const line of header) {
      const found = agencyInHeaderLine(line.text);
      if (found) {
        agency = found.agency;
        dateline ??= found.place;
        break;
      }
    }
  }

  const aboveTitle = title ? lines.slice(Math.max(0, title.index - 3), title.index) : [];
  const byline = findByline([...header, ...aboveTitle]);
  const creditFrom = title ? title.index + 1 : Math.max(0, bodyStart - 20);
  const imageCredit = findImageCredit(lines.slice(creditFrom, range.end + 1));

  return { title: title?.text ?? null, paragraphs, dateline, agency, imageCredit, headerLines, byline };
}

/**
 * News stories open with a dateline ("LONDON (AP) — ..."): when one of the first lines of the
 * chosen run has it, the lines above it (key points, captions, a standfirst) are not body.
 */
function startAtDateline(lines: readonly PageLine[], run: LineRange): LineRange {
  let prose = 0;
  for (let i = run.start; i <= run.end && i < run.start + DATELINE_SEARCH_LINES && prose < DATELINE_SEARCH_PROSE; i++) {
    const line = lines[i]!;
    if (line.kind !== 'prose') continue;
    prose++;
    if (parseDateline(line.text)) return i === run.start ? run : { ...run, start: i };
  }
  return run;
}

/** Prose lines the body must already have before a date stamp may end it. */
const MIN_PROSE_BEFORE_STAMP = 3;

/**
 * A "Published: ..." / "Updated ..." stamp below the story's opening is the metadata block that
 * follows a story (sources, credits, tags): the body ends there, unless more text follows it
 * than came before.
 */
function endAtDateStamp(lines: readonly PageLine[], run: LineRange): LineRange {
  let before = 0;
  let proseLines = 0;
  for (let i = run.start; i <= run.end; i++) {
    const line = lines[i]!;
    if (line.kind === 'prose') {
      before += line.weight;
      proseLines++;
    } else if (line.kind === 'date' && proseLines >= MIN_PROSE_BEFORE_STAMP && DATE_STAMP_LABEL.test(line.text)) {
      let after = 0;
      for (let j = i + 1; j <= run.end; j++) if (lines[j]!.kind === 'prose') after += lines[j]!.weight;
      if (after >= before) return run;
      let end = i - 1;
      while (end > run.start && lines[end]!.kind !== 'prose') end--;
      const cut: LineRange = { ...run, end };
      if (run.gaps) cut.gaps = run.gaps.filter(([from]) => from <= end);
      return cut;
    }
  }
  return run;
}

/** Short closing paragraphs right after the run (at most this many) belong to it. */
// A closing statement ends with a full stop (promotions end with "!" or ask a question).
const PLAIN_STATEMENT = /[.。]["'”’»)]*$/u;
// "Jane Doe is a reporter for ...", "John Smith contributed reporting.": notes about the authors.
const AUTHOR_NOTE = /^(?:\p{Lu}[\p{L}'’.-]*\s){1,4}(?:is|was|covers|writes|contributed|reported)\b/u;
const MAX_SHORT_ENDINGS = 3;

/**
 * Short paragraphs cost more than they earn, so a story's last one-liners ("Yoon's office has not
 * commented.") fall off the end of the best run. Sentences that follow it with nothing but blank
 * lines between are taken back.
 */
function withShortEndings(lines: readonly PageLine[], run: LineRange): LineRange {
  let end = run.end;
  for (let n = 0; n < MAX_SHORT_ENDINGS; n++) {
    let j = end + 1;
    while (j < lines.length && lines[j]!.kind === 'blank') j++;
    const next = lines[j];
    if (next === undefined || next.kind !== 'prose' || !PLAIN_STATEMENT.test(next.text) || AUTHOR_NOTE.test(next.text)) break;
    end = j;
  }
  return end === run.end ? run : { ...run, end };
}

/** The first prose of the run, to compare headline candidates with. */
function leadText(lines: readonly PageLine[], range: LineRange): string {
  let out = '';
  for (let i = range.start; i <= range.end && out.length < LEAD_CHARS; i++) {
    if (lines[i]!.kind === 'prose') out += ' ' + lines[i]!.text.slice(0, LEAD_CHARS);
  }
  return out;
}

/** How often each short line occurs on the page (headlines are often printed twice). */
function countShortLines(lines: readonly PageLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.kind === 'blank' || line.text.length > 300) continue;
    counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  }
  return counts;
}

const SINGLE_LETTER = /^\p{Lu}$/u;
const LOWER_START = /^\p{Ll}/u;

/**
 * A drop cap renders as a line of its own ("H" / "ong Kong is burning"): join it back, whether it
 * sits just above the body or inside it.
 */
function joinDropCap(lines: readonly PageLine[], bodyStart: number, paragraphs: readonly string[]): string[] {
  let above: PageLine | undefined;
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - 2; i--) {
    if (lines[i]!.kind !== 'blank') {
      above = lines[i];
      break;
    }
  }
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next = paragraphs[i + 1];
    if (i === 0 && above && SINGLE_LETTER.test(above.text) && LOWER_START.test(p)) out.push(above.text + p);
    else if (next !== undefined && SINGLE_LETTER.test(p) && LOWER_START.test(next)) {
      out.push(p + next);
      i++;
    } else out.push(p);
  }
  return out;
}
