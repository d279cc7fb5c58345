/**
 * Teaser cards for other stories. A card's headline usually comes twice in a row in page text
 * (the image's alt text, then the link), often with a section label above and a one-line blurb
 * below: "Business / Column: X / Business / Column: X / The owner of ...". The blurb reads like
 * prose, so without this it would count as article text.
 */
import type { PageLine } from './line-features';

/** How far ahead (in lines, without a blank line between) the repeated headline is looked for. */
const REPEAT_WINDOW = 3;
/** Longest blurb (weighted characters) of a teaser for another story. */
const MAX_BLURB = 400;

/** Re-labels the lines of teaser cards as `card`, in place. Linear in the number of lines. */
export function markTeaserCards(lines: PageLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    if (a.kind === 'blank' || a.kind === 'rights' || a.weight < 15 || a.weight > 200) continue;
    let repeat = -1;
    for (let j = i + 1; j < lines.length && j <= i + REPEAT_WINDOW; j++) {
      if (lines[j]!.kind === 'blank') break;
      if (lines[j]!.text === a.text) {
        repeat = j;
        break;
      }
    }
    if (repeat < 0) continue;
    for (let k = i; k <= repeat; k++) if (lines[k]!.kind !== 'rights') lines[k]!.kind = 'card';
    const blurb = lines[repeat + 1];
    if (blurb && (blurb.kind === 'prose' || blurb.kind === 'text') && blurb.weight <= MAX_BLURB) blurb.kind = 'card';
    const label = lines[i - 1];
    if (label && label.kind === 'text' && label.weight <= 40) label.kind = 'card';
    i = repeat;
  }
}

// "1/50 United goin down", "Image 3 of 12", "Фото 2 из 9": the counter of a slideshow slide.
const SLIDE_COUNTER = /^(?:(?:image|photo|slide|picture|фото|снимок|bild|foto|imagen|immagine)\s+)?(\d{1,3})\s*(?:\/|of|из|von|de|sur|z)\s*(\d{1,3})(?!\d)/iu;
/** Slides need at least this many counters in sequence to count as a slideshow. */
const MIN_SLIDES = 3;
/** Lines after the last counter that still belong to the last slide (its caption and credit). */
const LAST_SLIDE_LINES = 3;

/**
 * Re-labels embedded slideshows as `card`, in place: from the first slide counter ("1/50 ...")
 * to the last slide's caption, when at least three counters with the same total count up.
 * Slide captions read like prose but are not the article's text. Linear time.
 */
export function markSlideshows(lines: PageLine[]): void {
  let first = -1;
  let last = -1;
  let expected = 0;
  let total = 0;
  let count = 0;
  const flush = (): void => {
    if (count >= MIN_SLIDES) {
      let end = last;
      for (let j = last + 1, n = 0; j < lines.length && n < LAST_SLIDE_LINES; j++) {
        if (lines[j]!.kind === 'blank') continue;
        if (lines[j]!.kind === 'rights' || lines[j]!.kind === 'related') break;
        n++;
        end = j;
      }
      for (let k = first; k <= end; k++) if (lines[k]!.kind !== 'blank' && lines[k]!.kind !== 'rights') lines[k]!.kind = 'card';
    }
    first = -1;
    count = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.text.length <= 200 ? SLIDE_COUNTER.exec(lines[i]!.text) : null;
    if (!m) continue;
    const k = Number(m[1]);
    const n = Number(m[2]);
    if (n < 2 || k > n) continue;
    if (count > 0 && n === total && k === expected) {
      count++;
      last = i;
      expected = k + 1;
      continue;
    }
    flush();
    first = i;
    last = i;
    total = n;
    expected = k + 1;
    count = 1;
  }
  flush();
}


function nextNonBlank(lines: readonly PageLine[], i: number): number {
  let j = i;
  while (j < lines.length && lines[j]!.kind === 'blank') j++;
  return j;
}

/**
 * Reads teasers (a headline line, a one-paragraph blurb, maybe a date) from `start`; returns the
 * index after the last one and how many there were.
 */
function readTeasers(lines: readonly PageLine[], start: number): { end: number; count: number } {
  let p = start;
  let count = 0;
  for (;;) {
    const h = nextNonBlank(lines, p);
    const b = nextNonBlank(lines, h + 1);
    if (h >= lines.length || b >= lines.length) break;
    const headline = lines[h]!;
    const blurb = lines[b]!;
    if (headline.kind !== 'text' || headline.weight < 15 || blurb.kind !== 'prose' || blurb.weight > MAX_BLURB) break;
    count++;
    p = b + 1;
    const after = nextNonBlank(lines, p);
    if (after < lines.length && (lines[after]!.kind === 'date' || lines[after]!.kind === 'numeric')) p = after + 1;
  }
  return { end: p, count };
}

/**
 * Re-labels lists of other stories that a "Related"-style label opens, when they come as
 * headline + blurb teasers ("more stories / Editorial Fraser's lasting legacy / MALCOLM Fraser — ...
 * / Wave of stupidity ... / JOE HILDEBRAND HOW is it ..."), as `card`, in place. Two teasers in a row
 * make a list; one sub-label line after the label is allowed. Linear time.
 */
export function markTeaserLists(lines: PageLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'related') continue;
    const first = nextNonBlank(lines, i + 1);
    let list = readTeasers(lines, first);
    if (list.count < 2 && first < lines.length && lines[first]!.kind === 'text') {
      list = readTeasers(lines, nextNonBlank(lines, first + 1));
    }
    if (list.count < 2) continue;
    for (let k = i; k < list.end; k++) if (lines[k]!.kind !== 'blank') lines[k]!.kind = 'card';
    i = list.end - 1;
  }
}

/** Most links a "Read also" box inside an article holds. */
const MAX_ASIDE_LINKS = 6;
const ENDS_SENTENCE = /[.!?。！？…]["'”’»)]*$/u;

/**
 * Re-labels "Read also" boxes set between two paragraphs of the story (a related-story label and
 * up to six headline links, with prose right above and right below) as `aside`, in place. They
 * cost a related list's price only when they end the story, not in its middle. Linear time.
 */
export function markInlineAsides(lines: PageLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'related') continue;
    let before = i - 1;
    while (before >= 0 && lines[before]!.kind === 'blank') before--;
    if (before < 0 || lines[before]!.kind !== 'prose') continue;
    let j = i + 1;
    let links = 0;
    while (j < lines.length && links <= MAX_ASIDE_LINKS) {
      const l = lines[j]!;
      const isLink = (l.kind === 'text' || l.kind === 'prose' || l.kind === 'card') && l.weight <= 170 && !ENDS_SENTENCE.test(l.text);
      if (!isLink) break;
      links++;
      j++;
    }
    if (links === 0 || links > MAX_ASIDE_LINKS) continue;
    const next = nextNonBlank(lines, j);
    if (next >= lines.length || lines[next]!.kind !== 'prose') continue;
    for (let k = i; k < j; k++) lines[k]!.kind = 'aside';
    i = j - 1;
  }
}
