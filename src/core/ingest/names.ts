/**
 * Chinese personal names run together without separators (`李济国贾建舟`, `贾永黄秋生`),
 * as bylines often print them: split them where each piece opens with a common surname.
 *
 * A name is a surname (one of the common single-character ones, or a compound such as
 * `欧阳`) followed by a given name of one or two characters. A run is split only when
 * exactly one reading makes every piece such a name; otherwise it is left whole.
 */

/** The common single-character surnames (about 230, covering well over 95% of the population). */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split('');
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '万俟', '呼延', '澹台', '申屠', '太史', '闻人', '拓跋', '钟离'];
const SURNAMES = new Set(SINGLE);

/** Characters that do not occur in given names: particles, pronouns, function words. */
const NOT_GIVEN = /[的了是在和与及或不也就都而把被让给从向以这那个们吗呢吧啊么着过之其所者于对为说到要会能该此各每些等并但却很更最还又再已曾将]/;

function surnameAt(s: string, i: number): number {
  if (COMPOUND.includes(s.slice(i, i + 2))) return 2;
  return SURNAMES.has(s[i]) ? 1 : 0;
}

/** All ways to cut `s` into names (surname + 1–2 given characters); at most a few. */
function readings(s: string, from = 0, depth = 0): string[][] {
  if (from === s.length) return [[]];
  if (depth >= 4) return [];
  const out: string[][] = [];
  const sur = surnameAt(s, from);
  if (!sur) return out;
  for (const given of [1, 2]) {
    const end = from + sur + given;
    if (end > s.length) break;
    const name = s.slice(from, end);
    if (NOT_GIVEN.test(name.slice(sur))) continue;
    for (const rest of readings(s, end, depth + 1)) out.push([name, ...rest]);
  }
  return out;
}

/** Rank of a name's surname by frequency (the list is in rough frequency order); compounds rank last. */
function rank(name: string): number {
  const i = SINGLE.indexOf(name[0]);
  return COMPOUND.includes(name.slice(0, 2)) || i < 0 ? SINGLE.length : i;
}

/**
 * Split a run of 4–9 Han characters into two or more names (`李济国贾建舟` → `李济国`, `贾建舟`);
 * undefined when no reading works. When several do (`陶立华王力`: `陶立华|王力` or `陶立|华王力`),
 * the one whose surnames are the most common wins.
 */
export function splitNameRun(run: string): string[] | undefined {
  if (!/^[\u4e00-\u9fa5]{4,9}$/.test(run)) return undefined;
  // `欧阳晓明`: a compound surname with a two-character given name is one name.
  if (run.length === 4 && COMPOUND.includes(run.slice(0, 2))) return undefined;
  const rs = readings(run).filter((r) => r.length >= 2);
  if (rs.length === 0) return undefined;
  const score = (r: string[]) => r.reduce((n, x) => n + rank(x), 0);
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

/** Where the writer is from, then the name: `湖南郴州市刘洪杰`, `深圳机场集团公司吴建飞`. */
const AFFILIATION = /^([\u4e00-\u9fa5]{2,16}?(?:省|市|县|区|州|盟|旗|镇|乡|村|公司|集团|大学|学院|中学|小学|医院|研究所|研究院|研究中心|局|厅|委|办|社|站|所|队|厂|部队|支队|大队|中队|总队|银行|分行|支行|学校|报社|电视台))([\u4e00-\u9fa5]{2,3})$/;

export function isAffiliatedName(t: string): boolean {
  return !!affiliatedName(t);
}

/** `湖南郴州市刘洪杰` → `{ affiliation: '湖南郴州市', name: '刘洪杰' }`. */
export function affiliatedName(t: string): { affiliation: string; name: string } | undefined {
  const m = t.match(AFFILIATION);
  return m && isPersonName(m[2]) ? { affiliation: m[1], name: m[2] } : undefined;
}

/** A letter's closing signature in parentheses: `（武警北京一总队十支队刘业国）`. */
export function isSignatureLine(t: string): boolean {
  const m = t.match(/^[（(]([^（）()]{4,30})[）)]$/);
  return !!m && isAffiliatedName(m[1]);
}
