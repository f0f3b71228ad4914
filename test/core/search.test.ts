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
    expect(await ids('部门:淄博融媒体中心 2022-01-27')).toContain(hope);
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

describe('the lean search path', () => {
  it('gives the same ids and scores as MiniSearch#search', async () => {
    const { leanSearch } = await import('../../src/core/search/article-index');
    const { tokenizeForQuery } = await import('../../src/core/text/tokenizer');
    for (const q of ['淄博', '希望小屋', '淄博 高新区', '产业集群']) {
      const query = { combineWith: 'AND' as const, queries: tokenizeForQuery(q) };
      const lean = new Map<number, number>();
      leanSearch(a.index.ms, query, (id, score) => lean.set(id, score));
      const full = a.index.ms.search(query);
      expect(full.length).toBeGreaterThan(0);
      expect(lean.size).toBe(full.length);
      for (const r of full) expect(lean.get(r.id as number)).toBeCloseTo(r.score, 9);
    }
  });
});
