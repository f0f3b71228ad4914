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
}

let instance: Jieba | null = null;
const require = createRequire(import.meta.url);

function dictDir(): string {
  const pkg = require.resolve('nodejieba/package.json');
  let dir = path.join(path.dirname(pkg), 'dict');
  // Packaged Electron app: files in app.asar are not readable from C++.
  const unpacked = dir.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (unpacked !== dir && fs.existsSync(unpacked)) dir = unpacked;
  return dir;
}

/** Load jieba (idempotent). */
export function loadJieba(): Jieba {
  if (instance) return instance;
  const nodejieba = require('nodejieba') as Jieba & { load(opts: Record<string, string>): void };
  const dir = dictDir();
  nodejieba.load({
    dict: path.join(dir, 'jieba.dict.utf8'),
    hmmDict: path.join(dir, 'hmm_model.utf8'),
    userDict: path.join(dir, 'user.dict.utf8'),
    idfDict: path.join(dir, 'idf.utf8'),
    stopWordDict: path.join(dir, 'stop_words.utf8'),
  });
  instance = nodejieba;
  return instance;
}
