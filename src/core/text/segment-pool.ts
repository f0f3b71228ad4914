/**
 * jieba in threads of their own for bulk segmentation: a rebuild's text read into index terms on
 * every core while the archive's thread builds the index (services/index-keeper.ts).
 *
 * Each thread (segment-thread.ts) loads nodejieba with the dictionaries the archive's thread uses
 * (the IDF table left out: cutting never reads it) and every word inserted so far, then answers
 * requests in order: whole texts, folded, split and cut there (index-terms.ts), so the archive's
 * thread, the rebuild's critical path, only numbers and indexes. A thread numbers the terms it meets
 * for as long as it lives (one pool per rebuild) and answers with every term as its number, each
 * text's number of terms and the terms it had not met before: one string and two typed arrays
 * instead of a structured clone of thousands of small arrays, and the archive's thread looks each
 * distinct term up in the index builder's dictionary (millions of terms at 150k articles) once per
 * thread and rebuild. `cut` shares its texts between the threads by length and answers with the
 * shares' cuts in the order given, each naming its thread.
 *
 * The thread's module is found like the core worker's (src/node/worker-client.ts): the bundled
 * `segment-thread.js` beside this code in a built app, else the TypeScript source through tsx
 * (`segment-thread-dev.mjs`). A thread is never terminated: one ended inside nodejieba's native load
 * can abort the process; `close` asks each to end once its queued work is done.
 */
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The thread's entry: bundled beside this code, or the sources' development shim. */
function threadEntry(): string {
  const dir = typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const js = path.join(dir, 'segment-thread.js');
  return fs.existsSync(js) ? js : path.join(dir, 'segment-thread-dev.mjs');
}

/**
 * Terms of consecutive texts (one thread's share): text i has `counts[i]` terms, one after another
 * in `ids`, each the number the thread gave that term (`EXTRA_TERM` added for a number's extra
 * term, index-terms.ts). `vocab` holds the terms this thread had not met before, numbered `first`,
 * `first + 1`, …; the ones it met before came in its earlier answers.
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
    this.worker = new Worker(threadEntry(), {
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

  cut(texts: string): Promise<Answer> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts });
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
   * Each text's index terms (index-terms.ts, with jieba's search mode), in the order given: one
   * `Cuts` per thread's share of consecutive texts, the shares in order (taken as they come, not
   * merged into one: that copy cost more than it saved). Rejects if a thread failed.
   */
  async cut(texts: string[]): Promise<Cuts[]> {
    if (!texts.length) return [];
    // Contiguous shares of about equal length, one per thread. (NUL parts the texts in a request:
    // one inside a text is read as the separator it stands for anyway, a character of no word.)
    let chars = 0;
    for (const t of texts) chars += t.length;
    const share = chars / this.threads.length;
    const asks: Promise<Cuts>[] = [];
    let from = 0;
    let acc = 0;
    for (let t = 0; t < this.threads.length && from < texts.length; t++) {
      let to = from;
      if (t === this.threads.length - 1) to = texts.length;
      else while (to < texts.length && acc < share * (t + 1)) acc += texts[to++].length;
      if (to > from) asks.push(this.threads[t].cut(texts.slice(from, to).map((x) => x.replace(/\0/g, ' ')).join('\0')).then((a) => cutsOf(a, t)));
      from = to;
    }
    const parts = await Promise.all(asks);
    const answered = parts.reduce((n, p) => n + p.counts.length, 0);
    if (answered !== texts.length) throw new Error(`分词线程的回答不完整：${answered} / ${texts.length} 篇`);
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
