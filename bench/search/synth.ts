/**
 * The 200k corpus: real articles, then re-dated, re-mixed copies of them until the count is
 * reached, written as NDJSON for Wirewatch's export importer.
 *
 * Recipe (printed by the orchestrator too):
 * - round 0: every base article as it is (Reuters-21578 as stored by Wirewatch, PolNeAR,
 *   factRuEval-2016);
 * - round r ≥ 1: each base article again, dated r years later (same month, day and time; no
 *   date stays no date). Its body interleaves a random part of its sentences (at most 60% of
 *   the words, at least one sentence) with random parts of donors: other articles of the same
 *   language family with a real body, added until no part fills more than 65% of the copy and
 *   redrawn until no source could pass Wirewatch's near-duplicate rule against the copy (80% of
 *   the smaller text's 4-word shingles shared, the smaller at least half the larger; estimated
 *   on words, with a margin). So copies are neither exact nor near duplicates of the originals
 *   or of each other (Wirewatch's import links about 90 of the 177,492 copies to a story).
 *   The title is the original title plus two or three words of the first donor's title. Every
 *   line has its own URL.
 * - seeded (mulberry32), so every build makes the same corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlainArticle } from './corpus';
import { mulberry32, pick, randInt, type Rng } from './rng';
import { sentences } from './text';

/** What was written. */
export interface SynthCorpus {
  files: string[];
  articles: number;
  baseArticles: number;
  /** Copy rounds started (the last one may be partial). */
  rounds: number;
  bytes: number;
}

/**
 * Writes `total` articles made from `base` as NDJSON files of `perFile` lines in `dir`, one
 * object per line: `{"title","body","date","source","language","url"}` (names Wirewatch's
 * column guess maps to those fields without a mapping).
 */
export function writeSynthCorpus(base: PlainArticle[], total: number, dir: string, seed: number, perFile = 20_000): SynthCorpus {
  const rand = mulberry32(seed);
  const split = base.map((a) => {
    const list = sentences(a.body);
    return { list, words: list.map((x) => x.split(/\s+/).length) };
  });
  // Copies take parts of donors of the same family (a Russian text stays Russian): articles
  // with a real body, so every copy gets text of its own mix.
  const family = (a: PlainArticle) => (a.language === 'ru' ? 'ru' : 'other');
  const donors = new Map<string, number[]>();
  base.forEach((a, i) => {
    const words = split[i]!.words.reduce((n, w) => n + w, 0);
    if (split[i]!.list.length < 2 || words < MIN_DONOR_WORDS) return;
    const list = donors.get(family(a));
    if (list) list.push(i);
    else donors.set(family(a), [i]);
  });

  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let lines: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (lines.length === 0) return;
    const file = path.join(dir, `corpus-${String(files.length + 1).padStart(3, '0')}.ndjson`);
    const text = lines.join('\n') + '\n';
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
    lines = [];
  };

  let written = 0;
  let round = 0;
  for (; written < total; round++) {
    for (let i = 0; i < base.length && written < total; i++) {
      const a = base[i]!;
      const url = `https://bench.wirewatch.invalid/${round}/${i}`;
      let line: object;
      if (round === 0) {
        line = { title: a.title, body: a.body, date: a.date, source: a.source, language: a.language, url };
      } else {
        const mix = mixCopy(rand, i, donors.get(family(a))!, split);
        line = {
          title: `${a.title} ${someWords(rand, base[mix.other]!.title)}`.trim(),
          body: paragraphs(mix.sentences),
          date: shiftYears(a.date, round),
          source: a.source,
          language: a.language,
          url,
        };
      }
      lines.push(JSON.stringify(line));
      written++;
      if (lines.length >= perFile) flush();
    }
  }
  flush();
  return { files, articles: written, baseArticles: base.length, rounds: round - 1, bytes };
}

/** Share of a source's words a copy takes at most (unless one sentence is more). */
const MAX_PART = 0.6;
/** Share of a copy's words one source may fill at most: two copies sharing a part stay below 80% shared. */
const MAX_SHARE = 0.65;
/** Words a donor article needs (and two sentences). */
const MIN_DONOR_WORDS = 30;
/** Mixes drawn before settling for the last one. */
const DRAWS = 30;
/** Donors in one copy at most. */
const MAX_DONORS = 4;

/** A base article's sentences and their word counts. */
interface Sentences {
  list: string[];
  words: number[];
}

/** The sentences a copy takes from one source. */
interface Part {
  source: number;
  sentences: string[];
  words: number;
  sourceWords: number;
}

/**
 * A copy of base article `self`: a part of it and parts of donors, added until no part fills
 * more than MAX_SHARE of the copy; redrawn until no source could be a near-duplicate of it.
 * Returns the sentences in turn and the first donor (for the title).
 */
function mixCopy(rand: Rng, self: number, donors: number[], split: Sentences[]): { sentences: string[]; other: number } {
  let parts: Part[] = [];
  for (let t = 0; t < DRAWS; t++) {
    parts = split[self]!.list.length > 0 ? [partOf(rand, self, split[self]!)] : [];
    const dominated = () => {
      const words = parts.reduce((n, p) => n + p.words, 0);
      return parts.some((p) => p.words > MAX_SHARE * words);
    };
    for (let tries = 0; (parts.length < 2 || dominated()) && parts.length <= MAX_DONORS && tries < 100; tries++) {
      const d = pick(rand, donors);
      if (d !== self && !parts.some((p) => p.source === d)) parts.push(partOf(rand, d, split[d]!));
    }
    const copyWords = parts.reduce((n, p) => n + p.words, 0);
    if (!dominated() && parts.every((p) => !looksNear(p.words, p.sourceWords, copyWords))) break;
  }
  const other = parts.find((p) => p.source !== self)?.source ?? self;
  return { sentences: interleave(parts.map((p) => p.sentences), rand), other };
}

/** A random part of a text's sentences, in their order: at most MAX_PART of its words, at least one sentence. */
function partOf(rand: Rng, source: number, text: Sentences): Part {
  const total = text.words.reduce((n, w) => n + w, 0);
  const keep = new Set<number>();
  let words = 0;
  for (const i of shuffled(rand, text.list.length)) {
    const w = text.words[i]!;
    if (keep.size > 0 && words + w > MAX_PART * total) continue;
    keep.add(i);
    words += w;
  }
  return { source, sentences: text.list.filter((_, i) => keep.has(i)), words, sourceWords: total };
}

/** 0..n-1 in random order (Fisher-Yates). */
function shuffled(rand: Rng, n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(rand, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Whether a copy holding `kept` of a source's `total` words could pass Wirewatch's
 * near-duplicate rule against that source (words standing in for shingles, with a margin).
 */
function looksNear(kept: number, total: number, copyWords: number): boolean {
  const small = Math.min(total, copyWords);
  const large = Math.max(total, copyWords);
  return small > 0 && kept >= 0.7 * small && small >= 0.45 * large;
}

/** The parts' sentences taken in turn (the first part chosen at random). */
function interleave(parts: string[][], rand: Rng): string[] {
  const start = randInt(rand, parts.length);
  const out: string[] = [];
  const longest = Math.max(...parts.map((p) => p.length));
  for (let i = 0; i < longest; i++) {
    for (let k = 0; k < parts.length; k++) {
      const s = parts[(start + k) % parts.length]![i];
      if (s !== undefined) out.push(s);
    }
  }
  return out;
}

/** Sentences three to a paragraph. */
function paragraphs(s: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 3) out.push(s.slice(i, i + 3).join(' '));
  return out.join('\n\n');
}

/** Two or three consecutive words of a title. */
function someWords(rand: Rng, title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const n = 2 + randInt(rand, 2);
  const start = randInt(rand, Math.max(1, words.length - n + 1));
  return words.slice(start, start + n).join(' ');
}

/** The same moment `years` later (an ISO timestamp stays one, a bare day stays a bare day). */
export function shiftYears(date: string | null, years: number): string | null {
  if (!date) return null;
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? d.toISOString().slice(0, 10) : d.toISOString();
}
