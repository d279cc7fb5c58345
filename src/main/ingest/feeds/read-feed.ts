/**
 * Reading an RSS or Atom file: checks well-formedness, builds the tree, picks the format.
 */
import { XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../errors';
import type { ParsedArticle, ReaderInput } from '../parsed';
import { readAtom } from './atom';
import { isKnownEntity } from './entities';
import { readRss } from './rss';
import { buildXmlTree, describePosition, type XmlElement } from './xml-tree';

/**
 * Articles from an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 feed, one per item or entry, in feed order.
 * Not well-formed feeds are read leniently (with a warning on every article) when the document
 * is complete; a truncated or unreadable file, or one that is not a feed, is an `ImportError`.
 *
 * @example
 * readFeed({ text: decodeBytes(bytes).text, fileName: 'guardian.rss' })
 * // [{ title: 'Trump State of the Union address ...', paragraphs: [...], summaryOnly: true, ... }]
 */
export function readFeed(input: ReaderInput): ParsedArticle[] {
  // A byte-order mark or blank lines before the XML declaration are harmless; drop them.
  const lead = /^[\ufeff\s]*/.exec(input.text)![0];
  const text = input.text.slice(lead.length);
  if (!text) throw new ImportError('the feed is empty');
  const lineShift = lead.split('\n').length - 1;

  const validation = XMLValidator.validate(text);
  const tree = buildXmlTree(text);
  const warnings: string[] = [];
  // Redeclaring a standard entity (`<!ENTITY nbsp "&#160;">`) changes nothing; others stay as written.
  const unexpanded = tree.declaredEntities.filter((name) => !isKnownEntity(name));
  if (unexpanded.length > 0) {
    warnings.push(`The feed declares its own entities (${unexpanded.slice(0, 5).join(', ')}); they were not expanded.`);
  }

  const root = tree.roots.find((r) => feedKind(r) !== null);
  if (validation !== true) {
    const { line, col } = validation.err;
    const msg = validation.err.msg.replace(/\.$/, '');
    const where = `line ${line + lineShift}, column ${col}`;
    if (!root) throw new ImportError(`malformed XML: ${msg} (${where})`);
    // A document that ends inside an element was cut off: its last item cannot be trusted.
    if (!root.closed) {
      const open = deepestOpen(root);
      throw new ImportError(
        `malformed XML: the file ends inside <${open.name}> opened at ${shift(describePosition(text, open.start), lineShift)}; it looks truncated`,
      );
    }
    warnings.push(`The feed is not well-formed XML (${msg}, ${where}); it was read leniently.`);
  }
  if (!root) {
    const first = tree.roots[0];
    throw new ImportError(first ? `not an RSS or Atom feed: the document is <${first.name}>` : 'not an RSS or Atom feed: no XML elements');
  }
  return feedKind(root) === 'atom' ? readAtom(root, warnings) : readRss(root, warnings);
}

/**
 * True when the text opens (after any XML declaration, comments and DOCTYPE) with an `rss`,
 * RSS 1.0 `rdf:RDF` or Atom `feed` element.
 *
 * @example
 * looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0"><channel>...') // true
 * looksLikeFeed('<!DOCTYPE html><html>...') // false
 */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 16384);
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(skipProlog(head)));
  if (!m) return false;
  const name = m[1]!;
  if (name === 'rss' || name === 'feed' || name.endsWith(':feed')) return true;
  // RDF is used for other things too; RSS 1.0 and 0.90 declare their own namespace or a channel.
  return /^(?:\w+:)?RDF$/.test(name) && /purl\.org\/rss\/1\.0|netscape\.com\/rdf\/simple|<(?:\w+:)?channel\b/.test(head);
}

/** Offset of the first element: after white space, the XML declaration, comments, PIs and a DOCTYPE. */
function skipProlog(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /[\ufeff\s]/.test(s[i]!)) i++;
    let end = -1;
    if (s.startsWith('<?', i)) end = s.indexOf('?>', i) + 2;
    else if (s.startsWith('<!--', i)) end = s.indexOf('-->', i) + 3;
    else if (s.startsWith('<!', i)) {
      const bracket = s.indexOf('[', i);
      const gt = s.indexOf('>', i);
      end = (bracket >= 0 && bracket < gt ? s.indexOf('>', Math.max(s.indexOf(']', bracket), bracket)) : gt) + 1;
    }
    if (end <= 0) return i; // no prolog item here (or an unterminated one)
    i = end;
  }
}

function feedKind(el: XmlElement): 'rss' | 'atom' | null {
  if (el.name === 'rss' || el.name === 'rdf:RDF' || el.local === 'RDF') return 'rss';
  if (el.name === 'atom:feed' || el.name === 'feed') return 'atom';
  return null;
}

function deepestOpen(el: XmlElement): XmlElement {
  let current = el;
  for (;;) {
    const last = current.children[current.children.length - 1];
    if (!last || typeof last === 'string' || last.closed) return current;
    current = last;
  }
}

function shift(position: string, lines: number): string {
  return lines === 0 ? position : position.replace(/line (\d+)/, (_, l: string) => `line ${Number(l) + lines}`);
}
