/**
 * One job (build or measure) of one engine on one dataset, alone in its own process so its
 * memory and open time are its own. Spawned by bench/search.ts as
 *   node --expose-gc --max-old-space-size=12000 <tsx loader> bench/search/child.ts '<job JSON>'
 * It writes its figures as JSON to `job.out` and progress to stderr.
 */
import fs from 'node:fs';
import { sizeOf } from './cache';
import { loadEngine } from './engines';
import type { OpenedEngine } from './engines/types';
import { summarise } from './stats';
import { QUERY_KINDS, type BenchQuery, type BuildFigures, type ChildJob, type KindFigures, type MeasureFigures, type QuerySet } from './types';

const log = (job: ChildJob, msg: string) => process.stderr.write(`  [${job.engine}/${job.dataset}] ${msg}\n`);

/** The query as this engine was given it, for error messages. */
function querySyntax(job: ChildJob, q: BenchQuery): string {
  if (job.engine === 'fts5' || job.engine === 'fts5-porter') return q.fts5;
  if (job.engine === 'minisearch') return JSON.stringify(q.minisearch);
  return q.ours;
}

/** A full GC when the process runs with --expose-gc, so heap figures are live data only. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Builds the engine into its (emptied) directory and reports the build figures. */
async function runBuild(job: ChildJob): Promise<BuildFigures> {
  fs.rmSync(job.dir, { recursive: true, force: true });
  fs.mkdirSync(job.dir, { recursive: true });
  const adapter = await loadEngine(job.engine);
  // A sign of life during long builds (the 200k import takes minutes).
  const t0 = performance.now();
  const ticker = setInterval(() => {
    log(job, `building: ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  }, 60_000);
  ticker.unref();
  const r = await adapter.build({ dataset: job.dataset, dir: job.dir, archive: job.archive, importPaths: job.importPaths });
  clearInterval(ticker);
  return {
    engine: job.engine,
    dataset: job.dataset,
    ...r,
    // Everything in the engine's directory is what it needs to open again.
    persistedBytes: sizeOf(job.dir),
    // resourceUsage().maxRSS is in kilobytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    builtAt: new Date().toISOString(),
    sourceHash: job.sourceHash,
  };
}

/**
 * Opens the engine, runs the first query (open-to-first-result), then per kind 20 warm-up
 * queries and the measured ones, each timed with performance.now() around the call.
 */
async function runMeasure(job: ChildJob): Promise<MeasureFigures> {
  const set = JSON.parse(fs.readFileSync(job.queriesFile, 'utf8')) as QuerySet;
  const adapter = await loadEngine(job.engine);
  const notes: string[] = [];
  collect();
  const baselineRssBytes = process.memoryUsage().rss;

  // Open to first result: from just before open (modules loaded) to the first answer.
  const t0 = performance.now();
  const engine: OpenedEngine = await adapter.open(job.dir);
  let openToHitsMs: number | undefined;
  try {
    const first = await engine.query(set.warmup['one-word'][0]!);
    if (first.hitsAt !== undefined) openToHitsMs = first.hitsAt - t0;
  } catch (e) {
    notes.push(`first query failed: ${(e as Error).message}`);
  }
  const openToFirstMs = performance.now() - t0;
  notes.push(...(engine.notes ?? []));
  collect();
  const afterOpen = process.memoryUsage();
  const hits = openToHitsMs === undefined ? '' : ` (hits in at ${openToHitsMs.toFixed(0)} ms)`;
  log(job, `open to first result ${openToFirstMs.toFixed(0)} ms${hits}, RSS ${(afterOpen.rss / 2 ** 20).toFixed(0)} MB`);
  if (engine.settled) {
    const t1 = performance.now();
    await engine.settled();
    notes.push(`background work after open (waited for before the warm-ups): ${(performance.now() - t1).toFixed(0)} ms more`);
  }

  const kinds: KindFigures[] = [];
  for (const kind of QUERY_KINDS) {
    for (const q of set.warmup[kind]) {
      try {
        await engine.query(q);
      } catch {
        // warm-up failures show again in the measured queries
      }
    }
    const times: number[] = [];
    const totals: Array<number | null> = [];
    let failures = 0;
    let firstError: string | null = null;
    let skipped = 0;
    const started = performance.now();
    for (const q of set.measured[kind]) {
      if (job.budgetS > 0 && performance.now() - started > job.budgetS * 1000) {
        skipped++;
        continue;
      }
      const t = performance.now();
      try {
        const answer = await engine.query(q);
        times.push(performance.now() - t);
        totals.push(answer.total);
      } catch (e) {
        failures++;
        totals.push(null);
        firstError ??= `${querySyntax(job, q)}: ${(e as Error).message}`;
      }
    }
    const k = summarise(kind, times, totals, failures, skipped, firstError);
    kinds.push(k);
    log(
      job,
      `${kind}: ${k.count} queries in ${((performance.now() - started) / 1000).toFixed(1)} s, p50 ${k.p50.toFixed(2)} ms, p95 ${k.p95.toFixed(2)} ms` +
        (failures ? `, ${failures} failed` : '') +
        (skipped ? `, ${skipped} skipped (budget)` : ''),
    );
  }
  collect();
  const heapUsedAfterQueriesBytes = process.memoryUsage().heapUsed;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  await engine.close();
  return {
    engine: job.engine,
    dataset: job.dataset,
    openToFirstMs,
    ...(openToHitsMs === undefined ? {} : { openToHitsMs }),
    baselineRssBytes,
    rssAfterOpenBytes: afterOpen.rss,
    heapUsedAfterOpenBytes: afterOpen.heapUsed,
    heapUsedAfterQueriesBytes,
    peakRssBytes,
    kinds,
    notes,
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as ChildJob;
  const figures = job.mode === 'build' ? await runBuild(job) : await runMeasure(job);
  fs.writeFileSync(job.out, JSON.stringify(figures));
  // Timers or worker threads an engine leaves behind must not keep the figures waiting.
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
