/** Statement extraction: what the extractor returns (shared contract, docs: statements-spec). */
export interface Span { start: number; end: number; text: string }   // UTF-16 offsets into the text given
export type StatementKind = 'direct' | 'indirect' | 'mixed';
export interface ExtractedStatement {
  kind: StatementKind;
  quote: Span;                 // the content of the statement (direct: the quoted words; indirect: the reported clause)
  cue: Span | null;            // "said", "told reporters", "according to", "заявил", "по словам" ...
  speaker: Span | null;        // the mention as written: "he", "the spokesman", "State Department spokesman Ned Price"
  speakerName: string | null;  // resolved inside the article: the fullest form of the person's name ("Ned Price"), null when unknown
  speakerRole: string | null;  // role words the article gives that person, e.g. "State Department spokesman", "head of EU diplomacy"
}
export interface ExtractOptions { language?: string | null }   // ISO 639-1 as stored on articles ('en', 'ru', ...)
