/**
 * Starts the core in a worker thread and exposes it as a `BaokuApi`.
 * Used by the Electron main process and the HTTP host alike.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_METHODS, type BaokuApi } from '../shared/api';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

export interface CoreWorkerOptions {
  archiveDir: string;
  demo?: boolean;
  writable?: boolean;
  resourcesDir?: string;
  pdf?: 'chromium' | 'external';
  log?: (message: string) => void;
  /** A read replica of a shared archive (`WorkerData.follow`). */
  follow?: WorkerData['follow'];
}

export interface CoreWorker extends BaokuApi {
  /** Resolves when the archive is open (rejects if it cannot be opened). */
  ready: Promise<string[]>;
  close(): Promise<void>;
  /**
   * A call that stops when `signal` aborts (the client left, a newer search came): the core sees
   * it between chunks of work (`core/search/budget.ts`) and answers early.
   */
  callWithSignal(method: string, arg: unknown, signal: AbortSignal, timing?: (t: CallTiming) => void): Promise<unknown>;
  /** Electron: render PDFs for the core (webContents.printToPDF). */
  onPdfRequest?(handler: (html: string, headerTitle: string) => Promise<Buffer>): void;
}

/**
 * Where a call's time went, for the HTTP host's `Server-Timing` header: `coreMs` in the core's
 * own work, `waitMs` between posting the call and its answer minus that (queued behind other
 * calls in the worker, the message hops, the thread waiting for a CPU).
 */
export interface CallTiming {
  coreMs: number;
  waitMs: number;
}

export class ApiCallError extends Error {
  code?: string;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

function here(): string {
  // Works both from TypeScript sources (tsx) and from a bundled CJS/ESM main.
  if (typeof __dirname !== 'undefined') return __dirname;
  return path.dirname(fileURLToPath(import.meta.url));
}

function workerEntry(): { file: string; execArgv: string[] } {
  const dir = here();
  const js = path.join(dir, 'core-worker.js');
  if (fs.existsSync(js)) return { file: js, execArgv: [] };
  return { file: path.join(dir, 'core-worker-dev.mjs'), execArgv: [] };
}

export function startCoreWorker(opts: CoreWorkerOptions): CoreWorker {
  const entry = workerEntry();
  const data: WorkerData = {
    archiveDir: opts.archiveDir,
    demo: opts.demo,
    writable: opts.writable,
    resourcesDir: opts.resourcesDir,
    pdf: opts.pdf,
    follow: opts.follow,
  };
  const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv });
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; posted: number; timing?: (t: CallTiming) => void }>();
  let pdfHandler: ((html: string, headerTitle: string) => Promise<Buffer>) | undefined;
  let readyResolve!: (n: string[]) => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<string[]>((res, rej) => {
    readyResolve = res;
    readyReject = rej;
  });
  let closedResolve: (() => void) | undefined;
  let dead: Error | null = null;

  worker.on('message', (msg: FromWorker) => {
    switch (msg.type) {
      case 'ready':
        readyResolve(msg.notices);
        break;
      case 'open-failed':
        dead = new ApiCallError(msg.error, msg.user ? 'bad-request' : 'internal');
        readyReject(dead);
        break;
      case 'result': {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) break;
        if (p.timing && msg.coreMs !== undefined) p.timing({ coreMs: msg.coreMs, waitMs: Math.max(0, performance.now() - p.posted - msg.coreMs) });
        if (msg.error !== undefined) p.reject(new ApiCallError(msg.error, msg.code));
        else p.resolve(msg.value);
        break;
      }
      case 'pdf-request': {
        const reply = (m: ToWorker) => worker.postMessage(m);
        if (!pdfHandler) {
          reply({ type: 'pdf-result', id: msg.id, error: '此环境不能生成 PDF' });
          break;
        }
        pdfHandler(msg.html, msg.headerTitle).then(
          (buf) => reply({ type: 'pdf-result', id: msg.id, dataBase64: buf.toString('base64') }),
          (err: Error) => reply({ type: 'pdf-result', id: msg.id, error: err.message }),
        );
        break;
      }
      case 'log':
        opts.log?.(msg.message);
        break;
      case 'closed':
        closedResolve?.();
        break;
    }
  });
  const fail = (err: Error) => {
    dead = err;
    readyReject(err);
    for (const p of pending.values()) p.reject(new ApiCallError(`档案库进程出错：${err.message}`, 'internal'));
    pending.clear();
    closedResolve?.();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!dead) fail(new Error(`档案库进程已退出（${code}）`));
  });

  const call = async (method: string, arg: unknown, signal?: AbortSignal, timing?: (t: CallTiming) => void): Promise<unknown> => {
    await ready;
    if (dead) throw new ApiCallError(dead.message, 'internal');
    const id = ++seq;
    let cancel: SharedArrayBuffer | undefined;
    if (signal) {
      cancel = new SharedArrayBuffer(4);
      const cell = new Int32Array(cancel);
      const raise = () => Atomics.store(cell, 0, 1);
      if (signal.aborted) raise();
      else signal.addEventListener('abort', raise, { once: true });
    }
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, posted: performance.now(), timing });
      worker.postMessage({ type: 'call', id, method, arg, cancel } satisfies ToWorker);
    });
  };

  const api = {} as Record<string, unknown>;
  for (const m of API_METHODS) api[m] = (arg: unknown) => call(m, arg);
  const client = api as unknown as CoreWorker;
  client.ready = ready;
  client.callWithSignal = call;
  client.close = async () => {
    if (dead) {
      await worker.terminate();
      return;
    }
    const closed = new Promise<void>((r) => (closedResolve = r));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
    dead = new Error('closed');
    await worker.terminate();
  };
  client.onPdfRequest = (h) => {
    pdfHandler = h;
  };
  return client;
}
