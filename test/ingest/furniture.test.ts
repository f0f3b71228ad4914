/** The page's own header or footer names its paper, date and page (furniture.ts), whatever the file is called. */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest';

const ARTICLE = '中亚五国首脑会晤\n\n新华社莫斯科１月５日电中亚五国首脑５日在阿什哈巴德举行会晤，讨论地区合作问题。\n';

describe("a page's header", () => {
  it.each([
    ['人民日报　1998年1月9日　星期五　第3版', { paper: '人民日报', date: '1998-01-09', page: 3 }],
    ['人民日报 1998.01.09 第3版', { paper: '人民日报', date: '1998-01-09', page: 3 }],
    ['2019-02-10 人民日报 第04版', { paper: '人民日报', date: '2019-02-10', page: 4 }],
    ['人民日报 2019/2/10 星期日', { paper: '人民日报', date: '2019-02-10', page: undefined }],
    ['人民日报海外版 2019年2月10日 第4版', { paper: '人民日报海外版', date: '2019-02-10', page: 4 }],
    ['《 人民日报 》（ 2021年01月05日 01 版）', { paper: '人民日报', date: '2021-01-05', page: 1 }],
  ])('%s', (header, want) => {
    const page = parsePage(`${header}\n\n${ARTICLE}`, { file: 'page.txt' });
    expect({ paper: page.paper, date: page.date, page: page.page }).toEqual(want);
    // The header is furniture, not an article's text.
    expect(page.articles.map((a) => a.title)).toEqual(['中亚五国首脑会晤']);
  });

  it('reads no date from digits that are no date, nor from digits in running text', () => {
    expect(parsePage(`第3版 要闻 2019.13.45\n\n${ARTICLE}`, { file: 'page.txt' }).date).toBeUndefined();
    const text = `中亚五国首脑会晤\n\n新华社莫斯科１月５日电会晤定于2019.02.10举行，人民日报记者在场。\n`;
    expect(parsePage(text, { file: 'page.txt' }).date).toBeUndefined();
  });
});

describe("the page's staff", () => {
  it.each(['本版责编：王小明  版式设计：李红', '(责编：王小明、李红)', '（本版责编：王小明 版式设计：李红）', '【责任编辑：王小明】'])('%s under the article is no part of its text, nor its byline', (staff) => {
    const text = ['春运首日全国发送旅客超千万', '\u3000\u3000今天是春运首日，全国铁路、公路、水路、民航共发送旅客1000余万人次。', '\u3000\u3000交通运输部有关负责人表示，今年春运客流总体平稳。', staff].join('\n');
    const [a] = parsePage(text, { file: '20190121-01.txt' }).articles;
    expect(a.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['今天是春', '交通运输']);
    expect(a.byline).toBeUndefined();
  });
});

describe('an article copied from a web page', () => {
  it('reads the date line under the headline as the page header and drops the page\'s buttons (分享到：), so the dateline opens the text', () => {
    const text = ['春运首日全国发送旅客超千万', '2019年01月22日05:51  来源：人民网－人民日报', '分享到：', '本报北京1月21日电（记者王小明）今天是春运首日，全国铁路、公路、水路、民航共发送旅客1000余万人次。', '交通运输部有关负责人表示，今年春运客流总体平稳。', '(责编：王小明、李红)'].join('\n\n');
    const page = parsePage(text, { file: 'page.txt' });
    expect([page.paper, page.date]).toEqual(['人民日报', '2019-01-22']);
    const [a] = page.articles;
    expect([a.title, a.dateline?.raw, a.byline?.reporters]).toEqual(['春运首日全国发送旅客超千万', '本报北京1月21日电', ['王小明']]);
    expect(a.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['今天是春', '交通运输']);
  });
});
