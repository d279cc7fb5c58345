import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { OFFICIALS_SAMPLE } from './helpers/people';
import { SEED_FILE, tempDir } from './helpers/paths';

let dir: string;
let db: string;
const saved = process.env.WIREWATCH_OFFICIALS;
// The CLI (and the workbench thread it starts for imports) reads the registry named here.
beforeAll(() => (process.env.WIREWATCH_OFFICIALS = OFFICIALS_SAMPLE));
afterAll(() => (saved === undefined ? delete process.env.WIREWATCH_OFFICIALS : (process.env.WIREWATCH_OFFICIALS = saved)));
beforeEach(async () => {
  dir = tempDir();
  db = path.join(dir, 'w.db');
  expect((await cli('import', SEED_FILE, '--db', db)).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('wirewatch statements', () => {
  it('lists a speaker\'s statements as JSON lines, by canonical name or Cyrillic alias', async () => {
    const r = await cli('statements', '--speaker', 'Josep Borrell', '--db', db, '--json');
    expect(r.code).toBe(0);
    const list = r.lines.map((l) => JSON.parse(l));
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const s of list) {
      expect(s).toMatchObject({ articleId: 1, speaker: { name: 'Josep Borrell', role: expect.stringMatching(/High Representative/) } });
      expect(s.quote).toEqual({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
      expect(['direct', 'indirect', 'mixed']).toContain(s.kind);
      expect(s).toHaveProperty('cue');
    }
    const cyr = await cli('statements', '--speaker', 'Боррель', '--db', db, '--json');
    expect(cyr.lines).toEqual(r.lines);
  });

  it('prints a readable listing and filters by quote words and dates', async () => {
    const r = await cli('statements', '--speaker', 'Josep Borrell', '--query', 'experience', '--db', db);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('1 statement');
    expect(r.lines[1]).toMatch(/^#1 {2}2022-01-10 {2}Josep Borrell \(High Representative.*European Union\) as "Borrel"$/);
    expect(r.lines[2]).toMatch(/^ {4}direct, "said" {2}\[\d+-\d+\] {2}“Experience shows that when Russians come/);
    expect((await cli('statements', '--from', '2023', '--db', db, '--json')).lines).toEqual([]);
    expect((await cli('statements', '--from', 'January', '--db', db)).err).toMatch(/from must be a date/);
  });

  it('extracts statements from files as they are, with offsets into each file\'s text, and goes on past a bad file', async () => {
    const missing = path.join(dir, 'missing.txt');
    const r = await cli('statements', 'extract', SEED_FILE, missing, SEED_FILE, '--json');
    // No archive is opened: the listing's --db is not needed.
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${missing}: cannot read it`);
    expect(r.lines).toHaveLength(2);
    const text = fs.readFileSync(SEED_FILE, 'utf8');
    const line = JSON.parse(r.lines[0]!);
    expect(line.file).toBe(SEED_FILE);
    expect(line.statements).toHaveLength(6);
    for (const s of line.statements) {
      expect(text.slice(s.quote.start, s.quote.end)).toBe(s.quote.text);
      if (s.cue) expect(text.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
      if (s.speaker) expect(text.slice(s.speaker.start, s.speaker.end)).toBe(s.speaker.text);
    }
    expect(line.statements.map((s: { speakerName: string }) => s.speakerName)).toEqual([
      'Ned Price', 'Ned Price', 'Josep Borrel', 'Josep Borrel', 'Anthony Blinken', 'Anthony Blinken',
    ]);
    const usage = await cli('statements', 'extract');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/name the files to read/);
  });
});
