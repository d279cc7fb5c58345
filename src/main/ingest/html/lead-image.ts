/**
 * The caption and credit of the article's lead image: from the first figure caption near the
 * top of the article (split into caption and credit), else from the JSON-LD image object.
 */
import { isHidden } from './blocks';
import { hasNameWord, VIDEO_WORD } from './class-names';
import { stringIn, type JsonObject } from './json-ld';
import { decodeEntities } from './entities';
import { normaliseSpace, textOf } from './text';

export interface LeadImageText {
  caption: string | null;
  credit: string | null;
}

/** Class, id or itemprop words of elements that hold a photo credit inside a caption. */
const CREDIT_MARK = /credit|copyright|photographer|byline|attribution|courtesy|copyrightHolder/i;
/** Class or id words of caption containers on pages without `<figcaption>`. */
const CAPTION_WORD = /caption/i;
/** Labels for screen readers or of the player ("Image caption", "Media caption"). */
const CAPTION_LABEL = /^(?:(?:image|photo|picture)\s+(?:caption|copyright)|caption)\s*:?\s*/iu;
/** Class words of boxes that hold a picture ("InlineImage-wrapper", "photo-box"). */
const IMAGE_WORD = /^(?:image|img|photo|picture|figure)$/i;
/** How far up from a caption its picture box is looked for. */
const IMAGE_BOX_LEVELS = 3;
/** Captions of videos and galleries are not the lead image's. */
const MEDIA_CAPTION = /^(?:media (?:caption|playback)|video\b|watch\b|live\b)/iu;
/** Gallery buttons written at the end of captions. */
const TRAILING_BUTTONS = /\s*(?:view (?:this )?image|enlarge(?: this)? image|hide caption|toggle caption|expand|show more)\s*[›»>]?\s*$/iu;
/** A credit label left at the end once the credit itself was taken out ("... 53 года?Фото"). */
const TRAILING_LABEL = /(?<=[.!?…)\]"'”’»])\s*(?:photo|foto|фото|image|picture|credit|bild)s?\s*[:：]?\s*$/iu;
/** A label that opens a credit: "Photo: ...", "Credit...", "Photograph by ...". */
const CREDIT_LABEL =
  /^(?:(?:photo(?:graph)?|image|picture|credit|foto|фото|bild)s?(?:\s*credit)?(?:\s*by)?\s*(?:[:：]|\.{2,}|…)?\s*)+(?=\S)/iu;
/** A credit written at the end of a caption: "... Photograph: AFP via Getty", "... (AP Photo/Evan Vucci)". */
const TRAILING_CREDIT =
  /\s*\b(?:photograph|photo|image|picture|credit|foto|фото|bild)(?:\s*(?:credit|by))?\s*(?:[:：@]|\.{2,}|…)\s*([^:]{2,120})$|\s*\(([^()]*(?:photo|foto|фото|bild|getty|reuters|afp|\bap\b|epa|file)[^()]*)\)\s*$|\s*\[([^[\]]*(?:file|photo|reuters|afp|\bap\b|getty)[^[\]]*)\]\s*$|\s*(©\s*[^©]{2,100})$/iu;
/** A caption that is only a credit: short, and in capitals or naming an agency. */
const CREDIT_ONLY = /^(?:[\p{Lu}\d\s,.&/'’-]{2,60}|.{0,60}\b(?:getty images|reuters|afp|associated press|\bap\b|epa|shutterstock|bloomberg)\b.{0,30})$/u;
/** Elements around the article whose figures are other stories' pictures. */
const NOT_ARTICLE = 'nav, aside, footer, [role="complementary"], [role="navigation"]';
/** The lead image is near the top: before this many paragraphs of prose. */
const LEAD_WITHIN_PARAGRAPHS = 3;
const MAX_CAPTION_CHARS = 600;
const MAX_CREDIT_CHARS = 150;

/**
 * The lead image's caption and credit (each null when the page gives none).
 *
 * @example
 *   readLeadImage(document, jsonLdArticle) // { caption: 'Whale expert Hori Parata.', credit: 'Adrian Malloch for the Guardian' }
 */
export function readLeadImage(document: Document, article: JsonObject | undefined): LeadImageText {
  const fromDom = captionInDom(document);
  const fromJsonLd = jsonLdImageText(article);
  return {
    caption: fromDom.caption ?? fromJsonLd.caption,
    credit: fromDom.credit ?? fromJsonLd.credit,
  };
}

function jsonLdImageText(article: JsonObject | undefined): LeadImageText {
  const image = article?.['image'];
  const first = Array.isArray(image) ? image[0] : image;
  if (!first || typeof first !== 'object') return { caption: null, credit: null };
  const obj = first as JsonObject;
  const caption = stringIn(obj['caption']) ?? stringIn(obj['description']);
  const credit = stringIn(obj['creditText']) ?? stringIn(obj['copyrightHolder']) ?? stringIn(obj['author']);
  return {
    caption: caption ? normaliseSpace(decodeEntities(caption)) || null : null,
    credit: credit ? cleanCredit(decodeEntities(credit)) || null : null,
  };
}

/** The first image caption of the page that comes before its third paragraph of prose. */
function captionInDom(document: Document): LeadImageText {
  const body = document.body;
  if (!body) return { caption: null, credit: null };
  let paragraphsSeen = 0;
  const walker = document.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (node.tagName === 'P') {
      if (textOf(node).length >= 80 && !node.closest(NOT_ARTICLE)) paragraphsSeen++;
      if (paragraphsSeen >= LEAD_WITHIN_PARAGRAPHS) break;
      continue;
    }
    if (!isImageCaption(node) || node.closest(NOT_ARTICLE) || isHidden(node)) continue;
    const found = splitCaption(node);
    // Some pages set the credit beside the caption rather than in it.
    const sibling = node.nextElementSibling ?? node.previousElementSibling;
    if (!found.credit && sibling && isCreditBox(sibling)) found.credit = cleanCredit(visibleText(sibling)) || null;
    if (found.caption || found.credit) return found;
  }
  return { caption: null, credit: null };
}

function isCreditBox(el: Element): boolean {
  return CREDIT_MARK.test(`${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`) && visibleText(el).length <= MAX_CREDIT_CHARS;
}

/** A `<figcaption>` of a picture (not of a video), or an element with a caption class beside an image. */
function isImageCaption(el: Element): boolean {
  const figure = el.closest('figure');
  if (figure && [figure, ...figure.querySelectorAll('*')].some((e) => hasNameWord(e, VIDEO_WORD) || e.tagName === 'VIDEO')) return false;
  if (el.tagName === 'FIGCAPTION') return true;
  if (!hasNameWord(el, CAPTION_WORD) || el.querySelector('p, div, figure, h1, h2, h3, li, time')) return false;
  if (figure?.querySelector('img, picture')) return true;
  const showsImage = (sibling: Element | null): boolean =>
    !!sibling && (/^(?:IMG|PICTURE)$/.test(sibling.tagName) || !!sibling.querySelector('img, picture'));
  if (showsImage(el.previousElementSibling) || showsImage(el.nextElementSibling)) return true;
  // Lazy-loading pages add the <img> with a script: a box named for an image will do.
  for (let box = el.parentElement, up = 0; box && up < IMAGE_BOX_LEVELS; box = box.parentElement, up++) {
    if (hasNameWord(box, IMAGE_WORD)) return true;
  }
  return false;
}

/**
 * Splits a caption element into caption and credit: a credit element inside it, else a credit
 * written at the end of the text ("... Photograph: AFP via Getty"); a caption that is only a
 * credit ("ITV, ASSOCIATED PRESS") counts as the credit.
 *
 * @example
 *   splitCaption(figcaption) // { caption: 'Whale expert Hori Parata.', credit: 'Adrian Malloch for the Guardian' }
 */
export function splitCaption(el: Element): LeadImageText {
  let credit: string | null = null;
  let text = visibleText(el);
  const creditEl = [...el.querySelectorAll('*')].find(
    (c) => CREDIT_MARK.test(`${c.getAttribute('class') ?? ''} ${c.id} ${c.getAttribute('itemprop') ?? ''}`) && visibleText(c).length > 0,
  );
  if (creditEl) {
    const creditText = visibleText(creditEl);
    credit = cleanCredit(creditText);
    text = normaliseSpace(text.replace(creditText, ' '));
  }
  text = text.replace(CAPTION_LABEL, '').replace(TRAILING_BUTTONS, '').replace(TRAILING_LABEL, '').trim();
  if (MEDIA_CAPTION.test(text)) return { caption: null, credit: null };
  if (!credit) {
    const labelled = CREDIT_LABEL.exec(text);
    if (labelled && labelled[0].trim().length > 0 && text.length <= 100) return { caption: null, credit: cleanCredit(text) || null };
    const m = TRAILING_CREDIT.exec(text);
    if (m && m.index > 0) {
      credit = cleanCredit(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
      text = text.slice(0, m.index).trim();
    } else if (CREDIT_ONLY.test(text) && !/[.!?]$/.test(text)) {
      return { caption: null, credit: text };
    }
  }
  const caption = text.length > 0 && text.length <= MAX_CAPTION_CHARS ? text : null;
  return { caption, credit: credit || null };
}

function cleanCredit(s: string): string {
  return normaliseSpace(normaliseSpace(s).replace(CAPTION_LABEL, '').replace(CREDIT_LABEL, ''));
}

/** Text of an element without its hidden parts (screen-reader labels are often hidden). */
function visibleText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const hidden of [...clone.querySelectorAll('*')].filter(isHidden)) hidden.remove();
  return textOf(clone);
}
