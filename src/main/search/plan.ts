/**
 * Turns a parsed query into what the engine runs: FTS5 expressions for the text parts,
 * in-memory filters for metadata and dates, and boolean structure joining them. It also
 * collects what to highlight and the notices the analyst should read.
 */
import type { QueryNode, TextField } from './query/ast';
import { analyserFor, foldWord, keyPrefixOf, scriptOf, splitWords, stemToken } from './analyse';
import { isoToDay } from './catalog';
import type { TierPhrase, TierQuery } from './tiered-top';

/**
 * An FTS5 expression. `tiers` describes what can add to a hit's BM25 score when that is only
 * stem phrases (for the tiered ranking, tiered-top.ts), else null. `single` marks one word's
 * stems: an article excluded by its negation holds none of them, so in a hit of `x NOT single`
 * its phrases add nothing. `negates` marks an expression with such a NOT inside: under an OR,
 * a hit may match the other branch and hold the negated word, which then adds to its score.
 */
export interface FtsPlan {
  op: 'fts';
  expr: string;
  tiers: TierQuery | null;
  single?: boolean;
  negates?: boolean;
  /** One word matched by its stems only: its stem key per language (`it·` → `it·not`), for `byLanguage`. */
  word?: StemmedWord;
}

/** A word's stem keys by language prefix, the columns they are matched in, and the word's script. */
interface StemmedWord {
  keys: Map<string, string>;
  columns: string;
  script: string;
}

/** What the engine evaluates. */
export type Plan =
  | FtsPlan
  | { op: 'meta'; field: Extract<QueryNode, { kind: 'meta' }>['field']; value: string; prefix: boolean; exact: boolean }
  | { op: 'date'; from: number; to: number }
  | { op: 'and'; pos: Plan[]; neg: Plan[] }
  | { op: 'or'; children: Plan[] }
  | { op: 'all' }
  | { op: 'none' };

/** What marks a match in a text, for snippets and the reader. */
export type Highlight =
  /** `stems`: stem keys (`en·price`, see `Analyser.stemKey`); a word is marked when its key in the article's language is one. */
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
  /** Live articles in a language (null = unknown): a word is common where most articles are in languages that stop it. */
  articlesIn(lang: string | null): number;
  /** Indexed words within an edit distance (fuzzy matching). */
  near(word: string, distance: number): string[];
  /** True when some article matches this FTS5 expression. */
  exists(expression: string): boolean;
  /**
   * False when no article holds a stem key (`it·not`); may answer true without looking (for the
   * stems of languages with many articles, which almost always are).
   */
  holds?(key: string): boolean;
}

/** Edits allowed when a word found nowhere is matched fuzzily instead: none below 4 letters. */
function forgivingDistance(word: string): 0 | 1 | 2 {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * Column filters. Stems (`§…`), words and tier tokens never share a token, so a query over title
 * and body needs none: FTS5 then skips sorting positions by column, a fifth to a third faster.
 */
const STEMS: Record<'any' | TextField, string> = {
  any: '',
  title: '{title_stems}',
  body: '{body_stems}',
};
const WORDS: Record<'any' | TextField, string> = {
  any: '',
  title: '{title_words}',
  body: '{body_words}',
};

/** `terms` (an FTS5 phrase or group) in `columns`, or anywhere when no filter is needed. */
export function inColumns(columns: string, terms: string): string {
  return columns ? `${columns} : ${terms}` : terms;
}

/** Marker for a word that matches nothing in particular (a stop word): left out of AND and OR. */
const IGNORED = Symbol('ignored');
type Compiled = Plan | typeof IGNORED;

/**
 * Compiles a query tree.
 *
 * @example
 *   compileQuery(parseQuery('title:csto -russia')!, ctx).plan
 *   // { op: 'and', pos: [{ op: 'fts', expr: '{title_stems} : "§csto"', tiers: {...} }], neg: ['"§russia"'] }
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
  /** Numbers the query's words, so that the stems of one word are known as its forms. */
  private words = 0;

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
      return { op: 'fts', expr: inColumns(WORDS[cols], `"${prefix}"*`), tiers: null };
    }
    if (node.fuzzy > 0) {
      const words = this.ctx.near(foldWord(word), node.fuzzy);
      if (words.length === 0) {
        this.notices.push(`No word in the archive is within ${node.fuzzy} edit${node.fuzzy > 1 ? 's' : ''} of "${word}".`);
        return { op: 'none' };
      }
      if (!negated) this.highlights.push({ kind: 'words', field: node.field, words: new Set(words) });
      return { op: 'fts', expr: anyOf(WORDS[cols], words), tiers: null };
    }
    const forms = this.forms(word);
    const folded = foldWord(word);
    if (forms === null) {
      if (!this.stopwordsAsWords) {
        this.ignored.add(word);
        return IGNORED;
      }
      if (!negated) this.highlights.push({ kind: 'words', field: node.field, words: new Set([folded]) });
      return { op: 'fts', expr: anyOf(WORDS[cols], [folded]), tiers: null };
    }
    const { stems, asWritten } = forms;
    // Articles in a language that stops the word hold it only among their words, as written.
    const stemsOnly = anyOf(STEMS[cols], [...stems].map(stemToken));
    const stemsExpr = asWritten ? `(${stemsOnly} OR ${anyOf(WORDS[cols], [folded])})` : stemsOnly;
    if (!this.ctx.exists(stemsExpr)) {
      // Forgiving when mistyped: a word no article has is matched within one or two edits.
      const distance = forgivingDistance(word);
      const words = distance ? this.ctx.near(foldWord(word), distance) : [];
      if (words.length) {
        this.notices.push(`No article has "${word}": showing words within ${distance} edit${distance > 1 ? 's' : ''} (${words.slice(0, 5).join(', ')}${words.length > 5 ? '…' : ''}).`);
        if (!negated) this.highlights.push({ kind: 'words', field: node.field, words: new Set(words) });
        return { op: 'fts', expr: anyOf(WORDS[cols], words), tiers: null };
      }
    }
    if (!negated) {
      this.highlights.push({ kind: 'stems', field: node.field, stems });
      if (asWritten) this.highlights.push({ kind: 'words', field: node.field, words: new Set([folded]) });
    }
    const wordNo = this.words++;
    const phrases = [...stems].map((stem) => ({ columns: STEMS[cols], stem, word: wordNo }));
    // Words as written have no tier tokens: such a word's queries score every hit.
    if (asWritten) return { op: 'fts', expr: stemsExpr, tiers: null, single: true };
    const keys = new Map([...stems].map((key) => [keyPrefixOf(key), key]));
    const stemmed: StemmedWord = { keys, columns: STEMS[cols], script: scriptOf(word) };
    return { op: 'fts', expr: stemsExpr, tiers: { phrases, allOf: true }, single: true, word: stemmed };
  }

  /**
   * How a word is matched: by its stem keys in the archive's languages that do not stop it
   * (each language's stem with the language, so an article matches through its own language's
   * stem only), and also as written (`asWritten`) when some articles are in a language that
   * stops it (they index it only among their words). Null for a common word, one that the
   * languages of at least half of the articles stop (articles of unknown language count as the
   * word's script gives them; those of a language without stop words are not counted): it is
   * left out, as a stop word. Stem keys no article holds are left out (`PlanContext.holds`).
   */
  private forms(word: string): { stems: Set<string>; asWritten: boolean } | null {
    const stems = new Set<string>();
    let stopping = 0;
    let counted = 0;
    for (const lang of this.ctx.languages) {
      const analyser = analyserFor(lang);
      const articles = analyser.hasStopwords ? this.ctx.articlesIn(lang) : 0;
      counted += articles;
      const key = analyser.stemKey(word);
      if (key === null) stopping += articles;
      else stems.add(key);
    }
    if (stems.size === 0 || (counted > 0 && stopping * 2 >= counted)) return null;
    // Stems no article holds match nothing: left out, the query reads fewer posting lists.
    if (this.ctx.holds) {
      const held = [...stems].filter((k) => this.ctx.holds!(k));
      // All absent: one stays, so that the word still stands in the query (and matches nothing).
      if (held.length > 0 && held.length < stems.size) return { stems: new Set(held), asWritten: stopping > 0 };
    }
    return { stems, asWritten: stopping > 0 };
  }

  private phrase(text: string, field: TextField | null, lastIsPrefix: boolean, negated: boolean): Compiled {
    const words = splitWords(text).map(foldWord);
    if (words.length === 0) {
      this.notices.push(`The phrase "${text}" has no letters or digits: left out.`);
      return IGNORED;
    }
    if (!negated) this.highlights.push({ kind: 'phrase', field, words, lastIsPrefix });
    return { op: 'fts', expr: inColumns(WORDS[field ?? 'any'], `"${words.join(' ')}"${lastIsPrefix ? '*' : ''}`), tiers: null };
  }
}

/** An FTS5 expression: any of `terms` (analysed, so only letters and digits) in `columns`. */
function anyOf(columns: string, terms: Iterable<string>): string {
  const quoted = [...terms].map((t) => `"${t}"`);
  return inColumns(columns, quoted.length === 1 ? quoted[0]! : `(${quoted.join(' OR ')})`);
}

/** ANDs plans, merging FTS children into one expression so FTS5 intersects them itself. */
function simplifyAnd(pos: Plan[], neg: Plan[]): Plan {
  if (pos.some((p) => p.op === 'none')) return { op: 'none' };
  pos = pos.filter((p) => p.op !== 'all');
  neg = neg.filter((p) => p.op !== 'none');
  if (neg.some((p) => p.op === 'all')) return { op: 'none' };
  const ftsPos = pos.filter((p): p is FtsPlan => p.op === 'fts');
  const ftsNeg = neg.filter((p): p is FtsPlan => p.op === 'fts');
  const rest = pos.filter((p) => p.op !== 'fts');
  let restNeg: Plan[] = neg.filter((p) => p.op !== 'fts');
  const merged: Plan[] = [];
  if (ftsPos.length) {
    let expr = byLanguage(ftsPos) ?? ftsPos.map((p) => `(${p.expr})`).join(' AND ');
    if (ftsNeg.length) expr = `(${expr}) NOT (${ftsNeg.map((p) => `(${p.expr})`).join(' OR ')})`;
    const tiers = ftsNeg.every((p) => p.single) ? joinTiers(ftsPos, true) : null;
    const negates = ftsNeg.length > 0 || ftsPos.some((p) => p.negates);
    merged.push(ftsPos.length === 1 && ftsNeg.length === 0 ? ftsPos[0]! : { op: 'fts', expr, tiers, negates });
  } else {
    restNeg = neg;
  }
  const all = [...merged, ...rest];
  if (all.length === 1 && restNeg.length === 0) return all[0]!;
  if (all.length === 0 && restNeg.length === 0) return { op: 'all' };
  return { op: 'and', pos: all, neg: restNeg };
}

/**
 * An AND of words matched by stems, written language by language: `(§en·a AND §en·b) OR
 * (§it·a AND §it·b)` rather than `(§en·a OR §it·a) AND (§en·b OR §it·b)`. The same hits, since
 * an article's stems are all of its own language, and the same BM25 scores, since each stem
 * phrase is still in the expression once; but FTS5 intersects single posting lists instead of
 * unions of them (2–5% less at p95 on two words, 8–14% at p50). Only for words of one script:
 * an article of unknown language holds its Latin words as English and its Cyrillic ones as
 * Russian. Null when it does not apply.
 */
function byLanguage(plans: FtsPlan[]): string | null {
  if (plans.length < 2 || !plans.every((p) => p.word && p.word.script === plans[0]!.word!.script)) return null;
  const words = plans.map((p) => p.word!);
  const shared = [...words[0]!.keys.keys()].filter((prefix) => words.every((w) => w.keys.has(prefix)));
  if (shared.length === 0) return null;
  // A word's keys in no shared language cannot be in a hit: left out with them.
  return shared.map((prefix) => `(${words.map((w) => inColumns(w.columns, `"${stemToken(w.keys.get(prefix)!)}"`)).join(' AND ')})`).join(' OR ');
}

/** ORs plans, merging FTS children into one expression. */
function simplifyOr(children: Plan[]): Plan {
  if (children.some((c) => c.op === 'all')) return { op: 'all' };
  children = children.filter((c) => c.op !== 'none');
  if (children.length === 0) return { op: 'none' };
  const fts = children.filter((c): c is FtsPlan => c.op === 'fts');
  const rest = children.filter((c) => c.op !== 'fts');
  const merged: Plan[] =
    fts.length === 1 ? [fts[0]!] : fts.length ? [{ op: 'fts', expr: fts.map((c) => `(${c.expr})`).join(' OR '), tiers: fts.some((c) => c.negates) ? null : joinTiers(fts, false) }] : [];
  const all = [...merged, ...rest];
  return all.length === 1 ? all[0]! : { op: 'or', children: all };
}

/**
 * What plans joined by AND (`and`) or OR score by: all their phrases, or null if one is
 * unknown. Every hit of an AND of all-of plans holds all their stems; an OR promises nothing.
 */
function joinTiers(plans: FtsPlan[], and: boolean): TierQuery | null {
  const phrases: TierPhrase[] = [];
  let allOf = and;
  for (const p of plans) {
    if (!p.tiers) return null;
    phrases.push(...p.tiers.phrases);
    allOf &&= p.tiers.allOf;
  }
  return { phrases, allOf };
}
