import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbench } from '../src/main/workbench';
import { sharedData, tempDir } from './helpers/paths';

const BIN = path.resolve(__dirname, '../bin/wirewatch.cjs');
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Many distinct pages: the scraped-text set, each copy with its sentences numbered so none is a duplicate. */
function makeBatch(folder: string, copies: number): number {
  fs.mkdirSync(folder);
  const src = path.join(sharedData, 'scraped-text');
  const pages = fs.readdirSync(src).filter((f) => f.endsWith('.txt'));
  let n = 0;
  for (let c = 0; c < copies; c++) {
    for (const p of pages) {
      const text = fs.readFileSync(path.join(src, p), 'utf8').replace(/([.。])(\s)/g, ` ${c}$1$2`);
      fs.writeFileSync(path.join(folder, `${c}-${p}`), text);
      n++;
    }
  }
  return n;
}

function countArticles(dbPath: string): number {
  if (!fs.existsSync(dbPath)) return 0;
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet
  }
}

describe('a crash in the middle of an import', () => {
  it('leaves a consistent archive and an index that matches it at the next open', async () => {
    expect(fs.existsSync(path.resolve(__dirname, '../out/main/cli.js')), 'run `npm run build` first').toBe(true);
    dir = tempDir();
    const folder = path.join(dir, 'batch');
    const total = makeBatch(folder, 20);
    const dbPath = path.join(dir, 'w.db');
    const child = spawn(process.execPath, [BIN, 'import', folder, '--db', dbPath], { stdio: 'ignore' });
    // Kill it hard (no cleanup at all) once part of the batch is in.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (countArticles(dbPath) >= 30) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.once('exit', () => {
        clearInterval(timer);
        reject(new Error('the import finished before it could be interrupted; make the batch larger'));
      });
    });
    await new Promise((r) => child.once('exit', r));

    const wb = openWorkbench({ dbPath });
    const info = await wb.api['archive.info']({});
    expect(info.articles).toBeGreaterThanOrEqual(30);
    expect(info.articles).toBeLessThan(total);
    // The full-text index commits with the articles: it holds exactly what the archive holds.
    expect(info.indexStatus).toBe('ready');
    expect(info.indexedArticles).toBe(info.articles);
    const all = await wb.api['search.query']({ query: '', limit: -1, foldCopies: false, facets: false });
    expect(all.articles).toBe(info.articles);
    wb.close();

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // No half-written article: each has its text, its original bytes and its log line.
    const orphans = db
      .prepare(
        `SELECT count(*) AS n FROM articles a
         LEFT JOIN originals o ON o.id = a.original_id
         LEFT JOIN import_log l ON l.article_id = a.id AND l.status = 'imported'
         WHERE o.id IS NULL OR l.id IS NULL OR a.body = '' OR a.title = ''`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    db.close();

    // Importing the batch again finishes the job: what is there is a duplicate, the rest is added.
    const wb2 = openWorkbench({ dbPath });
    const report = await wb2.api['import.paths']({ paths: [folder] });
    expect(report.errors).toBe(0);
    expect(report.duplicates).toBeGreaterThanOrEqual(info.articles);
    expect(report.imported).toBeGreaterThan(0);
    expect((await wb2.api['archive.info']({})).articles).toBe(info.articles + report.imported);
    wb2.close();
  });
});
