/**
 * Feed content (HTML, escaped or inline XHTML) to plain paragraphs: block elements and `<br><br>`
 * end paragraphs, scripts, styles and embedded graphics are dropped, entities are decoded and
 * white space is folded. A linear scan, no DOM: feed bodies are small and need no layout.
 */
import { decodeEntities } from './entities';
import type { XmlElement, XmlNode } from './xml-tree';

// Elements that start and end a paragraph of their own.
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'address', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'blockquote', 'pre', 'figure', 'figcaption', 'ul', 'ol',
  'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'hr', 'form', 'fieldset',
  'details', 'summary', 'body', 'html',
]);
// Elements whose content is not text a reader sees.
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'video', 'audio',
  'canvas', 'select', 'button',
]);
// Their content is raw text up to the closing tag, not markup.
const RAW_TEXT = new Set(['script', 'style']);
const CELL = new Set(['td', 'th']);

/** Collects text into paragraphs from a stream of tags and text. */
class ParagraphBuilder {
  readonly paragraphs: string[] = [];
  private buffer = '';
  private pendingBreaks = 0;
  private readonly skipping: string[] = [];
  /** Inside <pre>: line breaks are kept (code, tables), other white space is not folded. */
  private preformatted = 0;

  open(name: string, selfClosing: boolean): void {
    if (this.skipping.length > 0) {
      if (!selfClosing && SKIP.has(name)) this.skipping.push(name);
      return;
    }
    if (name === 'br') {
      this.pendingBreaks++;
    } else if (SKIP.has(name)) {
      if (!selfClosing) this.skipping.push(name);
    } else if (BLOCK.has(name)) {
      this.flush();
      if (name === 'pre' && !selfClosing) this.preformatted++;
    } else if (CELL.has(name)) {
      this.buffer += ' ';
    }
  }

  close(name: string): void {
    if (this.skipping.length > 0) {
      const k = this.skipping.lastIndexOf(name);
      if (k >= 0) this.skipping.length = k;
      return;
    }
    if (BLOCK.has(name)) {
      this.flush();
      if (name === 'pre' && this.preformatted > 0) this.preformatted--;
    } else if (CELL.has(name)) {
      this.buffer += ' ';
    }
  }

  text(s: string): void {
    if (this.skipping.length > 0 || s.length === 0) return;
    if (this.pendingBreaks > 0 && /\S/.test(s)) {
      // One <br> is a line break inside the paragraph; two or more end it.
      if (this.pendingBreaks >= 2) this.flush();
      else this.buffer += ' ';
      this.pendingBreaks = 0;
    }
    this.buffer += s;
  }

  flush(): void {
    const p =
      this.preformatted > 0
        ? this.buffer
            .split(/\r?\n/)
            .map((line) => line.trimEnd())
            .join('\n')
            .trim()
        : this.buffer.replace(/\s+/g, ' ').trim();
    if (p) this.paragraphs.push(p);
    this.buffer = '';
    this.pendingBreaks = 0;
  }
}

/**
 * Paragraphs of an HTML fragment (or whole document).
 *
 * @example
 * htmlToParagraphs('<p>One &amp; two</p><script>x()</script>Three<br><br>Four')
 * // ['One & two', 'Three', 'Four']
 */
export function htmlToParagraphs(html: string): string[] {
  const b = new ParagraphBuilder();
  const n = html.length;
  let i = 0; // start of the text not yet added
  let from = 0; // where to look for the next "<"
  while (i < n) {
    const lt = html.indexOf('<', from);
    if (lt < 0) {
      b.text(decodeEntities(html.slice(i)));
      break;
    }
    const c = html.charCodeAt(lt + 1);
    if (c !== 33 && c !== 63 && !isLetter(c) && !(c === 47 && isLetter(html.charCodeAt(lt + 2)))) {
      from = lt + 1; // "a < b": the "<" is text
      continue;
    }
    if (lt > i) b.text(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
    } else if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      b.text(html.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
    } else if (c === 33 || c === 63) {
      const end = html.indexOf('>', lt + 2); // <!DOCTYPE>, <?xml?>
      i = end < 0 ? n : end + 1;
    } else if (c === 47 && isLetter(html.charCodeAt(lt + 2))) {
      const end = html.indexOf('>', lt + 2);
      b.close(tagName(html, lt + 2));
      i = end < 0 ? n : end + 1;
    } else {
      const name = tagName(html, lt + 1);
      const end = tagEnd(html, lt + 1);
      const selfClosing = html.charCodeAt(end - 2) === 47;
      if (RAW_TEXT.has(name) && !selfClosing) {
        const close = new RegExp(`</${name}\\s*>`, 'ig');
        close.lastIndex = end;
        const m = close.exec(html);
        i = from = m ? m.index + m[0].length : n;
        continue;
      }
      b.open(name, selfClosing);
      i = end;
    }
    from = i;
  }
  b.flush();
  return b.paragraphs;
}

/**
 * Paragraphs of inline XHTML content already parsed as XML (Atom `type="xhtml"`, `xhtml:body`).
 *
 * @example
 * xhtmlToParagraphs(divElement) // ['First paragraph', 'Second paragraph']
 */
export function xhtmlToParagraphs(el: XmlElement): string[] {
  const b = new ParagraphBuilder();
  const walk = (node: XmlNode): void => {
    if (typeof node === 'string') {
      b.text(node);
      return;
    }
    const name = node.local.toLowerCase();
    b.open(name, node.children.length === 0);
    for (const c of node.children) walk(c);
    if (node.children.length > 0) b.close(name);
    else if (BLOCK.has(name)) b.flush();
  };
  for (const c of el.children) walk(c);
  b.flush();
  return b.paragraphs;
}

/**
 * One line of plain text from HTML, for titles and captions.
 *
 * @example
 * htmlToText('Tom &amp; Jerry <em>return</em>') // 'Tom & Jerry return'
 */
export function htmlToText(html: string): string {
  return htmlToParagraphs(html).join(' ');
}

/**
 * Paragraphs of text that is not HTML: blank lines separate paragraphs.
 *
 * @example
 * plainToParagraphs('One\nline.\n\nTwo.') // ['One line.', 'Two.']
 */
export function plainToParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t\r\f\v\u00a0]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Lower-case tag name at `i` (without any namespace prefix). */
function tagName(html: string, i: number): string {
  let j = i;
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 47 || c === 62) break;
    j++;
  }
  const name = html.slice(i, j).toLowerCase();
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** Offset after the `>` that ends the tag starting at `i`, quotes respected. */
function tagEnd(html: string, i: number): number {
  let quote = 0;
  for (let j = i; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return j + 1;
    } else if (c === 60) {
      return j; // a "<" before any ">": the tag was never closed
    }
  }
  return html.length;
}
