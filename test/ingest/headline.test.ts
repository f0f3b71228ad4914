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

  it('reads a second line of clauses half as long again as the first as the subtitle that sums up the news', () => {
    expect(readHeadline(['今冬明春农田水利建设进展顺利', '全国已完成土石方四十二亿立方米，新增和改善灌溉面积三千一百万亩'])).toEqual({
      title: '今冬明春农田水利建设进展顺利',
      subtitle: '全国已完成土石方四十二亿立方米，新增和改善灌溉面积三千一百万亩',
    });
    // A title of clauses no longer than the line over it stays the title (`许多家庭以运动的方式度过假期` ⏎ `过年，一起燃烧卡路里`).
    expect(readHeadline(['许多家庭以运动的方式度过假期', '过年，一起燃烧卡路里'])).toEqual({ kicker: '许多家庭以运动的方式度过假期', title: '过年，一起燃烧卡路里' });
  });

  it('keeps a label of four characters over the news (权威发布) as the kicker, though it ends like an event', () => {
    expect(readHeadline(['权威发布', '今年中央一号文件发布'])).toEqual({ kicker: '权威发布', title: '今年中央一号文件发布' });
    expect(readHeadline(['中美经贸磋商结束', '双方同意继续磋商'])).toEqual({ title: '中美经贸磋商结束', subtitle: '双方同意继续磋商' });
  });

  it("reads a series' label numbered at its end (…逆行出征①, …之二) as the kicker, though it is set as two phrases", () => {
    expect(readHeadline(['白衣执甲 逆行出征①', '“我们是一个战斗的集体”'])).toEqual({ kicker: '白衣执甲 逆行出征①', title: '“我们是一个战斗的集体”' });
    expect(readHeadline(['脱贫攻坚一线报道之二', '山村通了致富路'])).toEqual({ kicker: '脱贫攻坚一线报道之二', title: '山村通了致富路' });
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

  it("reads an editor's note set flush over the headline (编者按：…) as the first paragraph, not the kicker (a deck of sentences under the title stays its subtitle: pages-dev.test.ts)", () => {
    const note = '编者按：疫情发生以来，广大医务工作者白衣为甲、逆行出征。本版今起推出系列报道，讲述他们的故事。';
    const page = [
      note,
      '“我们是一个战斗的集体”',
      '\u3000\u3000凌晨三点，重症病房里监护仪的声音此起彼伏。护士长刚给一位病人翻完身，又快步走向下一张病床。',
      '\u3000\u3000援鄂医疗队到达武汉的第二天，就接管了一个重症病区。队员们来自不同的医院，却很快拧成了一股绳。',
      '\u3000\u3000一位康复出院的老人，临走前给医护人员深深鞠了一躬。',
      '各地有序推进复工复产',
      '\u3000\u3000国务院联防联控机制17日召开新闻发布会，介绍有序推动复工复产的有关情况。',
      '\u3000\u3000有关部门负责人表示，目前全国规模以上工业企业复工率已超过90%。',
    ].join('\n');
    const [a] = parsePage(page, { file: '20200318-13.txt' }).articles;
    expect([a.kicker, a.title, a.paragraphs[0].text]).toEqual([undefined, '“我们是一个战斗的集体”', note]);
  });
});
