/**
 * The one place nodejieba is loaded.
 *
 * nodejieba opens its dictionaries from C++ on first use (1.3–2 s here: two
 * tries of 350k words and the IDF table). `loadJieba()` does it once per
 * thread, for the bulk work (import, rebuild, the parser's word checks). An
 * archive that only searches never needs it on its own thread: `startJieba()`
 * (called first thing by `Archive.open`) loads a copy in a thread of its own
 * while the archive opens its database and index, and `queryJieba()` hands
 * out that copy behind synchronous calls (jieba-thread.ts; tens of µs a call,
 * a handful per query) until this thread has loaded its own. So the first
 * search waits for the slower of the two loads, not for their sum. That copy
 * loads without the IDF table (a quarter of the load): cutting and tagging do
 * not read it, only keyword extraction does, which `keywordJieba()` serves
 * from a third copy with every table, started on its first use (更多相似,
 * topic suggestions), or from this thread's own copy once loaded.
 *
 * A rebuild segments in a pool of threads with a copy each (`startSegmentPool`).
 * Words added to the dictionary (`insertWords`: names, tags, editors' terms)
 * go to every copy, the one loaded later included (replayed in order).
 *
 * In a packaged app the dictionaries sit outside the asar archive
 * (`asarUnpack`), so we point jieba at them explicitly.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { JiebaThread, type Jieba } from './jieba-thread';
import { SegmentPool } from './segment-pool';

export type { Jieba };


let instance: Jieba | null = null;
const require = createRequire(import.meta.url);
/** The copy in its own thread for queries (no IDF table), until this thread loads jieba (then it is ended). */
let thread: JiebaThread | null = null;
/** The copy in its own thread for keyword extraction (every table), started on first use. */
let keywordThread: JiebaThread | null = null;
/** Every word inserted so far, in order: a copy loaded later gets them too. */
const inserted: string[] = [];
/** Pools of segmenting threads now open (`startSegmentPool`). */
const pools = new Set<SegmentPool>();

/** Files in app.asar are not readable from C++: use the unpacked copies in a packaged app. */
function unpacked(file: string): string {
  const u = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return u !== file && fs.existsSync(u) ? u : file;
}

function dictionaryFiles(nodejieba: Record<string, string>): Record<string, string> {
  const files = {
    dict: unpacked(nodejieba.DEFAULT_DICT),
    hmmDict: unpacked(nodejieba.DEFAULT_HMM_DICT),
    userDict: unpacked(nodejieba.DEFAULT_USER_DICT),
    idfDict: unpacked(nodejieba.DEFAULT_IDF_DICT),
    stopWordDict: unpacked(nodejieba.DEFAULT_STOP_WORD_DICT),
  };
  // cppjieba aborts the whole process on a missing dictionary: check first.
  for (const f of Object.values(files)) {
    if (!fs.existsSync(f)) throw new Error(`jieba 词典缺失：${f}`);
  }
  return files;
}

/** Load jieba on this thread (idempotent). */
export function loadJieba(): Jieba {
  if (instance) return instance;
  const nodejieba = require('nodejieba') as Jieba & { load(opts: Record<string, string>): void } & Record<string, string>;
  nodejieba.load(dictionaryFiles(nodejieba));
  for (const w of inserted) nodejieba.insertWord(w, 'nz');
  instance = nodejieba;
  // Queries use this copy from now on; the threads' copies are given back.
  thread?.close();
  keywordThread?.close();
  thread = keywordThread = null;
  return instance;
}

/**
 * An IDF table of one entry (cppjieba insists on a readable, well-formed file): the query
 * thread never extracts keywords, and loading the real table is a quarter of jieba's load.
 */
function stubIdf(): string {
  const file = path.join(os.tmpdir(), 'baoku-jieba-idf-stub.utf8');
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== IDF_STUB) fs.writeFileSync(file, IDF_STUB);
  return file;
}
const IDF_STUB = '报库 10.0\n';

/** Start loading jieba for queries in a thread of its own, unless it is loaded already (returns at once). */
export function startJieba(): void {
  if (instance || thread) return;
  const nodejieba = require('nodejieba') as Record<string, string>;
  thread = new JiebaThread(require.resolve('nodejieba'), { ...dictionaryFiles(nodejieba), idfDict: stubIdf() }, inserted, false);
}

/** jieba for keyword extraction (`extract`, with `tag` beside it): this thread's copy when loaded, else a full copy in a thread. */
export function keywordJieba(): Jieba {
  if (instance) return instance;
  if (!keywordThread) {
    const nodejieba = require('nodejieba') as Record<string, string>;
    keywordThread = new JiebaThread(require.resolve('nodejieba'), dictionaryFiles(nodejieba), inserted);
  }
  return keywordThread;
}

/**
 * jieba for a query's few short cuts (and any cutting or tagging): this thread's copy when
 * loaded, the query thread's copy otherwise (started if need be; a call waits until it has
 * loaded). Not for `extract`: see `keywordJieba`.
 */
export function queryJieba(): Jieba {
  if (instance) return instance;
  startJieba();
  return thread ?? loadJieba();
}

/**
 * `size` threads with a copy of jieba each (no IDF table), for a rebuild's bulk segmentation
 * (segment-pool.ts); they get every word inserted, before and while they run. `close()` when done.
 */
export function startSegmentPool(size: number): { cut: SegmentPool['cut']; close(): void } {
  const nodejieba = require('nodejieba') as Record<string, string>;
  const pool = new SegmentPool(size, require.resolve('nodejieba'), { ...dictionaryFiles(nodejieba), idfDict: stubIdf() }, inserted);
  pools.add(pool);
  return {
    cut: (runs) => pool.cut(runs),
    close: () => {
      pools.delete(pool);
      pool.close();
    },
  };
}

/** Add words to the dictionary of every copy of jieba, loaded or loaded later. */
export function insertWords(words: string[]): void {
  if (!words.length) return;
  inserted.push(...words);
  if (instance) for (const w of words) instance.insertWord(w, 'nz');
  thread?.insertWords(words);
  keywordThread?.insertWords(words);
  for (const p of pools) p.insertWords(words);
}

let tried: Jieba | null | undefined;

/**
 * jieba for the parser's word checks, or null when its dictionaries cannot be found: those
 * callers then answer without it (a missed join or split, never a crash). Asked once per process.
 */
export function tryLoadJieba(): Jieba | null {
  if (tried !== undefined) return tried;
  try {
    tried = loadJieba();
  } catch {
    tried = null;
  }
  return tried;
}
