/**
 * The exact top k of a ranked stem query without scoring every hit (see tiers.ts for the tier
 * tokens and the bound). Returns what `ORDER BY bm25 DESC, rowid LIMIT k` over all hits returns.
 *
 * Candidates are hits chosen by clauses on the impact column, whose weight is 0, so FTS5 scores
 * them exactly as it scores them in the whole query. A *rare* stem (in at most RARE_HITS
 * articles: a name, or another language's form of an English word) has all its articles among
 * the candidates: its high idf would bound nothing. Then:
 * 1. the hits holding a query word at the top tier are scored; if the k-th beats what an
 *    article without any (each word below the top tier) could score, that is the answer;
 * 2. otherwise the k-th score is a floor, and the candidates become the articles whose tiers
 *    could still beat it: for one word its upper tiers, for two words each pair of tiers, for
 *    more, each word from the tier where it matters (the weightiest lowered first);
 * 3. if that does not decide, every hit is scored (the caller's plain ranking).
 * Fewer than k hits at the top tier: the next tier down is tried first.
 */
import { stemToken } from './analyse';
import { inColumns } from './plan';
import { bm25Idf, tierBound, tierToken, TIER_THRESHOLDS } from './tiers';

/** A stem phrase of a query that can add to a hit's score, with the columns it is matched in. */
export interface TierPhrase {
  /** FTS5 column filter, e.g. `{title_stems}`; empty for title and body. */
  columns: string;
  stem: string;
  /** The query word it is a form of (its stems in the archive's languages share this number). */
  word: number;
}

/**
 * What a ranked expression scores by: its stem phrases, and whether every hit holds every
 * query word (one of its stems), as an AND of words does.
 */
export interface TierQuery {
  phrases: TierPhrase[];
  allOf: boolean;
}

/** What the tiered ranking reads from the index. */
export interface TieredSource {
  /** The best `k` rows of an expression: [rowid, score], best first, ties by rowid. */
  top(expression: string, k: number): Array<[number, number]>;
  count(expression: string): number;
  /** Rows in the table and their mean token count (FTS5's own, as BM25 uses them). */
  stats(): { rows: number; avgdl: number } | null;
}

/**
 * Ranked queries with at most this many hits score them all: it costs a few milliseconds, and
 * the tiers' own queries would cost as much.
 */
export const TIERED_FROM_HITS = 5000;

/**
 * An AND of several words narrows its hits itself, and its tiers need the candidates of two
 * words at once, which FTS5 gathers slowly: below this many hits, scoring all is faster.
 */
export const TIERED_AND_FROM_HITS = 20_000;

/** Stems whose phrases are each found in at most this many articles are candidates at any tier. */
export const RARE_HITS = 1000;

/** How ranked queries given tiers were answered (by tier reached, or in full): for tests and the bench. */
export const tieredCounters = { tiered: 0, full: 0, byTier: [0, 0, 0, 0, 0] };

const TOP_TIER = TIER_THRESHOLDS.length;

/**
 * The top `k` rows of `expression` (which has `hits` hits), whose scoring phrases are
 * `query.phrases` (each exactly as written there; negated single words aside, which add nothing
 * to a hit), or null when every hit is better scored (few hits) or must be (the tiers cannot
 * decide).
 */
export function tieredTop(source: TieredSource, expression: string, k: number, query: TierQuery, hits: number): Array<[number, number]> | null {
  if (hits <= TIERED_FROM_HITS || query.phrases.length === 0 || k <= 0) return null;
  if (query.allOf && new Set(query.phrases.map((p) => p.word)).size > 1 && hits <= TIERED_AND_FROM_HITS) return null;
  const stats = source.stats();
  if (!stats) return null;
  const { words, rare } = queryWords(source, query, stats);
  if (words.length === 0) return null;
  const rareTokens = rare.flatMap((s) => tokens([s], 0, TOP_TIER));
  /** Scores the candidates (`clauses`: impact-column alternatives); decided when the k-th beats `bound`. */
  const attempt = (clauses: string[], bound: number) => {
    const all = [...(rareTokens.length ? [`(${rareTokens.join(' OR ')})`] : []), ...clauses];
    const rows = all.length ? source.top(`(${expression}) AND (${all.join(' OR ')})`, k) : [];
    return { rows, decided: rows.length === k && rows[k - 1]![1] > bound * (1 + 1e-9) };
  };

  // Best tiers first, lower while they give fewer than k hits.
  for (let tier = TOP_TIER; tier >= 1; tier--) {
    const first = attempt(
      words.map((w) => `(${tokens(w.stems, tier, TOP_TIER).join(' OR ')})`),
      words.reduce((sum, w) => sum + w.below(tier), 0),
    );
    if (first.decided) return counted(tier, first.rows);
    if (first.rows.length < k) continue;
    // The k-th score found is a floor for the answer's: articles whose words' bounds add up to
    // less cannot be in it. Score only the others.
    const floor = first.rows[k - 1]![1];
    const plan = words.length === 2 ? pairCandidates(words[0]!, words[1]!, floor) : singleCandidates(words, floor);
    if (!plan) break;
    const second = attempt(plan.clauses, plan.bound);
    if (second.decided) return counted(0, second.rows);
    break;
  }
  tieredCounters.full++;
  return null;
}

/** Candidates as clauses of the impact column, and the most an article left out can score. */
interface Candidates {
  clauses: string[];
  bound: number;
}

/** Adds a margin for rounding: a bound this close to the floor counts as reaching it. */
function reaches(bound: number, floor: number): boolean {
  return bound * (1 + 1e-9) >= floor;
}

/**
 * Each word from the tier where it could matter, lowering first the tiers of the words that
 * weigh most until the sum of what all can add is below the floor. A word of little weight
 * (a very common one) may drop out entirely. Null when even all tiers do not get there.
 */
function singleCandidates(words: QueryWord[], floor: number): Candidates | null {
  const tiers = words.map(() => TOP_TIER + 1);
  const total = () => words.reduce((sum, w, i) => sum + w.below(tiers[i]!), 0);
  while (reaches(total(), floor)) {
    let heaviest = -1;
    for (let i = 0; i < words.length; i++) {
      if (tiers[i]! > 0 && (heaviest < 0 || words[i]!.below(tiers[i]!) > words[heaviest]!.below(tiers[heaviest]!))) heaviest = i;
    }
    if (heaviest < 0) return null;
    tiers[heaviest]!--;
  }
  const clauses: string[] = [];
  words.forEach((w, i) => {
    if (tiers[i]! <= TOP_TIER) clauses.push(`(${tokens(w.stems, tiers[i]!, TOP_TIER).join(' OR ')})`);
  });
  return { clauses, bound: total() };
}

/**
 * For two words a and b, by the pair of tiers an article holds them at (or not at all, in an
 * OR): an article is a candidate when what its two tiers allow reaches the floor. So articles
 * holding one very weighty word are candidates alone, and articles holding both at middling
 * tiers too.
 */
function pairCandidates(a: QueryWord, b: QueryWord, floor: number): Candidates {
  // below(t + 1) bounds an article holding the word at tier t; 0 when it does not hold it.
  const levels = [-1, ...Array.from({ length: TOP_TIER + 1 }, (_, t) => t)];
  const part = (w: QueryWord, t: number) => (t < 0 ? 0 : w.below(t + 1));
  const aloneA = levels.filter((t) => t >= 0 && reaches(part(a, t), floor));
  const aloneB = levels.filter((t) => t >= 0 && reaches(part(b, t), floor));
  const clauses: string[] = [];
  if (aloneA.length) clauses.push(`(${aloneA.flatMap((t) => tokens(a.stems, t, t)).join(' OR ')})`);
  if (aloneB.length) clauses.push(`(${aloneB.flatMap((t) => tokens(b.stems, t, t)).join(' OR ')})`);
  let bound = 0;
  for (const ta of levels) {
    if (aloneA.includes(ta)) continue;
    const withB: number[] = [];
    for (const tb of levels) {
      if (aloneB.includes(tb)) continue;
      const both = part(a, ta) + part(b, tb);
      if (ta >= 0 && tb >= 0 && reaches(both, floor)) withB.push(tb);
      else bound = Math.max(bound, both);
    }
    if (withB.length) {
      clauses.push(`((${tokens(a.stems, ta, ta).join(' OR ')}) AND (${withB.flatMap((t) => tokens(b.stems, t, t)).join(' OR ')}))`);
    }
  }
  return { clauses, bound };
}

/**
 * A word of the query with its common stems, and the most its phrases add to an article that
 * holds its stems below `tier` (1..TOP_TIER; TOP_TIER + 1: at most in the top tier). The
 * stems' bounds are added up: an article may hold more than one form of a word.
 */
interface QueryWord {
  stems: string[];
  below(tier: number): number;
}

/**
 * The query's words with their common stems, and the rare stems (every phrase in at most
 * RARE_HITS articles). Each phrase's idf comes from its hits, as FTS5 counts them for its own
 * idf (FTS5 counts the same rows, or more if it ignored the column filter, which only lowers
 * its idf).
 */
function queryWords(source: TieredSource, query: TierQuery, stats: { rows: number; avgdl: number }): { words: QueryWord[]; rare: string[] } {
  const hitsOf = new Map<string, number>();
  const phrasesOf = new Map<string, Array<{ hits: number; idf: number }>>();
  for (const p of query.phrases) {
    const clause = inColumns(p.columns, `"${stemToken(p.stem)}"`);
    let n = hitsOf.get(clause);
    if (n === undefined) hitsOf.set(clause, (n = source.count(clause)));
    const list = phrasesOf.get(p.stem) ?? [];
    phrasesOf.set(p.stem, list);
    list.push({ hits: n, idf: bm25Idf(stats.rows, n) });
  }
  const rare = [...phrasesOf].filter(([, list]) => list.every((p) => p.hits <= RARE_HITS)).map(([stem]) => stem);
  // What each common stem's phrases add below a tier (a stem in two words counts in both).
  const stemBelow = (stem: string, tier: number) => phrasesOf.get(stem)!.reduce((sum, p) => sum + tierBound(p.idf, tier, stats.avgdl), 0);
  const stemsOf = new Map<number, Set<string>>();
  for (const p of query.phrases) {
    if (rare.includes(p.stem)) continue;
    const set = stemsOf.get(p.word) ?? new Set<string>();
    stemsOf.set(p.word, set.add(p.stem));
  }
  const words = [...stemsOf.values()].map((set): QueryWord => {
    const stems = [...set];
    return { stems, below: (tier) => stems.reduce((sum, s) => sum + stemBelow(s, tier), 0) };
  });
  return { words, rare };
}

function counted(tier: number, rows: Array<[number, number]>): Array<[number, number]> {
  tieredCounters.tiered++;
  tieredCounters.byTier[Math.min(tier, TOP_TIER)]!++;
  return rows;
}

/** The quoted tier tokens of stems from tier `from` to `to`. */
function tokens(stems: readonly string[], from: number, to: number): string[] {
  const out: string[] = [];
  for (const stem of stems) for (let t = from; t <= to; t++) out.push(`"${tierToken(t, stem)}"`);
  return out;
}
