/**
 * Impact tiers: what lets a ranked query score only the articles that can reach its first page.
 *
 * FTS5 ranks by BM25 and cannot stop early: a common word's 30,000 hits are all scored to find
 * the best 20. So every article also indexes, for each distinct stem, a *tier token* (`impact`
 * column of `search_fts`, weighted 0 in BM25 so it never changes a score): the stem with the
 * highest tier its weight in the article reaches. A ranked query first scores only the hits
 * holding a high tier of its stems; when the k-th best score found beats the best score any
 * other hit could have, those k are the exact top k (tiered-top.ts). The ranking is FTS5's
 * BM25, unchanged.
 *
 * BM25 as FTS5 computes it (fts5_aux.c), per phrase p of the query:
 *   idf_p · x·(k1+1) / (x + k1·(1 − b + b·D/avgdl))
 * where x is the phrase's column-weighted count in the article (title ×2), D the article's token
 * count over all columns and avgdl the table's mean of D. Written u = x / (1 − b + b·D/avgdl), a
 * phrase's part is idf_p · (k1+1)·u / (u + k1), rising with u. Tiers are thresholds on u computed
 * with a fixed reference mean (TIER_AVGDL), because the archive's own mean moves as it grows;
 * the bound corrects for the difference (see `tierBound`).
 */

/** FTS5's BM25 constants. */
const K1 = 1.2;
const B = 0.75;

/** Thresholds on u for tiers 1.., lowest first. A stem below the first is in tier 0. */
export const TIER_THRESHOLDS: readonly number[] = [2, 3, 5, 8];

/**
 * The mean article length (tokens over the four text columns) tiers are computed with. Between
 * the Reuters archive's 226 and the 200,000-article archive's 443: where the real mean is
 * higher, bounds are looser by that ratio (still exact, less pruning).
 */
export const TIER_AVGDL = 400;

/**
 * The tier token of a stem: `¤<tier><stem>`, one token for FTS5's ascii tokenizer. No word or
 * stem token starts with `¤` (words are letters, marks and digits; stems start with `§`), so
 * tier tokens are found in the impact column only, without a column filter.
 */
export function tierToken(tier: number, stem: string): string {
  return `¤${tier}${stem}`;
}

/**
 * The tier tokens of an article: one per distinct stem, with the highest tier its weight reaches
 * (0 below the first threshold). Every stem has one, so the impact column also says, at no cost
 * to scores, which articles hold a stem at all. Stems come as index tokens (`§oil`, one mark
 * character first); `docTokens` is the article's token count over the four text columns.
 *
 * @example
 *   tierTokens(['§oil', '§price'], ['§oil', '§oil', '§rise'], 12) // '¤4oil ¤3price ¤2rise'
 */
export function tierTokens(titleStems: readonly string[], bodyStems: readonly string[], docTokens: number): string {
  const weight = new Map<string, number>();
  for (const s of titleStems) weight.set(s, (weight.get(s) ?? 0) + 2);
  for (const s of bodyStems) weight.set(s, (weight.get(s) ?? 0) + 1);
  const norm = 1 - B + (B * docTokens) / TIER_AVGDL;
  let out = '';
  for (const [token, x] of weight) {
    const u = x / norm;
    let tier = 0;
    while (tier < TIER_THRESHOLDS.length && u >= TIER_THRESHOLDS[tier]!) tier++;
    out += (out ? ' ¤' : '¤') + tier + token.slice(1);
  }
  return out;
}

/** FTS5's inverse document frequency of a phrase found in `hits` of `rows` articles. */
export function bm25Idf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/**
 * The most one phrase can add to the BM25 score of an article in which its stem is below `tier`
 * (1-based; TIER_THRESHOLDS.length + 1 for "at most the top tier"), given the table's current
 * mean length.
 *
 * An article's u at the real mean is at most its u at TIER_AVGDL times max(1, avgdl/TIER_AVGDL):
 * the ratio of the two length norms lies between 1 and avgdl/TIER_AVGDL.
 */
export function tierBound(idf: number, tier: number, avgdl: number): number {
  // Above the top tier nothing is known: a phrase's part never exceeds idf · (k1 + 1).
  if (tier > TIER_THRESHOLDS.length) return idf * (K1 + 1);
  const u = TIER_THRESHOLDS[tier - 1]! * Math.max(1, avgdl / TIER_AVGDL);
  return (idf * (K1 + 1) * u) / (u + K1);
}
