/**
 * Statement extraction: the shared types (see the statements contract of issue 5).
 * Offsets are UTF-16 indices (JavaScript string indices) into the text given to the extractor.
 */

/** A piece of the text: `text === source.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** direct: quoted words; indirect: reported speech; mixed: reported speech with a quoted part. */
export type StatementKind = 'direct' | 'indirect' | 'mixed';

/** One statement found in an article. */
export interface ExtractedStatement {
  kind: StatementKind;
  /** The content of the statement (direct: the quoted words; indirect: the reported clause). */
  quote: Span;
  /** "said", "told reporters", "according to", "заявил", "по словам" ... */
  cue: Span | null;
  /** The mention as written: "he", "the spokesman", "State Department spokesman Ned Price". */
  speaker: Span | null;
  /** Resolved inside the article: the fullest form of the person's name, null when unknown. */
  speakerName: string | null;
  /** Role words the article gives that person, e.g. "State Department spokesman". */
  speakerRole: string | null;
}

/** Options of `extractStatements`. */
export interface ExtractOptions {
  /** ISO 639-1 as stored on articles ('en', 'ru', ...); guessed from the script when absent. */
  language?: string | null;
}
