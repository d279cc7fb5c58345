import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export const repoRoot = path.resolve(__dirname, '../..');
export const sharedData = path.resolve(repoRoot, '../shared/data');

interface Workbench {
  /** The address with its token, as `wirewatch serve` printed it. */
  url: string;
  /** The fresh archive file of this test. */
  dbPath: string;
  dataDir: string;
}

/** Starts `wirewatch serve` on a fresh archive and resolves with the URL it prints. */
async function serve(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/wirewatch.cjs'), 'serve', '--db', dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { child, url };
}

/** A test with its own archive and browser-mode server (Actual Budget's fresh-data-per-test idea). */
export const test = base.extend<{ workbench: Workbench }>({
  workbench: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewatch-e2e-'));
    const dbPath = path.join(dataDir, 'wirewatch.db');
    const { child, url } = await serve(dbPath);
    await use({ url, dbPath, dataDir });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
