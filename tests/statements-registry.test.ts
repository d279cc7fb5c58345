import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchiveDb } from '../src/main/archive';
import { PeopleDirectory } from '../src/main/statements/directory';
import { applyRegistry, defaultRegistryPath, readRegistryFile, RegistryError } from '../src/main/statements/registry';
import { openWorkbench } from '../src/main/workbench';
import { OFFICIALS_SAMPLE } from './helpers/people';
import { tempDir } from './helpers/paths';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeJson(name: string, data: unknown): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data));
  return f;
}

describe('the officials registry', () => {
  it('seeds people, aliases and roles once, idempotently', () => {
    const db = openArchiveDb(path.join(dir, 'w.db'));
    const { registry, hash } = readRegistryFile(OFFICIALS_SAMPLE);
    expect(applyRegistry(db, registry, hash)).toEqual([]);
    const count = () => db.prepare("SELECT (SELECT count(*) FROM people) || '/' || (SELECT count(*) FROM person_aliases) || '/' || (SELECT count(*) FROM person_roles)").pluck().get();
    const first = count();
    expect(first).toMatch(/^5\//);
    // The same file again: nothing to do. A changed hash: refreshed in place, same counts.
    expect(applyRegistry(db, registry, hash)).toBeNull();
    expect(applyRegistry(db, registry, 'another')).toEqual([]);
    expect(count()).toBe(first);
    db.close();
  });

  it('keeps analyst aliases, roles and merges when the registry is refreshed', () => {
    const db = openArchiveDb(path.join(dir, 'w.db'));
    const { registry, hash } = readRegistryFile(OFFICIALS_SAMPLE);
    applyRegistry(db, registry, hash);
    const people = new PeopleDirectory(db);
    const borrell = people.byExactName('Josep Borrell')[0]!;
    const price = people.byExactName('Ned Price')[0]!;
    people.addAlias(borrell, 'Хосеп Боррель');
    people.addRole(borrell, { title: 'President of the European Parliament', org: 'European Parliament', country: null, from: '2004-07', to: '2007-01', descriptors: [] });
    const found = people.ensure('Edward Price Junior', 'found');
    people.merge(price, found);
    // The registry changes: Borrell loses an alias, gains a descriptor.
    const changed = structuredClone(registry);
    const b = changed.people.find((p) => p.key === 'josep-borrell')!;
    b.aliases = b.aliases.filter((a) => a !== 'Жозеп Боррель');
    b.roles[0]!.descriptors.push('eu diplomacy chief');
    applyRegistry(db, changed, 'v2');
    people.invalidate();
    const p = people.get(borrell)!;
    expect(p.aliases).toContain('Хосеп Боррель');
    expect(p.aliases).not.toContain('Жозеп Боррель');
    expect(p.roles.map((r) => r.title)).toContain('President of the European Parliament');
    expect(p.roles.find((r) => r.origin === 'registry' && r.title.startsWith('High'))!.descriptors).toContain('eu diplomacy chief');
    expect(people.root(found)).toBe(price);
    db.close();
  });

  it('adopts a person found in articles before the registry knew them', () => {
    const db = openArchiveDb(path.join(dir, 'w.db'));
    const people = new PeopleDirectory(db);
    const found = people.ensure('Maria Zakharova', 'found');
    const { registry, hash } = readRegistryFile(OFFICIALS_SAMPLE);
    applyRegistry(db, registry, hash);
    people.invalidate();
    expect(people.byExactName('Захарова')).toEqual([found]);
    expect(people.get(found)).toMatchObject({ origin: 'registry', registryKey: 'maria-zakharova' });
    db.close();
  });

  it('refuses a malformed registry with the file and the problem named', () => {
    const notJson = writeJson('bad.json', '{"people": [');
    expect(() => readRegistryFile(notJson)).toThrow(RegistryError);
    expect(() => readRegistryFile(notJson)).toThrow(/bad\.json: the officials registry is not valid JSON/);
    const badDate = writeJson('date.json', { version: 1, people: [{ key: 'x-y', name: 'X Y', aliases: [], roles: [{ title: 'T', from: '2020-13' }] }] });
    expect(() => readRegistryFile(badDate)).toThrow(/date\.json: people\[0\] \(x-y\) roles\[0\]: "from" must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"/);
    const twice = writeJson('twice.json', { people: [{ key: 'a', name: 'A B' }, { key: 'a', name: 'C D' }] });
    expect(() => readRegistryFile(twice)).toThrow(/twice\.json: people\[1\] \(a\): "key" a is used twice/);
    expect(() => readRegistryFile(path.join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the officials registry/);
    // Opening a workbench with it says so too.
    expect(() => openWorkbench({ dbPath: path.join(dir, 'w.db'), officialsPath: notJson })).toThrow(/bad\.json/);
  });

  it('finds resources/officials.json by walking up from the code (source tree or out/main)', () => {
    const root = path.join(dir, 'app');
    fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
    fs.mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
    fs.copyFileSync(OFFICIALS_SAMPLE, path.join(root, 'resources', 'officials.json'));
    expect(defaultRegistryPath(path.join(root, 'out', 'main'))).toBe(path.join(root, 'resources', 'officials.json'));
    expect(defaultRegistryPath(path.join(dir, 'elsewhere'))).toBeNull();
  });
});
