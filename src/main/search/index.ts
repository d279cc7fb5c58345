/** Full-text search: the derived MiniSearch index, its analysis and snippets. */
export { SearchIndex, type IndexStatus, type ArticleLookup } from './search-index';
export { makeSnippet, type Snippet } from './snippet';
export { tokenize, normaliseTerm, tokensWithOffsets } from './analyse';
