/**
 * Author lines: the line under a headline that names who wrote the piece (`本报记者刘工践`,
 * `周德武`, `丁坚铭李建兴`, `湖南郴州市刘洪杰`, `中共中央总书记、国家主席江泽民`).
 */
import type { Byline } from '../../shared/types';
import { emptyByline, isBylineLine } from './byline';
import { memo } from './memo';
import { isUnitSignature } from './lines';
import { holdsVerb, isAffiliatedName, isColumnName, isPersonName, isPlaceWord, jiebaFindsOnlyNames, splitNameRun } from './names';

const POSITION = '(?:总书记|书记|副?主席|副?部长|副?局长|副?行长|副?主任|副?院长|副?秘书长|委员|副?市长|副?省长|副?县长|司令员|政委|副?总理|理事长|会长|副?校长|所长|总经理|董事长|总裁|厂长|社长|总编辑|主编|研究员|教授)';
/**
 * Offices a writer also signs with (`农业部市场信息司司长闵耀良`, `某律师事务所律师X`), some of them
 * words a headline may end in as well: the name after one of these must read as a person's name.
 */
const OTHER_POSITION = '(?:司长|厅长|处长|署长|庭长|检察长|法官|检察官|州长|区长|镇长|乡长|大使|总领事|参赞|馆长|台长|站长|团长|队长|经理|总工程师|工程师|总经济师|律师|博士|讲师|编审|医师)';
/** An office word alone: never a name, though it may open with a surname (`副省长`, `常委`). */
const OFFICE_ALONE = new RegExp(`^(?:${POSITION}|${OTHER_POSITION}|常委|副职|正职)$`);
const positioned = (position: string) =>
  new RegExp(`^((?:(?:(?!会见|会谈|接见|看望|致电|致信|出席|主持|访问|宣布|任命|表示|说|同|向)[\u4e00-\u9fa5]){0,16}${position}[、，,]?)+)([\u4e00-\u9fa5·]{2,4})$`);
/** An office, then a name: `中共中央总书记、国家主席江泽民`, `国家税务总局党组书记、副局长项怀诚`. */
const POSITIONED_NAME = positioned(POSITION);
const OTHER_POSITIONED_NAME = positioned(`(?:${POSITION}|${OTHER_POSITION})`);

/** The writer of a signed piece named with their office: the name and the office (`项怀诚`, `国家税务总局党组书记、副局长`). */
export function positionedName(line: string): { name: string; office: string } | undefined {
  // (The name may stand apart from the office: `国务院总理\u3000李鹏`.)
  const t = line.replace(/[\s\u3000]+(?=[\u4e00-\u9fa5·]{2,4}$)/, '');
  if (t.length > 40) return undefined;
  let m = t.match(POSITIONED_NAME);
  if (!m) {
    m = t.match(OTHER_POSITIONED_NAME);
    if (m && !isPersonName(m[2])) m = null;
  }
  // `突尼斯总理递交辞呈`, `…委员会挂牌`, `…评价习近平主席新年贺词`: an office and what it did or
  // said, a headline, not a writer. A name that is no Chinese name holds no verb (`哈塔米`), and
  // one of four characters holds no dictionary word at all (`涅姆佐夫`).
  const foreign = (n: string) => n.includes('·') || jiebaFindsOnlyNames(n) || (n.length < 4 && !holdsVerb(n));
  if (m && !isPersonName(m[2]) && !foreign(m[2])) return undefined;
  // (Nor an office after an office, `…领导和省长、副省长`: `副` opens a surname as well.)
  if (m && OFFICE_ALONE.test(m[2])) return undefined;
  return m ? { name: m[2], office: m[1].replace(/[、，,]$/, '') } : undefined;
}

/**
 * A signer's office and name set apart by a space, as a decree or a notice is signed over its date
 * (`中华人民共和国主席\u3000江泽民`, `国务院总理\u3000李鹏`).
 */
export function isOfficeSignature(t: string): boolean {
  const m = t.match(/^[\u4e00-\u9fa5、]{2,30}[\s\u3000]+([\u4e00-\u9fa5·]{2,4})$/);
  return !!m && positionedName(t)?.name === m[1];
}

/** An office at the end of a signer's title: `中华人民共和国主席`, `某某国总统`, `中国政府代表`. */
const SIGNER_OFFICE = new RegExp(`(?:${POSITION}|${OTHER_POSITION}|总统|首相|国王|外长|外交部长|代表|全权代表)$`);

/**
 * Two parties signing side by side, their offices on one line and their names under them, column by
 * column (`中华人民共和国主席\u3000\u3000某某国总统` ⏎ `江泽民\u3000\u3000某某某`): a joint document's signatures.
 */
export function isColumnSignature(offices: string, names: string): boolean {
  const o = offices.split(/[ \u3000]+/);
  const n = names.split(/[ \u3000]+/);
  return o.length >= 2 && o.length === n.length && o.every((x) => x.length <= 20 && SIGNER_OFFICE.test(x)) && n.every((x) => BARE_NAME.test(x));
}

/** A line that signs a notice or a decree over its date: the body issuing it (`国务院`) or its officer (`国务院总理\u3000李鹏`). */
export function signsAsBody(t: string): boolean {
  return isUnitSignature(t) || isOfficeSignature(t);
}

/** A bare line of two to four characters (`周德武`): a writer's name, a place (`泰国`) or a verse line (`沐浴全身`); callers tell which. */
export const BARE_NAME = /^[\u4e00-\u9fa5·]{2,4}$/;

/** Characters no given name holds (particles, pronouns, function words). */
const FUNCTION_CHAR = /[的了是在和与及或不也就都而把被让给从向以这那个们吗呢吧啊么着过之其所者于对为说到要会能该此各每些等并但却很更还又再已将您你我他她它]/;

/** Author line under a headline: `本报记者刘工践`, `周德武`, `新华社记者刘云峰`, `本报驻美国记者张亮`, an office and a name, a desk (`本报编辑部`). */
function isAuthorLineRaw(t: string): boolean {
  if (isBylineLine(t)) return true;
  // A desk of the paper writing in its own name (`本报编辑部`, `本报评论部`).
  if (/^本报[\u4e00-\u9fa5]{1,6}(?:部|中心|室)$/.test(t)) return true;
  if (positionedName(t)) return true;
  // A short name (`周德武`), not a place (`泰国` over a roundup's dated part) nor a column's name (`记者手记`).
  if (BARE_NAME.test(t)) return !isPlaceWord(t) && !isColumnName(t);
  // A two-character name set with a space, as papers print one (`张 岩`, `阎  语`); not a subhead's
  // padded pair (`缘 起`, `春 色`), which names no one.
  const pair = t.match(/^([\u4e00-\u9fa5])\s+([\u4e00-\u9fa5])$/);
  if (pair) return isPersonName(pair[1] + pair[2]) && !isPlaceWord(pair[1] + pair[2]);
  // Two names run together (`丁坚铭李建兴`), or the writer's place or work unit and name (`湖南郴州市刘洪杰`).
  if (t.length <= 12 && (splitNameRun(t)?.length ?? 0) >= 2) return true;
  // Three or four writers run together (`吴希曾刘伯根岑红`, `高扬文史怀璧焦善民王锐`): longer runs, and a
  // given name may hold `曾`; never a clause (`周小燕老师您辛苦了` holds `了`).
  if (t.length >= 8 && t.length <= 12) {
    const names = splitNameRun(t, true);
    if (names && names.length >= 3 && names.every((n) => !FUNCTION_CHAR.test(n.slice(1)))) return true;
  }
  // Two to four writers set apart by spaces (`张立新 陈桂兰`, `张 岩  王 浩`), each a person's name.
  const spaced = t.replace(/(^|[ \u3000])([\u4e00-\u9fa5])[ \u3000]+([\u4e00-\u9fa5])(?=[ \u3000]|$)/g, '$1$2$3').split(/[ \u3000]+/);
  if (spaced.length >= 2 && spaced.length <= 4 && spaced.every((n) => BARE_NAME.test(n) && isPersonName(n))) return true;
  return /^[（(]?[^（）()]{4,20}[）)]?$/.test(t) && isAffiliatedName(t.replace(/^[（(]|[）)]$/g, ''));
}

/** Memoised: the splitter and the builder ask this many times per line. */
export const isAuthorLine = memo(isAuthorLineRaw);

/**
 * A writer's bare name standing as a line under a feature's intro (`痛说赝品` ⏎ intro ⏎ `南宫品` ⏎ text):
 * it signs the piece. Not the first of a series of profiles whose subheads are names (the splitter's
 * `author-under-intro` keeps the article whole on it; the builder makes it the byline). `nextSubhead`
 * is the next headline-shaped line after it: a name there means a series of profiles.
 */
export function isBareAuthorLine(t: string, nextSubhead: string | undefined): boolean {
  return isAuthorLine(t) && isPersonName(t) && !isPersonName(nextSubhead ?? '');
}

/**
 * A dash signature under a piece as a byline: `———赵文` → 赵文; `———李东旭马丽静（辽宁）` → two
 * people; `——编 者` (an editor's note) names nobody.
 */
export function dashSignatureByline(t: string): Byline {
  const who = t.replace(/^[—－-]+\s*/, '').replace(/[（(][^（）()]*[）)]$/, '').replace(/\s+/g, '');
  const names = who === '编者' ? [] : /^[\u4e00-\u9fa5]{2,3}$|·/.test(who) ? [who] : (splitNameRun(who) ?? []);
  return emptyByline(t, { reporters: names });
}
