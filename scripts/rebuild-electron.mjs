#!/usr/bin/env node
// Builds a second copy of better-sqlite3 for the Electron runtime in .electron-native/, so the
// copy in node_modules stays built for Node (CLI, tests). The app opens the archive with
// better-sqlite3's `nativeBinding` option pointing at this copy (WIREWATCH_SQLITE_BINDING).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const target = path.join(root, '.electron-native');
const electronVersion = require('electron/package.json').version;

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target, 'node_modules'), { recursive: true });
fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({ name: 'wirewatch-electron-native', private: true }));
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), path.join(target, 'node_modules/better-sqlite3'), { recursive: true });
// bindings and file-uri-to-path are better-sqlite3's runtime dependencies.
for (const dep of ['bindings', 'file-uri-to-path']) {
  fs.cpSync(path.join(root, 'node_modules', dep), path.join(target, 'node_modules', dep), { recursive: true });
}
console.log(`Building better-sqlite3 for Electron ${electronVersion} in ${target} ...`);
const r = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--module-dir', target, '--only', 'better-sqlite3', '--force'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
