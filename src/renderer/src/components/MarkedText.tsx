import { Fragment, type ReactNode } from 'react';

/** A statement's place in a paragraph, for the reader's speaker colours. */
export interface StatementMark {
  id: number;
  /** [start, end) relative to the paragraph. */
  start: number;
  end: number;
  /** Colour slot of its speaker (0–5), and the speaker's name for the tooltip. */
  colour: number;
  speaker: string;
  current: boolean;
}

interface Props {
  text: string;
  /** Search matches: [start, end) relative to the text, in order, not overlapping. */
  matches: Array<[number, number]>;
  /** The number of the first match (`data-match`), for match navigation. */
  first: number;
  /** The current match number. */
  current: number;
  statements: StatementMark[];
}

/**
 * Text with two layers marked: the search's matches (numbered `mark`s) and statements
 * (underlined in their speaker's colour). Rendered as text nodes, never as HTML. The text is
 * cut wherever either layer starts or ends, so the two can overlap freely.
 */
export function MarkedText({ text, matches, first, current, statements }: Props) {
  const cuts = new Set<number>([0, text.length]);
  for (const [s, e] of matches) cuts.add(s).add(e);
  for (const m of statements) cuts.add(Math.max(0, m.start)).add(Math.min(text.length, m.end));
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const parts = [];
  let k = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (k < matches.length && matches[k]![1] <= a) k++;
    const inMatch = k < matches.length && matches[k]![0] <= a ? k : -1;
    const stmt = statements.find((m) => m.start <= a && m.end >= b);
    let node: ReactNode = text.slice(a, b);
    if (inMatch >= 0) {
      const n = first + inMatch;
      node = (
        <mark data-match={n} className={n === current ? 'current' : undefined}>
          {node}
        </mark>
      );
    }
    if (stmt) {
      node = (
        <span
          className={`stmt speaker-${stmt.colour}${stmt.current ? ' current-statement' : ''}`}
          data-statement={stmt.id}
          title={`Statement by ${stmt.speaker}`}
        >
          {node}
        </span>
      );
    }
    parts.push(<Fragment key={a}>{node}</Fragment>);
  }
  return <>{parts}</>;
}
