/**
 * The import path taken apart: each piece called directly on the same page
 * files, timed alone — decode + parse, store (a scratch database),
 * segmentation (our tokenizer on every indexed field), index (MiniSearch fed
 * the pre-made tokens) — and the floor: jieba's raw `cutForSearch` over the
 * same title + body text.
 */
import fs from 'node:fs';
import { TextIndex } from '../src/core/search/text-index';
import type { ParsedPage } from '../src/shared/types';
import { decodeBuffer, parsePage, PARSER_VERSION } from '../src/core/ingest';
import { openDatabase, type Db } from '../src/core/store/db';
import { fileHash, storePage } from '../src/core/store/pages';
import { iterateArticles } from '../src/core/store/articles';
import { bylineTags, cleanTagName } from '../src/core/store/tags';
import { articleToDoc, articleToFacts, miniSearchOptions, type IndexDoc } from '../src/core/search/article-index';
import { addWords } from '../src/core/text/tokenizer';
import { loadJieba } from '../src/core/text/jieba';
import type { TokenDoc } from './peers';
import { now, progress } from './measure';

export interface PhaseTimes {
  files: number;
  bytes: number;
  articles: number;
  chars: number;
  decodeParseMs: number;
  storeMs: number;
  segmentMs: number;
  indexMs: number;
  jiebaFloorMs: number;
}

export interface ParsedFile {
  file: string;
  hash: string;
  encoding: string;
  text: string;
  page: ParsedPage;
}

export function decodeAndParse(files: string[], paper: string): { parsed: ParsedFile[]; ms: number; bytes: number } {
  const parsed: ParsedFile[] = [];
  let ms = 0;
  let bytes = 0;
  const tick = progress('解码+解析', files.length);
  files.forEach((file, i) => {
    const buf = fs.readFileSync(file);
    bytes += buf.length;
    const t = now();
    const d = decodeBuffer(buf, file);
    const page = parsePage(d.text, { file, paper });
    ms += now() - t;
    parsed.push({ file, hash: fileHash(buf), encoding: d.encoding, text: d.text, page });
    tick(i + 1);
  });
  return { parsed, ms, bytes };
}

export function storeAll(db: Db, parsed: ParsedFile[]): number {
  const tick = progress('写入数据库', parsed.length);
  const t = now();
  parsed.forEach((p, i) => {
    storePage(db, {
      file: p.file,
      hash: p.hash,
      encoding: p.encoding,
      rawText: p.text,
      paper: p.page.paper,
      date: p.page.date,
      page: p.page.page,
      articles: p.page.articles,
      warnings: p.page.warnings,
      parserVersion: PARSER_VERSION,
    });
    tick(i + 1);
  });
  return now() - t;
}

/** Tokenise every stored article's indexed fields (our tokenizer), and time jieba's raw search mode on the same text. */
export function tokenizeStore(db: Db, total: number): { docs: TokenDoc[]; segmentMs: number; jiebaFloorMs: number; chars: number } {
  const tokenize = miniSearchOptions().tokenize!;
  const jieba = loadJieba();
  const docs: TokenDoc[] = [];
  let segmentMs = 0;
  let jiebaFloorMs = 0;
  let chars = 0;
  const tick = progress('分词', total);
  for (const batch of iterateArticles(db, 1000)) {
    for (const a of batch) {
      const d: IndexDoc = articleToDoc(a);
      const m = articleToFacts(a);
      const t = now();
      const title = tokenize(d.title, 'title').join(' ');
      const body = tokenize(d.body, 'body').join(' ');
      const tags = tokenize(d.names, 'names').join(' ');
      const t1 = now();
      jieba.cutForSearch(`${d.title}\n${d.body}`, true);
      jiebaFloorMs += now() - t1;
      segmentMs += t1 - t;
      chars += d.title.length + d.body.length + 1;
      docs.push({ id: a.id, title, body, tags, meta: { date: m.date ?? '', page: m.page ?? 0, reporters: m.reporters } });
    }
    tick(docs.length);
  }
  return { docs, segmentMs, jiebaFloorMs, chars };
}

/** Our MiniSearch index (text-index.ts), fed the ready tokens: the index phase alone. */
export function indexTokens(docs: TokenDoc[]): number {
  const opts = { ...miniSearchOptions(), tokenize: (s: string) => (s ? s.split(' ') : []) };
  const index = new TextIndex<IndexDoc>(opts);
  const meta = new Map<number, TokenDoc['meta']>();
  const tick = progress('建索引（预分词）', docs.length);
  const t = now();
  docs.forEach((d, i) => {
    index.upsert({ id: d.id, title: d.title, body: d.body, names: d.tags });
    meta.set(d.id, d.meta);
    if (i % 2000 === 0) tick(i);
  });
  return now() - t;
}

/** All phases on a scratch database in `scratchDir`. */
export function runPhases(files: string[], paper: string, scratchDir: string): { times: PhaseTimes; docs: TokenDoc[] } {
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.mkdirSync(scratchDir, { recursive: true });
  const dp = decodeAndParse(files, paper);
  // As the import does: byline names become dictionary words before segmentation.
  const names = new Set<string>();
  for (const p of dp.parsed) for (const a of p.page.articles) for (const t of bylineTags(a)) names.add(cleanTagName(t.kind, t.name));
  addWords(names);
  const { db } = openDatabase(scratchDir);
  const storeMs = storeAll(db, dp.parsed);
  const articles = dp.parsed.reduce((n, p) => n + p.page.articles.length, 0);
  dp.parsed.length = 0;
  const seg = tokenizeStore(db, articles);
  db.close();
  const indexMs = indexTokens(seg.docs);
  return {
    times: {
      files: files.length,
      bytes: dp.bytes,
      articles: seg.docs.length,
      chars: seg.chars,
      decodeParseMs: dp.ms,
      storeMs,
      segmentMs: seg.segmentMs,
      indexMs,
      jiebaFloorMs: seg.jiebaFloorMs,
    },
    docs: seg.docs,
  };
}
