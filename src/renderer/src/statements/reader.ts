/** Helpers for the reader's statements layer: speaker colours and text selections. */
import type { Statement } from '../../../shared/types';

/** How many speaker colours the stylesheet has (`.speaker-0` … `.speaker-5`; 5 is for the unknown). */
const COLOURS = 5;

/**
 * A colour slot per speaker (person id; -1 for statements without one), in order of first
 * appearance in the text, so the same article always gets the same colours.
 */
export function speakerColours(statements: Statement[]): Map<number, number> {
  const out = new Map<number, number>();
  let next = 0;
  for (const s of [...statements].sort((a, b) => a.quote.start - b.quote.start)) {
    const id = s.speaker?.personId ?? -1;
    if (out.has(id)) continue;
    out.set(id, id === -1 ? COLOURS : next++ % COLOURS);
  }
  return out;
}

/**
 * Where a selection inside the reader's text lies in the stored body: paragraphs carry their
 * body offset in `data-start`, and the offset within one is the length of the text before the
 * selection point. Null when nothing (or something outside the text) is selected.
 */
export function selectionIn(container: HTMLElement, selection: Selection | null, body: string): { start: number; end: number; text: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = offsetOf(container, range.startContainer, range.startOffset);
  const b = offsetOf(container, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  // Trim the spaces a drag picks up at either end.
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? { start, end, text: body.slice(start, end) } : null;
}

function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const p = el?.closest<HTMLElement>('p[data-start]');
  if (!p || !container.contains(p)) return null;
  const before = document.createRange();
  before.setStart(p, 0);
  before.setEnd(node, offset);
  return Number(p.dataset.start) + before.toString().length;
}
