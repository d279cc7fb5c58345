/**
 * Reads the Russian part of /work/shared/data/quote-attribution-ru-cs (token-level source / cue /
 * content tags) into sentences with character spans, for the statement extractor tests.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RuGoldSentence {
  id: string;
  text: string;
  content: { start: number; end: number } | null;
  source: { start: number; end: number } | null;
  cue: string[];
}

/** Splits one TSV line, fields quoted CSV-style where needed. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === '\t') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The Russian gold sentences with content, source and cue rebuilt as character spans. */
export function readRuGold(dir: string): RuGoldSentence[] {
  const sentences = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(dir, 'ru_sentences.tsv'), 'utf8').split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [text, id] = cells(line);
    sentences.set(id!, text!);
  }
  const tokens = new Map<string, Array<{ text: string; tag: string }>>();
  for (const line of fs.readFileSync(path.join(dir, 'ru_tokens.tsv'), 'utf8').split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [, text, id, , tag] = cells(line);
    if (!tokens.has(id!)) tokens.set(id!, []);
    tokens.get(id!)!.push({ text: text!, tag: tag! });
  }
  const out: RuGoldSentence[] = [];
  for (const [id, text] of sentences) {
    let at = 0;
    const spans: Record<string, { start: number; end: number } | null> = { content: null, source: null };
    const cue: string[] = [];
    for (const t of tokens.get(id) ?? []) {
      const i = text.indexOf(t.text, at);
      if (i < 0) continue;
      at = i + t.text.length;
      if (t.tag === 'cue') cue.push(t.text);
      if (t.tag === 'content' || t.tag === 'source') {
        const s = spans[t.tag];
        spans[t.tag] = s ? { start: Math.min(s.start, i), end: Math.max(s.end, at) } : { start: i, end: at };
      }
    }
    out.push({ id, text, content: spans.content ?? null, source: spans.source ?? null, cue });
  }
  return out;
}
