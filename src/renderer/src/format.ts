/** Small display helpers shared by the views. */

const numberFormat = new Intl.NumberFormat('en-US');

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 story" / "2 stories": a count with its noun in the right number. */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * A stored date as the analyst reads it: "2022-01-10", "2022-01", "1987" as they are, an ISO
 * date-time as "1987-03-02 10:44" (the time as written; stored times carry no zone to convert).
 */
export function formatDate(publishedAt: string | null): string {
  if (!publishedAt) return 'undated';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(publishedAt);
  return m ? `${m[1]} ${m[2]}` : publishedAt;
}

/** Milliseconds, rounded for people: "0.4 ms", "12 ms", "1.3 s". */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
