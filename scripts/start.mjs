#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is installed; otherwise the same
// workbench in browser mode, with a one-line explanation and the address to open.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

if (!fs.existsSync(path.join(root, 'out/main/cli.js')) || process.env.WIREWATCH_REBUILD) {
  if (run('npm', ['run', '--silent', 'build']).status !== 0) process.exit(1);
}

/**
 * The Electron executable, downloading the runtime on first use (the electron package fetches
 * it lazily); undefined where it cannot be had. The download's own output is kept quiet so a
 * machine without it gets one line of explanation, not a stack trace.
 */
function electronBinary() {
  const pkg = path.dirname(require.resolve('electron/package.json'));
  if (!fs.existsSync(path.join(pkg, 'path.txt')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    spawnSync(process.execPath, [path.join(pkg, 'install.js')], { stdio: 'pipe', timeout: 10 * 60 * 1000 });
    if (!fs.existsSync(path.join(pkg, 'path.txt'))) return undefined;
  }
  try {
    const bin = require('electron'); // the path of the downloaded runtime
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronBinary();
if (electron) {
  // better-sqlite3 as installed is built for Node; Electron needs its own build (another ABI).
  const binding = path.join(root, '.electron-native/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (!fs.existsSync(binding) && run('node', ['scripts/rebuild-electron.mjs']).status !== 0) process.exit(1);
  const child = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WIREWATCH_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime is not installed here, so Wirewatch opens in browser mode instead (same UI, same archive).');
  const args = ['bin/wirewatch.cjs', 'serve', ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
