/**
 * Speaker resolution: from what the extractor found (the mention, the fullest name the article
 * gives, the role words) plus the article's date and text, to a person of the archive. Pure:
 * works over a PeopleIndex built from the people tables (people.ts), no I/O.
 *
 * Rules, tried in order (docs/decisions.md, "Statements"):
 *  1. name: the name folded (case, diacritics, ё) equals a canonical name or an alias;
 *  2. surname: one word that is the surname of someone whose full name the article gives
 *     (or whom an earlier statement of the same article resolved to);
 *  3. near spelling: a full name one or two edits away (by length) whose surname is the same
 *     up to doubled letters or y/i is taken alone; any other near spelling (a surname alone
 *     such as "Borrel") only when a role descriptor of that person is near the mention;
 *  4. role: role words ("the EU foreign policy chief") naming exactly one person's role held
 *     on the article's date;
 *  5. otherwise a plausible person name (two or more capitalised words) is reported as found,
 *     for the caller to add; anything else stays unresolved.
 */
import { editDistance, foldName, isPlausiblePersonName, looseSurname, nearLimit, stripTitles } from './names';

/** An office as resolution needs it. */
export interface RoleEntry {
  title: string;
  org: string | null;
  country: string | null;
  from: string | null;
  to: string | null;
  /** Lowercase role phrases, folded. */
  descriptors: string[];
}

/** A person (a merge root) with every name that leads to them. */
export interface PersonEntry {
  id: number;
  name: string;
  origin: 'registry' | 'found' | 'analyst';
  /** Folded canonical name first, then folded aliases (those of people merged into this one too). */
  names: string[];
  roles: RoleEntry[];
}

/** People by folded name and by surname, for resolution. */
export interface PeopleIndex {
  people: PersonEntry[];
  byName: Map<string, PersonEntry[]>;
  /** Last word of every name of two or more words. */
  bySurname: Map<string, PersonEntry[]>;
  byId: Map<number, PersonEntry>;
  /**
   * People near spellings and roles are tried against: the registry's and the analysts', not
   * people merely found in articles (unchecked, and thousands after a large import).
   */
  curated: PersonEntry[];
}

/** Builds the lookup maps over people (roots only). */
export function buildPeopleIndex(people: PersonEntry[]): PeopleIndex {
  const index: PeopleIndex = { people: [], byName: new Map(), bySurname: new Map(), byId: new Map(), curated: [] };
  for (const p of people) addToIndex(index, p);
  return index;
}

/** Adds one person to an index. */
export function addToIndex(index: PeopleIndex, p: PersonEntry): void {
  const push = (m: Map<string, PersonEntry[]>, k: string) => {
    const l = m.get(k);
    if (!l) m.set(k, [p]);
    else if (!l.includes(p)) l.push(p);
  };
  index.people.push(p);
  index.byId.set(p.id, p);
  if (p.origin !== 'found') index.curated.push(p);
  for (const n of p.names) {
    push(index.byName, n);
    const words = n.split(' ');
    if (words.length >= 2) push(index.bySurname, words[words.length - 1]!);
  }
}

/** What is known about one statement's speaker. */
export interface ResolveInput {
  speakerName: string | null;
  mention: string | null;
  speakerRole: string | null;
  /** The article's date as stored ("2022-01-10", "2022-01", "2022", or a date-time); null when unknown. */
  date: string | null;
  /** The article body the offsets refer to. */
  text: string;
  /** Where the mention (else the quote) is in `text`: role words near it back a near spelling. */
  at: number;
  atEnd: number;
}

/** Which rule resolved a speaker. */
export type ResolvedBy = 'name' | 'alias' | 'surname' | 'near' | 'role';

/** A resolution's outcome: the person, the rule, or a name to add as a found person. */
export interface Resolution {
  personId: number | null;
  by: ResolvedBy | null;
  /** When nobody matched but the name is a plausible person's: the name to add as found. */
  foundName: string | null;
}

/** What the statements of one article resolved so far: later surnames and pronouns lean on it. */
export interface ArticleMemo {
  bySurname: Map<string, number>;
}

/** A fresh memo for one article. */
export function newArticleMemo(): ArticleMemo {
  return { bySurname: new Map() };
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'him', 'her', 'it', 'он', 'она', 'они']);
/** Characters of text before and after a mention searched for role words. */
const CONTEXT_BEFORE = 160;
const CONTEXT_AFTER = 80;

/**
 * Resolves one statement's speaker. `memo` (one per article) lets a surname reuse a person an
 * earlier statement of the article resolved by full name; it is updated.
 *
 * @example
 *   const r = resolveSpeaker(index, { speakerName: 'Anthony Blinken', mention: 'Anthony Blinken', speakerRole: null,
 *     date: '2022-01-10', text, at: 0, atEnd: 15 });
 *   // r.by === 'near', r.personId === <Antony Blinken>
 */
export function resolveSpeaker(index: PeopleIndex, input: ResolveInput, memo: ArticleMemo = newArticleMemo()): Resolution {
  const raw = input.speakerName ?? (input.mention && !isPronoun(input.mention) ? input.mention : null);
  const name = raw ? stripTitles(raw) : null;
  const context = contextOf(input);
  if (name) {
    const r = resolveName(index, name, input, context, memo, true);
    if (r) {
      remember(memo, r.person, name);
      return { personId: r.person.id, by: r.by, foundName: null };
    }
  }
  // Role words: the extractor's role, the mention itself ("the EU foreign policy chief").
  const roleText = [input.speakerRole, input.mention].filter(Boolean).join(' ');
  const byRole = roleText ? personByRole(index, foldName(roleText), input.date) : null;
  if (byRole && (!name || nameFits(byRole, name))) {
    if (name) remember(memo, byRole, name);
    return { personId: byRole.id, by: 'role', foundName: null };
  }
  return { personId: null, by: null, foundName: name && isPlausiblePersonName(name) ? name : null };
}

function isPronoun(s: string): boolean {
  return PRONOUNS.has(foldName(s));
}

function remember(memo: ArticleMemo, p: PersonEntry, name: string): void {
  const words = foldName(name).split(' ');
  memo.bySurname.set(words[words.length - 1]!, p.id);
  const canon = p.names[0]!.split(' ');
  memo.bySurname.set(canon[canon.length - 1]!, p.id);
}

/** Folded speaker role plus the text around the mention. */
function contextOf(input: ResolveInput): string {
  const from = Math.max(0, input.at - CONTEXT_BEFORE);
  const to = Math.min(input.text.length, input.atEnd + CONTEXT_AFTER);
  return foldName(`${input.speakerRole ?? ''} ${input.text.slice(from, to)}`);
}

function resolveName(
  index: PeopleIndex,
  name: string,
  input: ResolveInput,
  context: string,
  memo: ArticleMemo,
  lookInArticle: boolean,
): { person: PersonEntry; by: ResolvedBy } | null {
  const f = foldName(name);
  if (!f) return null;
  const words = f.split(' ');
  // 1. canonical name or alias.
  const exact = index.byName.get(f);
  if (exact?.length) {
    const p = pick(exact, input.date, context);
    return { person: p, by: p.names[0] === f ? 'name' : 'alias' };
  }
  if (words.length === 1) {
    // 2. a surname: someone an earlier statement resolved, or whose full name the article gives.
    const known = memo.bySurname.get(f);
    const memoPerson = known === undefined ? undefined : index.byId.get(known);
    if (memoPerson) return { person: memoPerson, by: 'surname' };
    const bySurname = index.bySurname.get(f) ?? [];
    if (bySurname.length) {
      const article = ` ${foldName(input.text)} `;
      const present = bySurname.filter((p) => p.names.some((n) => n.includes(' ') && article.includes(` ${n} `)));
      if (present.length) return { person: pick(present, input.date, context), by: 'surname' };
    }
    if (lookInArticle) {
      // The article may give the full name elsewhere ("Josep Borrel" ... "Borrel said"): resolve that.
      for (const full of fullerForms(input.text, name)) {
        const r = resolveName(index, full.name, { ...input, at: full.at, atEnd: full.end }, contextOf({ ...input, at: full.at, atEnd: full.end }), memo, false);
        if (r) return { person: r.person, by: 'surname' };
      }
    }
  }
  // 3. near spelling.
  const near = nearSpelling(index, f, input.date, context);
  if (near) return { person: near, by: 'near' };
  return null;
}

/** Among people sharing a name: the one whose role fits the context, else a registry person, else the first. */
function pick(candidates: PersonEntry[], date: string | null, context: string): PersonEntry {
  if (candidates.length === 1) return candidates[0]!;
  return (
    candidates.find((p) => roleInContext(p, date, context)) ??
    candidates.find((p) => p.origin === 'registry') ??
    candidates.find((p) => p.origin === 'analyst') ??
    candidates[0]!
  );
}

/** "<Capitalised words> Name" occurrences in the text: fuller forms of a surname. */
function fullerForms(text: string, surname: string): Array<{ name: string; at: number; end: number }> {
  const esc = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]+\\s+){1,2})${esc}(?![\\p{L}])`, 'gu');
  const out: Array<{ name: string; at: number; end: number }> = [];
  for (const m of text.matchAll(re)) {
    const name = stripTitles(m[0]);
    if (name && name.split(/\s+/).length >= 2) out.push({ name, at: m.index, end: m.index + m[0].length });
    if (out.length >= 5) break;
  }
  return out;
}

/**
 * A person whose name is a near spelling of `f`. Full names (two or more words) one or two
 * edits away (by length) count alone when the surname is the same up to doubled letters and
 * y/i; otherwise (a different surname letter, or a surname alone) role words of the person
 * must be in the context. Exactly one person must qualify.
 */
function nearSpelling(index: PeopleIndex, f: string, date: string | null, context: string): PersonEntry | null {
  const words = f.split(' ');
  const surname = words[words.length - 1]!;
  const found = new Set<PersonEntry>();
  for (const p of index.curated) {
    for (const n of p.names) {
      const nw = n.split(' ');
      const nSurname = nw[nw.length - 1]!;
      let ok = false;
      if (words.length >= 2 && nw.length === words.length) {
        if (editDistance(f, n, 2) > nearLimit(f.length)) continue;
        const sameSurname = looseSurname(surname) === looseSurname(nSurname);
        ok = sameSurname || roleInContext(p, date, context);
      } else if (words.length === 1 && nw.length >= 2 && surname.length >= 5) {
        const close = looseSurname(surname) === looseSurname(nSurname) || editDistance(surname, nSurname, 1) <= 1;
        ok = close && roleInContext(p, date, context);
      }
      if (ok) {
        found.add(p);
        break;
      }
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** True when the folded context holds a role phrase of the person (a role held on `date` when it is known). */
export function roleInContext(p: PersonEntry, date: string | null, context: string): boolean {
  const hay = ` ${context} `;
  return p.roles.some((r) => (!date || heldOn(r, date)) && rolePhrases(r).some((d) => hay.includes(` ${d} `)));
}

/** The phrases that name a role: its descriptors, and its title when it has two or more words. */
function rolePhrases(r: RoleEntry): string[] {
  const title = foldName(r.title);
  return title.includes(' ') ? [...r.descriptors, title] : r.descriptors;
}

/** True when the role was held on the whole of the date (taking each bound at its precision loosely). */
export function heldOn(r: RoleEntry, date: string): boolean {
  const [dStart, dEnd] = bounds(date);
  if (!dStart) return false;
  if (r.from && bounds(r.from)[0]! > dStart) return false;
  if (r.to && bounds(r.to)[1]! < dEnd!) return false;
  return true;
}

/** First and last day ("YYYY-MM-DD") a partial date covers; [null, null] when unreadable. */
export function bounds(d: string): [string | null, string | null] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return [null, null];
  if (m[3]) return [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`];
  if (m[2]) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-31`];
  return [`${m[1]}-01-01`, `${m[1]}-12-31`];
}

/**
 * The one person holding, on `date`, a role one of whose phrases is in the folded `roleText`
 * (the longest phrase wins; a tie between people is no answer). Nothing without a date.
 */
export function personByRole(index: PeopleIndex, roleText: string, date: string | null): PersonEntry | null {
  if (!date || !roleText) return null;
  const hay = ` ${roleText} `;
  let best = 0;
  let who = new Set<PersonEntry>();
  for (const p of index.curated) {
    for (const r of p.roles) {
      if (!heldOn(r, date)) continue;
      for (const d of rolePhrases(r)) {
        if (d.length < best || !hay.includes(` ${d} `)) continue;
        if (d.length > best) {
          best = d.length;
          who = new Set();
        }
        who.add(p);
      }
    }
  }
  return who.size === 1 ? [...who][0]! : null;
}

/** True when a name given alongside role words can be that person's (same surname, loosely). */
function nameFits(p: PersonEntry, name: string): boolean {
  const w = foldName(name).split(' ');
  const s = looseSurname(w[w.length - 1]!);
  return p.names.some((n) => {
    const nw = n.split(' ');
    return looseSurname(nw[nw.length - 1]!) === s;
  });
}
