/**
 * RSS and Atom feeds: every item or entry becomes an article (title, body or summary, link,
 * dates, authors, categories, outlet, language, picture caption and credit).
 *
 * @example
 * import { looksLikeFeed, readFeed } from './feeds';
 * if (looksLikeFeed(text)) readFeed({ text, fileName: 'news.rss' });
 */
export { readFeed, looksLikeFeed } from './read-feed';
