/**
 * Statement extraction: who said what in one article, by rules (no model, no I/O).
 *
 * 1. Quoted passages are found in one pass over the marks (marks.ts) and blanked out of a masked
 *    copy of the text, so that sentence ends and verbs inside quotes are not read as structure.
 * 2. Sentences are split on the masked copy; cues (verbs of saying, "according to", Russian
 *    "заявил", "по словам" ...) are found on it in one regular-expression pass (cues.ts).
 * 3. Direct statements: each quote takes the cue right after it (", he said") or right before it
 *    ("he said: ..."); a quote that follows an attributed one in the same paragraph continues it
 *    (the split-quote and the quote-after-quote conventions of news writing).
 * 4. Indirect and mixed statements: each remaining cue with a speaker phrase takes the reported
 *    clause after it ("X said that ...") or before it ("..., X said").
 * 5. Speakers are resolved inside the article (people.ts): names to their fullest form,
 *    pronouns to the subject of the sentence before, role nouns to the person holding the role.
 */
import { findCues, findHeadlineCues, type CueHit } from './cues';
import { findQuotes, type QuoteRun } from './marks';
import { ArticlePeople } from './people';
import { splitSentences, type Sentence } from './sentences';
import {
  antecedentOfWho,
  isPersonPronoun,
  speakerAfter,
  speakerBefore,
  splitPhrase,
  subjectBeforeApposition,
  subjectOfCoordinatedVerb,
  type Mention,
} from './speakers';
import type { ExtractedStatement, ExtractOptions, Span, StatementKind } from './types';

/** Bumped whenever the output for the same text can change (stored statements are re-extracted). */
export const EXTRACTOR_VERSION = 2;

/** A statement before its speaker is resolved. */
interface Draft {
  kind: StatementKind;
  start: number;
  end: number;
  cue: CueHit | null;
  speaker: Mention | null;
  sentence: number;
  /** For a quote that continues an earlier statement without its own attribution. */
  inheritsFrom: Draft | null;
}

const MASK = '\u0001';
/** Minimum words of reported content for an indirect statement. */
const MIN_CONTENT_WORDS = 3;
/**
 * Most statements kept from one text. Real articles have tens, a long transcript hundreds; a
 * pathological input (megabytes of "X said that ...") stops here, which bounds the time.
 */
const MAX_STATEMENTS = 5000;
/** Longest reported clause kept (a sentence with no end must not become one huge statement). */
const MAX_CONTENT = 2000;

/**
 * Extracts the statements of `text`: direct (quoted), indirect (reported speech) and mixed,
 * each with its cue, the speaker mention as written, and the speaker resolved inside the article.
 * Pure and synchronous; time linear in the text length; sorted by quote start.
 */
export function extractStatements(text: string, options: ExtractOptions = {}): ExtractedStatement[] {
  if (!text) return [];
  const russian = usesRussian(text, options.language);
  const quotes = findQuotes(text);
  const masked = maskQuotes(text, quotes);
  const sentences = splitSentences(masked);
  let cues = findCues(masked, russian);
  // a headline in title case: its capitalised verbs are cues too ("Trump Says He ...")
  const head = sentences[0] && sentences[0].para === 0 ? findHeadlineCues(masked, sentences[0].start, sentences[0].end) : [];
  if (head.length) cues = [...cues, ...head].sort((a, b) => a.start - b.start);
  const drafts = findDrafts(text, masked, sentences, quotes, cues);
  return resolve(text, sentences, drafts);
}

/** Russian cues are looked for when the article is Russian or, with no language, has Cyrillic. */
function usesRussian(text: string, language: string | null | undefined): boolean {
  if (language) return /^(?:ru|uk|be|kk)$/i.test(language);
  return /[\u0400-\u04ff]/.test(text);
}

/** The text with every quoted passage blanked (marks included); a quote ending a sentence keeps a full stop. */
function maskQuotes(text: string, quotes: QuoteRun[]): string {
  if (!quotes.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    parts.push(text.slice(at, q.open));
    const len = q.close - q.open;
    const last = text[q.end - 1];
    const ends = last === '.' || last === '!' || last === '?';
    parts.push(MASK.repeat(ends && q.closed ? len - 1 : len));
    if (ends && q.closed) parts.push('.');
    at = q.close;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const countWords = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Finds the statements sentence by sentence. */
function findDrafts(text: string, masked: string, sentences: Sentence[], quotes: QuoteRun[], cues: CueHit[]): Draft[] {
  const drafts: Draft[] = [];
  let qi = 0;
  let ci = 0;
  let lastDirect: Draft | null = null;
  let lastPara = -1;
  for (let si = 0; si < sentences.length && drafts.length < MAX_STATEMENTS; si++) {
    const S = sentences[si]!;
    if (S.para !== lastPara) {
      lastPara = S.para;
      lastDirect = null;
    }
    const sq: QuoteRun[] = [];
    while (qi < quotes.length && quotes[qi]!.open < S.end) {
      if (quotes[qi]!.open >= S.start) sq.push(quotes[qi]!);
      qi++;
    }
    const sc: CueHit[] = [];
    while (ci < cues.length && cues[ci]!.start < S.end) {
      if (cues[ci]!.start >= S.start) sc.push(cues[ci]!);
      ci++;
    }
    if (!sq.length && !sc.length) continue;
    const speakers = cueSpeakers(text, masked, S, sc);
    const sentenceDirects: Draft[] = [];

    // Direct statements.
    for (let k = 0; k < sq.length; k++) {
      const q = sq[k]!;
      const nextOpen = k + 1 < sq.length ? sq[k + 1]!.open : S.end;
      const prevClose = k > 0 ? sq[k - 1]!.close : S.start;
      const att = attributeQuote(text, S, q, nextOpen, prevClose, sc, speakers);
      if (att) {
        att.cue.used = true;
        const d: Draft = { kind: 'direct', start: q.start, end: q.end, cue: att.cue, speaker: att.speaker, sentence: si, inheritsFrom: null };
        // 'Clinton would have to "go more to center," Cuban said': the statement is the whole
        // clause, its words before the quote included (a mixed statement)
        const lead = afterDateline(text, S.start, q.open);
        if (k === 0 && att.cue.start >= q.close && countWords(text.slice(lead, q.open)) >= 3 && !/[,:;—–-]\s*$/.test(text.slice(lead, q.open))) {
          d.kind = 'mixed';
          d.start = lead;
        }
        drafts.push(d);
        sentenceDirects.push(d);
        lastDirect = d;
        continue;
      }
      if (q.single) continue;
      const sentenceInitial = q.open === S.start;
      const tail = text.slice(q.close, nextOpen);
      const standsAlone = /^[\s.,!?;:)\-—–]*$/.test(tail);
      if (lastDirect) {
        // A quote right after the attribution ("A," he said, "B") or opening a later sentence of
        // the same paragraph continues the statement: one statement, as PolNeAR annotates it.
        const attEnd = Math.max(lastDirect.end, lastDirect.cue?.end ?? 0, lastDirect.speaker?.end ?? 0);
        const gap = text.slice(attEnd, q.open);
        const follows =
          q.open >= attEnd && /[,:—–-]\s*$/.test(gap) && gap.length <= 60 && !/[.!?;\u0001]/.test(gap) && /^(?:\s*,?\s*(?:on|in|at|of|to|about|during|after|before|via|with|from|this|last)\b[^,]*)?[\s,:—–-]*$/.test(gap);
        if (sentenceInitial || follows) {
          lastDirect.end = q.end;
          lastDirect.sentence = si;
          continue;
        }
      }
      const prevDirect = drafts[drafts.length - 1];
      if (!lastDirect && prevDirect && prevDirect.kind === 'direct' && prevDirect.sentence === si - 1 && sentenceInitial && standsAlone) {
        // A quote paragraph right after a paragraph that ends with a quoted statement: the same
        // speaker goes on (PolNeAR annotates the run as one statement).
        prevDirect.end = q.end;
        prevDirect.sentence = si;
        lastDirect = prevDirect;
        continue;
      }
      if (sentenceInitial && standsAlone && countWords(text.slice(q.start, q.end)) >= 4) {
        const d: Draft = { kind: 'direct', start: q.start, end: q.end, cue: null, speaker: null, sentence: si, inheritsFrom: drafts[drafts.length - 1] ?? null };
        drafts.push(d);
        lastDirect = d;
      }
    }

    // Indirect and mixed statements: the cues no quote took. A line with no sentence end is a
    // headline, a menu or a caption (site chrome), not reported speech.
    const ended = S.end - S.start > 150 || /[.!?…"”»):;,\u0001]\s*$/.test(masked.slice(Math.max(S.start, S.end - 3), S.end));
    for (let k = 0; ended && k < sc.length && drafts.length < MAX_STATEMENTS; k++) {
      const c = sc[k]!;
      if (c.used) continue;
      const d = reportedStatement(text, masked, S, sc, k, speakers, si, sentences[si - 1] ?? null);
      if (!d) continue;
      if (sentenceDirects.some((o) => overlaps(o, d))) continue;
      c.used = true;
      drafts.push(d);
    }
  }
  return drafts;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return o > 0 && (o >= 0.5 * (a.end - a.start) || o >= 0.5 * (b.end - b.start));
};

/**
 * The speaker phrase of each cue of a sentence: the phrase before the verb, after it
 * ("according to X"), or, for a verb coordinated with an earlier one ("He stated ... and
 * noted ..."), the earlier verb's speaker.
 */
function cueSpeakers(text: string, masked: string, S: Sentence, sc: CueHit[]): Map<CueHit, Mention | null> {
  const out = new Map<CueHit, Mention | null>();
  let prev: Mention | null = null;
  for (const c of sc) {
    let m: Mention | null = null;
    if (c.kind === 'source-phrase') m = speakerAfter(text, c.end, S.end);
    else {
      m = speakerBefore(text, S.start, c.start);
      // "the head of EU diplomacy, Josep Borrel, expressed fears": the name in apposition
      const comma = m ? null : /(?:,\s*\d{1,3})?,\s*$/.exec(text.slice(Math.max(S.start, c.start - 10), c.start));
      if (comma) {
        const at = c.start - comma[0].length;
        const ap = speakerBefore(text, S.start, at);
        const apText = ap ? text.slice(ap.start, ap.end) : '';
        const nameLike = apText.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
        if (ap && /,\s*$/.test(text.slice(Math.max(S.start, ap.start - 3), ap.start)) || (ap && ap.start === S.start && nameLike)) {
          if (/^\p{Lu}/u.test(apText) && !/\s(?:and|or)\s/.test(apText)) m = ap;
        }
      }
      // "Rep. Tom Cole of Oklahoma, an ally of GOP leadership, said": the subject opens the sentence
      if (!m) m = subjectBeforeApposition(text, masked, S.start, c.start);
      if (!m) m = antecedentOfWho(text, S.start, c.start);
      // (a closing quotation mark may follow the comma: '“...,” adding')
      if (!m && prev && /(?:\band|\bbut|,(?:''|["”’»])?)\s+(?:\p{Ll}+ly\s+|also\s+|then\s+|later\s+)?$/u.test(text.slice(Math.max(S.start, c.start - 30), c.start))) m = prev;
    }
    // "Ms. Conway rejected the idea and said ...": the subject of the first verb
    if (!m && c.kind === 'verb') m = subjectOfCoordinatedVerb(text, masked, S.start, c.start, /ing$/.test(text.slice(c.start, c.end)));
    out.set(c, m);
    if (m) prev = m;
  }
  return out;
}

/** Words that open an adverbial ("on Monday", "in an interview with the BBC", "at a briefing"). */
const ADJUNCT_OPENER =
  /^(?:on|in|at|of|during|after|before|with|to|from|for|via|through|over|last|this|earlier|later|late|early|yesterday|today|tonight|recently|again|also|then|once|previously|publicly|privately|afterwards?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/**
 * True when `s` holds only adverbials, comma-separated: what may sit between a cue and the end
 * of its sentence or its quote. Linear (no backtracking regular expression over long input).
 */
function isAdjunct(s: string): boolean {
  if (s.length > 400) return false;
  for (const piece of s.split(',')) {
    const p = piece.trim();
    if (!p) continue;
    if (p.length > 120 || /[.!?;:\u0001]/.test(p)) return false;
    if (!ADJUNCT_OPENER.test(p) && !/^\p{Ll}+ly$/u.test(p)) return false;
  }
  return true;
}
const ADJUNCT = { test: isAdjunct };

/** The attribution of a quote: the cue right after it, or the cue that introduces it. */
function attributeQuote(
  text: string,
  S: Sentence,
  q: QuoteRun,
  nextOpen: number,
  prevClose: number,
  sc: CueHit[],
  speakers: Map<CueHit, Mention | null>,
): { cue: CueHit; speaker: Mention | null } | null {
  let post: { cue: CueHit; speaker: Mention | null } | null = null;
  let first = 0;
  let top = sc.length;
  while (first < top) {
    const mid = (first + top) >> 1;
    if (sc[mid]!.start < q.close) first = mid + 1;
    else top = mid;
  }
  for (let k = first; k < sc.length; k++) {
    const c = sc[k]!;
    if (c.used) continue;
    if (c.start >= nextOpen || c.start - q.close > 120) break;
    const between = text.slice(q.close, c.start);
    if (/^[\s,—–\-:]*$/.test(between)) {
      const spk = /ing$/.test(text.slice(c.start, c.end)) ? null : speakerAfter(text, c.end, nextOpen);
      if (spk) post = { cue: c, speaker: spk };
    } else {
      const spk = speakers.get(c) ?? null;
      if (spk && spk.start >= q.close && /^[\s,—–\-:]*$/.test(text.slice(q.close, spk.start))) post = { cue: c, speaker: spk };
    }
    break;
  }
  let pre: { cue: CueHit; speaker: Mention | null } | null = null;
  // the last cue that ends before the quote opens (binary search: sentences may be huge)
  let lo = 0;
  let hi = sc.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sc[mid]!.end <= q.open) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const c = sc[k]!;
    if (c.used || c.start < prevClose) break;
    const gap = text.slice(c.end, q.open);
    if (gap.length > 90 || /[.!?\u0001]/.test(gap)) break;
    // "said:", "said,", "said that", "told reporters on Monday:", "said in a statement"
    const introduces = /^\s*$/.test(gap) || ((/[,:—–]\s*$/.test(gap) || /\b(?:that|что)\s*$/.test(gap)) && ADJUNCT.test(gap.replace(/\s*(?:[,:—–]|\bthat|\bчто)\s*$/, '')));
    if (!introduces) break;
    const spk = speakers.get(c) ?? (c.kind === 'verb' ? speakerAfter(text, c.end, q.open) : null);
    // A quote in the middle of a clause ("he called it "a disaster" and left") is not introduced.
    const tail = text.slice(q.close, S.end);
    if (!/^[\s.,!?;:)\-—–]*$/.test(tail) && countWords(text.slice(q.start, q.end)) < 6) break;
    pre = { cue: c, speaker: spk };
    break;
  }
  if (!post && !pre) return unlistedAttribution(text, S, q, nextOpen, prevClose);
  if (post && pre) {
    const last = text[q.end - 1] ?? '';
    return /[,?!—–\-…]/.test(last) || /^\s*[,—–]/.test(text.slice(q.close, post.cue.start)) ? post : pre;
  }
  return post ?? pre;
}

/**
 * Attributions with a verb that is not in the cue list: after a quote ending in , ! or ?
 * ("“Go back to Univision,” Trump barked"), or a sentence that introduces the quote with a colon
 * ("Trump went even further: “...”"). The verb becomes the cue.
 */
function unlistedAttribution(
  text: string,
  S: Sentence,
  q: QuoteRun,
  nextOpen: number,
  prevClose: number,
): { cue: CueHit; speaker: Mention | null } | null {
  const last = text[q.end - 1] ?? '';
  const hit = (base: number, m: RegExpExecArray, spkGroup: number, cueGroup: number): { cue: CueHit; speaker: Mention } => {
    const [ss, se] = m.indices![spkGroup]!;
    const [cs, ce] = m.indices![cueGroup]!;
    return { cue: { start: base + cs, end: base + ce, kind: 'verb', used: false }, speaker: { start: base + ss, end: base + se } };
  };
  if (/[,!?]/.test(last)) {
    const after = text.slice(q.close, Math.min(nextOpen, q.close + 80));
    // ", Trump barked" / ", he boomed"
    const m = /^\s*((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*|he|she|they)\s+(\p{Ll}{3,}(?:ed|s))\b/du.exec(after);
    if (m && !/^(?:was|has|is|does)$/.test(m[2]!) && !/ss$/.test(m[2]!)) return hit(q.close, m, 1, 2);
    // ", beamed Donald Hartley"
    const inv = /^\s*(\p{Ll}{3,}ed)\s+/du.exec(after);
    if (inv) {
      const cueStart = q.close + inv.indices![1]![0];
      const spk = speakerAfter(text, cueStart + inv[1]!.length, nextOpen);
      if (spk && /^\p{Lu}/u.test(text.slice(spk.start, spk.end))) return { cue: { start: cueStart, end: cueStart + inv[1]!.length, kind: 'verb', used: false }, speaker: spk };
    }
  }
  const base = Math.max(prevClose, S.start);
  const before = text.slice(base, q.open);
  if (before.length <= 160 && /:\s*$/.test(before) && /^[\s.!?)\u0001]*$/.test(text.slice(q.close, S.end))) {
    // "Trump went even further: “...”"
    const m = /^(?:[^,:]{0,40},\s*)?((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+(?:\p{Ll}+ly\s+|then\s+|also\s+|later\s+)?(\p{Ll}{3,}(?:ed|s))\b[^:]{0,80}:\s*$/du.exec(before);
    if (m && !/^(?:was|has|is|does)$/.test(m[2]!)) return hit(base, m, 1, 2);
  }
  return null;
}

/** Strips a dateline ("WASHINGTON (Reuters) - ", "INTERFAX - ") from the start of a clause. */
function afterDateline(text: string, s: number, e: number): number {
  const m = /^[\p{Lu}][\p{Lu}\p{N} .,'’-]{1,40}(?:\([^)\n]{1,40}\))?\s*[-—–]{1,2}\s+/u.exec(text.slice(s, Math.min(e, s + 80)));
  return m ? s + m[0].length : s;
}

const trimSpan = (text: string, s: number, e: number): [number, number] => {
  while (s < e && /[\s,;:—–\-]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:.!?—–\-]/.test(text[e - 1]!)) e--;
  return [s, e];
};

/**
 * The hearer after "told" when no "that" follows, up to where the reported clause starts: an
 * object pronoun, a short noun phrase or a capitalised name, an optional time or place, then a
 * word that opens a clause (a pronoun or a determiner).
 */
const HEARER =
  /^\s*(?:me|him|her|them|us|you|reporters|journalists|(?:\p{Ll}+\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){0,3}\p{Lu}[\p{L}'’.&-]*|(?:the|a|an|his|her|their|its|local|city|state)\s+(?:\p{Ll}+\s+){0,2}?\p{Ll}+)(?:\s+(?:on|in|at|last|this|earlier|during)\s+[^,.;:\u0001]{1,40}?)?\s*,?\s+(?=(?:he|she|they|it|we|I|you|there|the|his|her|their|its|this|these|those|no|most|many|some|all)\s)/u;

/** Where a reported clause ends inside its sentence: a semicolon or a tacked-on comparison. */
const CLAUSE_END = /;|,\s+(?:compared (?:with|to)|up from|down from|versus|vs\.)\s/;

/** An indirect (or mixed) statement from the cue `sc[k]`, or null. */
function reportedStatement(
  text: string,
  masked: string,
  sentence: Sentence,
  sc: CueHit[],
  k: number,
  speakers: Map<CueHit, Mention | null>,
  si: number,
  prev: Sentence | null,
): Draft | null {
  let S = sentence;
  const c = sc[k]!;
  let speaker = speakers.get(c) ?? null;
  let s = -1;
  let e = -1;
  // A sentence with no end is looked at only near the cue: bounded work per cue.
  if (S.end - S.start > 2 * MAX_CONTENT) S = { start: Math.max(S.start, c.start - MAX_CONTENT), end: Math.min(S.end, c.end + MAX_CONTENT), para: S.para };
  const before = text.slice(S.start, c.start);
  if (c.kind === 'source-phrase') {
    if (!speaker) return null;
    if (/^[\s\p{P}]*(?:\p{L}+\s+)?$/u.test(before) && /^(?:[Aa]ccording|[Пп]о|[Кк]ак)(?![\p{L}])/u.test(text.slice(c.start, c.start + 12))) {
      // "According to X, ..." : the clause after the comma
      const comma = text.indexOf(',', speaker.end);
      if (comma < 0 || comma > speaker.end + 40 || comma >= S.end) return null;
      s = comma + 1;
      e = S.end;
    } else if (/,\s*$/.test(before) && /^,\s*\S/.test(text.slice(speaker.end, S.end)) && countWords(text.slice(speaker.end, S.end)) >= MIN_CONTENT_WORDS) {
      // "About 10 p.m., according to a timeline, the contractors left": after a short opener the
      // statement is the whole sentence; after a clause of its own, what follows the source
      const lead = afterDateline(text, S.start, c.start);
      if (countWords(text.slice(lead, c.start)) <= 6) s = lead;
      else if (/^,\s*(?:he|she|they|it|we|I|there|\d|(?:two|three|four|five|six|seven|eight|nine|ten|most|many|some|all)\s)/u.test(text.slice(speaker.end, S.end))) s = speaker.end + 1;
      else {
        // ", according to John Weaver, a Republican strategist": the rest is an apposition
        s = lead;
        e = S.start + before.search(/,\s*$/);
      }
      e = e < 0 ? S.end : e;
    } else if (/,\s*$/.test(before)) {
      s = S.start;
      e = S.start + before.search(/,\s*$/);
    } else return null;
  } else if (!speaker && /^ask/.test(text.slice(c.start, c.end)) && /\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Ii]f|[Oo]nce|[Aa]s|[Uu]pon|[Ww]hile)\s+(?:being\s+)?$/.test(before)) {
    // "When asked about the polls, Trump said ...": the question is reported, its asker unnamed
    const rest = text.slice(c.end, S.end);
    const about = /^\s*(?:about\s+)?/.exec(rest)![0].length;
    const comma = rest.indexOf(',', about);
    s = c.end + about;
    e = comma < 0 ? S.end : c.end + comma;
  } else {
    // Where the clause of this cue stops: at the next cue coordinated with it.
    let stop = S.end;
    for (let j = k + 1; j < sc.length && sc[j]!.start < S.end; j++) {
      const n = sc[j]!;
      const nsp = speakers.get(n);
      const from = nsp && nsp !== speaker && nsp.start > c.end ? nsp.start : n.start;
      const lead = /(?:,\s*|\s+)(?:and|but|while|as)\s+(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(text.slice(c.end, from));
      if (lead) {
        stop = c.end + lead.index;
        break;
      }
      // "X told Y that ..., adding ...": a participle after a comma opens a clause of its own
      if (/ing$/.test(text.slice(n.start, n.end)) && /,(?:''|["”’»])?\s*$/.test(text.slice(c.end, n.start))) {
        stop = n.start;
        break;
      }
      if (nsp && nsp !== speaker && nsp.start > c.end) {
        const lead2 = /(?:,|\s[—–-])\s*$/.exec(text.slice(c.end, nsp.start));
        if (lead2) {
          stop = c.end + lead2.index;
          break;
        }
      }
    }
    // A semicolon, or a comparison tacked on ("..., compared with 64 percent"), ends the clause.
    const end = CLAUSE_END.exec(masked.slice(c.end, stop));
    if (end) stop = c.end + end.index;
    const after = text.slice(c.end, stop);
    const lead = speaker ? text.slice(S.start, speaker.start) : before;
    if (speaker && ADJUNCT.test(after.replace(/[.!?]+\s*$/, '')) && /[,—–]\s*$/.test(lead) && countWords(lead) >= MIN_CONTENT_WORDS) {
      // "..., X said (on Monday)." : the clause before the speaker
      s = afterDateline(text, S.start, S.end);
      e = S.start + lead.search(/\s*[,—–]\s*$/);
    } else if (!speaker) {
      // "..., said X."
      const inv = speakerAfter(text, c.end, stop);
      if (!inv || !/[,—–]\s*$/.test(before) || countWords(before) < MIN_CONTENT_WORDS) return null;
      const rest = text.slice(inv.end, stop).replace(/[.!?]+\s*$/, '');
      if (!ADJUNCT.test(rest) && !/^\s*[,(]/.test(rest)) return null;
      speaker = inv;
      s = afterDateline(text, S.start, S.end);
      e = S.start + before.search(/\s*[,—–]\s*$/);
      // "This trend, experts say, will go on": the clause runs on both sides of the attribution
      if (countWords(text.slice(s, e)) < MIN_CONTENT_WORDS && /^\s*,/.test(rest) && countWords(rest) >= MIN_CONTENT_WORDS) e = stop;
    } else {
      // "X said (that) ..." : the clause after the cue; "told Y that" skips the hearer.
      s = c.end;
      const that = /^[^,.;:\u0001]{0,60}?\b(that|что|whether|how|why)\b/u.exec(after);
      const thatAt = that ? that[0].length - that[1]!.length : -1;
      const telling = /^(?:told|tells|telling|tell)\b/.test(text.slice(c.start, c.end));
      if (that && (telling || /^(?:assured|informed|warned|reminded|urged|asked)/.test(text.slice(c.start, c.end)) || thatAt <= 1)) s = c.end + thatAt;
      else if (telling) {
        // "told me his support ...", "told a news conference they ...": the hearer is skipped
        const hearer = HEARER.exec(after);
        const comma = hearer ? null : /^[^,.;:\u0001]{0,60}?,/.exec(after);
        if (!hearer && !comma) return null;
        s = c.end + (hearer ?? comma)![0].length;
      }
      e = stop;
    }
  }
  [s, e] = trimSpan(text, s, e);
  if (e - s > MAX_CONTENT) e = s + MAX_CONTENT;
  if (e <= s) return null;
  const piece = masked.slice(s, e);
  // quoted words make a short clause a statement ("called Trump “unhinged”")
  if (countWords(text.slice(s, e)) < (piece.includes(MASK) ? 2 : MIN_CONTENT_WORDS)) return null;
  let kind: StatementKind = piece.includes(MASK) ? 'mixed' : 'indirect';
  if (kind === 'mixed' && /^(?:that\s+|что\s+)?\u0001+[.]?$/u.test(piece.replace(/[\s,.;:!?]+$/, ''))) kind = 'direct';
  // "X expressed a similar view. He stated that ..." : the view's holder is named before.
  if (speaker && prev && k === 0 && isPersonPronoun(text.slice(speaker.start, speaker.end))) {
    const named = viewHolder(text, prev);
    if (named) speaker = named;
  }
  return { kind, start: s, end: e, cue: c, speaker, sentence: si, inheritsFrom: null };
}

/** "US Secretary of State Anthony Blinken expressed a similar point of view." → the name's span. */
function viewHolder(text: string, prev: Sentence): Mention | null {
  const t = text.slice(prev.start, prev.end);
  const m = /((?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)\s+(?:has\s+|had\s+|also\s+)?(?:expressed|voiced|shared|took|echoed|offered)\s+(?:a|an|the)\s+(?:similar|same|different|opposite|like)\s+(?:point of view|view|position|opinion|stance|sentiment|line)\.?$/u.exec(
    t,
  );
  if (!m) return null;
  const parts = splitPhrase(m[1]!);
  if (!parts.name) return null;
  const start = prev.start + m.index + m[1]!.lastIndexOf(parts.name);
  return { start, end: start + parts.name.length };
}

const span = (text: string, s: number, e: number): Span => ({ start: s, end: e, text: text.slice(s, e) });

/** Resolves the speakers inside the article and builds the output. */
function resolve(text: string, sentences: Sentence[], drafts: Draft[]): ExtractedStatement[] {
  if (!drafts.length) return [];
  drafts.sort((a, b) => a.start - b.start);
  let people: ArticlePeople | null = null;
  const getPeople = (): ArticlePeople => (people ??= new ArticlePeople(text));
  const resolved = new Map<Draft, { name: string | null; role: string | null }>();
  let lastSpeaker: { name: string; at: number } | null = null;
  const rolesByName = new Map<string, string>();
  const out: ExtractedStatement[] = [];
  for (const d of drafts) {
    let name: string | null = null;
    let role: string | null = null;
    if (d.speaker) {
      const parts = splitPhrase(text.slice(d.speaker.start, d.speaker.end));
      const P = getPeople();
      if (parts.name) {
        name = P.fullName(parts.name);
        role = parts.role ?? P.roleOf(name);
      } else if (parts.pronoun) {
        if (isPersonPronoun(parts.pronoun)) {
          const prevStart = sentences[Math.max(0, d.sentence - 1)]!.start;
          name = P.personBefore(d.speaker.start, prevStart, lastSpeaker);
          role = name ? P.roleOf(name) : null;
        }
      } else if (parts.role) {
        // "the spokesman": the latest speaker who holds that role, else nobody we can name.
        const head = parts.role.split(/\s+/).pop()!.toLowerCase();
        if (lastSpeaker && d.speaker.start - lastSpeaker.at < 3000) {
          const r = P.roleOf(lastSpeaker.name);
          if (r && r.toLowerCase().includes(head)) name = lastSpeaker.name;
        }
        name ??= P.holderBefore(d.speaker.start, head);
        role = name ? (P.roleOf(name) ?? parts.role) : parts.role;
      }
    } else if (d.inheritsFrom) {
      const r = resolved.get(d.inheritsFrom);
      if (r) ({ name, role } = r);
    }
    // the role an earlier statement of the article gave the same person
    if (name && !role) role = rolesByName.get(name) ?? null;
    if (name && role && !rolesByName.has(name)) rolesByName.set(name, role);
    resolved.set(d, { name, role });
    if (name && d.speaker) lastSpeaker = { name, at: d.speaker.start };
    out.push({
      kind: d.kind,
      quote: span(text, d.start, d.end),
      cue: d.cue ? span(text, d.cue.start, d.cue.end) : null,
      speaker: d.speaker ? span(text, d.speaker.start, d.speaker.end) : null,
      speakerName: name,
      speakerRole: role,
    });
  }
  return out;
}
