/**
 * The one place nodejieba is loaded.
 *
 * nodejieba opens its dictionaries from C++ on first use (a second or two).
 * `loadJieba()` does it once per process (call it from a worker, never on a
 * keystroke's path). In a packaged app the dictionaries sit outside the asar
 * archive (`asarUnpack`), so we point jieba at them explicitly.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';

export interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
  extract(text: string, topN: number): { word: string; weight: number }[];
  tag(text: string): { word: string; tag: string }[];
}

let instance: Jieba | null = null;
const require = createRequire(import.meta.url);

/** Files in app.asar are not readable from C++: use the unpacked copies in a packaged app. */
function unpacked(file: string): string {
  const u = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return u !== file && fs.existsSync(u) ? u : file;
}

/** Load jieba (idempotent). */
export function loadJieba(): Jieba {
  if (instance) return instance;
  const nodejieba = require('nodejieba') as Jieba & { load(opts: Record<string, string>): void } & Record<string, string>;
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
  nodejieba.load(files);
  instance = nodejieba;
  return instance;
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
