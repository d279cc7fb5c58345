/**
 * The query parser: text → QueryNode (see ast.ts). A hand-written lexer feeds a
 * recursive-descent parser one token at a time, so errors come out in reading order and a
 * pathological query stops at the first limit it breaks instead of being scanned to the end.
 *
 * Grammar (NOT binds tightest, then AND — explicit or implied by juxtaposition — then OR):
 *   query   := or EOF
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*
 *   unary   := ("NOT" | "-")* primary
 *   primary := item | [textField ":"] "(" or ")"
 */
import {
  QuerySyntaxError,
  type DateNode,
  type MetaField,
  type MetaNode,
  type QueryNode,
  type Span,
  type TermNode,
  type TextField,
} from './ast';
import { parseDayRange, shiftDay } from './dates';

/** Hard limits that keep parsing (and everything after it) bounded. */
export const QUERY_LIMITS = Object.freeze({ maxLength: 10_000, maxTerms: 1_000, maxDepth: 32 });

const TEXT_FIELDS: readonly string[] = ['title', 'body'] satisfies TextField[];
const META_FIELDS: readonly string[] = [
  'source', 'agency', 'author', 'lang', 'place', 'tag', 'speaker',
] satisfies MetaField[];
const DATE_FIELDS: readonly string[] = ['date', 'after', 'before'];
const KNOWN_FIELDS = [...TEXT_FIELDS, ...META_FIELDS, ...DATE_FIELDS].join(', ');

const QUOTES = '"“”';
const SPACE_RE = /[\s,;!?]+/y; // \s covers tabs, newlines, NBSP; , ; ! ? never belong to a word
const WORD_RE = /[^\s,;!?()"“”]+/y;
const QUOTE_RE = /["“”]/g;
const FIELD_RE = /(\p{L}+):/uy;
const VALUE_MISSING_RE = /^$|[\s,;!?)]/; // what may follow `name:` when there is no value
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/gu;

type Token =
  | { type: 'item'; node: QueryNode; start: number; end: number }
  | { type: 'lparen'; field: TextField | null; paren: number; start: number; end: number }
  | { type: 'not'; label: 'NOT' | '-'; start: number; end: number }
  | { type: 'rparen' | 'or' | 'and' | 'eof'; start: number; end: number };

const col = (offset: number): number => offset + 1;
const fail = (message: string, start: number, end: number): QuerySyntaxError =>
  new QuerySyntaxError(message, { start, end: Math.max(end, start) });

class Lexer {
  private pos = 0;
  /** A `-` or `+` here is an operator: start of the query, or after white space, `(`, `-`, `+`. */
  private itemStart = true;
  private items = 0;
  /** Just after a `-`: the next word is a word even if it reads OR/AND/NOT. */
  private literal = false;

  constructor(private readonly text: string) {}

  next(): Token {
    const tok = this.scan();
    // Checked per token rather than up front, so the first problem in reading order is the
    // one reported; either way nothing past one token beyond the limit is ever examined.
    if (tok.end > QUERY_LIMITS.maxLength) {
      throw fail(
        `The query is too long: ${this.text.length} characters, and the limit is ${QUERY_LIMITS.maxLength} (column ${col(QUERY_LIMITS.maxLength)} is past it)`,
        QUERY_LIMITS.maxLength,
        this.text.length,
      );
    }
    if (tok.type === 'item' && ++this.items > QUERY_LIMITS.maxTerms) {
      throw fail(
        `Too many terms: a query may hold at most ${QUERY_LIMITS.maxTerms} words, phrases and field filters, and the one at column ${col(tok.start)} is over the limit`,
        tok.start,
        tok.end,
      );
    }
    return tok;
  }

  private scan(): Token {
    const { text } = this;
    let signStart = -1; // where a leading `+` started, so the item's span includes it
    const afterMinus = this.literal;
    this.literal = false;
    for (;;) {
      SPACE_RE.lastIndex = this.pos;
      if (SPACE_RE.test(text)) {
        this.pos = SPACE_RE.lastIndex;
        this.itemStart = true;
      }
      const start = signStart >= 0 ? signStart : this.pos;
      if (this.pos >= text.length) return { type: 'eof', start: text.length, end: text.length };
      const ch = text[this.pos]!;
      if (ch === '(') {
        this.pos++;
        this.itemStart = true;
        return { type: 'lparen', field: null, paren: this.pos - 1, start, end: this.pos };
      }
      if (ch === ')') {
        this.pos++;
        this.itemStart = false;
        return { type: 'rparen', start: this.pos - 1, end: this.pos };
      }
      if (this.itemStart && (ch === '-' || ch === '+')) {
        const after = text[this.pos + 1] ?? '';
        if (VALUE_MISSING_RE.test(after)) {
          if (ch === '+') {
            this.pos++; // a lone `+` adds nothing; skip it like punctuation
            continue;
          }
          throw fail(
            `Nothing after - at column ${col(this.pos)}: write the minus right before what to exclude, with no space (as in -word)`,
            this.pos,
            this.pos + 1,
          );
        }
        this.pos++;
        if (ch === '-') {
          this.literal = true;
          return { type: 'not', label: '-', start, end: this.pos };
        }
        signStart = start;
        continue;
      }
      const signed = signStart >= 0 || afterMinus;
      this.itemStart = false;
      if (QUOTES.includes(ch)) return this.phrase(start, this.pos, null);
      const field = this.field(start);
      if (field) return field;
      const word = this.word(this.pos);
      // Keywords are uppercase only, and `-OR` / `+AND` are the words themselves.
      if (!signed && (word === 'OR' || word === 'AND')) {
        return { type: word === 'OR' ? 'or' : 'and', start, end: this.pos };
      }
      if (!signed && word === 'NOT') {
        this.itemStart = true;
        return { type: 'not', label: 'NOT', start, end: this.pos };
      }
      return this.item(termNode(word, this.pos - word.length, null, start));
    }
  }

  private item(node: QueryNode): Token {
    return { type: 'item', node, start: node.span.start, end: node.span.end };
  }

  /** Reads a word at `from` (there must be one) and leaves `pos` after it. */
  private word(from: number): string {
    WORD_RE.lastIndex = from;
    const m = WORD_RE.exec(this.text);
    this.pos = from + (m ? m[0].length : 0);
    return m ? m[0] : '';
  }

  /** Reads a quoted string whose opening quote is at `open`; any of " “ ” closes it. */
  private quoted(open: number): string {
    QUOTE_RE.lastIndex = open + 1;
    const close = QUOTE_RE.exec(this.text);
    if (!close) {
      throw fail(
        `Unclosed quote: the phrase starting at column ${col(open)} has no closing "`,
        open,
        this.text.length,
      );
    }
    this.pos = close.index + 1;
    return this.text.slice(open + 1, close.index).trim();
  }

  private phrase(start: number, open: number, field: TextField | null): Token {
    const inner = this.quoted(open);
    if (!inner) throw fail(`Empty phrase at column ${col(open)}: there is nothing between the quotes`, open, this.pos);
    const next = this.text[this.pos];
    if (next === '*' || next === '~') {
      throw fail(`A phrase cannot take ${next} (column ${col(this.pos)}): use it on a single word`, this.pos, this.pos + 1);
    }
    return this.item({ kind: 'phrase', field, text: inner, span: { start, end: this.pos } });
  }

  /** `name:value` at the current position, or null when the token is an ordinary word. */
  private field(start: number): Token | null {
    const { text } = this;
    FIELD_RE.lastIndex = this.pos;
    const m = FIELD_RE.exec(text);
    if (!m) return null; // includes names with digits (10:30, 1:0): not letters-only
    const nameAt = this.pos;
    const name = m[1]!.toLowerCase();
    const valueAt = nameAt + m[0].length;
    const next = text[valueAt] ?? '';
    const missing = VALUE_MISSING_RE.test(next);
    if (name === 'http' || name === 'https' || text.startsWith('//', valueAt)) return null; // a URL
    const known = TEXT_FIELDS.includes(name) || META_FIELDS.includes(name) || DATE_FIELDS.includes(name);
    if (!known) {
      if (missing) return null; // `Note:` / `Reuters:` as pasted text: an ordinary word
      throw fail(
        `Unknown field "${m[1]}" at column ${col(nameAt)}: the known fields are ${KNOWN_FIELDS}`,
        nameAt,
        nameAt + m[1]!.length,
      );
    }
    if (missing) {
      throw fail(
        `Empty value: ${name}: at column ${col(nameAt)} must be followed by a value, with no space after the colon`,
        nameAt,
        valueAt,
      );
    }
    if (TEXT_FIELDS.includes(name)) {
      const field = name as TextField;
      if (next === '(') {
        this.pos = valueAt + 1;
        this.itemStart = true;
        return { type: 'lparen', field, paren: valueAt, start, end: this.pos };
      }
      if (QUOTES.includes(next)) return this.phrase(start, valueAt, field);
      const word = this.word(valueAt);
      return this.item(termNode(word, valueAt, field, start));
    }
    if (next === '(') {
      throw fail(`${name}: takes a value, not a group (column ${col(nameAt)})`, nameAt, valueAt + 1);
    }
    const quoted = QUOTES.includes(next);
    let value = quoted ? this.quoted(valueAt) : this.word(valueAt);
    if (DATE_FIELDS.includes(name)) return this.item(dateNode(name, value, start, valueAt, this.pos));
    let prefix = false;
    if (quoted && text[this.pos] === '*') {
      prefix = true; // author:"Ned Pr"*
      this.pos++;
    }
    if (value.endsWith('*')) {
      prefix = true;
      value = value.slice(0, -1).trimEnd();
    }
    if (value.includes('*')) {
      throw fail(`Misplaced * in ${name}: at column ${col(nameAt)}: * can only end the value (as in ${name}:wash*)`, valueAt, this.pos);
    }
    if (!value) throw fail(`Empty value: ${name}: at column ${col(nameAt)} has nothing to match`, nameAt, this.pos);
    if (prefix && countLettersOrDigits(value) < 2) {
      throw fail(`A prefix needs at least 2 letters: "${value}*" at column ${col(valueAt)} is too short`, valueAt, this.pos);
    }
    if (name === 'lang') value = value.toLowerCase();
    const node: MetaNode = { kind: 'meta', field: name as MetaField, value, prefix, exact: quoted && !prefix, span: { start, end: this.pos } };
    return this.item(node);
  }
}

function countLettersOrDigits(s: string): number {
  return s.match(LETTER_OR_DIGIT_RE)?.length ?? 0;
}

/** Splits `word*` / `word~N` off a word that starts at `at`; the node's span starts at `start`. */
function termNode(word: string, at: number, field: TextField | null, start: number): TermNode {
  const end = at + word.length;
  let body = word;
  let prefix = false;
  let fuzzyMark: string | null = null; // the digits after `~`, when there is a trailing `~N`
  if (body.endsWith('*')) {
    prefix = true;
    body = body.slice(0, -1);
  }
  const tilde = body.lastIndexOf('~');
  if (tilde >= 0 && /^\d*$/.test(body.slice(tilde + 1))) {
    fuzzyMark = body.slice(tilde + 1);
    body = body.slice(0, tilde);
    if (!prefix && body.endsWith('*')) {
      prefix = true; // `kaz*~`: reported just below
      body = body.slice(0, -1);
    }
  }
  if (prefix && fuzzyMark !== null) {
    throw fail(`A word cannot be both prefix and fuzzy: "${word}" at column ${col(at)} uses both * and ~`, at, end);
  }
  const star = body.indexOf('*');
  if (star >= 0) {
    throw fail(`Misplaced * at column ${col(at + star)}: * can only end a word (as in kazakh*)`, at + star, at + star + 1);
  }
  let fuzzy: 0 | 1 | 2 = 0;
  if (fuzzyMark !== null) {
    if (!body) throw fail(`A ~ needs a word before it (column ${col(at)}), as in kazakstan~`, at, end);
    const edits = fuzzyMark === '' ? 1 : Number(fuzzyMark);
    if (edits > 2) {
      throw fail(`Fuzzy matching allows 1 or 2 edits: "${word}" at column ${col(at)} asks for ${fuzzyMark}`, at, end);
    }
    fuzzy = edits as 0 | 1 | 2;
  }
  if (prefix) {
    if (!body) throw fail(`A * on its own at column ${col(at)} matches nothing: put it at the end of a word (as in kazakh*)`, at, end);
    if (countLettersOrDigits(body) < 2) {
      throw fail(`A prefix needs at least 2 letters: "${word}" at column ${col(at)} is too short`, at, end);
    }
  }
  return { kind: 'term', field, text: body, prefix, fuzzy, span: { start, end } };
}

/** `date:`, `after:` or `before:` with its value at [valueAt, valueEnd). */
function dateNode(field: string, value: string, start: number, valueAt: number, valueEnd: number): DateNode {
  const day = (text: string, at: number) => {
    const range = parseDayRange(text);
    if (!range) {
      throw fail(
        `Not a valid date at column ${col(at)}: "${text}" (write a day as 2022-01-10, a month as 2022-01, or a year as 2022)`,
        at,
        at + text.length,
      );
    }
    return range;
  };
  const outOfRange = () => fail(`Date out of range at column ${col(valueAt)}`, valueAt, valueEnd);
  const span: Span = { start, end: valueEnd };
  if (field === 'after') {
    const from = shiftDay(day(value, valueAt).end, 1);
    if (!from) throw outOfRange();
    return { kind: 'date', from, to: null, span };
  }
  if (field === 'before') {
    const to = shiftDay(day(value, valueAt).start, -1);
    if (!to) throw outOfRange();
    return { kind: 'date', from: null, to, span };
  }
  const dots = value.indexOf('..');
  if (dots < 0) {
    const range = day(value, valueAt);
    return { kind: 'date', from: range.start, to: range.end, span };
  }
  const left = value.slice(0, dots);
  const right = value.slice(dots + 2);
  if (!left && !right) {
    throw fail(`A date range needs a start or an end: date:.. at column ${col(valueAt)} has neither`, valueAt, valueEnd);
  }
  const from = left ? day(left, valueAt).start : null;
  const to = right ? day(right, valueAt + dots + 2).end : null;
  if (from && to && from > to) {
    throw fail(`The date range at column ${col(valueAt)} starts after it ends (${from} is after ${to})`, valueAt, valueEnd);
  }
  return { kind: 'date', from, to, span };
}

/** Builds an AND/OR: one child stands alone, nested nodes of the same kind are flattened. */
function combine(kind: 'and' | 'or', parts: QueryNode[]): QueryNode {
  if (parts.length === 1) return parts[0]!;
  const children: QueryNode[] = [];
  for (const p of parts) {
    if (p.kind === kind) children.push(...p.children);
    else children.push(p);
  }
  return { kind, children, span: { start: parts[0]!.span.start, end: parts[parts.length - 1]!.span.end } };
}

class Parser {
  private tok: Token;

  constructor(private readonly lexer: Lexer) {
    this.tok = lexer.next();
  }

  private current(): Token {
    return this.tok;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  parse(): QueryNode | null {
    if (this.tok.type === 'eof') return null;
    const node = this.or(null, 0);
    if (this.tok.type === 'rparen') {
      throw fail(`Unmatched ): the ) at column ${col(this.tok.start)} has no ( before it`, this.tok.start, this.tok.end);
    }
    return node;
  }

  // `depth` counts the groups and negations around the current position; it is what bounds
  // the recursion (primary → or), so no input can overflow the stack.
  private or(field: TextField | null, depth: number): QueryNode {
    const parts = [this.and(field, depth, null)];
    while (this.tok.type === 'or') {
      const op = this.advance();
      parts.push(this.and(field, depth, op));
    }
    return combine('or', parts);
  }

  private and(field: TextField | null, depth: number, after: Token | null): QueryNode {
    const parts = [this.unary(field, depth, after)];
    for (;;) {
      const t = this.tok.type;
      if (t === 'and') {
        const op = this.advance();
        parts.push(this.unary(field, depth, op));
      } else if (t === 'item' || t === 'lparen' || t === 'not') {
        parts.push(this.unary(field, depth, null));
      } else {
        return combine('and', parts);
      }
    }
  }

  private unary(field: TextField | null, depth: number, after: Token | null): QueryNode {
    const nots: Token[] = [];
    while (this.tok.type === 'not') {
      if (depth + nots.length >= QUERY_LIMITS.maxDepth) throw this.tooDeep();
      nots.push(this.advance());
    }
    const res = this.primary(field, depth + nots.length, nots[nots.length - 1] ?? after);
    let node = res.node;
    // Wrapped in a loop, not recursion, so `NOT NOT … x` costs no stack.
    for (let i = nots.length - 1; i >= 0; i--) node = { kind: 'not', child: node, span: { start: nots[i]!.start, end: res.end } };
    return node;
  }

  private primary(field: TextField | null, depth: number, after: Token | null): { node: QueryNode; end: number } {
    const t = this.tok;
    if (t.type === 'item') {
      this.advance();
      const node = t.node;
      if (field && (node.kind === 'term' || node.kind === 'phrase')) {
        if (node.field && node.field !== field) {
          throw fail(`${node.field}: cannot be used inside ${field}:(…) (column ${col(node.span.start)})`, node.span.start, node.span.end);
        }
        node.field = field;
      }
      return { node, end: t.end };
    }
    if (t.type === 'lparen') {
      if (depth >= QUERY_LIMITS.maxDepth) throw this.tooDeep();
      if (t.field && field && t.field !== field) {
        throw fail(`${t.field}: cannot be used inside ${field}:(…) (column ${col(t.start)})`, t.start, t.end);
      }
      this.advance();
      if (this.tok.type === 'rparen') {
        throw fail(`Empty parentheses at column ${col(t.paren)}: put something between ( and )`, t.paren, this.tok.end);
      }
      const node = this.or(t.field ?? field, depth + 1);
      // (Re-read through a method: TS keeps the narrowing of this.tok from before the call.)
      if (this.current().type !== 'rparen') {
        throw fail(`Unclosed parenthesis: the ( at column ${col(t.paren)} is never closed`, t.paren, t.paren + 1);
      }
      return { node, end: this.advance().end };
    }
    throw this.missing(t, after);
  }

  /** The error for a place where an item was needed but `t` came instead. */
  private missing(t: Token, after: Token | null): QuerySyntaxError {
    if (after) {
      const label = after.type === 'not' ? after.label : after.type.toUpperCase();
      const need = after.type === 'not' ? 'must be followed by what to exclude' : 'needs something on each side';
      return fail(`Nothing after ${label} at column ${col(after.start)}: ${label} ${need}`, after.start, after.end);
    }
    if (t.type === 'or' || t.type === 'and') {
      const label = t.type.toUpperCase();
      return fail(`Nothing before ${label} at column ${col(t.start)}: ${label} needs something on each side`, t.start, t.end);
    }
    // Only `)` can get here (an empty query or group is caught before).
    return fail(`Unmatched ): the ) at column ${col(t.start)} has no ( before it`, t.start, t.end);
  }

  private tooDeep(): QuerySyntaxError {
    const { start, end } = this.tok;
    return fail(
      `Too deeply nested at column ${col(start)}: at most ${QUERY_LIMITS.maxDepth} levels of parentheses and NOT/- are allowed`,
      start,
      end,
    );
  }
}

/**
 * Parses a search query into its AST. Throws QuerySyntaxError (the message names the problem
 * and the 1-based column; `span` points at it). Returns null for an empty or blank query.
 * @example
 * parseQuery('title:kaz* -source:tass date:2022-01');
 * // → and(term title "kaz" prefix, not(meta source "tass"), date 2022-01-01..2022-01-31)
 * parseQuery('a b OR c'); // → or(and(a, b), c)
 */
export function parseQuery(text: string): QueryNode | null {
  return new Parser(new Lexer(text)).parse();
}
