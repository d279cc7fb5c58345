/**
 * The article body of a parsed page: Readability's article, with the page furniture it keeps
 * removed by element (see `furniture.ts`) and by block of text (see `block-rules.ts`), as
 * paragraphs; other candidates (see `fallback.ts`) when Readability finds too little.
 */
import { collectBlocks, nestingDepth, type TextBlock } from './blocks';
import { judgeBlocks, type BlockContext, type BlockVerdict } from './block-rules';
import { containerBlocks, jsonLdParagraphs } from './fallback';
import { removeFurniture } from './furniture';
import { MAX_READABILITY_DEPTH } from './page-limits';
import { runReadability } from './readability-pass';
import { wordsOf } from './text';

export interface ArticleBody {
  paragraphs: string[];
  /** Date and byline lines dropped from above the first paragraph, for date finding. */
  headerLines: string[];
  /** Every block with its verdict (for the benchmark's explanations). */
  verdicts: BlockVerdict[];
  /** Where the paragraphs came from. */
  origin: 'readability' | 'page container' | 'JSON-LD articleBody';
  /** The byline Readability found on the page (it removes it from the text), if any. */
  byline: string | null;
}

export interface BodySources extends BlockContext {
  /** The page parsed afresh, for the fallback (Readability changes the document it reads). */
  reparse: () => Document;
  /** The JSON-LD `articleBody` text, if the page has one. */
  jsonLdArticleBody: string | null;
}

/** Below this many characters (Readability's own threshold), its article may have missed text. */
const TOO_LITTLE_CHARS = 500;
/** A container replaces Readability's article only when it holds this share of its words. */
const CONTAINER_COVERAGE = 0.8;
/** The JSON-LD text replaces an article this many times shorter than it. */
const JSON_LD_MUCH_LONGER = 2;
const MIN_JSON_LD_CHARS = 500;

/**
 * Extracts the article body from `document`, which it changes (read metadata first).
 *
 * @example
 *   extractBody(document, { title: 'Headline', authors: [], leadImageTexts: [], reparse, jsonLdArticleBody: null }).paragraphs
 */
export function extractBody(document: Document, sources: BodySources): ArticleBody {
  // Readability's time grows steeply with nesting depth; on such a page the container alone is read.
  if (nestingDepth(document.documentElement) > MAX_READABILITY_DEPTH) {
    return withJsonLdFallback(judge(containerBlocks(document), sources, 'page container', null), sources, document);
  }
  const r = runReadability(document);
  let blocks: TextBlock[] = [];
  if (r) {
    removeFurniture(r.article);
    blocks = collectBlocks(r.article);
  }
  let body = judge(blocks, sources, 'readability', r?.byline ?? null);

  // On short articles Readability often keeps the paragraphs and drops subheads and lists
  // around them; the page's own container, when it holds what Readability kept, has them all.
  if (charsOf(body.paragraphs) < TOO_LITTLE_CHARS) {
    const fromContainer = judge(containerBlocks(sources.reparse()), sources, 'page container', body.byline);
    const longer = charsOf(fromContainer.paragraphs) > charsOf(body.paragraphs);
    if (longer && covers(fromContainer.paragraphs, body.paragraphs)) body = fromContainer;
  }
  return withJsonLdFallback(body, sources, document);
}

/** `body`, or the JSON-LD articleBody's paragraphs when they are much longer (Readability missed the text). */
function withJsonLdFallback(body: ArticleBody, sources: BodySources, document: Document): ArticleBody {
  const ld = sources.jsonLdArticleBody;
  if (ld && ld.length >= MIN_JSON_LD_CHARS && ld.length > charsOf(body.paragraphs) * JSON_LD_MUCH_LONGER) {
    const paragraphs = jsonLdParagraphs(ld, document);
    if (charsOf(paragraphs) > charsOf(body.paragraphs) * JSON_LD_MUCH_LONGER) {
      return { ...body, paragraphs, origin: 'JSON-LD articleBody' };
    }
  }
  return body;
}

function judge(blocks: TextBlock[], ctx: BlockContext, origin: ArticleBody['origin'], byline: string | null): ArticleBody {
  const verdicts = judgeBlocks(blocks, ctx);
  const paragraphs: string[] = [];
  const headerLines: string[] = [];
  for (const v of verdicts) {
    if (!v.drop) paragraphs.push(v.block.text);
    else if (paragraphs.length === 0 && (v.drop === 'date' || v.drop === 'byline')) headerLines.push(v.block.text);
  }
  return { paragraphs, headerLines, verdicts, origin, byline };
}

/** Whether `outer` holds at least {@link CONTAINER_COVERAGE} of the words of `inner` (all when `inner` is empty). */
function covers(outer: readonly string[], inner: readonly string[]): boolean {
  const available = new Map<string, number>();
  for (const w of wordsOf(outer.join(' '))) available.set(w, (available.get(w) ?? 0) + 1);
  const words = wordsOf(inner.join(' '));
  let found = 0;
  for (const w of words) {
    const n = available.get(w) ?? 0;
    if (n > 0) {
      found++;
      available.set(w, n - 1);
    }
  }
  return words.length === 0 || found / words.length >= CONTAINER_COVERAGE;
}

function charsOf(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}
