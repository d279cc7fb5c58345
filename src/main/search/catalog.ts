import type { Db } from '../archive';
import type { FacetCount, SearchFacets } from '../../shared/types';
import type { MetaField } from './query/ast';
import { foldWord, splitWords } from './analyse';

/** The metadata of one article that search filters and counts by. */
export interface CatalogEntry {
  id: number;
  publishedAt: string | null;
  datePrecision: string | null;
  language: string | null;
  source: string | null;
  agency: string | null;
  dateline: string | null;
  authors: string[];
  storyId: number;
}

/**
 * One change to the catalog, as a copy kept on another thread (the summary thread) replays it:
 * articles stored (with the older versions they replaced) and an article's speakers re-read.
 */
export type CatalogChange =
  | { kind: 'stored'; added: CatalogEntry[]; replaced: number[] }
  | { kind: 'speakers'; id: number; speakers: Array<{ name: string; statements: number }> };

/** "No date" in the day columns. */
export const NO_DAY = -2147483648;

/** Values of one metadata field, numbered (0 = none), with their folded words for matching. */
class Dictionary {
  readonly values: string[] = [''];
  readonly words: string[][] = [[]];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number {
    if (!value) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.words.push(splitWords(value).map(foldWord));
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of a value, without adding it: 0 for none, -1 when never seen. */
  find(value: string | null | undefined): number {
    return value ? (this.codes.get(value) ?? -1) : 0;
  }

  /**
   * Which values match a filter: the filter's words must appear side by side in the value
   * (`source:interfax` matches "Interfax-Ukraine"), the last one as a prefix when `prefix`;
   * with `exact`, they must be the value's words, all of them.
   */
  matching(query: string, prefix: boolean, exact = false): Uint8Array {
    const q = splitWords(query).map(foldWord);
    const mask = new Uint8Array(this.values.length);
    if (q.length === 0) return mask;
    for (let c = 1; c < this.values.length; c++) {
      const w = this.words[c]!;
      if (exact && w.length !== q.length) continue;
      for (let i = 0; i + q.length <= w.length && !mask[c]; i++) {
        let ok = true;
        for (let k = 0; k < q.length && ok; k++) {
          const last = k === q.length - 1;
          ok = last && prefix ? w[i + k]!.startsWith(q[k]!) : w[i + k] === q[k];
        }
        if (ok) mask[c] = 1;
      }
    }
    return mask;
  }
}

type SingleField = 'source' | 'agency' | 'place' | 'lang';
type MultiField = 'author' | 'tag' | 'speaker';

/**
 * What search knows about every live article besides its text, held in typed arrays indexed by
 * article id: dates as day numbers, source, agency, dateline place and language as dictionary
 * codes, the story it belongs to, and its authors, tags and speakers. Filters (`source:`,
 * `date:`…) and facet counts run over these arrays in memory, in a few milliseconds at
 * 200,000 articles; the archive stays the source of truth and the catalog is reloaded at open.
 */
export class ArticleCatalog {
  private capacity = 0;
  live = new Uint8Array(0);
  dayStart = new Int32Array(0);
  dayEnd = new Int32Array(0);
  story = new Int32Array(0);
  /** Year × 12 + month index of articles dated to the month or day; year alone in `year`; -1 when none. */
  month = new Int32Array(0);
  year = new Int32Array(0);
  /** Minute of the day when the date has a time ("…T14:05"), else 0: orders a day's articles. */
  minute = new Int16Array(0);
  private readonly single: Record<SingleField, Uint32Array> = {
    source: new Uint32Array(0),
    agency: new Uint32Array(0),
    place: new Uint32Array(0),
    lang: new Uint32Array(0),
  };
  private readonly dicts: Record<SingleField | MultiField, Dictionary> = {
    source: new Dictionary(),
    agency: new Dictionary(),
    place: new Dictionary(),
    lang: new Dictionary(),
    author: new Dictionary(),
    tag: new Dictionary(),
    speaker: new Dictionary(),
  };
  private readonly multi: Record<MultiField, IdLists> = { author: new IdLists(), tag: new IdLists(), speaker: new IdLists() };
  /** Statements per speaker code, per article (parallel to multi.speaker). */
  private readonly speakerStatements = new IdLists();
  /** Reads the articles' speakers from the archive, until that has been done (see load). */
  private pendingSpeakers: (() => void) | null = null;
  /** The speakers packed for facets; dropped when they change (see packedSpeakers). */
  private speakerPack: PackedLists | null = null;
  /**
   * Canonical speaker names a `speaker:` value stands for when it is an alias ("Боррель" →
   * "Josep Borrell"); set by the statements service.
   */
  speakerAliases: ((value: string) => string[]) | null = null;
  /** The range of the articles' years (for counting them by year); empty while first > last. */
  private firstYear = Infinity;
  private lastYear = -Infinity;
  /** Largest article id seen + 1: the arrays' used length. */
  size = 0;
  liveCount = 0;
  /** The newest article date (day number), for the recency boost. */
  newestDay = NO_DAY;
  /** Live articles of each story that has more than one (by story id); built when first asked, dropped on change. */
  private copies: Map<number, number[]> | null = null;
  /** Live articles per language code (articlesIn), dropped on every change. */
  private langCounts: Uint32Array | null = null;
  /** Told of every change after load (see `observe`). */
  private observer: ((change: CatalogChange) => void) | null = null;

  /**
   * Has `listener` told of every later change (one listener: the summary thread's copy).
   * Changes come as `stored` and `setSpeakers` make them, before they are applied here.
   */
  observe(listener: (change: CatalogChange) => void): void {
    this.observer = listener;
  }

  /**
   * Articles stored by an import: the older versions they replaced leave, the new ones come in.
   * `added` may carry more than catalog fields (stored articles); only those are kept or passed on.
   */
  stored(added: CatalogEntry[], replaced: number[]): void {
    if (this.observer && (added.length || replaced.length)) this.observer({ kind: 'stored', added: added.map(entryOf), replaced });
    for (const id of replaced) this.remove(id);
    for (const a of added) this.add(a);
  }

  /** Replays a change another catalog reported (see `observe`). */
  apply(change: CatalogChange): void {
    if (change.kind === 'stored') this.stored(change.added, change.replaced);
    else this.setSpeakers(change.id, change.speakers);
  }

  /** Loads the catalog of every live article of the archive. */
  static load(db: Db): ArticleCatalog {
    const c = new ArticleCatalog();
    const rows = db
      .prepare(
        `SELECT id, published_at, date_precision, language, source, agency, dateline, authors, story_id
         FROM articles WHERE superseded_by IS NULL ORDER BY id`,
      )
      .raw(true)
      .iterate() as IterableIterator<[number, string | null, string | null, string | null, string | null, string | null, string | null, string, number]>;
    for (const r of rows) {
      c.add({
        id: r[0], publishedAt: r[1], datePrecision: r[2], language: r[3], source: r[4], agency: r[5], dateline: r[6],
        authors: r[7] === '[]' ? [] : (JSON.parse(r[7]) as string[]), storyId: r[8],
      });
    }
    for (const [id, tag] of db.prepare('SELECT article_id, tag FROM article_tags').raw(true).iterate() as IterableIterator<[number, string]>) {
      c.addValue('tag', id, tag);
    }
    // Speakers are read when first needed (facets, `speaker:`), not at open: at 200,000
    // articles they are 166,000 rows and would delay the first result by a third of a second.
    c.pendingSpeakers = () => {
      // One row per speaker (a name is read once, not once per article: 2.5 times faster).
      const bySpeaker = db.prepare('SELECT speaker, json_group_array(article_id), json_group_array(statements) FROM article_speakers GROUP BY speaker');
      for (const [who, ids, counts] of bySpeaker.raw(true).iterate() as IterableIterator<[string, string, string]>) {
        const code = c.dicts.speaker.code(who);
        const n = JSON.parse(counts) as number[];
        (JSON.parse(ids) as number[]).forEach((id, i) => c.pushSpeaker(id, code, n[i]!));
      }
    };
    return c;
  }

  private grow(id: number): void {
    if (id < this.capacity) return;
    let cap = Math.max(1024, this.capacity * 2);
    while (cap <= id) cap *= 2;
    const grown = <T extends Uint8Array | Int16Array | Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.live = grown(this.live, (n) => new Uint8Array(n));
    this.dayStart = grown(this.dayStart, (n) => new Int32Array(n).fill(NO_DAY));
    this.dayEnd = grown(this.dayEnd, (n) => new Int32Array(n).fill(NO_DAY));
    this.story = grown(this.story, (n) => new Int32Array(n));
    this.month = grown(this.month, (n) => new Int32Array(n).fill(-1));
    this.year = grown(this.year, (n) => new Int32Array(n).fill(-1));
    this.minute = grown(this.minute, (n) => new Int16Array(n));
    for (const f of Object.keys(this.single) as SingleField[]) this.single[f] = grown(this.single[f], (n) => new Uint32Array(n));
    this.capacity = cap;
  }

  /** Adds (or replaces) an article. */
  add(e: CatalogEntry): void {
    this.grow(e.id);
    if (!this.live[e.id]) this.liveCount++;
    this.live[e.id] = 1;
    const [start, end] = dayRange(e.publishedAt, e.datePrecision);
    this.dayStart[e.id] = start;
    this.dayEnd[e.id] = end;
    if (start !== NO_DAY && start > this.newestDay) this.newestDay = start;
    const y = start === NO_DAY ? -1 : Number(e.publishedAt!.slice(0, 4));
    this.year[e.id] = y;
    if (y >= 0) {
      if (y < this.firstYear) this.firstYear = y;
      if (y > this.lastYear) this.lastYear = y;
    }
    const time = e.publishedAt && e.publishedAt.length >= 16 && e.publishedAt[10] === 'T' ? e.publishedAt : null;
    this.minute[e.id] = time ? Number(time.slice(11, 13)) * 60 + Number(time.slice(14, 16)) || 0 : 0;
    // Only articles dated to the month or day count in a month.
    this.month[e.id] = y >= 0 && end - start < 31 ? y * 12 + Number(e.publishedAt!.slice(5, 7)) - 1 : -1;
    this.story[e.id] = e.storyId;
    this.copies = null;
    this.langCounts = null;
    this.single.source[e.id] = this.dicts.source.code(e.source);
    this.single.agency[e.id] = this.dicts.agency.code(e.agency);
    this.single.place[e.id] = this.dicts.place.code(e.dateline);
    this.single.lang[e.id] = this.dicts.lang.code(e.language);
    if (e.authors.length) this.multi.author.set(e.id, e.authors.map((a) => this.dicts.author.code(a)));
    this.size = Math.max(this.size, e.id + 1);
  }

  /** Adds a tag, speaker or author to an article. */
  addValue(field: MultiField, id: number, value: string): void {
    const code = this.dicts[field].code(value);
    const list = this.multi[field].get(id) ?? [];
    if (!list.includes(code)) list.push(code);
    this.multi[field].set(id, list);
  }

  private pushSpeaker(id: number, code: number, statements: number): void {
    this.speakerPack = null;
    const codes = this.multi.speaker.get(id);
    if (codes) {
      codes.push(code);
      this.speakerStatements.get(id)!.push(statements);
    } else {
      this.multi.speaker.set(id, [code]);
      this.speakerStatements.set(id, [statements]);
    }
  }

  /** Reads the speakers if that was put off at open. */
  private ensureSpeakers(): void {
    const load = this.pendingSpeakers;
    this.pendingSpeakers = null;
    load?.();
  }

  /**
   * Every article's speakers packed in three typed arrays (article id → a run of speaker codes
   * and statement counts), made when facets first need them after a change. Facets read the
   * speakers of every hit: from lists of small arrays that was nine tenths of their time at
   * 200,000 articles (18 of 20 ms at p95 for 35,000 hits).
   */
  private packedSpeakers(): PackedLists | null {
    if (this.multi.speaker.size === 0) return null;
    if (!this.speakerPack) this.speakerPack = pack(this.multi.speaker, this.speakerStatements, this.size);
    return this.speakerPack;
  }

  /** Replaces an article's speakers (canonical names) and how many statements each makes there. */
  setSpeakers(id: number, speakers: Array<{ name: string; statements: number }>): void {
    // A copy elsewhere may have read its speakers already: it is told even when this one has not.
    this.observer?.({ kind: 'speakers', id, speakers });
    // Not read yet: they will be, from the archive, which already holds this change.
    if (this.pendingSpeakers) return;
    this.speakerPack = null;
    if (speakers.length === 0) {
      this.multi.speaker.delete(id);
      this.speakerStatements.delete(id);
      return;
    }
    this.multi.speaker.set(id, speakers.map((s) => this.dicts.speaker.code(s.name)));
    this.speakerStatements.set(id, speakers.map((s) => s.statements));
  }

  /** Takes an article out (superseded by a new version). */
  remove(id: number): void {
    if (id < this.size && this.live[id]) {
      this.live[id] = 0;
      this.liveCount--;
      this.copies = null;
      this.langCounts = null;
    }
  }

  /**
   * The live articles of an article's story, itself included (most stories have one). The
   * index of stories with copies is built on first use: one pass over the story array.
   */
  storyArticles(id: number): number[] {
    if (!this.copies) {
      const { live, story, size } = this;
      const count = new Int32Array(size);
      for (let i = 0; i < size; i++) if (live[i]) count[story[i]!]!++;
      const copies = new Map<number, number[]>();
      for (let i = 0; i < size; i++) {
        const s = story[i]!;
        if (!live[i] || count[s]! < 2) continue;
        const list = copies.get(s);
        if (list) list.push(i);
        else copies.set(s, [i]);
      }
      this.copies = copies;
    }
    return this.copies.get(this.story[id]!) ?? [id];
  }

  /** The languages present, for query analysis. */
  languages(): Array<string | null> {
    return [null, ...this.dicts.lang.values.slice(1)];
  }

  /** Live articles in a language (null = unknown), counted on first use after a change. */
  articlesIn(lang: string | null): number {
    if (!this.langCounts) {
      const { live, size } = this;
      const col = this.single.lang;
      const counts = new Uint32Array(this.dicts.lang.values.length);
      for (let id = 0; id < size; id++) if (live[id]) counts[col[id]!]!++;
      this.langCounts = counts;
    }
    const code = this.dicts.lang.find(lang);
    return code < 0 ? 0 : (this.langCounts[code] ?? 0);
  }

  /** Marks in `out` the live articles whose `field` matches `value`. */
  filterMeta(field: MetaField, value: string, prefix: boolean, exact: boolean, out: Uint8Array): void {
    const live = this.live;
    if (field === 'lang') {
      const want = value.toLowerCase();
      const codes = this.dicts.lang.values.map((v) => (v.toLowerCase() === want || (prefix && v.toLowerCase().startsWith(want)) ? 1 : 0));
      const col = this.single.lang;
      for (let id = 0; id < this.size; id++) if (live[id] && codes[col[id]!]) out[id] = 1;
      return;
    }
    if (field === 'author' || field === 'tag' || field === 'speaker') {
      if (field === 'speaker') this.ensureSpeakers();
      const mask = this.dicts[field].matching(value, prefix, exact);
      if (field === 'speaker' && this.speakerAliases) {
        for (const name of this.speakerAliases(value)) {
          const m = this.dicts.speaker.matching(name, false, true);
          for (let c = 0; c < m.length; c++) if (m[c]) mask[c] = 1;
        }
      }
      this.multi[field].forEach((id, codes) => {
        if (live[id] && codes.some((c) => mask[c])) out[id] = 1;
      });
      return;
    }
    const mask = this.dicts[field].matching(value, prefix, exact);
    const col = this.single[field];
    for (let id = 0; id < this.size; id++) if (live[id] && mask[col[id]!]) out[id] = 1;
  }

  /** Marks in `out` the live articles whose whole date interval lies within [from, to] (day numbers). */
  filterDate(from: number, to: number, out: Uint8Array): void {
    const { live, dayStart, dayEnd } = this;
    for (let id = 0; id < this.size; id++) {
      if (live[id] && dayStart[id] !== NO_DAY && dayStart[id]! >= from && dayEnd[id]! <= to) out[id] = 1;
    }
  }

  /** Counts by source, language, year, month, tag and speaker over the given articles (and statements by speaker). */
  facets(ids: ArrayLike<number>, top = 30): SearchFacets {
    this.ensureSpeakers();
    // One pass over the hits fills every count (a facet at a time read each hit seven times).
    const sourceCol = this.single.source;
    const langCol = this.single.lang;
    const perSource = new Uint32Array(this.dicts.source.values.length);
    const perLang = new Uint32Array(this.dicts.lang.values.length);
    const perTag = new Uint32Array(this.dicts.tag.values.length);
    const perSpeaker = new Uint32Array(this.dicts.speaker.values.length);
    const statementsBy = new Uint32Array(this.dicts.speaker.values.length);
    const tags = this.multi.tag.size ? this.multi.tag : null;
    const speakers = this.packedSpeakers();
    // Years and months counted in typed arrays from the earliest year of the archive.
    const { year, month } = this;
    const from = this.firstYear;
    const span = Math.max(0, this.lastYear - from + 1);
    const perYear = new Uint32Array(span);
    const perMonth = new Uint32Array(span * 12);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      perSource[sourceCol[id]!]!++;
      perLang[langCol[id]!]!++;
      const y = year[id]!;
      if (y >= 0) {
        perYear[y - from]!++;
        const m = month[id]!;
        if (m >= 0) perMonth[m - from * 12]!++;
      }
      const tagCodes = tags?.get(id);
      if (tagCodes) for (let k = 0; k < tagCodes.length; k++) perTag[tagCodes[k]!]!++;
      if (speakers && id < speakers.size) {
        const { codes, counts, start } = speakers;
        for (let k = start[id]!, end = start[id + 1]!; k < end; k++) {
          perSpeaker[codes[k]!]!++;
          statementsBy[codes[k]!]! += counts[k]!;
        }
      }
    }
    // The counts are in date order already: read backwards, newest first.
    const newestFirst = (counts: Uint32Array, first: number, label: (k: number) => string) => {
      const out: FacetCount[] = [];
      for (let i = counts.length - 1; i >= 0; i--) if (counts[i]) out.push({ value: label(first + i), count: counts[i]! });
      return out;
    };
    const monthLabel = (k: number) => `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
    return {
      source: ranked(this.dicts.source.values, perSource, top),
      language: ranked(this.dicts.lang.values, perLang, top),
      year: newestFirst(perYear, from, (y) => String(y).padStart(4, '0')),
      month: newestFirst(perMonth, from * 12, monthLabel).slice(0, 120),
      tag: ranked(this.dicts.tag.values, perTag, top),
      speaker: ranked(this.dicts.speaker.values, perSpeaker, top),
      speakers: ranked(this.dicts.speaker.values, statementsBy, top),
    };
  }
}

/** Lists by article id packed: the list of id is codes[start[id] .. start[id + 1]), with its counts. */
interface PackedLists {
  /** Ids covered: 0 .. size - 1. */
  size: number;
  start: Uint32Array;
  codes: Uint32Array;
  counts: Uint32Array;
}

/** Packs parallel lists (codes, and a count per code: 1 where none) of ids below `size`. */
function pack(lists: IdLists, counts: IdLists, size: number): PackedLists {
  const start = new Uint32Array(size + 1);
  let n = 0;
  for (let id = 0; id < size; id++) {
    start[id] = n;
    n += lists.get(id)?.length ?? 0;
  }
  start[size] = n;
  const codes = new Uint32Array(n);
  const countsOut = new Uint32Array(n);
  for (let id = 0; id < size; id++) {
    const list = lists.get(id);
    if (!list) continue;
    const c = counts.get(id);
    for (let k = 0, at = start[id]!; k < list.length; k++, at++) {
      codes[at] = list[k]!;
      countsOut[at] = c?.[k] ?? 1;
    }
  }
  return { size, start, codes, counts: countsOut };
}

/** The catalog fields of an entry (a stored article carries its text too). */
function entryOf(e: CatalogEntry): CatalogEntry {
  return {
    id: e.id,
    publishedAt: e.publishedAt,
    datePrecision: e.datePrecision,
    language: e.language,
    source: e.source,
    agency: e.agency,
    dateline: e.dateline,
    authors: e.authors,
    storyId: e.storyId,
  };
}

/** The same order as `localeCompare`, without making a collator per comparison. */
const COLLATOR = new Intl.Collator();

/**
 * The `top` values by count (ties in alphabetical order). Only the values at or above the
 * cut-off count are compared by name: a facet of 20,000 speakers sorts a few dozen names.
 */
function ranked(values: string[], counts: Uint32Array, top: number): FacetCount[] {
  const nonZero: number[] = [];
  for (let c = 1; c < counts.length; c++) if (counts[c]) nonZero.push(c);
  let cut = 0;
  if (nonZero.length > top) cut = kthLargest(nonZero.map((c) => counts[c]!), top);
  const out: FacetCount[] = [];
  for (const c of nonZero) if (counts[c]! >= cut) out.push({ value: values[c]!, count: counts[c]! });
  return out.sort((a, b) => b.count - a.count || COLLATOR.compare(a.value, b.value)).slice(0, top);
}

/** The k-th largest of `values` (k ≤ values.length), keeping only the k largest seen, smallest first. */
function kthLargest(values: number[], k: number): number {
  const best: number[] = [];
  for (const v of values) {
    if (best.length === k && v <= best[0]!) continue; // most counts are small: one comparison
    let i = best.length === k ? 0 : best.length;
    if (best.length === k) {
      // Drop the smallest and slide the others down until v's place.
      while (i + 1 < k && best[i + 1]! < v) {
        best[i] = best[i + 1]!;
        i++;
      }
    } else {
      best.push(v);
      while (i > 0 && best[i - 1]! > v) {
        best[i] = best[i - 1]!;
        i--;
      }
    }
    best[i] = v;
  }
  return best[0]!;
}

/**
 * Lists of codes (tags, speakers, authors) by article id: an array indexed by id, cheaper than
 * a Map when facets read the list of every hit.
 */
class IdLists {
  private readonly lists: Array<number[] | undefined> = [];
  size = 0;

  get(id: number): number[] | undefined {
    return this.lists[id];
  }

  set(id: number, list: number[]): void {
    // Grown one slot at a time, so that the array stays dense (a far index would make V8 hash it).
    while (this.lists.length <= id) this.lists.push(undefined);
    if (this.lists[id] === undefined) this.size++;
    this.lists[id] = list;
  }

  delete(id: number): void {
    if (this.lists[id] === undefined) return;
    this.lists[id] = undefined;
    this.size--;
  }

  forEach(visit: (id: number, list: number[]) => void): void {
    this.lists.forEach((list, id) => list && visit(id, list));
  }
}

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date "YYYY-MM-DD". */
export function isoToDay(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; no Date objects: this runs per article at open). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The days an article's date covers: one day, a whole month or a whole year by precision.
 * Date-times count by the date they were written with. Unknown → [NO_DAY, NO_DAY].
 */
export function dayRange(publishedAt: string | null, precision: string | null): [number, number] {
  if (!publishedAt) return [NO_DAY, NO_DAY];
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(publishedAt);
  if (!m) return [NO_DAY, NO_DAY];
  const y = Number(m[1]);
  if (precision === 'year' || !m[2]) return [isoToDay(`${m[1]}-01-01`), isoToDay(`${m[1]}-12-31`)];
  const mo = Number(m[2]);
  if (precision === 'month' || !m[3]) {
    const last = daysFromCivil(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) - daysFromCivil(y, mo, 1);
    return [isoToDay(`${m[1]}-${m[2]}-01`), isoToDay(`${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`)];
  }
  const d = isoToDay(`${m[1]}-${m[2]}-${m[3]}`);
  return [d, d];
}
