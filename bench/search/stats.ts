/** Latency percentiles and hit means of one query kind. */
import type { KindFigures, QueryKind } from './types';

/**
 * The nearest-rank percentile of a sorted list (p in 0..100); NaN for an empty list.
 *
 * @example
 *   percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * The figures of one kind from the wall times (ms) of the queries that succeeded and the
 * totals of every query run (null where it failed).
 */
export function summarise(
  kind: QueryKind,
  timesMs: number[],
  totals: Array<number | null>,
  failures: number,
  skipped: number,
  firstError: string | null,
): KindFigures {
  const sorted = [...timesMs].sort((a, b) => a - b);
  const ok = totals.filter((t): t is number => t !== null);
  return {
    kind,
    count: totals.length,
    failures,
    firstError,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    meanHits: ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN,
    totals,
    skipped,
  };
}
