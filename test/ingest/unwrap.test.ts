/**
 * Pages folded at a fixed width (copied out of a PDF or a terminal, `fold -w`) read as the same
 * articles and paragraphs as the page unfolded (src/core/ingest/unwrap.ts). The real dev pages,
 * folded, are read in test/ingest/pages-dev.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fold } from '../support/damage';
import { parsePage } from '../../src/core/ingest';
import { explainPage, formatExplained } from '../../src/core/ingest/explain';
import { splitUnits } from '../../src/core/ingest/lines';
import { unfoldLines } from '../../src/core/ingest/unwrap';

const read = (text: string) =>
  parsePage(text, { file: '19980120-05.txt' }).articles.map((a) => ({ title: a.title, kicker: a.kicker, paragraphs: a.paragraphs.map((p) => p.text) }));

const PAGE_1998 = [
  '山村小学有了图书室',
  '本报讯元旦前夕，县里给山村小学送来两千册图书，孩子们第一次有了自己的图书室，课间总围在书架前不肯走，老师们说这是最好的新年礼物。',
  '校长说，图书室还要添一批科普读物，让孩子们从小爱科学、学科学，今年春天还要请县城的老师来给孩子们讲一讲怎样读书。',
  '（李明）',
  '城郊菜农冬季不闲',
  '本报讯入冬以来，城郊的菜农们忙着在大棚里种植反季节蔬菜，一棚黄瓜能卖到三千多元，比种粮食多收入一倍还多。',
  '区里的农技站派出技术员，手把手地教菜农们控温、施肥和防治病虫害，“有了技术员，我们心里就有底了。”一位菜农说。',
].join('\n\n');

const PAGE_EPAPER = [
  '新春走基层——',
  '山村小学有了图书室',
  '　　本报记者  李明',
  '　　元旦前夕，县里给山村小学送来两千册图书，孩子们第一次有了自己的图书室，课间总围在书架前不肯走。',
  '　　校长说，图书室还要添一批科普读物，让孩子们从小爱科学、学科学，今年春天还要请县城的老师来讲一讲怎样读书。',
  '城郊菜农冬季不闲',
  '　　入冬以来，城郊的菜农们忙着在大棚里种植反季节蔬菜，一棚黄瓜能卖到三千多元，比种粮食多收入一倍还多。',
  '　　区里的农技站派出技术员，手把手地教菜农们控温、施肥和防治病虫害，菜农们说心里有底了。',
].join('\n');

describe('a page folded at a fixed width', () => {
  it('reads a 1998-style page (blank lines between paragraphs) as it reads the page unfolded', () => {
    const want = read(PAGE_1998);
    expect(want.map((a) => a.title)).toEqual(['山村小学有了图书室', '城郊菜农冬季不闲']);
    for (const width of [16, 22, 30]) expect(read(fold(PAGE_1998, width)), `folded at ${width}`).toEqual(want);
    // `baoku parse --explain` says so in its layout line; of the page as written, not.
    expect(formatExplained(explainPage(fold(PAGE_1998, 22))).split('\n')[0]).toContain('定宽折行');
    expect(formatExplained(explainPage(PAGE_1998)).split('\n')[0]).not.toContain('定宽折行');
  });

  it('reads e-paper text (indented paragraphs, headline lines flush) with its headline block kept apart', () => {
    const want = read(PAGE_EPAPER);
    expect(want.map((a) => [a.kicker, a.title])).toEqual([
      ['新春走基层——', '山村小学有了图书室'],
      [undefined, '城郊菜农冬季不闲'],
    ]);
    for (const width of [18, 24]) expect(read(fold(PAGE_EPAPER, width)), `folded at ${width}`).toEqual(want);
  });

  it('leaves rows of one width that each end whole (a list of names and places) as they are', () => {
    const rows = ['北京市海淀区中关村第一小学', '上海市浦东新区建平实验中学', '广东省广州市越秀区育才学校', '湖北省武汉市江岸区实验小学', '四川省成都市锦江区盐道街小学'];
    const list = ['全国优秀少先队集体名单', ...rows].join('\n');
    expect(unfoldLines(splitUnits(list)).map((u) => u.text)).toEqual(['全国优秀少先队集体名单', ...rows]);
  });
});
