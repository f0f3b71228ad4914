/**
 * Letter-spaced pages (a space between every two characters, as some PDF extractors write them)
 * read as the page written normally (src/core/ingest/spacing.ts). The real dev pages, letter-spaced,
 * are read in test/ingest/pages-dev.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest';
import { splitUnits } from '../../src/core/ingest/lines';

/** A space after every Han character or Chinese punctuation mark followed by another (what the extractor does). */
const letterSpace = (text: string) => text.replace(/([\u4e00-\u9fa5，。、：；！？“”（）])(?=[\u4e00-\u9fa5，。、：；！？“”（）])/g, '$1 ');

const read = (text: string) =>
  parsePage(text, { file: '19980120-05.txt' }).articles.map((a) => ({ title: a.title, paragraphs: a.paragraphs.map((p) => p.text), reporters: a.byline?.reporters ?? [] }));

const PAGE = [
  '山村小学有了图书室',
  '本报记者李明',
  '元旦前夕，县里给山村小学送来两千册图书，孩子们第一次有了自己的图书室，课间总围在书架前不肯走。',
  '校长说，图书室还要添一批科普读物，让孩子们从小爱科学、学科学。',
  '城郊菜农冬季不闲',
  '本报讯入冬以来，城郊的菜农们忙着在大棚里种植反季节蔬菜，一棚黄瓜能卖到三千多元，比种粮食多收入一倍还多。',
].join('\n\n');

describe('a letter-spaced page', () => {
  it('reads as the page written normally: the same articles, paragraphs and reporters', () => {
    const want = read(PAGE);
    expect(want.map((a) => a.title)).toEqual(['山村小学有了图书室', '城郊菜农冬季不闲']);
    expect(want[0].reporters).toEqual(['李明']);
    expect(letterSpace(PAGE)).toContain('山 村 小 学');
    expect(read(letterSpace(PAGE))).toEqual(want);
  });

  it('keeps the spaces of a page written normally (a pause in a headline)', () => {
    const page = ['泉州 海丝助力向外看', '　　泉州市去年进出口总值增长一成以上，其中出口增长较快，民营企业成为外贸主力。'].join('\n');
    expect(splitUnits(page)[0].text).toBe('泉州 海丝助力向外看');
  });
});
