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
import type { RegistryRole } from './registry';
import { editDistance, foldName, isPlausiblePersonName, looseSurname, nearLimit, stripTitles } from './names';

/** An office as resolution needs it: the registry's shape, with its descriptors folded (foldName). */
export type RoleEntry = RegistryRole;

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
   * People by their Cyrillic names with every word cut to a case-free key (cyrillicStems):
   * Russian writes names in six cases ("по словам Дмитрия Пескова"), the registry in the nominative.
   */
  byCyrillicStem: Map<string, PersonEntry[]>;
  /**
   * People near spellings and roles are tried against: the registry's and the analysts', not
   * people merely found in articles (unchecked, and thousands after a large import).
   */
  curated: PersonEntry[];
  /** Lookups over the curated people for near spellings and roles; built on first use. */
  curatedLookup?: CuratedLookup;
}

/** A curated person's name of two or more words, taken apart once. */
interface CuratedName {
  person: PersonEntry;
  name: string;
  words: number;
  surname: string;
  loose: string;
}

/**
 * What near spellings and roles are matched against, prepared once per index instead of per
 * mention: names by length (an edit distance needs lengths within the limit), surnames by
 * loose form and by length, role phrases by text with their roles' day bounds.
 */
interface CuratedLookup {
  /** Full names by their initials (first name's and surname's first letters). */
  fullByInitials: Map<string, CuratedName[]>;
  byLoose: Map<string, CuratedName[]>;
  /** Surnames by every string left after deleting up to one letter. */
  surnameDeletes: Map<string, CuratedName[]>;
  phrases: Map<string, Array<{ person: PersonEntry; from: string; to: string }>>;
  longestPhrase: number;
  /** Names within reach of a folded mention (before the role check), remembered: mentions repeat. */
  nearCache: Map<string, CuratedName[]>;
}

/** Mentions whose near names are remembered before the cache is emptied. */
const NEAR_CACHE_SIZE = 20_000;

function curatedLookup(index: PeopleIndex): CuratedLookup {
  if (index.curatedLookup) return index.curatedLookup;
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  const lookup: CuratedLookup = {
    fullByInitials: new Map(),
    byLoose: new Map(),
    surnameDeletes: new Map(),
    phrases: new Map(),
    longestPhrase: 0,
    nearCache: new Map(),
  };
  for (const p of index.curated) {
    for (const n of p.names) {
      const nw = n.split(' ');
      if (nw.length < 2) continue;
      const surname = nw[nw.length - 1]!;
      const c: CuratedName = { person: p, name: n, words: nw.length, surname, loose: looseSurname(surname) };
      push(lookup.fullByInitials, initials(n), c);
      push(lookup.byLoose, c.loose, c);
      for (const v of deletions(surname)) push(lookup.surnameDeletes, v, c);
    }
    for (const r of p.roles) {
      const from = r.from ? bounds(r.from)[0]! : '0000-01-01';
      const to = r.to ? bounds(r.to)[1]! : '9999-12-31';
      for (const d of rolePhrases(r)) {
        push(lookup.phrases, d, { person: p, from, to });
        lookup.longestPhrase = Math.max(lookup.longestPhrase, d.split(' ').length);
      }
    }
  }
  index.curatedLookup = lookup;
  return lookup;
}

export function buildPeopleIndex(people: PersonEntry[]): PeopleIndex {
  const index: PeopleIndex = { people: [], byName: new Map(), bySurname: new Map(), byId: new Map(), byCyrillicStem: new Map(), curated: [] };
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
  if (p.origin !== 'found') {
    index.curated.push(p);
    index.curatedLookup = undefined;
  }
  for (const n of p.names) {
    push(index.byName, n);
    const stemmed = cyrillicStems(n);
    if (stemmed) push(index.byCyrillicStem, stemmed);
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
  /** The article's words, made when a surname first needs them. */
  words?: { text: string; words: ArticleWords };
  /** Fuller forms of a surname found in the article text, by surname. */
  fuller?: Map<string, Array<{ name: string; at: number; end: number }>>;
  /** The article text folded (" word word "), made once per article when a surname needs it. */
  folded?: { text: string; folded: string };
}

/** A fresh memo for one article. */
export function newArticleMemo(): ArticleMemo {
  return { bySurname: new Map() };
}

function foldedArticle(memo: ArticleMemo, text: string): string {
  if (memo.folded?.text !== text) memo.folded = { text, folded: ` ${foldName(text)} ` };
  return memo.folded.folded;
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
  // The text around the mention is folded only when a rule needs role words from it.
  const context = lazy(() => contextOf(input));
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

const CYRILLIC = /[\u0400-\u04ff]/;
/** Case endings of Russian names (and of foreign names declined in Russian), longest first. */
const RU_NAME_ENDING = /(?:ого|его|ому|ему|ыми|ими|ой|ей|ою|ею|ым|им|ом|ем|ая|ую|ий|ый|ия|ию|ии|ья|ью|а|я|у|ю|е|и|ы|й|ь)$/;

/**
 * A folded Cyrillic name with each word cut to a case-free key, so that "сергея лаврова",
 * "сергеем лавровым" and "сергей лавров" meet (endings cut at most twice, keys of three letters
 * or more); null for other scripts. Snowball's Russian stemmer is made for common words and
 * cuts "лавров" and "лаврова" differently, hence this.
 */
export function cyrillicStems(folded: string): string | null {
  if (!CYRILLIC.test(folded)) return null;
  return folded
    .split(' ')
    .map((w) => {
      let key = w;
      for (let i = 0; i < 2; i++) {
        const cut = key.replace(RU_NAME_ENDING, '');
        if (cut === key || cut.length < 3) break;
        key = cut;
      }
      return key;
    })
    .join(' ');
}

/** A value computed on first use. */
function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
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
  context: () => string,
  memo: ArticleMemo,
  lookInArticle: boolean,
): { person: PersonEntry; by: ResolvedBy } | null {
  const f = foldName(name);
  if (!f) return null;
  const words = f.split(' ');
  // 1. canonical name or alias.
  const exact = index.byName.get(f);
  // A surname alone ("Stoltenberg", "Боррель") is someone's only when they were in public life
  // around the article's date: a 1987 "Stoltenberg said" is not the NATO Secretary-General of
  // 2014. A full name stands on its own.
  const exactOrInflected = exact?.length ? exact : (() => {
    const stemmed = cyrillicStems(f);
    return stemmed ? index.byCyrillicStem.get(stemmed) : undefined;
  })();
  const fits = words.length === 1 ? exactOrInflected?.filter((p) => activeAround(p, input.date)) : exactOrInflected;
  if (fits?.length) {
    const p = pick(fits, input.date, context);
    return { person: p, by: p.names[0] === f ? 'name' : 'alias' };
  }
  if (words.length === 1) {
    // 2. a surname: someone an earlier statement resolved, or whose full name the article gives.
    const known = memo.bySurname.get(f);
    const memoPerson = known === undefined ? undefined : index.byId.get(known);
    if (memoPerson) return { person: memoPerson, by: 'surname' };
    const bySurname = index.bySurname.get(f) ?? [];
    if (bySurname.length) {
      const article = foldedArticle(memo, input.text);
      const present = bySurname.filter((p) => p.names.some((n) => n.includes(' ') && article.includes(` ${n} `)));
      if (present.length) return { person: pick(present, input.date, context), by: 'surname' };
    }
    if (lookInArticle) {
      // The article may give the full name elsewhere ("Josep Borrel" ... "Borrel said"): resolve that.
      memo.fuller ??= new Map();
      let forms = memo.fuller.get(name);
      if (!forms) {
        if (memo.words?.text !== input.text) memo.words = { text: input.text, words: articleWords(input.text) };
        memo.fuller.set(name, (forms = fullerForms(memo.words.words, input.text, name)));
      }
      for (const full of forms) {
        const r = resolveName(index, full.name, { ...input, at: full.at, atEnd: full.end }, lazy(() => contextOf({ ...input, at: full.at, atEnd: full.end })), memo, false);
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
function pick(candidates: PersonEntry[], date: string | null, context: () => string): PersonEntry {
  if (candidates.length === 1) return candidates[0]!;
  return (
    candidates.find((p) => roleInContext(p, date, context())) ??
    candidates.find((p) => p.origin === 'registry') ??
    candidates.find((p) => p.origin === 'analyst') ??
    candidates[0]!
  );
}

/** The words of an article with where they are, and where each word occurs (made once per article). */
interface ArticleWords {
  words: Array<{ text: string; at: number; end: number }>;
  byText: Map<string, number[]>;
}

const NAME_WORD = /[\p{L}'’-]+/gu;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}'’-]+$/u;

function articleWords(text: string): ArticleWords {
  const words: ArticleWords['words'] = [];
  const byText = new Map<string, number[]>();
  for (const m of text.matchAll(NAME_WORD)) {
    const i = words.push({ text: m[0], at: m.index, end: m.index + m[0].length }) - 1;
    const l = byText.get(m[0]);
    if (l) l.push(i);
    else byText.set(m[0], [i]);
  }
  return { words, byText };
}

/**
 * "<Capitalised words> Name" occurrences in the text: fuller forms of a surname (one or two
 * capitalised words before it, apart only by spaces), at most five.
 */
function fullerForms(article: ArticleWords, text: string, surname: string): Array<{ name: string; at: number; end: number }> {
  const out: Array<{ name: string; at: number; end: number }> = [];
  for (const i of article.byText.get(surname) ?? []) {
    let first = i;
    for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
      const w = article.words[k]!;
      if (!CAPITALISED_WORD.test(w.text) || !/^\s+$/.test(text.slice(w.end, article.words[k + 1]!.at))) break;
      first = k;
    }
    if (first === i) continue;
    const at = article.words[first]!.at;
    const end = article.words[i]!.end;
    const name = stripTitles(text.slice(at, end));
    if (name && name.split(/\s+/).length >= 2) out.push({ name, at, end });
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
function nearSpelling(index: PeopleIndex, f: string, date: string | null, context: () => string): PersonEntry | null {
  const lookup = curatedLookup(index);
  let near = lookup.nearCache.get(f);
  if (!near) {
    near = nearNames(lookup, f);
    if (lookup.nearCache.size >= NEAR_CACHE_SIZE) lookup.nearCache.clear();
    lookup.nearCache.set(f, near);
  }
  const words = f.split(' ');
  const loose = looseSurname(words[words.length - 1]!);
  const found = new Set<PersonEntry>();
  for (const c of near) {
    if (found.has(c.person)) continue;
    // A full name spelt with the same surname stands alone; anything else needs role words.
    if ((words.length >= 2 && c.loose === loose) || roleInContext(c.person, date, context())) found.add(c.person);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * Curated names a folded mention may be a near spelling of (see nearSpelling). A full name is
 * compared with the names that share its initials (a misspelling that changes the first
 * letter of a first name or surname is not taken for a near spelling). A surname alone is
 * compared through deletion maps: two strings one edit apart share a string left after
 * deleting at most one letter from each (a change is a deletion on both sides).
 */
function nearNames(lookup: CuratedLookup, f: string): CuratedName[] {
  const words = f.split(' ');
  const out = new Set<CuratedName>();
  if (words.length >= 2) {
    const limit = nearLimit(f.length);
    for (const c of lookup.fullByInitials.get(initials(f)) ?? []) {
      if (c.words === words.length && Math.abs(c.name.length - f.length) <= limit && withinEdits(f, c.name, limit)) out.add(c);
    }
    return [...out];
  }
  const surname = words[0]!;
  if (surname.length < 5) return [];
  for (const c of lookup.byLoose.get(looseSurname(surname)) ?? []) out.add(c);
  for (const v of deletions(surname)) {
    for (const c of lookup.surnameDeletes.get(v) ?? []) if (!out.has(c) && withinEdits(surname, c.surname, 1)) out.add(c);
  }
  return [...out];
}

/** First letters of a folded name's first word and last word ("josep borrell" → "j b"). */
function initials(folded: string): string {
  const words = folded.split(' ');
  return `${folded[0]} ${words[words.length - 1]![0]}`;
}

/** The string and every string made from it by deleting one character. */
function deletions(s: string): Set<string> {
  const out = new Set<string>([s]);
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** True when a and b are at most `max` edits apart; one edit is checked without a table. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (max !== 1) return editDistance(a, b, max) <= max;
  if (Math.abs(a.length - b.length) > 1) return false;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  // What is left between the common prefix and suffix must be at most one character on each side.
  return a.length - p - q <= 1 && b.length - p - q <= 1;
}

/** Years before a person's first known role and after their last in which a surname alone still points at them. */
const ACTIVE_MARGIN_YEARS = 3;

/**
 * True when the article's date (undated: always) falls within the person's known roles, give or
 * take a few years, or the person has no dated role to judge by.
 */
function activeAround(p: PersonEntry, date: string | null): boolean {
  if (!date) return true;
  const year = Number(date.slice(0, 4));
  const dated = p.roles.filter((r) => r.from || r.to);
  if (!Number.isFinite(year) || dated.length === 0) return true;
  return dated.some((r) => {
    const from = r.from ? Number(r.from.slice(0, 4)) - ACTIVE_MARGIN_YEARS : -Infinity;
    const to = r.to ? Number(r.to.slice(0, 4)) + ACTIVE_MARGIN_YEARS : Infinity;
    return year >= from && year <= to;
  });
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
  const [dStart, dEnd] = bounds(date);
  if (!dStart) return null;
  const lookup = curatedLookup(index);
  const words = roleText.split(' ');
  let best = 0;
  let who = new Set<PersonEntry>();
  // Every run of up to the longest phrase's words in the role text, looked up whole.
  for (let i = 0; i < words.length; i++) {
    let phrase = '';
    for (let n = 1; n <= lookup.longestPhrase && i + n <= words.length; n++) {
      phrase = n === 1 ? words[i]! : `${phrase} ${words[i + n - 1]!}`;
      const holders = lookup.phrases.get(phrase);
      if (!holders || phrase.length < best) continue;
      for (const h of holders) {
        if (h.from > dStart || h.to < dEnd!) continue;
        if (phrase.length > best) {
          best = phrase.length;
          who = new Set();
        }
        who.add(h.person);
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
