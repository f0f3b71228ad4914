/**
 * A rebuild's two shortcuts must not change the index it gives: the text segmented ahead in
 * threads of their own (text/segment-pool.ts, `AheadSegmenter` in text/tokenizer.ts) gives the
 * terms this thread's jieba gives, and the packed index written in one pass
 * (search/packed-builder.ts, search/index-builder.ts) is the one MiniSearch's adding and packing
 * give. Checked on every fixture page, with an editor's tag, a correction and traditional text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { iterateArticles } from '../../src/core/store/articles';
import { searchable } from '../../src/core/store/continuations';
import { withConnection } from '../../src/core/store/db';
import { ArticleIndex, indexedTexts } from '../../src/core/search/article-index';
import { ArticleIndexBuilder } from '../../src/core/search/index-builder';
import { TEXT_FILE } from '../../src/core/search/persist';
import { startSegmentPool } from '../../src/core/text/jieba';
import { SegmentPool } from '../../src/core/text/segment-pool';
import { DEFAULT_STOP_WORDS } from '../../src/core/text/stopwords';
import { addWords, AheadSegmenter, EXTRA_TERM, setStopWords, tokenizeForIndex } from '../../src/core/text/tokenizer';
import type { ArticleDetail } from '../../src/shared/types';
import { REPO, tempDir } from './helpers';

const PAGES = path.join(REPO, 'test', 'fixtures', 'pages');

/** A section file's content without its random id: the header's sections and CRCs, then the data. */
function sectionFile(file: string): { header: unknown; data: Buffer } {
  const buf = fs.readFileSync(file);
  const len = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as { id?: string };
  delete header.id;
  return { header, data: buf.subarray(12 + len) };
}

describe('a rebuild', () => {
  let dir: string;
  let articles: ArticleDetail[];

  beforeAll(async () => {
    dir = tempDir();
    const a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
    const reports = await a.importSources(expandPaths([PAGES]).sources, {});
    expect(reports.filter((r) => r.status === 'imported').length).toBeGreaterThan(20);
    const hits = (await a.search({ query: '经济' })).hits;
    await a.changeTags({ ids: hits.slice(0, 5).map((h) => h.id), add: [{ kind: 'topic', name: '重建检查' }] });
    await a.correctArticle({ id: hits[0].id, title: '校對後的標題：臺灣經濟' });
    await a.close();
    articles = withConnection(dir, (db) => [...iterateArticles(db, 100)].flat())
      .map(searchable)
      .filter((d): d is ArticleDetail => d !== null);
    expect(articles.length).toBeGreaterThan(100);
    expect(articles.some((x) => x.tags.some((t) => t.name === '重建检查'))).toBe(true);
    expect(articles.some((x) => x.replacedText)).toBe(true);
  });

  it("reads only the index's columns and builds the index the full rows give", () => {
    const narrow = withConnection(dir, (db) => [...iterateArticles(db, 100, 'index')].flat())
      .map(searchable)
      .filter((d): d is ArticleDetail => d !== null);
    const full = new ArticleIndexBuilder();
    const lean = new ArticleIndexBuilder();
    for (const x of articles) full.add(x);
    for (const x of narrow) lean.add(x);
    const [a, b] = [full.finish(), lean.finish()];
    expect(b.compactText()).toEqual(a.compactText());
    expect(b.compactTags()).toEqual(a.compactTags());
    expect(b.facts.toColumns()).toEqual(a.facts.toColumns());
    // The facts hold a corrected article as corrected, and the rows leave out what the index never reads.
    expect(narrow.filter((x) => x.corrected).map((x) => x.id)).toEqual(articles.filter((x) => x.corrected).map((x) => x.id));
    expect(narrow.filter((x) => x.corrected)).not.toHaveLength(0);
    expect(narrow.every((x) => x.dateline === undefined && x.warnings.length === 0)).toBe(true);
  });

  it('written in one pass, equals the index MiniSearch adds to and packs', () => {
    const added = new ArticleIndex();
    const built = new ArticleIndexBuilder();
    for (const x of articles) {
      added.upsert(x);
      built.add(x);
    }
    const index = built.finish();
    expect(index.compactText()).toEqual(added.compactText());
    expect(index.compactTags()).toEqual(added.compactTags());
    expect(index.facts.toColumns()).toEqual(added.facts.toColumns());
    expect(index.size).toBe(articles.length);
  });

  it('segmented in threads, gives the terms of this thread, words added meanwhile included', async () => {
    const texts = articles.flatMap((x) => indexedTexts(x));
    // Terms numbered as a rebuild's builder numbers them; read back as words.
    const numbered: string[] = [];
    const numbers = new Map<string, number>();
    const intern = (t: string) => numbers.get(t) ?? (numbers.set(t, numbered.length), numbered.push(t) - 1);
    const words = (m: Map<string, number[]> | null, t: string) => m?.get(t)?.map((n) => numbered[n]);
    const pool = startSegmentPool(2);
    const segmenter = new AheadSegmenter(pool.cut, intern);
    try {
      const ahead = await segmenter.segment(texts);
      expect(ahead).not.toBeNull();
      for (const t of texts.filter(Boolean)) expect(words(ahead, t)).toEqual(tokenizeForIndex(t));

      // A word added while a batch is being cut: that batch is refused (its terms may be stale),
      // the next one is cut with the word.
      const text = '省里新设了琅琊湾经济带协调办公室。';
      expect(tokenizeForIndex(text)).not.toContain('琅琊湾经济带');
      const during = segmenter.segment([text]);
      addWords(['琅琊湾经济带']);
      expect(await during).toBeNull();
      const after = await segmenter.segment([text]);
      expect(words(after, text)).toContain('琅琊湾经济带');
      expect(words(after, text)).toEqual(tokenizeForIndex(text));

      // Stop words changed after the threads named their words: the words are numbered again.
      setStopWords([...DEFAULT_STOP_WORDS, '办公室']);
      const stopped = await segmenter.segment([text]);
      expect(words(stopped, text)).not.toContain('办公室');
      expect(words(stopped, text)).toEqual(tokenizeForIndex(text));
    } finally {
      setStopWords(DEFAULT_STOP_WORDS);
      pool.close();
    }
  });

  it('with threads or without, writes the same index files', async () => {
    const files: { header: unknown; data: Buffer }[] = [];
    for (const segmentThreads of [2, 0]) {
      const log: string[] = [];
      const a = await Archive.open({ dir, autoBackup: false, segmentThreads, log: (m) => log.push(m) });
      try {
        await a.rebuildIndex();
        expect(log.filter((m) => m.includes('分词线程'))).toEqual([]); // the threads did the cutting: no fallback
        expect(a.indexMismatches()).toEqual([]);
        expect((await a.search({ query: '重建检查' })).total).toBe(5);
        expect((await a.search({ query: '"臺灣經濟"' })).total).toBeGreaterThan(0);
      } finally {
        await a.close();
      }
      files.push(sectionFile(path.join(dir, TEXT_FILE)));
    }
    expect(files[0].header).toEqual(files[1].header);
    expect(files[0].data.equals(files[1].data)).toBe(true);
  });
});

describe('the segmenting threads', () => {
  let pool: ReturnType<typeof startSegmentPool>;
  afterAll(() => pool?.close());

  it('answer texts in the order given with the terms of this thread, name each term once per thread, none for an empty list, and refuse work once closed', async () => {
    pool = startSegmentPool(2);
    const texts = ['中华人民共和国成立', '淄博高新区2022年GDP增长5.5%', '的', '一九九六年\n的'];
    // Each thread's terms, by its numbers, as its answers name them (a number's extra terms marked +).
    const known: string[][] = [];
    const read = (shares: Awaited<ReturnType<typeof pool.cut>>) =>
      shares.flatMap((cuts) => {
        const words = (known[cuts.thread] ??= []);
        expect(cuts.first).toBe(words.length);
        words.push(...cuts.vocab);
        let at = 0;
        return Array.from(cuts.counts, (n) => Array.from(cuts.ids.subarray(at, (at += n)), (id) => (id >= EXTRA_TERM ? `+${words[id - EXTRA_TERM]}` : words[id])));
      });
    const shares = await pool.cut(texts);
    expect(shares.map((s) => s.thread)).toEqual([0, 1]); // one share per thread, each a part of the texts in order
    const each = read(shares);
    expect(each).toHaveLength(texts.length);
    // What this thread's tokenizer gives, stop words kept (the archive's thread leaves them out).
    setStopWords([]);
    try {
      expect(each.map((terms) => terms.map((t) => t.replace(/^\+/, '')))).toEqual(texts.map((t) => tokenizeForIndex(t)));
    } finally {
      setStopWords(DEFAULT_STOP_WORDS);
    }
    expect(each[1]).toEqual(expect.arrayContaining(['高新区', '2022', '+2022年', 'gdp', '5.5%', '+5.5']));
    expect(each[3].filter((t) => t.startsWith('+'))).toEqual(['+1996', '+1996年']);
    expect(each[3]).toContain('的');
    // The same texts again: the same terms, none of them named again.
    const again = await pool.cut(texts);
    expect(again.flatMap((s) => s.vocab)).toEqual([]);
    expect(read(again)).toEqual(each);
    expect(await pool.cut([])).toEqual([]);
    pool.close();
    await expect(pool.cut(texts)).rejects.toThrow(/分词线程/);
  });

  it('reject, and do not hang, when a thread cannot load jieba (the rebuild then segments on its own thread)', async () => {
    const broken = new SegmentPool(1, path.join(REPO, 'no-such-nodejieba'), {}, []);
    await expect(broken.cut(['淄博高新区'])).rejects.toThrow(/no-such-nodejieba|分词线程/);
    broken.close();
  });
});
