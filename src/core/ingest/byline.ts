/**
 * Bylines: `大众日报淄博融媒体中心记者 陆晓茜 通讯员 徐浩 郭方强`, `本报记者 X`,
 * `见习记者 X`, `实习生 X`, `X 摄`, `本报记者 X 摄影报道`, `（记者 X）`, `（新华社记者樊如钧摄）`,
 * and bare credits in parentheses (`（宋学春陈长法）`).
 *
 * `parseByline` yields only people's names (checked by `personNameProblem`): credits of a
 * source (`（新华社发美联社照片）`, `（均据新华社）`, `（本报新闻信息中心供稿）`), dates and
 * picture keys (`（Ａ、Ｂ）`) name no one; names run together are split; a work unit glued
 * before a name is the organisation. The department is a desk or bureau of the paper
 * (`淄博融媒体中心`, `本报驻俄罗斯记者` → `驻俄罗斯记者站`), never a fragment (`电`, `特派`).
 */
import type { Byline } from '../../shared/types';
import { matchClosingDateline } from './dateline';
import { memo } from './memo';
import { artworkMaker, callingSignature, holdsVerb, isBareSignatureName, isColumnName, isNameRun, isPlaceWord, jiebaSaysOneName, readsAsWords, isValidPersonName, personNameProblem, splitNameRun, unitAndName, unitAndNames } from './names';

/** Role words (not `记者站`, a bureau: `本报驻上海记者站记者 王某`). */
const ROLE = '(?:见习记者|实习记者|特约记者|首席记者|摄影记者|本报记者(?!站)|记者(?!站)|通讯员|实习生|摄影|摄)';
const ROLE_SPLIT = new RegExp(`(${ROLE})`);
const ORG_SUFFIX = /^(.*?(?:日报社?|晚报|时报|商报|青年报|早报|都市报|新华社|中新社|广播电台|电视台|通讯社|杂志社|报社|本报|[^本]报))(.*)$/;
const NAME = /^(?:[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,6}·[\u4e00-\u9fa5·]{1,10}|[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ. ]{0,20})$/;
/** Names run together without separators (`徐国春张雅文`): accepted in a credit in parentheses, split when possible. */
const NAMES_RUN = /^[\u4e00-\u9fa5]{5,9}$/;
/**
 * An organisation that can stand glued before the next role word (`…记者刘振英、新华社记者张宿堂`, `…记者刘少华 人民网记者王某`),
 * or the paper's bureau abroad (`本报驻法国记者\u3000乔某\u3000本报驻德国记者\u3000柯某`).
 */
const GLUED_ORG = /^(?:[\u4e00-\u9fa5]{0,10}(?:日报社?|晚报|新华社|中新社|广播电台|电视台|通讯社|报社|本报|[^社]报|网)|(?:本报|新华社)驻[\u4e00-\u9fa5]{1,8})$/;

/**
 * `黄运成新华社` → `黄运成`, `江玉中国电力报` → `江玉`: the names before a glued organisation.
 * The organisation is an agency, or two characters or more before a paper/station suffix;
 * among several cuts, one whose organisation opens like a national body (`中国…`) wins,
 * then one leaving a three-character name.
 */
function stripGluedOrg(piece: string): string {
  const cuts: { head: string; rest: string }[] = [];
  for (let k = 1; k <= piece.length - 2; k++) {
    const rest = piece.slice(k).replace(/^[、，,\s]+/, '');
    const m = rest.match(GLUED_ORG);
    if (!m) continue;
    if (!/^(?:新华社|中新社|本报|[\u4e00-\u9fa5]{2}网)$/.test(rest) && rest.length < 4) continue;
    const head = piece.slice(0, k).replace(/[、，,\s]+$/, '');
    // (A two-character name may be padded: `乔\u3000\u3000岚\u3000\u3000本报驻德国记者…`.)
    const ns = personTokens(head);
    if (ns.length > 0 && ns.every((n) => NAME.test(n) || isNameRun(n))) cuts.push({ head, rest });
  }
  if (cuts.length === 0) return piece;
  const best =
    cuts.find((c) => /^(?:中国|中央|全国|新华社|中新社|本报)/.test(c.rest)) ??
    cuts.find((c) => names(c.head).every((n) => n.length === 3)) ??
    cuts[0];
  return best.head;
}

const ORG_LIKE = /^(?:本报|新华社|中新社|驻|央视|央广|国际在线)|(?:新闻|融媒)$|(?:报|社|台|中心|部|站|网|局|委|办|院|所|队|团|会|室|组|处|厅|区|县|市|省|州|集团|公司|大学|学院|频道|杂志|周刊|特派|驻[\u4e00-\u9fa5]{1,8})$/;
const SEP = /[\s\u3000、，,]+/;

/** `（…）` → inner text, else the text. */
function unwrap(t: string): { inner: string; paren: boolean } {
  const m = t.match(/^[（(](.*)[）)]$/);
  return m ? { inner: m[1].trim(), paren: true } : { inner: t, paren: false };
}

/** Item marks before a credit line: `■本报记者 X`, `□王浩`. */
const CREDIT_MARK = /^[■□●○◆◇▲△★☆◎]\s*/;

/**
 * Credits set with slashes, as many papers print them: `文/王浩 图/李明` (the writer, then the
 * photographer), `图/李明`, `本报记者 王浩 文/图` and `文图/王浩` (one person did both). The writer's
 * part (perhaps empty) and the photographer's, or undefined for any other credit.
 */
function slashCredits(t: string): { writer: string; photo: string } | undefined {
  const both =
    t.match(/^(?:文图|图文|文并摄|文并图)\s*[/／]\s*(.+)$/) ?? t.match(/^(.+?)\s*(?:文\s*[/／]\s*图|图\s*[/／]\s*文|[/／]\s*(?:文图|图文|文并摄|文并图))$/);
  if (both) return { writer: both[1].trim(), photo: both[1].replace(/^.*(?:记者|通讯员)\s*/, '').trim() };
  // The role after the name (`王浩/文 李明/图`, `李明/摄`).
  const after = t.match(/^(?:(.+?)\s*[/／]\s*(?:文|撰文)\s+)?(.+?)\s*[/／]\s*(?:图|摄影|摄)$/);
  if (after) return { writer: (after[1] ?? '').trim(), photo: after[2].trim() };
  const split = t.match(/^(?:(?:文|撰文)\s*[/／]\s*)?(.*?)\s*(?:图|摄影|摄)\s*[/／]\s*(.+)$/);
  return split ? { writer: split[1].trim(), photo: split[2].trim() } : undefined;
}

function names(piece: string): string[] {
  return piece
    .split(SEP)
    .map((s) => s.replace(/[/／]$/, '').trim())
    .filter((s) => s.length > 0);
}

/** A group signing its piece (`某某大学课题组`, `（本报调查组）`): an organisation, no person's name. */
const GROUP_AUTHOR = /^[\u4e00-\u9fa5“”]{2,20}(?:课题组|调查组|调研组|写作组|评论组|专题组|采访组|报道组)$/;

/**
 * A signed commentary: `本报评论员`, `本报特约评论员`, `新华社评论员`; an editorial, `人民日报社论`; a
 * commentator's note under a signed piece, `（作者为本报评论员）`.
 */
const COMMENTATOR = /^[（(]?(?:作者[为系是])?(?:本报|新华社|[\u4e00-\u9fa5]{2,8}报)?(?:(?:特约)?评论员|社论)[）)]?$/;
/** A commentator who signs with a name, set apart by a space (or in brackets): `本报评论员\u3000林某某`, `（本报评论员林某某）`. */
const NAMED_COMMENTATOR = /^(?:[（(](本报|新华社|[\u4e00-\u9fa5]{2,8}报)?(?:特约)?评论员[\s\u3000]*([\u4e00-\u9fa5·]{2,8})[）)]|(本报|新华社|[\u4e00-\u9fa5]{2,8}报)?(?:特约)?评论员[\s\u3000]+([\u4e00-\u9fa5·]{2,8}))$/;

/** The commentator's organisation (not the paper itself) and name(s), when the line is one. */
function namedCommentator(t: string): { org?: string; names: string[] } | undefined {
  const m = t.match(NAMED_COMMENTATOR);
  if (!m) return undefined;
  const org = m[1] ?? m[3];
  const names = namesOf(m[2] ?? m[4]);
  // (Not a word of the column: `（本报评论员文章）`.)
  return names.length > 0 && names.every((n) => isValidPersonName(n) && !(n.length === 2 && readsAsWords(n))) ? { org: org && org !== '本报' ? org : undefined, names } : undefined;
}

/**
 * Credits set with a colon or a bar (`作者：王浩`, `文｜王浩`, `文：王浩 图：李明`, `摄影：李明`) in the
 * slash form the readers below know (`文/王浩 图/李明`); any other text as it is. Those who set down
 * a group's piece (`（执笔：白暴力 方凤玲）`, `王鹏 李明（执笔）`) and a writer credited in brackets
 * (`（作者：王浩）`) are its writers.
 */
function slashForm(t: string): string {
  // An artwork's maker under its title (`黄某某作`, `（严某某作）`): `图/黄某某`.
  const maker = artworkMaker(t.replace(/^[（(](.*)[）)]$/, '$1'));
  if (maker) return `图/${maker}`;
  // Each name with its part after it (`田\u3000\u3000野图\u3000\u3000郑\u3000\u3000凯文`, `本报记者\u3000韩\u3000\u3000冰文\u3000\u3000陆晓川摄`): `文/郑凯 图/田野`.
  const after = t.match(PARTS_AFTER);
  if (after && (after[2] === '文') !== (after[4] === '文')) {
    const [writer, drawer] = after[2] === '文' ? [after[1], after[3]] : [after[3], after[1]];
    return `文/${writer.replace(/[ \u3000]+/g, '')} 图/${drawer.replace(/[ \u3000]+/g, '')}`;
  }
  t = t.replace(/^[（(]((?:作者|撰文|执笔|编译|整理|摄影|文图|图文)[：:][^（）()]+)[）)]$/, '$1').replace(/^([^（）()：:]+?)\s*[（(]执笔[）)]$/, '执笔：$1');
  // An agency's picture with its photographer in brackets (`新华社发（杨某摄）`): `新华社发 杨某摄`; a
  // photographer's credit with the picture's source after it (`蒋雪林摄（人民视觉）`): the credit.
  t = t.replace(/^(新华社|中新社|中通社)发\s*[（(]([^（）()]{2,20}?)\s*(摄影?)[）)]$/, '$1发 $2$3').replace(PHOTO_SOURCE, '$1');
  if (!/^(?:作者|撰文|执笔|编译|整理|文图|图文|文|图|摄影|摄)\s*[：:｜|]/.test(t)) return t;
  return t.replace(/(^|\s)(作者|撰文|执笔|编译|整理|文图|图文|文|图|摄影|摄)\s*[：:｜|]\s*/g, (_, sp: string, role: string) => `${sp}${/^(?:作者|撰文|执笔|编译|整理)$/.test(role) ? '文' : role}/`);
}

/** A name in a credit, its two characters perhaps padded to the width of three: `郑\u3000\u3000凯`, `陆晓川`. */
const CREDIT_NAME = '[\\u4e00-\\u9fa5](?:[ \\u3000]{1,2}[\\u4e00-\\u9fa5]|[\\u4e00-\\u9fa5]{1,2})';
/** Two names, each with its part after it (`…文`, `…图`, `…摄`), perhaps after the reporter's role: see `slashForm`. */
const PARTS_AFTER = new RegExp(`^(?:(?:本报|新华社)?记者[ \\u3000]*)?(${CREDIT_NAME})(文|图|摄)[ \\u3000]+(${CREDIT_NAME})(文|图|摄)$`);

/** Whether a whole line is a byline or a credit (no sentence in it). */
function isBylineLineRaw(line: string): boolean {
  // `《中国电力报》记者 X`: a paper's name in title marks.
  const t = slashForm(line.trim().replace(/《([\u4e00-\u9fa5]{2,12}(?:报|杂志|周刊|画报))》/g, '$1').replace(PHOTO_SOURCE, '$1'));
  if (COMMENTATOR.test(t) || namedCommentator(t)) return true;
  if (t.length < 2 || t.length > 70) return false;
  // `（据新华社电）`, `（新华社北京１月１日电）`: a source, not a person.
  if (/[电讯][）)]$/.test(t) && matchClosingDateline(t)) return false;
  if (/[。！？!?；;：:“”"《》]/.test(t)) return false;
  // A note naming a page (`（相关报道见第四版）`) is a cross-reference, never a credit.
  if (/第\s*[０-９0-9一二三四五六七八九十A-H]{1,3}\s*版/.test(t)) return false;
  const { inner, paren } = unwrap(t);
  if (!inner) return false;
  if (GROUP_AUTHOR.test(inner)) return true;
  // A letter signed with the writer's calling (`河南省某县农民 王某某`, `（江苏省南京市读者 李某某）`).
  if (callingSignature(inner)) return true;
  if (/[（）()]/.test(inner)) return false;
  // `■本报记者 X`, `文/本报记者 X`: the credit after its mark or lead-in.
  if (CREDIT_MARK.test(inner)) return isBylineLine(inner.replace(CREDIT_MARK, ''));
  const named = (x: string) => personTokens(x).length > 0 && personTokens(x).every((n) => NAME.test(n));
  const writer = inner.match(/^(?:文|撰文)\s*[/／]\s*([^/／]+)$/)?.[1] ?? inner.match(/^([^/／]+?)\s*[/／]\s*(?:文|撰文)$/)?.[1];
  if (writer) return isBylineLine(writer) || named(writer);
  const slashed = slashCredits(inner);
  if (slashed) return (!slashed.writer || isBylineLine(slashed.writer) || named(slashed.writer)) && named(slashed.photo);
  if (deskAndNames(inner)) return true;
  if (/报道$/.test(inner) && /记者/.test(inner)) return isBylineLine(inner.replace(/(摄影)?报道$/, '').trim());
  if (/^[^摄]{2,30}摄(?:影)?$/.test(inner) && !/[，,]/.test(inner)) {
    return personTokens(inner.replace(/摄影?$/, '').replace(new RegExp(`^.*?${ROLE}`), '')).every((n) => NAME.test(n));
  }
  const parts = inner.split(ROLE_SPLIT);
  if (parts.length < 3) {
    // No role word: a bare credit only in parentheses (`（徐俊）`, `（Ａ、Ｂ）`); not a serial's part
    // mark (`（上）`, `（待续）`).
    if (NOT_A_CREDIT.test(inner)) return false;
    // (Nor a note to readers, `（节目如有变动，以当日播出为准）`: no word of a writer's part (`参与采写`), no part
    // a person's name, and one longer than a name that is no run of names and holds a verb.)
    const tokens = names(inner);
    if (!isSourceCredit(inner) && !/作者|采写|采访|整理|报道|编译|摘|辑/.test(inner) && !tokens.some((n) => isValidPersonName(n)) && tokens.some((n) => n.length > 4 && !isNameRun(n) && !splitNameRun(n, true) && holdsVerb(n))) return false;
    return paren && tokens.length > 0 && tokens.every((n) => /^[\u4e00-\u9fa5·A-Za-zＡ-Ｚａ-ｚ]{1,12}$/.test(n));
  }
  const prefix = parts[0].trim();
  if (prefix.length > 24 || /\s/.test(prefix)) return false;
  // What stands before the first role is an organisation or department, never a phrase.
  if (prefix && !ORG_LIKE.test(prefix)) return false;
  let nameCount = 0;
  for (let i = 2; i < parts.length; i += 2) {
    let piece = i + 2 < parts.length ? stripGluedOrg(parts[i]) : parts[i];
    if (i + 2 >= parts.length) piece = piece.replace(/(?:参与采写|采访整理|整理|采写)$/, '');
    // `本报记者  张  平`: a two-character name set with spaces is one name.
    const ns = personTokens(piece);
    for (const n of ns) {
      // (A column's name after the role word is a kicker, not a credit: `记者手记`, `记者观察`.)
      if (isColumnName(n)) return false;
      // (Names run together after a role word, `本报记者 周德会夏立凯`, read as `namesOf` reads them.)
      if (!NAME.test(n) && !(paren && NAMES_RUN.test(n)) && !isNameRun(n) && !(NAMES_RUN.test(n) && splitNameRun(n, true))) return false;
      nameCount++;
    }
  }
  return nameCount > 0;
}

/**
 * A credit with the picture's source noted after it (`（新华社记者张鲁成摄）（传真照片）`): the credit
 * alone, for reading its people. Other text is returned as it is.
 */
export function withoutSourceNote(t: string): string {
  return t.replace(/([）)])\s*[（(](?:传真照片|资料照片|新华社传真|传真)[）)]$/, '$1').replace(PHOTO_SOURCE, '$1');
}

/** A photographer's credit with the picture's source or column after it: `蒋雪林摄（人民视觉）`, `毛虹摄（影像中国）`, `沈果摄（新华社发）`. */
const PHOTO_SOURCE = /(摄(?:影)?)\s*[（(][\u4e00-\u9fa5A-Za-z]{2,8}[）)]$/;

/** Agencies and papers whose name in a credit without a role word marks a source, not a person. */
const AGENCY_WORD = /新华社|中新社|中通社|美联社|法新社|路透社|共同社|塔斯社|俄通社|合众社|欧新社|美通社|新华网|人民网|央视网|视觉中国|人民视觉|东方IC|本报|本刊|本栏/;
/** An agency's photo with its photographer: `新华社发 王某摄`, `中新社发 王某 摄`. */
const AGENCY_PHOTO = /^(新华社|中新社|中通社)发\s*([^\s、，,]{2,12}(?:[、，,\s]+[^\s、，,]{2,12})*)\s*摄影?$/;
/**
 * Text that runs on as a sentence where a credit was looked for: a clause of ten characters or more
 * with a verb and a function word, and no role word (`…记者伊恩威廉姆斯，已经是第二次登上船近距离
 * 拍摄报道`), or a list of places (`辐射到欧洲、东南亚、东亚等地`).
 */
function isProse(t: string): boolean {
  const clause = (part: string) => part.length >= 10 && /[的了是在到已将被把从向对着过]/.test(part) && !/记者|通讯员|实习生|摄影|执笔|评论员/.test(part) && holdsVerb(part);
  return t.split(/[，,；;]/).some(clause) || /等地$/.test(t);
}

/**
 * A note on where a piece first ran or how it was cut (`（原载《求是》…）`, `（摘自《半月谈》）`,
 * `（有删节）`, `（此文为作者在…上的发言，有删节）`): names no one.
 */
const EDITING_NOTE = /^(?:原载|转载|摘自|选自|节选自|转自|摘编自|来源[：:])|删节$/;

/** Parts of a run of text in parentheses that are never names: `（待续）`, `（上）`, `（之二）`, a notice's number `（第六号）`, a list's order `（按姓氏笔画排列）`. */
const NOT_A_CREDIT = /^(?:(?:按|以)姓氏笔画(?:顺序)?(?:排列|为序|排序)|未完待续|待续|续完|未完|全文完|完|续|上|中|下|之[一二三四五六七八九十]+|[一二三四五六七八九十]+|第[一二三四五六七八九十百零〇0-9０-９]{1,6}号)$/;
/**
 * A credit of a source rather than a person, with no role word in it: `（新华社发美联社照片）`,
 * `（均据新华社）`, `（本栏均据新华社电）`, `（照片均为新华社发）`, `（新华社稿）`,
 * `（本报新闻信息中心供稿）`, `（传真照片）`, an agency's short name (`（中新）`).
 */
function isSourceCredit(inner: string): boolean {
  if (ROLE_SPLIT.test(inner)) return false;
  return AGENCY_WORD.test(inner) || /^(?:新华|中新|中通)$/.test(inner) || /(?:供稿|来稿|稿|照片|图片|传真|资料|视觉)$/.test(inner) || /^(?:均|据|资料)/.test(inner) || /^[A-Za-zＡ-Ｚａ-ｚ\s]+$/.test(inner);
}
/** `（一九九七年十二月三十一日）`, `（１９９８年１月）`: a date, not a credit. */
const DATE_CREDIT = /^(?:[〇零○一二三四五六七八九十0-9０-９]+年)?(?:[一二三四五六七八九十0-9０-９]+月)?(?:[一二三四五六七八九十0-9０-９]+日)?$/;
/** `（Ａ、Ｂ）`: letters tying an article to its pictures. */
const LETTER_KEYS = /^[A-Za-zＡ-Ｚａ-ｚ]{1,2}(?:[、，,\s]+[A-Za-zＡ-Ｚａ-ｚ]{1,2})*$/;
/** Lead-in words of a photo credit before the photographer: `照片：`, `压题照片：`, `图为`, `剧照见图`, `见压题照片`. */
const PHOTO_LEAD = /^(?:(?:压题|题图|上|下|左|右|本版)?(?:照片|图片|剧照|插图|题图)[：:]|(?:剧照)?见(?:压题)?(?:照片|图)|图片为|图为)\s*/;
/** The paper's own desks and bureaus: `淄博融媒体中心`, `新闻信息中心`, `驻俄罗斯记者站`, `国际部`. */
const DESK = /^[\u4e00-\u9fa5]{2,20}?(?:融媒体中心|中心|部|记者站|分社|编辑部|工作室|频道|站|组|室|处)$/;

/** The department a byline names before its role word, or undefined: never a verb, fragment or person. */
function deskOf(text: string): string | undefined {
  const d = text.replace(/^本报/, '').trim();
  if (!d) return undefined;
  // `本报驻俄罗斯记者` → 驻俄罗斯记者站.
  const abroad = d.match(/^驻([\u4e00-\u9fa5]{1,10}?)(?:记者站|站|分社)?$/);
  if (abroad) return `驻${abroad[1]}记者站`;
  return DESK.test(d) && !/[电讯发稿]$/.test(d) ? d : undefined;
}

/** A desk or bureau of the paper, then its writers' names, with no role word: `本报经济部 王浩`, `本报驻上海记者站 王浩 李明`. */
function deskAndNames(t: string): { desk: string; names: string[] } | undefined {
  const m = t.match(/^本报([\u4e00-\u9fa5]{2,20})[\s\u3000]+([\u4e00-\u9fa5].*)$/);
  // (The desk's own name, not a role: `本报驻俄罗斯记者 X` is read by its role word.)
  const desk = m && /(?:部|站|分社|中心|室)$/.test(m[1]) ? deskOf(m[1]) : undefined;
  if (!m || !desk) return undefined;
  const names = personTokens(m[2]);
  return names.length > 0 && names.every((n) => NAME.test(n) && isValidPersonName(n)) ? { desk, names } : undefined;
}

/** Name tokens of a credit: `张 文`, `何  勇` (a two-character name set with spaces) stay one name. */
function personTokens(piece: string): string[] {
  const joined = piece.replace(/(^|[\s\u3000、，,])([\u4e00-\u9fa5])[ \u3000]+([\u4e00-\u9fa5])(?=$|[\s\u3000、，,])/g, '$1$2$3');
  return names(joined);
}

/** Offices that never stand in a run of names. */
const OFFICE_WORD = /总统|首相|主席|总理|部长|国王|女王|大使|议长|书记|省长|市长|外长/;

/**
 * One name, or names run together split apart (`潘跃王萍` → `潘跃`, `王萍`; `欧阳晓明` stays whole).
 * A run of five characters or more is also tried with the loose reading (`周德会夏立凯`).
 */
function namesOf(n: string): string[] {
  // (An office in the run, `白俄罗斯总统卢卡申科`, is no run of names: left whole, it is no name.)
  if (/[·A-Za-zＡ-Ｚａ-ｚ]/.test(n) || n.length <= 3 || OFFICE_WORD.test(n)) return [n];
  // `索朗罗布`: a four-character name jieba knows as one.
  if (n.length === 4 && jiebaSaysOneName(n)) return [n];
  return splitNameRun(n) ?? (n.length >= 5 ? splitNameRun(n, true) : undefined) ?? [n];
}

/** Keep the tokens that are people's names; the rest becomes a warning. */
function validNames(ns: string[], warnings: string[]): string[] {
  return ns.filter((n) => {
    // `图/视觉中国`: an agency or a picture library, not a photographer.
    const why = AGENCY_WORD.test(n) ? '是机构名' : personNameProblem(n);
    if (!why) return true;
    warnings.push(`署名里“${n}”不像人名（${why}），未作人名`);
    return false;
  });
}

/** Whether a byline names anyone, in any role (not an organisation or a desk alone). */
export function namesSomeone(b: Byline): boolean {
  return b.reporters.length + b.correspondents.length + b.photographers.length + b.interns.length > 0;
}

/** A byline as printed (`raw`) that names nobody yet; `fields` add what is known (an organisation, a department, people). */
export function emptyByline(raw: string, fields: Partial<Omit<Byline, 'raw'>> = {}): Byline {
  return { raw, reporters: [], correspondents: [], photographers: [], interns: [], ...fields };
}

/** Parse a byline or credit into its organisation, department and people. */
export function parseByline(raw: string, warnings: string[] = []): Byline {
  const byline = emptyByline(raw.trim());
  if (COMMENTATOR.test(byline.raw)) {
    const org = byline.raw.replace(/[（()）]/g, '').replace(/^作者[为系是]/, '').match(/^(.*?)(?:(?:特约)?评论员|社论)$/)?.[1];
    if (org && org !== '本报') byline.organization = org;
    return byline;
  }
  const commentator = namedCommentator(byline.raw);
  if (commentator) {
    if (commentator.org) byline.organization = commentator.org;
    byline.reporters.push(...commentator.names);
    return byline;
  }
  const unwrapped = unwrap(slashForm(raw.trim().replace(/《([\u4e00-\u9fa5]{2,12}(?:报|杂志|周刊|画报))》/g, '$1')));
  const paren = unwrapped.paren;
  if (GROUP_AUTHOR.test(unwrapped.inner)) {
    if (!unwrapped.inner.startsWith('本报')) byline.organization = unwrapped.inner;
    return byline;
  }
  const calling = callingSignature(unwrapped.inner);
  if (calling) {
    if (calling.affiliation) byline.organization = calling.affiliation;
    byline.reporters.push(...calling.names);
    return byline;
  }
  // `文/王浩 图/李明`: the writer's credit read as any other, the photographer's after it.
  const slashed = slashCredits(unwrapped.inner.trim().replace(CREDIT_MARK, ''));
  if (slashed) {
    const read = slashed.writer ? parseByline(slashed.writer, warnings) : emptyByline('');
    for (const n of validNames(personTokens(slashed.photo).flatMap((n) => namesOf(n)), warnings)) if (!read.photographers.includes(n)) read.photographers.push(n);
    return { ...read, raw: byline.raw };
  }
  // Item marks and `文/`, `图/` lead-ins: `■本报记者 X`, `文/本报记者 X`.
  let inner = unwrapped.inner
    .trim().replace(/^[■□●○◆◇▲△★☆◎·\-—\s]+/, '').replace(/^(?:文|图|文图|图文|摄影)\s*[/／|｜]\s*/, '').replace(/\s*[/／]\s*(?:文|撰文)$/, '');
  const deskLine = deskAndNames(inner);
  if (deskLine) {
    byline.department = deskLine.desk;
    byline.reporters.push(...validNames(deskLine.names.flatMap((n) => namesOf(n)), warnings));
    return byline;
  }
  // A desk of the paper alone signs what it compiled: `（本报国际部）`, `本报评论部`, `（本报国际部综合）`.
  const deskOnly = inner.match(/^本报([\u4e00-\u9fa5]{2,20}?)(?:综合|整理|编辑|编)?$/);
  if (deskOnly && /(?:部|中心|室)$/.test(deskOnly[1]) && deskOf(deskOnly[1])) {
    byline.department = deskOf(deskOnly[1]);
    return byline;
  }
  // A writer's note names the writer's affiliation (`（作者为中央党校教授）`, as build.ts reads it closing
  // the text), and whoever set the piece down after it (`（作者为…院长，本报记者车斌采访整理）`).
  const about = inner.match(/^作者(?:为|系|是|单位[：:]?)\s*([^（）()，,；;]{2,40})(?:[，,；;](.*))?$/);
  if (about) {
    const scribe = about[2]?.match(/((?:本报|新华社)?(?:特约)?记者[^，,；;]{2,40}?)(?:采访整理|整理|采写)?$/)?.[1];
    const people = scribe ? parseByline(scribe, warnings) : emptyByline('');
    return { ...people, raw: byline.raw, organization: about[1] };
  }
  // Not people: picture keys, dates, serial marks, an editor's note, where an essay was sent from
  // (`（寄自美国）`), a writer's one-character mark under a brief (`（文）`, `（华）`).
  if (LETTER_KEYS.test(inner) || DATE_CREDIT.test(inner.replace(/\s+/g, '')) || NOT_A_CREDIT.test(inner) || EDITING_NOTE.test(inner) || /^寄自/.test(inner) || (paren && /^[\u4e00-\u9fa5]$/.test(inner))) return byline;
  if (isProse(inner)) {
    warnings.push(`“${byline.raw}”是叙述，不像署名，未作人名`);
    return byline;
  }
  const agencyPhoto = inner.match(AGENCY_PHOTO);
  if (agencyPhoto) {
    byline.organization = agencyPhoto[1];
    byline.photographers.push(...validNames(personTokens(agencyPhoto[2]).flatMap((n) => namesOf(n)), warnings));
    return byline;
  }
  if (isSourceCredit(inner)) {
    // `（本报新闻信息中心供稿）`: a desk of the paper supplied it; so did a newsroom's desk named alone
    // (`（国际部供稿）`; not `（外交部供稿）`, a ministry).
    const desk = inner.match(/^本报([\u4e00-\u9fa5]{2,20}?)(?:供稿|提供)$/) ?? inner.match(/^((?:国际|经济|文艺|评论|理论|群众工作|记者|农村|科教|教科文|政法|体育|文化|社会|新闻|要闻|国内政治|海外|副刊)部)(?:供稿|提供)$/);
    if (desk && deskOf(desk[1])) byline.department = deskOf(desk[1]);
    return byline;
  }
  // `综合本报记者…报道`, `（综合陆娅楠、宋豪新报道）`.
  inner = inner.replace(/^综合\s*/, '');
  let photoReport = false;
  if (/摄影报道$/.test(inner)) {
    photoReport = true;
    inner = inner.replace(/摄影报道$/, '').trim();
  } else {
    // `记者 X 北京报道`: the place the report was filed from is not a name.
    const from = inner.match(/[\s\u3000]+([\u4e00-\u9fa5]{2,6})报道$/);
    if (from && isPlaceWord(from[1])) inner = inner.slice(0, from.index);
    inner = inner.replace(/(参与采写|参与报道|采访整理|综合报道|采写|报道|整理|编译|综述|摘编|摘|制图|绘图|撰文|执笔|辑录)$/, '').trim();
    // `（宗禾辑）`: compiled by. (Left on a two-character name, `王辑`, which it may end.)
    inner = inner.replace(/(?<=[\u4e00-\u9fa5]{2})辑$/, '').trim();
  }
  // `（记者 X 发自日内瓦）`.
  inner = inner.replace(/[\s\u3000]*(?:发自|寄自|写于)[\u4e00-\u9fa5]{1,10}$/, '').trim();

  // `X 摄` / `记者 X 摄`: names before a final 摄 are photographers.
  let photoTail = false;
  if (/[^摄]摄影?$/.test(inner) && !/摄影记者/.test(inner.slice(-4))) {
    photoTail = true;
    inner = inner.replace(/\s*摄影?$/, '').replace(PHOTO_LEAD, '');
  }

  const parts = inner.split(ROLE_SPLIT);
  const add = (list: string[], ns: string[]) => {
    for (const n of ns) if (!list.includes(n)) list.push(n);
  };
  if (parts.length === 1) {
    // No role word: `（宋学春陈长法）`, `湖南郴州市刘洪杰`, `（某某日报王某）`.
    const unit = unitAndName(inner.replace(/\s+/g, ''));
    if (unit) {
      // The writer's place or work unit is an organisation, not a desk of the paper.
      byline.organization = unit.affiliation;
      (photoTail ? byline.photographers : byline.reporters).push(unit.name);
      return byline;
    }
    const units = paren ? unitAndNames(inner.replace(/\s+/g, '')) : undefined;
    if (units) {
      byline.organization = units.affiliation;
      add(photoTail ? byline.photographers : byline.reporters, validNames(units.names, warnings));
      return byline;
    }
    let tokens = personTokens(inner);
    // A letter signed with the writer's place before the name (`（北京 王浩）`): the place is no one.
    if (tokens.length >= 2 && isPlaceWord(tokens[0])) {
      byline.organization = tokens[0];
      tokens = tokens.slice(1);
    }
    // A bare line under a headline (not a credit in parentheses) may be a column label or a kicker.
    if (!paren && !photoTail) tokens = tokens.filter((t) => t.length < 4 || t.includes('·') || !holdsVerb(t));
    let ns = validNames(tokens.flatMap((n) => namesOf(n)), warnings);
    if (!paren && !photoTail) {
      ns = ns.filter((n) => {
        if (isBareSignatureName(n)) return true;
        warnings.push(`“${n}”不像署名，未作人名`);
        return false;
      });
    }
    add(photoTail ? byline.photographers : byline.reporters, ns);
  } else {
    const prefix = parts[0].trim();
    const org = prefix.match(ORG_SUFFIX);
    if (org) {
      if (org[1] !== '本报') byline.organization = org[1];
      const desk = deskOf(org[2]);
      if (desk) byline.department = desk;
    } else if (prefix) {
      const desk = deskOf(prefix);
      if (desk) byline.department = desk;
      else if (ORG_LIKE.test(prefix) && !/[电讯发稿]$/.test(prefix) && /^[\u4e00-\u9fa5]{2,20}$/.test(prefix)) byline.organization = prefix;
    }
  }
  for (let i = 1; i < parts.length; i += 2) {
    const role = parts[i];
    let piece = parts[i + 1] ?? '';
    // `…记者刘振英、新华社记者张宿堂`: an organisation glued before the next role belongs to it.
    if (i + 2 < parts.length) piece = stripGluedOrg(piece);
    const last = i + 2 >= parts.length;
    let tokens = personTokens(piece);
    // `本报记者 X文 Y摄`: X wrote the text (文), Y took the picture.
    if (last && photoTail && tokens.length >= 2) {
      const w = tokens.findIndex((t, k) => k < tokens.length - 1 && t.length >= 3 && t.endsWith('文') && isValidPersonName(t.slice(0, -1)));
      if (w >= 0) {
        add(byline.reporters, validNames(tokens.slice(0, w + 1).map((t, k) => (k === w ? t.slice(0, -1) : t)).flatMap((n) => namesOf(n)), warnings));
        tokens = tokens.slice(w + 1);
      }
    }
    const ns = validNames(tokens.flatMap((n) => namesOf(n)), warnings);
    if (role === '通讯员') add(byline.correspondents, ns);
    else if (role === '实习生') add(byline.interns, ns);
    else if (role === '摄影' || role === '摄' || role === '摄影记者' || (last && photoTail)) {
      // `摄影 X`: names follow; `X 摄` / `记者 X 摄`: the last names took the photo.
      add(byline.photographers, ns);
    } else add(byline.reporters, ns);
  }
  if (photoReport) add(byline.photographers, byline.reporters);
  if (!namesSomeone(byline)) {
    warnings.push(`署名“${byline.raw}”里没有找到人名`);
  }
  return byline;
}

/** Merge a second byline (e.g. a top reporter line and a closing photo credit) into the first. */
export function mergeBylines(a: Byline | undefined, b: Byline): Byline {
  if (!a) return b;
  const out: Byline = {
    ...a,
    raw: `${a.raw} ${b.raw}`,
    reporters: [...a.reporters],
    correspondents: [...a.correspondents],
    photographers: [...a.photographers],
    interns: [...a.interns],
  };
  out.organization ??= b.organization;
  out.department ??= b.department;
  for (const k of ['reporters', 'correspondents', 'photographers', 'interns'] as const) {
    for (const n of b[k]) if (!out[k].includes(n)) out[k].push(n);
  }
  // A credit read twice (a closing note `（记者 黄河）` is also a paragraph's trailing credit, a
  // caption's `（X 摄）` also a credit inside the text) is printed once.
  const bare = (x: string) => x.replace(/[\s（）()]/g, '');
  const nobodyNew = (['reporters', 'correspondents', 'photographers', 'interns'] as const).every((k) => out[k].length === a[k].length);
  if (nobodyNew && bare(a.raw).includes(bare(b.raw))) out.raw = a.raw;
  return out;
}

/** Memoised: the splitter asks this many times per line. */
export const isBylineLine = memo(isBylineLineRaw);
