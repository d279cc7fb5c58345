// Type declarations for dependencies that ship none.

declare module 'snowball-stemmers' {
  /** A Snowball stemmer (JS port of snowball.tartarus.org). */
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  /** Stop-word lists keyed by ISO 639-3 code ("eng", "rus"), and helpers. */
  const lists: Record<string, string[]>;
  export = lists;
}
