/**
 * The Workbench on its own thread. The doors of long-running processes (the Electron main
 * process, the browser-mode server) call it through this proxy so that imports and index
 * builds never block them. Generic like the doors: every contract method crosses the same way.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { API_METHODS, ApiError, type Api, type ApiEnvelope, type ApiMethod } from '../shared/api';
import type { WorkbenchOptions } from './workbench';

/** Messages from the worker (see workbench-worker.ts). */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; envelope: ApiEnvelope<unknown> };

/** Messages to the worker. */
export type ToWorker = { type: 'call'; id: number; method: ApiMethod; args: unknown } | { type: 'close' };

/** Young generation of the workbench thread, in MB (V8 splits it into semi-spaces). */
const YOUNG_GENERATION_MB = 192;

export interface ThreadedWorkbench {
  api: Api;
  close(): Promise<void>;
}

/**
 * Starts the Workbench in a worker thread and resolves once its archive is open.
 * `workerFile` is the built worker script, out/main/workbench-worker.js: entries pass
 * `path.join(__dirname, 'workbench-worker.js')` (their __dirname is out/main).
 * The desktop shell's host functions (native dialogs) stay on this thread.
 *
 * @example
 *   const wb = await openWorkbenchThread({ dbPath: 'w.db' }, path.join(__dirname, 'workbench-worker.js'));
 *   await wb.api['search.query']({ query: 'Borrel' });
 *   await wb.close();
 */
export async function openWorkbenchThread(
  options: WorkbenchOptions,
  workerFile: string,
): Promise<ThreadedWorkbench> {
  const { host, ...rest } = options;
  // The reader and summary threads' scripts sit beside the workbench thread's ('' = no summary thread).
  const workerOptions = {
    ...rest,
    readWorkerFile: rest.readWorkerFile ?? path.join(path.dirname(workerFile), 'read-worker.js'),
    summaryWorkerFile: rest.summaryWorkerFile ?? path.join(path.dirname(workerFile), 'summary-worker.js'),
  };
  const worker = new Worker(workerFile, {
    workerData: workerOptions,
    // A large young generation: indexing allocates many short-lived objects, and V8's default
    // (16 MB semi-spaces) spent about a fifth of a bulk import collecting them.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const pending = new Map<number, (e: ApiEnvelope<unknown>) => void>();
  let nextId = 1;
  let exited = false;

  // One listener per event for the thread's whole life: first the opening, then the replies.
  let opened: { resolve(): void; reject(err: Error): void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (opened = { resolve, reject }));
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'ready') opened?.resolve();
    else if (m.type === 'failed') opened?.reject(new Error(m.message));
    else {
      pending.get(m.id)?.(m.envelope);
      pending.delete(m.id);
    }
  });
  const failAll = (message: string) => {
    exited = true;
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };
  worker.on('error', (err) => {
    opened?.reject(err);
    failAll(`the workbench thread failed: ${err.message}`);
  });
  worker.on('exit', (code) => {
    opened?.reject(new Error(`the workbench thread stopped while opening (exit ${code})`));
    failAll('the workbench thread has stopped');
  });
  await ready;
  opened = null;

  const callWorker = (method: ApiMethod, args: unknown): Promise<unknown> => {
    if (exited) return Promise.reject(new ApiError('unavailable', 'the workbench thread has stopped'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, (env) => (env.ok ? resolve(env.result) : reject(new ApiError(env.error.code, env.error.message))));
      worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
    });
  };

  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      method === 'dialog.pickFiles' && host?.pickFiles
        ? async () => ({ paths: await host.pickFiles!() })
        : (args: unknown) => callWorker(method, args),
    ]),
  ) as unknown as Api;

  return {
    api,
    close: async () => {
      if (exited) return;
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      await done;
    },
  };
}
