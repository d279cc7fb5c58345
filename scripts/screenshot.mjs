#!/usr/bin/env node
// Takes the README screenshots: a fresh archive with the reference article, searched and open;
// then the statements view with Borrell's statements and the article open at one of them.
// Usage: node scripts/screenshot.mjs [out.png]   (needs `npm run build` and Debian chromium;
// the second goes beside the first, named *-statements.png)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/screenshot.png'));
const seed = path.resolve(root, '../shared/data/seed/000_2c03e237f77aa444.txt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewatch-shot-'));
const server = spawn(process.execPath, [path.join(root, 'bin/wirewatch.cjs'), 'serve', '--db', path.join(dir, 'w.db')]);
const url = await new Promise((resolve) => {
  let buf = '';
  server.stdout.on('data', (d) => {
    buf += d;
    const m = /Open: (\S+)/.exec(buf);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(url);
  await page.getByLabel('Choose files to import').setInputFiles(seed);
  await page.getByRole('list', { name: 'Import results' }).getByText('Imported').waitFor();
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Borrel');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  await page.getByRole('article', { name: 'Article reader' }).getByRole('heading', { level: 2 }).waitFor();
  await page.locator('.body .stmt').first().waitFor();
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);

  const statementsOut = out.replace(/\.png$/, '-statements.png');
  await page.getByRole('tab', { name: 'Statements' }).click();
  await page.getByRole('combobox', { name: 'Speaker', exact: true }).fill('borrel');
  await page.getByRole('button', { name: 'Find statements' }).click();
  const found = page.getByRole('list', { name: 'Statements found' });
  await found.getByRole('article').first().waitFor();
  await found.getByRole('button', { name: /^Open the article at the statement/ }).last().click();
  await page.locator('.stmt.current-statement').waitFor();
  await page.screenshot({ path: statementsOut });
  console.log(`saved ${statementsOut}`);
} finally {
  await browser.close();
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill();
  await exited; // it writes its search index on the way out
  fs.rmSync(dir, { recursive: true, force: true });
}
