/**
 * Site notices next to the copyright line ("Most stock quote data provided by BATS ...",
 * "Any reproduction of the site's materials ..."): full sentences, so they read as prose, but a
 * lone prose line right against a rights notice, far from any other prose, is the footer.
 */
import type { PageLine } from './line-features';

/** How close (non-blank lines) to the rights notice the footer prose sits. */
const NEAR_RIGHTS = 3;
/** How far (non-blank lines) the nearest other prose line must be for a line to be "lone". */
const LONE_DISTANCE = 6;

/**
 * Re-labels lone prose lines next to a rights notice as `chrome`, in place. Linear time.
 * A page whose only prose is that line (a one-paragraph brief above the copyright) keeps it:
 * it is the article.
 */
export function markFooterNotices(lines: PageLine[]): void {
  const nonBlank: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.kind !== 'blank') nonBlank.push(i);
  if (nonBlank.filter((i) => lines[i]!.kind === 'prose').length < 2) return;
  for (let k = 0; k < nonBlank.length; k++) {
    const line = lines[nonBlank[k]!]!;
    if (line.kind !== 'prose') continue;
    let nearRights = false;
    let lone = true;
    for (let d = -LONE_DISTANCE; d <= LONE_DISTANCE; d++) {
      if (d === 0) continue;
      const other = nonBlank[k + d];
      if (other === undefined) continue;
      const kind = lines[other]!.kind;
      if (kind === 'rights' && Math.abs(d) <= NEAR_RIGHTS) nearRights = true;
      if (kind === 'prose') lone = false;
    }
    if (nearRights && lone) line.kind = 'chrome';
  }
}
