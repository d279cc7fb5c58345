import SearchableMap from 'minisearch/SearchableMap';

/** Most words a fuzzy query word expands to; the closest and commonest are kept. */
export const MAX_FUZZY_EXPANSIONS = 64;

/**
 * Every distinct word of the index in MiniSearch's radix tree, for fuzzy matching (`kazakstan~`
 * finds "kazakhstan"): FTS5 can match exact words and prefixes but not words within an edit
 * distance, and MiniSearch's tree answers that in a few milliseconds. Built from the index on
 * first use, and again after articles are added.
 */
export class Vocabulary {
  private map: SearchableMap<number> | null = null;

  constructor(private readonly source: () => Iterable<[string, number]>) {}

  private load(): SearchableMap<number> {
    if (!this.map) {
      const map = new SearchableMap<number>();
      for (const [word, docs] of this.source()) map.set(word, (map.get(word) ?? 0) + docs);
      this.map = map;
    }
    return this.map;
  }

  /** Forgets the word list (articles were added): the next lookup reloads it from the index. */
  invalidate(): void {
    this.map = null;
  }

  /**
   * Indexed words within `distance` edits of `word` (itself included when indexed), closest
   * first, then commonest.
   *
   * @example
   *   vocabulary.near('kazakstan', 1) // ['kazakhstan']
   */
  near(word: string, distance: number): string[] {
    const found = [...this.load().fuzzyGet(word, distance)] as Array<[string, [number, number]]>;
    found.sort((a, b) => a[1][1] - b[1][1] || b[1][0] - a[1][0]);
    return found.slice(0, MAX_FUZZY_EXPANSIONS).map(([w]) => w);
  }
}
