/**
 * Article boundaries decided by one cue, on pages written for this test in the 1998 layout
 * (paragraphs between blank lines): what `segment.ts` must split and what it must keep whole.
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest';

const titles = (text: string) => parsePage(text, { file: '19980120-05.txt' }).articles.map((a) => a.title);
/** Each article's first six characters on the page, as the splitter cut it. */
const starts = (text: string) => parsePage(text, { file: '19980120-05.txt' }).articles.map((a) => text.slice(a.charStart, (a.charStart ?? 0) + 6));
/** Each article's first paragraph, its first five characters. */
const firstWords = (text: string) => parsePage(text, { file: '19980120-05.txt' }).articles.map((a) => a.paragraphs[0]?.text.slice(0, 5));

/** A signed essay: headline, the writer's name, three paragraphs, a subhead and one more. */
const ESSAY = [
  '办事要讲实效',
  '林青',
  '年终岁尾，各种总结、评比、检查接踵而来。有的单位为了迎检，忙于准备材料、布置会场，真正用在工作上的时间反而少了。',
  '讲实效，首先要把心思用在解决问题上。群众关心什么、企盼什么，就应当在什么地方多下功夫，而不是在形式上做文章。',
  '讲实效，还要敢于较真碰硬。对那些只图热闹、不求实效的做法，要及时纠正，不能听之任之。',
  '少一些应景文章',
  '文件写得再漂亮，不落实也是一纸空文。少一些应景文章，多一些实际行动，群众才会满意。',
];

/** A short story of three paragraphs, the article above in the tests of what follows an article. */
const LIBRARY = [
  '山村小学有了图书室',
  '元旦前夕，县里给山村小学送来两千册图书。孩子们第一次有了自己的图书室，课间总围在书架前不肯走。',
  '校长说，图书室还要添一批科普读物，让孩子们从小爱科学、学科学。',
];

/** A signed feature about a postman: headline, byline, two paragraphs. */
const POSTMAN = [
  '山乡邮递员',
  '本报记者林青',
  '二十年来，邮递员老周骑着一辆旧自行车，走遍了全乡四十多个村庄，把一封封家书送到乡亲们手中。',
  '老周说，山里人盼信，就像盼亲人回家一样，信早到一天，他们就早一天安心。',
];

describe('article boundaries', () => {
  it('two short lines of one length after running text are a couplet subhead; one over a picture caption opens a photo story', () => {
    const report = [
      '社区志愿服务蔚然成风',
      '本报讯去年以来，某市各社区组建志愿服务队伍两百余支，开展助老、助残、环境整治等活动。',
      '志愿者们走街串巷，为孤寡老人送去米面，帮助残疾人解决生活难题。',
    ];
    const after = '今年，各社区还将推出更多贴近居民需求的服务项目，让志愿精神在邻里间传递。';
    // A multi-line headline block would open an article; a couplet of equal halves does not.
    expect(starts([...report, '关爱道德模范', '礼敬有德之人', after].join('\n\n'))).toEqual(['社区志愿服务']);
    // A headline line over a caption (`图为…`): the next item, a photo story, even where the text
    // above ends without a sentence's end (a dispatch's `（完）`).
    const photo = ['雪中送炭暖人心', '图为某县干部为困难群众送去棉被。', '（本报记者王某摄）'];
    const ended = [...report.slice(0, -1), '志愿者们走街串巷，为孤寡老人送去米面，帮助残疾人解决生活难题（完）'];
    expect(starts([...ended, ...photo].join('\n\n'))).toEqual(['社区志愿服务', '雪中送炭暖人']);
  });

  it('a headline whose paragraph opens as a news report (据报道，…) after a signed essay is the next item', () => {
    const page = [...ESSAY, '新型保鲜膜延长果蔬储存期', '据报道，某大学的研究人员研制出一种可食用的保鲜膜，涂在水果表面后可使储存期延长一倍。', '这种保鲜膜由植物纤维制成，对人体无害。'].join('\n\n');
    expect(titles(page)).toEqual(['办事要讲实效', '新型保鲜膜延长果蔬储存期']);
  });

  it('after a signed essay, a headline that reports an event at its place (…在京举行, 北京举行…), something launched (…推出) or is headed by its place (宁夏：…) is the next item; other subheads stay', () => {
    const body = '会议总结了去年的工作，部署了今年的任务。与会代表一致认为，要把各项政策落到实处。';
    expect(titles([...ESSAY, '全国农业工作会议在京举行', body].join('\n\n'))).toEqual(['办事要讲实效', '全国农业工作会议在京举行']);
    expect(titles([...ESSAY, '宁夏：特色农业铺筑致富路', body].join('\n\n'))).toEqual(['办事要讲实效', '宁夏：特色农业铺筑致富路']);
    expect(titles([...ESSAY, '北京举行新春音乐会', body].join('\n\n'))).toEqual(['办事要讲实效', '北京举行新春音乐会']);
    // So is one that reports something launched (`…三十部推出`, `…问世`).
    const launch = '这套丛书收入三十位现代作家的代表作品，由某出版社历时三年编辑完成，日前与读者见面。';
    expect(titles([...ESSAY, '《中国现代文学百家》三十部推出', launch].join('\n\n'))).toEqual(['办事要讲实效', '《中国现代文学百家》三十部推出']);
    expect(titles([...ESSAY, '原因之一：负担重', body].join('\n\n'))).toEqual(['办事要讲实效']);
  });

  it('a headline whose paragraph tells when it happened (…最近发明…) or reprints a dispatch (据新华社…电) after a signed essay is the next item', () => {
    const lead = '英国科学家最近发明一种用于检测蔬菜和水果的新型电子鼻，利用它可判断表面正常的蔬菜和水果内部是否已经腐烂。';
    expect(titles([...ESSAY, '电子鼻嗅出腐烂味', lead].join('\n\n'))).toEqual(['办事要讲实效', '电子鼻嗅出腐烂味']);
    const dispatch = '据新华社乌鲁木齐电新疆科学考察队日前深入罗布泊腹地，对这一干涸湖泊的成因进行了为期一个月的考察。';
    expect(titles([...ESSAY, '罗布泊干涸探秘', dispatch].join('\n\n'))).toEqual(['办事要讲实效', '罗布泊干涸探秘']);
  });

  it('a dated brief without a headline after an undated piece, or after an artwork and its credit, is the next item', () => {
    const brief = '新华社北京一月六日电外交部发言人今天下午在此间宣布：应全国人大常委会的邀请，某国议长将于一月中旬对我国进行正式友好访问。';
    expect(starts([...ESSAY, brief].join('\n\n'))).toEqual(['办事要讲实效', '新华社北京一']);
    expect(starts(['圆梦（中国画）', '（胡才春）', brief].join('\n\n'))).toEqual(['圆梦（中国画', '新华社北京一']);
  });

  it('a paragraph marked by a bullet and its day (●前不久，…) after a finished article is the next brief; a bulleted point without a day stays', () => {
    const feature = ['山村小学有了图书室', '元旦前夕，县里给山村小学送来两千册图书。孩子们第一次有了自己的图书室，课间总围在书架前不肯走。'];
    const brief = '●前不久，某市妇联组织医务人员深入山区，为两千多名农村妇女免费检查身体，并赠送了常用药品。';
    const page = [...feature, brief].join('\n\n');
    expect(firstWords(page)).toEqual(['元旦前夕，', '●前不久，']);
    const point = '●一九九七年，全县新建和扩建图书室一百二十个，藏书总量比上年增加一倍以上。';
    expect(parsePage([...feature, point].join('\n\n'), { file: '19980120-05.txt' }).articles).toHaveLength(1);
    // Even sharing the article's words (a page on one subject): the bullet and the day open a column of items.
    const women = ['妇女脱贫有了新路子', '近年来，某县妇联组织农村妇女学技术、闯市场，不断提高妇女的文化科技素质，走自主、自立、自强的致富之路。'];
    const item = '●日前，某省妇联召开农村妇女就业研讨会。会议讨论了当前妇女就业中遇到的新问题，提出了解决的办法。';
    expect(firstWords([...women, item].join('\n\n'))).toEqual(['近年来，某', '●日前，某']);
    // It is a headline-less item like any other: the next paragraph naming its day is the column's next item.
    const next = '某县妇联１月５日举办农村妇女实用技术培训班，两百多名妇女学到了种植和养殖的新技术。';
    expect(firstWords([...women, item, next].join('\n\n'))).toEqual(['近年来，某', '●日前，某', '某县妇联１']);
  });

  it('a headline that calls out (…，您辛苦了！) after a finished article opens the next one when it stands over a byline or a pictured headline', () => {
    const body = '演出结束时，全场观众起立鼓掌，许多人久久不愿离去。这是老艺术家今年在京的第三场演出。';
    const pictured = [...ESSAY, '王老师，您辛苦了！', '八十高龄亲率学生连演三场（附图片１张）', body].join('\n\n');
    const read = parsePage(pictured, { file: '19980120-05.txt' }).articles;
    expect(read.map((a) => [a.kicker ?? null, a.title])).toEqual([
      [null, '办事要讲实效'],
      ['王老师，您辛苦了！', '八十高龄亲率学生连演三场（附图片１张）'],
    ]);
    const signed = [...ESSAY, '年夜饭，在家吃还是在饭店吃？', '本报记者林青', body].join('\n\n');
    expect(parsePage(signed, { file: '19980120-05.txt' }).articles).toHaveLength(2);
    // A wish closes the piece above, even over a pictured headline.
    const wish = [...ESSAY, '愿实效之风吹遍城乡！', '八十高龄亲率学生连演三场（附图片１张）', body].join('\n\n');
    expect(parsePage(wish, { file: '19980120-05.txt' }).articles[0].paragraphs.some((p) => p.text === '愿实效之风吹遍城乡！')).toBe(true);
  });

  it('after a piece signed off by its desk and date, a line that calls out over running text opens the next piece', () => {
    const letter = ['致读者', '从今天起，本版每周一期，刊登读者来信，反映群众的意见和呼声，欢迎广大读者踊跃来稿。', '本报群众工作部', '１９９８年１月７日'];
    const call = '送礼成了风，该管管了！';
    const body = '年关将近，一些单位又忙着给上级机关送年货，少则几千元，多则上万元，花的都是公家的钱，群众对此议论纷纷，纷纷来信要求刹住这股歪风。';
    expect(titles([...letter, call, body].join('\n\n'))).toEqual(['致读者', call]);
    // Under the piece's own running text it goes on with the piece.
    const unsigned = [letter[0], letter[1], call, body].join('\n\n');
    expect(titles(unsigned)).toEqual(['致读者']);
  });

  it('a notice (讣告, 公告) opens an item of its own, signed off by the body that issues it and its date', () => {
    const obituary = ['讣告', '中国共产党优秀党员、某省原副省长王某同志，因病医治无效，于１９９８年２月１日逝世，享年７９岁。', '遗体告别仪式定于２月８日举行。', '王某同志治丧委员会', '１９９８年２月５日'];
    const notice = ['公告', '某某股份有限公司定于１９９８年３月１０日召开股东大会，审议公司年度报告。', '特此公告。', '某某股份有限公司董事会', '１９９８年２月５日'];
    const articles = parsePage([...LIBRARY, ...obituary, ...notice].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['山村小学有了图书室', '讣告', '公告']);
    expect(articles.map((a) => a.byline?.organization)).toEqual([undefined, '王某同志治丧委员会', '某某股份有限公司董事会']);
    expect(articles[2].paragraphs.map((p) => p.text)).toEqual([notice[1], notice[2]]);
    // So does a paper's office signing its own notice (`人民日报社` ⏎ date), over a correction whose
    // one-word title (`更正`) names no one.
    const call = ['征文启事', '为纪念党的十一届三中全会召开二十周年，本报从即日起举办征文活动。', '人民日报社', '一九九八年一月二十八日'];
    // Two parties signing side by side under a joint statement close it; the headline under them opens the next piece.
    const statement = ['中华人民共和国和某某国联合声明', '一、双方同意在和平共处五项原则基础上，进一步发展两国睦邻友好关系。', '二、双方认为，两国在许多国际问题上有着相同或相近的立场。', '中华人民共和国主席\u3000\u3000某某国总统', '江泽民\u3000\u3000某某某'];
    const briefing = ['外交部发言人答记者问', '新华社北京１月１７日电外交部发言人今天在记者招待会上回答了记者的提问。'];
    expect(parsePage([...statement, ...briefing].join('\n\n'), { file: '19980118-06.txt' }).articles.map((a) => [a.kicker, a.title, a.paragraphs.length])).toEqual([
      [undefined, '中华人民共和国和某某国联合声明', 4],
      [undefined, '外交部发言人答记者问', 1],
    ]);
    const correction = ['更正', '本报１月２５日第三版《某某工程竣工》一文中，“总投资３亿元”应为“总投资３０亿元”。特此更正。'];
    const signed = parsePage([...LIBRARY, ...call, ...correction].join('\n\n'), { file: '19980128-08.txt' }).articles;
    expect(signed.map((a) => [a.title, a.byline?.organization, a.paragraphs.length])).toEqual([
      ['山村小学有了图书室', undefined, 2],
      ['征文启事', '人民日报社', 1],
      ['更正', undefined, 1],
    ]);
  });

  it("a state document's number stays under its title as the first line of its text, and the issuing body (国务院) over its date signs it off", () => {
    const circular = ['国务院关于做好春节期间市场供应工作的通知', '国发〔１９９８〕５号', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', '一、各地要安排好主要副食品的生产和调运，确保节日供应。', '二、加强市场价格监督检查，严禁哄抬物价。', '国务院', '一九九八年二月六日'];
    const next = ['外交部发言人答记者问', '新华社北京２月１０日电　外交部发言人今天在例行记者招待会上回答了记者提问。'];
    const articles = parsePage([...circular, ...next].join('\n\n'), { file: '19980211-04.txt' }).articles;
    expect(articles.map((a) => [a.kicker, a.title])).toEqual([[undefined, circular[0]], [undefined, next[0]]]);
    expect(articles[0].paragraphs[0].text).toBe('国发〔１９９８〕５号');
    expect(articles[0].byline?.organization).toBe('国务院');
    // Two bodies issuing one message over its date (中共中央 ⏎ 国务院 ⏎ date) both sign it.
    const message = ['致某某工程全体建设者的贺电', '欣悉某某工程全线贯通，谨向全体建设者致以热烈的祝贺！希望你们再接再厉，再立新功！', '中共中央', '国务院', '１９９８年２月６日'];
    const both = parsePage([...message, ...next].join('\n\n'), { file: '19980211-04.txt' }).articles;
    expect(both.map((a) => a.title)).toEqual([message[0], next[0]]);
    expect(both[0].byline?.organization).toBe('中共中央、国务院');
  });

  it("a decree's number (第九十三号) stays under its title, and its officer over its date (中华人民共和国主席　江泽民) signs it off; a notice's number (（第六号）) is no one", () => {
    const decree = ['中华人民共和国主席令', '第九十三号', '《中华人民共和国某某法》已由全国人民代表大会常务委员会于１９９７年１２月２９日通过，现予公布，自１９９８年５月１日起施行。', '中华人民共和国主席　江泽民', '１９９７年１２月２９日'];
    const next = ['国务院任免国家工作人员', '新华社北京１月２３日电　国务院任命王某某为国家某某局局长，免去赵某某的某某部副部长职务。'];
    const articles = parsePage([...decree, ...next].join('\n\n'), { file: '19980124-04.txt' }).articles;
    expect(articles.map((a) => [a.kicker, a.title])).toEqual([[undefined, decree[0]], [undefined, next[0]]]);
    expect(articles[0].paragraphs.map((p) => p.text)).toEqual([decree[1], decree[2]]);
    expect([articles[0].byline?.reporters, articles[0].byline?.organization]).toEqual([['江泽民'], '中华人民共和国主席']);
    const notice = ['全国人大常委会公告', '（第六号）', '全国人民代表大会常务委员会第三十次会议决定，补选某某为全国人民代表大会常务委员会委员。', '特此公告。', '全国人民代表大会常务委员会', '１９９８年１月２３日'];
    const [a] = parsePage(notice.join('\n\n'), { file: '19980124-04.txt' }).articles;
    expect([a.title, a.paragraphs[0].text, a.byline?.reporters, a.byline?.organization]).toEqual([notice[0], '（第六号）', [], '全国人民代表大会常务委员会']);
  });

  it('a law printed whole after running text opens its own piece, though its decree under it (中华人民共和国主席令) is shaped like its title', () => {
    const above = ['金融危机中的韩国股市', '本报汉城１月４日电　记者王明报道：美国投资家３日访韩，并表示将对韩国债券和股市进行投资。', '目前，他在韩国股市有大量投资，金融危机爆发之初，他曾承诺不撤出资金。'];
    const law = [
      '中华人民共和国某某法',
      '（１９９７年１２月２９日第八届全国人民代表大会常务委员会第二十九次会议通过）',
      '中华人民共和国主席令',
      '第九十二号',
      '《中华人民共和国某某法》已由全国人民代表大会常务委员会于１９９７年１２月２９日通过，现予公布，自１９９８年５月１日起施行。',
      '中华人民共和国主席江泽民',
      '１９９７年１２月２９日',
      '第一章总则',
      '第一条为了规范某某行为，保护当事人的合法权益，制定本法。',
      '第二条在中华人民共和国境内发生的某某行为，适用本法。',
    ];
    expect(titles([...above, ...law].join('\n\n'))).toEqual([above[0], law[0]]);
  });

  it("on an e-paper page, flush picture captions after the text (图①：…。  X摄) close the piece above as its captions, the photographers its", () => {
    const page = [
      '春到太行',
      '\u3000\u3000王某某',
      '\u3000\u3000太行山的春天，是从山脚下的那条小河开始的。冰凌化了，河水哗哗地流。',
      '图①：春日的太行山。  赵某某摄',
      '图②：村民在梯田里劳作。  钱某摄',
      '山村的早晨',
      '\u3000\u3000天刚蒙蒙亮，山村就醒了。鸡叫声、狗吠声、孩子们的读书声，一阵阵传来。',
    ].join('\n');
    const articles = parsePage(page, { file: '20190318-20.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['春到太行', '山村的早晨']);
    expect(articles[0].paragraphs.map((p) => p.type)).toEqual(['text', 'caption', 'caption']);
    expect(articles[0].byline?.photographers).toEqual(['赵某某', '钱某']);
    // A short piece with a picture set under it (`图为…` ⏎ its credit) keeps its text as text.
    const brief = ['外媒看中国', '“中国经验值得借鉴”', '\u3000\u3000德国一家报纸的网站日前刊文说，中国在基础设施建设方面的成就令人瞩目。', '图为6月18日，游客在巴黎参观。', '\u3000\u3000新华社记者  陈某摄'];
    const b = parsePage([page, ...brief].join('\n'), { file: '20180620-03.txt' }).articles[2];
    expect(b.paragraphs.map((p) => p.type)).toEqual(['text', 'caption']);
    expect(b.byline?.photographers).toEqual(['陈某']);
  });

  it('an old page (full-width digits) set in the e-paper layout is split as old pages are: its headline-less briefs each an item, an indented subhead no headline', () => {
    const page = [
      '山村小学有了图书室',
      '\u3000\u3000本报石家庄１月１９日讯　元旦前夕，县里给山村小学送来两千册图书。孩子们第一次有了自己的图书室，课间总围在书架前不肯走。',
      '\u3000\u3000书架还空着一半',
      '\u3000\u3000校长说，图书室还要添一批科普读物，让孩子们从小爱科学、学科学。',
      '\u3000\u3000新华社开罗１月１８日电　埃及旅游部门１８日宣布，卢克索神庙周边将新建一座游客服务中心，明年年底前建成。',
      '\u3000\u3000日本气象厅１９日发表的统计数字表明，１９９７年日本全年平均气温比常年高０．５摄氏度，为有记录以来的第三高值。',
      '城郊菜农冬季不闲',
      '\u3000\u3000入冬以来，城郊的菜农们忙着在大棚里种植反季节蔬菜，一棚黄瓜能卖到三千多元。',
    ];
    for (const text of [page.join('\n'), page.join('\n\n')]) {
      const articles = parsePage(text, { file: '19980120-03.txt' }).articles;
      expect(articles.map((a) => a.paragraphs[0].text.slice(0, 6))).toEqual(['元旦前夕，县', '埃及旅游部门', '日本气象厅１', '入冬以来，城']);
      expect(articles[0].title).toBe('山村小学有了图书室');
      expect(articles[0].paragraphs.map((p) => p.type)).toEqual(['text', 'heading', 'text']);
      expect(articles[1].dateline?.place).toBe('开罗');
    }
  });

  it("a paragraph opened by its source's figures (据…公布的最新数据，) after a finished article is the next brief, unless it goes on with the article's subject", () => {
    const feature = ['山村小学有了图书室', '元旦前夕，县里给山村小学送来两千册图书。孩子们第一次有了自己的图书室，课间总围在书架前不肯走。'];
    const brief = '据英国气象局公布的最新数据，去年英国全年平均气温为十点五七摄氏度，是有记录以来最暖的一年。';
    expect(firstWords([...feature, brief].join('\n\n'))).toEqual(['元旦前夕，', '据英国气象']);
    const same = '据县教育局公布的统计数据，全县山村小学今年还将新建图书室三十个，孩子们的图书将更多。';
    expect(firstWords([...feature, same].join('\n\n'))).toEqual(['元旦前夕，']);
  });

  it("another agency's full dateline of another day after a dated item opens the next item when it is on another subject", () => {
    const report = [
      '全市农村电话村村通',
      '本报天津１月５日讯截至去年十二月底，天津农村三千一百二十五个自然村全部装上了直拨国内外的程控电话。',
      '市邮电局介绍，今年还将为偏远村庄增设公用电话亭两百个。',
    ];
    const dispatch = '新华社北京一月六日电外交部发言人今天下午宣布：应全国人大常委会的邀请，某国议长将于本月中旬对我国进行正式友好访问。';
    expect(starts([...report, dispatch].join('\n\n'))).toEqual(['全市农村电话', '新华社北京一']);
    // The same agency's dispatch on the item's own subject stays in it.
    const quoted = '新华社天津一月四日电天津农村程控电话的普及，使全市农村电话村村通提前两年实现。';
    expect(starts([...report, quoted].join('\n\n'))).toEqual(['全市农村电话']);
  });

  it("another desk's dispatch of another day, dated the other way, is read against the item's headline, not the paragraph above it", () => {
    const report = [
      '三下乡先进受表彰',
      '本报北京一月六日讯文化科技卫生三下乡活动表彰会今天举行，中宣部等十部委为先进集体和先进个人颁奖。',
      '辽宁省沈阳市等地的先进集体代表一百余人参加了会议。',
    ];
    const dispatch = '新华社沈阳１月７日电沈阳市第十二届人民代表大会第一次会议今天选举产生了新一届市人民政府领导班子。';
    expect(starts([...report, dispatch].join('\n\n'))).toEqual(['三下乡先进受', '新华社沈阳１']);
    // On the headline's own subject it stays a part of the item.
    const same = '新华社沈阳１月７日电沈阳市三下乡先进集体代表今天回到沈阳，向市民汇报表彰会的盛况。';
    expect(starts([...report, same].join('\n\n'))).toEqual(['三下乡先进受']);
  });

  it("another desk's dispatch from another place, even of the same day, on another subject opens the next item", () => {
    const report = [
      '全省统计工作会议召开',
      '本报济南１月７日讯全省统计工作会议今天召开，会议要求各地切实提高统计数据质量，严禁弄虚作假。',
      '会议提出，今年要加快统计制度改革，初步建立适应市场经济的统计体系。',
    ];
    const dispatch = '新华社沈阳１月７日电沈阳市第十届人民代表大会第一次会议今天选举产生了新一届市人民政府领导班子。';
    expect(starts([...report, dispatch].join('\n\n'))).toEqual(['全省统计工作', '新华社沈阳１']);
    // From the item's own place it may be a part of the item: it stays.
    expect(starts([...report, dispatch.replace('沈阳１月', '济南１月')].join('\n\n'))).toEqual(['全省统计工作']);
    // On the item's subject it stays too.
    const same = '新华社沈阳１月７日电辽宁省统计工作会议今天也在沈阳召开，会议要求提高统计数据质量。';
    expect(starts([...report, same].join('\n\n'))).toEqual(['全省统计工作']);
  });

  it('a brief lead that shares only a word of when (最近, 目前) with the item above opens the next brief', () => {
    const report = [
      '优秀电视专题片将播出',
      '本报北京１月５日讯反映住房制度改革成果的电视专题片《安居》座谈会今天在京举行，与会人士最近观看了全片。',
      '据悉，中央电视台将于１月１２日起播出这部专题片。',
    ];
    // A short first sentence: its one shared pair, 最近, was an eighth of it.
    const brief = '水利部最近发出通知。通知要求各地抓紧冬春农田水利基本建设，加固病险水库，疏浚灌溉渠道，确保春耕用水。';
    expect(starts([...report, brief].join('\n\n'))).toEqual(['优秀电视专题', '水利部最近发']);
    // Sharing a word of its subject (专题片), it goes on with the item.
    const same = '广电部最近就专题片发出通知。通知要求各地电视台做好这部专题片的转播工作，并在当地节目中安排介绍。';
    expect(starts([...report, same].join('\n\n'))).toEqual(['优秀电视专题']);
  });

  it('a paragraph opened as a lead whose subject spoke too (…１１日也表示), or by 就在前不久, 截至目前, a time alone (不久前，) or a date (７月２７日，), goes on with the story: no brief of its own', () => {
    const story = ['半岛局势持续紧张', '新华社首尔８月１１日电韩国青瓦台１０日召开国家安全保障会议，讨论应对方案。', '会议要求军队保持高度戒备，密切关注动向。'];
    for (const next of [
      '德国总理默克尔１１日也表示，言语上轮番示强，对解决问题没有好处，德方不认为有军事解决办法。',
      '就在前不久，联合国安理会一致通过决议，决定对有关方面实施新的制裁措施，国际社会普遍表示支持。',
    ]) {
      expect(starts([...story, next].join('\n\n')), next.slice(0, 8)).toEqual(['半岛局势持续']);
    }
    // Nor do the figures so far (`截至目前，…`): a year's figures (`截至１９９７年底，…`) may open a brief, these go on.
    const city = ['泉城拆违治堵见成效', '本报济南１月５日讯拆违拆临、治堵治霾、城市治理三大攻坚战在济南全面打响。'];
    expect(starts([...city, '截至目前，全市共拆除违法建设３０００多万平方米，市区内新增绿化１１７万平方米，群众拍手称快。'].join('\n\n'))).toEqual(['泉城拆违治堵']);
    // Nor does a paragraph opened by its time alone (`不久前，…`, `日前，…`) or by a date (`７月２７日，…`): the story's next moment.
    const crew = ['修井铁军', '本报大庆１月２０日讯１０７修井队组建３４年来，十余次参与重大抢险，被誉为“英勇善战的修井铁军”。'];
    for (const next of ['不久前，采油二厂的一口井发生了套管外漏，连油带水不停地从井口往外冒，情况十分危急。', '日前，某市一家外资企业的财务人员来办理股权转让事宜，只用了半天就办完了全部手续。', '７月２７日，铁路输送的三个军列从满洲里口岸出境，正沿西伯利亚大铁路开往演习地域。']) {
      expect(starts([...crew, next].join('\n\n')), next.slice(0, 6)).toEqual(['修井铁军\n\n']);
    }
    // The same subject's lead without `也` on another matter is still the next brief.
    expect(starts([...story, '德国总理默克尔１１日宣布，德国将在明年举办国际汽车展览会，届时将有五十多个国家的厂商参展。'].join('\n\n'))).toEqual(['半岛局势持续', '德国总理默克']);
  });

  it("after a lead-shaped paragraph read as a brief inside a story, a paragraph taking up the story's words does not cut it further", () => {
    const story = [
      '一条公路富了一方百姓',
      '去年底，连接山区十二个乡镇的盘山公路全线通车，山里的核桃、板栗第一次用卡车运出了大山。',
      // Its own subject and day, nothing shared with the story above: read as a headline-less brief.
      '县农业银行近日为沿线两百多户农民发放小额贷款，帮助他们购买运输车辆、扩建果园和新建冷库。',
    ];
    // The story goes on with its road and its nuts: it stays with the paragraph above, whatever that is.
    const goesOn = '公路通了，山区的核桃、板栗卖上了好价钱，一月五日，首批二十吨核桃运抵省城。';
    expect(starts([...story, goesOn].join('\n\n'))).toEqual(['一条公路富了', '县农业银行近']);
    // A paragraph on another subject is the run's next item, as in a briefs column.
    const next = '省邮电管理局近日宣布，全省乡镇将在年内全部开通程控电话，长途话费同时下调。';
    expect(starts([...story, next].join('\n\n'))).toEqual(['一条公路富了', '县农业银行近', '省邮电管理局']);
  });

  it("another desk's dispatch from another place is the next item, whatever ordinals (第十一次, 第十二届) it shares with the item", () => {
    const item = [
      '某基金会再次捐资助学',
      '本报香港１月７日电记者王小明报道：香港某基金会第十一次向内地教育事业捐款一亿港元，用于资助中西部地区的中小学。',
      '基金会负责人表示，将继续关注内地教育事业的发展。',
    ];
    const dispatch = '新华社沈阳１月７日电沈阳市第十二届人大第一次会议今天选举了新市长。会议还选举产生了市人大常委会主任。';
    expect(starts([...item, dispatch].join('\n\n'))).toEqual(['某基金会再次', '新华社沈阳１']);
  });

  it("a dispatch with its own reporter on another day is read against the item's headline alone", () => {
    const report = [
      '副总理会见特区政务司司长',
      '据新华社北京１月６日电（记者方小瑾）国务院副总理今天在北京会见了来访的香港特区政务司司长。',
      '应国务院港澳事务办公室的邀请，特区政务司司长一行于五日抵京访问，并将会晤国务院有关部门负责人。',
    ];
    const dispatch = '据新华社北京１月９日电（记者刘小非）中央军委委员、总后勤部部长今天在京会见了来访的某国国防部后勤部长一行。';
    expect(starts([...report, dispatch].join('\n\n'))).toEqual(['副总理会见特', '据新华社北京']);
    // On the day of the item, the same reading keeps a roundup's dispatch (its paragraph above shares its words).
    expect(starts([...report, dispatch.replace('９日', '６日')].join('\n\n'))).toEqual(['副总理会见特']);
  });

  it("another desk's dispatch with its own reporter under an undated 本报讯 item is read against the item's headline alone", () => {
    const item = [
      '企业改革论坛年会召开',
      '本报讯企业改革论坛首届年会日前在京召开，全国人大常委会副委员长出席会议并讲话。',
      '与会代表认为，企业改革越来越离不开理论的指导，全国人大常委会副委员长对论坛寄予厚望。',
    ];
    // It shares an official's title with the paragraph above, nothing with the item's headline.
    const dispatch = '据新华社北京一月七日电（记者张小典）全国人大常委会副委员长今天下午在人民大会堂会见了来访的某国议会代表团。';
    expect(starts([...item, dispatch].join('\n\n'))).toEqual(['企业改革论坛', '据新华社北京']);
    // Without its own reporter it may be the item's quoted source: it stays.
    expect(starts([...item, dispatch.replace('（记者张小典）', '')].join('\n\n'))).toEqual(['企业改革论坛']);
  });

  it('a full dateline after a speech closed by its note in brackets (（本文系作者…的一部分）) opens the next item', () => {
    const speech = [
      '深化改革促进科技与经济结合',
      '要充分发挥科技进步在经济结构调整中的作用，必须深化科技体制改革，促进科技与经济的紧密结合。',
      '提高劳动者素质，是实现劳动力资源合理配置的关键，也是科技进步的基础。',
      '（本文系作者在全省科学技术大会上讲话的一部分）',
    ];
    const dispatch = '据新华社北京一月六日电国务院副总理今天在这里会见了来访的某国外交部长，双方就两国关系交换了意见。';
    expect(starts([...speech, dispatch].join('\n\n'))).toEqual(['深化改革促进', '据新华社北京']);
  });

  it('pictures after running text (图片： ⏎ captions) close the piece: a headline over a dateline or its writer under them, and a full dateline, open the next item', () => {
    const seals = ['生肖印谈（附图片６张）', '以十二生肖纪年、纪寿，是我国传统文化的一部分。为每个生肖刻一方印，更是篆刻家的雅好。', '图片：', '百牛迎春', '百虎撼岳'];
    const news = ['东亚货币继续贬值', '本报曼谷１月５日电记者某某报道：泰币汇率今天大幅下跌，首次跌破五十铢兑一美元大关。'];
    expect(starts([...seals, ...news].join('\n\n'))).toEqual(['生肖印谈（附', '东亚货币继续']);
    const dispatch = '据新华社北京一月七日电（记者张小典）全国人大常委会副委员长今天在京会见了来访的某国议会代表团。';
    const twoSeals = [seals[0].replace('６张', '２张'), ...seals.slice(1)];
    expect(starts([...twoSeals, dispatch].join('\n\n'))).toEqual(['生肖印谈（附', '据新华社北京']);
    // Two captions of one chart over the next item's dateline stay captions.
    const chart = ['股市一周（附图片３张）', '本周沪深股市震荡走低，成交量明显萎缩。', '图片：', '深圳成份股指数周Ｋ线图', '上海综合指数周Ｋ线图', '本报讯去年十二月二十二日，某矿业集团公司热电厂并网发电。'];
    expect(starts(chart.join('\n\n'))).toEqual(['股市一周（附', '本报讯去年十']);
    // A line over its writer (a byline, or a bare name over running text) is a headline, not a caption still due.
    const essay = ['资本经营要量力而行', '本报驻日本记者某某', '伴随着市场经济体制的建立，越来越多的企业把资本经营当作做大做强的捷径，其中的风险却常被忽视。'];
    expect(starts([...seals, ...essay].join('\n\n'))).toEqual(['生肖印谈（附', '资本经营要量']);
    const named = [essay[0], '缪林', essay[2]];
    expect(starts([...seals, ...named].join('\n\n'))).toEqual(['生肖印谈（附', '资本经营要量']);
    // A caption over its carver's name, then the next caption, is still a caption.
    expect(starts([...seals, '陈冠英', '百兔呈祥'].join('\n\n'))).toEqual(['生肖印谈（附']);
    // Once the last caption is closed by its maker, a title over its writer is the next piece (a poem).
    const memoir = ['我心中的歌', '何启君', '我老了，嗓音不再清亮，可心中那支歌一直在唱，唱了五十多个春秋，从没停过。', '图片：', '敬爱的周总理（手指画）（龚某昌）'];
    const poem = ['多想', '周晓萍', '还未到春天', '青草就有了', '一种生长的姿势'];
    expect(titles([...memoir, ...poem].join('\n\n'))).toEqual(['我心中的歌', '多想']);
  });

  it("a short line with a question and a dash over a reporter's byline, after a photo item, is the next piece's headline", () => {
    const photo = ['罕见海龟（图片）', '福建省某市公园近日收养了一只特大罕见海龟，重约一百五十公斤，已有数百岁高龄。（新华社记者王小明摄）'];
    const feature = [
      '饭桌上，谁先动筷子？——孩子，还是老人？',
      '本报记者王小新',
      '编者的话：“文化视角”专栏新年伊始与大家见面了，欢迎读者来信参与讨论。',
      '线索１：前些时候，城里的一些中学生到市郊农村过了几天农家生活，回来后变得懂礼貌了。',
      '线索２：一岁多的女孩这会儿特别高兴，外婆给她买了一袋薯条，她吃得津津有味。',
    ];
    const read = parsePage([...photo, ...feature].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(read.map((a) => [a.title, a.paragraphs.length])).toEqual([['罕见海龟（图片）', 1], ['饭桌上，谁先动筷子？——孩子，还是老人？', 3]]);
  });

  it('a closing dateline with its year (（新华社北京１９９７年１２月２９日电）) closes the piece: the headline under it opens the next', () => {
    const law = ['某某条例', '第一条为了规范市场秩序，保护消费者的合法权益，制定本条例。', '第二条本条例自一九九八年五月一日起施行。', '（新华社北京１９９７年１２月２９日电）'];
    const next = ['特型演员出版书画集', '曾在多部影片中扮演领袖的特型演员某某，近日出版了自己的书画集，收入作品一百余幅。'];
    const read = parsePage([...law, ...next].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(read.map((a) => a.title)).toEqual(['某某条例', '特型演员出版书画集']);
    expect(read[0].dateline).toMatchObject({ agency: '新华社', place: '北京', month: 12, day: 29 });
  });

  it('after a photo item whose caption ends with its credit and a note (…（新华社记者王小明摄）（传真照片）), running text is the next item', () => {
    const photo = ['文化下乡农民欢迎（图片）', '某省农业部门利用元旦假日送科技下乡，在县城展销农业科技书籍。（新华社记者王小明摄）（传真照片）'];
    const brief = '某国财政部长十二月三十一日在首都宣布，该国将从今年起削减政府开支，以应对金融危机。';
    expect(starts([...photo, brief].join('\n\n'))).toEqual(['文化下乡农民', '某国财政部长']);
  });

  it("a headline, or a brief's lead, after a table's rows of figures opens the next piece", () => {
    const table = ['一九九七年股市概览', '上海股市全年成交活跃，指数稳步上升。', '本年收盘涨跌幅成交金额', '３８１．２９１６．４８１６８８３３４６３', '４１８４．８４３０．１３５４２８５３２６', '９８．９７３１．９７１８２４６３０５７９'];
    const next = ['宁夏：农业产业化铺筑致富路', '宁夏回族自治区去年大力推进农业产业化经营，全区农民人均纯收入比上年增长百分之十。'];
    expect(titles([...table, ...next].join('\n\n'))).toEqual(['一九九七年股市概览', '宁夏：农业产业化铺筑致富路']);
    // So does a headline-less brief's lead.
    const brief = '据英国气象局公布的最新数据，去年英国全年平均气温为十点五七摄氏度，是有记录以来最暖的一年，比常年偏高一度多。';
    expect(starts([...table, brief].join('\n\n'))).toEqual(['一九九七年股', '据英国气象局']);
    // A table's box of its own (its title after a finished article, its rows right under it) ends at its last
    // row: a column's name under it is the next piece's kicker.
    const prices = ['主要副食品价格（１月２２日）', '猪肉（精瘦）\u3000１３．００元／公斤', '牛肉\u3000１６．００元／公斤', '鲜鸡蛋\u3000６．４０元／公斤'];
    const column = ['市场观察', '莫让“年货”变“年祸”', '每到春节，一些不法商贩便趁机把假冒伪劣商品推上柜台。消费者购买年货时，一定要到正规商店购买。', '（孙某）'];
    const articles = parsePage([...next, ...prices, ...column].join('\n\n'), { file: '19980123-02.txt' }).articles;
    expect(articles.map((a) => [a.kicker, a.title, a.paragraphs.length])).toEqual([
      [undefined, '宁夏：农业产业化铺筑致富路', 1],
      [undefined, '主要副食品价格（１月２２日）', 3],
      ['市场观察', '莫让“年货”变“年祸”', 1],
    ]);
  });

  it('the daily weather box (明天气象预报（…）) opens wherever it stands: after a poem, or under a headline with no text of its own', () => {
    const weather = ['明天气象预报（１月６日２０时—７日２０时）', '天气趋势分析', '预计，今天晚上到明天，受西南暖湿气流影响，贵州南部、广西北部有小雨。'];
    const poem = ['新年的钟声', '钟声敲响了', '我们迎来新的一年', '庆祝我们新的辉煌'];
    expect(starts([...poem, ...weather].join('\n\n'))).toEqual(['新年的钟声\n', '明天气象预报']);
    const book = ['《某某文集》出版', '封面题字某某装帧设计某某'];
    expect(titles([...book, ...weather].join('\n\n'))[1]).toBe('明天气象预报（１月６日２０时—７日２０时）');
    // It carries the forecast and nothing dated: a dispatch under it is the next item.
    const dispatch = '新华社沈阳１月７日电某市第十二届人民代表大会第一次会议今天选举产生了新一届市长和副市长。';
    expect(starts([...weather, dispatch].join('\n\n'))).toEqual(['明天气象预报', '新华社沈阳１']);
  });

  it("after the credit of a piece's pictures set at its end (（压题照片：王永摄）), a headline opens the next piece, even after a signed feature", () => {
    const feature = ['口岸把关记', '本报记者王小明', '海关调查局的局长告诉记者，走私案件今年明显减少，查验手段也更先进了。', '“海马”事件从一个侧面告诉我们，把好国门一刻也不能放松。', '（压题照片：王永摄）'];
    const next = ['青岛口岸截获检疫害虫', '国家动植物检疫局日前在对某公司进口的一批货物检疫时，截获了一种危险性害虫。'];
    expect(titles([...feature, ...next].join('\n\n'))).toEqual(['口岸把关记', '青岛口岸截获检疫害虫']);
    // So does a source's credit (`（…供稿）`).
    const supplied = [...feature.slice(0, -1), '（《某某质量》杂志社供稿）'];
    expect(titles([...supplied, ...next].join('\n\n'))).toEqual(['口岸把关记', '青岛口岸截获检疫害虫']);
  });

  it('a law printed whole (中华人民共和国…法) after a signed feature is the next piece, not a subhead', () => {
    const law = ['中华人民共和国某某法', '（１９９７年１２月２９日第八届全国人民代表大会常务委员会第二十九次会议通过）', '第一章总则', '第一条为了规范某某行为，保护当事人的合法权益，制定本法。'];
    expect(titles([...ESSAY, ...law].join('\n\n'))).toEqual(['办事要讲实效', '中华人民共和国某某法']);
  });

  it("after a photo item whose caption is followed by a note on a line of its own (（传真照片）), running text is the next item", () => {
    const photo = ['文化下乡农民欢迎（图片）', '某省农业部门利用元旦假日送科技下乡，在县城展销农业科技书籍。（新华社记者王小明摄）', '（传真照片）'];
    const brief = '某国警方日前破获一个企图暗杀总统的阴谋团伙，该国通讯社二日报道说，被捕者共有十余人。';
    expect(starts([...photo, brief].join('\n\n'))).toEqual(['文化下乡农民', '某国警方日前']);
  });

  it('after a column of pictures (图片新闻 ⏎ captions closed by their credits), running text is the next item; a numbered caption is not', () => {
    const column = ['图片新闻', '１、元月１日，团中央组织青年志愿者在八达岭开展登山活动。（本报记者王小光摄）'];
    const brief = '某公司近日在中国市场推出其最新型的移动电话，这款电话重量更轻，待机时间更长。';
    expect(starts([...column, brief].join('\n\n'))).toEqual(['图片新闻\n\n', '某公司近日在']);
    const second = '２、新年第一天，北京、上海两地同时举行迎新长跑，数万市民参加。（新华社记者李小明摄）';
    expect(starts([...column, second].join('\n\n'))).toEqual(['图片新闻\n\n']);
  });

  it('a full agency dateline after a headline-less item opens the next item when it is on another subject', () => {
    const brief = '某国总理４日说，欧洲国家将采取共同行动，在年内实现统一货币的既定目标。';
    const dispatch = '新华社武汉１月７日电（记者王小明）在今天举行的武汉市第十届人民代表大会第一次会议上，代表们审议了政府工作报告。';
    // (At the top of the page, under no headline.)
    expect(starts([brief, dispatch, ...LIBRARY].join('\n\n'))).toEqual(['某国总理４日', '新华社武汉１', '山村小学有了']);
    const same = '新华社布鲁塞尔１月５日电欧洲国家统一货币的行动得到多数国家总理支持。';
    expect(starts([brief, same, ...LIBRARY].join('\n\n'))).toEqual(['某国总理４日', '山村小学有了']);
  });

  it('a dispatch whose date is written the other way (一月六日 under １月５日) after a dated item opens the next item, even from the same agency', () => {
    const report = [
      '全市农村电话村村通',
      '新华社天津１月５日电截至去年十二月底，天津农村三千一百二十五个自然村全部装上了直拨国内外的程控电话。',
      '市邮电局介绍，今年还将为偏远村庄增设公用电话亭两百个。',
    ];
    const other = '新华社北京一月六日电外交部发言人今天下午宣布：应全国人大常委会的邀请，某国议长将于本月中旬对我国进行正式友好访问。';
    expect(starts([...report, other].join('\n\n'))).toEqual(['全市农村电话', '新华社北京一']);
    // Written the same way and from the same place, the same agency's next dispatch reads as a part of a roundup.
    expect(starts([...report, other.replace('北京一月六日', '天津１月６日')].join('\n\n'))).toEqual(['全市农村电话']);
    // Of the same day, it is read against the item's headline alone: a paragraph above that happens to
    // share words with it (`应…的邀请`) does not hold it in the item.
    const visit = [
      '钱其琛会见陈方安生',
      '据新华社北京１月６日电（记者方某）国务院副总理钱其琛今天下午在北京会见了香港特区政务司司长陈方安生。',
      '应国务院港澳事务办公室的邀请，陈方安生于１月５日抵京访问。',
    ];
    expect(starts([...visit, other].join('\n\n'))).toEqual(['钱其琛会见陈', '新华社北京一']);
  });

  it("the same agency's dispatch from another place on another day, sharing nothing with the item above, opens the next item", () => {
    const report = [
      '全市农村电话村村通',
      '新华社天津１月５日电截至去年十二月底，天津农村三千一百二十五个自然村全部装上了直拨国内外的程控电话。',
      '市邮电局介绍，今年还将为偏远村庄增设公用电话亭两百个。',
    ];
    const other = '新华社沈阳１月７日电沈阳市第十届人民代表大会第一次会议今天选举了新一届市人民政府领导成员。';
    expect(starts([...report, other].join('\n\n'))).toEqual(['全市农村电话', '新华社沈阳１']);
    // A roundup's dispatch from elsewhere keeps to the item's subject: one article.
    const part = '新华社沈阳１月７日电沈阳农村电话用户去年增加了一倍，程控电话已通到每个乡镇。';
    expect(starts([...report, part].join('\n\n'))).toEqual(['全市农村电话']);
  });

  it("running text after a dated brief closed by its reporter's credit, or after an article's closing pictures, is the next item", () => {
    const brief = '本报讯为国内外七十家航空公司提供供油服务的某油料公司，日前通过了国际质量体系认证。（彭振海）';
    const next = '某县妇联积极组建妇女发展互助会，帮助一千多户农村妇女解决了生产资金的困难。';
    expect(firstWords([brief, next].join('\n\n'))).toEqual(['为国内外七', '某县妇联积']);
    // Without the credit the paragraph goes on the brief.
    expect(firstWords([brief.replace('（彭振海）', ''), next].join('\n\n'))).toEqual(['为国内外七']);
    const report = [
      '世界游泳锦标赛首日中国队板台兼收（附图片１张）',
      '本报珀斯１月８日电记者许立群报道：第八届世界游泳锦标赛今天开幕，中国选手夺得男子双人跳台冠军。',
      '相比之下，女子三米跳板的决赛紧张激烈，中国选手最后一跳稳定发挥。',
      '图片：',
      '中国选手在珀斯大赛中。（新华社记者宋晓刚摄）',
    ];
    const water = '实施供水解困工程五年来，某省已有三百三十万农村人口解决了吃水问题。';
    expect(firstWords([...report, water].join('\n\n'))).toEqual(['第八届世界', '实施供水解']);
    // So do an exhibition's pictures, each closed by its painter's name (`…（彩墨画）（王朝瑞）`).
    const show = ['某画院作品展在京举行（附图片２张）', '某画院作品展日前在中国美术馆举行，参展的一百六十多幅作品出自十七位画家之手。', '图片：', '走出黄土地（套色木刻）（曹美）', '太行石门岩（彩墨画）（王朝瑞）'];
    expect(firstWords([...show, water].join('\n\n'))).toEqual(['某画院作品', '实施供水解']);
    // A picture's caption closed by its credit after the text, without `图片：`, ends the article too.
    const pictured = [report[0], report[1], report[2], '中国选手在珀斯大赛中。（新华社记者宋晓刚摄）'];
    expect(firstWords([...pictured, water].join('\n\n'))).toEqual(['第八届世界', '实施供水解']);
    // An agency's photo (`（新华社发美联社照片）`) too, whatever the next text speaks of.
    const agency = [report[0], report[1], report[2], '中国选手在珀斯大赛中。（新华社发美联社照片）'];
    const swimming = '中国游泳协会宣布，中国选手将参加今年在珀斯举行的世界游泳锦标赛全部项目的比赛。';
    expect(firstWords([...agency, swimming].join('\n\n'))).toEqual(['第八届世界', '中国游泳协']);
    // A numbered caption goes on the set of pictures.
    expect(firstWords([...pictured, '２、高一百四十八厘米的巨型椰雕工艺瓶近日在海口问世。'].join('\n\n'))).toEqual(['第八届世界']);
    expect(firstWords([...show, '３、晨光中的山村，一位老农赶着牛车走过村口的老槐树。'].join('\n\n'))).toEqual(['某画院作品']);
  });

  it("a dispatch after a piece signed in brackets by its writers' unit and names (…。（某县人民政府余发勋）) opens the next item", () => {
    const letter = [
      '山区公路亟待修复',
      '我县通往山区的公路去年夏天被洪水冲毁多处，至今未能修复，山里的农产品运不出去，群众出行十分困难。希望有关部门尽快拨款修路。（湖北某县某镇人民政府余发勋）',
    ];
    const dispatch = '新华社北京一月六日电外交部发言人今天下午宣布：应全国人大常委会的邀请，某国议长将于本月中旬对我国进行正式友好访问。';
    expect(starts([...letter, dispatch].join('\n\n'))).toEqual(['山区公路亟待', '新华社北京一']);
    // The signature is the letter's byline, out of its text.
    const [read] = parsePage(letter.join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(read.byline).toMatchObject({ reporters: ['余发勋'], organization: '湖北某县某镇人民政府' });
    expect(read.paragraphs.at(-1)?.text.endsWith('尽快拨款修路。')).toBe(true);
    // Two writers of one unit run together after it (`…交通局熊承元毕宗锐`) sign it too.
    const two = [letter[0], letter[1].replace('湖北某县某镇人民政府余发勋', '湖北某市交通局熊承元毕宗锐')];
    expect(starts([...two, dispatch].join('\n\n'))).toEqual(['山区公路亟待', '新华社北京一']);
  });

  it("a review closed by its book's publication note (（…由…出版社出版）) is whole: a headline after it opens the next piece, even after a signed feature", () => {
    const review = [
      '读《海外女作家散文选》',
      '林青',
      '这套丛书收入了十几位海外女作家的散文，写故乡，写异国，写人生的悲欢离合，文字清丽，感情真挚。',
      '读这些散文，仿佛跟着作者走过了许多地方，也走进了她们的内心世界。',
      '（《世界华文女作家丛书》由某文艺出版社出版）',
    ];
    const next = ['寻呼台会泄露用户隐私吗', '一些读者来信反映，寻呼台的工作人员随意向他人透露用户的呼叫内容，给用户带来了麻烦。'];
    expect(starts([...review, ...next].join('\n\n'))).toEqual(['读《海外女作', '寻呼台会泄露']);
  });

  it('running text on another subject after an item closed by its writer or its dispatch (a byline line, a credit or a closing dateline ending the text) is the next item', () => {
    const item = [
      '全市农村电话村村通',
      '截至去年十二月底，某市农村三千一百二十五个自然村全部装上了直拨国内外的程控电话。',
      '市邮电局介绍，今年还将为偏远村庄增设公用电话亭两百个。',
    ];
    const other = '外交部发言人今天下午宣布：应全国人大常委会的邀请，某国议长将于本月中旬对我国进行正式友好访问。';
    expect(firstWords([...item, '（记者王璐）', other].join('\n\n'))).toEqual(['截至去年十', '外交部发言']);
    const credited = [...item.slice(0, -1), `${item[2]}（王璐）`];
    expect(firstWords([...credited, other].join('\n\n'))).toEqual(['截至去年十', '外交部发言']);
    // So is an item closed by its dispatch's closing dateline.
    const dispatched = [...item.slice(0, -1), `${item[2]}（本报开罗１月５日电）`];
    expect(firstWords([...dispatched, other].join('\n\n'))).toEqual(['截至去年十', '外交部发言']);
    // On the item's own subject the paragraph stays with it.
    const same = '市邮电局还表示，农村电话的资费今年将下调一成，让更多农户用得起电话。';
    expect(firstWords([...credited, same].join('\n\n'))).toEqual(['截至去年十']);
    // A byline right under the intro signs a feature that goes on.
    const feature = ['山村里的年货', '年关将近，记者走进太行山深处的几个村子，看农民怎样置办年货。', '本报记者王璐', other];
    expect(firstWords(feature.join('\n\n'))).toEqual(['年关将近，']);
  });

  it('a photo item (…（图片）) carries one caption: running text after it is the next item', () => {
    const photo = ['产粮大县农民踊跃交售爱国粮（图片）', '日前，某省产粮大县农民在粮库踊跃交售爱国粮。今年全省粮食总产量可达二百亿公斤以上。（新华社记者丁仁贵摄）'];
    const brief = '据某国警察厅二日发表的统计数字，该国去年有九千六百四十人死于交通事故，比上年减少一成。';
    expect(firstWords([...photo, brief].join('\n\n'))).toEqual(['日前，某省', '据某国警察']);
  });

  it("a book's cover (…（图片）) with its one caption line, then a headline over its writer and text: the review is the next piece", () => {
    const cover = ['《中国名城辞典》某某出版社出版（图片）', '封面题字某某装帧设计某某'];
    const review = ['读书贵在有得', '李文', '前几年曾听说读书热一说，如今，各种名目的丛书、书系频频面世，令人目不暇接，读者反倒无所适从了。'];
    expect(titles([...cover, ...review].join('\n\n'))).toEqual([cover[0], '读书贵在有得']);
    // Signed with a pen name that is no surname and given name (`塞夫`), all the same.
    const penned = ['历史深处的回音——读《某某丛书》', '塞夫', review[2]];
    expect(titles([...cover, ...penned].join('\n\n'))).toEqual([cover[0], penned[0]]);
  });

  it('a headline with its own subtitle (…——读《…》, …——元旦献辞) after a poem or a signed essay opens the next piece: no verse line or subhead carries one', () => {
    const poem = ['山乡之夜', '李明', '月亮爬上了山岗', '照着安静的村庄', '灯火一盏一盏亮起', '那是回家的方向'];
    const review = ['一条美丽的星河——读《追寻永恒》', '这本书记录了几十位英雄模范的昨天和今天，读来令人感动，也令人深思。'];
    expect(titles([...poem, ...review].join('\n\n'))).toEqual(['山乡之夜', '一条美丽的星河——读《追寻永恒》']);
    // A new year's address under its own line (`…——元旦献辞`) after a signed essay is a piece of its own too.
    const address = ['在新的起点上胜利前进——元旦献辞', '新的一年开始了。回顾过去的一年，我们在改革开放和现代化建设中取得了新的成绩。'];
    expect(titles([...ESSAY, ...address].join('\n\n'))).toEqual(['办事要讲实效', '在新的起点上胜利前进——元旦献辞']);
  });

  it("a picture's title over its maker's bare name (春山图（国画） ⏎ 孙某某) is whole: the next picture opens the next item; a word on the picture stays", () => {
    const pictures = ['春山图（国画）', '孙立新', '秋到江南（油画）', '周海燕'];
    expect(titles(pictures.join('\n\n'))).toEqual(['春山图（国画）', '秋到江南（油画）']);
    const word = '画家以泼墨写春山，笔意纵横，墨色淋漓，画面清新而富有生机，是他近年来的代表作。';
    expect(titles([pictures[0], pictures[1], word].join('\n\n'))).toEqual(['春山图（国画）']);
    // A poem's title names a form too, but verse follows its writer.
    const poem = ['山村的早晨（外一首）', '赵立新', '鸡叫三遍', '炊烟升起', '山村醒了'];
    expect(titles(poem.join('\n\n'))).toEqual(['山村的早晨（外一首）']);
  });

  it('running text after an artwork closed by its credit is the next item, a headline-less brief', () => {
    const page = ['国泰民安（篆刻）', '（陈少华）', '以色列总理府三日晚宣布，以总理定于本月二十日赴华盛顿，同美国总统就中东和平进程举行会谈。'].join('\n\n');
    const read = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(read).toHaveLength(2);
    expect(read[0].title).toBe('国泰民安（篆刻）');
    expect(read[1].paragraphs[0].text).toMatch(/^以色列总理府三日晚宣布/);
  });

  it("a report's dateline under its editor's note of several paragraphs stays in the report", () => {
    const page = [
      '宁夏：农业产业化铺筑致富路',
      '编辑点评：',
      '每个地方，不管是东部还是西部，不管是发达地区还是欠发达地区，都要从实际出发，找准自己的路子。',
      '宁夏目前仍有数十万人处在贫困线以下，脱贫任务十分艰巨，农业产业化是一条好路子。',
      '本报银川１月２日电记者胡继鸿报道：宁夏回族自治区积极探索和推进农业产业化的路子，取得明显成效。',
      '据自治区有关部门介绍，全区已有各类龙头企业一百多家。',
    ].join('\n\n');
    expect(titles(page)).toEqual(['宁夏：农业产业化铺筑致富路']);
  });

  it("an editor's note at the top of a long feature does not hold a dateline many paragraphs below it: that opens the next item", () => {
    const feature = [
      '年夜饭该在哪儿吃',
      '本报记者林青',
      '编者的话：“百姓话题”专栏今天请几位读者谈谈年夜饭。',
      '线索１：前些时候，不少饭店早早贴出告示，年夜饭的席位已经订满。',
      '线索２：也有人家坚持在家里做，说一家人围着灶台忙活才有年味。',
      '王大妈（６８岁）：孩子们都忙，在饭店吃省事，可总觉得少了点什么。',
      '李先生（３５岁）：在家做一桌菜要忙两天，饭店里吃，一家人能多说说话。',
      '记者点评：在哪儿吃不要紧，要紧的是一家人团团圆圆。',
      '线索３：有的饭店推出“半成品年夜饭”，买回家热一热就能上桌。',
    ];
    const dated = '本报北京一月九日讯中国第一个航空运动俱乐部今天在这里成立，首批会员一百二十人。';
    const page = [...feature, dated].join('\n\n');
    expect(starts(page)).toEqual(['年夜饭该在哪', '本报北京一月']);
  });

  it('after an article closed by its credit or its dispatch on a line of its own, a paragraph naming its day is the next headline-less brief', () => {
    const page = [
      '质量投诉热线开通',
      '消费者遇到商品质量问题，今后可以拨打投诉热线。热线由质量监督部门和消费者协会共同设立，全天有人值守。',
      '（某某杂志社供稿）',
      '由国内技术人员独立开发设计的大屏幕彩色电视机，最近在深圳一家电子企业投产，年产能力五十万台。',
    ].join('\n\n');
    expect(starts(page)).toEqual(['质量投诉热线', '由国内技术人']);
    // The same after the dispatch that closes a report (`（新华社北京１月１日电）`), before a lead that names its day.
    const signed = [
      '山村小学有了图书室',
      '元旦前夕，县里给山村小学送来两千册图书。孩子们第一次有了自己的图书室，课间总围在书架前不肯走。',
      '（新华社北京１月１日电）',
      '以色列总理府三日晚宣布，以总理定于本月二十日赴华盛顿，同美国总统就中东和平进程举行会谈。',
    ].join('\n\n');
    expect(firstWords(signed)).toEqual(['元旦前夕，', '以色列总理']);
  });

  it('a brief that opens with its subject and last year (我国去年…) after an unrelated article is the next headline-less item; "我们去年…" goes on', () => {
    const feature = LIBRARY;
    const brief = '我国去年新增有线电视用户一千二百万户，全国有线电视用户总数已达八千万户，居世界前列。';
    expect(firstWords([...feature, brief].join('\n\n'))).toEqual(['元旦前夕，', '我国去年新']);
    // A paragraph of the story told by its people (`我们…`) is not a subject of its own.
    const goesOn = '我们去年新建了一座水塔，全村三百多户人家喝上了干净的自来水，再也不用到山下挑水吃了。';
    expect(firstWords([...feature, goesOn].join('\n\n'))).toEqual(['元旦前夕，']);
  });

  it('a title naming its form (（中国画）, （二首）) over its maker opens a piece of its own, even right under a poem; a caption under 图片： does not', () => {
    const poem = ['山乡之夜', '李明', '月亮爬上了山岗', '照着安静的村庄', '灯火一盏一盏亮起', '那是回家的方向'];
    const painting = ['雪后（中国画）', '（王小林）'];
    const poems = ['春天的约会（二首）', '张新', '早春', '柳梢上挂着', '一滴不肯落的雨'];
    expect(titles([...poem, ...painting, ...poems].join('\n\n'))).toEqual(['山乡之夜', '雪后（中国画）', '春天的约会（二首）']);
    // A cartoon titled with its maker's hand (`…（方成画）`) is whole: the poem under it is the next piece.
    const cartoon = '春节新气象（方成画）';
    const verse = ['陕北腰鼓', '李舟', '跳起黄土高原的舞蹈', '擂起显示力量的腰鼓', '汗水洒在黄土地上', '鼓声响在白云之间'];
    expect(titles([...poem, cartoon, ...verse].join('\n\n')).slice(-1)).toEqual(['陕北腰鼓']);
    // Its maker may be credited in a note: `湖畔（油画）` ⏎ `（十九世纪·法国：某某）`.
    const oil = ['湖畔（油画）', '（十九世纪·法国：柯罗）'];
    expect(titles([...poem, ...oil, ...poems].join('\n\n'))).toEqual(['山乡之夜', '湖畔（油画）', '春天的约会（二首）']);
    // Under the pictures of an article, the same lines are its captions.
    const article = ['画家笔下的新农村（附图片２张）', '近日，一批画家深入山区写生，创作了一批反映新农村面貌的作品，在县文化馆展出。', '图片：', ...painting];
    expect(titles(article.join('\n\n'))).toEqual(['画家笔下的新农村（附图片２张）']);
  });

  it("after a poem, a brief's news lead or a headline over the report it leads into opens the next item; the poem's own prose does not", () => {
    const poem = ['乡音', '李小明', '乡音难改', '或多或少总是可以改的', '改不了的是老屋老井', '热土里扎下深根', '是唤你回家的那种声音'];
    const brief = '伊朗外长５日致信联合国秘书长，呼吁联合国采取紧急措施，制止在阿尔及利亚发生的屠杀平民事件。';
    expect(starts([...poem, brief].join('\n\n'))).toEqual(['乡音\n\n李小', '伊朗外长５日']);
    const prose = '这首诗写于作者离家四十年后第一次回乡的路上，诗中的老屋老井至今还在，村里人都记得他。';
    expect(starts([...poem, prose].join('\n\n'))).toEqual(['乡音\n\n李小']);
    // A line over prose that takes up its words is the next piece's headline, not the poem's last line.
    const report = ['县委书记观看话剧《山村教师》', '县委书记昨晚在县剧院观看了话剧《山村教师》，并同演员们亲切交谈，勉励他们多演群众喜闻乐见的好戏。'];
    expect(starts([...poem, ...report].join('\n\n'))).toEqual(['乡音\n\n李小', '县委书记观看']);
    // So is a line over a short lead that takes up half its words.
    const show = ['王林书画展在京举办', '书画家王林，于一月八日至十二日在京举办个人书画展。'];
    expect(starts([...poem, ...show].join('\n\n'))).toEqual(['乡音\n\n李小', '王林书画展在']);
  });

  it("after a poem, a title over a pen name (粒砂) over prose is the next piece; a poem's last line over a news lead is not a writer", () => {
    const poem = ['乡音', '李小明', '乡音难改', '或多或少总是可以改的', '改不了的是老屋老井', '热土里扎下深根', '是唤你回家的那种声音'];
    const essay = ['凝眸岁月', '粒砂', '“爆竹声中一岁除，春风送暖入屠苏。”又是一年辞旧迎新的时候，凝眸岁月，感慨良多。'];
    expect(titles([...poem, ...essay].join('\n\n'))).toEqual(['乡音', '凝眸岁月']);
    // Two-character verse lines over the next brief's lead stay in the poem; the brief opens there.
    const tail = ['那是他们震天动地的', '脚步'];
    const brief = '某国警方四日上午同进行种族主义宣传的新纳粹分子发生冲突，一名警察被打伤，十余人被捕。';
    expect(starts([...poem, ...tail, brief].join('\n\n'))).toEqual(['乡音\n\n李小', '某国警方四日']);
  });

  it("at a poem's end, the next piece's title over its writer opens it even when the title's words could pass for a pen name", () => {
    // (A long line among its verses reads as running text.)
    const poem = ['乡音', '李小明', '乡音难改', '长到八十四岁，依然是母亲嘴里的乳名，依然是村口那一声悠长的呼唤', '出门在外', '或许能想起某个眼神', '清清亮亮的是谁的声音', '是唤你回家的那种声音'];
    const feature = ['焊花如血', '王文辉', '去年８月１５日清晨，焊工简世辉像往常一样早早来到车间，检修那台用了二十多年的老设备。'];
    expect(titles([...poem, ...feature].join('\n\n'))).toEqual(['乡音', '焊花如血']);
    // Under an article's pictures (`图片：` ⏎ captions), an artwork over its credit, then a headline over
    // its writers, are two pieces: captions are no verse.
    const chart = ['股市一周（附图片２张）', '本周沪深股市震荡走低，成交量明显萎缩。', '图片：', '深圳成份股指数周Ｋ线图', '上海综合指数周Ｋ线图'];
    const seal = ['一元复始（篆刻）', '（韦耀中）'];
    const story = ['英雄不悔少年时', '易允武邓献忠周立耘', '编者按：新年伊始，我们刊登这篇通讯，讲述一位少年英雄的成长故事，以飨读者。'];
    expect(titles([...chart, ...seal, ...story].join('\n\n'))).toEqual(['股市一周（附图片２张）', '一元复始（篆刻）', '英雄不悔少年时']);
  });

  it("a brief's news lead after a note in brackets that closes the piece above (（本文系作者…的一部分）) is the next headline-less item", () => {
    const brief = '摩洛哥新一届两院制议会７日选出第一任参议院议长，原一院制议会议长当选，任期三年，新议长表示将推进改革。';
    const speech = [...LIBRARY, '（本文系作者在全县教育工作会议上讲话的一部分）'];
    expect(firstWords([...speech, brief].join('\n\n'))).toEqual(['元旦前夕，', '摩洛哥新一']);
  });

  it('a paragraph naming its day that shares nothing with the article above is the next headline-less brief, unless its writer tells it (笔者…)', () => {
    const feature = LIBRARY;
    const brief = '中国政府援建的体育场，１２月３０日在塔那那利佛正式交付使用，两国官员出席了交接仪式并剪彩，当地数千名群众观看。';
    expect(firstWords([...feature, brief].join('\n\n'))).toEqual(['元旦前夕，', '中国政府援']);
    const told = '近日，笔者在河北农村采访时，听到乡亲们七嘴八舌地议论开春以后的打算，有的要种大棚菜，有的要外出打工。';
    expect(firstWords([...feature, told].join('\n\n'))).toEqual(['元旦前夕，']);
  });

  it('after a headline-less brief, the next paragraph is the next brief only if it opens like one or is on another subject: a story told on goes on', () => {
    const brief = '中国政府援建的体育场，１２月３０日在塔那那利佛正式交付使用，两国官员出席了交接仪式并剪彩，当地数千名群众观看。';
    const next = '捷克总统哈韦尔二日在布拉格宫任命了新政府成员，新政府将在议会获得信任投票后正式履职。';
    expect(firstWords([...LIBRARY, brief, next].join('\n\n'))).toEqual(['元旦前夕，', '中国政府援', '捷克总统哈']);
    // A paragraph that goes on with the brief's own words, without a day of its own, is the brief's.
    const goesOn = '体育场可容纳观众两万人，是两国友好合作的又一成果，当地群众称它为友谊体育场。';
    expect(firstWords([...LIBRARY, brief, goesOn].join('\n\n'))).toEqual(['元旦前夕，', '中国政府援']);
    // Nor does a quotation, or the reporter going on with the story, on whatever subject.
    const quoted = '“站住，不许动！”眼看黑影就要翻过围墙，哨兵一个箭步冲上去，一把将他拉了下来。';
    expect(firstWords([...LIBRARY, brief, quoted].join('\n\n'))).toEqual(['元旦前夕，', '中国政府援']);
    const reporter = '记者跟随哨兵走进营房，一楼是学习室，二楼是宿舍，墙上挂满了奖状和锦旗。';
    expect(firstWords([...LIBRARY, brief, reporter].join('\n\n'))).toEqual(['元旦前夕，', '中国政府援']);
  });

  it("a roundup whose parts each open as a leader's lead keeps its last part, though headline-less briefs follow it", () => {
    const roundup = [
      '多国领导人发表新年讲话',
      '综合新华社电新年到来之际，多国领导人通过电视和广播发表讲话，回顾过去一年，展望新的一年。',
      '挪威首相布隆德兰１２月３１日晚发表电视讲话说，挪威经济去年增长强劲，失业率降到十年来最低。',
      '智利总统弗雷３１日在圣地亚哥发表讲话，希望全国人民团结一致，使智利经济在新的一年保持稳定增长。',
      // Shares a little with the part above (总统, ３１日, 发表): read alone, the first of a run of briefs.
      '肯尼亚总统莫伊３１日在内罗毕发表新年文告，呼吁各党派摒弃分歧，为国家的和平与繁荣共同努力。',
    ];
    const briefs = [
      '葡萄牙政府决定自一日起将公务员工资平均提高百分之三，并削减部分政府部门的行政开支，以控制财政赤字。',
      '秘鲁首都利马二日发生一起严重交通事故，一辆长途客车坠入山谷，造成二十多人死亡，三十多人受伤。',
    ];
    expect(starts([...roundup, ...briefs].join('\n\n'))).toEqual(['多国领导人发', '葡萄牙政府决', '秘鲁首都利马']);
  });

  it('in a signed feature, a paragraph that opens on a time and then its person as a pronoun (…凌晨３时，他…) goes on with the story', () => {
    const night = '１９９６年１月５日凌晨３时，他冒着大雪赶到山口，把加急电报交给病危老汉的儿子，那家人感激不已。';
    expect(starts([...POSTMAN, night].join('\n\n'))).toEqual(['山乡邮递员\n']);
    // So does one that opens on its date with a subject of its own: no item of the 1998 dev pages opens
    // on its date (66 paragraphs inside articles do). A brief names its subject first.
    const dated = '１９９６年１月５日，某县图书馆开办农民科技夜校，每周三个晚上讲授种植养殖知识，报名者踊跃。';
    expect(starts([...POSTMAN, dated].join('\n\n'))).toEqual(['山乡邮递员\n']);
    const brief = '某县图书馆１月５日开办农民科技夜校，每周三个晚上讲授种植养殖知识，报名者十分踊跃。';
    expect(starts([...POSTMAN, brief].join('\n\n'))).toEqual(['山乡邮递员\n', '某县图书馆１']);
  });

  it('after a signed feature, a line that opens with a place and then what it does (浙江将推广…), or someone and what they brought out, is a news headline, not a subhead', () => {
    const news = ['浙江将推广稻田养鱼技术', '稻田里养鱼，鱼吃害虫和杂草，鱼粪肥田，每亩可增收三百多元，这项技术今年将在全省推开。'];
    expect(titles([...POSTMAN, ...news].join('\n\n'))).toEqual(['山乡邮递员', '浙江将推广稻田养鱼技术']);
    // So is someone named, then what they brought out.
    const book = ['青年作家出版散文集', '青年作家林某的散文集《山路》由某出版社出版，收入作者近年创作的散文五十余篇。'];
    expect(titles([...POSTMAN, ...book].join('\n\n'))).toEqual(['山乡邮递员', '青年作家出版散文集']);
    // A subhead of the feature's own story stays in it.
    const section = ['风雨无阻二十年', '乡亲们都说，老周送信比钟表还准，刮风下雨从来没有误过一天，大家都把他当成自家人。'];
    expect(titles([...POSTMAN, ...section].join('\n\n'))).toEqual(['山乡邮递员']);
  });

  it("a short exclamation under finished text that takes up the piece's words, and none of what follows, is its last line", () => {
    const story = [...POSTMAN, '老周，山乡离不开你！'];
    const pictured = ['雪中送炭（图片）', '１月５日，某县民政局干部把棉衣棉被送到困难群众家中。（王小明摄）'];
    expect(titles([...story, ...pictured].join('\n\n'))).toEqual(['山乡邮递员', '雪中送炭（图片）']);
    const dated = ['本报讯某县图书馆近日为农民开办科技夜校，每周三个晚上讲授种植养殖知识，已有两千多人次参加。'];
    expect(starts([...story, ...dated].join('\n\n'))).toEqual(['山乡邮递员\n', '本报讯某县图']);
    // One over its writer's byline heads a piece of its own, whatever words it shares.
    const calling = ['图书室，办得好！', '本报记者王小明', '山村小学的图书室办起来以后，孩子们读书的劲头更足了，家长们也常来借书看。'];
    expect(titles([...LIBRARY, ...calling].join('\n\n'))).toEqual(['山村小学有了图书室', '图书室，办得好！']);
  });

  it("a list's items (各项冠军如下： ⏎ 男子跳高：…) end where the next piece's headline stands over its dispatch or over prose that takes up its words", () => {
    const results = [
      '全国室内田径赛结束',
      '本报北京１月１９日讯记者李明报道：全国室内田径锦标赛今天在首都体育馆结束，广东、上海、辽宁代表队分获团体总分前三名。',
      '各项冠军如下：',
      '男子６０米：陈文忠（广东）６秒６２',
      '女子６０米：李雪梅（四川）７秒２１',
      '男子跳高：周忠革（上海）２米２６',
      '女子铅球：隋新梅（山东）１９米３５',
    ];
    const fixtures = ['首轮比赛对阵如下：', '大连万达—上海申花', '北京国安—山东鲁能', '广州松日—四川全兴'];
    const league = (lead: string) => ['甲Ａ足球新赛季赛程公布', `${lead}中国足协日前公布了全国足球甲Ａ联赛新赛季赛程，联赛将于３月２２日开幕，共进行２６轮比赛。`, ...fixtures];
    const volleyball = (lead: string) => ['中国女排集训备战亚运会', `${lead}中国女排日前在福建漳州开始冬训，主教练表示，本次集训的重点是提高队员的体能和技术。`];
    const expected = ['全国室内田径赛结束', '甲Ａ足球新赛季赛程公布', '中国女排集训备战亚运会'];
    expect(titles([...results, ...league('本报讯'), ...volleyball('本报讯')].join('\n\n'))).toEqual(expected);
    expect(titles([...results, ...league(''), ...volleyball('')].join('\n\n'))).toEqual(expected);
    // Items with no marks of their own (`一等奖` ⏎ `王某某 李某某`) end at a line worded as a news headline.
    const prizes = ['全国青年歌手大奖赛揭晓', '本报北京２月３日讯第八届全国青年歌手电视大奖赛今晚揭晓。获奖名单如下：', '一等奖', '王小明　李红', '二等奖', '张大伟　赵丽　刘强'];
    const show = ['农民画展在京开幕', '由文化部主办的全国农民画展今天在中国美术馆开幕，展出作品二百余件。'];
    expect(titles([...prizes, ...show].join('\n\n'))).toEqual(['全国青年歌手大奖赛揭晓', '农民画展在京开幕']);
  });

  it("under a briefs column's label (文化简讯, 国际简讯), each item marked as the first was, or opened by its own dispatch, is the next item", () => {
    const marked = ['文化简讯', '▲大型历史剧《长征》在京首演，该剧再现了红军长征的壮丽史诗。', '▲第三届全国少数民族文艺会演将于今年九月在北京举行。', '▲《中国美术全集》出版座谈会近日在京召开。'];
    expect(starts(marked.join('\n\n'))).toEqual(['文化简讯\n\n', '▲第三届全国', '▲《中国美术']);
    const dated = ['国际简讯', '据新华社莫斯科１月１３日电　俄罗斯总统叶利钦今天在克里姆林宫会见了来访的某国总理。', '据新华社开罗１月１３日电　埃及总统穆巴拉克今天表示，中东和平进程不应停滞。'];
    expect(starts(dated.join('\n\n'))).toEqual(['国际简讯\n\n', '据新华社开罗']);
    // Without the label, a bulleted point with no day of its own stays in its piece.
    const points = ['农业发展的几点看法', '▲调整结构必须吃透两头：一头是当地的优势，一头是市场的动向。', '▲农业产业化经营要做到三个最大化，一是产业发展最大化。'];
    expect(starts(points.join('\n\n'))).toEqual(['农业发展的几']);
  });

  it("a list of works, each its title, writer and journal (《某某》作者王某《收获》 ⏎ issue ⏎ summary), stays in the piece that lists them", () => {
    const page = [
      '文学期刊新作选介',
      '本栏每月选介文学期刊的头条作品，供读者参考。———编者',
      '《山村纪事》作者张某《人民文学》',
      '１９９８年第一期',
      '小说写一个山村教师二十年的坚守，笔调朴素，人物真实可信，读来令人感动。',
      '《远方的河》作者李某某《收获》',
      '１９９８年第一期',
      '作品以一条河的变迁为线索，写出了两代人的命运，结构精巧，语言富有诗意。',
      '春节文艺晚会节目单公布',
      '本报北京１月８日讯　中央电视台今天公布了春节联欢晚会的节目单，共有歌舞、相声、小品等三十多个节目。',
    ];
    const [list] = parsePage(page.join('\n\n'), { file: '19980109-11.txt' }).articles;
    expect(list.paragraphs.map((p) => p.text).filter((t) => t === '１９９８年第一期')).toHaveLength(2);
    expect(titles(page.join('\n\n'))).toEqual(['文学期刊新作选介', '春节文艺晚会节目单公布']);
  });

  it("a writer's bare name under a finished commentary (…值得提倡。 ⏎ 郭某) signs it, over the next piece's headline and dateline: never that piece's kicker", () => {
    const talk = ['今日谈', '“年货”里的新风', '年关将近，记者在一些城镇看到，群众置办年货时，书籍、鲜花、健身器材成了新宠。', '年货的变化，折射出人们生活观念的变化。这股新风，值得提倡。', '郭某'];
    const news = ['春运开始　铁路加开临客', '本报北京１月２５日讯　记者陈某报道：今天，１９９８年铁路春运正式开始。全国铁路共安排加开临时旅客列车３００多对。'];
    const [a, b] = parsePage([...talk, ...news].join('\n\n'), { file: '19980126-01.txt' }).articles;
    expect([a.title, a.byline?.reporters, a.paragraphs.length]).toEqual(['“年货”里的新风', ['郭某'], 2]);
    expect([b?.kicker, b?.title]).toEqual([undefined, '春运开始 铁路加开临客']);
    // A desk signing so stays a desk (`文艺部`), not a person; a word of address closing a poem (`母亲`) is no one.
    const [c] = parsePage(['新春寄语', '新春佳节到了，我们向广大读者拜年，祝大家新春愉快，万事如意！', '文艺部'].join('\n\n'), { file: '19980126-12.txt' }).articles;
    expect([c.byline?.department, c.byline?.reporters]).toEqual(['文艺部', []]);
    const [d] = parsePage(['灯下', '又是一个冬夜，我在灯下给你写信。', '窗外的雪下了一整夜，我想起了你。', '母亲'].join('\n\n'), { file: '19980126-12.txt' }).articles;
    expect(d.byline?.reporters ?? []).toEqual([]);
  });

  it('rows of results with their ranks numbered (男子１０公里：１．王某…２．…) or their scores stay in the report, each a paragraph: never the next headline', () => {
    const report = [
      '全国冬季两项锦标赛结束',
      '本报哈尔滨１月１１日讯记者张明报道：为期五天的全国冬季两项锦标赛今天在黑龙江省尚志市落下帷幕，解放军队获男女团体冠军。',
      '男子１０公里短距离：１．王某（解放军）２．李某某（吉林）３．赵某（黑龙江）',
      '女子７．５公里短距离：１．刘某某（解放军）２．陈某（新疆）３．孙某某（吉林）',
    ];
    const next = ['甲Ａ联赛转会摘牌结束', '新华社北京１月１１日电（记者高明）全国足球甲Ａ联赛球员转会摘牌今天在北京结束，共有３８名球员被摘牌。'];
    const [a, b] = parsePage([...report, ...next].join('\n\n'), { file: '19980112-08.txt' }).articles;
    expect([a.title, b?.title, b?.kicker]).toEqual(['全国冬季两项锦标赛结束', '甲Ａ联赛转会摘牌结束', undefined]);
    expect(a.paragraphs.map((p) => p.text.slice(0, 5))).toEqual(['为期五天的', '男子１０公', '女子７．５']);
    // So are a final's scores between two sides, each with its team (`女子单打决赛：王某（辽宁）３∶２李某（北京）`);
    // a headline with a score stays a headline.
    const finals = ['全国乒乓球锦标赛结束', '本报长春１月１８日讯　记者王某报道：１９９８年全国乒乓球锦标赛今天在长春落下帷幕。北京队获得男子团体冠军，上海队获得女子团体冠军。', '各单项决赛结果如下：', '男子单打决赛：孔某某（北京）３∶１刘某（上海）', '女子单打决赛：王某（辽宁）３∶２李某某（北京）', '男子双打决赛：张某、王某某（八一）３∶０赵某、钱某（广东）'];
    const match = ['中国女排３∶０胜韩国队', '新华社曼谷１月１８日电　（记者李某）在今天进行的四国女排邀请赛中，中国女排以３∶０战胜韩国队。', '中国队主教练赛后说，队员们发挥了正常水平。'];
    const [c, d] = parsePage([...finals, ...match].join('\n\n'), { file: '19980119-08.txt' }).articles;
    expect([c.title, c.paragraphs.length, d?.title, d?.kicker]).toEqual([finals[0], 5, match[0], undefined]);
  });

  it("after finished text, even a signed feature's, a line over a list's first item (一、…, ▲…) heads a box of its own", () => {
    const numbered = ['去年农村十件大事', '一、全国粮食总产量再创历史新高，农民人均纯收入继续增长。', '二、农村电网改造全面启动，农民用电价格有所下降。'];
    expect(titles([...POSTMAN, ...numbered].join('\n\n'))).toEqual(['山乡邮递员', '去年农村十件大事']);
    const bullets = ['寄信小常识', '▲信封上要写清收信人的邮政编码和详细地址。', '▲贵重物品请寄保价信函或包裹。'];
    expect(titles([...POSTMAN, ...bullets].join('\n\n'))).toEqual(['山乡邮递员', '寄信小常识']);
  });

  it('after a long paragraph of sentences whose last one lost its stop, a line over running text is the next headline', () => {
    const story = [
      '山村小学有了图书室',
      '元旦前夕，县里给山村小学送来两千册图书。孩子们第一次有了自己的图书室，课间总围在书架前不肯走。校长说，图书室还要添一批科普读物，让孩子们从小爱科学、学科学，老师们也要带头读书',
    ];
    const next = ['乡村公路通到家门口', '去年底，连接全县十二个乡镇的公路全线通车，山里的核桃、板栗第一次用卡车运出了大山。'];
    expect(titles([...story, ...next].join('\n\n'))).toEqual(['山村小学有了图书室', '乡村公路通到家门口']);
  });

  it("a signed feature's subhead is not a signed piece because the next item under it is closed by its credit", () => {
    const section = ['从不误一封信', '乡亲们都说，老周送信比钟表还准，刮风下雨从来没有误过一天，大家都把他当成自家人。'];
    const item = ['本报讯某县图书馆近日为农民开办科技夜校，每周三个晚上讲授种植养殖知识，已有两千多人次参加。', '（王小明）'];
    expect(starts([...POSTMAN, ...section, ...item].join('\n\n'))).toEqual(['山乡邮递员\n', '本报讯某县图']);
  });

  it("after a letter closed by its writers' note in brackets, a line over running text is the next piece's headline", () => {
    const letter = [
      '扶贫贷款帮我们养上了奶牛',
      '我们是山区的贫困农户，前年靠扶贫贷款买了奶牛，如今每家每年能卖鲜奶一万多元，孩子们也都回到了学校。',
      '（河北某县某乡张秀英李桂兰等８位农民）',
    ];
    const essay = ['夜读的日子', '那年冬天，我在煤油灯下读完了借来的《红楼梦》，从此爱上了读书，一读就是三十年。'];
    expect(titles([...letter, ...essay].join('\n\n'))).toEqual(['扶贫贷款帮我们养上了奶牛', '夜读的日子']);
  });

  it("a dateline under a picture story's captions that shares nothing with them opens the next item; the report under its own picture does not", () => {
    const story = ['雪后山城美如画（附图片２张）', '大雪过后，山城银装素裹，游人踏雪赏景。（新华社记者王小明摄）', '１月５日，孩子们在公园里堆雪人、打雪仗。（新华社发）'];
    const brief = '本报讯截至去年年底，某省农村已有三千多个自然村装上了程控电话，农民足不出户就能与外地亲友通话。';
    expect(starts([...story, brief].join('\n\n'))).toEqual(['雪后山城美如', '本报讯截至去']);
    const report = ['全省经济工作会议开幕（附图片２张）', '１月５日，会议开幕现场。（本报记者王小明摄）', '１月５日，代表们在会上认真听取报告。（新华社发）', '本报讯全省经济工作会议今天开幕，会议总结去年工作，部署今年经济工作。'];
    expect(parsePage(report.join('\n\n'), { file: '19980120-05.txt' }).articles).toHaveLength(1);
  });

  it('an exclamation over running text it leads into, on another subject than the piece above, is the next headline; one that picks up the piece above goes on', () => {
    const feature = LIBRARY;
    const letter = ['公款送礼该刹住了！', '春节临近，一些单位又忙着给“关系户”送礼，名目繁多，花的都是公款。这股公款送礼之风败坏了社会风气，群众意见很大，应当坚决刹住。'];
    expect(titles([...feature, ...letter].join('\n\n'))).toEqual(['山村小学有了图书室', '公款送礼该刹住了！']);
    const goesOn = ['图书室里真热闹！', '如今，图书室成了山村小学最热闹的地方，孩子们在这里读书、写字、做作业，老师们也常来借书备课，家长们说孩子们变得爱读书了。'];
    expect(titles([...feature, ...goesOn].join('\n\n'))).toEqual(['山村小学有了图书室']);
    // With a comma in it (a clause, which a subhead often is) and after a signed essay, all the same.
    const clause = ['送礼变了味，当刹！', '春节临近，一些单位又忙着给“关系户”送礼，名目繁多，花的都是公款。这股送礼之风败坏了社会风气，群众意见很大，应当坚决刹住。'];
    expect(titles([...feature, ...clause].join('\n\n'))).toEqual(['山村小学有了图书室', '送礼变了味，当刹！']);
    expect(titles([...ESSAY, ...clause].join('\n\n'))).toEqual(['办事要讲实效', '送礼变了味，当刹！']);
  });

  it('a headline-shaped line under a bullet (●…) after running text is a subhead of the article, not the next headline', () => {
    const feature = [
      '法院用上大数据',
      '近年来，各地法院积极运用互联网、大数据等新技术，推进智慧法院建设，审判质效明显提高。',
      '●大数据平台提供司法信息源泉',
      '法院大数据管理和服务平台汇集了全国法院的案件信息，为审判执行提供了有力支撑。',
      '●智能化应用促进审判质效提高',
      '智能辅助办案系统能自动生成文书，法官可以把更多精力用在案件的审理上。',
    ];
    expect(titles(feature.join('\n\n'))).toEqual(['法院用上大数据']);
    // Over a dateline, the bullet heads the next item of a briefs column.
    const briefs = [...feature, '■国家图书馆推出古籍数字资源新平台', '本报北京3月13日电 国家图书馆13日上线古籍资源库，读者可在线阅览古籍影像。'];
    expect(titles(briefs.join('\n\n'))).toEqual(['法院用上大数据', '国家图书馆推出古籍数字资源新平台']);
  });

  it('an exclamation over its own pictured subtitle opens the next piece: after running text, a photo credit or a desk signature, or at the top of a page', () => {
    const piece = ['张老师，您辛苦了！', '年过八旬仍带学生连演三场，然后又赶往北京（附图片１张）', '张老师的合唱团，这个名字对音乐爱好者来说并不陌生，团里的学生大多是她一手带出来的。'];
    expect(starts([...LIBRARY, ...piece].join('\n\n'))).toEqual(['山村小学有了', '张老师，您辛']);
    const credited = [...LIBRARY, '（新华社记者王小明摄）', ...piece].join('\n\n');
    expect(starts(credited)).toEqual(['山村小学有了', '张老师，您辛']);
    // After a desk's signature that closes the piece above, and at the top of a page.
    const signed = [...LIBRARY, '文艺部', ...piece].join('\n\n');
    expect(starts(signed)).toEqual(['山村小学有了', '张老师，您辛']);
    expect(starts([...piece, ...LIBRARY].join('\n\n'))).toEqual(['张老师，您辛', '山村小学有了']);
  });

  it("a letter's signature in brackets is whole: the short exclamation under it is the next letter's headline, not the end of a cut line", () => {
    const letter = ['便民之举', '机动车驾驶员一旦发生交通肇事，应当依照规定向公安机关陈述交通事故发生的经过。', '（河南某县人民法院牛某华白某英）'];
    const next = ['优先百姓好！', '湖南郴州市刘洪杰', '一日，我到民政部门办点事，刚一坐下，就进来一位来访的老人，工作人员先为老人办完了事，才来招呼我。'];
    expect(titles([...letter, ...next].join('\n\n'))).toEqual(['便民之举', '优先百姓好！']);
  });

  it('after a signed essay, a headline over a letter signed by a group (（…等１６位脱贫母亲）) is the next piece', () => {
    const letter = ['“幸福工程”让我们走上致富路', '我们是被“幸福工程”救助的贫困母亲，家在山区，过去穷得揭不开锅，如今靠养牛种菜过上了好日子。', '（某县某乡陈某英刘某英等１６位脱贫母亲）'];
    expect(titles([...ESSAY, ...letter].join('\n\n'))).toEqual(['办事要讲实效', '“幸福工程”让我们走上致富路']);
  });

  it('after a signed essay, a news headline of someone setting something up (…组建…生产线) is the next piece, not a subhead', () => {
    const news = ['两家影音企业组建光盘生产线', '由全国影视、音像行业的两家主要企业共同组建的光盘生产线在北京建成投产，年产光盘一千万张，填补了国内空白。'];
    expect(titles([...ESSAY, ...news].join('\n\n'))).toEqual(['办事要讲实效', '两家影音企业组建光盘生产线']);
  });

  it("after a signed essay, a headline over an intro and its writer's bare name over running text is the next signed piece", () => {
    const next = ['痛说赝品', '赝品横行，是去年艺术品拍卖中最为刺眼的一道风景，不少收藏者为此付出了沉重的代价。', '南宫品', '在已经过去的一年中，几家拍卖行先后拍出多件赝品，买家事后发现上当，却难以追回损失，拍卖行也因此信誉扫地。'];
    expect(titles([...ESSAY, ...next].join('\n\n'))).toEqual(['办事要讲实效', '痛说赝品']);
    // A section of the essay, its first paragraph, then a line that is no one's name: the essay goes on.
    const section = ['实效从哪里来', '实效从调查研究中来，从群众的评价中来，而不是从汇报材料里来，这一点必须讲清楚。', '沐浴全身', '办实事就要沉下去，到群众中去，把问题一件一件解决好，群众才会真正满意，工作才有实效。'];
    expect(titles([...ESSAY, ...section].join('\n\n'))).toEqual(['办事要讲实效']);
  });

  it("the writer's note (（作者系…）) ends a signed essay: a headline after it is the next piece", () => {
    const page = [...ESSAY, '（作者系某市委党校教授）', '郑州建大型污水处理厂', '淮河流域最大的水污染治理项目郑州市污水处理厂工程开工，建成后日处理污水四十万吨。'].join('\n\n');
    expect(titles(page)).toEqual(['办事要讲实效', '郑州建大型污水处理厂']);
  });

  it('a wish that closes a piece (愿…！) stays in it, even right over the next brief\'s dateline', () => {
    const page = [
      '文化营销',
      '商家在营销中注入文化内涵，与顾客进行心灵上的交流，这对于赢得好人缘、树立好形象大有裨益。',
      '愿文化营销成为市场上一道亮丽的风景！',
      '本报讯去年十二月二十二日，我国煤炭系统最大的煤泥热电厂在山东兖州矿业集团公司东滩矿建成投产。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => a.paragraphs.at(-1)?.text.slice(0, 5))).toEqual(['愿文化营销', '去年十二月']);
  });

  it("an essay's subhead over its own running text stays inside the essay", () => {
    expect(titles(ESSAY.join('\n\n'))).toEqual(['办事要讲实效']);
  });

  it("a law's first chapter under its title opens the body as a heading, and its note in parentheses stays a paragraph", () => {
    const page = [
      '某某市档案管理办法',
      '（１９９７年１２月２９日某某市第十一届人民代表大会常务委员会第三十二次会议通过）',
      '为了加强档案管理工作，市人大常委会审议通过了本办法，现予公布，自公布之日起施行。',
      '第一章　总则',
      '第一条　为了加强对档案的管理和收集、整理工作，有效地保护和利用档案，制定本办法。',
      '第二章　附则',
      '第二条　本办法自公布之日起施行。',
    ].join('\n\n');
    const [law, ...rest] = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(rest).toEqual([]);
    expect([law.kicker, law.title, law.subtitle]).toEqual([undefined, '某某市档案管理办法', undefined]);
    expect(law.paragraphs.map((p) => `${p.type}:${p.text.slice(0, 6)}`)).toEqual(['text:（１９９７年', 'text:为了加强档案', 'heading:第一章 总则', 'text:第一条 为了', 'heading:第二章 附则', 'text:第二条 本办']);
    const bare = parsePage(['某某市档案管理办法', '第一章　总则', '第一条　为了加强对档案的管理和收集、整理工作，有效地保护和利用档案，制定本办法。'].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(bare.map((a) => [a.kicker, a.title, a.paragraphs[0].type, a.paragraphs[0].text])).toEqual([[undefined, '某某市档案管理办法', 'heading', '第一章 总则']]);
  });

  it("a name list (…名单) is a piece of its own: its groups' headings and rows of names run on to the next piece's headline, which alone opens it", () => {
    const page = [
      '全省劳动模范表彰大会召开',
      '本报讯全省劳动模范表彰大会昨天召开，会议表彰了一批在各条战线上作出突出贡献的先进个人。',
      '全省劳动模范名单',
      '东城区',
      '王建国　李秀英　张立新',
      '西城区',
      '刘长海　陈桂兰　许文斌',
      '南城区',
      '吴建平　郑玉兰　冯德明　褚红',
      '冬季长跑热在京城兴起',
      '本报讯近日，各区县相继举办冬季长跑活动，参加者达数十万人。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['全省劳动模范表彰大会召开', '全省劳动模范名单', '冬季长跑热在京城兴起']);
    expect(articles[1].paragraphs.map((p) => p.text)).toEqual(['东城区', '王建国 李秀英 张立新', '西城区', '刘长海 陈桂兰 许文斌', '南城区', '吴建平 郑玉兰 冯德明 褚红']);
    // The people on a list are no writers of it.
    expect(articles[1].byline).toBeUndefined();
    // Names set apart by spaces under a headline are its writers, not a list.
    const signed = parsePage(['春耕备耕正当时', '张立新　陈桂兰　许文斌', '立春过后，各地抓住有利时机，组织农民整修农田水利设施，备足化肥种子。'].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(signed.map((a) => [a.title, a.byline?.reporters])).toEqual([['春耕备耕正当时', ['张立新', '陈桂兰', '许文斌']]]);
  });

  it('name lists of who was elected (主任　张某某, 副主任（按姓氏笔画为序）, rows of names) follow one another, each a piece of its own, no one on them a writer', () => {
    const elected = (title: string, top: string, deputies: string, rows: string) => [title, '（１９９８年１月１９日某省第九届人民代表大会第一次会议选举）', top, deputies, rows];
    const page = [
      '某省九届人大一次会议闭幕',
      '选举产生新一届省人大常委会领导和省长、副省长',
      '本报某市１月１９日电记者王某某报道：某省第九届人民代表大会第一次会议今天下午闭幕。大会选举产生了新一届省人大常委会主任、副主任和省长、副省长。',
      ...elected('某省第九届人民代表大会常务委员会主任、副主任名单', '主任\u3000张某某', '副主任（按姓氏笔画为序）', '王某某\u3000刘某\u3000孙某某\u3000李某（女）'),
      ...elected('某省人民政府省长、副省长名单', '省长\u3000李某某', '副省长（按姓氏笔画为序）', '马某某\u3000王某（女）\u3000周某某'),
      '全国政协第九届委员会委员名单',
      '中国共产党（９６名）',
      '（按姓氏笔画排列）',
      '丁某某\u3000于某某\u3000万某某\u3000马某',
      '中国国民党革命委员会（６５名）',
      '（按姓氏笔画排列）',
      '丁某\u3000王某某\u3000毛某某\u3000甘某某',
      '迎春长跑在京举行',
      '本报北京１月２４日讯记者李某报道：今天上午，首都各界千余人参加了迎春长跑活动。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980120-04.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['某省九届人大一次会议闭幕', '某省第九届人民代表大会常务委员会主任、副主任名单', '某省人民政府省长、副省长名单', '全国政协第九届委员会委员名单', '迎春长跑在京举行']);
    // An office after an office (`…和省长、副省长`) is no one's name: the line is the subtitle.
    expect(articles[0].subtitle).toBe('选举产生新一届省人大常委会领导和省长、副省长');
    expect(articles[0].byline?.reporters).toEqual(['王某某']);
    expect(articles[1].paragraphs.map((p) => p.text).slice(1)).toEqual(['主任 张某某', '副主任（按姓氏笔画为序）', '王某某 刘某 孙某某 李某（女）']);
    expect(articles[3].paragraphs).toHaveLength(6);
    for (const a of articles.slice(1, 4)) expect(a.byline).toBeUndefined();
    // Two-character names printed spaced (`王\u3000某`), the names two spaces apart, are a row as well.
    const deputies = ['第九届全国人民代表大会代表名单', '北京市（５６名）', '丁\u3000某\u3000\u3000王\u3000某\u3000\u3000刘\u3000某', '马\u3000某\u3000\u3000许\u3000某\u3000\u3000石\u3000某', '全国人大常委会办公厅公告', '全国人大常委会办公厅今天发布公告，第九届全国人民代表大会代表已经全部选出。'];
    expect(parsePage([...LIBRARY, ...deputies].join('\n\n'), { file: '19980130-03.txt' }).articles.map((a) => [a.title, a.paragraphs.length])).toEqual([
      ['山村小学有了图书室', 2],
      ['第九届全国人民代表大会代表名单', 3],
      ['全国人大常委会办公厅公告', 1],
    ]);
    // So are a court's officers under its judgment (`审判长\u3000王某某` ⏎ `书记员\u3000赵某某`): the column under
    // them opens the next piece, its writer a judge named with the court (`某市中级人民法院法官\u3000孙某`).
    const judgment = ['一起拖欠农民工工资案宣判', '本报讯某市中级人民法院日前对一起拖欠农民工工资案作出终审判决，判令某建筑公司支付农民工工资８６万元。', '审判长\u3000王某某', '审判员\u3000李某', '书记员\u3000赵某某'];
    const column = ['法官说法', '拖欠工资的责任不能推', '某市中级人民法院法官\u3000孙某', '农民工工资是农民工的血汗钱。用人单位拖欠农民工工资，是违法行为，应当承担法律责任。'];
    const court = parsePage([...judgment, ...column].join('\n\n'), { file: '19980124-07.txt' }).articles;
    expect(court.map((a) => [a.kicker, a.title, a.byline?.reporters ?? [], a.paragraphs.length])).toEqual([
      [undefined, '一起拖欠农民工工资案宣判', [], 4],
      ['法官说法', '拖欠工资的责任不能推', ['孙某'], 1],
    ]);
    // Words set apart so are no names, and a headline of them opens its piece as any headline does.
    for (const head of ['高速\u3000高铁\u3000高效', '江南\u3000江北\u3000江西', '迎新春\u3000送温暖\u3000献爱心']) {
      const two = [...LIBRARY, head, '本报讯春节将至，市里组织了一百多支小分队，走访慰问困难职工和贫困农民。'].join('\n\n');
      expect(titles(two), head).toEqual(['山村小学有了图书室', head.replace(/\u3000/g, ' ')]);
    }
  });

  it('a book list (新书架 ⏎ 《…》（…出版社）) after a review closed by its writer\'s note is a box of its own, and the headline under its last book opens the next piece', () => {
    const page = [
      '书香满人间',
      '——读《中华文化通志》',
      '王某某',
      '由某某出版社出版的《中华文化通志》，是一部全面系统地介绍中华文化的大型学术著作，全书共一百卷。',
      '（作者单位：某某大学中文系）',
      '新书架',
      '《邓小平理论学习纲要》（学习出版社）',
      '《跨世纪的中国经济》（经济日报出版社）',
      '某某大学一九九八年招收研究生简章',
      '经国家教委批准，我校一九九八年面向全国招收硕士研究生三百名。现将有关事项公布如下：',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980121-11.txt' }).articles;
    expect(articles.map((a) => [a.title, a.paragraphs.length])).toEqual([
      ['书香满人间', 1],
      ['新书架', 2],
      ['某某大学一九九八年招收研究生简章', 1],
    ]);
    expect(articles[0].byline).toMatchObject({ reporters: ['王某某'], organization: '某某大学中文系' });
  });

  it("a report's numbered section heads (一、过去五年的工作回顾) stay headings over their text, whatever word jieba finds across the break", () => {
    const page = [
      '政府工作报告（摘要）',
      '各位代表：',
      '现在，我代表省人民政府，向大会报告工作，请予审议。',
      '一、过去五年的工作回顾',
      '过去五年，是我省经济发展最快、城乡面貌变化最大的时期。全省国内生产总值年均增长１２．５％。',
      '二、今后五年的奋斗目标',
      '今后五年政府工作的总体要求是：全面贯彻党的十五大精神，加快改革开放和现代化建设步伐。',
    ].join('\n\n');
    const [report] = parsePage(page, { file: '19980122-02.txt' }).articles;
    expect(report.paragraphs.map((p) => [p.type, p.text.slice(0, 6)])).toEqual([
      ['text', '各位代表：'],
      ['text', '现在，我代表'],
      ['heading', '一、过去五年'],
      ['text', '过去五年，是'],
      ['heading', '二、今后五年'],
      ['text', '今后五年政府'],
    ]);
  });

  it('verse: a line of four characters in a poem is not a writer, and the next poem opens at its title over its author', () => {
    const page = [
      '山中的雪（外一首）',
      '林青',
      '山中的雪，比云还白',
      '落在松枝上',
      '落在屋檐上',
      '落在远行人的肩头',
      '一夜之间',
      '山就老了',
      '让我们像孩子一样',
      '满心欢喜',
      '哦，远处的灯火也是白的……',
      '河',
      '一条河从村前流过',
      '它流过了多少年',
      '没有人知道',
      '只记得那一声声桨',
      '是叫你回家的声音',
      '海边的早晨',
      '张立新',
      '天还没亮，渔民们就已经出海了。',
      '海边的早晨，总是从一声汽笛开始的。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => [a.title, a.byline?.reporters])).toEqual([
      ['山中的雪（外一首）', ['林青']],
      ['海边的早晨', ['张立新']],
    ]);
  });
  it('couplets under their headline (春联) are its text, and the headline under them opens the next piece; a headline block of two couplet lines stays one', () => {
    const page = [
      ...LIBRARY,
      '迎春联语',
      '瑞雪迎春千家乐\u3000红梅报喜万户欢',
      '绿水青山添锦绣\u3000和风细雨润田园',
      '首都各界欢度春节',
      '本报北京１月２８日讯\u3000记者林青报道：今天是农历正月初一，首都各界群众以各种形式欢度春节，庙会、灯会吸引了大批游客。',
      '坚持稳中求进\u3000推动改革发展',
      '扎实做好农业农村工作\u3000确保农民持续增收',
      '本报北京１月２８日讯\u3000记者张立新报道：全国农村工作会议今天在京闭幕，会议部署了今年的农业农村工作。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980128-04.txt' }).articles;
    expect(articles.map((a) => [a.kicker, a.title, a.paragraphs.length])).toEqual([
      [undefined, '山村小学有了图书室', 2],
      [undefined, '迎春联语', 2],
      [undefined, '首都各界欢度春节', 1],
      ['坚持稳中求进 推动改革发展', '扎实做好农业农村工作 确保农民持续增收', 1],
    ]);
    expect(articles[1].paragraphs[0].text).toBe('瑞雪迎春千家乐 红梅报喜万户欢');
  });

  it("two long poems in a row: the second's title over its poet's name, under the first's last line, opens a piece", () => {
    const verse = (k: number) => ['雪落在村口的路上', '落在老井的辘轳上', '母亲站在门前张望', '灯一直亮到天明', '远行的人啊', '你可听见风的呼唤', '冬天就要过去了', '山那边有春天'].map((l) => (k ? l.replace('雪', '雨').replace('母亲', '父亲') : l));
    const page = ['冬夜的灯', '林青', ...verse(0), '写给北方的河', '张立新', ...verse(1)].join('\n\n');
    const articles = parsePage(page, { file: '19980117-12.txt' }).articles;
    expect(articles.map((a) => [a.title, a.byline?.reporters, a.paragraphs.length])).toEqual([
      ['冬夜的灯', ['林青'], 8],
      ['写给北方的河', ['张立新'], 8],
    ]);
  });

  it("a timetable (０７：００　早间新闻) under its title after a story is a box of its own; the note under its rows is its text, no one's byline", () => {
    const page = [
      ...LIBRARY,
      '春节期间部分电视节目预告',
      '１月３１日（星期六）\u3000中央电视台第一套节目',
      '０７：００\u3000早间新闻',
      '０８：３０\u3000电视剧：山村岁月（１、２）',
      '１２：００\u3000午间新闻',
      '１４：１０\u3000戏曲集锦：京剧名段欣赏',
      '１９：００\u3000新闻联播',
      '（节目如有变动，以当日播出为准）',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980130-07.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['山村小学有了图书室', '春节期间部分电视节目预告']);
    expect(articles[1].paragraphs.map((p) => p.text).at(-1)).toBe('（节目如有变动，以当日播出为准）');
    expect(articles[1].byline).toBeUndefined();
  });

  it('under a briefs column\'s label (致富信息) whose items are neither marked nor dated, each paragraph on a subject of its own is an item', () => {
    const page = [
      ...LIBRARY,
      '致富信息',
      '河南省西华县农民张秋生利用农闲时间，在自家院子里建起食用菌栽培棚，用玉米芯、棉籽壳种植平菇，一年收入两万多元。',
      '湖北省监利县红城乡组织农户发展稻田养鳝，每亩稻田放养鳝苗五十公斤左右，亩均增收一千多元。',
      '四川省仁寿县供销社与当地农户签订收购合同，在全县发展优质枇杷三万亩，社里统一提供技术指导。',
    ].join('\n\n');
    expect(starts(page)).toEqual(['山村小学有了', '致富信息\n\n', '湖北省监利县', '四川省仁寿县']);
  });

  it("a column's name of four characters (军营新闻) over its first item's dateline, after a dated report, heads that item: it is no roundup's place label", () => {
    const page = [
      '春节期间部队生活保障有安排',
      '本报北京１月２１日讯\u3000记者张立新报道：总后勤部近日召开会议，对春节期间部队生活保障工作作出安排。',
      '会议要求，各大单位要提前做好节日物资供应，让官兵过一个欢乐祥和的春节。',
      '军营新闻',
      '本报讯\u3000日前，某通信团组织官兵为驻地贫困学生捐款两万余元，并与五十名失学儿童结成帮扶对子。',
      '本报讯\u3000空军某飞行学院日前完成新年度首次飞行训练，学员们驾机飞越雪原，圆满完成各项课目。',
    ].join('\n\n');
    expect(starts(page)).toEqual(['春节期间部队', '军营新闻\n\n', '本报讯\u3000空军']);
  });

  it("an artwork's title over its maker (山村新春（中国画） ⏎ 黄某某作) is whole: the next title over its writer opens a piece; a writer whose surname is a particle (于秋明) stands under the title", () => {
    const page = [
      '山村新春（中国画）',
      '黄子敬作',
      '最后一班车',
      '邝文',
      '腊月二十八，傍晚，县城汽车站。往山里去的最后一班车就要开了，司机老杜坐在驾驶座上，一遍遍地数着车上的人。',
      '老槐树',
      '于秋明',
      '村口有一棵老槐树，谁也说不清它有多少岁了。小时候，我们常在树下玩耍，听老人们讲过去的故事。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980130-12.txt' }).articles;
    expect(articles.map((a) => [a.title, a.byline?.reporters, a.byline?.photographers])).toEqual([
      ['山村新春（中国画）', [], ['黄子敬']],
      ['最后一班车', ['邝文'], []],
      ['老槐树', ['于秋明'], []],
    ]);
  });

  it("a paragraph opened by its source's figures (据某国某部门公布的资料，…) goes on with a report whose headline names that country", () => {
    const page = [
      '日本政府拟追加公共投资刺激景气',
      '新华社东京１月１３日电\u3000日本政府今天召开经济阁僚会议，决定追加部分公共事业投资，并对中小企业提供更多的融资便利，以刺激持续低迷的国内经济。',
      '据日本经济企划厅公布的资料，日本去年第三季度实际国内生产总值比上季度略有下降，个人消费和设备投资均不振。',
    ].join('\n\n');
    expect(titles(page)).toEqual(['日本政府拟追加公共投资刺激景气']);
  });

  it("a roundup's third dated part from its own reporter, same desk and day, that takes up a word of the headline block goes on with it", () => {
    const page = [
      '年关将至送温暖',
      '各地领导深入基层走访慰问困难群众',
      '本报石家庄１月１１日电记者季长海报道：连日来，河北省各级领导干部纷纷深入困难企业、贫困乡村，走访慰问下岗职工和困难群众，送去米面油和慰问金。',
      '本报长沙１月１１日电记者滕文娟报道：湖南省今年春节前送温暖活动重点向山区、库区和困难企业倾斜，全省组织了一批工作组分赴各地慰问困难群众。',
      '本报乌鲁木齐１月１１日电记者杨振华报道：新疆维吾尔自治区党委、政府日前决定，拿出专款为南疆部分受灾地区的群众送去棉衣、棉被和煤炭，确保他们温暖过冬。',
      ...LIBRARY,
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980112-01.txt' }).articles;
    expect(articles.map((a) => [a.title, a.byline?.reporters])).toEqual([
      ['各地领导深入基层走访慰问困难群众', ['季长海', '滕文娟', '杨振华']],
      ['山村小学有了图书室', undefined],
    ]);
  });

  it("a report's dateline is read under the summary of its headline (…强调：●…●…) and a pictured line", () => {
    const page = [
      '全国国有企业扭亏增效工作会议在京闭幕',
      '韩立群强调：●把扭亏增效作为今年经济工作的重中之重●因企施策一厂一策层层落实责任●向技术进步要效益向科学管理要效益',
      '与会代表参观企业技术改造成果展（附图片１张）',
      '本报北京１月１１日讯记者魏晓岚报道：为期三天的全国国有企业扭亏增效工作会议今天在京闭幕，国务院副总理韩立群在闭幕会上讲话。',
    ].join('\n\n');
    const [a] = parsePage(page, { file: '19980112-01.txt' }).articles;
    expect([a.dateline?.raw, a.byline?.reporters, a.paragraphs.at(-1)?.text.slice(0, 4)]).toEqual(['本报北京１月１１日讯', ['魏晓岚'], '为期三天']);
  });

  it("the same agency's dispatch from another place on another day that shares not a word with the item's headline is the next item, a headline-less brief", () => {
    const page = [
      '亚洲稻米研讨会在马尼拉开幕',
      '新华社马尼拉１月１５日电\u3000（记者黄志坚）由亚洲多个国家农业研究机构共同发起的亚洲稻米生产研讨会１５日在这里开幕。',
      '会议组织者说，亚洲生产和消费了世界上绝大部分的稻米，如何依靠科技提高单产，是亚洲各国共同面临的课题。',
      '据新华社布宜诺斯艾利斯１月１４日电\u3000阿根廷农业部门１４日公布的数字显示，１９９７年阿根廷粮食总产量达到创纪录的水平。',
    ].join('\n\n');
    expect(starts(page)).toEqual(['亚洲稻米研讨', '据新华社布宜']);
  });

  it("a signed feature's last subhead stays in it when the section under it ends with its picture's caption and the photographer's credit", () => {
    const page = [
      '井下有片艳阳天',
      '本报记者何文涛',
      '去年腊月里的一天，记者来到某矿务局三号井。井口的广场上挂着红灯笼，工人们说，今年的年过得踏实。',
      '十年前，这里却是另一番景象：设备老化，事故频发，职工人心思走，不少人托关系调离。',
      '让职工有奔头',
      '卢国斌常说，煤矿的事，说到底是人的事。这些年矿上办起了技校，职工的收入也年年有增加。',
      '抓管理也要抓效益',
      '煤炭市场疲软，是近两年困扰许多煤矿的难题。三号井没有等靠要，而是在降成本上下功夫。',
      '图片：',
      '三号井的采煤工人在井下交接班。（本报记者吕建平摄）',
    ].join('\n\n');
    expect(titles(page)).toEqual(['井下有片艳阳天']);
  });

  it('at the end of a poem, a line over a dateline or with a picture mark is the next headline, not verse', () => {
    const poem = ['新年的脚步', '林青', '听', '那是谁在敲门', '一声一声', '是新年的脚步'];
    const report = ['金大中会见绍罗什', '本报汉城１月４日电记者王林昌报道：美国投资家绍罗什３日只身访韩，韩国当选总统金大中会见了他。'];
    expect(titles([...poem, ...report].join('\n\n'))).toEqual(['新年的脚步', '金大中会见绍罗什']);
    const pictured = ['邱娥国（附图片１张）', '邱娥国在派出所门前留影。（傅丁根摄）'];
    expect(titles([...poem, ...pictured].join('\n\n'))).toEqual(['新年的脚步', '邱娥国（附图片１张）']);
    // A poem with a line of prose in it, its last lines over a pictured headline and running text: the
    // pictured line opens the next article, the lines above it stay in the poem.
    const prosePoem = [...poem, '乡音改不了，那是从小听惯的声音，走到哪里都带着。', '长到八十四依然是乳名', '出门在外，想念亲人', '或许能想起某个眼神', '清清亮亮的是谁的声音'];
    const obituary = ['刘某某同志生平（附图片１张）', '忠诚的共产主义战士，久经考验的无产阶级革命家刘某某同志，因病医治无效，于一九九八年一月三日逝世。'];
    const read = parsePage([...prosePoem, ...obituary].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(read.map((a) => a.title)).toEqual(['新年的脚步', '刘某某同志生平（附图片１张）']);
    expect(read[1].kicker).toBeUndefined();
    // Over a dispatch, the poem's last lines stay in the poem: the headline is the line the dispatch
    // takes up (or the last one).
    const dispatch = ['上海：查补税款三亿元', '据新华社上海１月８日电上海各级税务稽查机关去年查补税款三亿多元，有力整顿了税收秩序。'];
    const dated = parsePage([...prosePoem, ...dispatch].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(dated.map((a) => a.title)).toEqual(['新年的脚步', '上海：查补税款三亿元']);
    expect(dated[1].kicker).toBeUndefined();
    const twoLines = ['上海税务稽查显成效', '查补税款三亿元', dispatch[1]];
    expect(titles([...prosePoem, ...twoLines].join('\n\n'))).toEqual(['新年的脚步', '查补税款三亿元']);
  });

  it("a headline over running text after an article's pictures and their captions opens the next article", () => {
    const page = [
      '新年画展在京开幕（附图片２张）',
      '本报北京１月４日讯迎新年美术作品展今天在中国美术馆开幕，展出作品二百余件。',
      '图片：',
      '１、世纪之声（中国画）（张彦）',
      '２、归航（油画）（张敏杰）',
      '南京长江大桥铁路桥大修竣工',
      '南京长江大桥铁路桥大修工程，１月４日竣工。轨道框架结构从此可以满足列车重载、快速运行的需要。',
    ].join('\n\n');
    expect(titles(page)).toEqual(['新年画展在京开幕（附图片２张）', '南京长江大桥铁路桥大修竣工']);
  });

  it('under a pictured headline, a long paragraph signed by its writer is the text, not a caption: a dateline after it opens the next item', () => {
    const feature = [
      '老戏新演（附图片１张）',
      '京剧《将相和》，讲的是两千多年前的一段佳话。这出戏几代名角都唱过，台下的老观众闭着眼睛也能跟着哼。如今剧团请来年轻演员重排，唱腔未改，节奏却紧凑了许多，散场时不少年轻人也在门口议论剧情。（南山）',
    ];
    const dated = '本报讯一月六日，北京市文化局与市总工会共同举办的新春职工文艺汇演在首都剧场开幕，来自各区县的三十多个节目参加演出。';
    const page = [...feature, dated].join('\n\n');
    expect(starts(page)).toEqual(['老戏新演（附', '本报讯一月六']);
    // A caption under the picture, credited to its photographer, still comes before the article's dateline.
    const captioned = ['京剧新秀登台（附图片１张）', '图为青年演员在后台化妆。（本报记者王文摄）', dated].join('\n\n');
    expect(parsePage(captioned, { file: '19980120-05.txt' }).articles).toHaveLength(1);
  });

  it('a table set inside a report, whose text goes on under its rows, stays in the report', () => {
    const report = [
      '国家统计局公布去年经济数据',
      '本报北京１月３０日讯记者王某报道：国家统计局今天公布了１９９７年国民经济和社会发展的主要数据。',
      '１９９７年主要经济指标',
      '国内生产总值　７４７７２亿元　增长８．８％',
      '全社会固定资产投资　２５３００亿元　增长１０．１％',
      '社会消费品零售总额　２７２９９亿元　增长１０．２％',
      '进出口总额　３２５１亿美元　增长１２．１％',
      '统计局新闻发言人表示，去年国民经济继续保持了快速增长、物价平稳的良好态势。',
    ];
    const next = ['全国劳动模范表彰大会召开', '新华社北京１月３０日电全国劳动模范表彰大会今天在人民大会堂召开。'];
    const articles = parsePage([...report, ...next].join('\n\n'), { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['国家统计局公布去年经济数据', '全国劳动模范表彰大会召开']);
    expect(articles[0].paragraphs.map((p) => p.text.slice(0, 5))).toEqual(['国家统计局', '１９９７年', '国内生产总', '全社会固定', '社会消费品', '进出口总额', '统计局新闻']);
  });

  it('the rows of a table of figures are not headlines: the table stays in its box', () => {
    const page = [
      '新年股市展望',
      '专家认为，今年股市将在规范中发展，投资者应当树立长期投资的理念，不要盲目追涨杀跌。',
      '一九九七年股市概览',
      '名称前年收盘本年开盘本年最高本年最低',
      '上证指数９１７．０２９１４．０６１５１０．１８８７０．１８',
      '上证３０２４４２．４３２４３４．５６４４６０．２８２３３１．０６',
      '上证Ａ股９５４．９８９５１．８０１５７８．６１９０５．４９',
      '上证Ｂ股６７．０３６７．０２６９９．３１２５１．９３０',
      '深证指数３２７．３４３２６．３３５２０．２５２９５．４４',
      '成分指数３２１５．８３３１９５．５２６１０３．６２２９８５．４０',
      '深证Ａ股３４１．８１３４０．７０５４８．５４３０７．９４',
      '深证Ｂ股１４５．４８１４５．４５１８６．６９９１．２６',
      '沪深股市新年开门红',
      '本报北京１月５日讯新年第一个交易日，沪深股市双双上涨，成交量比上一交易日明显放大。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['新年股市展望', '一九九七年股市概览', '沪深股市新年开门红']);
    expect(articles[1].paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['名称前年', '上证指数', '上证３０', '上证Ａ股', '上证Ｂ股', '深证指数', '成分指数', '深证Ａ股', '深证Ｂ股']);
  });

  it("a headless item's title is its first sentence without the item's mark (▲上海推出…工程)", () => {
    const page = ['市场信息', '▲北京市场春节商品供应充足。据北京市商委介绍，今年春节期间副食品供应量比去年增长一成以上。（张某）', '▲上海推出“放心菜”工程。上海市农委日前宣布，今年将建成二十个无公害蔬菜基地。（李某）'].join('\n\n');
    const articles = parsePage(page, { file: '19980121-10.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['市场信息', '上海推出“放心菜”工程…']);
    expect(articles[1].paragraphs[0].text.startsWith('▲上海')).toBe(true);
  });

  it('a table of two rows at the foot of the page is a box of its own, not the last dispatch’s lines', () => {
    const page = [
      '世界最大射电望远镜开工',
      '新华社华盛顿１月２０日电　美国科学家今天宣布，世界最大的射电望远镜已在新墨西哥州动工兴建。',
      '股市行情',
      '上证综合指数　１２０５．３４　１１９８．７６　＋６．５８',
      '深证成份指数　３４５６．７８　３４２１．０９　＋３５．６９',
      '（１月２０日收盘）',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980121-10.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['世界最大射电望远镜开工', '股市行情']);
    expect(articles[0].paragraphs).toHaveLength(1);
  });

  it('a headline over its summary points (●…) after a finished article opens the next article', () => {
    const page = [
      '春运首日客流平稳',
      '本报北京１月１２日讯今天是春运第一天，北京站、北京西站客流平稳，旅客秩序良好。',
      '铁路部门表示，今年春运期间将增开临时客车二百多对。',
      '巾帼扶贫加大攻坚力度',
      '●自一九八六年以来，我国的贫困人口已从一点二五亿减少到五千万',
      '●全国妇联参与扶贫工作，十年帮助一百六十万贫困妇女脱贫',
      '●实施『巾帼扶贫行动』两年来，已帮助五十八点八万妇女解决温饱',
      '（附图片１张）',
      '清水',
      '我国政府自１９８６年以来开展大规模扶贫工作，使贫困人口大幅减少，并决定加大扶贫攻坚力度。',
    ].join('\n\n');
    expect(titles(page)).toEqual(['春运首日客流平稳', '巾帼扶贫加大攻坚力度']);
  });

  it("a feature's byline under its intro paragraph does not make the page one of closing bylines", () => {
    // A report, then a feature set out as 标题 ⏎ 导语 ⏎ 本报记者 X ⏎ 小标题: read as a closing byline,
    // it made every headline after an unsigned report a subhead, the feature's own among them.
    const page = [
      '全省粮食总产创新高',
      '本报讯今年全省粮食总产达到二百六十亿公斤，比上年增长百分之五，创历史最高水平。各地在抓好粮食生产的同时，积极发展多种经营。',
      '据介绍，全省农民人均纯收入比上年增加二百元，农村市场也进一步活跃起来。',
      '关爱不当酿悲剧呼吁环保进课堂',
      '保护环境，是可持续发展的基础。青少年环保意识的培养，关系人类生存的未来。一些有识之士呼吁，在义务教育阶段，有必要更多地注入环境教育的内容。',
      '本报记者张帆',
      '乱投食的代价',
      '在动物园，我们常看到，一些孩子喜欢给动物喂食。殊不知这样做给动物园带来了麻烦，有的动物因此生病甚至死亡。',
      '饲养员说，动物的饲料都是按照科学配方准备的，游客投喂的食物往往不适合它们。',
    ].join('\n\n');
    expect(titles(page)).toEqual(['全省粮食总产创新高', '关爱不当酿悲剧呼吁环保进课堂']);
  });

  it('a symposium: sections its lead announces with a dash, each a subhead over its writer, stay one piece signed by all; a block with no writer after them opens the next', () => {
    const page = [
      '冬储蔬菜供应充足',
      '本报讯入冬以来，本市各大菜场冬储大白菜、萝卜等蔬菜供应充足，价格比去年同期略有下降。',
      '据了解，今年本市蔬菜基地喜获丰收，外地菜源也很充足。',
      // Its comma makes a line after finished text a subhead; the lead under it makes it a symposium's headline.
      '一年回眸，看荧屏',
      '岁末年初，电视屏幕上又是一番热闹景象。过去一年的电视剧有哪些得失？我们请几位评论家各谈一点看法———',
      '现实题材唱主角',
      '孙立新',
      '这一年，反映现实生活的电视剧数量明显增多，观众的反响也最为热烈。不少作品把镜头对准普通人的日子。',
      '当然，数量多了，也难免有粗制滥造之作，这是需要警惕的。',
      '历史剧：贵在求真',
      '周明霞',
      '历史剧的创作，这一年也颇为活跃。好的历史剧，既尊重史实，又有艺术的想象，两者缺一不可。',
      '少儿节目盼佳作',
      '郑国安',
      '与成人节目相比，少儿节目仍显单薄。孩子们喜欢看的节目，常常是从国外引进的动画片。',
      '影视书架',
      '为方便读者了解新书，本栏每月介绍几种影视类图书。欢迎读者来信推荐。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980115-07.txt' }).articles;
    expect(articles.map((a) => a.title)).toEqual(['冬储蔬菜供应充足', '一年回眸，看荧屏', '影视书架']);
    const symposium = articles[1];
    expect(symposium.byline?.reporters).toEqual(['孙立新', '周明霞', '郑国安']);
    // The writers' names stay where they stand, each a line of its own; the lead's dash does not glue the first subhead to it.
    expect(symposium.paragraphs.map((p) => p.text.slice(0, 6))).toEqual(['岁末年初，电', '现实题材唱主', '孙立新', '这一年，反映', '当然，数量多', '历史剧：贵在', '周明霞', '历史剧的创作', '少儿节目盼佳', '郑国安', '与成人节目相']);
  });
});
