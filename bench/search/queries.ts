/**
 * The query set: for each of seven kinds, N queries drawn from the dataset's own articles with
 * a seeded generator, each written in the three syntaxes (Wirewatch, FTS5 MATCH, MiniSearch
 * call). Every engine runs the same set; it is stored as JSON in the cache.
 */
import { mulberry32, pick, randInt, seedOf, type Rng } from './rng';
import { isLetterWord, msTokens, sentences, STOP_WORDS, titleWords } from './text';
import { QUERY_KINDS, type ArticleRow, type BenchQuery, type DatasetName, type QueryKind, type QuerySet } from './types';

/** Warm-up queries per kind, run before that kind's measured ones and not counted. */
export const WARMUP_PER_KIND = 20;

/** MiniSearch's fuzzy setting: at most one edit, the same as the FTS5 expansion (Levenshtein, so a transposition counts as two there). */
export const MS_FUZZY = 1;

/** Width of the date window of field-date queries, in days; it contains the article's day. */
const WINDOW_DAYS = 14;

/** Rows prepared for drawing words. */
interface Pool {
  /** Rows whose title has at least one query-worthy word, with those words. */
  titled: Array<{ row: ArticleRow; words: string[] }>;
  withBody: ArticleRow[];
}

/**
 * Generates the query set of a dataset.
 *
 * @example
 *   const set = generateQueries(readArchiveRows(db), 'reuters', 300, 1);
 *   set.measured['boolean'][0].ours // a string like "(wheat OR tariff) -japan"
 */
export function generateQueries(rows: ArticleRow[], dataset: DatasetName, perKind: number, seed: number): QuerySet {
  const pool: Pool = {
    titled: rows.map((row) => ({ row, words: titleWords(row.title) })).filter((t) => t.words.length > 0),
    withBody: rows.filter((r) => r.body.length > 0),
  };
  const make = (kind: QueryKind, n: number, stream: string): BenchQuery[] => {
    const rand = mulberry32(seedOf(`${seed}:${dataset}:${kind}:${stream}`));
    const out: BenchQuery[] = [];
    for (let tries = 0; out.length < n; tries++) {
      if (tries > n * 1000) throw new Error(`could not draw ${n} ${kind} queries from ${dataset}`);
      const q = GENERATORS[kind](rand, pool);
      if (q) out.push(q);
    }
    return out;
  };
  const byKind = (n: number, stream: string) =>
    Object.fromEntries(QUERY_KINDS.map((k) => [k, make(k, n, stream)])) as Record<QueryKind, BenchQuery[]>;
  return {
    dataset,
    seed,
    perKind,
    generatedAt: new Date().toISOString(),
    warmup: byKind(WARMUP_PER_KIND, 'warmup'),
    measured: byKind(perKind, 'measured'),
  };
}

const q = (s: string) => `"${s}"`;

/** One generator per kind: a query, or null to draw again. */
const GENERATORS: Record<QueryKind, (rand: Rng, pool: Pool) => BenchQuery | null> = {
  'one-word': (rand, pool) => {
    const { row, words } = pick(rand, pool.titled);
    const w = pick(rand, words);
    return { kind: 'one-word', ours: w, fts5: q(w), minisearch: { query: w, options: {} }, words: [w], from: [row.id] };
  },

  'two-words': (rand, pool) => {
    const { row, words } = pick(rand, pool.titled);
    if (words.length < 2) return null;
    const w1 = pick(rand, words);
    const w2 = pick(rand, words.filter((w) => w !== w1));
    return {
      kind: 'two-words',
      ours: `${w1} ${w2}`,
      fts5: `${q(w1)} ${q(w2)}`,
      minisearch: { query: `${w1} ${w2}`, options: { combineWith: 'AND' } },
      words: [w1, w2],
      from: [row.id],
    };
  },

  // 2–3 consecutive words of one sentence of a body, separated by spaces only (no punctuation
  // between them), all ASCII letters, at least one not a stop word.
  phrase: (rand, pool) => {
    const row = pick(rand, pool.withBody);
    const sentence = pick(rand, sentences(row.body));
    const toks = msTokens(sentence);
    const n = 2 + randInt(rand, 2);
    if (toks.length < n) return null;
    const start = randInt(rand, toks.length - n + 1);
    const win = toks.slice(start, start + n);
    if (!win.every((t) => isLetterWord(t.text, 2))) return null;
    for (let i = 1; i < win.length; i++) if (!/^\s+$/.test(sentence.slice(win[i - 1]!.end, win[i]!.start))) return null;
    const words = win.map((t) => t.text.toLowerCase());
    if (words.every((w) => STOP_WORDS.has(w))) return null;
    const text = words.join(' ');
    return { kind: 'phrase', ours: q(text), fts5: q(text), minisearch: { query: text, options: { combineWith: 'AND' } }, words, from: [row.id] };
  },

  // The first 4 or 5 letters of a title word at least one letter longer.
  prefix: (rand, pool) => {
    const { row, words } = pick(rand, pool.titled);
    const len = 4 + randInt(rand, 2);
    const long = words.filter((w) => w.length > len);
    if (long.length === 0) return null;
    const p = pick(rand, long).slice(0, len);
    return { kind: 'prefix', ours: `${p}*`, fts5: `${q(p)}*`, minisearch: { query: p, options: { prefix: true } }, words: [p], from: [row.id] };
  },

  // A title word of 6+ letters with one random edit: substitute, delete, insert or transpose.
  fuzzy: (rand, pool) => {
    const { row, words } = pick(rand, pool.titled);
    const long = words.filter((w) => w.length >= 6);
    if (long.length === 0) return null;
    const original = pick(rand, long);
    const typo = oneEdit(rand, original);
    if (typo === original) return null;
    return {
      kind: 'fuzzy',
      ours: `${typo}~`,
      fts5: typo,
      minisearch: { query: typo, options: { fuzzy: MS_FUZZY } },
      words: [typo],
      from: [row.id],
      original,
    };
  },

  // A title word, in the title field only, within a 14-day window around the article's day.
  'field-date': (rand, pool) => {
    const { row, words } = pick(rand, pool.titled);
    if (!row.date) return null;
    const w = pick(rand, words);
    const dateFrom = addDays(row.date, -randInt(rand, WINDOW_DAYS));
    const dateTo = addDays(dateFrom, WINDOW_DAYS - 1);
    return {
      kind: 'field-date',
      ours: `title:${w} date:${dateFrom}..${dateTo}`,
      fts5: `title : ${q(w)}`,
      minisearch: { query: w, options: { fields: ['title'] } },
      dateFrom,
      dateTo,
      words: [w],
      from: [row.id],
    };
  },

  // (a OR b) -c with a, b, c title words of three random articles.
  boolean: (rand, pool) => {
    const picks = [pick(rand, pool.titled), pick(rand, pool.titled), pick(rand, pool.titled)];
    const [a, b, c] = picks.map((t) => pick(rand, t.words)) as [string, string, string];
    if (new Set([a, b, c]).size < 3) return null;
    return {
      kind: 'boolean',
      ours: `(${a} OR ${b}) -${c}`,
      fts5: `(${q(a)} OR ${q(b)}) NOT ${q(c)}`,
      minisearch: { query: { combineWith: 'AND_NOT', queries: [{ combineWith: 'OR', queries: [a, b] }, c] }, options: {} },
      words: [a, b, c],
      from: picks.map((t) => t.row.id),
    };
  },
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The word with one random edit (substitution, deletion, insertion or transposition of letters). */
function oneEdit(rand: Rng, w: string): string {
  const i = randInt(rand, w.length);
  const letter = LETTERS[randInt(rand, LETTERS.length)]!;
  switch (randInt(rand, 4)) {
    case 0:
      return w.slice(0, i) + letter + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w.slice(i + 1);
    case 2:
      return w.slice(0, i) + letter + w.slice(i);
    default: {
      const j = Math.min(i, w.length - 2);
      return w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
    }
  }
}

/** `YYYY-MM-DD` plus n days. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
