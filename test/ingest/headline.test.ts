/**
 * Kicker, title and subtitle of a two-line headline block told apart by their cues
 * (ingest/headline.ts; lines written for this test).
 */
import { describe, expect, it } from 'vitest';
import { readHeadline } from '../../src/core/ingest/headline';
import { parsePage } from '../../src/core/ingest';

describe('readHeadline', () => {
  it('reads a subtitle under a dash and a kicker ending in a verb of speech', () => {
    expect(readHeadline(['一条河的新生', '——江城治理护城河纪事'])).toEqual({ title: '一条河的新生', subtitle: '——江城治理护城河纪事' });
    expect(readHeadline(['全省农村工作会议强调', '抓好春耕备耕'])).toEqual({ kicker: '全省农村工作会议强调', title: '抓好春耕备耕' });
  });

  it('reads a second line that only dates the piece (an issue, a day) as its subtitle, never its title', () => {
    expect(readHeadline(['《山乡春早》作者李明《长城》', '１９９８年第二期'])).toEqual({ title: '《山乡春早》作者李明《长城》', subtitle: '１９９８年第二期' });
    expect(readHeadline(['全市重点工程巡礼', '2019年2月1日'])).toEqual({ title: '全市重点工程巡礼', subtitle: '2019年2月1日' });
    // A date over the title is its kicker, as before.
    expect(readHeadline(['１９９８年第二期', '本期要目'])).toEqual({ kicker: '１９９８年第二期', title: '本期要目' });
  });

  it("takes a leader's visit or exchange of messages on the first line as the title", () => {
    expect(readHeadline(['省长看望慰问老党员和困难群众', '代表省委省政府向全省人民致以新春祝福'])).toEqual({
      title: '省长看望慰问老党员和困难群众',
      subtitle: '代表省委省政府向全省人民致以新春祝福',
    });
    expect(readHeadline(['市长主持召开市政府第十二次常务会议', '研究部署春季农业生产等工作'])).toEqual({
      title: '市长主持召开市政府第十二次常务会议',
      subtitle: '研究部署春季农业生产等工作',
    });
    expect(readHeadline(['两国元首就建交三十周年互致贺电', '两国总理也互致贺电'])).toEqual({
      title: '两国元首就建交三十周年互致贺电',
      subtitle: '两国总理也互致贺电',
    });
  });

  it('keeps a label of four characters over the news (权威发布) as the kicker, though it ends like an event', () => {
    expect(readHeadline(['权威发布', '今年中央一号文件发布'])).toEqual({ kicker: '权威发布', title: '今年中央一号文件发布' });
    expect(readHeadline(['中美经贸磋商结束', '双方同意继续磋商'])).toEqual({ title: '中美经贸磋商结束', subtitle: '双方同意继续磋商' });
  });

  it('keeps a first line that names its genre (…活动综述) as the kicker', () => {
    expect(readHeadline(['市总工会慰问帮扶困难职工活动综述', '真情暖人心'])).toEqual({ kicker: '市总工会慰问帮扶困难职工活动综述', title: '真情暖人心' });
  });
});

describe('the headline block of an e-paper page', () => {
  it('ends at a dateline set flush on a line of its own: the dateline and its reporter, not the title', () => {
    const page = [
      '春运首日全国发送旅客超千万',
      '本报北京1月21日电（记者王小明）',
      '\u3000\u3000今天是春运首日，全国铁路、公路、水路、民航共发送旅客1000余万人次，同比增长2.1%。',
      '\u3000\u3000交通运输部有关负责人表示，今年春运客流总体平稳，各地运输组织有序。',
      '\u3000\u3000相关链接',
      '\u3000\u3000今年春运从1月21日开始，到3月1日结束，共40天。',
    ].join('\n');
    const [a] = parsePage(page, { file: '20190121-01.txt' }).articles;
    expect([a.kicker, a.title, a.dateline?.raw, a.byline?.reporters]).toEqual([undefined, '春运首日全国发送旅客超千万', '本报北京1月21日电', ['王小明']]);
    expect(a.paragraphs[0].text).toMatch(/^今天是春运首日/);
  });
});
