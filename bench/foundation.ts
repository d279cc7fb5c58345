/**
 * Foundation benchmark: import rate of scraped pages, index build and load times, search
 * latency. Prints figures; asserts nothing. Run: npm run bench:foundation [-- copies]
 *
 * Data: the 28 pages of ../shared/data/scraped-text, copied N times (default 40) with each
 * copy's sentences numbered so that no copy is a duplicate of another.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench } from '../src/main/workbench';

const copies = Number(process.argv[2] ?? 40);
const src = path.resolve(__dirname, '../../shared/data/scraped-text');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewatch-bench-'));
const folder = path.join(dir, 'pages');
fs.mkdirSync(folder);
const pages = fs.readdirSync(src).filter((f) => f.endsWith('.txt'));
for (let c = 0; c < copies; c++) {
  for (const p of pages) {
    const text = fs.readFileSync(path.join(src, p), 'utf8').replace(/([.。])(\s)/g, ` ${c}$1$2`);
    fs.writeFileSync(path.join(folder, `${c}-${p}`), text);
  }
}
const files = copies * pages.length;
const dbPath = path.join(dir, 'w.db');
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  let t0 = process.hrtime.bigint();
  let wb = openWorkbench({ dbPath });
  const report = await wb.api['import.paths']({ paths: [folder] });
  const importMs = ms(t0);
  wb.close();

  // Force a rebuild of the full-text index (as an analyser upgrade does) and time it.
  const raw = new Database(dbPath);
  raw.prepare("UPDATE meta SET value = '0' WHERE key = 'search_analyser'").run();
  raw.close();
  t0 = process.hrtime.bigint();
  wb = openWorkbench({ dbPath, buildIndexNow: true });
  const buildMs = ms(t0);
  wb.close();

  t0 = process.hrtime.bigint();
  wb = openWorkbench({ dbPath });
  const loadMs = ms(t0);
  t0 = process.hrtime.bigint();
  await wb.api['search.query']({ query: 'Kazakhstan' });
  const firstQueryMs = ms(t0);

  const queries = ['borrel', 'CSTO Kazakhstan', 'kazakstan', 'government', 'said minister', 'russia'];
  const latencies: number[] = [];
  for (let round = 0; round < 50; round++) {
    for (const q of queries) {
      const q0 = process.hrtime.bigint();
      await wb.api['search.query']({ query: q, limit: 20 });
      latencies.push(ms(q0));
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  wb.close();

  const size = (f: string) => (fs.statSync(f).size / 1048576).toFixed(1);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`files: ${files} (${report.imported} imported, ${report.duplicates} duplicates, ${report.errors} errors)`);
  console.log(`import end to end: ${importMs.toFixed(0)} ms, ${(files / (importMs / 1000)).toFixed(0)} files/s (decode, extract, date, store with fsync per file, index)`);
  const stat = new Database(dbPath, { readonly: true });
  const indexBytes = stat.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'").pluck().get() as number;
  stat.close();
  console.log(`archive: ${size(dbPath)} MB, of which the full-text index ${(indexBytes / 1048576).toFixed(1)} MB`);
  console.log(`open with index rebuild: ${buildMs.toFixed(0)} ms; open with persisted index: ${loadMs.toFixed(0)} ms; first query: ${firstQueryMs.toFixed(1)} ms`);
  console.log(`search latency over ${latencies.length} queries: p50 ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, p99 ${pct(99).toFixed(2)} ms`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
