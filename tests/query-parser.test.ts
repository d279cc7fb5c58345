import { describe, expect, it } from 'vitest';
import { QuerySyntaxError, type QueryNode } from '../src/main/search/query/ast';
import { parseQuery, QUERY_LIMITS } from '../src/main/search/query/parse';

/** A compact rendering of the AST: (and …), (or …), (not …), title:kaz*, "phrase", source=X, date[a..b]. */
function show(n: QueryNode | null): string {
  if (!n) return 'null';
  switch (n.kind) {
    case 'and':
    case 'or':
      return `(${n.kind} ${n.children.map(show).join(' ')})`;
    case 'not':
      return `(not ${show(n.child)})`;
    case 'term':
      return `${n.field ? `${n.field}:` : ''}${n.text}${n.prefix ? '*' : ''}${n.fuzzy ? `~${n.fuzzy}` : ''}`;
    case 'phrase':
      return `${n.field ? `${n.field}:` : ''}"${n.text}"`;
    case 'meta':
      return `${n.field}=${n.value}${n.prefix ? '*' : ''}`;
    case 'date':
      return `date[${n.from ?? ''}..${n.to ?? ''}]`;
  }
}

const p = (q: string) => show(parseQuery(q));

function errorOf(q: string): QuerySyntaxError {
  try {
    parseQuery(q);
  } catch (e) {
    expect(e).toBeInstanceOf(QuerySyntaxError);
    return e as QuerySyntaxError;
  }
  throw new Error(`expected a QuerySyntaxError for ${JSON.stringify(q.slice(0, 60))}`);
}

/** The error names the problem (`problem`), states the 1-based column, and its span starts there. */
function expectError(q: string, problem: RegExp, column: number): QuerySyntaxError {
  const e = errorOf(q);
  expect(e.message).toMatch(problem);
  expect(e.message).toContain(`column ${column}`);
  expect(e.span.start).toBe(column - 1);
  expect(e.span.end).toBeGreaterThanOrEqual(e.span.start);
  return e;
}

describe('words and boolean structure', () => {
  it('returns null for empty and blank queries', () => {
    expect(parseQuery('')).toBeNull();
    expect(parseQuery('  \t\n\u00a0 ')).toBeNull();
    expect(parseQuery(' , ; ')).toBeNull();
  });

  it('builds a single term with its span', () => {
    expect(parseQuery('  kazakhstan ')).toEqual({
      kind: 'term', field: null, text: 'kazakhstan', prefix: false, fuzzy: 0, span: { start: 2, end: 12 },
    });
  });

  it('joins words with an implicit AND, spanning first to last child', () => {
    expect(parseQuery('csto  troops')).toEqual({
      kind: 'and',
      span: { start: 0, end: 12 },
      children: [
        { kind: 'term', field: null, text: 'csto', prefix: false, fuzzy: 0, span: { start: 0, end: 4 } },
        { kind: 'term', field: null, text: 'troops', prefix: false, fuzzy: 0, span: { start: 6, end: 12 } },
      ],
    });
    expect(p('a AND b')).toBe('(and a b)');
  });

  it('gives NOT > AND > OR precedence', () => {
    expect(p('a b OR c')).toBe('(or (and a b) c)');
    expect(p('a OR b c')).toBe('(or a (and b c))');
    expect(p('a AND b OR c AND d')).toBe('(or (and a b) (and c d))');
    expect(p('NOT a OR b')).toBe('(or (not a) b)');
    expect(p('NOT a b')).toBe('(and (not a) b)');
    expect(p('a OR -b')).toBe('(or a (not b))');
  });

  it('treats lowercase and/or/not and mixed case as ordinary words', () => {
    expect(p('war and peace or not')).toBe('(and war and peace or not)');
    expect(p('a Or b')).toBe('(and a Or b)');
  });

  it('groups with parentheses and flattens nested ANDs and ORs', () => {
    expect(p('(a OR b) c')).toBe('(and (or a b) c)');
    expect(p('a (b c) d')).toBe('(and a b c d)');
    expect(p('a OR (b OR (c OR d))')).toBe('(or a b c d)');
    expect(p('((a))')).toBe('a');
    const or = parseQuery('x (a OR b)');
    expect(or?.kind).toBe('and');
    expect(or?.span).toEqual({ start: 0, end: 9 }); // from x to b; the closing paren is not a child
  });

  it('negates with NOT and a leading -, including phrases, fields and groups', () => {
    expect(parseQuery('-oil')).toEqual({
      kind: 'not',
      span: { start: 0, end: 4 },
      child: { kind: 'term', field: null, text: 'oil', prefix: false, fuzzy: 0, span: { start: 1, end: 4 } },
    });
    expect(p('NOT a')).toBe('(not a)');
    expect(p('-a -b')).toBe('(and (not a) (not b))');
    expect(p('-"peace keeping" -title:x -(a OR b) -source:tass')).toBe(
      '(and (not "peace keeping") (not title:x) (not (or a b)) (not source=tass))',
    );
    expect(parseQuery('NOT (a b)')?.span).toEqual({ start: 0, end: 9 });
    expect(p('--a')).toBe('(not (not a))');
  });

  it('reads - inside a word as part of it, and + at the start as nothing', () => {
    expect(p('covid-19 vaccine')).toBe('(and covid-19 vaccine)');
    expect(p('(a)-b')).toBe('(and a -b)');
    expect(parseQuery('+kazakhstan')).toMatchObject({ kind: 'term', text: 'kazakhstan', span: { start: 0, end: 11 } });
    expect(p('+a +"b c" + d')).toBe('(and a "b c" d)');
    expect(p('+OR -AND')).toBe('(and OR (not AND))');
    expect(p('-(a OR b)')).toBe('(not (or a b))');
  });

  it('splits on , ; ! ? and any white space, keeps other punctuation in words', () => {
    expect(p('oil,gas;coal!  wind?\tsun\nmoon\u00a0tide')).toBe('(and oil gas coal wind sun moon tide)');
    expect(p("U.S. O'Brien a/b AT&T")).toBe("(and U.S. O'Brien a/b AT&T)");
  });

  it('keeps Unicode words as they are', () => {
    expect(p('заявил Zelenskyy São')).toBe('(and заявил Zelenskyy São)');
  });
});

describe('phrases, prefixes and fuzzy words', () => {
  it('reads straight and typographic quotes, trimming the inside', () => {
    expect(parseQuery('say "  peace keeping "')).toMatchObject({
      children: [{ text: 'say' }, { kind: 'phrase', field: null, text: 'peace keeping', span: { start: 4, end: 22 } }],
    });
    expect(p('“peace keeping” force')).toBe('(and "peace keeping" force)');
    expect(p('"a, b! c?"')).toBe('"a, b! c?"');
  });

  it('reads prefix and fuzzy suffixes', () => {
    expect(parseQuery('kazakh*')).toMatchObject({ kind: 'term', text: 'kazakh', prefix: true, fuzzy: 0 });
    expect(p('kazakstan~ kazakstan~1 kazakstan~2')).toBe('(and kazakstan~1 kazakstan~1 kazakstan~2)');
    expect(parseQuery('kazakstan~0')).toMatchObject({ text: 'kazakstan', fuzzy: 0, prefix: false, span: { start: 0, end: 11 } });
    expect(p('ab*')).toBe('ab*');
    expect(p('a~b')).toBe('a~b');
  });

  it('rejects bad prefixes and fuzziness', () => {
    expectError('x k*', /prefix needs at least 2 letters/, 3);
    expectError('*', /\* on its own/, 1);
    expectError('ka*zakh', /Misplaced \*/, 3);
    expectError('*kazakh', /Misplaced \*/, 1);
    expectError('word~3', /fuzzy matching allows 1 or 2 edits/i, 1);
    expectError('a word~10', /fuzzy matching allows 1 or 2 edits/i, 3);
    expectError('kaz*~', /both prefix and fuzzy/, 1);
    expectError('kaz~1*', /both prefix and fuzzy/, 1);
    expectError('"a b"~2', /phrase cannot take ~/, 6);
  });
});

describe('fields', () => {
  it('applies title:/body: to words, phrases and groups', () => {
    expect(parseQuery('title:kaz*')).toEqual({
      kind: 'term', field: 'title', text: 'kaz', prefix: true, fuzzy: 0, span: { start: 0, end: 10 },
    });
    expect(p('body:kaz~2')).toBe('body:kaz~2');
    expect(parseQuery('title:"peace keeping"')).toEqual({
      kind: 'phrase', field: 'title', text: 'peace keeping', span: { start: 0, end: 21 },
    });
    expect(p('title:(csto OR nato)')).toBe('(or title:csto title:nato)');
    expect(p('title:(a "b c" (d -e) title:f source:x)')).toBe(
      '(and title:a title:"b c" title:d (not title:e) title:f source=x)',
    );
    expect(p('Title:x BODY:y')).toBe('(and title:x body:y)');
  });

  it('rejects a different text field inside a fielded group', () => {
    expectError('title:(a body:b)', /body: cannot be used inside title:/, 10);
    expectError('title:(a body:(b))', /body: cannot be used inside title:/, 10);
  });

  it('reads metadata fields', () => {
    expect(parseQuery('source:Interfax')).toEqual({
      kind: 'meta', field: 'source', value: 'Interfax', prefix: false, exact: false, span: { start: 0, end: 15 },
    });
    // A quoted value is the whole value; with * it is a prefix again.
    expect(parseQuery('source:"Reuters"')).toMatchObject({ value: 'Reuters', exact: true });
    expect(parseQuery('author:"Ned Pr"*')).toMatchObject({ value: 'Ned Pr', exact: false, prefix: true });
    expect(p('author:"Ned Price" agency:TASS tag:energy speaker:Blinken')).toBe(
      '(and author=Ned Price agency=TASS tag=energy speaker=Blinken)',
    );
    expect(parseQuery('place:wash*')).toMatchObject({ kind: 'meta', field: 'place', value: 'wash', prefix: true });
    expect(p('lang:RU LANG:En')).toBe('(and lang=ru lang=en)');
    expect(p('author:“ Ned Price ”')).toBe('author=Ned Price');
  });

  it('rejects groups and empty values on metadata fields', () => {
    expectError('a source:(x OR y)', /source: takes a value, not a group/, 3);
    expectError('title: kazakhstan', /Empty value/, 1);
    expectError('a source:', /Empty value/, 3);
    expectError('author:""', /Empty value/, 1);
    expectError('place:w*', /prefix needs at least 2 letters/, 7);
  });

  it('rejects unknown fields and lists the known ones', () => {
    const e = expectError('oil foo:bar', /Unknown field "foo"/, 5);
    expect(e.span).toEqual({ start: 4, end: 7 });
    for (const f of ['title', 'body', 'source', 'lang', 'speaker', 'date', 'after', 'before']) expect(e.message).toContain(f);
    expectError('Moscow:(a)', /Unknown field "Moscow"/, 1);
  });

  it('reads times, scores, URLs and a trailing colon as ordinary words', () => {
    expect(p('10:30 1:0 a1:b')).toBe('(and 10:30 1:0 a1:b)');
    expect(p('http://x.org/a https://t.co ftp://h')).toBe('(and http://x.org/a https://t.co ftp://h)');
    expect(p('Reuters: oil')).toBe('(and Reuters: oil)');
  });
});

describe('dates', () => {
  const d = (q: string) => {
    const n = parseQuery(q);
    expect(n?.kind).toBe('date');
    return n?.kind === 'date' ? [n.from, n.to] : null;
  };

  it('reads a day, a month and a year', () => {
    expect(parseQuery('date:2022-01-10')).toEqual({ kind: 'date', from: '2022-01-10', to: '2022-01-10', span: { start: 0, end: 15 } });
    expect(d('date:2022-01')).toEqual(['2022-01-01', '2022-01-31']);
    expect(d('date:2022-04')).toEqual(['2022-04-01', '2022-04-30']);
    expect(d('date:2022')).toEqual(['2022-01-01', '2022-12-31']);
    expect(d('date:2022-1-5')).toEqual(['2022-01-05', '2022-01-05']);
  });

  it('knows leap years', () => {
    expect(d('date:2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(d('date:2023-02')).toEqual(['2023-02-01', '2023-02-28']);
    expect(d('date:1900-02')).toEqual(['1900-02-01', '1900-02-28']);
    expect(d('date:2000-02')).toEqual(['2000-02-01', '2000-02-29']);
    expect(d('date:2024-02-29')).toEqual(['2024-02-29', '2024-02-29']);
    expectError('date:2023-02-29', /Not a valid date/, 6);
  });

  it('reads ranges, closed and open', () => {
    expect(d('date:2022-01..2022-03')).toEqual(['2022-01-01', '2022-03-31']);
    expect(d('date:2021..2022-02-15')).toEqual(['2021-01-01', '2022-02-15']);
    expect(d('date:2022-01..')).toEqual(['2022-01-01', null]);
    expect(d('date:..2022-02-15')).toEqual([null, '2022-02-15']);
    expect(d('date:2022-01-10..2022-01-10')).toEqual(['2022-01-10', '2022-01-10']);
  });

  it('reads after: and before: as strict bounds', () => {
    expect(d('after:2022-01-10')).toEqual(['2022-01-11', null]);
    expect(d('after:2022-01')).toEqual(['2022-02-01', null]);
    expect(d('after:2024-02-28')).toEqual(['2024-02-29', null]);
    expect(d('after:2022')).toEqual(['2023-01-01', null]);
    expect(d('before:2022-01-10')).toEqual([null, '2022-01-09']);
    expect(d('before:2024-03')).toEqual([null, '2024-02-29']);
    expect(d('before:2022')).toEqual([null, '2021-12-31']);
  });

  it('negates and ORs dates like anything else', () => {
    expect(p('oil -date:2022-01 OR after:2023')).toBe('(or (and oil (not date[2022-01-01..2022-01-31])) date[2024-01-01..])');
  });

  it('rejects invalid dates and reversed ranges, pointing at the value', () => {
    expectError('date:2022-13-01', /Not a valid date.*2022-13-01/, 6);
    expectError('oil date:2022-02-30', /Not a valid date/, 10);
    expectError('date:22-01-01', /Not a valid date/, 6);
    expectError('after:yesterday', /Not a valid date.*yesterday/, 7);
    expectError('date:2022-01..2022-13', /Not a valid date.*2022-13/, 15);
    expectError('date:2022-03..2022-02', /starts after it ends/, 6);
    expectError('date:..', /needs a start or an end/, 6);
    expectError('date:(2022)', /date: takes a value, not a group/, 1);
  });
});

describe('syntax errors', () => {
  it('reports unclosed quotes', () => {
    const e = expectError('kazakhstan "peace keeping', /Unclosed quote: the phrase starting at column 12 has no closing "/, 12);
    expect(e.span).toEqual({ start: 11, end: 25 });
    expectError('“peace', /Unclosed quote/, 1);
    expectError('a ""', /Empty phrase/, 3);
  });

  it('reports unbalanced parentheses at the culprit', () => {
    expectError('(a (b) c', /Unclosed parenthesis/, 1);
    expectError('a (b (c)', /Unclosed parenthesis/, 3);
    expectError('title:(a', /Unclosed parenthesis/, 7);
    expectError('a b) c', /Unmatched \)/, 4);
    expectError(') a', /Unmatched \)/, 1);
    expectError('(a)) b', /Unmatched \)/, 4);
    expectError('a ( ) b', /Empty parentheses/, 3);
    expectError('title:()', /Empty parentheses/, 7);
  });

  it('reports operators with a side missing', () => {
    expectError('a OR', /Nothing after OR/, 3);
    expectError('OR a', /Nothing before OR/, 1);
    expectError('a OR OR b', /Nothing after OR/, 3);
    expectError('a AND', /Nothing after AND/, 3);
    expectError('AND a', /Nothing before AND/, 1);
    expectError('a (OR b)', /Nothing before OR/, 4);
    expectError('a AND OR b', /Nothing after AND/, 3);
    expectError('(a OR) b', /Nothing after OR/, 4);
  });

  it('reports NOT and - with nothing after', () => {
    expectError('a NOT', /Nothing after NOT/, 3);
    expectError('NOT', /Nothing after NOT/, 1);
    expectError('(a NOT) b', /Nothing after NOT/, 4);
    expectError('a -', /Nothing after -/, 3);
    expectError('a - b', /Nothing after -/, 3);
    expectError('(a -)', /Nothing after -/, 4);
  });
});

describe('limits and pathological input', () => {
  const timed = <T>(fn: () => T): [T, number] => {
    const t0 = performance.now();
    const r = fn();
    return [r, performance.now() - t0];
  };

  it('stops a 10,000-word query at the term limit, quickly', () => {
    const q = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ');
    const [e, ms] = timed(() => errorOf(q));
    expect(e.message).toMatch(/Too many terms/);
    const at = q.indexOf(` w${QUERY_LIMITS.maxTerms} `) + 1; // the 1001st word
    expect(e.span.start).toBe(at);
    expect(e.message).toContain(`column ${at + 1}`);
    expect(ms).toBeLessThan(1000);
  });

  it('counts phrases and field items toward the term limit', () => {
    const q = `${'"a b" source:x '.repeat(500)}c`;
    expect(errorOf(q).message).toMatch(/Too many terms/);
    const ok = Array.from({ length: QUERY_LIMITS.maxTerms }, (_, i) => `w${i}`).join(' ');
    const [node, ms] = timed(() => parseQuery(ok));
    expect(node?.kind === 'and' && node.children.length).toBe(1000);
    expect(ms).toBeLessThan(1000);
  });

  it('rejects a query over the length limit', () => {
    const q = `${'kazakhstan '.repeat(1_818)}oil`; // 20,001 characters, < 1,000 words before the limit
    expect(q.length).toBeGreaterThan(20_000);
    const [e, ms] = timed(() => errorOf(q));
    expect(e.message).toMatch(/too long: 20001 characters.*limit is 10000/);
    expect(e.span).toEqual({ start: 10_000, end: q.length });
    expect(ms).toBeLessThan(1000);
    expect(errorOf('x'.repeat(20_000)).message).toMatch(/too long/);
    expect(parseQuery('x'.repeat(10_000))).toMatchObject({ kind: 'term' });
  });

  it('throws a QuerySyntaxError, not a RangeError, for 100,000 open parentheses', () => {
    const [e, ms] = timed(() => errorOf('('.repeat(100_000)));
    expect(e).toBeInstanceOf(QuerySyntaxError);
    expect(e.message).toMatch(/Too deeply nested/);
    expect(ms).toBeLessThan(1000);
    expect(errorOf(`${'-'.repeat(50_000)}a`).message).toMatch(/Too deeply nested/);
    expect(errorOf(`${'NOT '.repeat(2_000)}a`).message).toMatch(/Too deeply nested/);
  });

  it('allows exactly maxDepth levels of nesting', () => {
    const n = QUERY_LIMITS.maxDepth;
    expect(p(`${'('.repeat(n)}a${')'.repeat(n)}`)).toBe('a');
    expectError(`${'('.repeat(n + 1)}a${')'.repeat(n + 1)}`, /Too deeply nested/, n + 1);
  });

  it('handles unbalanced quotes and parentheses in long queries', () => {
    expectError(`${'a '.repeat(400)}"b ${'c '.repeat(400)}`, /Unclosed quote/, 801);
    expectError(`${'(a '.repeat(20)}${'b) '.repeat(19)}`, /Unclosed parenthesis/, 1);
    expectError(`${'a) '.repeat(3)}`, /Unmatched \)/, 2);
  });
});
