/**
 * 繁体 / 简体 (issue 18): a query in either script finds text in both, with
 * the match highlighted on the characters as printed. Pages in
 * test/fixtures/fanjian, written for these tests: 港岛日报 in traditional
 * characters (Hong Kong style), 京华日报 in simplified.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { keywords, tokenizeForIndex, queryWords } from '../../src/core/text/tokenizer';
import { findTerms, prepareTerms } from '../../src/shared/find-terms';
import { idOf, openArchive, REPO, tempDir } from './helpers';

const DIR = path.join(REPO, 'test', 'fixtures', 'fanjian');
const FILES = fs.readdirSync(DIR).map((f) => path.join(DIR, f));

let a: Archive;
let hk: number; // 香港特別行政區慶祝回歸二十五周年 (traditional)
let deng: number; // 鄧小平南巡講話三十周年座談會舉行 (traditional)
let bj: number; // 各界人士座谈香港回归二十五周年 (simplified)
let barber: number; // 老城区理发店的三十年 (simplified)
const dir = tempDir();

beforeAll(async () => {
  a = await openArchive(dir);
  await a.importSources(expandPaths(FILES).sources, {});
  hk = await idOf(a, '香港特別行政區慶祝');
  deng = await idOf(a, '鄧小平南巡');
  bj = await idOf(a, '各界人士座谈');
  barber = await idOf(a, '老城区理发店');
});
afterAll(async () => a.close());

const ids = async (query: string) => (await a.search({ query, limit: 100 })).hits.map((h) => h.id).sort((x, y) => x - y);
const sorted = (...xs: number[]) => xs.sort((x, y) => x - y);

describe('繁简 in search', () => {
  it('jieba cuts traditional text into the words of its simplified form', () => {
    expect(tokenizeForIndex('香港特別行政區政府今天舉行升旗儀式')).toEqual(tokenizeForIndex('香港特别行政区政府今天举行升旗仪式'));
    expect(queryWords('臺灣經貿往來')).toEqual(queryWords('台湾经贸往来'));
    expect(tokenizeForIndex('理髮師傅剪過頭髮')).toContain('头发');
  });

  it('`台湾 回归` finds 臺灣 … 回歸 (and the simplified article)', async () => {
    expect(await ids('台湾 回归')).toEqual(sorted(hk, bj));
    expect(await ids('臺灣 回歸')).toEqual(sorted(hk, bj));
  });

  it('reads a traditional byline, and a reporter filter in either script finds the name as printed', async () => {
    const article = await a.getArticle({ id: hk });
    expect(article?.tags.filter((t) => t.kind === 'reporter').map((t) => t.name)).toEqual(['陳嘉欣']);
    expect(article?.dateline?.raw).toBe('本報香港7月1日訊');
    expect(await ids('记者:陈嘉欣')).toEqual([hk]);
    expect(await ids('记者:陳嘉欣')).toEqual([hk]);
    expect((await a.search({ query: '', filters: { reporter: '黄志伟' }, limit: 10 })).hits.map((h) => h.id)).toEqual([deng]);
  });

  it('a quoted simplified phrase finds it in traditional text, and the other way round', async () => {
    expect(await ids('"香港特别行政区"')).toEqual(sorted(hk, bj));
    expect(await ids('"香港特別行政區"')).toEqual(sorted(hk, bj));
    // A phrase that only the traditional article holds, in its middle.
    expect(await ids('"增建公营房屋"')).toEqual([hk]);
    expect(await ids('"剪过头发"')).toEqual([deng]);
    // Not found where the words stand apart.
    expect(await ids('"香港特别行政区成立以来"')).toEqual([bj]);
  });

  it('a traditional query finds simplified text: 鄧小平 → 邓小平', async () => {
    expect(await ids('鄧小平')).toEqual(sorted(deng, bj));
    expect(await ids('邓小平')).toEqual(sorted(deng, bj));
    expect(await ids('頭髮')).toEqual(sorted(deng, barber));
    expect(await ids('理發店')).toEqual([barber]);
  });

  it('proximity and exclusion work across scripts', async () => {
    expect(await ids('台湾 近/3 经贸')).toEqual([hk]);
    expect(await ids('"臺灣 經貿"~2')).toEqual([hk]);
    expect(await ids('"台湾 往来"~0')).toEqual([]);
    expect(await ids('同段:(邓小平 構想)')).toEqual(sorted(deng, bj));
    expect(await ids('回归 -"特別行政區政府"')).toEqual([bj]);
    expect(await ids('回归 -臺灣')).toEqual([]);
  });

  it('more like this reads a traditional article as simplified', async () => {
    const words = keywords('紀念鄧小平南巡講話發表三十周年座談會今天在深圳舉行。與會學者回顧改革開放以來的發展歷程。', 8).map((k) => k.word);
    expect(words).toContain('邓小平');
    expect(words).not.toContain('鄧小平');
    expect((await a.moreLikeThis({ id: deng })).map((h) => h.id)).toContain(bj);
  });

  it('snippets show the text as printed, highlights on the original characters', async () => {
    const res = await a.search({ query: '台湾 香港特别行政区', limit: 10 });
    const hit = res.hits.find((h) => h.id === hk)!;
    const marked = hit.snippets.flatMap((s) => s.highlights.map(([x, y]) => s.text.slice(x, y)));
    expect(marked).toContain('臺灣');
    expect(marked.some((m) => m.includes('特別行政區'))).toBe(true);
    expect(hit.snippets.map((s) => s.text).join('')).toContain('香港與臺灣的經貿往來');
    // Nothing marked that is not a query word in one script or the other.
    for (const m of marked) expect(['臺灣', '香港', '特別', '行政', '行政區', '特別行政區', '香港特別行政區']).toContain(m);
  });

  it('export highlighting marks the traditional characters', () => {
    const text = '香港與臺灣的經貿往來近年保持穩定';
    const [r] = findTerms(text, prepareTerms(['台湾']));
    expect(text.slice(r[0], r[1])).toBe('臺灣');
    // Terms given in traditional fold too.
    const [r2] = findTerms('两岸同胞血浓于水，台湾青年', prepareTerms(['臺灣']));
    expect('两岸同胞血浓于水，台湾青年'.slice(r2[0], r2[1])).toBe('台湾');
  });

  it('survives reopening the archive (the index written to disk knows the traditional articles)', async () => {
    await a.close();
    a = await openArchive(dir);
    expect(await ids('"香港特别行政区"')).toEqual(sorted(hk, bj));
    expect(await ids('"剪过头发"')).toEqual([deng]);
  });
});
