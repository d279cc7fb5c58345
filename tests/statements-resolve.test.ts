import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/main/archive';
import type { PeopleDirectory } from '../src/main/statements/directory';
import { isPlausiblePersonName, foldName } from '../src/main/statements/names';
import { newArticleMemo, resolveSpeaker, type ResolveInput } from '../src/main/statements/resolve';
import { archiveWithRegistry } from './helpers/people';
import { tempDir } from './helpers/paths';

let dir: string;
let db: Db;
let people: PeopleDirectory;
const id = (name: string) => people.byExactName(name)[0]!;

beforeAll(() => {
  dir = tempDir();
  ({ db, people } = archiveWithRegistry(path.join(dir, 'w.db')));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Resolves a speaker in a one-sentence text; the mention is looked up in it. */
function resolve(text: string, over: Partial<ResolveInput> & { mention?: string | null }, memo = newArticleMemo()) {
  const mention = over.mention ?? null;
  const at = mention ? text.indexOf(mention) : 0;
  return resolveSpeaker(
    people.resolutionIndex(),
    { speakerName: null, speakerRole: null, date: '2022-01-10', text, at, atEnd: at + (mention?.length ?? 0), ...over, mention },
    memo,
  );
}

describe('speaker resolution: by name or alias', () => {
  it('finds a canonical name, folded for case and diacritics', () => {
    expect(resolve('JOSEP BORRÉLL said so.', { speakerName: 'JOSEP BORRÉLL' })).toMatchObject({ personId: id('Josep Borrell'), by: 'name' });
  });

  it('finds an alias, Cyrillic too', () => {
    expect(resolve('Боррель заявил.', { speakerName: 'Боррель' })).toMatchObject({ personId: id('Josep Borrell'), by: 'alias' });
    expect(resolve('Сергей Лавров заявил.', { speakerName: 'Сергей Лавров' })).toMatchObject({ personId: id('Sergei Lavrov'), by: 'alias' });
    expect(resolve('Sergey Lavrov said.', { speakerName: 'Sergey Lavrov' })).toMatchObject({ personId: id('Sergei Lavrov'), by: 'alias' });
  });

  it('takes a surname alone only for someone in public life around the article date', () => {
    const borrell = id('Josep Borrell');
    expect(resolve('Borrell said so.', { speakerName: 'Borrell', date: '2021-03-02' })).toMatchObject({ personId: borrell, by: 'alias' });
    // Decades before any role of his: another Borrell.
    expect(resolve('Borrell said so.', { speakerName: 'Borrell', date: '1987-03-02' }).personId).toBeNull();
    // Three years before his first role in the registry still counts (ministers are quoted before they take office).
    expect(resolve('Borrell said so.', { speakerName: 'Borrell', date: '2015-05-01' }).personId).toBe(borrell);
    // A full name needs no date.
    expect(resolve('Josep Borrell said so.', { speakerName: 'Josep Borrell', date: '1987-03-02' }).personId).toBe(borrell);
  });

  it('finds a Russian name in any grammatical case', () => {
    expect(resolve('По словам Сергея Лаврова, это так.', { speakerName: 'Сергея Лаврова' })).toMatchObject({ personId: id('Sergei Lavrov'), by: 'alias' });
    expect(resolve('Слова Марии Захаровой.', { speakerName: 'Марии Захаровой' })).toMatchObject({ personId: id('Maria Zakharova') });
    expect(resolve('По словам Лаврова, это так.', { speakerName: 'Лаврова' })).toMatchObject({ personId: id('Sergei Lavrov') });
    // A different name with a shared ending is not matched.
    expect(resolve('По словам Сергея Лаврентьева, это так.', { speakerName: 'Сергея Лаврентьева' }).personId).toBeNull();
  });

  it('strips titles before the name', () => {
    expect(resolve('State Department spokesman Ned Price said.', { speakerName: 'State Department spokesman Ned Price' })).toMatchObject({
      personId: id('Ned Price'),
      by: 'name',
    });
  });
});

describe('speaker resolution: by surname', () => {
  it('takes a surname when the article gives the full name', () => {
    const text = 'Antony Blinken arrived. Later Blinken said it was hard.';
    expect(resolve(text, { speakerName: 'Blinken', mention: 'Blinken said' })).toMatchObject({ personId: id('Antony Blinken') });
  });

  it('reuses a person an earlier statement of the article resolved', () => {
    const memo = newArticleMemo();
    const text = 'Maria Zakharova said one thing. Zakharova said another.';
    resolve(text, { speakerName: 'Maria Zakharova' }, memo);
    // "Zakharova" is an alias here anyway; an unknown found name shows the memo at work:
    const r = resolve('John Quincy Smithers said. Smithers said.', { speakerName: 'John Quincy Smithers' }, memo);
    expect(r.foundName).toBe('John Quincy Smithers');
  });
});

describe('speaker resolution: near spellings', () => {
  it('takes a full name one letter off when the surname is the same ("Anthony Blinken")', () => {
    const text = 'Anthony Blinken expressed a similar point of view.';
    expect(resolve(text, { speakerName: 'Anthony Blinken', mention: 'Anthony Blinken' })).toMatchObject({ personId: id('Antony Blinken'), by: 'near' });
  });

  it('takes a misspelt surname backed by a role phrase near it ("the head of EU diplomacy, Josep Borrel")', () => {
    const text = 'Earlier on Monday, the head of EU diplomacy, Josep Borrel, expressed fears.';
    expect(resolve(text, { speakerName: 'Josep Borrel', mention: 'Josep Borrel' })).toMatchObject({ personId: id('Josep Borrell'), by: 'near' });
    expect(resolve(text, { speakerName: 'Borrel', mention: 'Borrel' })).toMatchObject({ personId: id('Josep Borrell') });
  });

  it('takes a misspelt surname when the speakerRole gives the role', () => {
    const text = '"We are worried," Borrel said.';
    expect(resolve(text, { speakerName: 'Borrel', mention: 'Borrel', speakerRole: 'EU foreign policy chief' })).toMatchObject({
      personId: id('Josep Borrell'),
      by: 'near',
    });
  });

  it('does not take a misspelt surname without context', () => {
    const text = '"We are worried," Borrel said.';
    expect(resolve(text, { speakerName: 'Borrel', mention: 'Borrel' }).personId).toBeNull();
    expect(resolve('"No," Lavrof said.', { speakerName: 'Lavrof', mention: 'Lavrof' }).personId).toBeNull();
  });

  it('does not take a near full name whose surname differs, without context', () => {
    // One letter from "Ned Price", but another surname: another person.
    const r = resolve('Ned Prince said.', { speakerName: 'Ned Prince', mention: 'Ned Prince' });
    expect(r.personId).toBeNull();
    expect(r.foundName).toBe('Ned Prince');
  });

  it('does not take a near spelling whose role was not held on the article date', () => {
    const text = 'The head of EU diplomacy Borrel said.';
    expect(resolve(text, { speakerName: 'Borrel', mention: 'Borrel', date: '2022-05-01' }).personId).toBe(id('Josep Borrell'));
    expect(resolve(text, { speakerName: 'Borrel', mention: 'Borrel', date: '2015-05-01' }).personId).toBeNull();
  });
});

describe('speaker resolution: by a role held on the article date', () => {
  it('resolves "the EU foreign policy chief" in 2022 to Josep Borrell', () => {
    const text = 'The EU foreign policy chief said the talks had failed.';
    expect(resolve(text, { mention: 'The EU foreign policy chief' })).toMatchObject({ personId: id('Josep Borrell'), by: 'role' });
  });

  it('resolves the extractor\'s speakerRole with a pronoun mention', () => {
    const text = 'He said so.';
    expect(resolve(text, { mention: 'He', speakerRole: 'State Department spokesman' })).toMatchObject({ personId: id('Ned Price'), by: 'role' });
  });

  it('does not resolve a role outside its dates', () => {
    expect(resolve('The EU foreign policy chief said.', { mention: 'The EU foreign policy chief', date: '2018-03-01' }).personId).toBeNull();
    expect(resolve('The State Department spokesman said.', { mention: 'The State Department spokesman', date: '2024-06-01' }).personId).toBeNull();
  });

  it('does not resolve a role without a date, nor a bare "the spokesman"', () => {
    expect(resolve('The EU foreign policy chief said.', { mention: 'The EU foreign policy chief', date: null }).personId).toBeNull();
    expect(resolve('The spokesman said.', { mention: 'The spokesman' })).toEqual({ personId: null, by: null, foundName: null });
  });

  it('takes year- and month-precision dates inside a role', () => {
    expect(resolve('The EU foreign policy chief said.', { mention: 'The EU foreign policy chief', date: '2022' }).personId).toBe(id('Josep Borrell'));
    expect(resolve('The EU foreign policy chief said.', { mention: 'The EU foreign policy chief', date: '2019' }).personId).toBeNull();
  });
});

describe('people found in articles', () => {
  it('reports plausible person names only', () => {
    expect(resolve('Jane Q. Public said.', { speakerName: 'Jane Q. Public' }).foundName).toBe('Jane Q. Public');
    expect(resolve('Мария Иванова сказала.', { speakerName: 'Мария Иванова' }).foundName).toBe('Мария Иванова');
    expect(resolve('The spokesman said.', { speakerName: 'the spokesman' }).foundName).toBeNull();
    expect(resolve('Smith said.', { speakerName: 'Smith' }).foundName).toBeNull();
    expect(isPlausiblePersonName('State Department')).toBe(false);
    expect(isPlausiblePersonName('Ursula von der Leyen')).toBe(true);
    expect(isPlausiblePersonName('he')).toBe(false);
  });

  it('folds names for lookups the same way everywhere', () => {
    expect(foldName('  Жозеп  БОРРЕЛЬ ')).toBe('жозеп боррель');
    expect(foldName('Borréll-Fontelles')).toBe('borrell fontelles');
  });
});

describe('names that are not people', () => {
  it('does not take companies, institutions or places for people', () => {
    for (const n of ['Technology Inc', 'Magellan Corp', 'Saudi Arabia', 'Southwest Airlines Co', 'Federal Reserve Board', 'New York']) {
      expect(isPlausiblePersonName(n), n).toBe(false);
    }
  });
});
