/**
 * HTML page reader benchmark: runs `readHtmlArticle` over the two shared sets of saved news
 * pages and prints per-page and mean bag-of-words F1 against the gold bodies, the title accuracy
 * on the Readability test pages, and the time per page.
 *
 * - Set 1, the Zyte/Scrapinghub article-extraction benchmark: `html/<id>.html` scored against
 *   `ground-truth.json`.
 * - Set 2, Mozilla Readability's test pages: `<name>/source.html` scored against the text of
 *   `expected.html`, titles against `expected-metadata.json`.
 *
 * Tokens, F1 and the title normalisation are those of /work/shared/tools/eval-extraction.mjs
 * (the body is the paragraphs joined by blank lines).
 *
 * Usage: npx tsx bench/html-extraction.ts [--baseline] [--verbose] [--explain ID] [--data DIR]
 *   --baseline  scores plain Readability.js (its textContent) instead of our reader
 *   --verbose   also prints the title found for each page
 *   --explain   for the pages whose id starts with ID: every block of text, kept or dropped (and
 *               why), marked "+" when kept but not in the gold text, "-" when dropped but in it
 *   --data      the shared data folder (default ../shared/data beside the repository)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { f1, tokens } from './extraction';
import { decodeBytes, isValidUtf8 } from '../src/main/ingest/decode';
import { readHtmlArticle, readHtmlArticleExplained } from '../src/main/ingest/html';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DATA_DIR = path.join(here, '../../shared/data');

/** What an extractor returns for one page: a title and the body text. */
export interface Extracted {
  title: string | null;
  body: string;
}
export type Extractor = (html: string, fileName: string) => Extracted;

export interface HtmlPageScore {
  id: string;
  p: number;
  r: number;
  f1: number;
  title: string | null;
  goldTitle?: string;
  titleOk?: boolean;
  ms: number;
  error?: string;
}

export interface SetScore {
  rows: HtmlPageScore[];
  mean: number;
  /** Share of pages with a gold title whose title matched (set 2 only). */
  titleRate?: number;
  msPerPage: number;
}

/** Our reader, as the pipeline will call it. */
export const ourReader: Extractor = (text, fileName) => {
  const a = readHtmlArticle({ text, fileName });
  return { title: a.title, body: a.paragraphs.join('\n\n') };
};

/** Plain Readability.js on a jsdom document, its textContent as the body: the baseline. */
export const plainReadability: Extractor = (text) => {
  const dom = new JSDOM(text, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() });
  const r = new Readability(dom.window.document).parse();
  dom.window.close();
  return { title: r?.title ?? null, body: r?.textContent ?? '' };
};

/** Page bytes as text: UTF-8 when the bytes are valid UTF-8 (some pages declare a charset they do not use), else decodeBytes. */
export function readPageText(file: string): string {
  const bytes = fs.readFileSync(file);
  if (isValidUtf8(bytes)) return bytes.toString('utf8').replace(/^\uFEFF/, '');
  return decodeBytes(bytes).text;
}

/** Title comparison of eval-extraction.mjs: NFKC, collapsed white space, lower case. */
export function normaliseTitle(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The text of an HTML fragment, as eval-extraction.mjs takes it from expected.html. */
function htmlText(h: string): string {
  const decoded = h.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
  return decoded
    .replace(/&#x([0-9a-f]+);/gi, (_, x: string) => String.fromCodePoint(parseInt(x, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Prints how the reader judged every block of one page against its gold text. */
function explainPage(id: string, file: string, goldText: string): void {
  const goldWords = ` ${tokens(goldText).join(' ')} `;
  const inGold = (text: string): boolean => goldWords.includes(` ${tokens(text).join(' ')} `);
  const { verdicts, origin } = readHtmlArticleExplained({ text: readPageText(file), fileName: path.basename(file) });
  console.log(`\n== ${id} (${origin})`);
  for (const v of verdicts) {
    const mark = !v.drop && !inGold(v.block.text) ? '+' : v.drop && inGold(v.block.text) ? '-' : ' ';
    console.log(`${mark} ${(v.drop ?? 'kept').padEnd(11)} <${v.block.tag}> ${v.block.text.slice(0, 150)}`);
  }
}

function scorePage(id: string, file: string, goldText: string, goldTitle: string | undefined, extract: Extractor): HtmlPageScore {
  const html = readPageText(file);
  const t0 = performance.now();
  let got: Extracted = { title: null, body: '' };
  let error: string | undefined;
  try {
    got = extract(html, path.basename(file));
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ms = performance.now() - t0;
  const s = f1(tokens(got.body), tokens(goldText));
  const titleOk = goldTitle === undefined ? undefined : normaliseTitle(got.title) === normaliseTitle(goldTitle);
  return { id, ...s, title: got.title, goldTitle, titleOk, ms, error };
}

function summarise(rows: HtmlPageScore[]): SetScore {
  const mean = rows.reduce((x, r) => x + r.f1, 0) / (rows.length || 1);
  const titled = rows.filter((r) => r.titleOk !== undefined);
  const titleRate = titled.length ? titled.filter((r) => r.titleOk).length / titled.length : undefined;
  const msPerPage = rows.reduce((x, r) => x + r.ms, 0) / (rows.length || 1);
  return { rows, mean, titleRate, msPerPage };
}

/** One page of a set with its gold text (and title, for set 2). */
interface GoldPage {
  id: string;
  file: string;
  text: string;
  title?: string;
}

/** Set 1's pages: `html/<id>.html` with the `articleBody` of `ground-truth.json`. */
function extractionBenchmarkPages(dataDir: string): GoldPage[] {
  const folder = path.join(dataDir, 'article-extraction-benchmark');
  const gold = JSON.parse(fs.readFileSync(path.join(folder, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const pages: GoldPage[] = [];
  for (const name of fs.readdirSync(path.join(folder, 'html')).filter((n) => n.endsWith('.html')).sort()) {
    const id = name.replace(/\.html$/, '');
    const g = gold[id];
    if (g) pages.push({ id, file: path.join(folder, 'html', name), text: g.articleBody });
  }
  return pages;
}

/** Set 2's pages: `<name>/source.html` with the text of `expected.html` and the title of `expected-metadata.json`. */
function readabilityTestPages(dataDir: string): GoldPage[] {
  const folder = path.join(dataDir, 'readability-testpages');
  const pages: GoldPage[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const expected = path.join(folder, name, 'expected.html');
    if (!fs.existsSync(expected)) continue;
    let title: string | undefined;
    try {
      title = (JSON.parse(fs.readFileSync(path.join(folder, name, 'expected-metadata.json'), 'utf8')) as { title?: string }).title;
    } catch {
      title = undefined;
    }
    pages.push({ id: name, file: path.join(folder, name, 'source.html'), text: htmlText(fs.readFileSync(expected, 'utf8')), title });
  }
  return pages;
}

/** Set 1: the article-extraction benchmark (`html/<id>.html` against `ground-truth.json`). */
export function scoreExtractionBenchmark(dataDir = DEFAULT_DATA_DIR, extract: Extractor = ourReader): SetScore {
  return summarise(extractionBenchmarkPages(dataDir).map((p) => scorePage(p.id, p.file, p.text, undefined, extract)));
}

/** Set 2: Readability's test pages (`<name>/source.html` against `expected.html` and its metadata). */
export function scoreReadabilityPages(dataDir = DEFAULT_DATA_DIR, extract: Extractor = ourReader): SetScore {
  return summarise(readabilityTestPages(dataDir).map((p) => scorePage(p.id, p.file, p.text, p.title, extract)));
}

function printSet(label: string, s: SetScore, verbose: boolean): void {
  console.log(`\n${label}`);
  for (const r of s.rows) {
    let line = `${r.id.slice(0, 26).padEnd(26)} P ${r.p.toFixed(2)} R ${r.r.toFixed(2)} F1 ${r.f1.toFixed(3)} ${r.ms.toFixed(0).padStart(5)} ms`;
    if (r.titleOk === false) line += '  (title differs)';
    if (r.error) line += `  ${r.error}`;
    console.log(line);
    if (verbose || r.titleOk === false) console.log(`    title: ${r.title ?? '(none)'}${r.titleOk === false ? `\n    gold:  ${r.goldTitle}` : ''}`);
  }
  const weakest = [...s.rows].sort((a, b) => a.f1 - b.f1).slice(0, 5);
  const times = s.rows.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `pages ${s.rows.length}, mean F1 ${s.mean.toFixed(4)}, ${s.msPerPage.toFixed(0)} ms per page (median ${median.toFixed(0)}, slowest ${(times.at(-1) ?? 0).toFixed(0)})`,
  );
  if (s.titleRate !== undefined) console.log(`titles right ${(s.titleRate * 100).toFixed(1)}%`);
  console.log(`weakest: ${weakest.map((r) => `${r.id.slice(0, 10)} ${r.f1.toFixed(2)}`).join(', ')}`);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const dataIdx = args.indexOf('--data');
  const dataDir = dataIdx >= 0 && args[dataIdx + 1] ? path.resolve(args[dataIdx + 1]!) : DEFAULT_DATA_DIR;
  const explainIdx = args.indexOf('--explain');
  if (explainIdx >= 0) {
    const prefix = args[explainIdx + 1] ?? '';
    for (const p of [...extractionBenchmarkPages(dataDir), ...readabilityTestPages(dataDir)]) {
      if (p.id.startsWith(prefix)) explainPage(p.id, p.file, p.text);
    }
    process.exit(0);
  }
  const extract = args.includes('--baseline') ? plainReadability : ourReader;
  const verbose = args.includes('--verbose');
  const who = args.includes('--baseline') ? 'plain Readability.js' : 'readHtmlArticle';
  printSet(`Set 1: article-extraction benchmark (${who})`, scoreExtractionBenchmark(dataDir, extract), verbose);
  printSet(`Set 2: Readability test pages (${who})`, scoreReadabilityPages(dataDir, extract), verbose);
}
