/**
 * Statement extraction speed: articles per second of `extractStatements` over Reuters-21578
 * (bodies from the project's Reuters reader) and over the PolNeAR texts, single thread.
 *
 * Usage: npm run bench:statements   (or npx tsx bench/statements.ts [reuters folder] [polnear folder])
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../src/main/ingest/decode';
import { readReutersSgml } from '../src/main/ingest/reuters';
import { extractStatements } from '../src/main/statements/extract';

const here = path.dirname(fileURLToPath(import.meta.url));
const reutersDir = process.argv[2] ?? path.resolve(here, '../../shared/data/reuters21578');
const polnearDir = process.argv[3] ?? path.resolve(here, '../../shared/data/polnear');

/** Runs extraction over all texts `rounds` times after one warm-up pass; returns per-second figures. */
function measure(texts: Array<{ text: string; language: string | null }>, rounds: number) {
  let statements = 0;
  for (const t of texts) statements += extractStatements(t.text, { language: t.language }).length;
  const chars = texts.reduce((n, t) => n + t.text.length, 0);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) extractStatements(t.text, { language: t.language });
  const seconds = (performance.now() - started) / 1000;
  return { articles: texts.length, statements, perSecond: (texts.length * rounds) / seconds, mbPerSecond: (chars * rounds) / seconds / 1e6 };
}

const reuters = fs
  .readdirSync(reutersDir)
  .filter((f) => /^reut2-\d{3}\.sgm$/.test(f))
  .sort()
  .flatMap((f) => readReutersSgml({ text: decodeBytes(fs.readFileSync(path.join(reutersDir, f))).text, fileName: f }))
  .map((a) => ({ text: a.paragraphs.join('\n\n'), language: 'en' })) // the body as import stores it
  .filter((a) => a.text.length > 0);
const polnear = fs
  .readdirSync(polnearDir)
  .flatMap((comp) => {
    const dir = path.join(polnearDir, comp, 'text');
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  })
  .map((f) => ({ text: fs.readFileSync(f, 'utf8'), language: 'en' }));

const r = measure(reuters, 3);
const p = measure(polnear, 3);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`statements benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpu} (${os.cpus().length} cores), Node ${process.version}, single thread`);
console.log(`Reuters-21578: ${r.articles} articles with a body, ${r.statements} statements: ${Math.round(r.perSecond)} articles/s (${r.mbPerSecond.toFixed(1)} MB/s)`);
console.log(`PolNeAR:       ${p.articles} articles, ${p.statements} statements: ${Math.round(p.perSecond)} articles/s (${p.mbPerSecond.toFixed(1)} MB/s)`);
