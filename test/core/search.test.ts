import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { sampleArchive, idOf } from './helpers';

let a: Archive;
beforeAll(async () => {
  a = await sampleArchive();
});
afterAll(async () => a.close());

const ids = async (query: string, extra: object = {}) => (await a.search({ query, limit: 100, ...extra })).hits.map((h) => h.id);

describe('search on the sample archive', () => {
  it('finds exactly the article bylined by 陆晓茜', async () => {
    const found = await ids('陆晓茜');
    expect(found).toEqual([await idOf(a, '淄博高新区召开2022年工作会议')]);
  });

  it('ranks the 希望小屋 story first', async () => {
    const res = await a.search({ query: '希望小屋' });
    expect(res.hits[0].title).toContain('希望小屋');
  });

  it('matches 2022年 and TBD (Latin and digit runs kept whole)', async () => {
    const meeting = await idOf(a, '淄博高新区召开2022年工作会议');
    expect(await ids('2022年')).toContain(meeting);
    expect(await ids('TBD')).toEqual([meeting]);
    expect(await ids('tbd')).toEqual([meeting]);
    expect(await ids('ＴＢＤ')).toEqual([meeting]);
  });

  it('checks phrases against the text', async () => {
    const meeting = await idOf(a, '淄博高新区召开2022年工作会议');
    expect(await ids('"生物医药产业集群"')).toEqual([meeting]);
    expect(await ids('生物 集群')).toContain(meeting);
    expect(await ids('"生物 集群"')).toEqual([]);
  });

  it('excludes with -', async () => {
    const all = await ids('淄博');
    const without = await ids('淄博 -希望小屋');
    expect(all.length).toBeGreaterThan(without.length);
    expect(without).not.toContain(await idOf(a, '希望小屋'));
  });

  it('combines alternatives with OR', async () => {
    const either = await ids('希望小屋 OR 行刑衔接');
    expect(either.sort()).toEqual([await idOf(a, '希望小屋'), await idOf(a, '行刑衔接')].sort());
    expect(await ids('希望小屋 行刑衔接')).toEqual([]);
  });

  it('filters by field and by date', async () => {
    const hope = await idOf(a, '希望小屋');
    expect(await ids('淄博 记者:王丽')).toEqual([hope]);
    expect(await ids('记者:王丽')).toEqual([hope]);
    // The date (2022-01-28), not the dateline's (淄博1月27日讯).
    expect(await ids('部门:淄博融媒体中心 2022-01-28')).toContain(hope);
    expect(await ids('部门:淄博融媒体中心 2022-01-27')).toEqual([]);
    expect(await ids('淄博 2021')).toEqual([]);
    expect((await ids('淄博 2022-01')).length).toBeGreaterThan(0);
    expect(await ids('淄博 2022-02-01..2022-03-31')).toEqual([]);
    expect(await ids('淄博 版:3')).toEqual(await ids('淄博'));
    expect(await ids('淄博 版:4')).toEqual([]);
    expect(await ids('淄博', { filters: { reporter: '王丽' } })).toEqual([hope]);
  });

  it('highlights the right characters in snippets', async () => {
    const res = await a.search({ query: '希望小屋' });
    const snips = res.hits[0].snippets;
    expect(snips.length).toBeGreaterThan(0);
    let marked = 0;
    for (const s of snips) {
      for (const [from, to] of s.highlights) {
        expect(s.text.slice(from, to)).toBe('希望小屋');
        marked++;
      }
    }
    expect(marked).toBeGreaterThan(1);
  });

  it('gives facets for the current query', async () => {
    const res = await a.search({ query: '淄博' });
    const reporters = Object.fromEntries(res.facets.reporter);
    expect(reporters['陆晓茜']).toBe(1);
    expect(Object.fromEntries(res.facets.department)['淄博融媒体中心']).toBe(res.facets.department[0][1]);
    expect(res.facets.year.map((y) => y[0])).toEqual(['2022']);
  });

  it('sorts by date and pages through results', async () => {
    const byDate = await a.search({ query: '淄博', sort: 'date' });
    const dates = byDate.hits.map((h) => h.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const first = await a.search({ query: '淄博', sort: 'date', limit: 1, offset: 0 });
    const second = await a.search({ query: '淄博', sort: 'date', limit: 1, offset: 1 });
    expect(first.hits[0].id).toBe(byDate.hits[0].id);
    expect(second.hits[0].id).toBe(byDate.hits[1].id);
    expect(first.total).toBe(byDate.total);
  });

  it('explains malformed queries', async () => {
    for (const q of ['"未闭合', '记者:', '-', 'OR 淄博', '2022-13']) {
      const res = await a.search({ query: q });
      if (q === '2022-13') {
        expect(res.error).toBeUndefined();
        continue;
      }
      expect(res.error, q).toMatch(/[\u4e00-\u9fff]/);
      expect(res.hits).toEqual([]);
    }
  });

  it('finds more like this, excluding the article itself', async () => {
    const meeting = await idOf(a, '淄博高新区召开2022年工作会议');
    const similar = await a.moreLikeThis({ id: meeting });
    expect(similar.map((h) => h.id)).not.toContain(meeting);
  });
});

describe('ranking (ranking.ts) over packed postings', () => {
  const queries = ['淄博', '希望小屋', '淄博 高新区', '产业集群', '陆晓茜', '2022年'];
  const asRank = (t: string[]) => ({ and: t });
  const asMini = (t: string[]) => ({ combineWith: 'AND' as const, queries: t });

  async function compare(index: import('../../src/core/search/text-index').TextIndex<import('../../src/core/search/article-index').IndexDoc>) {
    const { rank } = await import('../../src/core/search/ranking');
    const { tokenizeForQuery } = await import('../../src/core/text/tokenizer');
    const { BOOST } = await import('../../src/core/search/article-index');
    let compared = 0;
    for (const q of queries) {
      const t = tokenizeForQuery(q);
      const ours = new Map<number, number>();
      rank(index, asRank(t), BOOST, (id, score) => ours.set(id, score));
      const theirs = index.ms.search(asMini(t));
      expect(theirs.length, q).toBeGreaterThan(0);
      expect(ours.size, q).toBe(theirs.length);
      for (const r of theirs) expect(ours.get(r.id as number), q).toBeCloseTo(r.score, 9);
      compared += theirs.length;
    }
    // OR of two AND groups, as a query with an OR alternative becomes.
    const or = { or: [asRank(tokenizeForQuery('希望小屋')), asRank(tokenizeForQuery('高新区'))] };
    const ours = new Map<number, number>();
    rank(index, or, BOOST, (id, score) => ours.set(id, score));
    const theirs = index.ms.search({ combineWith: 'OR', queries: [asMini(tokenizeForQuery('希望小屋')), asMini(tokenizeForQuery('高新区'))] });
    expect(ours.size).toBe(theirs.length);
    for (const r of theirs) expect(ours.get(r.id as number)).toBeCloseTo(r.score, 9);
    return compared;
  }

  it('scores as MiniSearch#search does, before and after packing, with replaced articles', async () => {
    const { TextIndex } = await import('../../src/core/search/text-index');
    const { miniSearchOptions, articleToDoc } = await import('../../src/core/search/article-index');
    const ids = (await a.search({ query: '', limit: 1000 })).hits.map((h) => h.id);
    const details = (await Promise.all(ids.map((id) => a.getArticle({ id })))).filter((x) => x !== null);
    const index = new TextIndex(miniSearchOptions());
    for (const d of details) index.upsert(articleToDoc(d));
    expect(await compare(index)).toBeGreaterThan(5);
    // Replace a third of the articles (new short ids, dead postings), then pack and reload.
    for (const d of details.filter((_, i) => i % 3 === 0)) index.upsert(articleToDoc(d));
    expect(index.dirt).toBeGreaterThan(0);
    const packed = index.pack();
    expect(packed.articleIds.length).toBe(details.length);
    const reloaded = new TextIndex(miniSearchOptions(), packed);
    expect(reloaded.documentCount).toBe(details.length);
    expect(await compare(reloaded)).toBeGreaterThan(5);
    // And an overlay on top of a packed base.
    for (const d of details.filter((_, i) => i % 2 === 0)) reloaded.upsert(articleToDoc(d));
    // Discard an article that no compared query needs as its only match (all sample articles share
    // one issue date, so the date order no longer decides which one that is).
    const gone = details.find((d) => !/希望小屋|陆晓茜|产业集群/.test(JSON.stringify(d)))!;
    reloaded.discard(gone.id);
    index.discard(gone.id);
    const ms2 = new TextIndex(miniSearchOptions(), reloaded.pack());
    expect(ms2.documentCount).toBe(details.length - 1);
    expect(await compare(ms2)).toBeGreaterThan(5);
  });
});
