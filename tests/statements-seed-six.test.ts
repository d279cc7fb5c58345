/**
 * The acceptance check on the reference article, as ../shared/data/seed/README.md
 * states it: exactly six statements, with speaker, role, kind, cue and mention, resolved
 * against the registry Wirewatch ships (resources/officials.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '../src/shared/types';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { cli } from './helpers/cli';
import { SEED_FILE, tempDir } from './helpers/paths';

/**
 * The README's six, in text order: speaker, role (as the registry names the office held on
 * 2022-01-10), kind, cue, mention (the issue: Borrell's "Borrel", Blinken's "Anthony Blinken"
 * and "He"), quote words.
 */
const SIX = [
  { speaker: 'Ned Price', role: /Spokesperson|spokes/i, kind: 'indirect', cue: 'said', mention: /Ned Price/, quote: 'calling on the CSTO forces deployed to Kazakhstan to leave this country when the Kazakh authorities ask for it' },
  { speaker: 'Ned Price', role: /Spokesperson|spokes/i, kind: 'direct', cue: 'said', mention: /^he$/, quote: 'They should leave Kazakhstan when its authorities ask for it' },
  { speaker: 'Josep Borrell', role: /High Representative|European Union/, kind: 'indirect', cue: 'expressed fears', mention: /Borrel$/, quote: 'the Russian military sent to Kazakhstan may linger in this country' },
  { speaker: 'Josep Borrell', role: /High Representative|European Union/, kind: 'direct', cue: 'said', mention: /^Borrel$/, quote: 'Experience shows that when Russians come, it is difficult for them to leave' },
  { speaker: 'Antony Blinken', role: /Secretary of State/, kind: 'indirect', cue: 'stated', mention: /^Anthony Blinken$/, quote: 'he did not understand why Kazakhstan needed outside help to suppress the protests' },
  { speaker: 'Antony Blinken', role: /Secretary of State/, kind: 'direct', cue: 'noted', mention: /^He$/, quote: 'when Russia comes to your home, then sometimes it is difficult to get her to leave' },
] as const;

let dir: string;
let wb: Workbench;
let statements: Statement[];

describe('the reference article yields exactly the six statements of seed/README.md', () => {
  beforeAll(async () => {
    dir = tempDir();
    wb = openWorkbench({ dbPath: path.join(dir, 'w.db') });
    const r = await wb.api['import.paths']({ paths: [SEED_FILE] });
    statements = (await wb.api['statements.forArticle']({ articleId: (r.outcomes[0] as { articleId: number }).articleId })).statements;
  });
  afterAll(() => {
    wb?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds six statements', () => {
    expect(statements.map((s) => `${s.speaker?.name}: ${s.quote.text.slice(0, 40)}`)).toHaveLength(6);
  });

  it.each(SIX.map((x, i) => [i + 1, x] as const))('statement %i: speaker, role, kind, cue, mention and quote', (i, want) => {
    const s = statements[i - 1]!;
    expect(s.speaker?.name).toBe(want.speaker);
    expect(s.speaker?.role).toMatch(want.role);
    expect(s.kind).toBe(want.kind);
    expect(s.cue?.text).toBe(want.cue);
    expect(s.mention?.text).toMatch(want.mention);
    expect(s.quote.text).toContain(want.quote);
  });

  it('`statements --speaker "Josep Borrell"` and `--speaker Боррель` both return his two', async () => {
    const db = path.join(dir, 'cli.db');
    await cli('import', SEED_FILE, '--db', db);
    const latin = await cli('statements', '--speaker', 'Josep Borrell', '--db', db, '--json');
    const cyrillic = await cli('statements', '--speaker', 'Боррель', '--db', db, '--json');
    expect(latin.lines).toHaveLength(2);
    expect(latin.lines.map((l) => JSON.parse(l).speaker.name)).toEqual(['Josep Borrell', 'Josep Borrell']);
    expect(cyrillic.lines).toEqual(latin.lines);
  });
});
