/**
 * Turns a parsed query into what the engine runs: FTS5 expressions for the text parts,
 * in-memory filters for metadata and dates, and boolean structure joining them. It also
 * collects what to highlight and the notices the analyst should read.
 */
import type { QueryNode, TextField } from './query/ast';
import { analyserFor, foldWord, splitWords } from './analyse';
import { isoToDay } from './catalog';

/** What the engine evaluates. */
export type Plan =
  | { op: 'fts'; expr: string }
  | { op: 'meta'; field: Extract<QueryNode, { kind: 'meta' }>['field']; value: string; prefix: boolean; exact: boolean }
  | { op: 'date'; from: number; to: number }
  | { op: 'and'; pos: Plan[]; neg: Plan[] }
  | { op: 'or'; children: Plan[] }
  | { op: 'all' }
  | { op: 'none' };

/** What marks a match in a text, for snippets and the reader. */
export type Highlight =
  | { kind: 'stems'; field: TextField | null; stems: ReadonlySet<string> }
  | { kind: 'words'; field: TextField | null; words: ReadonlySet<string> }
  | { kind: 'prefix'; field: TextField | null; prefix: string }
  | { kind: 'phrase'; field: TextField | null; words: string[]; lastIsPrefix: boolean };

export interface CompiledQuery {
  plan: Plan;
  highlights: Highlight[];
  notices: string[];
}

/** What compiling needs from the archive. */
export interface PlanContext {
  /** Languages of the archive's articles (null = unknown), to stem query words as each would. */
  languages: Array<string | null>;
  /** Indexed words within an edit distance (fuzzy matching). */
  near(word: string, distance: number): string[];
  /** True when some article matches this FTS5 expression. */
  exists(expression: string): boolean;
}

/** Edits allowed when a word found nowhere is matched fuzzily instead: none below 4 letters. */
function forgivingDistance(word: string): 0 | 1 | 2 {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

const STEMS: Record<'any' | TextField, string> = {
  any: '{title_stems body_stems}',
  title: '{title_stems}',
  body: '{body_stems}',
};
const WORDS: Record<'any' | TextField, string> = {
  any: '{title_words body_words}',
  title: '{title_words}',
  body: '{body_words}',
};

/** Marker for a word that matches nothing in particular (a stop word): left out of AND and OR. */
const IGNORED = Symbol('ignored');
type Compiled = Plan | typeof IGNORED;

/**
 * Compiles a query tree.
 *
 * @example
 *   compileQuery(parseQuery('title:csto -russia')!, ctx).plan
 *   // { op: 'and', pos: [{ op: 'fts', expr: '{title_stems} : ("csto")' }], neg: [...] }
 */
export function compileQuery(root: QueryNode, ctx: PlanContext): CompiledQuery {
  const compiler = new Compiler(ctx, false);
  let plan = compiler.compile(root, false);
  if (plan === IGNORED) {
    // Only common words: match them as words (exactly), and say so.
    const exact = new Compiler(ctx, true);
    plan = exact.compile(root, false);
    const words = [...compiler.ignored].join(', ');
    return {
      plan: plan === IGNORED ? { op: 'none' } : plan,
      highlights: exact.highlights,
      notices: [`Only common words (${words}): matched as exact words.`, ...exact.notices],
    };
  }
  const notices = [...compiler.notices];
  if (compiler.ignored.size) notices.unshift(`Ignored common words: ${[...compiler.ignored].join(', ')} (put them in quotes to match them).`);
  return { plan, highlights: compiler.highlights, notices };
}

class Compiler {
  readonly highlights: Highlight[] = [];
  readonly notices: string[] = [];
  readonly ignored = new Set<string>();

  constructor(
    private readonly ctx: PlanContext,
    private readonly stopwordsAsWords: boolean,
  ) {}

  compile(node: QueryNode, negated: boolean): Compiled {
    switch (node.kind) {
      case 'and': {
        const pos: Plan[] = [];
        const neg: Plan[] = [];
        for (const child of node.children) {
          if (child.kind === 'not') {
            const c = this.compile(child.child, !negated);
            if (c !== IGNORED) neg.push(c);
          } else {
            const c = this.compile(child, negated);
            if (c !== IGNORED) pos.push(c);
          }
        }
        if (pos.length === 0 && neg.length === 0) return IGNORED;
        return simplifyAnd(pos, neg);
      }
      case 'or': {
        const children = node.children.map((c) => this.compile(c, negated)).filter((c): c is Plan => c !== IGNORED);
        if (children.length === 0) return IGNORED;
        return simplifyOr(children);
      }
      case 'not': {
        const c = this.compile(node.child, !negated);
        return c === IGNORED ? IGNORED : { op: 'and', pos: [], neg: [c] };
      }
      case 'term':
        return this.term(node, negated);
      case 'phrase':
        return this.phrase(node.text, node.field, false, negated);
      case 'meta':
        return { op: 'meta', field: node.field, value: node.value, prefix: node.prefix, exact: node.exact };
      case 'date':
        return {
          op: 'date',
          from: node.from ? isoToDay(node.from) : -Infinity,
          to: node.to ? isoToDay(node.to) : Infinity,
        };
    }
  }

  private term(node: Extract<QueryNode, { kind: 'term' }>, negated: boolean): Compiled {
    const parts = splitWords(node.text);
    if (parts.length === 0) {
      this.notices.push(`"${node.text}" has no letters or digits: left out.`);
      return IGNORED;
    }
    // "COVID-19", "U.S.": the parts side by side.
    if (parts.length > 1) return this.phrase(parts.join(' '), node.field, node.prefix, negated);
    const word = parts[0]!;
    const cols = node.field ?? 'any';
    if (node.prefix) {
      const prefix = foldWord(word);
      if (!negated) this.highlights.push({ kind: 'prefix', field: node.field, prefix });
      return { op: 'fts', expr: `${WORDS[cols]} : "${prefix}"*` };
    }
    if (node.fuzzy > 0) {
      const words = this.ctx.near(foldWord(word), node.fuzzy);
      if (words.length === 0) {
        this.notices.push(`No word in the archive is within ${node.fuzzy} edit${node.fuzzy > 1 ? 's' : ''} of "${word}".`);
        return { op: 'none' };
      }
      if (!negated) this.highlights.push({ kind: 'words', field: node.field, words: new Set(words) });
      return { op: 'fts', expr: anyOf(WORDS[cols], words) };
    }
    const stems = this.stems(word);
    if (stems === null) {
      if (!this.stopwordsAsWords) {
        this.ignored.add(word);
        return IGNORED;
      }
      const folded = foldWord(word);
      if (!negated) this.highlights.push({ kind: 'words', field: node.field, words: new Set([folded]) });
      return { op: 'fts', expr: anyOf(WORDS[cols], [folded]) };
    }
    const stemsExpr = anyOf(STEMS[cols], stems);
    if (!this.ctx.exists(stemsExpr)) {
      // Forgiving when mistyped: a word no article has is matched within one or two edits.
      const distance = forgivingDistance(word);
      const words = distance ? this.ctx.near(foldWord(word), distance) : [];
      if (words.length) {
        this.notices.push(`No article has "${word}": showing words within ${distance} edit${distance > 1 ? 's' : ''} (${words.slice(0, 5).join(', ')}${words.length > 5 ? '…' : ''}).`);
        if (!negated) this.highlights.push({ kind: 'words', field: node.field, words: new Set(words) });
        return { op: 'fts', expr: anyOf(WORDS[cols], words) };
      }
    }
    if (!negated) this.highlights.push({ kind: 'stems', field: node.field, stems });
    return { op: 'fts', expr: stemsExpr };
  }

  /**
   * The stems a word can have in the archive's languages, or null when it is a stop word of
   * any of them (it is then not in the stem index of those articles).
   */
  private stems(word: string): Set<string> | null {
    const out = new Set<string>();
    for (const lang of this.ctx.languages) {
      const s = analyserFor(lang).stem(word);
      if (s === null) return null;
      out.add(s);
    }
    return out;
  }

  private phrase(text: string, field: TextField | null, lastIsPrefix: boolean, negated: boolean): Compiled {
    const words = splitWords(text).map(foldWord);
    if (words.length === 0) {
      this.notices.push(`The phrase "${text}" has no letters or digits: left out.`);
      return IGNORED;
    }
    if (!negated) this.highlights.push({ kind: 'phrase', field, words, lastIsPrefix });
    return { op: 'fts', expr: `${WORDS[field ?? 'any']} : "${words.join(' ')}"${lastIsPrefix ? '*' : ''}` };
  }
}

/** An FTS5 expression: any of `terms` (analysed, so only letters and digits) in `columns`. */
function anyOf(columns: string, terms: Iterable<string>): string {
  const quoted = [...terms].map((t) => `"${t}"`);
  return `${columns} : ${quoted.length === 1 ? quoted[0] : `(${quoted.join(' OR ')})`}`;
}

/** ANDs plans, merging FTS children into one expression so FTS5 intersects them itself. */
function simplifyAnd(pos: Plan[], neg: Plan[]): Plan {
  if (pos.some((p) => p.op === 'none')) return { op: 'none' };
  pos = pos.filter((p) => p.op !== 'all');
  neg = neg.filter((p) => p.op !== 'none');
  if (neg.some((p) => p.op === 'all')) return { op: 'none' };
  const ftsPos = pos.filter((p): p is Extract<Plan, { op: 'fts' }> => p.op === 'fts');
  const ftsNeg = neg.filter((p): p is Extract<Plan, { op: 'fts' }> => p.op === 'fts');
  const rest = pos.filter((p) => p.op !== 'fts');
  let restNeg: Plan[] = neg.filter((p) => p.op !== 'fts');
  const merged: Plan[] = [];
  if (ftsPos.length) {
    let expr = ftsPos.map((p) => `(${p.expr})`).join(' AND ');
    if (ftsNeg.length) expr = `(${expr}) NOT (${ftsNeg.map((p) => `(${p.expr})`).join(' OR ')})`;
    merged.push({ op: 'fts', expr });
  } else {
    restNeg = neg;
  }
  const all = [...merged, ...rest];
  if (all.length === 1 && restNeg.length === 0) return all[0]!;
  if (all.length === 0 && restNeg.length === 0) return { op: 'all' };
  return { op: 'and', pos: all, neg: restNeg };
}

/** ORs plans, merging FTS children into one expression. */
function simplifyOr(children: Plan[]): Plan {
  if (children.some((c) => c.op === 'all')) return { op: 'all' };
  children = children.filter((c) => c.op !== 'none');
  if (children.length === 0) return { op: 'none' };
  const fts = children.filter((c): c is Extract<Plan, { op: 'fts' }> => c.op === 'fts');
  const rest = children.filter((c) => c.op !== 'fts');
  const merged: Plan[] = fts.length ? [{ op: 'fts', expr: fts.map((c) => `(${c.expr})`).join(' OR ') }] : [];
  const all = [...merged, ...rest];
  return all.length === 1 ? all[0]! : { op: 'or', children: all };
}
