import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The curated officials registry (resources/officials.json): what the statements feature relies on.
 * Format: resources/README.md.
 */

interface Role {
  title: string;
  org: string;
  country: string | null;
  from: string;
  to: string | null;
  descriptors: string[];
}
interface Person {
  key: string;
  name: string;
  aliases: string[];
  roles: Role[];
}
interface Registry {
  version: number;
  note: string;
  people: Person[];
}

const FILE = fileURLToPath(new URL('../resources/officials.json', import.meta.url));
const registry = JSON.parse(readFileSync(FILE, 'utf8')) as Registry;
const people = registry.people;
const byKey = new Map(people.map((p) => [p.key, p]));

// ---------------------------------------------------------------------------------------------
// Dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the curator was sure of.

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY = 86_400_000;

function parts(d: string): [number, number | null, number | null] {
  const m = DATE_RE.exec(d);
  if (!m) throw new Error(`bad date ${d}`);
  return [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
}

function validDate(d: string): boolean {
  const m = DATE_RE.exec(d);
  if (!m) return false;
  const [y, mo, da] = parts(d);
  if (y < 1900 || y > 2100) return false;
  if (mo !== null && (mo < 1 || mo > 12)) return false;
  if (mo !== null && da !== null) {
    const t = new Date(Date.UTC(y, mo - 1, da));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== da) return false;
  }
  return true;
}

/** First day the (partial) date can mean, as ms since the epoch. */
function earliest(d: string): number {
  const [y, mo, da] = parts(d);
  return Date.UTC(y, (mo ?? 1) - 1, da ?? 1);
}
/** Last day the (partial) date can mean. */
function latest(d: string): number {
  const [y, mo, da] = parts(d);
  if (mo === null) return Date.UTC(y, 11, 31);
  if (da === null) return Date.UTC(y, mo, 0);
  return Date.UTC(y, mo - 1, da);
}

/** The days on which the role was certainly held: from the last day `from` can mean to the first day `to` can mean. */
function certainSpan(r: Role): [number, number] {
  return [latest(r.from), r.to === null ? Number.POSITIVE_INFINITY : earliest(r.to)];
}
/** The days on which the role may have been held. */
function possibleSpan(r: Role): [number, number] {
  return [earliest(r.from), r.to === null ? Number.POSITIVE_INFINITY : latest(r.to)];
}

// ---------------------------------------------------------------------------------------------
// Names: compared the way a reader would, ignoring case, accents and punctuation.

function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’'`.\-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

// ---------------------------------------------------------------------------------------------
// Offices: descriptors resolve "the EU foreign policy chief" on a date to the holder, so a
// descriptor names ONE office held by one person at a time, unless listed here as an office
// several people hold at once.

const MULTI_HOLDER = new Set([
  // China's foreign ministry has three or four spokespeople at once.
  'chinese foreign ministry spokesperson',
  "china's foreign ministry spokesperson",
  'spokesperson for the chinese foreign ministry',
  'chinese foreign ministry spokeswoman',
  "china's foreign ministry spokeswoman",
  'chinese foreign ministry spokesman',
  "china's foreign ministry spokesman",
  'официальный представитель мид кнр',
  'официальный представитель мид китая',
  // Vice/deputy ministers and presidential aides come in numbers.
  'chinese vice foreign minister',
  'заместитель министра иностранных дел кнр',
  'замминистра иностранных дел кнр',
  'russian deputy foreign minister',
  "russia's deputy foreign minister",
  'замглавы мид рф',
  'замглавы мид россии',
  'заместитель министра иностранных дел рф',
  'заместитель министра иностранных дел россии',
  'kremlin aide',
  'putin aide',
  'помощник президента рф',
  'помощник президента россии',
]);

/** Offices a reader resolves by role alone; each must be in the registry and single-holder. */
const SINGLE_HOLDER_OFFICES = [
  'secretary of state',
  'us secretary of state',
  'госсекретарь сша',
  'state department spokesman',
  'state department spokesperson',
  'официальный представитель госдепартамента',
  'white house press secretary',
  'pentagon press secretary',
  'us defense secretary',
  'us president',
  'us national security adviser',
  'us ambassador to the un',
  'russian president',
  'russian foreign minister',
  'глава мид россии',
  'kremlin spokesman',
  'пресс-секретарь президента рф',
  'russian foreign ministry spokesperson',
  'официальный представитель мид россии',
  'russian defence minister',
  'министр обороны рф',
  'russian ambassador to the un',
  'ukrainian president',
  'ukrainian foreign minister',
  'belarusian president',
  'president of kazakhstan',
  'kazakh president',
  'президент казахстана',
  'kazakh foreign minister',
  'chinese foreign minister',
  'chinese president',
  'british prime minister',
  'british foreign secretary',
  'french president',
  'german chancellor',
  'german foreign minister',
  'turkish president',
  'turkish foreign minister',
  'iranian foreign minister',
  "iran's supreme leader",
  'israeli prime minister',
  'japanese prime minister',
  'indian prime minister',
  'un secretary-general',
  'генсек оон',
  'spokesman for the un secretary-general',
  'nato secretary general',
  'генсек нато',
  'eu foreign policy chief',
  'head of eu diplomacy',
  'глава евродипломатии',
  'european commission president',
  'european council president',
  'european parliament president',
  'csto secretary general',
  'генсек одкб',
  'osce secretary general',
  'iaea director general',
  'who director-general',
];

/** Bare words that name no single office. */
const GENERIC = new Set([
  'president', 'vice president', 'prime minister', 'premier', 'chancellor', 'minister', 'foreign minister',
  'defence minister', 'defense minister', 'finance minister', 'spokesman', 'spokeswoman', 'spokesperson',
  'press secretary', 'secretary', 'secretary general', 'secretary-general', 'ambassador', 'envoy', 'leader',
  'head of state', 'king', 'official', 'diplomat', 'top diplomat', 'chief of staff', 'foreign secretary',
  'defence secretary', 'national security adviser', 'national security advisor',
  'президент', 'премьер-министр', 'премьер', 'министр', 'министр иностранных дел', 'министр обороны',
  'глава мид', 'пресс-секретарь', 'официальный представитель', 'посол', 'генсек', 'генеральный секретарь',
  'канцлер', 'лидер', 'глава государства', 'глава правительства',
]);

type Held = { key: string; role: Role };

/** Holders of an office, by descriptor. */
function holdersByDescriptor(ps: Person[]): Map<string, Held[]> {
  const out = new Map<string, Held[]>();
  for (const p of ps) {
    for (const role of p.roles) {
      for (const d of role.descriptors) {
        const list = out.get(d) ?? [];
        list.push({ key: p.key, role });
        out.set(d, list);
      }
    }
  }
  return out;
}

/** Two different people certainly holding one single-holder office on the same day (a handover day is shared). */
function officeConflicts(ps: Person[]): string[] {
  const out: string[] = [];
  for (const [d, held] of holdersByDescriptor(ps)) {
    if (MULTI_HOLDER.has(d)) continue;
    held.forEach((a, i) => {
      for (const b of held.slice(i + 1)) {
        if (a.key === b.key) continue;
        const [as, ae] = certainSpan(a.role);
        const [bs, be] = certainSpan(b.role);
        if (Math.max(as, bs) < Math.min(ae, be)) {
          out.push(`"${d}": ${a.key} (${a.role.from}..${a.role.to}) and ${b.key} (${b.role.from}..${b.role.to})`);
        }
      }
    });
  }
  return out;
}

const HOLDERS = holdersByDescriptor(people);

/** Who may have held the office named by `descriptor` on `date` (YYYY-MM-DD). */
function holderOn(descriptor: string, date: string): string[] {
  const t = earliest(date);
  const keys = new Set<string>();
  for (const h of HOLDERS.get(descriptor) ?? []) {
    const [s, e] = possibleSpan(h.role);
    if (s <= t && t <= e) keys.add(h.key);
  }
  return [...keys].sort();
}

function person(key: string): Person {
  const p = byKey.get(key);
  expect(p, `person ${key}`).toBeDefined();
  return p as Person;
}

function roleWith(p: Person, descriptor: string): Role {
  const r = p.roles.find((x) => x.descriptors.includes(descriptor));
  expect(r, `${p.key} has a role described as "${descriptor}"`).toBeDefined();
  return r as Role;
}

// ---------------------------------------------------------------------------------------------

describe('officials registry: shape', () => {
  it('is version 1 with a curation note and at least 150 people', () => {
    expect(Object.keys(registry).sort()).toEqual(['note', 'people', 'version']);
    expect(registry.version).toBe(1);
    expect(registry.note.length).toBeGreaterThan(0);
    expect(people.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique, slug-shaped keys', () => {
    const keys = people.map((p) => p.key);
    for (const k of keys) expect(k, k).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every person exactly the fields of the format, a name and at least one role', () => {
    for (const p of people) {
      expect(Object.keys(p).sort(), p.key).toEqual(['aliases', 'key', 'name', 'roles']);
      expect(p.name.trim(), p.key).toBe(p.name);
      expect(p.name.length, p.key).toBeGreaterThan(1);
      expect(Array.isArray(p.aliases), p.key).toBe(true);
      expect(p.roles.length, p.key).toBeGreaterThanOrEqual(1);
      for (const r of p.roles) {
        expect(Object.keys(r).sort(), p.key).toEqual(['country', 'descriptors', 'from', 'org', 'title', 'to']);
        expect(r.title.length, p.key).toBeGreaterThan(0);
        expect(r.org.length, p.key).toBeGreaterThan(0);
        if (r.country !== null) expect(r.country, `${p.key} ${r.title}`).toMatch(/^[A-Z]{2}$/);
      }
    }
  });

  it('has dates that parse, with from <= to and nothing in the future', () => {
    const today = Date.now();
    for (const p of people) {
      for (const r of p.roles) {
        const what = `${p.key} ${r.title} ${r.from}..${r.to}`;
        expect(validDate(r.from), what).toBe(true);
        if (r.to !== null) {
          expect(validDate(r.to), what).toBe(true);
          expect(earliest(r.from) <= latest(r.to), what).toBe(true);
          expect(earliest(r.to) <= today, what).toBe(true);
        }
        expect(earliest(r.from) <= today, what).toBe(true);
      }
    }
  });

  it('has clean aliases: trimmed, not the name again, not repeated', () => {
    // Accent-free and differently punctuated spellings ("Erdogan" for "Erdoğan") are kept on purpose,
    // for matchers that compare strings as written; only exact repeats are noise.
    for (const p of people) {
      const seen = new Set([p.name]);
      for (const a of p.aliases) {
        expect(a.trim().replace(/\s+/g, ' '), `${p.key}: "${a}"`).toBe(a);
        expect(a.length, `${p.key}: "${a}"`).toBeGreaterThan(1);
        expect(seen.has(a), `${p.key}: alias "${a}" repeats the name or another alias`).toBe(false);
        seen.add(a);
      }
    }
  });

  it('shares no name or alias between two people (case-, accent- and punctuation-insensitive)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of people) {
      for (const a of [p.name, ...p.aliases]) {
        const n = normName(a);
        const other = owner.get(n);
        if (other !== undefined && other !== p.key) clashes.push(`"${a}": ${other} and ${p.key}`);
        owner.set(n, p.key);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has lowercase, office-specific descriptors', () => {
    for (const p of people) {
      for (const r of p.roles) {
        expect(new Set(r.descriptors).size, `${p.key} ${r.title}`).toBe(r.descriptors.length);
        for (const d of r.descriptors) {
          const what = `${p.key}: "${d}"`;
          expect(d, what).toBe(d.toLowerCase());
          expect(d, what).toBe(d.trim().replace(/\s+/g, ' '));
          expect(GENERIC.has(d), `${what} is not specific to one office`).toBe(false);
        }
      }
    }
  });

  it('carries Cyrillic forms for the people Russian news writes about', () => {
    const withCyrillic = people.filter((p) => p.aliases.some((a) => CYRILLIC.test(a)));
    expect(withCyrillic.length).toBeGreaterThanOrEqual(Math.floor(people.length * 0.9));
    // Everyone holding a Russian, Belarusian, Kazakh or Ukrainian office, and every CSTO head, has one.
    for (const p of people) {
      const cis = p.roles.some((r) => ['RU', 'BY', 'KZ', 'UA'].includes(r.country ?? '') || r.org === 'CSTO');
      if (cis) expect(p.aliases.some((a) => CYRILLIC.test(a)), p.key).toBe(true);
    }
  });
});

describe('officials registry: one holder per office', () => {
  it('never has two people holding the same single-holder office on the same day', () => {
    expect(officeConflicts(people)).toEqual([]);
  });

  it('knows the offices readers resolve by role alone, and treats them as single-holder', () => {
    for (const d of SINGLE_HOLDER_OFFICES) {
      expect(MULTI_HOLDER.has(d), d).toBe(false);
      expect((HOLDERS.get(d) ?? []).length, `nobody holds "${d}"`).toBeGreaterThan(0);
    }
  });

  it('lists as multi-holder only descriptors the registry uses', () => {
    for (const d of MULTI_HOLDER) expect(HOLDERS.has(d), d).toBe(true);
  });

  it('the overlap check catches two secretaries of state on one day but not a handover', () => {
    const role = (from: string, to: string | null): Role => ({
      title: 'Secretary of State', org: 'US Department of State', country: 'US', from, to, descriptors: ['secretary of state'],
    });
    const a: Person = { key: 'a', name: 'A', aliases: [], roles: [role('2021-01-26', '2025-01-20')] };
    const handover: Person = { key: 'b', name: 'B', aliases: [], roles: [role('2025-01-20', null)] };
    const clash: Person = { key: 'c', name: 'C', aliases: [], roles: [role('2024-06', null)] };
    const vague: Person = { key: 'd', name: 'D', aliases: [], roles: [role('2025', null)] };
    expect(officeConflicts([a, handover])).toEqual([]);
    expect(officeConflicts([a, vague])).toEqual([]);
    expect(officeConflicts([a, clash])).toHaveLength(1);
  });
});

describe('officials registry: resolving a role on a date', () => {
  const cases: [string, string, string][] = [
    ['eu foreign policy chief', '2022-01-10', 'josep-borrell'],
    ['head of eu diplomacy', '2022-01-10', 'josep-borrell'],
    ['глава евродипломатии', '2022-01-10', 'josep-borrell'],
    ['head of eu diplomacy', '2017-05-01', 'federica-mogherini'],
    ['eu foreign policy chief', '2025-03-01', 'kaja-kallas'],
    ['secretary of state', '2022-01-10', 'antony-blinken'],
    ['us secretary of state', '2019-06-01', 'mike-pompeo'],
    ['state department spokesman', '2022-01-10', 'ned-price'],
    ['state department spokesperson', '2023-10-10', 'matthew-miller'],
    ['kremlin spokesman', '2022-01-10', 'dmitry-peskov'],
    ['официальный представитель мид россии', '2022-01-10', 'maria-zakharova'],
    ['глава мид россии', '2022-01-10', 'sergei-lavrov'],
    ['russian defence minister', '2022-01-10', 'sergei-shoigu'],
    ['russian defense minister', '2024-09-01', 'andrei-belousov'],
    ['nato secretary general', '2022-01-10', 'jens-stoltenberg'],
    ['nato secretary general', '2025-01-10', 'mark-rutte'],
    ['un secretary-general', '2022-01-10', 'antonio-guterres'],
    ['un secretary-general', '2015-06-01', 'ban-ki-moon'],
    ['president of kazakhstan', '2022-01-10', 'kassym-jomart-tokayev'],
    ['kazakh president', '2018-01-01', 'nursultan-nazarbayev'],
    ['csto secretary general', '2022-01-10', 'stanislav-zas'],
    ['white house press secretary', '2022-01-10', 'jen-psaki'],
    ['pentagon press secretary', '2022-01-10', 'john-kirby'],
    ['us president', '2022-01-10', 'joe-biden'],
    ['ukrainian foreign minister', '2022-01-10', 'dmytro-kuleba'],
    ['chinese foreign minister', '2022-01-10', 'wang-yi'],
    ['german chancellor', '2022-01-10', 'olaf-scholz'],
    ['british prime minister', '2022-01-10', 'boris-johnson'],
  ];
  it.each(cases)('"%s" on %s is %s', (descriptor, date, key) => {
    expect(holderOn(descriptor, date)).toEqual([key]);
  });
});

describe('officials registry: the people of the reference article (Interfax, 2022-01-10)', () => {
  it('has Ned Price as State Department spokesman from January 2021 to March 2023', () => {
    const p = person('ned-price');
    expect(p.name).toBe('Ned Price');
    const r = roleWith(p, 'state department spokesman');
    expect(r.descriptors).toContain('state department spokesperson');
    expect(r.from.startsWith('2021-01')).toBe(true);
    expect(r.to?.startsWith('2023-03')).toBe(true);
    expect(holderOn('state department spokesman', '2022-01-10')).toEqual(['ned-price']);
  });

  it('has Josep Borrell as EU High Representative 2019-12-01 to 2024-11-30, with his Cyrillic name', () => {
    const p = person('josep-borrell');
    expect(p.name).toBe('Josep Borrell');
    const r = roleWith(p, 'head of eu diplomacy');
    expect(r.descriptors).toContain('eu foreign policy chief');
    expect(r.from).toBe('2019-12-01');
    expect(r.to).toBe('2024-11-30');
    expect(r.country).toBeNull();
    expect(p.aliases).toContain('Боррель');
    expect(p.aliases).toContain('Жозеп Боррель');
    // "Borrel" (as the article spells it) is found by near spelling in code, not listed as an alias.
    expect(p.aliases.map(normName)).not.toContain('borrel');
  });

  it('has Antony Blinken as US Secretary of State 2021-01-26 to 2025-01-20, misspelled "Anthony" too', () => {
    const p = person('antony-blinken');
    expect(p.name).toBe('Antony Blinken');
    const r = roleWith(p, 'us secretary of state');
    expect(r.descriptors).toContain('secretary of state');
    expect(r.from).toBe('2021-01-26');
    expect(r.to).toBe('2025-01-20');
    expect(p.aliases).toEqual(expect.arrayContaining(['Anthony Blinken', 'Энтони Блинкен', 'Blinken']));
  });

  it('has the Kazakh presidents with their spellings', () => {
    const t = person('kassym-jomart-tokayev');
    expect(t.aliases).toEqual(expect.arrayContaining(['Tokaev', 'Tokayev', 'Токаев', 'Касым-Жомарт Токаев']));
    expect(roleWith(t, 'president of kazakhstan').to).toBeNull();
    const n = person('nursultan-nazarbayev');
    expect(n.aliases).toEqual(expect.arrayContaining(['Nazarbayev', 'Назарбаев']));
    expect(roleWith(n, 'president of kazakhstan').to).toBe('2019-03-20');
  });
});
