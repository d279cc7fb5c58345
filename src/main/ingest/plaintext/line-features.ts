/**
 * What one line of page text looks like: prose, a headline-ish short line, a counter, a date,
 * a caption, a piece of page chrome or a rights notice.
 */
import {
  ACCOUNT_PROMPT,
  AD_LABEL,
  CAPTION_END,
  CAPTION_START,
  COMMENT_PROMPT,
  CREDIT_ROLL,
  DATE_OR_TIME,
  DATE_STAMP_LABEL,
  DATE_WORD,
  LEGAL_NOTICE,
  MARKUP,
  MEDIA_CHROME,
  NUMERIC_ONLY,
  RELATED_LABEL,
  RIGHTS_NOTICE,
  SHARE_BUTTON,
  startsWithByline,
  ure,
} from './patterns';

export type LineKind =
  /** Empty line. */
  | 'blank'
  /** Sentence-like running text: the stuff articles are made of. */
  | 'prose'
  /** Any other text: menu items, headlines, subheads, list items, names. */
  | 'text'
  /** Only digits and separators: counters, scores, times. */
  | 'numeric'
  /** A short line that is mostly a date or a time ("13.11 12:30", "November 18, 2019"). */
  | 'date'
  /** Photo caption or credit. */
  | 'caption'
  /** Byline ("By John Smith"). */
  | 'byline'
  /** Buttons, prompts, labels and notices of the site around the article. */
  | 'chrome'
  /** A label that opens a list of other stories ("Related", "Most read"). */
  | 'related'
  /** Part of a teaser card for another story (see `teaser-cards.ts`). */
  | 'card'
  /** A "Read also" box of links set inside the article's text (see `teaser-cards.ts`). */
  | 'aside'
  /** Copyright or rights notice. */
  | 'rights';

export interface PageLine {
  /** Position in the page's line list. */
  index: number;
  /** The cleaned line. */
  text: string;
  kind: LineKind;
  /** Length with Han/Kana characters counted twice (they carry about two Latin letters' worth). */
  weight: number;
  /** Number of words (runs of letters/digits; Han/Kana count one per two characters). */
  words: number;
}

// Long lines are classified from their ends only, so a pathological single line stays cheap.
const HEAD_CHARS = 400;
const TAIL_CHARS = 200;
/** Lines longer than this are never taken for chrome, captions or notices: they are text. */
const CHROME_MAX = 160;

const WORD = /[\p{L}\p{N}]+/gu;
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const SENTENCE_END = /[.!?。！？…][\s"'”’»)\]]*$/u;
const SENTENCE_INSIDE = /[\p{Ll}\p{Lo}\d)"'”’»][.!?。！？]["'”’»)]*\s+["'“‘«(]?[\p{Lu}\p{Lo}\d]|[。！？]/u;
const EMBED_ATTRIBUTION = /^[—–-]\s*[^\n]{1,80}\(@[\w.]{1,30}\)\s[^\n]{3,40}\d{4}$/u;
const IMAGE_COPYRIGHT = /^(?:image|picture|photo|foto|фото)\s*(?:copyright|©)/iu;

/** Counts words, with runs of Han/Kana split into two-character "words". */
export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    const dense = m[0].match(DENSE_SCRIPT);
    n += dense ? Math.max(1, Math.ceil(dense.length / 2)) + (m[0].length - dense.length > 0 ? 1 : 0) : 1;
  }
  return n;
}

function headOf(text: string): string {
  return text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
}
function tailOf(text: string): string {
  return text.length > TAIL_CHARS ? text.slice(-TAIL_CHARS) : text;
}

/** True when the line reads like running text: enough words, and sentence punctuation. */
export function looksLikeProse(text: string, words: number, weight: number): boolean {
  if (words < 6 || weight < 40) return false;
  // "A • B • C" or "Home > News > Story": a menu or breadcrumb, whatever its punctuation.
  const separators = (headOf(text).match(/\s[•|·>»/]\s/gu) ?? []).length;
  if (separators >= 2 && separators * 8 >= Math.min(words, 50)) return false;
  const tail = tailOf(text);
  if (SENTENCE_END.test(tail)) return true;
  const head = headOf(text);
  if (SENTENCE_INSIDE.test(head)) return true;
  // Long runs without a full stop but with clause punctuation (a long sentence cut by markup).
  const commas = (head.match(/[,;，、]/g) ?? []).length;
  return words >= 20 && commas >= 2;
}

/** Is this a short line that is essentially a date, a time or a "published/updated" stamp? */
export function looksLikeDateLine(text: string, words: number): boolean {
  if (text.length > 100 || words > 16) return false;
  if (!DATE_OR_TIME.test(text)) return false;
  // Whatever is left once digits, month and day names, am/pm and time zones are gone must be small.
  const rest = text
    .replace(/\d+(?:st|nd|rd|th|h|m)?/giu, ' ')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0 && !DATE_WORD.test(w));
  const allowed = DATE_STAMP_LABEL.test(text) ? 6 : 3;
  return rest.length <= allowed && !SENTENCE_END.test(text.replace(/(?:a\.m|p\.m|st|jr)\.$/iu, ''));
}

const IMPERATIVE_START = ure(
  String.raw`^(?:sign|subscribe|register|log|click|tap|download|join|follow|get|let|read|see|watch|enter|create|manage|please|подпишитесь|подписывайтесь|зарегистрируйтесь|войдите|читайте|скачайте|melden|abonnieren|registrieren|inscrivez|abonnez|suscríbete|suscribete|regístrate|assine|cadastre|inscreva|iscriviti|přihlaste|registrujte)\b`,
  'iu',
);

/**
 * Subscription, log-in, cookie and privacy prompts. A sentence that merely mentions a
 * subscription or cookies is kept as text: it needs two such words or an imperative opening.
 */
function isSitePrompt(text: string, words: number, weight: number): boolean {
  const hits = (ACCOUNT_PROMPT.test(text) ? 1 : 0) + (LEGAL_NOTICE.test(text) ? 1 : 0);
  if (hits === 0) return false;
  if (!looksLikeProse(text, words, weight)) return true;
  return hits >= 2 || IMPERATIVE_START.test(text);
}

/** Classifies one cleaned line. */
export function classifyLine(text: string, index: number): PageLine {
  // Very long lines: the share of Han/Kana in the head stands for the whole line.
  const sample = text.length > HEAD_CHARS * 4 ? text.slice(0, HEAD_CHARS * 4) : text;
  const dense = Math.round(((sample.match(DENSE_SCRIPT) ?? []).length * text.length) / Math.max(1, sample.length));
  const weight = text.length + dense;
  const words = text.length > 20_000 ? Math.round(text.length / 6) : countWords(text);
  const line: PageLine = { index, text, kind: 'text', weight, words };
  if (text.length === 0) {
    line.kind = 'blank';
    return line;
  }
  if (!/[\p{L}\p{N}]/u.test(headOf(text))) {
    // Only punctuation or symbols ("|", "___", "...").
    line.kind = text.length <= 3 ? 'numeric' : 'text';
    return line;
  }
  if (MARKUP.test(headOf(text))) {
    line.kind = 'chrome';
    return line;
  }
  const short = text.length <= CHROME_MAX;
  if (text.length <= 250 && RIGHTS_NOTICE.test(text) && !IMAGE_COPYRIGHT.test(text)) {
    line.kind = 'rights';
    return line;
  }
  if (NUMERIC_ONLY.test(headOf(text)) && text.length <= 40) {
    line.kind = 'numeric';
    return line;
  }
  // A credit glued to the paragraph that follows it ("© Provided by X Nintendo and Apple shocked ...") is text.
  if ((text.length <= 250 && CAPTION_START.test(text)) || (text.length <= 400 && CAPTION_END.test(tailOf(text)))) {
    line.kind = 'caption';
    return line;
  }
  if (short && RELATED_LABEL.test(text)) {
    line.kind = 'related';
    return line;
  }
  if (
    short &&
    (AD_LABEL.test(text) ||
      SHARE_BUTTON.test(text) ||
      MEDIA_CHROME.test(text) ||
      COMMENT_PROMPT.test(text) ||
      (text.length <= 120 && isSitePrompt(text, words, weight)))
  ) {
    line.kind = 'chrome';
    return line;
  }
  if (
    text.length <= 150 &&
    ((startsWithByline(text) !== null && (words <= 8 || DATE_OR_TIME.test(text) || !SENTENCE_END.test(text))) || CREDIT_ROLL.test(text))
  ) {
    line.kind = 'byline';
    return line;
  }
  // "— Rep. Ilhan Omar (@Ilhan) November 19, 2019": the attribution of an embedded tweet, part of the story.
  if (EMBED_ATTRIBUTION.test(text)) return line;
  if (looksLikeDateLine(text, words)) {
    line.kind = 'date';
    return line;
  }
  if (looksLikeProse(text, words, weight)) {
    line.kind = 'prose';
    return line;
  }
  return line;
}
