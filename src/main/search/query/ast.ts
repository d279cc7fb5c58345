/**
 * The parsed form of a search query (docs/query-language.md). The parser produces it; the
 * planner turns it into index lookups and filters; the exactness tests evaluate it directly
 * against stored articles.
 */

/** Where a piece of the query stands in the query text: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Fields that restrict a word or phrase to one part of the text. */
export type TextField = 'title' | 'body';

/** Fields that match article metadata rather than text. */
export type MetaField = 'source' | 'agency' | 'author' | 'lang' | 'place' | 'tag' | 'speaker';

export type QueryNode = AndNode | OrNode | NotNode | TermNode | PhraseNode | MetaNode | DateNode;

/** Every child must match (words side by side, or AND). */
export interface AndNode {
  kind: 'and';
  children: QueryNode[];
  span: Span;
}

/** At least one child must match. */
export interface OrNode {
  kind: 'or';
  children: QueryNode[];
  span: Span;
}

/** The child must not match (`NOT x`, `-x`). */
export interface NotNode {
  kind: 'not';
  child: QueryNode;
  span: Span;
}

/**
 * One word as typed (not yet normalised). `prefix` for `word*`; `fuzzy` is the edit distance
 * for `word~` (1) or `word~2` (2), else 0. A word with inner punctuation ("COVID-19", "U.S.")
 * stays one term here; the analyser splits it and matches the parts side by side.
 */
export interface TermNode {
  kind: 'term';
  field: TextField | null;
  text: string;
  prefix: boolean;
  fuzzy: 0 | 1 | 2;
  span: Span;
}

/** `"exact phrase"`: its words, in order, side by side. */
export interface PhraseNode {
  kind: 'phrase';
  field: TextField | null;
  text: string;
  span: Span;
}

/** `source:Interfax`, `author:"Ned Price"`, `lang:ru`, `place:wash*`. */
export interface MetaNode {
  kind: 'meta';
  field: MetaField;
  value: string;
  /** `value*`: the value's last word may be a prefix. */
  prefix: boolean;
  /**
   * A quoted value without `*` (`source:"Reuters"`) must be the whole value (case and accents
   * folded); an unquoted one (`source:reuters`) need only appear in it ("Reuters Africa").
   */
  exact: boolean;
  span: Span;
}

/**
 * A date range, both ends inclusive, as "YYYY-MM-DD" (null = open). `date:2022-01` gives
 * 2022-01-01..2022-01-31; `after:2022-01-10` gives 2022-01-11..null; `before:` likewise.
 */
export interface DateNode {
  kind: 'date';
  from: string | null;
  to: string | null;
  span: Span;
}

/** A query that cannot be read: the message says what is wrong and `span` where. */
export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

/** True when the query has a `field:` part anywhere (`speaker:` needs the people registry's aliases). */
export function hasMetaField(node: QueryNode | null, field: MetaField): boolean {
  if (!node) return false;
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.some((c) => hasMetaField(c, field));
    case 'not':
      return hasMetaField(node.child, field);
    case 'meta':
      return node.field === field;
    default:
      return false;
  }
}
