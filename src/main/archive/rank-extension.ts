import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Wirewatch's ranking extension (native/rank/wirewatch_rank.c, built by
 * `scripts/build-native.mjs` as part of `npm run build`): FTS5's BM25, the same scores, at about
 * half the cost per ranked query. Every archive connection loads it when it is there; without
 * it (no C compiler where Wirewatch was installed) search ranks with FTS5's own bm25().
 */

/** The extension's file name on this platform. */
const RANK_EXTENSION_FILE = `wirewatch_rank.${process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so'}`;

/** Connections the extension was loaded into. */
const loaded = new WeakSet<Database.Database>();

let resolved: string | null | undefined;
let warned = false;

/**
 * Where the extension is: `WIREWATCH_RANK_EXTENSION` (a path, or `off` to rank without it),
 * else `native/build/` of the first folder above this module that has one (the repository,
 * from `src/main/archive` as from the bundle in `out/main`). Null when there is none.
 */
export function rankExtensionPath(): string | null {
  if (resolved !== undefined) return resolved;
  const configured = process.env.WIREWATCH_RANK_EXTENSION;
  if (configured) return (resolved = configured === 'off' ? null : path.resolve(configured));
  resolved = null;
  for (let dir = __dirname, up = 0; up < 6; up++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'native', 'build', RANK_EXTENSION_FILE);
    if (fs.existsSync(candidate)) return (resolved = candidate);
  }
  return resolved;
}

/**
 * Loads the ranking extension into a connection. Returns false when it is not there or will not
 * load (said once on stderr, with the reason): search then ranks with FTS5's bm25(), the same
 * order, slower.
 */
export function loadRankExtension(db: Database.Database): boolean {
  const file = rankExtensionPath();
  if (!file) return false;
  try {
    // SQLite derives the entry point from the file name: sqlite3_wirewatchrank_init.
    db.loadExtension(file);
    loaded.add(db);
    return true;
  } catch (err) {
    if (!warned) {
      warned = true;
      process.emitWarning(`${file}: the ranking extension did not load (${(err as Error).message}); ranking with FTS5's bm25() instead`);
    }
    return false;
  }
}

/** True when `db` ranks with the extension's wirewatch_bm25(). */
export function hasRankExtension(db: Database.Database): boolean {
  return loaded.has(db);
}
