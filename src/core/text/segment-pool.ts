/**
 * jieba in threads of their own for bulk segmentation: a rebuild's text cut on
 * every core while the archive's thread builds the index (services/index-keeper.ts).
 *
 * Each thread loads nodejieba with the dictionaries the archive's thread uses
 * (the IDF table left out: cutting never reads it) and every word inserted so
 * far, then answers requests in order. A request is a list of Han runs joined
 * by line breaks (a Han run holds none); the answer, every run's search-mode
 * words joined by spaces (a word holds none) and each run's number of words:
 * one string and one typed array instead of a structured clone of thousands of
 * small arrays, taken apart with one `split`. `cut` shares its runs between
 * the threads by length and answers them in the order given.
 *
 * Like jieba-thread.ts, the thread's code is plain JavaScript (evaluated, not a
 * file), so it runs the same from the sources, the bundle and a packaged app.
 * A thread is never terminated: one ended inside nodejieba's native load can
 * abort the process; `close` asks each to end once its queued work is done.
 */
import { Worker } from 'node:worker_threads';

const CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const nodejieba = require(workerData.module);
nodejieba.load(workerData.files);
for (const w of workerData.words) nodejieba.insertWord(w, 'nz');
parentPort.on('message', (m) => {
  if (m.close) return parentPort.close();
  if (m.insert) {
    for (const w of m.insert) nodejieba.insertWord(w, 'nz');
    return;
  }
  let reply;
  try {
    const runs = m.runs.split('\\n');
    const counts = new Uint32Array(runs.length);
    const parts = [];
    for (let i = 0; i < runs.length; i++) {
      const words = nodejieba.cutForSearch(runs[i], true);
      counts[i] = words.length;
      if (words.length) parts.push(words.join(' '));
    }
    reply = { id: m.id, words: parts.join(' '), counts };
  } catch (err) {
    reply = { id: m.id, error: String((err && err.message) || err) };
  }
  parentPort.postMessage(reply);
});
`;

/** Words of consecutive runs: `counts[i]` words of run i, one after another in `words`. */
export interface Cuts {
  words: string[];
  counts: ArrayLike<number>;
}

interface Answer {
  id: number;
  words?: string;
  counts?: Uint32Array;
  error?: string;
}

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (err: Error) => void;
}

class SegmentThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  failed?: Error;

  constructor(modulePath: string, files: Record<string, string>, words: readonly string[]) {
    this.worker = new Worker(CODE, {
      eval: true,
      workerData: { module: modulePath, files, words: [...words] },
    });
    this.worker.on('message', (m: Answer) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.counts) p?.resolve(m);
      else p?.reject(new Error(m.error));
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`分词线程已退出（${code}）`)));
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(this.failed);
    this.pending.clear();
  }

  cut(runs: string): Promise<Answer> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, runs });
    });
  }

  insertWords(words: string[]): void {
    if (!this.failed) this.worker.postMessage({ insert: words });
  }

  close(): void {
    if (!this.failed) this.worker.postMessage({ close: true });
    this.failed ??= new Error('分词线程已关闭');
  }
}

export class SegmentPool {
  private readonly threads: SegmentThread[];

  constructor(size: number, modulePath: string, files: Record<string, string>, words: readonly string[]) {
    this.threads = Array.from({ length: Math.max(1, size) }, () => new SegmentThread(modulePath, files, words));
  }

  /** Each run's search-mode words (jieba `cutForSearch` with HMM), in the order given; rejects if a thread failed. */
  async cut(runs: string[]): Promise<Cuts> {
    if (!runs.length) return { words: [], counts: [] };
    // Contiguous shares of about equal length, one per thread.
    let chars = 0;
    for (const r of runs) chars += r.length;
    const share = chars / this.threads.length;
    const asks: Promise<Answer>[] = [];
    let from = 0;
    let acc = 0;
    for (let t = 0; t < this.threads.length && from < runs.length; t++) {
      let to = from;
      if (t === this.threads.length - 1) to = runs.length;
      else while (to < runs.length && acc < share * (t + 1)) acc += runs[to++].length;
      if (to > from) asks.push(this.threads[t].cut(runs.slice(from, to).join('\n')));
      from = to;
    }
    const answers = await Promise.all(asks);
    const counts = new Uint32Array(runs.length);
    let words: string[] = [];
    let at = 0;
    for (const a of answers) {
      const c = a.counts!;
      counts.set(c, at);
      at += c.length;
      let n = 0;
      for (let i = 0; i < c.length; i++) n += c[i];
      // Words hold no space, so `split` gives them back exactly; none at all is the one case it cannot tell.
      const got = n ? a.words!.split(' ') : [];
      if (got.length !== n) throw new Error(`分词线程的回答不完整：${got.length} / ${n} 个词`);
      words = words.length ? words.concat(got) : got;
    }
    if (at !== runs.length) throw new Error(`分词线程的回答不完整：${at} / ${runs.length} 段`);
    return { words, counts };
  }

  /** Words added to the dictionary: cut after everything already asked. */
  insertWords(words: string[]): void {
    for (const t of this.threads) t.insertWords(words);
  }

  /** Each thread ends once its queued work is done; later cuts reject. */
  close(): void {
    for (const t of this.threads) t.close();
  }
}
