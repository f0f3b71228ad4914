/**
 * Saving and loading the index: atomic (temp file + rename), with a
 * fingerprint of what it was built from. A missing, unreadable or stale file
 * means "rebuild", never a wrong answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { ArticleIndex, miniSearchOptions, tagMiniSearchOptions, type DocMeta, type IndexDoc, type TagDoc } from './article-index';

export const INDEX_FILE = 'search-index.json';
/** 3: terms stored under `termKey` (article-index.ts). 4: tags in their own index. */
export const INDEX_FORMAT = 4;

export interface Fingerprint {
  format: number;
  schema: number;
  tokenizer: number;
  dictionary: string;
  articles: number;
  /** Store's change counter when the index was written. */
  generation: number;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.format === b.format &&
    a.schema === b.schema &&
    a.tokenizer === b.tokenizer &&
    a.dictionary === b.dictionary &&
    a.articles === b.articles &&
    a.generation === b.generation
  );
}

export function saveIndex(dir: string, index: ArticleIndex, fp: Fingerprint): void {
  const file = path.join(dir, INDEX_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    // Written in pieces: one JSON.stringify of a big index can exceed V8's string limit.
    fs.writeSync(fd, `{"fingerprint":${JSON.stringify(fp)},"meta":[`);
    let first = true;
    let buf: string[] = [];
    for (const [id, m] of index.meta) {
      buf.push(`${first ? '' : ','}[${id},${JSON.stringify(m)}]`);
      first = false;
      if (buf.length >= 5000) {
        fs.writeSync(fd, buf.join(''));
        buf = [];
      }
    }
    fs.writeSync(fd, buf.join(''));
    fs.writeSync(fd, '],"index":');
    fs.writeSync(fd, JSON.stringify(index.ms));
    fs.writeSync(fd, ',"tags":');
    fs.writeSync(fd, JSON.stringify(index.tagMs));
    fs.writeSync(fd, '}');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Load the saved index if its fingerprint matches `expected`; otherwise null. */
export function loadIndex(dir: string, expected: Fingerprint): { index: ArticleIndex; reason?: undefined } | { index: null; reason: string } {
  const file = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(file)) return { index: null, reason: '没有检索索引' };
  let parsed: { fingerprint: Fingerprint; meta: [number, DocMeta][]; index: unknown; tags: unknown };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { index: null, reason: '检索索引文件已损坏' };
  }
  if (!parsed.fingerprint || !sameFingerprint(parsed.fingerprint, expected)) {
    return { index: null, reason: '检索索引与档案库不一致' };
  }
  try {
    const ms = MiniSearch.loadJS<IndexDoc>(parsed.index as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions());
    const tagMs = MiniSearch.loadJS<TagDoc>(parsed.tags as Parameters<typeof MiniSearch.loadJS>[0], tagMiniSearchOptions());
    const index = new ArticleIndex(ms, tagMs);
    for (const [id, m] of parsed.meta) index.meta.set(id, m);
    if (index.meta.size !== ms.documentCount) return { index: null, reason: '检索索引不完整' };
    return { index };
  } catch {
    return { index: null, reason: '检索索引文件已损坏' };
  }
}

/** Remove leftovers of an interrupted save. */
export function cleanTempFiles(dir: string): void {
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (f.startsWith(INDEX_FILE) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  }
}
