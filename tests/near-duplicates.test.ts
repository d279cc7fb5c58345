import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bandKeys, isNearDuplicate, shingles } from '../src/main/ingest/near-duplicates';
import { openWorkbench } from '../src/main/workbench';
import { SEED_FILE, seedParagraphs, tempDir } from './helpers/paths';

const body = seedParagraphs().join('\n\n');

describe('near-duplicate signatures', () => {
  it('calls a syndicated copy with small edits a copy, and another story not', () => {
    const edited = body.replace('at a briefing', 'at a regular briefing').replace('BBC Radio 4', 'the BBC');
    expect(isNearDuplicate(shingles(body), shingles(edited))).toBe(true);
    const other = fs.readFileSync(path.resolve(__dirname, '../../shared/data/russian-text/factRuEval-2016/devset/book_58.txt'), 'utf8');
    expect(isNearDuplicate(shingles(body), shingles(other))).toBe(false);
    // A short brief that quotes one sentence is not a copy of the whole story.
    expect(isNearDuplicate(shingles(body), shingles(seedParagraphs()[1]!))).toBe(false);
  });

  it('gives copies shared band keys (so they are found) and unrelated texts none', () => {
    const a = new Set(bandKeys(shingles(body)));
    const copy = bandKeys(shingles(body.replace('Washington. January 10th. INTERFAX - ', '')));
    expect(copy.some((k) => a.has(k))).toBe(true);
    const unrelated = bandKeys(shingles('Oil prices fell on Tuesday as traders weighed new supply data from the United States and Saudi Arabia against weaker demand in Asia and Europe.'));
    expect(unrelated.some((k) => a.has(k))).toBe(false);
  });
});

describe('stories in the archive', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores a syndicated copy, links it to the first copy as one story, and counts the story once', async () => {
    const page = fs.readFileSync(SEED_FILE, 'utf8');
    const copyPage = page
      .replace("The State Department calls on the CSTO forces to leave Kazakhstan when the country's authorities ask for it", 'US urges CSTO troops to quit Kazakhstan once asked')
      .replace('at a briefing', 'at a regular briefing');
    fs.writeFileSync(path.join(dir, 'copy.txt'), copyPage);
    const wb = openWorkbench({ dbPath: path.join(dir, 'w.db') });
    const first = await wb.api['import.paths']({ paths: [SEED_FILE] });
    const second = await wb.api['import.paths']({ paths: [path.join(dir, 'copy.txt')] });
    expect(second.outcomes[0]).toMatchObject({ status: 'imported', copies: 1 });
    const firstId = (first.outcomes[0] as { articleId: number }).articleId;
    const copyId = (second.outcomes[0] as { articleId: number }).articleId;
    const copy = await wb.api['articles.get']({ id: copyId });
    expect(copy.storyId).toBe(firstId);
    expect(copy.copies).toBe(2);
    expect(copy.origin.otherCopies.map((c) => c.id)).toEqual([firstId]);
    const info = await wb.api['archive.info']({});
    expect(info).toMatchObject({ articles: 2, stories: 1 });
    wb.close();
  });
});
