/** Names run together in bylines, writer lines with a place or work unit, and sources that are not people. */
import { describe, expect, it } from 'vitest';
import { isBylineLine, parseByline } from '../../src/core/ingest/byline';
import { affiliatedName, isPersonName, isSignatureLine, splitNameRun } from '../../src/core/ingest/names';
import { isMarker } from '../../src/core/ingest/lines';

describe('splitNameRun', () => {
  it.each([
    ['李济国贾建舟', ['李济国', '贾建舟']],
    ['贾永黄秋生', ['贾永', '黄秋生']],
    ['潘跃王萍', ['潘跃', '王萍']],
    ['江泽民李鹏乔石', ['江泽民', '李鹏', '乔石']],
    // Two readings (陶立华|王力, 陶立|华王力): the more common surnames win.
    ['陶立华王力', ['陶立华', '王力']],
    // 赖 and 洪 are common surnames too.
    ['赖林嵩洪小平', ['赖林嵩', '洪小平']],
  ])('%s', (run, want) => {
    expect(splitNameRun(run)).toEqual(want);
  });

  it('splits four writers run together in a credit (12 characters)', () => {
    expect(splitNameRun('赖林嵩周美林范双民张振明', true)).toEqual(['赖林嵩', '周美林', '范双民', '张振明']);
  });

  it('leaves phrases, compound-surname names and short runs alone', () => {
    for (const t of ['风景这边好', '解决新矛盾', '改革见成效', '症结在哪里', '欧阳晓明', '王萍']) expect(splitNameRun(t)).toBeUndefined();
  });

  it('knows a single name from a phrase', () => {
    expect(isPersonName('刘洪杰')).toBe(true);
    expect(isPersonName('欧阳山')).toBe(true);
    expect(isPersonName('的确是')).toBe(false);
    // 之 is common in given names (曾敏之, 王羲之, 张之洞); a word that opens with it is still no name.
    for (const n of ['曾敏之', '王羲之', '张之洞']) expect(isPersonName(n)).toBe(true);
    for (const n of ['总之', '之后']) expect(isPersonName(n)).toBe(false);
  });
});

describe('bylines', () => {
  it('accepts and splits names run together after a role word', () => {
    expect(isBylineLine('本报记者李济国贾建舟')).toBe(true);
    expect(parseByline('本报记者李济国贾建舟').reporters).toEqual(['李济国', '贾建舟']);
    const b = parseByline('中国国防报记者黄运成新华社记者贾永黄秋生');
    expect(b.reporters).toEqual(['黄运成', '贾永', '黄秋生']);
    expect(b.organization).toBe('中国国防报');
  });

  it('drops 整理 from a credit and never takes a source for a person', () => {
    expect(parseByline('（本报记者 郭子源整理）').reporters).toEqual(['郭子源']);
    expect(isBylineLine('（据新华社电）')).toBe(false);
    expect(isBylineLine('（新华社北京１月１日电）')).toBe(false);
    expect(isBylineLine('（宋学春陈长法）')).toBe(true);
    expect(parseByline('（宋学春陈长法）').reporters).toEqual(['宋学春', '陈长法']);
  });

  it('drops 辑 (compiled by) from a credit, but not the last character of a two-character name', () => {
    expect(parseByline('（宗禾辑）').reporters).toEqual(['宗禾']);
    expect(parseByline('（李晓明辑录）').reporters).toEqual(['李晓明']);
    expect(parseByline('（王辑）').reporters).toEqual(['王辑']);
  });

  it('reads a writer line of place and name', () => {
    expect(affiliatedName('湖南郴州市刘洪杰')).toEqual({ affiliation: '湖南郴州市', name: '刘洪杰' });
    expect(affiliatedName('深圳机场集团公司吴建飞')).toEqual({ affiliation: '深圳机场集团公司', name: '吴建飞' });
    expect(affiliatedName('全市开展文明城市建设')).toBeUndefined();
    const b = parseByline('湖南郴州市刘洪杰');
    expect(b.reporters).toEqual(['刘洪杰']);
    // The writer's place is an organisation, not a desk of the paper (was `department` before).
    expect(b.organization).toBe('湖南郴州市');
    expect(b.department).toBeUndefined();
  });
});

describe('bylines naming two papers', () => {
  it('reads 《中国电力报》 as an organisation before a role word', () => {
    const t = '本报记者江玉《中国电力报》记者张大和';
    expect(isBylineLine(t)).toBe(true);
    expect(parseByline(t).reporters).toEqual(['江玉', '张大和']);
  });
});

describe('letter signatures', () => {
  it('reads a work unit and name in parentheses as a signature, not a note', () => {
    expect(isSignatureLine('（武警北京一总队十支队刘业国）')).toBe(true);
    expect(isSignatureLine('（中国人民银行四川德阳市分行荣鸿）')).toBe(true);
    expect(isSignatureLine('（一九九七年十二月三十一日）')).toBe(false);
    expect(isSignatureLine('（《世界华文女作家丛书》由江西百花洲文艺出版社出版）')).toBe(false);
    expect(parseByline('（武警北京一总队十支队刘业国）').reporters).toEqual(['刘业国']);
  });

  it('reads an association, a federation or a library as a work unit, and a name ending in 图 as a name, not a picture mark', () => {
    for (const t of ['（某自治区残疾人联合会巴图）', '（北京市文联王平）', '（上海图书馆李明）']) {
      expect(isSignatureLine(t)).toBe(true);
      expect(isMarker(t)).toBe(false);
    }
    expect(parseByline('（某自治区残疾人联合会巴图）')).toMatchObject({ reporters: ['巴图'], organization: '某自治区残疾人联合会' });
    // A closing dateline from a city ending in 图 is no picture mark either; the marks themselves are.
    expect(isMarker('（本报阿拉木图2月21日电）')).toBe(false);
    for (const t of ['（图）', '（见下图）', '（资料图）', '（新华社发图）', '（附图片１张）', '（传真照片）']) expect(isMarker(t)).toBe(true);
  });

  it('reads a work unit and several names run together as a signature of the unit and each writer', () => {
    expect(isSignatureLine('（江苏吴县人民法院张立华王春英）')).toBe(true);
    expect(isSignatureLine('（中国农业银行浙江安吉县支行李小红陈国平周明）')).toBe(true);
    expect(isSignatureLine('（江苏吴县人民法院审判工作纪实）')).toBe(false);
    expect(parseByline('（江苏吴县人民法院张立华王春英）')).toMatchObject({ reporters: ['张立华', '王春英'], organization: '江苏吴县人民法院' });
    expect(parseByline('（中国农业银行浙江安吉县支行李小红陈国平周明）')).toMatchObject({
      reporters: ['李小红', '陈国平', '周明'],
      organization: '中国农业银行浙江安吉县支行',
    });
  });
});
