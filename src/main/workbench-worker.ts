/**
 * Entry of the workbench thread (see workbench-thread.ts): opens the Workbench and answers
 * contract calls, one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from './dispatch';
import type { FromWorker, ToWorker } from './workbench-thread';
import { openWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

const port = parentPort!;
let wb: Workbench;
try {
  wb = openWorkbench(workerData as WorkbenchOptions);
  port.postMessage({ type: 'ready' } satisfies FromWorker);
} catch (err) {
  port.postMessage({ type: 'failed', message: (err as Error).message } satisfies FromWorker);
  process.exit(1);
}

// Calls are started strictly in order, so a search sent after an import sees its articles, and
// each waits for the one before to finish, except a summary: the summary thread counts it, and
// the page of hits sent after it is made here meanwhile.
const CONCURRENT: ReadonlySet<string> = new Set(['search.summary']);
let queue = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.type === 'close') {
    queue = queue.then(() => {
      wb.close();
      port.close();
    });
    return;
  }
  queue = queue.then(() => {
    const answered = dispatch(wb.api, m.method, m.args).then((envelope) => {
      port.postMessage({ type: 'reply', id: m.id, envelope } satisfies FromWorker);
    });
    return CONCURRENT.has(m.method) ? undefined : answered;
  });
});
