/**
 * The article body of a parsed page: Readability's article, with the page furniture it keeps
 * removed by element (see `furniture.ts`) and by block of text (see `block-rules.ts`), as paragraphs.
 */
import { collectBlocks } from './blocks';
import { judgeBlocks, type BlockContext, type BlockVerdict } from './block-rules';
import { removeFurniture } from './furniture';
import { runReadability } from './readability-pass';

export interface ArticleBody {
  paragraphs: string[];
  /** Date and byline lines dropped from above the first paragraph, for date finding. */
  headerLines: string[];
  /** Every block with its verdict (for the benchmark's explanations). */
  verdicts: BlockVerdict[];
}

/**
 * Extracts the article body from `document`, which it changes (read metadata first).
 *
 * @example
 *   extractBody(document, { title: 'Headline', authors: [] }).paragraphs
 */
export function extractBody(document: Document, ctx: BlockContext): ArticleBody {
  const r = runReadability(document);
  if (!r) return { paragraphs: [], headerLines: [], verdicts: [] };
  removeFurniture(r.article);
  const verdicts = judgeBlocks(collectBlocks(r.article), ctx);
  const paragraphs: string[] = [];
  const headerLines: string[] = [];
  for (const v of verdicts) {
    if (!v.drop) paragraphs.push(v.block.text);
    else if (paragraphs.length === 0 && (v.drop === 'date' || v.drop === 'byline')) headerLines.push(v.block.text);
  }
  return { paragraphs, headerLines, verdicts };
}
