#!/usr/bin/env node
// Builds Wirewatch's ranking extension (native/rank/wirewatch_rank.c) into native/build/, with
// the C compiler of the machine ($CC, else cc) and the SQLite headers better-sqlite3 ships (the
// SQLite it loads into). Part of `npm run build`. Without a compiler it says so and stops without
// failing: search then ranks with FTS5's bm25(), the same order, slower (src/main/archive/rank-extension.ts).
// `--require`, or WIREWATCH_REQUIRE_NATIVE=1, makes a failed build an error (CI does).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const source = path.join(root, 'native/rank/wirewatch_rank.c');
const ext = process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so';
const target = path.join(root, 'native/build', `wirewatch_rank.${ext}`);
const headers = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'deps/sqlite3');
const required = process.argv.includes('--require') || process.env.WIREWATCH_REQUIRE_NATIVE === '1';

const newer = (a, b) => fs.existsSync(a) && fs.existsSync(b) && fs.statSync(a).mtimeMs >= fs.statSync(b).mtimeMs;
if (newer(target, source) && newer(target, path.join(headers, 'sqlite3ext.h'))) process.exit(0);

function fail(why) {
  const message = `build-native: ${path.relative(root, source)} not built (${why}); search will rank with FTS5's bm25(), the same order, slower`;
  if (required) {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

if (process.platform === 'win32' && !process.env.CC) fail('no C compiler set: set CC to a gcc or clang');
fs.mkdirSync(path.dirname(target), { recursive: true });
const cc = process.env.CC || 'cc';
const args = ['-O2', '-fPIC', '-shared', '-I', headers, source, '-o', target, '-lm'];
const r = spawnSync(cc, args, { cwd: root, encoding: 'utf8' });
if (r.error) fail(`${cc}: ${r.error.message}`);
if (r.status !== 0) fail(`${cc} ${args.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 5).join(' / ')}`);
console.log(`build-native: ${path.relative(root, target)}`);
