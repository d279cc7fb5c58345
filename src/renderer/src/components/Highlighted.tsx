interface Props {
  text: string;
  /** [start, end) offsets into `text`, in order; an overlapping span is skipped. */
  spans: Array<[number, number]>;
  /** Number the marks from here (`data-match`), for match navigation. */
  first?: number;
  /** The number of the current match: its mark gets class `current`. */
  current?: number;
}

/** Text with some spans marked (search matches). Rendered as text nodes: never as HTML. */
export function Highlighted({ text, spans, first, current }: Props) {
  const parts: Array<string | { mark: string; n: number }> = [];
  let at = 0;
  spans.forEach(([s, e], i) => {
    if (s < at || e <= s) return;
    parts.push(text.slice(at, s), { mark: text.slice(s, e), n: i });
    at = e;
  });
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) => {
        if (typeof p === 'string') return p;
        if (first === undefined) return <mark key={i}>{p.mark}</mark>;
        const n = first + p.n;
        return (
          <mark key={i} data-match={n} className={n === current ? 'current' : undefined}>
            {p.mark}
          </mark>
        );
      })}
    </>
  );
}
