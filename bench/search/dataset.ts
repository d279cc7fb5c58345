/**
 * Getting each dataset and each engine's build ready, from the cache or by building them in
 * child processes, and running the measure children.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  archivePath, buildFile, datasetDir, engineDir, MB, readBuild, REPO,
} from './cache';
import { polnearArticles, readArchiveRows, reutersFiles, russianArticles, type PlainArticle } from './corpus';
import { generateQueries } from './queries';
import { writeSynthCorpus, type SynthCorpus } from './synth';
import type { BuildFigures, ChildJob, DatasetName, EngineName, MeasureFigures, QuerySet } from './types';

/** Articles in the synthetic dataset. */
export const SYNTH_TOTAL = 200_000;
/** Lines per NDJSON file of the synthetic dataset. */
const SYNTH_PER_FILE = 20_000;
/** Seed of the synthetic corpus and of the queries. */
const SEED = 20_240_601;

/**
 * Node flags of every child: a GC the child can force before reading the heap, and a heap
 * limit large enough for an in-memory index of 200k articles (MiniSearch needs it; the same
 * limit for all keeps their memory figures comparable).
 */
const CHILD_NODE_FLAGS = ['--expose-gc', '--max-old-space-size=12000'];

/** What the run was told. */
export interface RunSettings {
  rebuild: boolean;
  perKind: number;
  budgetS: number;
  sourceHash: string;
}

/** A child's figures, or why there are none. */
export type Outcome<T> = { ok: true; value: T; seconds: number } | { ok: false; error: string; seconds: number };

const say = (msg: string) => console.log(msg);

/**
 * Runs one job in a child process (see child.ts) and reads its figures.
 *
 * @example
 *   runChild({ mode: 'measure', engine: 'fts5', dataset: 'reuters', ... })
 */
export function runChild<T>(job: Omit<ChildJob, 'out'>): Outcome<T> {
  const out = path.join(os.tmpdir(), `wirewatch-bench-search-${process.pid}-${job.mode}-${job.engine}-${job.dataset}.json`);
  fs.rmSync(out, { force: true });
  const full: ChildJob = { ...job, out };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...CHILD_NODE_FLAGS, ...process.execArgv, path.join(__dirname, 'child.ts'), JSON.stringify(full)], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status === 0 && fs.existsSync(out)) {
    const value = JSON.parse(fs.readFileSync(out, 'utf8')) as T;
    fs.rmSync(out, { force: true });
    return { ok: true, value, seconds };
  }
  const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`;
  return { ok: false, error: `${job.mode} ${job.engine} on ${job.dataset} failed (${why}; see its output above)`, seconds };
}

/**
 * The dataset's Wirewatch archive (the wirewatch engine's build), built if missing or asked
 * to; returns its build figures. Rebuilding a dataset clears everything built from it.
 * `settings.rebuild` applies to the dataset named; the Reuters archive used as a source of the
 * 200k corpus is reused when present.
 */
export function ensureDataset(dataset: DatasetName, settings: RunSettings, rebuild = settings.rebuild): Outcome<BuildFigures> {
  const cached = readBuild(dataset, 'wirewatch');
  if (cached && !rebuild) {
    say(`${dataset}: Wirewatch archive from the cache (built ${cached.builtAt})`);
    if (cached.sourceHash !== settings.sourceHash) {
      say(`  WARNING: built from other Wirewatch sources (${cached.sourceHash}, now ${settings.sourceHash}); use --rebuild to build it again`);
    }
    return { ok: true, value: cached, seconds: 0 };
  }
  fs.rmSync(datasetDir(dataset), { recursive: true, force: true });
  fs.mkdirSync(datasetDir(dataset), { recursive: true });

  let importPaths: string[];
  let tmp: string | null = null;
  if (dataset === 'reuters') {
    importPaths = reutersFiles();
    say(`reuters: importing the ${importPaths.length} Reuters-21578 .sgm files into a fresh Wirewatch archive`);
  } else {
    const source = ensureDataset('reuters', settings, false);
    if (!source.ok) return source;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewatch-bench-search-ndjson-'));
    const corpus = buildSynthCorpus(tmp);
    importPaths = corpus.files;
  }
  const built = runChild<BuildFigures>({
    mode: 'build', engine: 'wirewatch', dataset, dir: engineDir(dataset, 'wirewatch'), archive: archivePath(dataset),
    importPaths, queriesFile: '', budgetS: 0, sourceHash: settings.sourceHash,
  });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (built.ok) {
    fs.writeFileSync(buildFile(dataset, 'wirewatch'), JSON.stringify(built.value, null, 1));
    say(`${dataset}: archive built in ${built.seconds.toFixed(1)} s (child process wall time)`);
  }
  return built;
}

/**
 * Writes the 200k NDJSON corpus (see synth.ts for the recipe) into `dir`: Reuters as stored
 * in the Reuters archive, PolNeAR and factRuEval-2016, then re-dated, re-mixed copies.
 */
function buildSynthCorpus(dir: string): SynthCorpus {
  const t0 = performance.now();
  const reuters: PlainArticle[] = readArchiveRows(archivePath('reuters')).map((r) => ({
    title: r.title, body: r.body, date: r.publishedAt, source: r.source ?? 'Reuters', language: r.language,
  }));
  const polnear = polnearArticles();
  const russian = russianArticles();
  const corpus = writeSynthCorpus([...reuters, ...polnear, ...russian], SYNTH_TOTAL, dir, SEED, SYNTH_PER_FILE);
  const info = { ...corpus, files: corpus.files.length, reuters: reuters.length, polnear: polnear.length, russian: russian.length, seconds: (performance.now() - t0) / 1000 };
  fs.writeFileSync(path.join(datasetDir('200k'), 'corpus.json'), JSON.stringify(info, null, 1));
  say(
    `200k: base ${corpus.baseArticles.toLocaleString('en')} real articles (Reuters ${reuters.length.toLocaleString('en')} from the Reuters archive, ` +
      `PolNeAR ${polnear.length}, factRuEval-2016 ${russian.length} Russian, undated), then copy rounds 1..${corpus.rounds}: ` +
      'copy r is dated +r years (same month/day); its body interleaves a random part of the original\'s sentences (at most 60% of its words) ' +
      'with random parts of other articles of the same language family, drawn until no part fills over 65% of the copy, so copies are ' +
      'neither exact nor near duplicates (Wirewatch\'s rule: 80% of 4-word shingles); its title gets 2-3 words of a donor\'s title (mulberry32, seeded)',
  );
  say(
    `200k: wrote ${corpus.articles.toLocaleString('en')} articles as ${corpus.files.length} NDJSON files (${(corpus.bytes / MB).toFixed(0)} MB, ` +
      `{"title","body","date","source","language","url"} per line) in ${info.seconds.toFixed(1)} s; importing them into a fresh Wirewatch archive`,
  );
  return corpus;
}

/** The engine's build figures (fts5, minisearch), from the cache or built in a child now. */
export function ensureEngine(dataset: DatasetName, engine: EngineName, settings: RunSettings): Outcome<BuildFigures> {
  const cached = readBuild(dataset, engine);
  if (cached) {
    say(`${dataset}: ${engine} build from the cache (built ${cached.builtAt})`);
    return { ok: true, value: cached, seconds: 0 };
  }
  say(`${dataset}: building ${engine} from the rows of the Wirewatch archive`);
  const built = runChild<BuildFigures>({
    mode: 'build', engine, dataset, dir: engineDir(dataset, engine), archive: archivePath(dataset),
    importPaths: [], queriesFile: '', budgetS: 0, sourceHash: settings.sourceHash,
  });
  if (built.ok) {
    fs.writeFileSync(buildFile(dataset, engine), JSON.stringify(built.value, null, 1));
    say(`${dataset}: ${engine} built in ${built.seconds.toFixed(1)} s (child process wall time)`);
  }
  return built;
}

/** The query file of a dataset (N per kind), generated from the archive's rows if missing. */
export function ensureQueries(dataset: DatasetName, perKind: number): string {
  const file = path.join(datasetDir(dataset), `queries-${perKind}.json`);
  if (fs.existsSync(file)) {
    say(`${dataset}: ${perKind} queries per kind from ${file}`);
    return file;
  }
  const t0 = performance.now();
  const set: QuerySet = generateQueries(readArchiveRows(archivePath(dataset)), dataset, perKind, SEED);
  fs.writeFileSync(file, JSON.stringify(set, null, 1));
  say(`${dataset}: generated ${perKind} queries per kind (+ warm-ups) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`);
  return file;
}

/** Runs the measure child of one engine. */
export function measure(dataset: DatasetName, engine: EngineName, queriesFile: string, settings: RunSettings): Outcome<MeasureFigures> {
  say(`${dataset}: measuring ${engine} (own process)`);
  return runChild<MeasureFigures>({
    mode: 'measure', engine, dataset, dir: engineDir(dataset, engine), archive: archivePath(dataset),
    importPaths: [], queriesFile, budgetS: settings.budgetS, sourceHash: settings.sourceHash,
  });
}
