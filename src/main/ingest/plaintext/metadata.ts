/**
 * Small facts read from the lines around the article: the byline and the image credit.
 */
import type { PageLine } from './line-features';
import { CAPTION_END, DATE_WORD, IMAGE_CREDIT_LABEL, startsWithByline } from './patterns';

// Where a byline's name part ends: a separator, a date or time, a handle, "updated ...", a job title.
const BYLINE_STOP =
  /\s+[-–—|·•/]\s*|[·•|]|\s*\d|\s+@|\s+(?:[Oo]n|[Uu]pdated|[Pp]ublished|[Pp]osted|[Aa]t|[Ff]ollow)\s+|,\s*(?=\p{Ll}|(?:CNN|BBC|Reuters|AP|AFP)\b|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)? (?:Editor|Correspondent|Reporter|Writer|Columnist|Staff|Producer)|(?:Senior|Chief|Staff|Special|Political|Foreign|Business|Tech|Deputy|Associate|Contributing)\b)/u;

/** "By Lia Eustachewich and Yaron Steinbuch" → that; "By Justine Coleman - 11/18/19" → "Justine Coleman". */
export function bylineName(line: string): string | null {
  const m = startsWithByline(line);
  if (!m) return null;
  let rest = line.slice(m[0].length);
  const stop = BYLINE_STOP.exec(rest);
  if (stop && stop.index > 0) rest = rest.slice(0, stop.index);
  // A month or weekday name ends the name too ("By Erin Cunningham March 18 ...").
  const words = rest.split(/\s+/);
  const dateAt = words.findIndex((w, i) => i > 0 && DATE_WORD.test(w.replace(/[.,]+$/u, '')) && /^\p{Lu}/u.test(w));
  if (dateAt > 0) rest = words.slice(0, dateAt).join(' ');
  rest = rest.replace(/[\s,.:;]+$/u, '').trim();
  if (rest.length < 3 || rest.length > 80) return null;
  if (!/\p{L}/u.test(rest)) return null;
  // ALL-CAPS bylines ("By JERUSALEM POST STAFF") are kept as written.
  return rest;
}

/** The first byline among `lines` (most likely ones first), or null. */
export function findByline(lines: readonly PageLine[]): string | null {
  for (const line of lines) {
    if (line.text.length > 200) continue;
    // A byline may be one segment of a "Site | date | By Name" line.
    for (const segment of line.text.split(/\s+[|•·]\s+/u)) {
      if (segment.length > 120 || !startsWithByline(segment)) continue;
      const name = bylineName(segment);
      if (name) return name;
    }
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
        // "Credit..." on a line of its own: the name is on the next line.
        const next = lines.slice(i + 1, i + 3).find((l) => l.kind !== 'blank');
        if (next && next.text.length <= 120) return next.text;
      }
      continue;
    }
    if (line.kind === 'caption' && CREDIT_ON_ITS_OWN.test(text) && text.length <= 120) return text;
  }
  for (const line of lines) {
    if (line.kind !== 'caption' || line.text.length > 400) continue;
    const credit = creditOfCaption(line.text);
    if (credit) return credit;
  }
  return null;
}

const BRACKETS = /^[(\[]\s*|\s*[)\]]$/gu;
// Capitalised name words right before a "/ Agency" credit ("... 2019.J. Scott Applewhite / AP file").
const NAME_BEFORE = /(?:^|[.!?)]\s*|\(|\s)((?:\p{Lu}[\p{L}.'’-]*\s?){1,4})$/u;

const CREDIT_CONNECTOR = /^(?:via|for|by|and|de|para|für|pour|для|и|\/|\||,|&|©|ⓒ|photo:|foto:|фото:|image:|photograph:|credit:|picture:)$/iu;

/** A short line of names and agencies only ("Natalie Naccache | Bloomberg | Getty Images", "© REUTERS / POOL"). */
function isOnlyCredit(text: string): boolean {
  if (text.length > 70) return false;
  const words = text.replace(/[()[\]]/gu, ' ').split(/\s+|(?<=\/)|(?=\/)/u).filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => CREDIT_CONNECTOR.test(w) || /^[\p{Lu}\d]/u.test(w) || /^[/|,]+$/u.test(w));
}

/** The credit part of a caption line: the whole line when it is only a credit, else its tail. */
function creditOfCaption(text: string): string | null {
  if (isOnlyCredit(text)) return text.replace(BRACKETS, '').trim() || null;
  const m = CAPTION_END.exec(text);
  if (!m || m[0].trim().length < 2) return null;
  let credit = m[0].trim();
  if (/^[/|]/u.test(credit)) {
    const name = NAME_BEFORE.exec(text.slice(0, m.index));
    const who = name ? name[1]!.trim().replace(/^(?:credit|photo|image|foto|фото)+/iu, '') : '';
    credit = who ? `${who} ${credit}` : credit.replace(/^[/|]\s*/u, '');
  }
  return credit.replace(BRACKETS, '').trim() || null;
}

/** A credit names a source, it is not a sentence-long caption. */
function looksLikeCredit(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 14 || /[/|©]|getty|reuters|\bap\b|afp|фото|photo|foto/iu.test(text);
}
