/**
 * Entry of the summary thread (see summary-thread.ts): a read-only connection to the archive,
 * its own catalog, and a search engine that answers only summaries, in order, after replaying
 * the catalog changes sent before them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openArchiveReader } from './archive';
import { ArticleCatalog, FullTextIndex, SearchEngine, Vocabulary } from './search';
import type { FromSummaryWorker, SummaryThreadOptions, ToSummaryWorker } from './summary-thread';

const port = parentPort!;
const options = workerData as SummaryThreadOptions;
let engine: SearchEngine;
let catalog: ArticleCatalog;
try {
  const db = openArchiveReader(options.dbPath, { nativeBinding: options.nativeBinding });
  const fts = new FullTextIndex(db);
  catalog = ArticleCatalog.load(db);
  // Summaries read the query as written: no fuzzy word list, no titles or bodies.
  const noText = {
    hitFields: () => {
      throw new Error('the summary thread reads no article text');
    },
  };
  engine = new SearchEngine(fts, catalog, new Vocabulary(() => fts.words()), noText);
  // Ready once warm: the summary of every article reads the speakers (put off at load) and runs
  // the facet loops long enough to be compiled, so the first searches do not pay for either.
  engine.summary({ query: '' });
  port.postMessage({ type: 'ready' } satisfies FromSummaryWorker);
} catch (err) {
  port.postMessage({ type: 'failed', message: (err as Error).message } satisfies FromSummaryWorker);
  process.exit(1);
}

port.on('message', (m: ToSummaryWorker) => {
  if (m.type === 'changes') {
    for (const change of m.changes) catalog.apply(change);
    return;
  }
  let summary = null;
  try {
    summary = engine.summary(m.request, true);
  } catch {
    // The workbench thread answers it instead, and reports the error if there is one.
  }
  port.postMessage({ type: 'summary', id: m.id, summary } satisfies FromSummaryWorker);
});
