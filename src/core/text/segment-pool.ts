/**
 * jieba in threads of their own for bulk segmentation: a rebuild's text cut on
 * every core while the archive's thread builds the index (services/index-keeper.ts).
 *
 * Each thread loads nodejieba with the dictionaries the archive's thread uses
 * (the IDF table left out: cutting never reads it) and every word inserted so
 * far, then answers requests in order. A request is a list of Han runs joined
 * by line breaks (a Han run holds none). Each thread numbers the words it
 * meets, for as long as it lives (one pool per rebuild), and answers with every
 * word met as its number (`ids`), each run's number of words (`counts`), and
 * the words it had not met before (`vocab`, joined by spaces: a word holds
 * none; numbered on from `first`): one string and two typed arrays instead of
 * a structured clone of thousands of small arrays. So the archive's thread
 * looks each distinct word up in the index builder's dictionary (millions of
 * terms at 150k articles) once per thread and rebuild, not once per batch
 * (at 50k that lookup was 1.8 s of the archive thread's 15 s). `cut` shares
 * its runs between the threads by length and answers with the shares' cuts in
 * the order given, each naming its thread.
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
// Every word met, by its number (kept for the thread's life: answers name only new words).
// One- and two-character words (nine in ten of all) are looked up by their UTF-16 code units,
// not hashed as strings: numbering was a quarter of the thread's time, jieba the rest.
const seen = new Map();
const one = new Int32Array(65536).fill(-1);
const two = new Map();
let met = 0;
const numberOf = (w, vocab) => {
  if (w.length === 1) {
    const c = w.charCodeAt(0);
    if (one[c] < 0) {
      one[c] = met++;
      vocab.push(w);
    }
    return one[c];
  }
  const byUnits = w.length === 2;
  const key = byUnits ? w.charCodeAt(0) * 65536 + w.charCodeAt(1) : w;
  const table = byUnits ? two : seen;
  let id = table.get(key);
  if (id === undefined) {
    table.set(key, (id = met++));
    vocab.push(w);
  }
  return id;
};
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
    const first = met;
    const vocab = [];
    let ids = new Uint32Array(1024);
    let n = 0;
    for (let i = 0; i < runs.length; i++) {
      const words = nodejieba.cutForSearch(runs[i], true);
      counts[i] = words.length;
      if (n + words.length > ids.length) {
        const more = new Uint32Array(Math.max(ids.length * 2, n + words.length));
        more.set(ids);
        ids = more;
      }
      for (const w of words) ids[n++] = numberOf(w, vocab);
    }
    reply = { id: m.id, first, vocab: vocab.join(' '), words: vocab.length, ids: ids.slice(0, n), counts };
  } catch (err) {
    reply = { id: m.id, error: String((err && err.message) || err) };
  }
  parentPort.postMessage(reply);
});
`;

/**
 * Words of consecutive runs (one thread's share): run i has `counts[i]` words, one after another
 * in `ids`, each the number the thread gave that word. `vocab` holds the words this thread had
 * not met before, numbered `first`, `first + 1`, …; the ones it met before came in its earlier answers.
 */
export interface Cuts {
  thread: number;
  first: number;
  vocab: string[];
  ids: Uint32Array;
  counts: Uint32Array;
}

interface Answer {
  id: number;
  first?: number;
  vocab?: string;
  words?: number;
  ids?: Uint32Array;
  counts?: Uint32Array;
  error?: string;
}

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (err: Error) => void;
}

/** An answer of thread `thread` taken apart, checked whole. */
function cutsOf(a: Answer, thread: number): Cuts {
  // Words hold no space, so `split` gives them back exactly; no word at all is the one case it cannot tell.
  const vocab = a.words ? a.vocab!.split(' ') : [];
  const ids = a.ids!;
  const counts = a.counts!;
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  if (vocab.length !== a.words || ids.length !== n) throw new Error(`分词线程的回答不完整：${vocab.length} / ${a.words} 个词`);
  return { thread, first: a.first!, vocab, ids, counts };
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

  /**
   * Each run's search-mode words (jieba `cutForSearch` with HMM), in the order given: one `Cuts`
   * per thread's share of consecutive runs, the shares in order (taken as they come, not merged
   * into one: that copy cost more than it saved). Rejects if a thread failed.
   */
  async cut(runs: string[]): Promise<Cuts[]> {
    if (!runs.length) return [];
    // Contiguous shares of about equal length, one per thread.
    let chars = 0;
    for (const r of runs) chars += r.length;
    const share = chars / this.threads.length;
    const asks: Promise<Cuts>[] = [];
    let from = 0;
    let acc = 0;
    for (let t = 0; t < this.threads.length && from < runs.length; t++) {
      let to = from;
      if (t === this.threads.length - 1) to = runs.length;
      else while (to < runs.length && acc < share * (t + 1)) acc += runs[to++].length;
      if (to > from) asks.push(this.threads[t].cut(runs.slice(from, to).join('\n')).then((a) => cutsOf(a, t)));
      from = to;
    }
    const parts = await Promise.all(asks);
    const answered = parts.reduce((n, p) => n + p.counts.length, 0);
    if (answered !== runs.length) throw new Error(`分词线程的回答不完整：${answered} / ${runs.length} 段`);
    return parts;
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
