/**
 * Where built archives, indexes, query sets and results are kept between runs:
 * `os.tmpdir()/wirewatch-bench-search/<BENCH_VERSION>/<dataset>/<engine>/`. Nothing of it goes
 * into the repository.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildFigures, DatasetName, EngineName } from './types';

/**
 * Bump when the corpus recipe, the query generator or an engine's build changes: older
 * caches are then ignored (they stay on disk under their own version).
 */
export const BENCH_VERSION = 'v2';

/** The repository root (bench/search/ is two levels down). */
export const REPO = path.resolve(__dirname, '../..');
/** The shared real data (read-only). */
export const DATA = path.resolve(REPO, '../shared/data');

/** The cache root for this benchmark version. */
export function cacheRoot(): string {
  return path.join(os.tmpdir(), 'wirewatch-bench-search', BENCH_VERSION);
}

/** The directory of one dataset. */
export function datasetDir(dataset: DatasetName): string {
  return path.join(cacheRoot(), dataset);
}

/** The directory of one engine's build for one dataset. */
export function engineDir(dataset: DatasetName, engine: EngineName): string {
  // wirewatch-page and wirewatch-first query the wirewatch archive itself.
  return path.join(datasetDir(dataset), engine === 'wirewatch-page' || engine === 'wirewatch-first' ? 'wirewatch' : engine);
}

/** The Wirewatch archive of a dataset: the wirewatch engine's build, and the rows the other engines index. */
export function archivePath(dataset: DatasetName): string {
  return path.join(engineDir(dataset, 'wirewatch'), 'wirewatch.db');
}

/** The build figures file of an engine; its presence marks a finished build. */
export function buildFile(dataset: DatasetName, engine: EngineName): string {
  return path.join(datasetDir(dataset), `build-${engine}.json`);
}

/** The figures of a finished build, or null when there is none. */
export function readBuild(dataset: DatasetName, engine: EngineName): BuildFigures | null {
  const f = buildFile(dataset, engine);
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as BuildFigures) : null;
}

/** Bytes of a file, or of every file under a directory. 0 when missing. */
export function sizeOf(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}

/**
 * A hash of the Wirewatch sources (src/main, src/shared): stored with each build so a run can
 * warn when the cached archive was built by other code than what it now measures.
 */
export function wirewatchSourceHash(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|json)$/.test(name)) hash.update(path.relative(REPO, p)).update(fs.readFileSync(p));
    }
  };
  for (const d of ['src/main', 'src/shared']) walk(path.join(REPO, d));
  return hash.digest('hex').slice(0, 12);
}

export const MB = 2 ** 20;
