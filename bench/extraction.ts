/**
 * Plain-text extraction benchmark: runs `extractArticleFromPageText` over every `.txt` page in
 * the scraped-text set and prints per-page and mean bag-of-words F1 against the gold bodies.
 * Tokens and F1 are those of /work/shared/tools/eval-extraction.mjs.
 *
 * Usage: npx tsx bench/extraction.ts [folder] [--verbose]
 *   folder defaults to ../shared/data/scraped-text (relative to the repo root).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticleFromPageText } from '../src/main/ingest/plaintext';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Lower-cased runs of letters and digits; Han, Hiragana and Katakana count per character. */
export function tokens(s: string): string[] {
  const out: string[] = [];
  for (const t of (s || '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t)) out.push(...t);
    else out.push(t);
  }
  return out;
}

/** Multiset-overlap precision, recall and F1 of predicted tokens against gold tokens. */
export function f1(pred: string[], gold: string[]): { p: number; r: number; f1: number } {
  const count = new Map<string, number>();
  for (const t of gold) count.set(t, (count.get(t) ?? 0) + 1);
  let inter = 0;
  for (const t of pred) {
    const c = count.get(t) ?? 0;
    if (c > 0) {
      inter++;
      count.set(t, c - 1);
    }
  }
  const p = pred.length ? inter / pred.length : 0;
  const r = gold.length ? inter / gold.length : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface PageScore {
  id: string;
  p: number;
  r: number;
  f1: number;
  title: string | null;
  ms: number;
}

/** Scores every page of `folder` (its `.txt` files against its `ground-truth.json`). */
export function scoreFolder(folder: string): { rows: PageScore[]; mean: number } {
  const gold = JSON.parse(fs.readFileSync(path.join(folder, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const rows: PageScore[] = [];
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.txt')).sort()) {
    const id = name.replace(/\.txt$/, '');
    const g = gold[id];
    if (!g) continue;
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    const t0 = performance.now();
    const a = extractArticleFromPageText(text);
    const ms = performance.now() - t0;
    const s = f1(tokens(a.paragraphs.join('\n\n')), tokens(g.articleBody));
    rows.push({ id, ...s, title: a.title, ms });
  }
  const mean = rows.reduce((x, r) => x + r.f1, 0) / (rows.length || 1);
  return { rows, mean };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(here, '../../shared/data/scraped-text'));
  const verbose = args.includes('--verbose');
  const { rows, mean } = scoreFolder(folder);
  for (const r of rows) {
    const line = `${r.id.slice(0, 16).padEnd(16)} P ${r.p.toFixed(2)} R ${r.r.toFixed(2)} F1 ${r.f1.toFixed(2)} ${r.ms.toFixed(1).padStart(6)} ms`;
    console.log(verbose ? `${line}  title: ${r.title ?? '(none)'}` : line);
  }
  const weakest = [...rows].sort((a, b) => a.f1 - b.f1).slice(0, 5);
  console.log(`pages ${rows.length}, mean F1 ${mean.toFixed(4)}`);
  console.log(`weakest: ${weakest.map((r) => `${r.id.slice(0, 8)} ${r.f1.toFixed(2)}`).join(', ')}`);
}
