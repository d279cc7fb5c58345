/**
 * Entry of the reader thread: reads and prepares files (the CPU-heavy part of an import) while
 * the importer's thread stores and indexes the previous ones. See reader-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { readAndPrepare, type ReadRequest } from './read-file';

parentPort!.on('message', (m: { id: number; request: ReadRequest }) => {
  parentPort!.postMessage({ id: m.id, outcome: readAndPrepare(m.request) });
});
