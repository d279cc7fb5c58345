import type { ParsedArticle, ReaderInput } from '../parsed';
import { ImportError } from '../errors';
import { parsePage, setBaseUrl } from './parse-page';
import { extractBody } from './body';
import { readPageMetadata } from './metadata';
import { chooseTitle } from './title';
export function readHtmlArticle(input: ReaderInput): ParsedArticle {
  return readHtmlArticleExplained(input).article;
}
export function readHtmlArticleExplained(input: ReaderInput) {
  const dom = parsePage(input.text);
  const doc = dom.window.document;
  const meta = readPageMetadata(doc);
  setBaseUrl(doc, meta.url);
  const title = chooseTitle(meta.titles);
  const body = extractBody(doc, { title, authors: meta.authors });
  if (!body.paragraphs.length) throw new ImportError('no article text found in the page');
  const article: ParsedArticle = {
    title,
    paragraphs: body.paragraphs,
    authors: meta.authors,
    source: meta.source,
    publishedRaw: meta.publishedRaw,
    modifiedAt: meta.modifiedAt,
    url: meta.url,
    language: meta.language,
    imageCaption: meta.imageCaption,
    imageCredit: meta.imageCredit,
    facets: meta.keywords.length ? { keywords: meta.keywords } : undefined,
    headerLines: body.headerLines,
  };
  return { article, verdicts: body.verdicts };
}
