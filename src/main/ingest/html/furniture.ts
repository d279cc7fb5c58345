/**
 * Removing page furniture from the article Readability found: what it is known to keep inside
 * an article container. Its own filter spares any block whose class mentions "content",
 * "article" or "body" ("related-content", "article-body__newsletter"), and it keeps the lead
 * image's caption, the titles of video players, grids of teaser cards and hover cards set
 * inside paragraphs.
 *
 * This runs on Readability's result, not on the page before it: removing blocks from the page
 * changes Readability's scores and can make it choose a different, worse container.
 */
import { hasNameWord, VIDEO_WORD } from './class-names';
import { textOf } from './text';

/**
 * Class or id words of page furniture: boxes of other stories, newsletter and share boxes,
 * comments, tags, author bios, copyright lines. Matched against whole words of
 * class and id names (split on spaces, hyphens and underscores).
 */
const FURNITURE_WORD =
  /^(?:related|recommended|recommendations?|recirc|newsletters?|subscribe|subscription|signup|promo|promotions?|promoted|share|sharing|sharebar|shares|sharetools|social|socials|trending|popular|mostpopular|mostread|morestories|readmore|alsoread|outbrain|taboola|sponsored|advert|advertisement|advertising|ads|adslot|adunit|comments?|breadcrumbs?|authorbio|tags|taglist|keywords|copyright)$/i;
/** Pairs of words that together name furniture ("more-from", "read-next", "author-info"). */
const FURNITURE_PAIR =
  /(?:^|[\s_-])(?:more[\s_-]+(?:from|stories|news|on|like)|read[\s_-]+(?:next|also|more)|also[\s_-]+(?:read|like)|you[\s_-]+may|author[\s_-]+(?:info|bio|box|card|details|about)|about[\s_-]+the[\s_-]+author|most[\s_-]+(?:read|popular|viewed)|sign[\s_-]+up|in[\s_-]+case[\s_-]+you[\s_-]+missed)(?:$|[\s_-])/i;
/** Elements that are never furniture containers themselves. */
const NEVER_REMOVED = new Set(['HTML', 'BODY', 'MAIN', 'P', 'H1', 'A', 'EM', 'STRONG', 'B', 'I']);
/** An element holding this share of the article's paragraph text is the article, whatever its class says. */
const ARTICLE_SHARE = 0.3;
/** A hover card sits in a paragraph with at least this much text of its own around it. */
const MIN_TEXT_AROUND_CARD = 20;
/** Teaser grids: at least this many sibling cards. */
const MIN_CARDS = 3;
/** A teaser card's text is short. */
const MAX_CARD_CHARS = 400;

/** True when the class or id of `el` names page furniture. */
export function looksLikeFurniture(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (!names.trim()) return false;
  return hasNameWord(el, FURNITURE_WORD) || FURNITURE_PAIR.test(names);
}

/** Class or id words of image captions and credits. */
const CAPTION_WORD = /^(?:caption|captions|figcaption|credit|credits)$/i;
/** A paragraph of the story proper (not a one-line standfirst or kicker) is at least this long. */
const LEAD_PARAGRAPH_CHARS = 80;

/** Inline elements and the page's frame are never captions themselves (a `<p class="caption">` is). */
const NEVER_CAPTION = new Set(['HTML', 'BODY', 'MAIN', 'A', 'EM', 'STRONG', 'B', 'I', 'SPAN']);

function isCaption(el: Element): boolean {
  return el.tagName === 'FIGCAPTION' || (!NEVER_CAPTION.has(el.tagName) && hasNameWord(el, CAPTION_WORD));
}

/** Whether the figure (or caption box) around a caption holds an image; a video's does not. */
function hasPicture(caption: Element): boolean {
  const holder = caption.closest('figure') ?? caption.parentElement;
  if (!holder || hasNameWord(holder, VIDEO_WORD)) return false;
  return holder.querySelector('img, picture, svg') !== null;
}

/** Characters of paragraph text in `root` (only `<p>` elements count: that is where articles live). */
function paragraphChars(root: Element): number {
  let n = 0;
  for (const p of root.querySelectorAll('p')) n += (p.textContent ?? '').length;
  return n;
}

/**
 * Named furniture (see {@link looksLikeFurniture}) in `root` that does not hold a large share of
 * its paragraph text, and the captions above its first paragraph; outermost elements only.
 */
function namedFurniture(root: Element): Element[] {
  const rootChars = Math.max(1, paragraphChars(root));
  const firstParagraph = [...root.querySelectorAll('p')].find((p) => textOf(p).length >= LEAD_PARAGRAPH_CHARS);
  const isAboveText = (el: Element): boolean =>
    !firstParagraph || (el.compareDocumentPosition(firstParagraph) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
  const found: Element[] = [];
  for (const el of root.querySelectorAll('[class], [id], figcaption')) {
    if (found.length > 0 && found.some((f) => f.contains(el))) continue;
    if (isCaption(el)) {
      // The lead image's caption is metadata (imageCaption, imageCredit); the captions of
      // pictures inside the story stay in its text, where a reader of the page sees them.
      // A caption without its picture (a video player, gone with the page's scripts) goes too.
      if (isAboveText(el) || !hasPicture(el)) found.push(el);
      continue;
    }
    if (NEVER_REMOVED.has(el.tagName) || !looksLikeFurniture(el)) continue;
    if (paragraphChars(el) / rootChars >= ARTICLE_SHARE) continue;
    found.push(el);
  }
  return found;
}

/**
 * Removes page furniture from `article` (Readability's result): named furniture and figure
 * captions, hover cards inside paragraphs, and grids of teaser cards. Returns how many elements
 * were removed.
 *
 * @example
 *   removeFurniture(readabilityArticle) // 14
 */
export function removeFurniture(article: Element): number {
  const furniture = [...namedFurniture(article), ...hoverCards(article), ...teaserCards(article)];
  for (const el of furniture) el.remove();
  return furniture.length;
}

/**
 * Pop-up cards set inside paragraphs (a name in the text that shows a photo and links on hover):
 * inline elements within a `<p>` that hold an image.
 */
function hoverCards(article: Element): Element[] {
  const out: Element[] = [];
  for (const img of article.querySelectorAll('p img')) {
    const p = img.closest('p')!;
    // The card is the nearest element around the image that also holds a link with text.
    let card: Element | null = img.parentElement;
    while (card && card !== p && ![...card.querySelectorAll('a')].some((a) => textOf(a).length > 0)) card = card.parentElement;
    // A span may wrap the whole paragraph: a card is an insert, with the paragraph's text around it.
    if (card && card !== p && textOf(p).length - textOf(card).length >= MIN_TEXT_AROUND_CARD) out.push(card);
  }
  return out;
}

/**
 * Grids of teaser cards for other stories: three or more siblings of the same tag and class,
 * each with a link and an image or heading, each with little text.
 */
function teaserCards(article: Element): Element[] {
  const out: Element[] = [];
  for (const parent of article.querySelectorAll('div, section, ul, ol')) {
    const groups = new Map<string, Element[]>();
    for (const child of parent.children) {
      const cls = child.getAttribute('class');
      if (!cls) continue;
      const k = `${child.tagName} ${cls}`;
      const list = groups.get(k) ?? [];
      list.push(child);
      groups.set(k, list);
    }
    for (const cards of groups.values()) {
      if (cards.length < MIN_CARDS) continue;
      const allCards = cards.every(
        (c) =>
          c.querySelector('a[href]') &&
          c.querySelector('img, picture, h2, h3, h4') &&
          textOf(c).length <= MAX_CARD_CHARS &&
          !c.querySelector('p p'),
      );
      if (allCards) out.push(...cards);
    }
  }
  return out;
}
