/**
 * Cleaning Readability's article block by block: what it keeps that is not the article's text.
 * The headline repeated, bylines and date lines, captions and credits, share and subscribe
 * prompts, lists of links to other stories, author bios, rights notices. Each dropped block
 * gets a reason, for the benchmark's report.
 */
import { classifyLine, type LineKind } from '../plaintext';
import { DATE_OR_TIME } from '../plaintext/patterns';
import type { TextBlock } from './blocks';
import { wordsOf } from './text';

/** What the rules know about the page besides the blocks. */
export interface BlockContext {
  title: string | null;
  authors: readonly string[];
  /** The lead image's caption and credit: metadata, so not body text where Readability kept them. */
  leadImageTexts: readonly string[];
}

export type DropReason =
  | 'headline'
  | 'byline'
  | 'date'
  | 'caption'
  | 'chrome'
  | 'rights'
  | 'related'
  | 'link-list'
  | 'author-bio'
  | 'prompt'
  | 'credit-line';

export interface BlockVerdict {
  block: TextBlock;
  drop: DropReason | null;
}

/** Line kinds of the plain-text classifier that are never article text. */
const DROPPED_KINDS: Partial<Record<LineKind, DropReason>> = {
  rights: 'rights',
  caption: 'caption',
  chrome: 'chrome',
  byline: 'byline',
  date: 'date',
  related: 'related',
  numeric: 'chrome',
};

/** Prompts the plain-text patterns do not know. */
const EXTRA_PROMPT =
  /^like this (?:story|article)\b|\bshare (?:it|this(?: story| article)?) with (?:a |your )?friends?\b|^follow (?:\p{L}+'s |our |the )?(?:full |complete |live |latest )?coverage\b|^(?:via|source:?)\s+[\w.-]+\.[a-z]{2,}$|^(?:get|sign up for|subscribe to) (?:our|the) [\p{L} ]{0,30}newsletter/iu;
/** "Keith Bradsher contributed reporting from Hong Kong." */
const CONTRIBUTED =
  /^[\p{Lu}][\p{L}.'’ -]+(?:,\s*[\p{Lu}][\p{L}.'’ -]+)*(?:,?\s+and\s+[\p{Lu}][\p{L}.'’ -]+)?\s+(?:contributed|also contributed)\s+(?:reporting|research|to this (?:report|article|story))\b[^.]{0,80}\.?$/u;
/** "Reporting by Rodrigo Campos; Editing by Nick Zieminski". */
const REPORTING_BY = /^\(?(?:additional )?reporting by\b/iu;
/** A URL written out in a short promotional line. */
const URL_IN_TEXT = /https?:\/\/\S+|www\.\S+/i;
const PROMO_START = /^(?:follow|read|see|visit|watch|listen|download|get|sign up|subscribe|click|for more)\b/iu;
/** "Image 1 of / 8", "Photo 3/12": gallery counters. */
const GALLERY_COUNTER = /^(?:image|photo|picture|slide|foto|фото)\s*\d+\s*(?:of|\/|из|von|de|sur)\s*(?:\/\s*)?\d*$/iu;
/** Labels of summary boxes set above the article ("Highlights", "Key points"). */
const BOX_LABEL = /^(?:highlights|key points|in brief|at a glance|story highlights|the big picture|главное|коротко)\W*$/iu;
/** A line of article facts: a date plus "posted by", "category", "tags" labels ("05/10/2018 - Publicado por: X - Categoria: Saúde"). */
const FACTS_LABEL = /\b(?:posted by|published by|publicado por|publié par|veröffentlicht von|опубликовал[аи]?|categor(?:y|ia|ie|ía)|tags?|rubri[ck]|рубрика|теги)\s*:/iu;
const DATE_IN_TEXT = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;
/**
 * A section name over the headline, ending in a dash or colon ("Biz & IT —", "Opinion:"). Not
 * in capitals only: "WASHINGTON —" set apart is a dateline.
 */
const KICKER = /^(?=[^\p{Ll}]*\p{Ll})[\p{L}\p{N}&'’. ]{1,30}\s*[—–:|]$/u;
/** Kickers come first. */
const MAX_KICKER_INDEX = 3;
/** Only a web address. */
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
/** Blocks whose text is code or data, never judged as prose. */
const VERBATIM_TAGS = new Set(['pre', 'code']);

/** A heading whose blocks after it are the page's, not the article's ("Comments", "Reviews"). */
const SECTION_END_LABEL =
  /^(?:comments?|reviews?|отзывы|комментарии|kommentare|commentaires|comentarios|comentários|leave a (?:comment|reply)|добавить (?:отзыв|комментарий))\W*(?:\(\d+\))?$/iu;

/** Share of a block's text inside links above which it reads as a link, not as text. */
const LINKY = 0.7;
/** A photo credit has at most this many words. */
const MAX_CREDIT_WORDS = 6;
/** A link alone in its block with at most this many words is a button. */
const MAX_BUTTON_WORDS = 4;
/** Blocks longer than this are article text whatever else they look like. */
const LONG_BLOCK = 300;
/** A sentence of more words than this is text, whatever word it opens with. */
const SENTENCE_WORDS = 12;
/** Prose that resumes the article after a comments heading has at least this many words. */
const PROSE_WORDS = 25;

function key(s: string): string {
  return wordsOf(s.normalize('NFKC')).join(' ');
}

function isLinky(b: TextBlock): boolean {
  return b.text.length > 0 && b.linkChars / b.text.length >= LINKY;
}

function endsSentence(text: string): boolean {
  return /[.!?。！？…]["'”’»)\]]*$/u.test(text);
}

/**
 * A verdict for every block: kept (drop null) or dropped with the reason.
 *
 * @example
 *   judgeBlocks(blocks, { title: 'Sweden drops Assange rape investigation', authors: [], leadImageTexts: [] })
 *     .filter((v) => !v.drop).map((v) => v.block.text)
 */
export function judgeBlocks(blocks: readonly TextBlock[], ctx: BlockContext): BlockVerdict[] {
  const verdicts: BlockVerdict[] = blocks.map((block) => ({ block, drop: null }));
  const titleKey = ctx.title ? key(ctx.title) : '';
  const authorKeys = ctx.authors.map(key).filter((k) => k.length >= 4);
  const leadImageKeys = ctx.leadImageTexts.map(key).filter((k) => k.length > 0);
  const isLeadImageText = (k: string): boolean =>
    leadImageKeys.some((c) => k === c) || (leadImageKeys.length === 2 && k === `${leadImageKeys[0]} ${leadImageKeys[1]}`);

  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    const { text } = v.block;
    const k = key(text);
    if (VERBATIM_TAGS.has(v.block.tag)) continue;
    if (!/[\p{L}\p{N}]/u.test(text)) v.drop = 'chrome';
    else if (titleKey && k === titleKey) v.drop = 'headline';
    else if (isLeadImageText(k)) v.drop = 'caption';
    else if (URL_ONLY.test(text) || GALLERY_COUNTER.test(text) || BOX_LABEL.test(text)) v.drop = 'chrome';
    else if (i < MAX_KICKER_INDEX && KICKER.test(text)) v.drop = 'chrome';
    else if (text.length <= LONG_BLOCK && FACTS_LABEL.test(text) && DATE_IN_TEXT.test(text)) v.drop = 'byline';
    else if (v.block.inFigure && v.block.tag !== 'figcaption' && isCreditOnly(text)) v.drop = 'caption';
    else if (text.length <= LONG_BLOCK && (CONTRIBUTED.test(text) || REPORTING_BY.test(text))) v.drop = 'credit-line';
    else if (text.length <= LONG_BLOCK && (EXTRA_PROMPT.test(text) || (URL_IN_TEXT.test(text) && PROMO_START.test(text)))) v.drop = 'prompt';
    else if (isAuthorLine(k, authorKeys, i, verdicts.length)) v.drop = 'author-bio';
    else v.drop = chromeKind(text, i);
  }
  dropLinkLists(verdicts);
  dropAfterSectionEnds(verdicts);
  return verdicts;
}

/**
 * The drop reason the plain-text line classifier gives a block, if any. Its patterns were made
 * for lines of page text, where "Latest", "By Monday" or "Popular" open labels; in an article's
 * paragraphs they also open sentences, so a long sentence is not taken for a label, a byline
 * or a date line (unless it is a byline with a date in it).
 */
function chromeKind(text: string, index: number): DropReason | null {
  const reason = DROPPED_KINDS[classifyLine(text, index).kind] ?? null;
  if (!reason || reason === 'rights' || reason === 'caption') return reason;
  // A byline with a date and time ("By Matthew Digby on Monday, November 18th, 2019 at 11:08 a.m.") stays one.
  if (reason === 'byline' && DATE_OR_TIME.test(text)) return reason;
  return endsSentence(text) && wordsOf(text).length > SENTENCE_WORDS ? null : reason;
}

/** A few words without a full stop: in a figure but outside its caption, that is a photo credit ("Reuters", "EPA/Jane Doe"). */
function isCreditOnly(text: string): boolean {
  return wordsOf(text).length <= MAX_CREDIT_WORDS && !endsSentence(text);
}

/** An author's name on its own or opening a short line ("Phil Helsel", "Phil Helsel is a reporter for NBC News."). */
function isAuthorLine(k: string, authorKeys: readonly string[], index: number, count: number): boolean {
  if (authorKeys.length === 0) return false;
  const words = k.split(' ').length;
  for (const a of authorKeys) {
    if (k === a) return true;
    // A bio near the end, or a name-and-title line ("Robert Burns, AP National Security Writer").
    if (k.startsWith(`${a} `) && (words <= 12 || (index >= count - 3 && words <= 40))) return true;
  }
  return false;
}

/**
 * Lists of links to other stories: two or more link-dominated blocks in a row that are not
 * sentences (headlines, menu items), and any single one right after a "related" label.
 */
function dropLinkLists(verdicts: BlockVerdict[]): void {
  const isLinkItem = (v: BlockVerdict): boolean =>
    isLinky(v.block) && v.block.text.length <= LONG_BLOCK && (!endsSentence(v.block.text) || v.block.tag === 'li');
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v.drop || !isLinkItem(v)) continue;
    const prev = verdicts[i - 1];
    const next = verdicts[i + 1];
    const inRun = (prev && isLinkItem(prev)) || (next && isLinkItem(next));
    const afterLabel = prev?.drop === 'related' || prev?.drop === 'link-list';
    // A lone link of a few words ("Home", "Read the report") is a button, not text.
    const lone = v.block.linkChars >= v.block.text.length && wordsOf(v.block.text).length <= MAX_BUTTON_WORDS;
    if (inRun || afterLabel || lone) v.drop = 'link-list';
  }
}

/**
 * After a comments or reviews heading, the article is over unless real prose follows:
 * everything up to the next paragraph of prose goes (prompts, names, dates of comments).
 */
function dropAfterSectionEnds(verdicts: BlockVerdict[]): void {
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v.drop || !SECTION_END_LABEL.test(v.block.text)) continue;
    v.drop = 'related';
    for (let j = i + 1; j < verdicts.length; j++) {
      const w = verdicts[j]!;
      if (!isLinky(w.block) && wordsOf(w.block.text).length >= PROSE_WORDS && endsSentence(w.block.text)) break;
      w.drop ??= 'related';
    }
  }
}
