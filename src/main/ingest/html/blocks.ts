/**
 * Walking an article's DOM into text blocks: one per paragraph, subhead, list item, quote or
 * preformatted run, in document order, with what the clean-up rules need to know about each
 * (its tag, how much of it is link text, whether it sits in a figure).
 */
import { normaliseSpace } from './text';

/** One block of text of the article, as the reader will show it. */
export interface TextBlock {
  /** The text, white space normalised, never empty. */
  text: string;
  /** Lower-case tag of the block element the text belongs to ('p', 'h2', 'li', 'div', ...). */
  tag: string;
  /** The block element itself (for class names and neighbours). */
  element: Element;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** Inside a `<figure>` or a `<figcaption>`. */
  inFigure: boolean;
}

/** Elements that start and end a block of text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'option', 'textarea', 'input',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'map', 'img',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** The usual class names of text only screen readers get ("Image caption", "Advertisement"). */
const SCREEN_READER_ONLY = /(?:^|[\s_-])(?:visually-?hidden|sr-only|screen-?reader(?:-text|-only)?|off-?screen|a11y-hidden|assistive-text)(?:$|[\s_-])/i;

/**
 * True for elements a reader of the page would not see: the hidden attribute, aria-hidden,
 * an inline display:none, or a screen-reader-only class.
 *
 * @example
 *   isHidden(span) // true for <span class="visually-hidden">Image caption</span>
 */
export function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    HIDDEN_STYLE.test(el.getAttribute('style') ?? '') ||
    SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '')
  );
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The block being gathered: its text so far and where it belongs. */
interface Pending {
  parts: string[];
  linkChars: number;
  owner: Element;
  inFigure: boolean;
}

/** A step of the walk: a node to visit in its context, or the end of a block element. */
type Step =
  | { kind: 'visit'; node: Node; owner: Element; inLink: boolean; inFigure: boolean }
  | { kind: 'leave'; owner: Element; inFigure: boolean };

/**
 * The text blocks of `root` in document order. Inline content is gathered until the next block
 * boundary; a block inside a block (a `<p>` in an `<li>`) ends the outer block's text so far.
 * Two or more `<br>` in a row also end a block (old pages separate paragraphs that way).
 * Hidden elements are skipped. The walk uses its own stack, so any depth of nesting is safe.
 *
 * @example
 *   collectBlocks(articleElement).map((b) => b.text) // ['First paragraph.', 'A subhead', ...]
 */
export function collectBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pending: Pending = { parts: [], linkChars: 0, owner: root, inFigure: false };
  let brRun = 0;

  const flush = (): void => {
    const text = normaliseSpace(pending.parts.join(''));
    if (text) {
      blocks.push({
        text,
        tag: pending.owner.tagName.toLowerCase(),
        element: pending.owner,
        linkChars: Math.min(pending.linkChars, text.length),
        inFigure: pending.inFigure,
      });
    }
    pending = { ...pending, parts: [], linkChars: 0 };
  };

  const stack: Step[] = [];
  const pushChildren = (node: Node, owner: Element, inLink: boolean, inFigure: boolean): void => {
    for (let child = node.lastChild; child; child = child.previousSibling) {
      stack.push({ kind: 'visit', node: child, owner, inLink, inFigure });
    }
  };
  pushChildren(root, root, false, false);

  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.kind === 'leave') {
      // Text after a nested block belongs to the enclosing block again.
      flush();
      pending.owner = step.owner;
      pending.inFigure = step.inFigure;
      continue;
    }
    const { node, owner, inLink, inFigure } = step;
    if (node.nodeType === TEXT_NODE) {
      const data = node.nodeValue ?? '';
      if (/\S/.test(data)) brRun = 0;
      if (pending.owner !== owner) {
        flush();
        pending.owner = owner;
        pending.inFigure = inFigure;
      }
      pending.parts.push(data);
      if (inLink) pending.linkChars += normaliseSpace(data).length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br') {
      brRun++;
      if (brRun >= 2) flush();
      else pending.parts.push(' ');
      continue;
    }
    if (SKIPPED_TAGS.has(tag) || isHidden(el)) continue;
    const link = inLink || tag === 'a';
    const figure = inFigure || tag === 'figure' || tag === 'figcaption';
    if (BLOCK_TAGS.has(tag)) {
      flush();
      brRun = 0;
      stack.push({ kind: 'leave', owner, inFigure });
      pushChildren(el, el, link, figure);
    } else {
      pushChildren(el, owner, link, figure);
    }
  }
  flush();
  return blocks;
}

/**
 * How deeply elements nest under `root` (1 for an element without children). Iterative.
 *
 * @example
 *   nestingDepth(document.documentElement) // 18 on a typical news page
 */
export function nestingDepth(root: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return max;
}
