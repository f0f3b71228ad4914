/** Author lines under a headline, and a writer named with their office. */
import { describe, expect, it } from 'vitest';
import { isAuthorLine, positionedName } from '../../src/core/ingest/author';
import { parsePage } from '../../src/core/ingest';

describe('author lines', () => {
  it('reads an office and a name as one writer', () => {
    expect(positionedName('市卫生健康委员会党组书记、主任张伟')).toEqual({ name: '张伟', office: '市卫生健康委员会党组书记、主任' });
    expect(positionedName('省农业农村厅副厅长兼省乡村振兴局局长王建国')).toEqual({ name: '王建国', office: '省农业农村厅副厅长兼省乡村振兴局局长' });
    expect(isAuthorLine('市卫生健康委员会党组书记、主任张伟')).toBe(true);
  });

  it('reads the offices a writer signs with beyond the top ranks (司长, 律师, 总工程师), when a person is named after them', () => {
    expect(positionedName('某部市场信息司司长闵耀良')).toEqual({ name: '闵耀良', office: '某部市场信息司司长' });
    expect(positionedName('某律师事务所律师王建国')).toEqual({ name: '王建国', office: '某律师事务所律师' });
    expect(isAuthorLine('某研究院总工程师李卫东')).toBe(true);
    // A headline that ends in such a word and a phrase is not a writer.
    expect(positionedName('我们的经理好样的')).toBeUndefined();
    expect(isAuthorLine('欢迎回家团长同志')).toBe(false);
  });

  it('reads a desk of the paper writing in its own name under the headline (本报编辑部) as the author, its department', () => {
    const page = ['新春寄语', '本报编辑部', '虎年到了。在这辞旧迎新的时刻，我们向全国各族人民致以新春的祝福！', '让我们携起手来，满怀信心地迎接新的一年。'].join('\n\n');
    const [a] = parsePage(page, { file: '19980128-01.txt' }).articles;
    expect([a.kicker, a.title]).toEqual([undefined, '新春寄语']);
    expect(a.byline?.department).toBe('编辑部');
    expect(a.paragraphs).toHaveLength(2);
  });

  it("reads the paper's editorial line under the headline (人民日报社论) as its signature, not its title", () => {
    const page = ['迎接新世纪的挑战', '人民日报社论', '新的一年开始了。我们正面临着新世纪的挑战，也面临着难得的发展机遇。', '让我们团结一致，开拓进取。'].join('\n\n');
    const [a] = parsePage(page, { file: '19980101-01.txt' }).articles;
    expect([a.kicker, a.title]).toEqual([undefined, '迎接新世纪的挑战']);
    expect(a.byline?.organization).toBe('人民日报');
  });

  it('does not read an office and what it did or said as a writer (…总理递交辞呈, …委员会挂牌, …主席新年贺词); foreign leaders stay writers', () => {
    expect(positionedName('某国总理递交辞呈')).toBeUndefined();
    expect(positionedName('国家卫生和计划生育委员会挂牌')).toBeUndefined();
    expect(positionedName('各国人士高度评价国家主席新年贺词')).toBeUndefined();
    expect(positionedName('俄罗斯副总理涅姆佐夫')?.name).toBe('涅姆佐夫');
    expect(positionedName('巴勒斯坦民族权力机构主席阿拉法特')?.name).toBe('阿拉法特');
    expect(positionedName('国务院副总理钱其琛')?.name).toBe('钱其琛');
  });

  it("reads a two-character name set with a space (张  岩) as the writer, so the feature's sections stay in it; not a subhead's padded pair (缘 起)", () => {
    expect(isAuthorLine('张\u00a0\u00a0岩')).toBe(true);
    expect(isAuthorLine('阎 语')).toBe(true);
    expect(isAuthorLine('缘 起')).toBe(false);
    expect(isAuthorLine('北 京')).toBe(false);
    const page = [
      '绵延一个世纪的记忆',
      '张\u00a0\u00a0岩',
      '思绪回到多年以前。为了拍摄一部纪录片，我们走访了三个国家的十几座城市，寻找当年的足迹。',
      '记忆一',
      '山东是多数华工的家乡，仅由威海出发赴欧的华工大约就有数万人，他们的故事在当地代代相传。',
      '记忆二',
      '当年的招募基地如今已无任何遗迹，但站在海边，仍能想见华工出发时的情景，令人感慨万千。',
    ].join('\n\n');
    const articles = parsePage(page, { file: '19980120-05.txt' }).articles;
    expect(articles.map((a) => [a.title, a.byline?.reporters])).toEqual([['绵延一个世纪的记忆', ['张岩']]]);
  });

  it("reads a writer's name indented under an e-paper headline as the byline (李 斌), with a commentator's note; never a lead-in label (核心阅读)", () => {
    const page = [
      '人民时评',
      '复工复产要打通堵点',
      '\u3000\u3000李 斌',
      '\u3000\u3000统筹做好防控和发展，是对各级干部的考验。企业复工，难在用工、原料和物流。',
      '\u3000\u3000各地要一企一策，帮企业把堵点一个个打通。',
      '\u3000\u3000（作者为本报评论员）',
      '乡村文化，路在何方（调查）',
      '\u3000\u3000核心阅读',
      '\u3000\u3000不少村里建起了文化广场、农家书屋，用得怎么样，记者走访了三个县。',
      '\u3000\u3000腊月里，村文化广场上锣鼓声声，几十位村民正在排练秧歌。',
    ].join('\n');
    const [comment, report] = parsePage(page, { file: '20200215-05.txt' }).articles;
    expect([comment.kicker, comment.title, comment.byline?.reporters, comment.byline?.organization]).toEqual(['人民时评', '复工复产要打通堵点', ['李斌'], undefined]);
    expect(comment.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['统筹做好', '各地要一']);
    expect(report.byline).toBeUndefined();
    expect(report.paragraphs[0].text).toBe('核心阅读');
  });

  it("reads a writer's name under an e-paper article's lead-in box (核心阅读 ⏎ its paragraph ⏎ 谢某某) as the byline, before the writer's note", () => {
    const page = [
      '深刻把握新时代的历史方位',
      '\u3000\u3000核心阅读',
      '\u3000\u3000中国特色社会主义进入新时代，这是我国发展新的历史方位。准确把握这一论断，是学习的关键。',
      '\u3000\u3000谢某某',
      '\u3000\u3000这一论断，有着深厚的实践基础和理论依据。党的十八大以来，党和国家事业发生历史性变革。',
      '\u3000\u3000一、新时代的实践基础',
      '\u3000\u3000这些成就为新时代的到来奠定了坚实基础。',
      '\u3000\u3000（作者为中央党校教授）',
    ].join('\n');
    const [a] = parsePage(page, { file: '20171108-07.txt' }).articles;
    expect([a.byline?.raw, a.byline?.reporters, a.byline?.organization]).toEqual(['谢某某 （作者为中央党校教授）', ['谢某某'], '中央党校教授']);
    expect(a.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['核心阅读', '中国特色', '这一论断', '一、新时', '这些成就']);
  });

  it('reads a column\'s name over a headline (记者手记) as its kicker, never a credit; a poem\'s writer indented over its verse signs it', () => {
    const page = [
      '记者手记',
      '有一种坚守叫“守岛”',
      '\u3000\u3000本报记者  刘某某',
      '\u3000\u3000登上小岛，才知道“守岛”两个字的分量。岛上没有水，没有电，只有无尽的海风。',
      '乡愁',
      '\u3000\u3000李 某',
      '\u3000\u3000老屋门前的那棵槐树',
      '\u3000\u3000还站在那里',
      '\u3000\u3000像母亲',
    ].join('\n');
    const [note, poem] = parsePage(page, { file: '20190318-20.txt' }).articles;
    expect([note.kicker, note.title, note.byline?.raw, note.warnings]).toEqual(['记者手记', '有一种坚守叫“守岛”', '本报记者 刘某某', []]);
    expect(['电影评论', '记者观察', '周德武'].map((t) => isAuthorLine(t))).toEqual([false, false, true]);
    expect([poem.title, poem.byline?.reporters, poem.paragraphs.map((p) => p.text)]).toEqual(['乡愁', ['李某'], ['老屋门前的那棵槐树', '还站在那里', '像母亲']]);
  });

  it("reads a lead-in box's label under a headline (开栏的话) as the first line of the text, not a headline line or a writer", () => {
    const page = ['先进模范近况如何', '开栏的话', '“新闻追踪”专栏今天与大家见面了。我们将回访近年来宣传过的先进模范人物，看看他们今天的样子。'].join('\n\n');
    const [a] = parsePage(page, { file: '19980105-05.txt' }).articles;
    expect([a.kicker, a.title, a.byline]).toEqual([undefined, '先进模范近况如何', undefined]);
    expect(a.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(['开栏的话', '“新闻追']);
  });

  it("on e-paper text, reads the writer's name set alone after the text (…赢得民心。 ⏎ 于 某), or after the writer's note, and the paper's commentator under the headline, as the byline; a poem's last line stays verse", () => {
    const page = [
      '今日谈',
      '让“小事”不再成为“难事”',
      '\u3000\u3000办事要跑多少趟、盖多少章，是群众最直接的感受。各地推行改革，让“难事”变成了“易事”。',
      '\u3000\u3000把群众的“小事”当成“大事”来办，政府服务才能真正赢得民心。',
      '\u3000\u3000于 某',
      '评论员观察',
      '高质量发展要靠创新驱动',
      '\u3000\u3000人民日报评论员',
      '\u3000\u3000创新是第一动力。推动高质量发展，必须把创新摆在更加突出的位置。',
      '来论',
      '文明旅游从我做起',
      '\u3000\u3000国庆假期，各地景区游人如织。文明旅游，需要每一位游客的自觉。',
      '\u3000\u3000（作者为某大学教师）',
      '\u3000\u3000赵 某',
      '乡愁',
      '\u3000\u3000村庄升起的炊烟',
      '\u3000\u3000是写给远方游子的信',
      '\u3000\u3000都是牵挂',
    ].join('\n');
    const [talk, comment, letter, poem] = parsePage(page, { file: '20191015-05.txt' }).articles;
    expect([talk.byline?.reporters, talk.byline?.department, talk.paragraphs.length]).toEqual([['于某'], undefined, 2]);
    expect([comment.byline?.organization, comment.paragraphs.length]).toEqual(['人民日报', 1]);
    expect([letter.byline?.reporters, letter.byline?.organization, letter.paragraphs.length]).toEqual([['赵某'], '某大学教师', 1]);
    expect([poem.byline, poem.paragraphs.length]).toEqual([undefined, 3]);
  });

  it("reads writers' names set flush and spaced under an e-paper headline (李 拯; 张 岩  王 浩) as the byline; a bare name there (黄大年) is a profile's title", () => {
    const page = [
      '人民论坛',
      '以担当诠释初心',
      '李 拯',
      '\u3000\u3000初心不是挂在嘴上的口号，而是落在行动上的担当。面对困难，冲锋在前。',
      '时代楷模',
      '黄大年',
      '\u3000\u3000他是著名地球物理学家，放弃国外优厚待遇回到祖国。他说，振兴中华，乃我辈之责。',
      '深海探测取得新突破',
      '张 岩  王 浩',
      '\u3000\u3000我国自主研制的深海探测器日前完成万米海试，多项指标达到国际先进水平。',
    ].join('\n');
    const [a, b, c] = parsePage(page, { file: '20190301-05.txt' }).articles;
    expect([a.title, a.byline?.reporters]).toEqual(['以担当诠释初心', ['李拯']]);
    expect([b.kicker, b.title, b.byline]).toEqual(['时代楷模', '黄大年', undefined]);
    expect([c.title, c.byline?.reporters]).toEqual(['深海探测取得新突破', ['张岩', '王浩']]);
  });

  it('reads a correspondent abroad indented under an e-paper headline (本报驻埃及记者 X) as the byline', () => {
    const page = ['环球走笔', '在开罗老城感受“中国热”', '\u3000\u3000本报驻埃及记者  黄培昭', '\u3000\u3000走进开罗老城的哈利利市场，不时能听到店主用中文招呼：“你好，欢迎！”', '\u3000\u3000一位卖香料的店主告诉记者，这几年来埃及的中国游客越来越多，他特意跟着网上视频学了几句中文。'].join('\n');
    const [a] = parsePage(page, { file: '20180620-03.txt' }).articles;
    expect([a.byline?.reporters, a.byline?.department, a.paragraphs.length]).toEqual([['黄培昭'], '驻埃及记者站', 2]);
  });

  it("reads a poem's first line under its writer as verse, not a second writer; an essay's (寄自美国) names no one and warns of nothing; a separator (○) is no text", () => {
    const page = [
      '冬夜读书记',
      '李某文',
      '冬夜漫长，最宜读书。窗外北风呼啸，屋里一灯如豆，捧一本旧书，便觉天地都安静下来了。',
      '如今年过花甲，眼睛花了，读书更慢了。可是慢有慢的乐趣，倒像是和古人对坐谈心。',
      '（寄自美国）',
      '雪',
      '王某',
      '一夜之间',
      '北方的原野',
      '铺满了洁白的信笺',
      '○',
    ].join('\n\n');
    const [essay, poem] = parsePage(page, { file: '19980116-12.txt' }).articles;
    expect([essay.byline?.reporters, essay.warnings]).toEqual([['李某文'], []]);
    expect([poem.title, poem.byline?.raw, poem.warnings]).toEqual(['雪', '王某', []]);
    expect(poem.paragraphs.map((p) => p.text)).toEqual(['一夜之间', '北方的原野', '铺满了洁白的信笺']);
  });

  it('does not take a headline about a meeting for an author line', () => {
    expect(positionedName('市长会见新西兰惠灵顿市市长李安')).toBeUndefined();
    expect(positionedName('代表团拜会联合国秘书长')).toBeUndefined();
    expect(isAuthorLine('市长会见新西兰惠灵顿市市长李安')).toBe(false);
  });

  it('puts the writer of a signed piece in the byline, not in the subtitle', () => {
    const page = [
      '稳住就业基本盘（附图片１张）',
      '',
      '市人力资源和社会保障局局长刘志强',
      '',
      '过去一年，全市城镇新增就业六万多人，登记失业率控制在目标以内。新的一年，我们将继续把稳就业放在突出位置。',
      '',
      '一是落实减负稳岗政策，二是扩大职业技能培训，三是做好重点群体就业帮扶。',
    ].join('\n');
    const [a] = parsePage(page, { file: 'x.txt' }).articles;
    expect(a.title).toBe('稳住就业基本盘（附图片１张）');
    expect(a.subtitle).toBeUndefined();
    expect(a.byline?.reporters).toEqual(['刘志强']);
  });
});
