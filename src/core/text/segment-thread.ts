/**
 * One segmenting thread of a rebuild (segment-pool.ts): a copy of nodejieba with the archive's
 * dictionaries and inserted words, reading whole texts into index terms as the archive's own
 * thread would (index-terms.ts): folding, runs, jieba's search mode, the terms numbers yield. So
 * the archive's thread, the rebuild's critical path, is left only numbering and indexing.
 *
 * A request is a list of texts joined by NUL (a text holds none). The thread numbers each term it
 * meets, for its life (one pool per rebuild), and answers with every term as its number (`ids`;
 * `EXTRA_TERM` added for a number's extra term, which is never a stop word), each text's number of
 * terms (`counts`), and the terms it had not met before (`vocab`, joined by spaces: a term holds
 * none; numbered on from `first`). Stop words are kept: the archive's thread leaves them out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { EXTRA_TERM, analyse, indexTerms } from './index-terms';

interface Jieba {
  load(files: Record<string, string>): void;
  insertWord(word: string, tag: string): void;
  cutForSearch(text: string, hmm: boolean): string[];
}

const data = workerData as { module: string; files: Record<string, string>; words: string[] };
const nodejieba = createRequire(import.meta.url)(data.module) as Jieba;
nodejieba.load(data.files);
for (const w of data.words) nodejieba.insertWord(w, 'nz');

// Every term met, by its number. One- and two-character terms (nine in ten) are looked up by their
// UTF-16 code units, not hashed as strings: numbering was a quarter of a thread's time, jieba the rest.
const seen = new Map<string, number>();
const one = new Int32Array(65536).fill(-1);
const two = new Map<number, number>();
let met = 0;

function numberOf(w: string, vocab: string[]): number {
  if (w.length === 1) {
    const c = w.charCodeAt(0);
    if (one[c] < 0) {
      one[c] = met++;
      vocab.push(w);
    }
    return one[c];
  }
  if (w.length === 2) {
    const key = w.charCodeAt(0) * 65536 + w.charCodeAt(1);
    let id = two.get(key);
    if (id === undefined) {
      two.set(key, (id = met++));
      vocab.push(w);
    }
    return id;
  }
  let id = seen.get(w);
  if (id === undefined) {
    seen.set(w, (id = met++));
    vocab.push(w);
  }
  return id;
}

interface Request {
  id?: number;
  texts?: string;
  insert?: string[];
  close?: boolean;
}

parentPort!.on('message', (m: Request) => {
  if (m.close) return parentPort!.close();
  if (m.insert) {
    for (const w of m.insert) nodejieba.insertWord(w, 'nz');
    return;
  }
  let reply;
  try {
    const texts = m.texts!.split('\0');
    const counts = new Uint32Array(texts.length);
    const first = met;
    const vocab: string[] = [];
    let ids = new Uint32Array(4096);
    let n = 0;
    const han = (run: string, push: (t: number) => void) => {
      for (const w of nodejieba.cutForSearch(run, true)) push(numberOf(w, vocab));
    };
    const term = (t: string, kind: 'word' | 'extra') => numberOf(t, vocab) + (kind === 'extra' ? EXTRA_TERM : 0);
    for (let i = 0; i < texts.length; i++) {
      const terms = indexTerms(analyse(texts[i]), term, han);
      counts[i] = terms.length;
      if (n + terms.length > ids.length) {
        const more = new Uint32Array(Math.max(ids.length * 2, n + terms.length));
        more.set(ids);
        ids = more;
      }
      ids.set(terms, n);
      n += terms.length;
    }
    reply = { id: m.id, first, vocab: vocab.join(' '), words: vocab.length, ids: ids.slice(0, n), counts };
  } catch (err) {
    reply = { id: m.id, error: String((err as Error)?.message ?? err) };
  }
  parentPort!.postMessage(reply);
});
