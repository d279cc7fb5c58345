/**
 * The `wirewatch` command line: the same Workbench as the app, one command per task.
 * Every command is a contract method; `wirewatch call <method> [json]` reaches any of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { API_METHODS, type ApiMethod } from '../shared/api';
import { SEARCH_SORTS, type Article, type ImportLogEntry, type ImportReport, type SavedSearch, type SearchHistoryEntry, type SearchResult, type Statement } from '../shared/types';
import { parseMappingSpec } from './ingest';
import { resolveDbPath } from './archive';
import { dispatch } from './dispatch';
import { extractFilesCommand } from './cli-statements-extract';
import { startServer, type RunningServer } from './server';
import { openWorkbenchThread, type ThreadedWorkbench } from './workbench-thread';
import { openWorkbench, type Workbench } from './workbench';

const USAGE = `wirewatch: a media-monitoring workbench

Usage: wirewatch <command> [options]

Commands:
  import <files, folders or zips>...
                                 import articles: scraped pages (.txt), saved web pages (.html),
                                 RSS/Atom feeds, JSON/NDJSON/CSV/TSV exports, Reuters-21578
                                 SGML, zip archives of these; folders are read recursively
        [--source NAME]          record the outlet the files came from
        [--encoding NAME]        read the files in this encoding instead of detecting it
        [--map FIELD=COLUMN,...] columns of an export (fields: title, body, summary, date,
                                 url, source, author, language, agency, dateline, modified,
                                 keywords, id); the guess fills the rest
  reimport <id> --encoding NAME  read an article's original file again in another encoding
  log [--batch N] [--limit N]    the import log: per file, outcome, articles, encoding, error
  search <query> [--limit N | --all] [--offset N] [--sort relevance|newest|oldest]
         [--recent] [--no-fold] [--facets]
                                 search with the query language (docs/query-language.md):
                                 words, OR, -word, "phrases", pre*, fuzzy~, title: body:
                                 source: agency: author: lang: place: tag: speaker:,
                                 date:2022-01..2022-02 after: before:; --recent lifts recent
                                 articles, --no-fold lists copies of a story separately
  saved                          saved searches, with how many new articles match each
  saved add <name> <query>       save a query under a name [--sort ORDER]
  saved run <name>               run a saved search (its new-article count starts again)
  saved rm <name>                delete a saved search
  history                        recent searches
  statements [--speaker NAME] [--query WORDS] [--from DATE] [--to DATE] [--tag TAG]
             [--status auto|verified|rejected|manual] [--limit N | --all] [--offset N]
                                 statements in the archive, newest first: speaker (a name,
                                 an alias in any script, or a person id), words in the
                                 quote, article dates YYYY[-MM[-DD]]; each with its article,
                                 speaker, role held then, kind, cue, quote and offsets
  statements extract <files>...  statements in files as they are, not stored (no archive
                                 needed); --json: one line per file with kind, quote, cue,
                                 speaker offsets (JavaScript string indices) and speakerName
  show <id> [--original]         one article with its metadata (and the original page)
  articles                       every article
  info                           where the archive is and what it holds
  serve [--port N]               browser mode: the workbench UI on http://127.0.0.1
  call <method> [json-args]      any API method (${API_METHODS.join(', ')})

Options:
  --db PATH     the archive to use (default: $WIREWATCH_DB, else the user's data folder)
  --json        machine-readable output (articles: one JSON object per line)
  -h, --help    this text
`;

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  '--db', '--limit', '--offset', '--sort', '--port', '--source', '--encoding', '--map', '--batch',
  '--speaker', '--query', '--from', '--to', '--tag', '--status',
]);

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.includes('=')) {
      const eq = a.indexOf('=');
      flags.set(a.slice(0, eq), a.slice(eq + 1));
    } else if (VALUE_FLAGS.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else if (a.startsWith('--') || a === '-h') flags.set(a, true);
    // Anything else, "-oil" included, is a word: search queries negate with a leading dash.
    else positional.push(a);
  }
  return { positional, flags };
}

class UsageError extends Error {}

/** Output sinks, so tests can run the CLI in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
};

/**
 * Runs one CLI invocation and resolves to its exit status.
 *
 * @example
 *   await runCli(['search', 'Borrel', '--db', 'w.db', '--json']) // prints {total, hits}
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    io.err(`wirewatch: ${(e as Error).message}`);
    return 2;
  }
  const [command, ...rest] = parsed.positional;
  if (!command || parsed.flags.has('--help') || parsed.flags.has('-h') || command === 'help') {
    io.out(USAGE);
    return command || parsed.flags.size ? 0 : 2;
  }
  const json = parsed.flags.has('--json');
  const dbFlag = parsed.flags.get('--db');
  const dbPath = resolveDbPath(typeof dbFlag === 'string' ? dbFlag : undefined);

  if (command === 'serve') return serveCommand(dbPath, parsed, io);
  // Extraction on files as they are needs no archive.
  if (command === 'statements' && rest[0] === 'extract') return extractFilesCommand(rest.slice(1), json, io);

  let wb: { api: Workbench['api']; close(): void | Promise<void> };
  try {
    // Imports run on the workbench thread the app uses (a large young generation, a reader
    // thread beside it; no summary thread: nothing is searched); quick commands open the
    // archive right here.
    wb =
      (command === 'import' || command === 'reimport') && fs.existsSync(workerFile())
        ? await openWorkbenchThread({ dbPath, summaryWorkerFile: '' }, workerFile())
        : openWorkbench({ dbPath, buildIndexNow: true });
  } catch (e) {
    io.err(`wirewatch: ${dbPath}: cannot open the archive: ${(e as Error).message}`);
    return 1;
  }
  try {
    const call = async <M extends ApiMethod>(method: M, args: unknown) => {
      const env = await dispatch(wb.api, method, args);
      if (!env.ok) throw new CommandError(env.error.message);
      return env.result as never;
    };
    switch (command) {
      case 'import':
        return await importCommand(rest, parsed, json, io, call);
      case 'reimport':
        return await reimportCommand(rest, parsed, json, io, call);
      case 'log':
        return await logCommand(parsed, json, io, call);
      case 'search':
        return await searchCommand(rest, parsed, json, io, call);
      case 'saved':
        return await savedCommand(rest, parsed, json, io, call);
      case 'history':
        return await historyCommand(json, io, call);
      case 'statements':
        return await statementsCommand(rest, parsed, json, io, call);
      case 'show':
        return await showCommand(rest, parsed, json, io, call);
      case 'articles':
        return await articlesCommand(json, io, call);
      case 'info': {
        const info = await call('archive.info', {});
        io.out(json ? JSON.stringify(info) : Object.entries(info).map(([k, v]) => `${k}: ${v}`).join('\n'));
        return 0;
      }
      case 'call': {
        const [method, argJson] = rest;
        let args: unknown = {};
        try {
          args = argJson ? JSON.parse(argJson) : {};
        } catch {
          throw new UsageError('the arguments must be JSON, e.g. \'{"query":"Borrel"}\'');
        }
        const env = await dispatch(wb.api, method, args);
        io.out(JSON.stringify(env.ok ? env.result : env));
        return env.ok ? 0 : 1;
      }
      default:
        throw new UsageError(`unknown command "${command}" (see wirewatch --help)`);
    }
  } catch (e) {
    io.err(`wirewatch: ${(e as Error).message}`);
    return e instanceof UsageError ? 2 : 1;
  } finally {
    await wb.close();
  }
}

class CommandError extends Error {}

type Call = <M extends ApiMethod>(method: M, args: unknown) => Promise<never>;

async function importCommand(files: string[], p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs at least one file or folder');
  const source = p.flags.get('--source');
  const encoding = p.flags.get('--encoding');
  const map = p.flags.get('--map');
  let mapping;
  try {
    mapping = typeof map === 'string' ? parseMappingSpec(map) : undefined;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const report: ImportReport = await call('import.paths', {
    paths: files.map((f) => path.resolve(f)),
    source: typeof source === 'string' ? source : undefined,
    encoding: typeof encoding === 'string' ? encoding : undefined,
    mapping,
  });
  printReport(report, json, io);
  // Failure only when nothing could be done with any file.
  return report.errors > 0 && report.imported + report.duplicates === 0 ? 1 : 0;
}

function printReport(report: ImportReport, json: boolean, io: CliIo): void {
  if (json) io.out(JSON.stringify(report));
  for (const o of report.outcomes) {
    if (o.status === 'error') io.err(`wirewatch: ${o.file}: ${o.error}`);
    if (json) continue;
    if (o.status === 'imported') {
      const extra = [
        o.articles > 1 ? `${o.articles} articles` : '',
        o.duplicates ? `${o.duplicates} already in the archive` : '',
        o.copies ? `${o.copies} linked as copies of stories` : '',
      ].filter(Boolean);
      io.out(`imported   #${o.articleId}  ${o.file}  ${o.title}${extra.length ? `  (${extra.join(', ')})` : ''}`);
    }
    if (o.status === 'duplicate') io.out(`duplicate  #${o.articleId}  ${o.file}  (already in the archive: ${o.title})`);
    if (o.status === 'skipped') io.out(`skipped         ${o.file}  (${o.reason})`);
    if (o.status === 'cancelled') io.out(`cancelled       ${o.file}`);
    if (o.status === 'imported' || o.status === 'duplicate') for (const w of o.warnings) io.out(`           warning: ${w}`);
  }
  if (!json) {
    io.out(
      `${report.imported} imported (${report.articles} ${report.articles === 1 ? "article" : "articles"}${report.copies ? `, ${report.copies} copies of known stories` : ''}), ` +
        `${report.duplicates} duplicate, ${report.errors} failed` +
        (report.skipped ? `, ${report.skipped} skipped` : '') +
        (report.cancelled ? `, ${report.cancelled} cancelled` : ''),
    );
  }
}

async function reimportCommand(args: string[], p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  const id = Number(args[0]);
  const encoding = p.flags.get('--encoding');
  if (!Number.isInteger(id) || typeof encoding !== 'string') throw new UsageError('usage: wirewatch reimport <id> --encoding NAME');
  const report: ImportReport = await call('articles.reimport', { id, encoding });
  printReport(report, json, io);
  return report.errors > 0 && report.imported === 0 ? 1 : 0;
}

async function logCommand(p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  const batch = p.flags.get('--batch');
  const limit = p.flags.get('--limit');
  const { entries }: { entries: ImportLogEntry[] } = await call('import.log', {
    batchId: typeof batch === 'string' ? Number(batch) : undefined,
    limit: typeof limit === 'string' ? Number(limit) : undefined,
  });
  for (const e of entries) {
    if (json) {
      io.out(JSON.stringify(e));
      continue;
    }
    const what =
      e.status === 'error'
        ? e.error
        : e.status === 'imported' || e.status === 'duplicate'
          ? `${e.articles} new, ${e.duplicates} already there${e.copies ? `, ${e.copies} copies` : ''}; ${e.format}, ${e.encoding} (${e.encodingReason})`
          : '';
    io.out(`batch ${e.batchId}  ${e.at}  ${e.status.padEnd(9)}  ${e.file}${what ? `  ${what}` : ''}`);
    for (const w of e.warnings) io.out(`    warning: ${w}`);
  }
  return 0;
}

async function searchCommand(words: string[], p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  const query = words.join(' ');
  if (!query.trim()) throw new UsageError('search needs a query');
  return runSearch(query, p, json, io, call);
}

/** Runs a query with the search flags and prints the answer. */
async function runSearch(query: string, p: Parsed, json: boolean, io: CliIo, call: Call, sortDefault?: string): Promise<number> {
  const all = p.flags.has('--all');
  const limitFlag = p.flags.get('--limit');
  const limit = all ? -1 : limitFlag === undefined ? 20 : Number(limitFlag);
  if (!Number.isInteger(limit) || (limit < 1 && !all)) throw new UsageError('--limit needs a whole number of 1 or more');
  const offset = Number(p.flags.get('--offset') ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError('--offset needs a whole number of 0 or more');
  const sort = p.flags.get('--sort') ?? sortDefault ?? 'relevance';
  if (!(SEARCH_SORTS as readonly string[]).includes(String(sort))) throw new UsageError(`--sort is one of ${SEARCH_SORTS.join(', ')}`);
  const result: SearchResult = await call('search.query', {
    query, limit, offset, sort, boostRecent: p.flags.has('--recent'), foldCopies: !p.flags.has('--no-fold'), record: true,
  });
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  for (const n of result.notices) io.err(`note: ${n}`);
  const copies = result.articles !== result.total ? ` (${result.articles} articles with copies)` : '';
  io.out(`${result.total} ${result.total === 1 ? 'story' : 'stories'}${copies}`);
  for (const h of result.hits) {
    const folded = h.foldedCopies ? `  +${h.foldedCopies} ${h.foldedCopies === 1 ? 'copy' : 'copies'}` : '';
    io.out(`#${h.id}  ${h.publishedAt ?? 'undated'}  ${h.title}${h.source ? `  (${h.source})` : ''}${folded}`);
    io.out(`    ${markHighlights(h.snippet, h.highlights)}`);
  }
  if (p.flags.has('--facets') && result.facets) {
    for (const [name, values] of Object.entries(result.facets)) {
      if (values.length) io.out(`${name}: ${values.slice(0, 10).map((v: { value: string; count: number }) => `${v.value} (${v.count})`).join(', ')}`);
    }
  }
  return 0;
}

async function savedCommand(args: string[], p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  const [action, name, ...queryWords] = args;
  const { saved } = (await call('searches.list', {})) as { saved: SavedSearch[] };
  const byName = (n: string | undefined) => {
    if (!n) throw new UsageError(`saved ${action} needs the name of a saved search`);
    const s = saved.find((x) => x.name === n);
    if (!s) throw new CommandError(`no saved search named "${n}" (see: wirewatch saved)`);
    return s;
  };
  switch (action) {
    case undefined:
      if (json) for (const s of saved) io.out(JSON.stringify(s));
      else if (!saved.length) io.out('no saved searches (save one with: wirewatch saved add NAME QUERY)');
      else for (const s of saved) io.out(`${s.name}  ${s.query}  ${s.newMatches} new${s.lastOpenedAt ? `  (opened ${s.lastOpenedAt})` : ''}`);
      return 0;
    case 'add': {
      if (!name || !queryWords.join(' ').trim()) throw new UsageError('saved add needs a name and a query');
      const s = (await call('searches.save', { name, query: queryWords.join(' '), sort: p.flags.get('--sort') ?? 'relevance' })) as SavedSearch;
      io.out(json ? JSON.stringify(s) : `saved "${s.name}": ${s.query}`);
      return 0;
    }
    case 'run': {
      const s = byName(name);
      await call('searches.open', { id: s.id });
      if (!json) io.out(`${s.name}: ${s.query}  (${s.newMatches} new since last opened)`);
      return runSearch(s.query, p, json, io, call, s.sort);
    }
    case 'rm': {
      const s = byName(name);
      await call('searches.delete', { id: s.id });
      if (!json) io.out(`deleted "${s.name}"`);
      return 0;
    }
    default:
      throw new UsageError(`saved: unknown action "${action}" (add, run, rm)`);
  }
}

async function historyCommand(json: boolean, io: CliIo, call: Call): Promise<number> {
  const { history } = (await call('searches.list', {})) as { history: SearchHistoryEntry[] };
  for (const h of history) io.out(json ? JSON.stringify(h) : `${h.at}  ${h.query}  (${h.total})`);
  return 0;
}

async function statementsCommand(args: string[], p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  // `statements extract <files>` runs the extractor on files (no archive): a command of its own.
  if (args[0] === 'extract') throw new UsageError('statements extract is not available in this build');
  if (args.length) throw new UsageError(`statements takes options, not "${args.join(' ')}" (quote a name: --speaker "Josep Borrell")`);
  const flag = (name: string) => {
    const v = p.flags.get(name);
    if (v === true) throw new UsageError(`${name} needs a value`);
    return v;
  };
  const all = p.flags.has('--all');
  const limitFlag = flag('--limit');
  const limit = all ? -1 : limitFlag === undefined ? 100 : Number(limitFlag);
  if (!Number.isInteger(limit) || (limit < 1 && !all)) throw new UsageError('--limit needs a whole number of 1 or more');
  const offset = Number(flag('--offset') ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError('--offset needs a whole number of 0 or more');
  const result = (await call('statements.query', {
    speaker: flag('--speaker'),
    query: flag('--query'),
    from: flag('--from'),
    to: flag('--to'),
    tag: flag('--tag'),
    status: flag('--status'),
    offset,
    limit,
  })) as { total: number; statements: Statement[] };
  if (json) {
    for (const s of result.statements) io.out(JSON.stringify(s));
    return 0;
  }
  io.out(`${result.total} ${result.total === 1 ? 'statement' : 'statements'}`);
  for (const s of result.statements) {
    const who = s.speaker ? `${s.speaker.name}${s.speaker.role ? ` (${s.speaker.role})` : ''}` : 'unknown speaker';
    const as = s.mention && s.mention.text !== s.speaker?.name ? ` as "${s.mention.text}"` : '';
    const status = s.status === 'auto' ? '' : `  [${s.status}]`;
    io.out(`#${s.articleId}  ${s.date ?? 'undated'}  ${who}${as}${status}`);
    io.out(`    ${s.kind}${s.cue ? `, "${s.cue.text}"` : ''}  [${s.quote.start}-${s.quote.end}]  ${s.kind === 'direct' ? `“${s.quote.text}”` : s.quote.text}`);
  }
  return 0;
}

function markHighlights(text: string, spans: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

async function showCommand(args: string[], p: Parsed, json: boolean, io: CliIo, call: Call): Promise<number> {
  const id = Number(args[0]);
  if (!Number.isInteger(id)) throw new UsageError('show needs an article id (a whole number)');
  const detail = await call('articles.get', { id, includeOriginal: p.flags.has('--original') });
  if (json) {
    io.out(JSON.stringify(detail));
    return 0;
  }
  const a = detail as Article & { origin: { encoding: string; encodingReason: string }; original?: string };
  io.out(a.title);
  io.out('');
  const meta: Array<[string, string | null]> = [
    ['Date', a.publishedAt ? `${a.publishedAt}${a.dateInferred ? ' (inferred)' : ''}` : null],
    ['Date note', a.dateNote],
    ['Dateline', a.dateline],
    ['Agency', a.agency],
    ['Source', a.source],
    ['Image credit', a.imageCredit],
    ['Language', a.language],
    ['File', a.file],
    ['Encoding', `${a.origin.encoding} (${a.origin.encodingReason})`],
  ];
  for (const [k, v] of meta) if (v) io.out(`${k}: ${v}`);
  io.out('');
  io.out(a.body);
  if (a.original !== undefined) {
    io.out('\n--- original page ---');
    io.out(a.original);
  }
  return 0;
}

async function articlesCommand(json: boolean, io: CliIo, call: Call): Promise<number> {
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page: { articles: Article[] } = await call('articles.list', { offset, limit: pageSize });
    for (const a of page.articles) io.out(json ? JSON.stringify(a) : `#${a.id}  ${a.publishedAt ?? 'undated'}  ${a.title}`);
    if (page.articles.length < pageSize) return 0;
  }
}

/**
 * Browser mode. The Workbench runs on its own thread, so a long import never stalls the
 * server: pages, static files and other calls keep being answered.
 */
async function serveCommand(dbPath: string, p: Parsed, io: CliIo): Promise<number> {
  const portFlag = p.flags.get('--port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err('wirewatch: --port needs a port number');
    return 2;
  }
  let wb: ThreadedWorkbench;
  try {
    wb = await openWorkbenchThread({ dbPath }, workerFile());
  } catch (e) {
    io.err(`wirewatch: ${dbPath}: cannot open the archive: ${(e as Error).message}`);
    return 1;
  }
  let server: RunningServer;
  try {
    server = await startServer({ api: wb.api, rendererDir: rendererDir(), port });
  } catch (e) {
    await wb.close();
    io.err(`wirewatch: cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
    return 1;
  }
  io.out(`Wirewatch is serving in browser mode. Open: ${server.url}`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      void server
        .close()
        .then(() => wb.close())
        .then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The built workbench-thread script, beside the built CLI (out/main). */
function workerFile(): string {
  return path.join(__dirname, 'workbench-worker.js');
}

/** The built renderer, next to the built CLI (out/main/cli.js → out/renderer). */
function rendererDir(): string {
  return path.resolve(__dirname, '../renderer');
}
