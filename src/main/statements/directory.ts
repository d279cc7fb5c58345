/**
 * The people tables: lookups, the in-memory resolution index, and the analyst's edits (merge,
 * split, aliases, roles). Every write is one transaction.
 */
import type { Db } from '../archive';
import type { Person, PersonRole } from '../../shared/types';
import { editDistance, foldName } from './names';
import { roleLabel } from './store';
import { addToIndex, buildPeopleIndex, bounds, type PeopleIndex, type PersonEntry, type RoleEntry } from './resolve';

type Origin = 'registry' | 'found' | 'analyst';

interface PersonRow {
  id: number;
  name: string;
  registry_key: string | null;
  merged_into: number | null;
  origin: Origin;
}

interface RoleRow {
  id: number;
  person_id: number;
  title: string;
  org: string | null;
  country: string | null;
  from_date: string | null;
  to_date: string | null;
  descriptors: string;
  origin: Origin;
}

/** The people of one archive. The resolution index is rebuilt lazily after any change. */
export class PeopleDirectory {
  private index: PeopleIndex | null = null;
  /** Person id → merge root id, for every person. */
  private roots: Map<number, number> | null = null;
  private rows: Map<number, PersonRow> | null = null;

  constructor(private readonly db: Db) {}

  /** Forgets the cached index (after a write to the people tables). */
  invalidate(): void {
    this.index = null;
    this.roots = null;
    this.rows = null;
  }

  private load(): void {
    const rows = this.db.prepare('SELECT id, name, registry_key, merged_into, origin FROM people').all() as PersonRow[];
    this.rows = new Map(rows.map((r) => [r.id, r]));
    this.maxId = rows.reduce((m, r) => Math.max(m, r.id), 0);
    this.roots = new Map();
    for (const r of rows) this.roots.set(r.id, this.walkRoot(r.id));
  }

  private walkRoot(id: number): number {
    let at = id;
    for (let i = 0; i < 1000; i++) {
      const up = this.rows!.get(at)?.merged_into;
      if (up === null || up === undefined) return at;
      at = up;
    }
    return at;
  }

  /** The person a (possibly merged) person now stands for. */
  root(id: number): number {
    if (!this.roots) this.load();
    return this.roots!.get(id) ?? id;
  }

  /** Every person id whose merge root is `rootId` (itself included). */
  members(rootId: number): number[] {
    if (!this.roots) this.load();
    return [...this.roots!].filter(([, r]) => r === rootId).map(([id]) => id);
  }

  /** True when the person exists. */
  exists(id: number): boolean {
    if (!this.rows) this.load();
    return this.rows!.has(id);
  }

  /** The canonical name of the person a (possibly merged) person stands for. */
  nameOf(id: number): string | null {
    if (!this.rows) this.load();
    return this.rows!.get(this.root(id))?.name ?? null;
  }

  /** The resolution index over merge roots, with the names and roles of everyone merged into each. */
  resolutionIndex(): PeopleIndex {
    if (this.index) return this.index;
    if (!this.roots) this.load();
    const entries = new Map<number, PersonEntry>();
    for (const r of this.rows!.values()) {
      if (r.merged_into === null) entries.set(r.id, { id: r.id, name: r.name, origin: r.origin, names: [foldName(r.name)], roles: [] });
    }
    for (const r of this.rows!.values()) {
      if (r.merged_into !== null) entries.get(this.root(r.id))?.names.push(foldName(r.name));
    }
    for (const a of this.db.prepare('SELECT person_id, alias_folded FROM person_aliases').all() as Array<{ person_id: number; alias_folded: string }>) {
      const e = entries.get(this.root(a.person_id));
      if (e && !e.names.includes(a.alias_folded)) e.names.push(a.alias_folded);
    }
    for (const r of this.db.prepare('SELECT * FROM person_roles').all() as RoleRow[]) {
      entries.get(this.root(r.person_id))?.roles.push(toRoleEntry(r));
    }
    this.index = buildPeopleIndex([...entries.values()]);
    return this.index;
  }

  /** Root persons whose canonical name or an alias folds to `name`. */
  byExactName(name: string): number[] {
    const f = foldName(name);
    return (this.resolutionIndex().byName.get(f) ?? []).map((p) => p.id);
  }

  /**
   * Adds a person (origin 'found' or 'analyst') or returns the existing root person with that
   * exact name. Call inside the caller's transaction.
   */
  ensure(name: string, origin: 'found' | 'analyst'): number {
    const existing = this.byExactName(name);
    if (existing.length) return existing[0]!;
    const clean = name.trim().replace(/\s+/g, ' ');
    const id = Number(
      this.db
        .prepare('INSERT INTO people (name, name_folded, origin, created_at) VALUES (?, ?, ?, ?)')
        .run(clean, foldName(clean), origin, new Date().toISOString()).lastInsertRowid,
    );
    // Added to the caches in place: an import may find thousands of new people.
    this.rows?.set(id, { id, name: clean, registry_key: null, merged_into: null, origin });
    this.roots?.set(id, id);
    if (this.index) addToIndex(this.index, { id, name: clean, origin, names: [foldName(clean)], roles: [] });
    this.maxId = id;
    return id;
  }

  private maxId = -1;

  /**
   * Drops the caches when the people table is not what they were built from (a transaction
   * that added people was rolled back). Cheap: one query. Call before a file's statements.
   */
  checkFresh(): void {
    if (!this.rows) return;
    const max = (this.db.prepare('SELECT max(id) FROM people').pluck().get() as number | null) ?? 0;
    if (max !== this.maxId) this.invalidate();
  }

  /** One person with aliases, roles, merges and statement count; undefined when unknown. */
  get(id: number): Person | undefined {
    if (!this.rows) this.load();
    const r = this.rows!.get(id);
    if (!r) return undefined;
    const members = this.members(id);
    const aliases = this.db
      .prepare(`SELECT alias, origin, person_id FROM person_aliases WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`)
      .all(JSON.stringify(members)) as Array<{ alias: string; origin: Origin; person_id: number }>;
    const roles = (
      this.db.prepare('SELECT * FROM person_roles WHERE person_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(members)) as RoleRow[]
    ).map(toRole);
    roles.sort(byNewestRole);
    const statements = this.db
      .prepare(
        `SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id
         WHERE s.person_id IN (SELECT value FROM json_each(?)) AND s.status <> 'rejected' AND a.superseded_by IS NULL`,
      )
      .pluck()
      .get(JSON.stringify(members)) as number;
    const merged = [...this.rows!.values()].filter((x) => x.merged_into === id).map((x) => ({ id: x.id, name: x.name }));
    const latest = roles[0];
    return {
      id: r.id,
      name: r.name,
      aliases: [...new Set(aliases.map((a) => a.alias).concat(merged.map((m) => m.name)))],
      role: latest ? roleLabel(latest) : null,
      roles,
      origin: r.origin,
      statements,
      merged,
      registryKey: r.registry_key,
      mergedInto: r.merged_into,
    };
  }

  /**
   * Autocomplete: root people whose canonical name or an alias (Cyrillic too) starts with the
   * folded prefix, or has a word that does; when a prefix of four letters or more finds none,
   * near spellings of it (one edit). People with more statements first.
   */
  search(prefix: string, limit: number): Person[] {
    const q = foldName(prefix);
    if (!q) return [];
    const index = this.resolutionIndex();
    const hit = new Map<number, string | null>();
    const matches = (n: string) => n.startsWith(q) || n.includes(` ${q}`);
    for (const p of index.people) {
      const n = p.names.find(matches);
      if (n !== undefined) hit.set(p.id, n === p.names[0] ? null : n);
    }
    if (hit.size === 0 && q.length >= 4 && !q.includes(' ')) {
      for (const p of index.people) {
        const n = p.names.find((name) => name.split(' ').some((w) => editDistance(q, w.slice(0, q.length + 1), 1) <= 1 || editDistance(q, w.slice(0, q.length), 1) <= 1));
        if (n !== undefined) hit.set(p.id, n === p.names[0] ? null : n);
      }
    }
    if (hit.size === 0) return [];
    const out = [...hit].map(([id, matched]): Person => ({ ...this.get(id)!, matched: matched ? this.aliasAsWritten(id, matched) : null }));
    out.sort((a, b) => b.statements - a.statements || (a.origin === 'registry' ? -1 : 0) - (b.origin === 'registry' ? -1 : 0) || a.name.localeCompare(b.name));
    return out.slice(0, limit);
  }

  private aliasAsWritten(root: number, folded: string): string {
    const members = this.members(root);
    const row = this.db
      .prepare('SELECT alias FROM person_aliases WHERE alias_folded = ? AND person_id IN (SELECT value FROM json_each(?)) LIMIT 1')
      .pluck()
      .get(folded, JSON.stringify(members)) as string | undefined;
    return row ?? [...this.rows!.values()].find((r) => members.includes(r.id) && foldName(r.name) === folded)?.name ?? folded;
  }

  /** The role a person held on a date (title and org), for listings; the latest one when the date is unknown. */
  roleOn(rootId: number, date: string | null): PersonRole | null {
    const p = this.resolutionIndex().byId.get(rootId);
    if (!p) return null;
    return roleOnDate(p.roles, date);
  }

  /** Merges `merge` into `keep` (their merge roots). Returns the ids whose statements moved. */
  merge(keep: number, merge: number): number[] {
    const k = this.root(keep);
    const m = this.root(merge);
    if (k === m) throw new Error('these are already the same person');
    const moved = this.members(m);
    this.db.prepare('UPDATE people SET merged_into = ? WHERE id = ?').run(k, m);
    this.invalidate();
    return moved;
  }

  /** Undoes the merge of `id`: it stands for itself again (with the people merged into it). */
  split(id: number): number[] {
    if (!this.rows) this.load();
    const r = this.rows!.get(id);
    if (!r || r.merged_into === null) throw new Error(`person ${id} is not merged into anyone`);
    const moved = this.members(this.root(id)).filter((x) => this.isUnder(x, id));
    this.db.prepare('UPDATE people SET merged_into = NULL WHERE id = ?').run(id);
    this.invalidate();
    return moved;
  }

  private isUnder(x: number, ancestor: number): boolean {
    let at: number | null | undefined = x;
    for (let i = 0; i < 1000 && at !== null && at !== undefined; i++) {
      if (at === ancestor) return true;
      at = this.rows!.get(at)?.merged_into;
    }
    return false;
  }

  /** Adds an alias of origin 'analyst' (no-op when the person already has it). */
  addAlias(id: number, alias: string): void {
    this.db
      .prepare(
        `INSERT INTO person_aliases (person_id, alias, alias_folded, origin) VALUES (?, ?, ?, 'analyst')
         ON CONFLICT (person_id, alias_folded) DO UPDATE SET origin = 'analyst'`,
      )
      .run(id, alias.trim(), foldName(alias));
    this.invalidate();
  }

  /** Adds a role of origin 'analyst'. */
  addRole(id: number, role: { title: string; org: string | null; country: string | null; from: string | null; to: string | null; descriptors: string[] }): void {
    this.db
      .prepare(
        `INSERT INTO person_roles (person_id, title, org, country, from_date, to_date, descriptors, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'analyst')`,
      )
      .run(id, role.title, role.org, role.country, role.from, role.to, JSON.stringify(role.descriptors.map((d) => foldName(d))));
    this.invalidate();
  }
}

function toRoleEntry(r: RoleRow): RoleEntry {
  const { origin: _origin, descriptors, ...role } = toRole(r);
  return { ...role, descriptors: (descriptors ?? []).map(foldName).filter(Boolean) };
}

function toRole(r: RoleRow): PersonRole {
  return {
    title: r.title,
    org: r.org,
    country: r.country,
    from: r.from_date,
    to: r.to_date,
    descriptors: JSON.parse(r.descriptors) as string[],
    origin: r.origin,
  };
}

/** Newest first: a role still held, then by start date. */
function byNewestRole(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): number {
  const end = (x: { to: string | null }) => (x.to === null ? '9999' : bounds(x.to)[1]!);
  return end(b).localeCompare(end(a)) || (b.from ?? '').localeCompare(a.from ?? '');
}

function roleSummary(r: RoleEntry): PersonRole {
  return { title: r.title, org: r.org, country: r.country, from: r.from, to: r.to, descriptors: r.descriptors };
}

/** The current or last role. */
function latestRole(roles: RoleEntry[]): PersonRole | null {
  const sorted = [...roles].sort(byNewestRole);
  return sorted[0] ? roleSummary(sorted[0]) : null;
}

/** The role held on `date` (the latest-starting one if several), else null; without a date, the latest role. */
export function roleOnDate(roles: RoleEntry[], date: string | null): PersonRole | null {
  if (!date) return latestRole(roles);
  const [dStart, dEnd] = bounds(date);
  if (!dStart) return latestRole(roles);
  const held = roles.filter((r) => (!r.from || bounds(r.from)[0]! <= dEnd!) && (!r.to || bounds(r.to)[1]! >= dStart));
  held.sort(byNewestRole);
  return held[0] ? roleSummary(held[0]) : null;
}
