/**
 * jieba in a thread of its own, called synchronously (see jieba.ts for why).
 *
 * The thread loads nodejieba and its dictionaries as soon as it starts, then
 * answers calls in order. A call posts its request on a MessagePort and
 * blocks on a shared cell (`Atomics.wait`) until the thread has posted the
 * answer, which is then taken off the port at once (`receiveMessageOnPort`):
 * no event loop turn, so it can stand where jieba's own synchronous calls
 * stand. Words to insert are posted without waiting: requests are handled in
 * the order posted, so a later cut sees them. The thread's code is plain
 * JavaScript (evaluated, not a file), so it runs the same from the sources,
 * the bundle and a packaged app; it requires nodejieba by the path this
 * thread resolved.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** What the app calls of nodejieba: this thread's copy (jieba.ts) and a copy in a thread of its own both answer it. */
export interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
  extract(text: string, topN: number): { word: string; weight: number }[];
  tag(text: string): { word: string; tag: string }[];
}

const CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const { port, cell, module: path, files, words } = workerData;
const nodejieba = require(path);
nodejieba.load(files);
for (const w of words) nodejieba.insertWord(w, 'nz');
parentPort.postMessage('loaded');
port.on('message', (m) => {
  if (m.method === 'insertWords') {
    for (const w of m.args[0]) nodejieba.insertWord(w, 'nz');
    return;
  }
  let reply;
  try {
    reply = { value: nodejieba[m.method](...m.args) };
  } catch (err) {
    reply = { error: String((err && err.message) || err) };
  }
  port.postMessage(reply);
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
});
`;

/** How long a call waits for the thread (its first call includes loading the dictionaries). */
const CALL_TIMEOUT_MS = 120_000;

export class JiebaThread implements Jieba {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly cell = new Int32Array(new SharedArrayBuffer(4));
  private failed?: Error;

  /** `keywords` false: loaded without the IDF table, so `extract` is refused (jieba.ts). */
  constructor(modulePath: string, files: Record<string, string>, words: string[], private readonly keywords = true) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(CODE, {
      eval: true,
      workerData: { port: port2, cell: this.cell, module: modulePath, files, words: [...words] },
      transferList: [port2],
    });
    this.worker.on('error', (err) => (this.failed = err));
    this.worker.on('exit', (code) => (this.failed ??= new Error(`jieba 线程已退出（${code}）`)));
    // The port never keeps the process alive; the thread does only while it loads: a process
    // that ends while the thread is inside nodejieba's native load aborts (SIGABRT, "terminate
    // called after throwing an instance of 'Napi::Error'"), so a command that fails or finishes
    // within the load waits for it (a second or two) and then exits cleanly.
    this.port.unref();
    this.worker.once('message', () => this.worker.unref());
  }

  private call<T>(method: keyof Jieba, ...args: unknown[]): T {
    if (this.failed) throw new Error(`jieba 线程不可用：${this.failed.message}`);
    const deadline = Date.now() + CALL_TIMEOUT_MS;
    Atomics.store(this.cell, 0, 0);
    this.port.postMessage({ method, args });
    let got: ReturnType<typeof receiveMessageOnPort>;
    let waited: string;
    for (;;) {
      waited = Atomics.wait(this.cell, 0, 0, Math.max(0, deadline - Date.now()));
      got = receiveMessageOnPort(this.port);
      if (got || waited === 'timed-out' || Date.now() >= deadline) break;
      // Woken, or the cell already set, with no answer on the port (seen once, under load, in a cold
      // start): clear the cell and wait on. The thread posts its answer before it sets the cell, so
      // an answer that comes between the two reads is found by the second.
      Atomics.store(this.cell, 0, 0);
      got = receiveMessageOnPort(this.port);
      if (got) break;
    }
    if (!got) throw new Error(waited === 'timed-out' ? 'jieba 线程没有应答' : `jieba 线程不可用（${waited}）`);
    const reply = got.message as { value?: T; error?: string };
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.value as T;
  }

  cut(text: string, hmm?: boolean): string[] {
    return this.call('cut', text, hmm);
  }

  cutForSearch(text: string, hmm?: boolean): string[] {
    return this.call('cutForSearch', text, hmm);
  }

  extract(text: string, topN: number): { word: string; weight: number }[] {
    if (!this.keywords) throw new Error('这个 jieba 线程没有载入 IDF 表，不能提取关键词');
    return this.call('extract', text, topN);
  }

  tag(text: string): { word: string; tag: string }[] {
    return this.call('tag', text);
  }

  insertWord(word: string): boolean {
    this.insertWords([word]);
    return true;
  }

  /** Queued: the thread inserts them before it answers any later call. */
  insertWords(words: string[]): void {
    if (!this.failed) this.port.postMessage({ method: 'insertWords', args: [words] });
  }

  /**
   * Let the thread end (this thread has its own jieba now): its port is closed, so it exits when
   * its current work (perhaps still loading the dictionaries) is done. Not `terminate()`: ending a
   * thread inside a native call can abort the process.
   */
  close(): void {
    this.failed ??= new Error('已关闭');
    this.port.close();
  }
}
