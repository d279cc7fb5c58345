import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The real third-party test data beside the repo (never copied into it). */
export const sharedData = path.resolve(__dirname, '../../../shared/data');
export const sharedTools = path.resolve(__dirname, '../../../shared/tools');
export const SEED_FILE = path.join(sharedData, 'seed/000_2c03e237f77aa444.txt');
export const SEED_TITLE =
  "The State Department calls on the CSTO forces to leave Kazakhstan when the country's authorities ask for it";

/** A fresh temporary folder, removed by the caller's afterEach. */
export function tempDir(prefix = 'wirewatch-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The reference article's six paragraphs, read from the page (first and last as the seed README names them). */
export function seedParagraphs(): string[] {
  const lines = fs.readFileSync(SEED_FILE, 'utf8').split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => l.startsWith('Washington. January 10th. INTERFAX - The US authorities'));
  const last = lines.findIndex((l) => l.endsWith('difficult to get her to leave."'));
  return lines.slice(first, last + 1).filter(Boolean);
}

/** The 28 scraped pages of ../shared/data/scraped-text (without the folder's README and gold JSON). */
export function scrapedPages(): string[] {
  const dir = path.join(sharedData, 'scraped-text');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f));
}

/** The lines of a data listing (an `index.csv`, a manifest) after its header row. */
export function dataRows(file: string): string[] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
}
