/**
 * Statements over one archive: the officials registry applied at open, the hook that stores an
 * imported article's statements in its transaction, re-extraction, and the statements.* and
 * people.* contract methods.
 */
import { ApiError, type Api } from '../../shared/api';
import { STATEMENT_STATUSES, type Statement, type StatementKind, type StatementQuery, type StatementStatus } from '../../shared/types';
import { optionalDate, optionalInt, optionalString, requiredInt, requiredText } from '../api-args';
import { ArticleSweep, type ArchiveIndexer, type Db } from '../archive';
import type { ArticleCatalog } from '../search';
import { EXTRACTOR_VERSION, extractStatements } from './extract';
import { PeopleDirectory } from './directory';
import { appliedRegistryHash, applyRegistry, defaultRegistryPath, readRegistryIfChanged } from './registry';
import { StatementStore, type ArticleSpeakers } from './store';
import type { ExtractedStatement } from './types';

/** Articles re-extracted per transaction. */
const EXTRACT_CHUNK = 200;
/**
 * Articles read again per background catch-up step (about 20 ms of work: calls wait at most
 * that long behind it), and the pause between steps, so that calls are answered meanwhile.
 */
const CATCH_UP_CHUNK = 50;
const CATCH_UP_PAUSE_MS = 5;
/** Meta keys: the extractor version the archive's statements are at, and the catch-up sweep's name (`statements_catchup_next` / `_end`). */
const META_VERSION = 'statements_extractor';
const META_CATCH_UP = 'statements_catchup';

/** The statements.* and people.* contract methods. */
export type StatementsApi = Pick<
  Api,
  | 'statements.query' | 'statements.forArticle' | 'statements.verify' | 'statements.reject' | 'statements.setSpeaker'
  | 'statements.create' | 'statements.extract' | 'people.search' | 'people.get' | 'people.merge' | 'people.split'
  | 'people.addAlias' | 'people.addRole'
>;

/** What the archive hands the statements hook for each stored article. */
export interface IndexedArticle {
  id: number;
  body: string;
  language: string | null;
  publishedAt?: string | null;
  statements?: ExtractedStatement[];
  supersedes?: number | null;
}

/** Statements over one archive (see openStatements). */
export interface StatementsService {
  /** Stores an imported article's statements inside the article's transaction (give it to ArticleStore). */
  indexer: ArchiveIndexer;
  /** Connects the search catalog: `speaker:` learns aliases, and speakers changed by writes reach it. */
  attachCatalog(catalog: ArticleCatalog): void;
  /** After an import's transaction committed: hands its articles' speakers to the search catalog. */
  afterCommit(): void;
  /**
   * Reads again, with this extractor, the articles whose statements another version made (or
   * that have none, imported before statements existed): now, or in the background in chunks.
   * Call after attachCatalog.
   */
  catchUp(now: boolean): void;
  /** True while a catch-up has articles left. */
  catchingUp(): boolean;
  /** Stops a background catch-up (it resumes at the next open). */
  close(): void;
  people: PeopleDirectory;
  store: StatementStore;
  api: StatementsApi;
}

/** Options of openStatements. */
export interface StatementsOptions {
  /**
   * The officials registry (JSON, format in docs/decisions.md). Default: $WIREWATCH_OFFICIALS,
   * else resources/officials.json under the app root; when neither exists, no registry.
   */
  registryPath?: string;
}

/**
 * Opens statements over an archive: applies the officials registry (when it changed since it
 * was last applied) and returns the import hook and the API methods.
 *
 * @example
 *   const st = openStatements(db, { registryPath: 'resources/officials.json' });
 *   const store = new ArticleStore(db, combineIndexers(fts, st.indexer));
 *   await st.api['statements.query']({ speaker: 'Боррель' });
 */
export function openStatements(db: Db, options: StatementsOptions = {}): StatementsService {
  const people = new PeopleDirectory(db);
  const store = new StatementStore(db, people);
  let catalog: ArticleCatalog | null = null;
  /** Speakers of articles written in the transaction under way, for the catalog once it commits. */
  let pending = new Map<number, ArticleSpeakers>();
  const flush = () => {
    if (catalog) for (const [id, list] of pending) catalog.setSpeakers(id, list);
    pending = new Map();
  };

  // The registry: applied in one transaction with the speakers of renamed people.
  const registryPath = options.registryPath ?? process.env.WIREWATCH_OFFICIALS ?? defaultRegistryPath();
  if (registryPath) {
    const read = readRegistryIfChanged(registryPath, appliedRegistryHash(db));
    if (read) {
      db.transaction(() => {
        const renamed = applyRegistry(db, read.registry, read.hash);
        people.invalidate();
        if (renamed?.length) for (const a of store.articlesOf(renamed)) store.syncSpeakers(a);
      })();
    }
  }

  const selectArticle = db.prepare('SELECT id, body, published_at AS publishedAt, language FROM articles WHERE id = ?');
  /** Extracts the statements of these articles again (analysts' work kept, see StatementStore.writeExtracted); returns the statements added. Call inside a transaction, then `flush`. */
  function reextractInTransaction(ids: number[]): number {
    let added = 0;
    people.checkFresh();
    for (const id of ids) {
      const a = selectArticle.get(id) as { id: number; body: string; publishedAt: string | null; language: string | null };
      const r = store.writeExtracted(a, safeExtract(a.body, a.language), EXTRACTOR_VERSION);
      added += r.added;
      pending.set(id, r.speakers);
    }
    return added;
  }

  // Catching up: an archive whose statements were made by another extractor version (or none:
  // articles imported before statements existed) is read again in the background, in chunks
  // whose progress commits with them, so a crash resumes where it stopped.
  const metaGet = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const metaSet = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const sweep = new ArticleSweep(db, META_CATCH_UP);
  let catchUpTimer: NodeJS.Timeout | null = null;
  if (metaGet.get(META_VERSION) !== String(EXTRACTOR_VERSION) && !sweep.running()) {
    const empty = db.prepare('SELECT 1 FROM articles LIMIT 1').get() === undefined;
    db.transaction(() => (empty ? metaSet.run(META_VERSION, String(EXTRACTOR_VERSION)) : sweep.start()))();
  }

  /** Reads the next chunk of a catch-up; true when there is nothing left to read. */
  function catchUpStep(): boolean {
    return sweep.step(CATCH_UP_CHUNK, (ids) => void reextractInTransaction(ids), () => metaSet.run(META_VERSION, String(EXTRACTOR_VERSION)));
  }

  const indexer: ArchiveIndexer = {
    beginFile() {
      pending = new Map();
      people.checkFresh();
    },
    add(article: IndexedArticle) {
      const a = { id: article.id, body: article.body, publishedAt: article.publishedAt ?? null };
      if (article.supersedes) store.carryOver(article.supersedes, a);
      const extracted = article.statements ?? safeExtract(article.body, article.language);
      pending.set(article.id, store.writeExtracted(a, extracted, EXTRACTOR_VERSION).speakers);
    },
    remove() {
      // A superseded article keeps its statements (listings skip superseded articles).
    },
  };

  /** Runs `write` in a transaction; the articles it returns get their speakers re-synced, then the catalog learns them. */
  const writeAndSync = <T>(write: () => { result: T; articles: number[] }): T => {
    const out = db.transaction(() => {
      const r = write();
      for (const a of new Set(r.articles)) pending.set(a, store.syncSpeakers(a));
      return r.result;
    })();
    flush();
    return out;
  };

  const statement = (id: unknown) => {
    const sid = requiredInt(id, 'id');
    const m = store.meta(sid);
    if (!m) throw new ApiError('not_found', `no statement with id ${sid}`);
    return { id: sid, ...m };
  };
  const person = (id: unknown, name = 'id') => {
    const pid = requiredInt(id, name);
    if (!people.exists(pid)) throw new ApiError('not_found', `no person with id ${pid}`);
    return pid;
  };
  const article = (id: unknown) => {
    const aid = requiredInt(id, 'articleId');
    const row = db.prepare('SELECT id, body, published_at AS publishedAt, language FROM articles WHERE id = ?').get(aid) as
      | { id: number; body: string; publishedAt: string | null; language: string | null }
      | undefined;
    if (!row) throw new ApiError('not_found', `no article with id ${aid}`);
    return row;
  };
  /** The person an analyst names: by id, or by name (an existing person with that name or alias, else a new one). */
  const chosenPerson = (args: { personId?: unknown; name?: unknown }): number | null => {
    if (args.personId !== undefined && args.personId !== null) return people.root(person(args.personId, 'personId'));
    if (args.name !== undefined && args.name !== null) return people.ensure(requiredText(args.name, 'name'), 'analyst');
    return null;
  };
  const personResult = (id: number) => people.get(id)!;

  const api: StatementsApi = {
    'statements.query': async (args) => {
      const q = statementQuery(args);
      let ids: number[] | null = null;
      if (q.personId !== undefined) ids = people.exists(q.personId) ? people.members(people.root(q.personId)) : [];
      else if (q.speaker !== undefined) ids = speakerIds(people, q.speaker);
      const result: { total: number; statements: Statement[]; notice?: string } = ids && ids.length === 0 ? { total: 0, statements: [] } : store.query(q, ids);
      const progress = sweep.progress();
      if (progress !== null) {
        result.notice = `Articles are being read again for statements by this version of Wirewatch (${Math.floor(progress * 100)}% done): until then some statements are missing or as an older version read them.`;
      }
      return result;
    },
    'statements.forArticle': async (args) => ({ statements: store.forArticle(article(args?.articleId).id) }),
    'statements.verify': async (args) => {
      const s = statement(args?.id);
      // A statement an analyst marked stays 'manual'; any other becomes verified.
      if (s.status !== 'manual') writeAndSync(() => (store.setStatus(s.id, 'verified'), { result: null, articles: [s.articleId] }));
      return store.get(s.id)!;
    },
    'statements.reject': async (args) => {
      const s = statement(args?.id);
      writeAndSync(() => (store.setStatus(s.id, 'rejected'), { result: null, articles: [s.articleId] }));
      return store.get(s.id)!;
    },
    'statements.setSpeaker': async (args) => {
      const s = statement(args?.id);
      const a = args as { personId?: unknown; name?: unknown };
      if ((a.personId === undefined || a.personId === null) && (a.name === undefined || a.name === null)) {
        throw new ApiError('bad_request', 'give the speaker as personId or name');
      }
      writeAndSync(() => {
        store.setSpeaker(s.id, chosenPerson(a));
        return { result: null, articles: [s.articleId] };
      });
      return store.get(s.id)!;
    },
    'statements.create': async (args) => {
      const a = article(args?.articleId);
      const start = requiredInt(args.start, 'start');
      const end = requiredInt(args.end, 'end');
      if (start < 0 || end > a.body.length || start >= end) {
        throw new ApiError('bad_request', `start and end must select text of the article body (0 ≤ start < end ≤ ${a.body.length})`);
      }
      if (!a.body.slice(start, end).trim()) throw new ApiError('bad_request', 'the selection holds no text');
      if (isLowSurrogate(a.body.charCodeAt(start)) || isLowSurrogate(a.body.charCodeAt(end))) {
        throw new ApiError('bad_request', 'start and end must not split a character');
      }
      const kind = statementKind(args.kind) ?? guessKind(a.body, start, end);
      const id = writeAndSync(() => {
        const sid = store.createManual(a, start, end, kind, chosenPerson(args as { personId?: unknown; name?: unknown }));
        return { result: sid, articles: [a.id] };
      });
      return store.get(id)!;
    },
    'statements.extract': async (args) => {
      let ids: number[];
      if (args?.articleIds !== undefined && args.articleIds !== null) {
        if (!Array.isArray(args.articleIds)) throw new ApiError('bad_request', 'articleIds must be a list of article ids');
        ids = args.articleIds.map((x) => requiredInt(x, 'articleIds[]'));
        const known = new Set(db.prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[]);
        const missing = ids.filter((x) => !known.has(x));
        if (missing.length) throw new ApiError('not_found', `no article with id ${missing.slice(0, 5).join(', ')}`);
      } else ids = db.prepare('SELECT id FROM articles WHERE superseded_by IS NULL ORDER BY id').pluck().all() as number[];
      let statements = 0;
      // A transaction per chunk: a crash keeps every finished chunk, and each article is all or nothing.
      for (let i = 0; i < ids.length; i += EXTRACT_CHUNK) {
        statements += db.transaction(() => reextractInTransaction(ids.slice(i, i + EXTRACT_CHUNK)))();
        flush();
      }
      return { articles: ids.length, statements };
    },
    'people.search': async (args) => {
      const prefix = optionalString(args?.prefix, 'prefix') ?? '';
      const limit = optionalInt(args?.limit, 'limit', 10);
      if (limit < 1) throw new ApiError('bad_request', 'limit must be 1 or more');
      return { people: people.search(prefix, limit) };
    },
    'people.get': async (args) => personResult(person(args?.id)),
    'people.merge': async (args) => {
      const keep = person(args?.keep, 'keep');
      const merge = person(args?.merge, 'merge');
      if (people.root(keep) === people.root(merge)) throw new ApiError('bad_request', 'these are already the same person');
      writeAndSync(() => {
        const moved = people.merge(keep, merge);
        return { result: null, articles: store.articlesOf(moved) };
      });
      return personResult(people.root(keep));
    },
    'people.split': async (args) => {
      const id = person(args?.id);
      if (people.root(id) === id) throw new ApiError('bad_request', `person ${id} is not merged into anyone`);
      writeAndSync(() => {
        const moved = people.split(id);
        return { result: null, articles: store.articlesOf(moved) };
      });
      return personResult(id);
    },
    'people.addAlias': async (args) => {
      const id = person(args?.id);
      const alias = requiredText(args.alias, 'alias');
      db.transaction(() => people.addAlias(id, alias))();
      return personResult(id);
    },
    'people.addRole': async (args) => {
      const id = person(args?.id);
      const title = requiredText(args.title, 'title');
      const from = optionalDate(args.from, 'from') ?? null;
      const to = optionalDate(args.to, 'to') ?? null;
      if (from && to && to < from.slice(0, to.length)) throw new ApiError('bad_request', 'to must not be before from');
      const descriptors = args.descriptors ?? [];
      if (!Array.isArray(descriptors) || descriptors.some((d) => typeof d !== 'string')) throw new ApiError('bad_request', 'descriptors must be a list of texts');
      const role = {
        title,
        org: optionalString(args.org, 'org')?.trim() || null,
        country: optionalString(args.country, 'country')?.trim() || null,
        from,
        to,
        descriptors: descriptors as string[],
      };
      db.transaction(() => people.addRole(id, role))();
      return personResult(id);
    },
  };

  return {
    indexer,
    people,
    store,
    api,
    attachCatalog(c) {
      catalog = c;
      c.speakerAliases = (value) => {
        const roots = people.byExactName(value);
        return roots.map((r) => people.nameOf(r)!).filter(Boolean);
      };
    },
    afterCommit: flush,
    catchUp(now) {
      if (now) {
        while (!catchUpStep()) flush();
        flush();
        return;
      }
      const step = () => {
        const finished = catchUpStep();
        flush();
        catchUpTimer = finished ? null : setTimeout(step, CATCH_UP_PAUSE_MS);
        catchUpTimer?.unref();
      };
      if (sweep.running()) {
        catchUpTimer = setTimeout(step, 0);
        catchUpTimer.unref();
      }
    },
    catchingUp: () => sweep.running(),
    close() {
      if (catchUpTimer) clearTimeout(catchUpTimer);
    },
  };
}

/** Extraction that never fails an import: a statement-less article is better than a lost one. */
function safeExtract(body: string, language: string | null): ExtractedStatement[] {
  try {
    return extractStatements(body, { language });
  } catch {
    return [];
  }
}

/** The people (every member of each merge) a speaker argument stands for: an id, else an exact name or alias, else a prefix. */
function speakerIds(people: PeopleDirectory, speaker: string): number[] {
  const asId = /^\d+$/.test(speaker.trim()) ? Number(speaker) : null;
  let roots: number[];
  if (asId !== null) roots = people.exists(asId) ? [people.root(asId)] : [];
  else {
    roots = people.byExactName(speaker);
    if (roots.length === 0) roots = people.search(speaker, 20).map((p) => p.id);
  }
  return roots.flatMap((r) => people.members(r));
}

function statementQuery(args: unknown): StatementQuery {
  const a = (args ?? {}) as Record<string, unknown>;
  const q: StatementQuery = {};
  if (a.speaker !== undefined && a.speaker !== null && a.speaker !== '') {
    q.speaker = typeof a.speaker === 'number' ? String(requiredInt(a.speaker, 'speaker')) : requiredText(a.speaker, 'speaker');
  }
  if (a.personId !== undefined && a.personId !== null) q.personId = requiredInt(a.personId, 'personId');
  const query = optionalString(a.query, 'query');
  if (query?.trim()) q.query = query;
  q.from = optionalDate(a.from, 'from');
  q.to = optionalDate(a.to, 'to');
  const tag = optionalString(a.tag, 'tag');
  if (tag?.trim()) q.tag = tag.trim();
  if (a.status !== undefined && a.status !== null) {
    if (!(STATEMENT_STATUSES as readonly unknown[]).includes(a.status)) throw new ApiError('bad_request', `status must be one of ${STATEMENT_STATUSES.join(', ')}`);
    q.status = a.status as StatementStatus;
  }
  q.offset = optionalInt(a.offset, 'offset', 0);
  if (q.offset < 0) throw new ApiError('bad_request', 'offset must be 0 or more');
  q.limit = optionalInt(a.limit, 'limit', 50);
  return q;
}

function statementKind(v: unknown): StatementKind | undefined {
  if (v === undefined || v === null) return undefined;
  if (v !== 'direct' && v !== 'indirect' && v !== 'mixed') throw new ApiError('bad_request', 'kind must be direct, indirect or mixed');
  return v;
}

/** A selection between quotation marks is a direct quote; anything else reported speech. */
function guessKind(body: string, start: number, end: number): StatementKind {
  const before = body.slice(Math.max(0, start - 2), start);
  const after = body.slice(end, end + 2);
  return /["“«„]/.test(before) || /["”»“]/.test(after) ? 'direct' : 'indirect';
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
