/**
 * Small facts read from the lines around the article: the byline and the image credit.
 */
import type { PageLine } from './line-features';
import { BYLINE, CAPTION_END, IMAGE_CREDIT_LABEL } from './patterns';

const BYLINE_PREFIX = BYLINE;
// Where a byline's name part ends: a separator, a date, a time, "updated", a job title after a comma.
const BYLINE_STOP =
  /\s+[-–—|·•/]\s*|[·•|]|,\s*(?=\p{Ll}|\p{Lu}\p{Ll}+ (?:Editor|Correspondent|Reporter|Writer|Columnist|Staff))|\s+(?:on|updated|published|posted|at)\s+|\s*\d|,\s*(?:cnn|bbc|reuters|ap|afp)\b/iu;

/** "By Lia Eustachewich and Yaron Steinbuch" → that; "By Justine Coleman - 11/18/19" → "Justine Coleman". */
export function bylineName(line: string): string | null {
  const m = BYLINE_PREFIX.exec(line);
  if (!m) return null;
  let rest = line.slice(m[0].length);
  const stop = BYLINE_STOP.exec(rest);
  if (stop && stop.index > 0) rest = rest.slice(0, stop.index);
  rest = rest.replace(/[\s,.:;]+$/u, '').trim();
  if (rest.length < 3 || rest.length > 80) return null;
  if (!/\p{L}/u.test(rest)) return null;
  // ALL-CAPS bylines ("By JERUSALEM POST STAFF") are kept as written.
  return rest;
}

/** The first byline among `lines` (most likely ones first), or null. */
export function findByline(lines: readonly PageLine[]): string | null {
  for (const line of lines) {
    if (line.kind !== 'byline' && !(line.text.length <= 120 && BYLINE_PREFIX.test(line.text))) continue;
    const name = bylineName(line.text);
    if (name) return name;
  }
  return null;
}

const CREDIT_ON_ITS_OWN = /^(?:фото|photo|foto|photograph|bild|©|ⓒ)\s*[:：]?\s*\S/iu;

/**
 * An image credit among `lines` (nearest to the article first): a labelled line ("Image source:
 * Фото: РИА Новости" → "Фото: РИА Новости"; "Credit..." followed by the name on the next line),
 * a credit line of its own ("Photo: Hau Dinh, AP"), or the credit at the end of a caption.
 */
export function findImageCredit(lines: readonly PageLine[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'caption' && line.kind !== 'chrome' && line.kind !== 'text') continue;
    const text = line.text;
    if (text.length > 300) continue;
    const label = IMAGE_CREDIT_LABEL.exec(text);
    if (label) {
      const rest = text.slice(label[0].length).trim();
      if (rest.length > 0 && rest.length <= 200 && line.kind === 'caption' && looksLikeCredit(rest)) return rest;
      if (rest.length === 0) {
        const next = lines[i + 1];
        if (next && next.text.length > 0 && next.text.length <= 120) return next.text;
      }
      continue;
    }
    if (line.kind === 'caption' && CREDIT_ON_ITS_OWN.test(text) && text.length <= 120) return text;
  }
  for (const line of lines) {
    if (line.kind !== 'caption' || line.text.length > 400) continue;
    const m = CAPTION_END.exec(line.text);
    if (m && m[0].trim().length >= 2) return m[0].trim().replace(/^[|/]\s*/u, '');
  }
  return null;
}

/** A credit names a source, it is not a sentence-long caption. */
function looksLikeCredit(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 14 || /[/|©]|getty|reuters|\bap\b|afp|фото|photo|foto/iu.test(text);
}
