/**
 * Chinese personal names run together without separators (`李济国贾建舟`, `贾永黄秋生`),
 * as bylines often print them: split them where each piece opens with a common surname.
 *
 * A name is a surname (one of the common single-character ones, or a compound such as
 * `欧阳`) followed by a given name of one or two characters. A run is split only when
 * exactly one reading makes every piece such a name; otherwise it is left whole.
 */

import { tryLoadJieba } from '../text/jieba';

/** The common single-character surnames (about 230, covering well over 95% of the population). */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文赖洪牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由钮'.split('');
const COMPOUND = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '端木', '独孤', '南宫', '西门', '万俟', '呼延', '澹台', '申屠', '太史', '闻人', '拓跋', '钟离', '司空', '百里', '东郭',
  '公冶', '左丘', '谷梁', '宗政', '濮阳', '淳于', '单于', '赫连', '乐正', '仲孙', '第五', '巫马', '羊舌', '微生', '梁丘',
];
const SURNAMES = new Set([...SINGLE, ...'果郄郗尕'.split('')]);

/** Characters that do not occur in given names: particles, pronouns, function words. */
const NOT_GIVEN = /[的了是在和与及或不也就都而把被让给从向以这那个们吗呢吧啊么着过其所者于对为说到要会能该此各每些等并但却很更最还又再已曾将]/;

function surnameAt(s: string, i: number): number {
  if (COMPOUND.includes(s.slice(i, i + 2))) return 2;
  return SURNAMES.has(s[i]) ? 1 : 0;
}

/**
 * All ways to cut `s` into names (surname + 1–2 given characters); at most a few.
 * `loose`: also given names with characters that are usually function words (`周德会`),
 * for text already known to be a credit.
 */
function readings(s: string, from = 0, depth = 0, loose = false): string[][] {
  if (from === s.length) return [[]];
  if (depth >= 6) return [];
  const out: string[][] = [];
  const sur = surnameAt(s, from);
  if (!sur) return out;
  for (const given of [1, 2]) {
    const end = from + sur + given;
    if (end > s.length) break;
    const name = s.slice(from, end);
    if (!loose && NOT_GIVEN.test(name.slice(sur))) continue;
    for (const rest of readings(s, end, depth + 1, loose)) out.push([name, ...rest]);
  }
  return out;
}

/**
 * Common parts of Tibetan personal names, two of which make a whole name (`扎西多吉`, `次仁卓玛`): its
 * characters may open Han names (`桑`, `卓`, `次`), so a run of two is never split into two people.
 */
const TIBETAN_PART = new Set(
  '扎西 卓玛 次仁 多吉 格桑 央金 拉姆 旦增 丹增 尼玛 达瓦 达娃 平措 益西 桑吉 洛桑 索朗 索南 顿珠 曲珍 德吉 白玛 巴桑 边巴 普布 仁青 强巴 次旦 罗布 拉巴 米玛 卓嘎 央宗 措姆 贡布 阿旺 晋美 群培 旺堆 加措 嘉措 才让 才旦 拉毛 德庆 琼达 欧珠 土登 降措 玉珍 尼珍 边珍 次央 旺姆 曲扎 多布 朗杰 仓决 拉珍 吉宗'.split(' '),
);

/** A Tibetan name of two common parts: `桑吉卓玛`, `扎西多吉`. */
function isTibetanName(n: string): boolean {
  return n.length === 4 && TIBETAN_PART.has(n.slice(0, 2)) && TIBETAN_PART.has(n.slice(2));
}

/** Rank of a name's surname by frequency (the list is in rough frequency order); compounds rank last. */
function rank(name: string): number {
  const i = SINGLE.indexOf(name[0]);
  return COMPOUND.includes(name.slice(0, 2)) || i < 0 ? SINGLE.length : i;
}

/**
 * Split a run of 4–12 Han characters into two or more names (`李济国贾建舟` → `李济国`, `贾建舟`);
 * undefined when no reading works. When several do (`陶立华王力`: `陶立华|王力` or `陶立|华王力`),
 * the one whose surnames are the most common wins, then the one with fewer two-character names.
 * `loose` (for text already known to be a credit): given names may hold characters that are
 * usually function words (`周德会夏立凯`).
 */
export function splitNameRun(run: string, loose = false): string[] | undefined {
  if (!/^[\u4e00-\u9fa5]{4,12}$/.test(run)) return undefined;
  // `桑吉卓玛`: a Tibetan name of two common parts is one name, whatever surnames its characters may pass for.
  if (isTibetanName(run)) return undefined;
  // `欧阳晓明`: a compound surname with a two-character given name is one name.
  if (run.length === 4 && COMPOUND.includes(run.slice(0, 2))) return undefined;
  if (!loose && run.length > 9) return undefined;
  const rs = readings(run, 0, 0, loose).filter((r) => r.length >= 2);
  if (rs.length === 0) return undefined;
  // Among several readings, the one whose cuts fall where jieba cuts (`孟西安|祁勇`, not
  // `孟西|安祁勇`) wins; then the one with the most common surnames, then fewer two-character names.
  const cuts = rs.length > 1 ? jiebaCuts(run) : undefined;
  const offCuts = (r: string[]) => {
    if (!cuts) return 0;
    let pos = 0;
    let off = 0;
    for (const x of r.slice(0, -1)) {
      pos += x.length;
      if (!cuts.has(pos)) off++;
    }
    return off;
  };
  const score = (r: string[]) => offCuts(r) * 100_000 + r.reduce((n, x) => n + rank(x), 0) * 10 + r.filter((x) => x.length === 2).length;
  return rs.reduce((best, r) => (score(r) < score(best) ? r : best));
}

/** Whether a run of characters reads as names run together (see `splitNameRun`). */
export function isNameRun(run: string): boolean {
  return splitNameRun(run) !== undefined;
}

/** One personal name: a common surname and a one- or two-character given name (`刘洪杰`, `欧阳山`). */
export function isPersonName(n: string): boolean {
  const r = readings(n);
  return r.some((x) => x.length === 1);
}

/** How the name of an association, a federation, a committee or a library ends: both lists below end with them. */
const BODY_ENDINGS = '联合会|协会|学会|工会|委员会|基金会|妇联|残联|文联|作协|馆|院';
/** Where the writer is from, then the name: `湖南郴州市刘洪杰`, `深圳机场集团公司吴建飞`. */
const AFFILIATION = new RegExp(`^([\\u4e00-\\u9fa5]{2,16}?(?:省|市|县|区|州|盟|旗|镇|乡|村|公司|集团|大学|学院|中学|小学|医院|研究所|研究院|研究中心|局|厅|委|办|社|站|所|队|厂|部队|支队|大队|中队|总队|银行|分行|支行|学校|报社|电视台|政府|${BODY_ENDINGS}))([\\u4e00-\\u9fa5]{2,3})$`);
/** How the name of a work unit ends (a place, a company, a court, a bank, a department `…宣传部`): `UNIT_NAME`, `UNIT_END`. */
const UNIT_ENDINGS = `省|市|县|区|州|盟|旗|镇|乡|村|公司|集团|大学|学院|中学|小学|医院|法院|检察院|研究所|研究院|中心|局|厅|委|办|办公室|社|站|所|队|厂|部|部队|银行|分行|支行|学校|政府|${BODY_ENDINGS}`;
/**
 * In a credit already known to be one: a work unit glued before the name, with more unit
 * endings than `AFFILIATION` (papers, courts, offices): `某某日报王某`, `某县人民法院李某`.
 */
const UNIT_NAME = new RegExp(`^([\\u4e00-\\u9fa5]{2,20}?(?:${UNIT_ENDINGS}|报社|日报|晚报|[^本]报|电视台|电台))([\\u4e00-\\u9fa5]{2,3})$`);
/** Where a credit names its source, not its writer's unit: `摘自…`, `据…`, `本报…`. */
const SOURCE_OPENING = /^(?:摘自|据|转自|选自|原载|本报)/;

export function isAffiliatedName(t: string): boolean {
  return !!affiliatedName(t);
}

/** `湖南郴州市刘洪杰` → `{ affiliation: '湖南郴州市', name: '刘洪杰' }`. */
export function affiliatedName(t: string): { affiliation: string; name: string } | undefined {
  const m = t.match(AFFILIATION);
  return m && isPersonName(m[2]) && !isVerbWord(m[2]) ? { affiliation: m[1], name: m[2] } : undefined;
}

/** `河南某某日报李某` → `{ affiliation: '河南某某日报', name: '李某' }`, for a credit already known to be one. */
export function unitAndName(t: string): { affiliation: string; name: string } | undefined {
  const m = t.match(UNIT_NAME);
  if (!m || SOURCE_OPENING.test(m[1])) return undefined;
  // (Not what the unit did: `…产业化联盟成立`, where jieba reads the two characters as one verb.)
  if (isVerbWord(m[2])) return undefined;
  return isPersonName(m[2]) ? { affiliation: m[1], name: m[2] } : affiliatedName(t);
}

/**
 * A letter's closing signature in parentheses: `（武警北京一总队十支队刘业国）`, or a work unit and
 * the names of its writers run together (`（某县人民法院牛某华白某英）`).
 */
export function isSignatureLine(t: string): boolean {
  const m = t.match(/^[（(]([^（）()]{4,30})[）)]$/);
  if (!m) return false;
  return isAffiliatedName(m[1]) || !!unitAndNames(m[1]);
}

/**
 * A work unit and the names of its writers run together, in a credit already known to be one:
 * `某县人民法院牛某华白某英` → `{ affiliation: '某县人民法院', names: ['牛某华', '白某英'] }`.
 */
export function unitAndNames(t: string): { affiliation: string; names: string[] } | undefined {
  if (!/^[\u4e00-\u9fa5]+$/.test(t) || SOURCE_OPENING.test(t)) return undefined;
  // Each place where a unit's ending leaves names run together after it, the longest unit first.
  for (let k = t.length - 4; k >= 2; k--) {
    if (!UNIT_END.test(t.slice(0, k))) continue;
    const names = splitNameRun(t.slice(k));
    if (names) return { affiliation: t.slice(0, k), names };
  }
  return undefined;
}

/** How a work unit's name ends (not a paper's or a station's: `UNIT_NAME` adds those). */
const UNIT_END = new RegExp(`(?:${UNIT_ENDINGS})$`);

/** Words that never stand in a person's name: agencies, credit phrases, roles, dates. */
const CREDIT_WORD =
  /新华社|中新社|本报|本栏|本刊|供稿|照片|图片|记者|通讯员|编辑|报道|评论员|摄影|日报|报社|电视台|电台|通讯社|美联社|法新社|路透社|共同社|塔斯社|作者|均据|均为|参与|整理|采写|读者|网友|^据|^综合|^(?:制图|做图|绘图|配图|插图|题图)$/;
const HAN_DATE = /^[〇零一二三四五六七八九十百]+[年月日]|[年月][〇零一二三四五六七八九十]+日?$/;
/** Country and region labels that stand alone over foreign news (`泰国` over `本报曼谷…电`). */
const PLACE_LABEL = new Set(
  '泰国 美国 日本 韩国 朝鲜 英国 法国 德国 俄国 印度 越南 老挝 缅甸 伊朗 伊拉克 以色列 叙利亚 约旦 埃及 南非 巴西 古巴 秘鲁 智利 墨西哥 加拿大 澳大利亚 新西兰 俄罗斯 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 波兰 希腊 土耳其 印尼 印度尼西亚 菲律宾 新加坡 马来西亚 柬埔寨 蒙古 巴基斯坦 阿富汗 香港 澳门 台湾 欧洲 亚洲 非洲 美洲 中东 拉美 国际 国内 海外'.split(' '),
);

/** Words that follow a role word as a column name, not a person: `记者手记`, `记者观察`, `（记者来信）`. */
const COLUMN_WORD = /^(?:手记|观察|调查|来信|来稿|专访|见闻|连线|日记|走基层|探访|视点|再访|笔记|札记|随笔|感言|体验|直击|特写|追踪|述评|快评|点评|短评|目击|亲历|手札|侧记|访谈|采访|热线|信箱|故事|在线|看台|链接|提示|编后|数读|核心阅读|开栏的话|背景|资料)$/;

/** A column's name, not a writer's: `手记`, `记者手记`, `开栏的话`, `核心阅读`. */
export function isColumnName(t: string): boolean {
  return COLUMN_WORD.test(t) || COLUMN_WORD.test(t.replace(/^(?:本报)?记者/, '')) || (t.length >= 3 && COLUMN_LABEL.test(t));
}

/** What a writer is, set before the name in a letter's signature (`（某乡农民 王某）`, `（某部战士 王某）`): no one's name. */
const CALLINGS = '农民|农妇|农民工|村民|居民|市民|工人|职工|战士|士兵|军人|民警|干部|教师|老师|学生|大学生|中学生|小学生|医生|护士|律师|司机|个体户|党员|家长|店员|职员|工程师|技术员|会计|校长|教授|讲师|研究员|作家|画家|诗人';
const CALLING = new RegExp(`^(?:退休|离休|老)?(?:${CALLINGS}|兵|人)$`);
/**
 * A letter's writers signing with place or unit, calling and name: `河南省某县农民 王某某`, `江苏省南京市读者 李某某`,
 * `读者 李某某`; a letter of two or more, names apart (`某市学生家长\u3000吴某某\u3000朱某某`: callings may run together).
 */
const CALLING_SIGNATURE = new RegExp(`^([\\u4e00-\\u9fa5]{0,16}?)[ \\u3000]*(?:退休|离休)?(?:${CALLINGS}|读者)+[ \\u3000]*([\\u4e00-\\u9fa5]{2,4}(?:[ \\u3000、]+[\\u4e00-\\u9fa5]{2,4}){0,3})$`);

/**
 * A letter's writer signing with the place alone, set apart from the name: `河北省某县某乡某村\u3000刘某某`,
 * `江西九江\u3000黄某某` (the place ending as a place does, or two place names and more: never `北京\u3000王府井`).
 */
const PLACE_SIGNATURE = /^([\u4e00-\u9fa5]{2,20})[ \u3000]+([\u4e00-\u9fa5]{2,4}(?:[ \u3000、]+[\u4e00-\u9fa5]{2,4}){0,3})$/;
const PLACE_END = /(?:省|市|县|区|州|盟|旗|镇|乡|村)$/;

/** Two place names or more and nothing else (`江西九江`, a province and a city): every word jieba finds in it a place. */
function placesOnly(t: string): boolean {
  const tags = getJieba()?.tag(t) ?? [];
  return tags.length >= 2 && tags.every((w) => w.tag === 'ns');
}

/**
 * The writers' place or unit (perhaps empty) and names in a letter's signature with a calling
 * (`CALLING_SIGNATURE`), or with the place alone (`PLACE_SIGNATURE`).
 */
export function callingSignature(t: string): { affiliation: string; names: string[] } | undefined {
  // (The last name may be a two-character one padded to the width of three: `北京朝阳\u3000施\u3000芳`.)
  t = t.replace(/([ \u3000])([\u4e00-\u9fa5])[ \u3000]{1,2}([\u4e00-\u9fa5])$/, '$1$2$3');
  const byCalling = t.match(CALLING_SIGNATURE);
  const m = byCalling ?? t.match(PLACE_SIGNATURE);
  const names = m?.[2].split(/[ \u3000、]+/) ?? [];
  // (Not a column's name: `读者来信`; nor a place after a place, `北京\u3000上海`.)
  if (!m || !names.every((n) => isPersonName(n) && !personNameProblem(n) && !isPlaceWord(n))) return undefined;
  // What stands before the calling is a place or a unit (`河南省某县`, `某某厂`), or nothing; with no
  // calling, a place.
  if (byCalling ? m[1] && !isPlaceWord(m[1]) && !UNIT_END.test(m[1]) : !PLACE_END.test(m[1]) && !placesOnly(m[1])) return undefined;
  return { affiliation: m[1], names };
}

/** An artwork's maker credited under its title: `黄某某作`, `孙某画` (the name, or undefined). */
export function artworkMaker(t: string): string | undefined {
  const m = /^([\u4e00-\u9fa5]{2,4})(?:作|画|绘)$/.exec(t);
  return m && isPersonName(m[1]) && !personNameProblem(m[1]) ? m[1] : undefined;
}

/**
 * Why `n` is not a person's name as a byline prints one, or undefined when it is one:
 * 2–4 Han characters, or a transliterated name with `·` (`阿泽布·阿斯纳克`); never Latin
 * letters, digits, dates, agency or credit words, a country label or a calling (`农民`).
 */
export function personNameProblem(n: string): string | undefined {
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(n)) return '含拉丁字母';
  if (/[0-9０-９]/.test(n)) return '含数字';
  if (HAN_DATE.test(n)) return '是日期';
  // (A desk's label closing a brief, `（文讯）`, `（科讯）`, names its source.)
  if (CREDIT_WORD.test(n) || /^[文科体经农教军法侨商卫]讯$/.test(n)) return '是来源或署名用语';
  if (PLACE_LABEL.has(n)) return '是地名';
  if (CALLING.test(n)) return '是身份';
  if (/^(?:我们|你们|他们|她们|咱们|大家|自己|本人|笔者)$/.test(n)) return '是代词';
  if (/^(?:母亲|父亲|妈妈|爸爸|爷爷|奶奶|外婆|姥姥|外公|姥爷|儿子|女儿|妻子|丈夫|哥哥|姐姐|弟弟|妹妹|同志|朋友|乡亲|战友)$/.test(n)) return '是称呼';
  if (isColumnName(n)) return '是栏目名';
  if (/^[\u4e00-\u9fa5]{1,10}(?:·[\u4e00-\u9fa5]{1,10})+$/.test(n)) return undefined;
  if (/^[\u4e00-\u9fa5]{2,4}$/.test(n)) return undefined;
  return /^[\u4e00-\u9fa5]{5,}$/.test(n) ? '太长' : '不像人名';
}

export function isValidPersonName(n: string): boolean {
  return personNameProblem(n) === undefined;
}

const getJieba = tryLoadJieba;

/** Offsets where jieba (with its name-finding HMM) cuts `t`. */
function jiebaCuts(t: string): Set<number> | undefined {
  const j = getJieba();
  if (!j) return undefined;
  const out = new Set<number>();
  let pos = 0;
  for (const w of j.cut(t, true)) out.add((pos += w.length));
  return out;
}

/**
 * A bare name in brackets closing a paragraph inside a piece (`…的印象。（闻力）`) that signs it: led by
 * a surname, and not common words (`（全场笑）`, `（原载）`) unless jieba reads its surname as a name
 * (`梁|文龙`). Stricter than a credit at the piece's end, since a speech's `（掌声）` stands there too.
 */
export function isSigningName(n: string): boolean {
  if (!isPersonName(n)) return false;
  if (!readsAsWords(n)) return true;
  const j = getJieba();
  return !!j && /^nr/.test(j.tag(n)[0]?.tag ?? '');
}

/** Whether jieba finds nothing but names and unknown words in `t` (`涅姆佐夫`, `内坦亚|胡`), no dictionary word. */
export function jiebaFindsOnlyNames(t: string): boolean {
  const j = getJieba();
  if (!j) return true;
  return j.tag(t).every(({ tag }) => /^(?:nr|x)/.test(tag));
}

/** Whether jieba tags all of `t` as one personal name (`索朗罗布`). */
export function jiebaSaysOneName(t: string): boolean {
  const j = getJieba();
  if (!j) return false;
  const tags = j.tag(t);
  return tags.length === 1 && /^nr/.test(tags[0].tag);
}

/** Whether jieba's dictionary reads `t` as common words (`核心阅读`, `汇率`, `四川`) rather than a name. */
export function readsAsWords(t: string): boolean {
  const j = getJieba();
  if (!j) return false;
  return j.tag(t).some(({ word, tag }) => word.length >= 2 && !/^(?:nr|x)/.test(tag));
}

/** Whether jieba tags all of `t` as one place name (`北京`, `日内瓦`), or it is a country label. */
export function isPlaceWord(t: string): boolean {
  if (PLACE_LABEL.has(t)) return true;
  const j = getJieba();
  if (!j) return false;
  const tags = j.tag(t);
  return tags.length === 1 && tags[0].tag === 'ns';
}

/**
 * Whether `t` opens with a place and then what it did, as a news headline does (`湖南涌现３５万养猪大户`,
 * `河北将推广秸秆气技术`): jieba tags the first word a place name, and the next a verb, or an adverb
 * and then a verb.
 */
export function opensWithPlaceDoing(t: string): boolean {
  const j = getJieba();
  if (!j) return false;
  const w = j.tag(t);
  const verb = (k: number) => !!w[k] && /^v(?!n)/.test(w[k].tag);
  return w.length >= 3 && w[0].tag === 'ns' && w[0].word.length >= 2 && (verb(1) || (w[1].tag === 'd' && verb(2)));
}

/** Whether jieba's dictionary reads `t`, two characters, as one verb (`成立`, `挂牌`): a deed, not a name. */
function isVerbWord(t: string): boolean {
  if (t.length !== 2) return false;
  const w = getJieba()?.tag(t);
  return !!w && w.length === 1 && /^v/.test(w[0].tag);
}

/** Whether jieba's dictionary finds a verb in `t` (`胡春华主持`): a clause, not names run together. */
export function holdsVerb(t: string): boolean {
  const j = getJieba();
  if (!j) return false;
  return j.tag(t).some(({ word, tag }) => word.length >= 2 && /^v/.test(tag));
}

/** Column labels that stand alone under a headline: `开栏的话`, `核心阅读`, `编后`, `数读`. */
const COLUMN_LABEL = /(?:的话|阅读|故事|手记|评论|影评|书评|剧评|乐评|评介|链接|提示|点评|短评|快评|述评|编后|编者按|后记|小记|札记|随笔|漫谈|速览|观察|聚焦|数读|特写|侧记|纪事|新语|背景|资料|时评|史话|杂谈|漫笔|短论|论坛|信箱|之窗|动态|简讯|快讯|集锦|来论|来信|来稿)$/;

/**
 * A line with nothing but a word on it, taken for a writer's signature (`粒砂`, `董其中`):
 * a transliterated name, a name led by a surname, or a pen name of two or three characters;
 * never a column label, a place, or a phrase that jieba's dictionary reads as common words
 * (`吃出健康`, `四川`, `汇率`, and so `瓜田` too).
 */
export function isBareSignatureName(n: string): boolean {
  if (n.includes('·') || isTibetanName(n)) return true;
  if (COLUMN_LABEL.test(n) || PLACE_LABEL.has(n)) return false;
  // Led by a surname (`董其中`, `钟行`): a name.
  if (readings(n, 0, 0, true).some((r) => r.length === 1)) return true;
  // Otherwise a pen name (`粒砂`, `今哲`) of two or three characters that is not a place or common
  // words: one jieba does not know (`泰岛`: a place's ending only counts on a word it knows), or
  // knows as a proper name of another kind (`建达`, nz).
  if (n.length >= 4) return false;
  const tags = getJieba()?.tag(n) ?? [];
  const unknown = tags.length === 1 && tags[0].tag === 'x';
  if (/[岛省市县州湾港山河江湖村镇乡]$/.test(n) && !unknown) return false;
  return !readsAsWords(n) || (tags.length === 1 && tags[0].tag === 'nz');
}
