import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { SEED_FILE, SEED_TITLE, seedParagraphs, sharedData, sharedTools, tempDir } from './helpers/paths';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'w.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function importSeed() {
  const r = await cli('import', SEED_FILE, '--db', db, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.lines[0]!);
}

describe('importing the reference article from the CLI', () => {
  it('keeps the article and its metadata, without the page chrome', async () => {
    const report = await importSeed();
    expect(report.imported).toBe(1);
    const id = report.outcomes[0].articleId;
    const shown = await cli('show', String(id), '--db', db, '--json');
    const a = JSON.parse(shown.out);
    expect(a.title).toBe(SEED_TITLE);
    expect(a.dateline).toBe('Washington');
    expect(a.agency).toBe('Interfax');
    expect(a.publishedAt).toBe('2022-01-10');
    expect(a.datePrecision).toBe('day');
    expect(a.dateInferred).toBe(true);
    expect(a.dateNote).toMatch(/Monday/);
    expect(a.imageCredit).toBe('Фото: РИА Новости/Министерство обороны РФ');
    expect(a.body).toBe(seedParagraphs().join('\n\n'));
    expect(a.language).toBe('en');
    expect(a.file).toBe(SEED_FILE);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'id', 'title', 'body', 'source', 'agency', 'dateline', 'publishedAt', 'datePrecision', 'dateInferred',
        'dateNote', 'imageCredit', 'url', 'language', 'contentHash', 'file', 'importedAt',
      ]),
    );
  });

  it('records the outlet given with --source', async () => {
    const r = await cli('import', SEED_FILE, '--source', 'VPK.name', '--db', db, '--json');
    const id = JSON.parse(r.lines[0]!).outcomes[0].articleId;
    expect(JSON.parse((await cli('show', String(id), '--db', db, '--json')).out).source).toBe('VPK.name');
    expect((await cli('articles', '--db', db, '--json')).lines.map((l) => JSON.parse(l).source)).toEqual(['VPK.name']);
  });

  it('recognises the same file imported again as a duplicate and stores nothing', async () => {
    const first = await importSeed();
    const again = await cli('import', SEED_FILE, '--db', db, '--json');
    const report = JSON.parse(again.lines[0]!);
    expect(report.imported).toBe(0);
    expect(report.duplicates).toBe(1);
    expect(report.outcomes[0]).toMatchObject({ status: 'duplicate', articleId: first.outcomes[0].articleId });
    const articles = await cli('articles', '--db', db, '--json');
    expect(articles.lines).toHaveLength(1);
  });

  it('finds it by "borrel", by "CSTO Kazakhstan" and by the misspelt "kazakstan"', async () => {
    await importSeed();
    for (const q of ['borrel', 'CSTO Kazakhstan', 'kazakstan']) {
      const r = await cli('search', q, '--db', db, '--json');
      const result = JSON.parse(r.out);
      expect(result.total, q).toBe(1);
      expect(result.hits[0].title).toBe(SEED_TITLE);
      expect(result.hits[0]).toMatchObject({ publishedAt: '2022-01-10' });
      expect(result.hits[0].score).toBeGreaterThan(0);
    }
    const none = JSON.parse((await cli('search', 'Zimbabwe', '--db', db, '--json')).out);
    expect(none).toMatchObject({ total: 0, hits: [] });
  });

  it('highlights the matched words in the snippet', async () => {
    await importSeed();
    const hit = JSON.parse((await cli('search', 'Borrel', '--db', db, '--json')).out).hits[0];
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const [s, e] of hit.highlights) expect(hit.snippet.slice(s, e)).toBe('Borrel');
    const human = await cli('search', 'Borrel', '--db', db);
    expect(human.out).toContain('[Borrel]');
  });

  it('prints every article with --all and honours --limit', async () => {
    await cli('import', path.join(sharedData, 'scraped-text'), '--db', db, '--json');
    const all = JSON.parse((await cli('search', 'the', '--all', '--db', db, '--json')).out);
    expect(all.total).toBeGreaterThan(5);
    expect(all.hits).toHaveLength(all.total);
    const two = JSON.parse((await cli('search', 'the', '--limit', '2', '--db', db, '--json')).out);
    expect(two.hits).toHaveLength(2);
    expect(two.total).toBe(all.total);
  });
});

describe('importing the scraped-text folder', () => {
  it('finds article bodies scoring at least 0.85 bag-of-words F1 against the gold text', async () => {
    const r = await cli('import', path.join(sharedData, 'scraped-text'), '--db', db, '--json');
    const report = JSON.parse(r.lines[0]!);
    const pages = report.outcomes.filter((o: { file: string }) => o.file.endsWith('.txt'));
    expect(pages).toHaveLength(28);
    expect(pages.every((o: { status: string }) => o.status === 'imported')).toBe(true);
    expect(report.errors).toBe(0);
    // The folder's README.md is not a format Wirewatch reads: reported as skipped.
    expect(report.outcomes.filter((o: { status: string }) => o.status === 'skipped').map((o: { file: string }) => path.basename(o.file))).toEqual(['README.md']);
    const ndjson = (await cli('articles', '--db', db, '--json')).out;
    const evalRun = spawnSync(
      process.execPath,
      [path.join(sharedTools, 'eval-extraction.mjs'), '--gold', path.join(sharedData, 'scraped-text/ground-truth.json'), '--json'],
      { input: ndjson, encoding: 'utf8' },
    );
    expect(evalRun.status).toBe(0);
    const summary = JSON.parse(evalRun.stdout.trim().split('\n').at(-1)!);
    const mean = summary.meanF1 ?? summary.summary?.meanF1;
    expect(mean).toBeGreaterThanOrEqual(0.85);
  });
});

describe('bad input', () => {
  it('gives each bad file a clear reason, imports the good ones and leaves nothing half-written', async () => {
    const folder = path.join(dir, 'batch');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a-empty.txt'), '');
    fs.writeFileSync(path.join(folder, 'b-picture.txt'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    fs.copyFileSync(SEED_FILE, path.join(folder, 'c-good.txt'));
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(folder, 'd-unreadable.txt'));
    // 50 MB of text: refused before it is read, with the size in the message.
    const big = fs.openSync(path.join(folder, 'e-huge.txt'), 'w');
    const chunk = Buffer.from('All work and no play makes Jack a dull boy. '.repeat(1000));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(big, chunk);
    fs.closeSync(big);

    const r = await cli('import', folder, '--db', db, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.lines[0]!);
    const byName = Object.fromEntries(report.outcomes.map((o: { file: string }) => [path.basename(o.file), o]));
    expect(byName['a-empty.txt']).toMatchObject({ status: 'error', error: 'the file is empty' });
    expect(byName['b-picture.txt']).toMatchObject({ status: 'error', error: 'not a text file: it is a PNG image' });
    expect(byName['c-good.txt']).toMatchObject({ status: 'imported', title: SEED_TITLE });
    expect(byName['d-unreadable.txt']).toMatchObject({ status: 'error' });
    expect(byName['e-huge.txt'].status).toBe('error');
    expect(byName['e-huge.txt'].error).toMatch(/too large .*50\.0 MB/);
    // Each error also goes to stderr as one line naming the file.
    for (const name of ['a-empty.txt', 'b-picture.txt', 'd-unreadable.txt', 'e-huge.txt']) {
      expect(r.err).toMatch(new RegExp(`^wirewatch: .*${name.replace('.', '\\.')}: .+$`, 'm'));
    }
    const articles = (await cli('articles', '--db', db, '--json')).lines;
    expect(articles).toHaveLength(1);
  });

  it('exits non-zero with a one-line error when nothing could be done', async () => {
    const missing = path.join(dir, 'nope.txt');
    const r = await cli('import', missing, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`wirewatch: ${missing}: no such file or folder`);
    const show = await cli('show', '999', '--db', db);
    expect(show.code).toBe(1);
    expect(show.err).toBe('wirewatch: no article with id 999');
    const usage = await cli('frobnicate', '--db', db);
    expect(usage.code).toBe(2);
  });

  it('reads pages in windows-1251 and KOI8-R as Russian and records the encoding', async () => {
    const cases = [
      { encoding: 'windows-1251', book: 'book_58.txt' },
      { encoding: 'koi8-r', book: 'book_3269.txt' },
    ];
    for (const { encoding, book } of cases) {
      const text = fs.readFileSync(path.join(sharedData, 'russian-text/factRuEval-2016/devset', book), 'utf8');
      const [title, ...paragraphs] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      const page = `Главная\nНовости\nВойти\n\n${title}\n\n${paragraphs.join('\n\n')}\n\n© Все права защищены\n`;
      const file = path.join(dir, `${encoding}.txt`);
      fs.writeFileSync(file, iconv.encode(page, encoding));
      const report = JSON.parse((await cli('import', file, '--db', db, '--json')).lines[0]!);
      expect(report.outcomes[0].status).toBe('imported');
      const a = JSON.parse((await cli('show', String(report.outcomes[0].articleId), '--db', db, '--json')).out);
      expect(a.title).toBe(title);
      expect(a.body).toContain(paragraphs[0]);
      expect(a.body).not.toContain('Все права защищены');
      expect(a.language).toBe('ru');
      expect(a.origin.encoding).toBe(encoding);
    }
  });
});

describe('exports and the import log from the CLI', () => {
  it('maps export columns with --map and reports a wrong column by name', async () => {
    const csv = path.join(dir, 'clips.csv');
    fs.writeFileSync(csv, 'Kop,Tekst,Datum\nHavens weer open,"De havens aan de Zwarte Zee gingen maandag weer open, zeiden functionarissen.",2022-08-01\n');
    const r = await cli('import', csv, '--map', 'title=Kop,body=Tekst,date=Datum', '--db', db, '--json');
    const o = JSON.parse(r.lines[0]!).outcomes[0];
    expect(o).toMatchObject({ status: 'imported', format: 'csv', title: 'Havens weer open' });
    const a = JSON.parse((await cli('show', String(o.articleId), '--db', db, '--json')).out);
    expect(a).toMatchObject({ publishedAt: '2022-08-01', body: 'De havens aan de Zwarte Zee gingen maandag weer open, zeiden functionarissen.' });
    const wrong = await cli('import', csv, '--map', 'body=Text', '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/clips\.csv: .*Text.*Kop, Tekst, Datum/);
    const badSpec = await cli('import', csv, '--map', 'colour=Kop', '--db', db);
    expect(badSpec.code).toBe(2);
    expect(badSpec.err).toMatch(/colour/);
  });

  it('prints the import log: each file with its outcome, format, encoding and error', async () => {
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    await cli('import', SEED_FILE, path.join(dir, 'empty.txt'), '--db', db);
    const log = await cli('log', '--db', db);
    expect(log.out).toMatch(/imported\s+\S*000_2c03e237f77aa444\.txt\s+1 new, 0 already there; text, utf-8 \(valid UTF-8\)/);
    expect(log.out).toMatch(/error\s+\S*empty\.txt\s+the file is empty/);
    const entries = (await cli('log', '--json', '--db', db)).lines.map((l) => JSON.parse(l));
    expect(entries.map((e) => e.status).sort()).toEqual(['error', 'imported']);
  });
});
