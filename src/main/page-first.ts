/**
 * The search box sends a query's summary, then its page. When the summary is counted on the
 * workbench thread (the summary thread still loading, `speaker:`, a failed thread), counting it
 * first would hold the hits back by the whole count; such a summary waits for its page instead.
 */
export class PageFirst {
  /** Summaries expecting the page of their query, by a key of their own. */
  private readonly expecting = new Map<object, { query: string; release: () => void }>();

  /**
   * @param waitMs how long a summary waits for a page that does not come
   */
  constructor(private readonly waitMs: number) {}

  /**
   * Starts expecting the page of `query` (call when the summary arrives: the page may be
   * answered while the summary is still asked elsewhere). `answered()` resolves once that page
   * has been answered, or `waitMs` after it was called if none comes; `forget()` stops expecting.
   */
  expect(query: string): { answered(): Promise<void>; forget(): void } {
    const key = {};
    let answered = false;
    let wake: (() => void) | null = null;
    this.expecting.set(key, {
      query,
      release: () => {
        answered = true;
        this.expecting.delete(key);
        wake?.();
      },
    });
    return {
      answered: () =>
        answered
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const timer = setTimeout(() => wake?.(), this.waitMs);
              wake = () => {
                clearTimeout(timer);
                this.expecting.delete(key);
                resolve();
              };
            }),
      forget: () => void this.expecting.delete(key),
    };
  }

  /**
   * The page of `query` has been answered: the summaries expecting it go on at the next turn of
   * the event loop, once the page's reply is out.
   */
  pageAnswered(query: string): void {
    for (const e of this.expecting.values()) if (e.query === query) setImmediate(e.release);
  }
}
