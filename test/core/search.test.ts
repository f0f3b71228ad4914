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
    // No article has both: the best partial matches, each with the word it lacks (issue 15).
    const both = await a.search({ query: '希望小屋 行刑衔接', limit: 100 });
    expect(both.partial).toEqual({ matched: 1, of: 2, message: '没有同时包含全部词语的文章；以下结果包含其中 1 个' });
    const hopeId = await idOf(a, '希望小屋');
    expect(both.hits.find((h) => h.id === hopeId)?.missing).toEqual(['行刑衔接']);
    for (const h of both.hits) expect(h.missing?.length).toBe(1);
    // The matching core counts exact matches only: none here, partial ones are not matches.
    expect(a.matchCount({ query: '希望小屋 行刑衔接' })).toBe(0);
    expect(a.matchCount({ query: '希望小屋 OR 行刑衔接' })).toBe(either.length);
  });

  it('filters by field and by date', async () => {
    const hope = await idOf(a, '希望小屋');
    expect(await ids('淄博 记者:王丽')).toEqual([hope]);
    expect(await ids('记者:王丽')).toEqual([hope]);
    expect(await ids('部门:淄博融媒体中心 2022-01-28')).toContain(hope);
    // The dateline's day (1月27日) is not the issue's: the article is dated 2022-01-28.
    expect(await ids('希望小屋 2022-01-27')).toEqual([]);
    // A bare year is the article's date or a number in it: the 2022 work report mentions 2021.
    expect(await ids('淄博 2021..2021')).toEqual([]);
    const mention2021 = await ids('淄博 2021');
    expect(mention2021.length).toBeGreaterThan(0);
    for (const id of mention2021) {
      const art = (await a.getArticle({ id }))!;
      expect([art.title, ...art.paragraphs.map((p) => p.text)].join('\n').normalize('NFKC')).toContain('2021');
    }
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
      expect(res.error, q).toMatch(/[\u4e00-\u9fff]/);
      expect(res.hits).toEqual([]);
    }
  });

  it('takes only decimal page numbers after 版:', async () => {
    const { hits } = await a.search({ query: '淄博', limit: 1 });
    const page = hits[0].page!;
    const onPage = await ids(`版:${page}`);
    expect(onPage).toContain(hits[0].id);
    expect(await ids(`版:${String.fromCharCode(0xff10 + page)}`)).toEqual(onPage);
    expect(await ids(`版:第${page}版`)).toEqual(onPage);
    for (const v of [`0x${page}`, `${page}e0`, `${page}.0`, `+${page}`, '0', '1000', '三']) {
      const res = await a.search({ query: `淄博 版:${v}` });
      expect(res.error, v).toBe(`“${v}”不是版面号：版面号要写成 1 到 999 的数字，例如：版:3`);
      expect(res.hits).toEqual([]);
    }
  });

  it('says an impossible date is one instead of searching for it as a word', async () => {
    const cases: [string, string][] = [
      ['2022-02-30', '日期无效：2022-02-30（2022年2月只有28天）'],
      ['淄博 2022/4/31', '日期无效：2022/4/31（2022年4月只有30天）'],
      ['２０２２－０２－３０', '日期无效：2022-02-30（2022年2月只有28天）'],
      ['2022-13', '日期无效：2022-13（月份要在 1 到 12 之间）'],
      ['2022-01-01..2022-02-30', '日期无效：2022-02-30（2022年2月只有28天）'],
    ];
    for (const [q, message] of cases) {
      const res = await a.search({ query: q });
      expect(res.error, q).toBe(message);
      expect(res.hits).toEqual([]);
    }
    // Real dates still narrow; a leap day is one; a number that is no date stays a word.
    expect((await a.search({ query: '淄博 2022-01-01..2022-02-28' })).error).toBeUndefined();
    expect((await a.search({ query: '2024-02-29' })).error).toBeUndefined();
    expect((await a.search({ query: '1234.56' })).error).toBeUndefined();
  });

  it('says a quoted stop word is too common to search alone, and keeps it out of a longer query', async () => {
    for (const q of ['"的"', '的', '“的”', '"我们" OR 了']) {
      const res = await a.search({ query: q });
      expect(res.error, q).toMatch(/^“.+”太常见，几乎每篇文章都有，不能单独检索：请和别的词一起查$/);
      expect(res.hits).toEqual([]);
    }
    expect((await a.search({ query: '"的"' })).error).toBe('“的”太常见，几乎每篇文章都有，不能单独检索：请和别的词一起查');
    expect((await a.search({ query: '"。"' })).error).toBe('“。”里没有可以检索的字或词');
    expect(await ids('"的" 淄博')).toEqual(await ids('淄博'));
    expect(await ids('淄博')).not.toEqual([]);
  });

  it('finds more like this, excluding the article itself', async () => {
    const meeting = await idOf(a, '淄博高新区召开2022年工作会议');
    const similar = await a.moreLikeThis({ id: meeting });
    // Not vacuous: the sample's other articles share its words, so some are found.
    expect(similar.length).toBeGreaterThan(0);
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
    // (Not an article the queries need: the 行刑衔接 story holds none of their words alone.)
    const gone = details.find((d) => d.title.startsWith('行刑衔接'))!.id;
    reloaded.discard(gone);
    index.discard(gone);
    const ms2 = new TextIndex(miniSearchOptions(), reloaded.pack());
    expect(ms2.documentCount).toBe(details.length - 1);
    expect(await compare(ms2)).toBeGreaterThan(5);
  });

  it('refuses MiniSearch operations that would lose the packed postings, and keeps answering after', async () => {
    const { TextIndex } = await import('../../src/core/search/text-index');
    const { miniSearchOptions, articleToDoc } = await import('../../src/core/search/article-index');
    const ids = (await a.search({ query: '', limit: 1000 })).hits.map((h) => h.id);
    const details = (await Promise.all(ids.map((id) => a.getArticle({ id })))).filter((x) => x !== null);
    const built = new TextIndex(miniSearchOptions());
    for (const d of details) built.upsert(articleToDoc(d));
    const index = new TextIndex(miniSearchOptions(), built.pack());
    expect(() => index.ms.removeAll()).toThrow(/removeAll\(\) would drop the packed postings/);
    await expect(index.ms.vacuum()).rejects.toThrow(/pack\(\) is the vacuum/);
    expect(index.documentCount).toBe(details.length);
    expect(await compare(index)).toBeGreaterThan(5);
  });

  it('keeps the packed terms in byte order when an overlay brings new terms, and finds every one', async () => {
    const { TextIndex } = await import('../../src/core/search/text-index');
    const { miniSearchOptions, articleToDoc } = await import('../../src/core/search/article-index');
    const ids = (await a.search({ query: '', limit: 1000 })).hits.map((h) => h.id);
    const details = (await Promise.all(ids.map((id) => a.getArticle({ id })))).filter((x) => x !== null);
    const all = new TextIndex(miniSearchOptions());
    for (const d of details) all.upsert(articleToDoc(d));
    // A base of every other article, then the rest on top: their own words are new terms.
    const half = new TextIndex(miniSearchOptions());
    details.forEach((d, i) => i % 2 === 0 && half.upsert(articleToDoc(d)));
    const grown = new TextIndex(miniSearchOptions(), half.pack());
    details.forEach((d, i) => i % 2 === 1 && grown.upsert(articleToDoc(d)));
    const packed = grown.pack();
    const { termBytes, termOffset } = packed.terms;
    const terms: string[] = [];
    for (let i = 0; i + 1 < termOffset.length; i++) terms.push(Buffer.from(termBytes.subarray(termOffset[i], termOffset[i + 1])).toString('utf8'));
    const expected = [...new Set([...all.store].map(([t]) => t))].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect(terms).toEqual(expected);
    const reloaded = new TextIndex(miniSearchOptions(), packed);
    for (const t of expected) expect(reloaded.store.has(t), t).toBe(true);
    expect(reloaded.store.has('不在索引里的词')).toBe(false);
    expect(await compare(reloaded)).toBeGreaterThan(5);
  });
});

describe('did you mean', () => {
  it('offers the name in the archive one character away from a misspelt query word', async () => {
    // 陆晓茜 signs a story on the sample page; a reporter remembers 陆晓倩 (or 陆小茜).
    const res = await a.search({ query: '陆晓倩 淄博' });
    expect(res.suggestion).toEqual({ query: '陆晓茜 淄博', message: '你是不是要找：陆晓茜' });
    const mended = await a.search({ query: res.suggestion!.query });
    expect(mended.partial).toBeUndefined();
    expect(mended.total).toBeGreaterThan(0);
    expect(mended.suggestion).toBeUndefined();
    // In a field too, and never for a word that is already a name.
    expect((await a.search({ query: '记者:陆小茜' })).suggestion?.query).toBe('记者:陆晓茜');
    expect((await a.search({ query: '陆晓茜' })).suggestion).toBeUndefined();
    expect((await a.search({ query: '量子纠缠' })).suggestion).toBeUndefined();
  });
});
