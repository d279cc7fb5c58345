/**
 * The HTML page reader: a saved news web page (from a browser or a scraper) → one article.
 *
 * The page is parsed once with jsdom (no scripts run, nothing is fetched). Metadata is read
 * first, from JSON-LD, OpenGraph and other meta tags, `<time>`, `<html lang>` and the canonical
 * link; then Mozilla Readability finds the article, and our own rules remove what it keeps that
 * is not the article's text (see `body.ts`).
 */
import { ImportError } from '../errors';
import { parseDateline } from '../plaintext';
import type { ParsedArticle, ReaderInput } from '../parsed';
import type { BlockVerdict } from './block-rules';
import { authorsFromBylines, withoutSiteNames } from './authors';
import { extractBody, type ArticleBody } from './body';
import { readPageMetadata } from './metadata';
import { MAX_HTML_CHARS, MAX_MARKUP_DEPTH, estimateMarkupDepth } from './page-limits';
import { parsePage, setBaseUrl } from './parse-page';
import { chooseTitle, siteNameInDocumentTitle } from './title';

export { MAX_HTML_CHARS } from './page-limits';

/** What the user is told when the text did not come from Readability's reading of the page. */
const ORIGIN_WARNINGS: Record<Exclude<ArticleBody['origin'], 'readability'>, string> = {
  'page container': "The text was read from the page's article container: the usual extraction found only part of it.",
  'JSON-LD articleBody': "The text was taken from the page's structured data (JSON-LD articleBody): the page itself showed much less.",
};

/** An article with the reader's working: every block of text and whether it was kept. */
export interface ExplainedArticle {
  article: ParsedArticle;
  verdicts: BlockVerdict[];
  origin: ArticleBody['origin'];
}

/**
 * Reads a saved news web page into one article: headline, paragraphs, authors, outlet, dates,
 * URL, language, lead-image caption and credit, keywords. Throws ImportError (and nothing else)
 * when the page cannot give an article: empty, too large, or without article text.
 *
 * @example
 *   const a = readHtmlArticle({ text: fs.readFileSync('story.html', 'utf8'), fileName: 'story.html' });
 *   a.title        // 'South Korean president’s impeachment fails after ruling party lawmakers walk out'
 *   a.authors      // ['Stella Kim', 'Jennifer Jett']
 *   a.paragraphs[0] // 'SEOUL, South Korea — ...'
 */
export function readHtmlArticle(input: ReaderInput): ParsedArticle {
  return readHtmlArticleExplained(input).article;
}

/**
 * {@link readHtmlArticle}, with the verdict on every block of text Readability returned (for
 * the benchmark's explanations and for debugging a page).
 *
 * @example
 *   readHtmlArticleExplained(input).verdicts.filter((v) => v.drop).map((v) => `${v.drop}: ${v.block.text}`)
 */
export function readHtmlArticleExplained(input: ReaderInput): ExplainedArticle {
  const text = input.text;
  if (typeof text !== 'string') throw new ImportError('the page is empty');
  if (text.length > MAX_HTML_CHARS) {
    throw new ImportError(`the page is too large to read as one article (${(text.length / (1024 * 1024)).toFixed(0)} MB)`);
  }
  if (!/\S/.test(text)) throw new ImportError('the page is empty');
  const depth = estimateMarkupDepth(text);
  if (depth > MAX_MARKUP_DEPTH) {
    throw new ImportError(`the page's markup is nested too deeply to read (${depth} levels; news pages have fewer than 100)`);
  }
  try {
    return readPage(text);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // jsdom and Readability are not meant to fail on any input; if they do, it is this page's doing.
    throw new ImportError(`the page could not be read as HTML (${e instanceof Error ? e.message : String(e)})`);
  }
}

function readPage(html: string): ExplainedArticle {
  const dom = parsePage(html);
  try {
    const document = dom.window.document;
    const meta = readPageMetadata(document);
    setBaseUrl(document, meta.url);
    const title = chooseTitle(meta.titles);
    let reparsed: ReturnType<typeof parsePage> | undefined;
    const body = extractBody(document, {
      title,
      authors: meta.authors,
      leadImageTexts: [meta.imageCaption, meta.imageCredit].filter((t): t is string => !!t),
      jsonLdArticleBody: meta.jsonLdArticleBody,
      reparse: () => {
        reparsed = parsePage(html);
        return reparsed.window.document;
      },
    });
    reparsed?.window.close();
    if (body.paragraphs.length === 0) throw new ImportError('no article text found in the page');

    const source = meta.source ?? siteNameInDocumentTitle(meta.titles.document, title);
    // "WASHINGTON (Reuters) - ..." opens the story (after a standfirst, at most).
    const dateline = body.paragraphs.slice(0, 2).map(parseDateline).find((d) => d !== null) ?? null;
    const authors = meta.authors.length > 0 ? meta.authors : authorsFromBylines([...body.headerLines, body.byline]);
    const warnings: string[] = [];
    if (body.origin !== 'readability') warnings.push(ORIGIN_WARNINGS[body.origin]);
    if (!title) warnings.push('The page names no headline.');
    const article: ParsedArticle = {
      title,
      paragraphs: body.paragraphs,
      authors: withoutSiteNames(authors, [...meta.titles.siteNames, ...(source ? [source] : [])]),
      source,
      agency: dateline?.agency ?? null,
      dateline: dateline?.place ?? null,
      publishedRaw: meta.publishedRaw,
      modifiedAt: meta.modifiedAt,
      url: meta.url,
      language: meta.language,
      imageCaption: meta.imageCaption,
      imageCredit: meta.imageCredit,
      headerLines: body.headerLines,
      warnings,
    };
    if (meta.keywords.length > 0) article.facets = { keywords: meta.keywords };
    return { article, verdicts: body.verdicts, origin: body.origin };
  } finally {
    dom.window.close();
  }
}
