/**
 * Search benchmark: Wirewatch's search against plain SQLite FTS5 and MiniSearch 7.2 over the
 * same articles, on Reuters-21578 (21,578 stories) and on a 200,000-article corpus made from
 * the real corpora in ../shared/data (see bench/search/synth.ts for the recipe). Prints build
 * time, persisted size, open-to-first-result, memory, and per query kind p50/p95/p99 latency
 * and mean hits; then a side-by-side table per dataset. Asserts nothing.
 *
 * Each build and each measurement runs in its own child process (bench/search/child.ts).
 * Built archives, indexes and query sets are cached under os.tmpdir()/wirewatch-bench-search/
 * (see bench/search/cache.ts); results are written there as JSON, not into the repository.
 *
 * Run: npm run bench:search [-- --only reuters|200k] [--queries N] [--engines a,b]
 *        [--rebuild] [--budget S] [--rounds N]
 *   --queries N   measured queries per kind (default 300; plus 20 warm-ups per kind)
 *   --engines     any of wirewatch,wirewatch-first,wirewatch-page,fts5,fts5-porter,minisearch (default all)
 *   --rebuild     build the selected datasets (and everything built from them) again
 *   --budget S    stop a kind after S seconds of measured queries in one engine (default 60;
 *                 0 = never); keeps a slow engine on 200k from taking the whole run
 *   --rounds N    measure every engine N times, in turn (default 1): the side-by-side table
 *                 then gives each engine's median p95 over the rounds, and a second table the
 *                 ratios taken within each round (median, lowest, highest). The machine's speed
 *                 drifts between runs; a ratio of two engines measured minutes apart drifts with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheRoot, wirewatchSourceHash } from './search/cache';
import { ensureDataset, ensureEngine, ensureQueries, measure, type RunSettings } from './search/dataset';
import { loadEngine } from './search/engines';
import { medianRun, printEngine, printRoundRatios, printSideBySide, type EngineRun } from './search/report';
import { DATASETS, ENGINES, type DatasetName, type EngineName } from './search/types';

interface Options {
  datasets: DatasetName[];
  engines: EngineName[];
  perKind: number;
  rebuild: boolean;
  budgetS: number;
  rounds: number;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { datasets: [...DATASETS], engines: [...ENGINES], perKind: 300, rebuild: false, budgetS: 60, rounds: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only') {
      const d = value() as DatasetName;
      if (!DATASETS.includes(d)) throw new Error(`--only takes ${DATASETS.join(' or ')}`);
      opts.datasets = [d];
    } else if (a === '--engines') {
      opts.engines = value().split(',').map((e) => e.trim()) as EngineName[];
      const bad = opts.engines.filter((e) => !ENGINES.includes(e));
      if (bad.length || opts.engines.length === 0) throw new Error(`--engines takes a list of ${ENGINES.join(', ')}`);
    } else if (a === '--queries') {
      opts.perKind = Number(value());
      if (!Number.isInteger(opts.perKind) || opts.perKind < 1) throw new Error('--queries takes a whole number above 0');
    } else if (a === '--budget') {
      opts.budgetS = Number(value());
      if (!(opts.budgetS >= 0)) throw new Error('--budget takes seconds (0 for no limit)');
    } else if (a === '--rounds') {
      opts.rounds = Number(value());
      if (!Number.isInteger(opts.rounds) || opts.rounds < 1) throw new Error('--rounds takes a whole number above 0');
    } else if (a === '--rebuild') opts.rebuild = true;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const settings: RunSettings = { rebuild: opts.rebuild, perKind: opts.perKind, budgetS: opts.budgetS, sourceHash: wirewatchSourceHash() };
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
  // Other work on the machine skews every figure: say how busy it was.
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`machine: ${machine}; load average ${load()}`);
  console.log(`cache: ${cacheRoot()}; Wirewatch sources ${settings.sourceHash}`);
  console.log(`datasets: ${opts.datasets.join(', ')}; engines: ${opts.engines.join(', ')}; ${opts.perKind} queries per kind; budget ${opts.budgetS || 'none'} s per kind; ${opts.rounds} round${opts.rounds > 1 ? 's' : ''}`);

  const notes = new Map<EngineName, string[]>();
  for (const e of opts.engines) notes.set(e, (await loadEngine(e)).notes);

  const results: Record<string, unknown> = { startedAt: new Date().toISOString(), machine, options: opts, sourceHash: settings.sourceHash, datasets: {} };
  for (const dataset of opts.datasets) {
    const t0 = performance.now();
    console.log(`\n### ${dataset}`);
    const archive = ensureDataset(dataset, settings);
    // rounds[r][e]: engine e's run in round r (the engines take turns, round after round).
    const rounds: EngineRun[][] = [];
    if (!archive.ok) {
      console.log(`${dataset}: ${archive.error}; nothing to measure`);
      rounds.push(opts.engines.map((engine) => ({ engine, build: archive, measure: null, notes: [] })));
    } else {
      const queriesFile = ensureQueries(dataset, opts.perKind);
      const builds = opts.engines.map((engine) =>
        engine === 'wirewatch' || engine === 'wirewatch-first' || engine === 'wirewatch-page' ? archive : ensureEngine(dataset, engine, settings),
      );
      for (let r = 0; r < opts.rounds; r++) {
        const round: EngineRun[] = [];
        opts.engines.forEach((engine, i) => {
          const build = builds[i]!;
          const measured = build.ok ? measure(dataset, engine, queriesFile, settings) : null;
          if (measured) console.log(`${dataset}: ${engine} measured in ${measured.seconds.toFixed(1)} s (child process wall time)${opts.rounds > 1 ? `, round ${r + 1}` : ''}`);
          round.push({ engine, build, measure: measured, notes: notes.get(engine) ?? [] });
        });
        rounds.push(round);
      }
    }
    const runs = opts.engines.map((_, i) => medianRun(rounds.map((round) => round[i]!)));
    for (const run of runs) printEngine(dataset, run);
    printSideBySide(dataset, runs);
    if (rounds.length > 1) printRoundRatios(dataset, rounds);
    console.log(`\n${dataset}: ${((performance.now() - t0) / 1000).toFixed(0)} s in all`);
    (results.datasets as Record<string, unknown>)[dataset] = { runs, rounds };
  }

  const outDir = path.join(cacheRoot(), 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(outFile, JSON.stringify({ ...results, seconds: (performance.now() - started) / 1000 }, null, 1));
  console.log(`\nall figures as JSON: ${outFile}`);
  console.log(`total: ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${load()}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
