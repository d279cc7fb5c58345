/**
 * The officials registry shipped in resources/officials.json (format: docs/decisions.md,
 * "Statements"): read and checked, then seeded into the archive's people tables at open.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../archive';
import { foldName } from './names';

/** One office in the registry. */
export interface RegistryRole {
  title: string;
  org: string | null;
  country: string | null;
  from: string | null;
  to: string | null;
  descriptors: string[];
}

/** One person in the registry. */
export interface RegistryPerson {
  key: string;
  name: string;
  aliases: string[];
  roles: RegistryRole[];
}

/** A checked registry file. */
export interface Registry {
  version: number;
  people: RegistryPerson[];
}

/** A registry file that cannot be used: the message names the file and the problem. */
export class RegistryError extends Error {}

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Checks a parsed registry and returns it typed; throws a RegistryError naming `file` and
 * the first problem (with the person's index and key) otherwise.
 */
export function checkRegistry(data: unknown, file: string): Registry {
  const fail = (where: string, problem: string): never => {
    throw new RegistryError(`${file}: ${where}: ${problem}`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('top level', 'must be an object with "version" and "people"');
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d.people)) fail('top level', '"people" must be a list');
  const keys = new Set<string>();
  const people = (d.people as unknown[]).map((raw, i): RegistryPerson => {
    const p = raw as Record<string, unknown>;
    const at = `people[${i}]${p && typeof p.key === 'string' ? ` (${p.key})` : ''}`;
    if (!p || typeof p !== 'object') fail(at, 'must be an object');
    if (typeof p.key !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.key)) fail(at, '"key" must be a lowercase ascii slug');
    if (keys.has(p.key as string)) fail(at, `"key" ${String(p.key)} is used twice`);
    keys.add(p.key as string);
    if (typeof p.name !== 'string' || !p.name.trim()) fail(at, '"name" must be non-empty text');
    const aliases = p.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || !a.trim())) fail(at, '"aliases" must be a list of non-empty texts');
    const roles = p.roles ?? [];
    if (!Array.isArray(roles)) fail(at, '"roles" must be a list');
    return {
      key: p.key as string,
      name: (p.name as string).trim(),
      aliases: (aliases as string[]).map((a) => a.trim()),
      roles: (roles as unknown[]).map((rr, k): RegistryRole => {
        const r = rr as Record<string, unknown>;
        const rat = `${at} roles[${k}]`;
        if (!r || typeof r !== 'object') fail(rat, 'must be an object');
        if (typeof r.title !== 'string' || !r.title.trim()) fail(rat, '"title" must be non-empty text');
        for (const f of ['org', 'country'] as const) {
          if (r[f] !== undefined && r[f] !== null && typeof r[f] !== 'string') fail(rat, `"${f}" must be text or null`);
        }
        for (const f of ['from', 'to'] as const) {
          if (r[f] !== undefined && r[f] !== null && (typeof r[f] !== 'string' || !PARTIAL_DATE.test(r[f] as string))) {
            fail(rat, `"${f}" must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" or null (got ${JSON.stringify(r[f])})`);
          }
        }
        const descriptors = r.descriptors ?? [];
        if (!Array.isArray(descriptors) || descriptors.some((x) => typeof x !== 'string')) fail(rat, '"descriptors" must be a list of texts');
        return {
          title: (r.title as string).trim(),
          org: (r.org as string | null | undefined) ?? null,
          country: (r.country as string | null | undefined) ?? null,
          from: (r.from as string | null | undefined) ?? null,
          to: (r.to as string | null | undefined) ?? null,
          descriptors: (descriptors as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean),
        };
      }),
    };
  });
  return { version: typeof d.version === 'number' ? d.version : 1, people };
}

/**
 * Reads and checks a registry file. Throws a RegistryError naming the file when it cannot be
 * read, is not JSON (with the parser's message), or breaks the format.
 *
 * @example
 *   const { registry, hash } = readRegistryFile('resources/officials.json');
 */
export function readRegistryFile(file: string): { registry: Registry; hash: string } {
  const r = readRegistryIfChanged(file, null);
  return r!;
}

/**
 * Like readRegistryFile, but returns null without parsing when the file's hash is `appliedHash`
 * (the registry already applied to the archive): opening an archive stays cheap.
 */
export function readRegistryIfChanged(file: string, appliedHash: string | null): { registry: Registry; hash: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new RegistryError(`${file}: cannot read the officials registry: ${(e as Error).message}`);
  }
  const hash = createHash('sha256').update(text).digest('hex');
  if (hash === appliedHash) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RegistryError(`${file}: the officials registry is not valid JSON: ${(e as Error).message}`);
  }
  return { registry: checkRegistry(data, file), hash };
}

/**
 * Where the shipped registry is: `resources/officials.json` under the app root, found by
 * walking up from this module's folder (src/main/statements when run from source, out/main when
 * built, the packaged app's folder in Electron). Null when it is not there.
 */
export function defaultRegistryPath(from: string = __dirname): string | null {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources', 'officials.json');
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

const META_KEY = 'officials_registry_hash';

/** The hash of the registry file last applied to the archive, or null. */
export function appliedRegistryHash(db: Db): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined) ?? null;
}

/**
 * Seeds or refreshes the registry people in the archive, in one transaction. Idempotent, keyed
 * by `key`; skipped entirely when the file is the one applied last time. A refresh rewrites
 * only what came from the registry (the name, and aliases and roles of origin 'registry'):
 * aliases and roles analysts added, merges, and statements are left as they are. A person
 * found in articles before the registry knew them is adopted (it gains the key). People no
 * longer in the file stay (statements may point at them).
 *
 * @returns the ids of people whose canonical name changed (their articles' speakers are stale), or null when nothing was done.
 */
export function applyRegistry(db: Db, registry: Registry, hash: string): number[] | null {
  const applied = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY);
  if (applied === hash) return null;
  const now = new Date().toISOString();
  const byKey = db.prepare('SELECT id, name FROM people WHERE registry_key = ?');
  const foundByName = db.prepare(
    "SELECT id, name FROM people WHERE registry_key IS NULL AND merged_into IS NULL AND origin = 'found' AND name_folded = ? ORDER BY id LIMIT 1",
  );
  const insert = db.prepare("INSERT INTO people (name, name_folded, registry_key, origin, created_at) VALUES (?, ?, ?, 'registry', ?)");
  const rename = db.prepare('UPDATE people SET name = ?, name_folded = ? WHERE id = ?');
  const adopt = db.prepare("UPDATE people SET registry_key = ?, origin = 'registry', name = ?, name_folded = ? WHERE id = ?");
  const dropAliases = db.prepare("DELETE FROM person_aliases WHERE person_id = ? AND origin = 'registry'");
  const addAlias = db.prepare(
    `INSERT INTO person_aliases (person_id, alias, alias_folded, origin) VALUES (?, ?, ?, 'registry')
     ON CONFLICT (person_id, alias_folded) DO NOTHING`,
  );
  const dropRoles = db.prepare("DELETE FROM person_roles WHERE person_id = ? AND origin = 'registry'");
  const addRole = db.prepare(
    `INSERT INTO person_roles (person_id, title, org, country, from_date, to_date, descriptors, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'registry')`,
  );
  const renamed: number[] = [];
  db.transaction(() => {
    for (const p of registry.people) {
      const folded = foldName(p.name);
      let row = byKey.get(p.key) as { id: number; name: string } | undefined;
      if (!row) {
        const found = foundByName.get(folded) as { id: number; name: string } | undefined;
        if (found) {
          adopt.run(p.key, p.name, folded, found.id);
          if (found.name !== p.name) renamed.push(found.id);
          row = { id: found.id, name: p.name };
        } else row = { id: Number(insert.run(p.name, folded, p.key, now).lastInsertRowid), name: p.name };
      } else if (row.name !== p.name) {
        rename.run(p.name, folded, row.id);
        renamed.push(row.id);
      }
      dropAliases.run(row.id);
      for (const a of p.aliases) {
        const f = foldName(a);
        if (f && f !== folded) addAlias.run(row.id, a, f);
      }
      dropRoles.run(row.id);
      for (const r of p.roles) addRole.run(row.id, r.title, r.org, r.country, r.from, r.to, JSON.stringify(r.descriptors));
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_KEY, hash);
  })();
  return renamed;
}
