/**
 * The phrases of an FTS5 expression, for the ranking extension's document counts
 * (native/rank/wirewatch_rank.c): FTS5 numbers a query's phrases in the order they are written,
 * and counts each one's rows as a query of its own, with the column filter it stands under.
 */

/**
 * Each phrase of an expression as Wirewatch writes them (plan.ts, tiered-top.ts), in FTS5's
 * order, written as an expression of its own: its column filter, if any, then the quoted phrase
 * (`*` kept for a prefix). Null for anything else (a bare word, NEAR, `^`, `-{…}`, column filters
 * one inside another): the extension then counts the rows itself, as bm25() does.
 *
 * @example
 *   phrasesOf('("§en·oil" AND {title_stems} : "§en·price") OR "brent"*')
 *   // ['"§en·oil"', '{title_stems} : "§en·price"', '"brent"*']
 */
export function phrasesOf(expression: string): string[] | null {
  const out: string[] = [];
  // The column filter of each open parenthesis ('' for none), innermost last.
  const groups: string[] = [];
  let pending = '';
  let i = 0;
  const n = expression.length;
  while (i < n) {
    const c = expression[i]!;
    if (c === ' ') {
      i++;
    } else if (c === '{') {
      const end = expression.indexOf('}', i);
      if (end < 0 || pending) return null;
      const filter = expression.slice(i, end + 1);
      i = end + 1;
      while (expression[i] === ' ') i++;
      if (expression[i] !== ':') return null;
      i++;
      pending = filter;
    } else if (c === '(') {
      const outer = groups.length ? groups[groups.length - 1]! : '';
      if (pending && outer) return null;
      groups.push(pending || outer);
      pending = '';
      i++;
    } else if (c === ')') {
      if (pending || groups.pop() === undefined) return null;
      i++;
    } else if (c === '"') {
      // A quoted phrase; "" inside is a quote.
      let j = i + 1;
      for (;;) {
        const q = expression.indexOf('"', j);
        if (q < 0) return null;
        if (expression[q + 1] === '"') j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
      if (expression[j] === '*') j++;
      const outer = groups.length ? groups[groups.length - 1]! : '';
      if (pending && outer) return null;
      const filter = pending || outer;
      out.push(filter ? `${filter} : ${expression.slice(i, j)}` : expression.slice(i, j));
      pending = '';
      i = j;
    } else {
      const word = /^(AND|OR|NOT)(?=[ ("{]|$)/.exec(expression.slice(i, i + 4));
      if (!word || pending) return null;
      i += word[1]!.length;
    }
  }
  return groups.length === 0 && !pending ? out : null;
}
