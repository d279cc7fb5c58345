/**
 * Import benchmark on Reuters-21578 (../shared/data/reuters21578, 22 SGML files, 21,578
 * stories). Prints articles per second for each stage and end to end, peak memory, and
 * SQLite's bare insert rate for the same rows as the ceiling to compare with.
 * Run: npm run bench:import
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkbenchThread } from '../src/main/workbench-thread';
import { decodeBytes } from '../src/main/ingest';
import { readFileArticles } from '../src/main/ingest/formats';
import { prepareArticle } from '../src/main/ingest/prepare';
import { analyseArticle } from '../src/main/search';

const folder = path.resolve(__dirname, '../../shared/data/reuters21578');
const files = fs.readdirSync(folder).filter((f) => f.endsWith('.sgm')).sort().map((f) => path.join(folder, f));
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewatch-bench-import-'));
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

/** End to end through the Workbench, alone in this process so its memory is its own. */
async function endToEnd(): Promise<void> {
  const dbPath = path.join(dir, 'w.db');
  const t0 = process.hrtime.bigint();
  // The built workbench and reader threads, as the app, browser mode and `wirewatch import` use them (npm run build first).
  const wb = await openWorkbenchThread({ dbPath }, path.resolve(__dirname, '../out/main/workbench-worker.js'));
  const report = await wb.api['import.paths']({ paths: files });
  const endS = seconds(t0); // every article stored durably and searchable
  const info = await wb.api['archive.info']({});
  const t1 = process.hrtime.bigint();
  await wb.close();
  const persistS = seconds(t1);
  clearInterval(sample);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      endS, persistS, files: report.imported, errors: report.errors, articles: report.articles, copies: report.copies,
      stories: info.stories, peakRss, archiveMb: fs.statSync(dbPath).size / 2 ** 20,
      indexMb: searchIndexMb(dbPath),
      firstErrors: report.outcomes.filter((o) => o.status === 'error').slice(0, 3),
    }),
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Size of the FTS5 tables inside the archive (SQLite's dbstat). */
function searchIndexMb(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  const bytes = db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'").pluck().get() as number;
  db.close();
  return bytes / 2 ** 20;
}

async function main(): Promise<void> {
  // 0. End to end in a child process (read, prepare, store with duplicates and stories, index, persist).
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--end-to-end'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const e2e = JSON.parse(child.stdout.trim().split('\n').at(-1)!);

  // 1. Parsing alone: decode and read the SGML.
  let t0 = process.hrtime.bigint();
  const parsed = files.flatMap((f) => readFileArticles(fs.readFileSync(f), f).articles);
  const parseS = seconds(t0);

  // 2. Preparing (dates, language, hashes, near-duplicate signatures).
  t0 = process.hrtime.bigint();
  const prepared = parsed.map((p) => prepareArticle(p, { format: 'reuters', pageText: '', fileTime: null, source: null }, [], 'item'));
  const prepareS = seconds(t0);

  // 3. Search analysis (part of preparing), again alone: words and stems as the full-text index stores them.
  t0 = process.hrtime.bigint();
  for (const a of prepared) analyseArticle(a.title, a.body, a.language);
  const indexS = seconds(t0);

  // 4. The ceiling: bare SQLite inserts of the same rows, one transaction per file, no indexes.
  const bare = new Database(path.join(dir, 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, body TEXT, published TEXT)');
  const ins = bare.prepare('INSERT INTO t (title, body, published) VALUES (?, ?, ?)');
  t0 = process.hrtime.bigint();
  for (let i = 0; i < prepared.length; i += 1000) {
    bare.transaction(() => {
      for (const a of prepared.slice(i, i + 1000)) ins.run(a.title, a.body, a.publishedAt);
    })();
  }
  const bareS = seconds(t0);
  bare.close();

  clearInterval(sample);

  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} articles/s`;
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`stories parsed: ${parsed.length} from ${files.length} files (decode ${decodeBytes(fs.readFileSync(files[0]!)).encoding})`);
  console.log(`parse:   ${parseS.toFixed(2)} s  ${rate(parsed.length, parseS)}`);
  console.log(`prepare: ${prepareS.toFixed(2)} s  ${rate(prepared.length, prepareS)} (dates, language, hashes, shingles, search analysis)`);
  console.log(`index:   ${indexS.toFixed(2)} s  ${rate(prepared.length, indexS)} (of which search analysis: words and stems, run again with warm caches)`);
  console.log(`bare SQLite insert (ceiling): ${bareS.toFixed(2)} s  ${rate(prepared.length, bareS)}`);
  console.log(
    `end to end: ${e2e.endS.toFixed(2)} s  ${rate(e2e.articles, e2e.endS)}; ${e2e.files} files imported, ${e2e.errors} errors; ` +
      `${e2e.articles} articles stored, ${e2e.copies} linked to an earlier story (exact or near-duplicate); ${e2e.stories} stories`,
  );
  if (e2e.errors) console.log('errors:', JSON.stringify(e2e.firstErrors));
  console.log(`then closing: ${e2e.persistS.toFixed(2)} s`);
  console.log(
    `end to end peak RSS: ${(e2e.peakRss / 2 ** 20).toFixed(0)} MB; archive ${e2e.archiveMb.toFixed(1)} MB, of which the full-text index ${e2e.indexMb.toFixed(1)} MB`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv.includes('--end-to-end')) void endToEnd();
else void main();
