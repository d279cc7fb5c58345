import { Worker } from 'node:worker_threads';
import type { ReadOutcome, ReadRequest } from './read-file';

/** Young generation of the reader thread, in MB. */
const READER_YOUNG_GENERATION_MB = 128;

/** Reads files for the importer: on a reader thread when one is available, else in-process. */
export interface FileReader {
  read(request: ReadRequest): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/**
 * Reads in the calling thread (tests running from sources, where no built worker exists). The
 * readers are loaded on the first read: they bring jsdom, which commands that import nothing
 * should not pay for.
 */
export const inProcessReader: FileReader = {
  read: async (request) => (await import('./read-file')).readAndPrepare(request),
  close: async () => {},
};

/**
 * A reader thread: files are read and prepared there while the importer stores and indexes,
 * which on two cores nearly halves the time of a bulk import. If the thread dies, the reads
 * still pending fail with a clear message and later reads run in-process.
 *
 * @example
 *   const reader = startReaderThread(path.join(__dirname, 'read-worker.js'));
 *   const outcome = await reader.read({ bytes, fileName, fileTime: null, options: {} });
 */
export function startReaderThread(workerFile: string): FileReader {
  // Started on the first read, so commands that import nothing do not pay for a thread.
  let worker: Worker | null = null;
  let dead = false;
  const pending = new Map<number, (o: ReadOutcome) => void>();
  let nextId = 1;
  const failAll = (message: string) => {
    worker = null;
    dead = true;
    for (const settle of pending.values()) settle({ ok: false, error: message, importError: false });
    pending.clear();
  };
  const start = (): Worker => {
    // A large young generation: reading and analysing a file makes many short-lived strings,
    // and with the default one the reader spent a fifth of its time collecting them.
    const w = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MB } });
    w.unref();
    w.on('message', (m: { id: number; outcome: ReadOutcome }) => {
      pending.get(m.id)?.(m.outcome);
      pending.delete(m.id);
    });
    w.on('error', (err) => failAll(`the reader thread failed: ${err.message}`));
    w.on('exit', () => failAll('the reader thread stopped'));
    return w;
  };
  return {
    read: (request) => {
      if (dead) return inProcessReader.read(request);
      worker ??= start();
      const id = nextId++;
      return new Promise<ReadOutcome>((resolve) => {
        pending.set(id, resolve);
        worker!.postMessage({ id, request });
      });
    },
    close: async () => {
      const w = worker;
      worker = null;
      dead = true;
      if (w) await w.terminate();
    },
  };
}
