/**
 * Teaser cards for other stories. A card's headline usually comes twice in a row in page text
 * (the image's alt text, then the link), often with a section label above and a one-line blurb
 * below: "Business / Column: X / Business / Column: X / The owner of ...". The blurb reads like
 * prose, so without this it would count as article text.
 */
import type { PageLine } from './line-features';

/** How far ahead (in lines, without a blank line between) the repeated headline is looked for. */
const REPEAT_WINDOW = 3;

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
    if (blurb && (blurb.kind === 'prose' || blurb.kind === 'text')) blurb.kind = 'card';
    const label = lines[i - 1];
    if (label && label.kind === 'text' && label.weight <= 40) label.kind = 'card';
    i = repeat;
  }
}
