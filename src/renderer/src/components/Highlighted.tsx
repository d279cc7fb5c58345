/** Text with some spans marked (search matches). Rendered as text nodes: never as HTML. */
export function Highlighted({ text, spans }: { text: string; spans: Array<[number, number]> }) {
  const parts: Array<string | { mark: string }> = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    parts.push(text.slice(at, s), { mark: text.slice(s, e) });
    at = e;
  }
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>))}
    </>
  );
}
