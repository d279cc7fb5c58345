// Placeholder: replaced by the real extractor when branches merge.
import type { ExtractOptions, ExtractedStatement, Span } from './types';

/** Version of the extraction rules; stored with every automatic statement. */
export const EXTRACTOR_VERSION = 0;

const QUOTE = /["“]([^"“”\n]{3,2000}?)["”]/g;
const CUE_AFTER = /^[,.]?\s*(?:([A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*|he|she|He|She)\s+(said|stated|noted)|(said|stated|noted)\s+([A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*))/u;

/**
 * Finds quoted passages followed by "<Name|he|she> said" (or "said <Name>"): a stand-in with
 * the real extractor's signature, enough to wire and test the pipeline.
 */
export function extractStatements(text: string, _options?: ExtractOptions): ExtractedStatement[] {
  const out: ExtractedStatement[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const start = m.index + 1;
    const quote: Span = { start, end: start + m[1]!.length, text: m[1]! };
    const afterAt = m.index + m[0].length;
    const after = CUE_AFTER.exec(text.slice(afterAt, afterAt + 120));
    if (!after) continue;
    const who = after[1] ?? after[4]!;
    const cueWord = after[2] ?? after[3]!;
    const whoAt = afterAt + after.index + after[0].indexOf(who);
    const cueAt = afterAt + after.index + after[0].indexOf(cueWord, after[1] ? after[0].indexOf(who) + who.length : 0);
    const pronoun = /^(he|she)$/i.test(who);
    out.push({
      kind: 'direct',
      quote,
      cue: { start: cueAt, end: cueAt + cueWord.length, text: cueWord },
      speaker: { start: whoAt, end: whoAt + who.length, text: who },
      speakerName: pronoun ? null : who,
      speakerRole: null,
    });
  }
  return out.sort((a, b) => a.quote.start - b.quote.start);
}
