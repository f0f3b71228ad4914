/**
 * The articles' folded texts kept in memory (src/core/search/folded-texts.ts): phrase checks and
 * proximity read them instead of each candidate's row. What they must keep: the answers the store
 * itself gives (SQLite's `instr` on the stored text is the reference here), no read of the store
 * once an article's text is kept, a changed article searched as it now reads, and right answers
 * from a memo too small to keep the archive.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { foldedTexts } from '../../src/core/store/articles';
import { FoldedTexts, type ReadTexts } from '../../src/core/search/folded-texts';
import { foldForSearch } from '../../src/core/text/normalize';
import { REPO, idOf, openArchive } from './helpers';
import { readStore, storedRows } from '../support/sqlite';

const PAGES = ['dzrb_20220208_02.txt', 'bjrb_20210105_02.txt', 'dzrb_20220510_05.txt'].map((f) => path.join(REPO, 'test', 'fixtures', 'pages', f));

/** Ids whose stored title or paragraphs hold `phrase` as written (the store's own answer). */
const storeHolders = (a: Archive, phrase: string) =>
  new Set(
    (storedRows(a, "SELECT id FROM articles WHERE part_of IS NULL AND (instr(paragraphs, ?1) > 0 OR instr(title, ?1) > 0 OR instr(coalesce(kicker, ''), ?1) > 0 OR instr(coalesce(subtitle, ''), ?1) > 0)", [phrase]) as { id: number }[]).map((r) => r.id),
  );

describe('folded texts in memory', () => {
  let a: Archive;
  let ids: number[];
  beforeAll(async () => {
    a = await openArchive();
    await a.importSources(expandPaths(PAGES).sources, {});
    await a.checked;
    ids = a.indexedIds();
  });
  afterAll(() => a.close());

  /** A reader of the store that records which ids it was asked for. */
  function recorder(): { read: ReadTexts; asked: number[] } {
    const asked: number[] = [];
    const read: ReadTexts = (want) => {
      asked.push(...want);
      return readStore(a, (db) => foldedTexts(db, want, foldForSearch));
    };
    return { read, asked };
  }

  it('finds what the store finds, and reads no row once the texts are kept; a forgotten article is read again alone', () => {
    const texts = new FoldedTexts();
    const r = recorder();
    expect(texts.fill(ids, r.read)).toBe(true);
    expect(r.asked.sort((x, y) => x - y)).toEqual(ids);
    expect(texts.size).toBe(ids.length);
    r.asked.length = 0;
    for (const phrase of ['停车难', '记者', '北京市', '一个不存在的词组']) expect(texts.holders(ids, phrase, r.read)).toEqual(storeHolders(a, phrase));
    expect(r.asked).toEqual([]);
    texts.forget(ids[1]);
    expect(texts.holders(ids, '记者', r.read)).toEqual(storeHolders(a, '记者'));
    expect(r.asked).toEqual([ids[1]]);
  });

  it('a memo too small for the archive keeps nothing and still answers from the store', () => {
    const texts = new FoldedTexts(10);
    const r = recorder();
    expect(texts.fill(ids, r.read)).toBe(true);
    expect(texts.size).toBe(0);
    expect(texts.holders(ids, '停车难', r.read)).toEqual(storeHolders(a, '停车难'));
    expect(r.asked).toHaveLength(ids.length * 2);
  });

  it('an article corrected after its text was kept is searched as it now reads (phrase and 近/N); its wrong form is still found', async () => {
    const id = await idOf(a, '停车难');
    const before = (await a.getArticle({ id }))!;
    const old = before.paragraphs.find((p) => p.type === 'text')!;
    const index = before.paragraphs.indexOf(old);
    const phrase = (q: string) => a.search({ query: q, limit: 50 }).then((r) => r.hits.map((h) => h.id));
    const oldWords = old.text.replace(/\s+/g, '').slice(0, 8);
    expect(await phrase(`"${oldWords}"`)).toContain(id);
    expect(await phrase('"青藏高原试验田"')).toEqual([]);
    await a.correctArticle({ id, paragraphs: [{ index, text: `青藏高原试验田里，${old.text}` }] });
    expect(await phrase('"青藏高原试验田"')).toEqual([id]);
    expect(await phrase('青藏高原 近/3 试验田')).toEqual([id]);
    // What the correction replaced is still found (store/corrections.ts), as a phrase too.
    await a.correctArticle({ id, paragraphs: [{ index, text: '改写后的段落只有这一句。' }] });
    expect(await phrase('"改写后的段落"')).toEqual([id]);
    expect(await phrase(`"${oldWords}"`)).toContain(id);
  });

  it('a phrase is found only where it starts on a character, never across the bytes of two', () => {
    // `ⵁ乎` is the bytes 41 2D 4E 4E in UTF-16LE; `中` is 2D 4E, which they hold at an odd offset.
    const texts = new FoldedTexts();
    const read: ReadTexts = (want) => new Map(want.map((id) => [id, { parts: [id === 1 ? 'ⵁ乎' : id === 2 ? 'ⵁ乎中' : '乎'] }]));
    expect([...texts.holders([1, 2, 3], '中', read)]).toEqual([2]);
    expect([...texts.holders([1, 2, 3], '乎', read)]).toEqual([1, 2, 3]);
  });
});
