/**
 * Headline-less news briefs run on after an article (简讯 columns, 国际简讯): each item is
 * one paragraph that opens like a news lead — a named subject, then the day
 * (`越南国防部三日举行…`, `诺基亚公司近日在中国市场推出…`, `据日本警察厅１月２日发表…`) —
 * and shares next to nothing with the article it follows. A body paragraph that opens the
 * same way stays in its article when it picks up the article's words.
 */
import { memo } from './memo';

/**
 * A subject (no digits, no clause break), then the day within the first clause, or last year
 * (`我国去年新增电话用户…`: a year's figures are a brief's news; `今年` and a year in digits open
 * too many paragraphs inside stories to count).
 */
const LEAD =
  /^(?:据[^，。；]{2,30}(?:报道|消息|统计|公布|宣布|透露)[，,])?(?:据)?[^，。、；：“”‘’『』（）《》０-９0-9]{2,24}?(?:(?:去年|今年)?(?:[０-９0-9一二三四五六七八九十]{1,3}月)?[０-９0-9一二三四五六七八九十]{1,3}日|日前|近日|最近|前不久|不久前|新近|去年)/;
/** The day anywhere in the first sentence (`…的交接仪式１２月３０日在塔那那利佛举行。`), or the year's end. */
const DAY_IN_FIRST_SENTENCE =
  /^[^。！？]{0,60}?(?:(?:[０-９0-9一二三四五六七八九十]{1,3}月)?[０-９0-9一二三四五六七八九十]{1,3}日(?![报电])|日前|近日|最近|目前|前不久|不久前|新近|(?:[０-９0-9]{4}|[一二三四五六七八九〇零]{4})年底)/;
/**
 * Openings that continue a story (pronouns, `我` but not `我国`, a brief's subject; connectives,
 * time and place adverbials, the day told from the dateline's, `今天`, `本月`, `就在前不久`; a time alone
 * before the comma, `不久前，`, `日前，` (no gold item of the 1998 dev pages opens so, 32 paragraphs of 40
 * characters or more inside articles do; a briefs column marks its items, `●日前，…`); a date or a year
 * first, `７月２７日，…`, `１９９７年，…` (no item, 177 such paragraphs); and the next step of an event
 * already told: `第二轮比赛…`, `第三天…`).
 */
const CONTINUES =
  /^(?:第[二三四五六七八九十]{1,2}(?:轮|天|日|场|阶段|局|盘|站)|尽管|虽然|如果|由于|为了|随着|在|当|对|从|自|经过|通过|我(?!国)|你|大家|人们|有人|有的|许多|不少|一些|这|那|他|她|它|该|此|其|但|而|并|同时|另外|此外|因此|所以|据了解|据介绍|据悉|据统计|据报道|据说|目前|如今|今年|去年|今天|昨天|明天|本月|上月|就在|(?:不久前|前不久|日前|近日|最近|近来|近年来|上个月|上周|前些天|前几天)[，,]|[０-９0-9一二三四五六七八九〇零○]{4}年|(?:[０-９0-9一二三四五六七八九十]{1,2}月)?[０-９0-9一二三四五六七八九十]{1,3}日|当天|当日|次日|随后|之后|此前|会上|会议|记者|笔者|与此同时|截至|截止)/;

/** An item of a briefs column marked by its bullet, then the day: `●前不久，…`, `●日前，…`, `●５日，…`. */
export const BULLET_DAY = /^[●■◆▲]\s*(?:日前|近日|最近|前不久|不久前|新近|(?:[０-９0-9一二三四五六七八九十]{1,3}月)?[０-９0-9一二三四五六七八九十]{1,3}日)[，,]/;

/** A report opened by its source's figures: `据英国气象局公布的最新数据，…` (the source captured). */
const SOURCE_FIGURES = /^据([^，。；、]{2,20}?)(?:公布|发布|发表)的[^，。；]{0,8}(?:数据|数字|统计|报告|资料)[，,]/;

/** A lead that says its subject did so too (`德国总理默克尔１１日也表示，…`): the story's next voice, not a new item. */
const ALSO_AFTER_DAY = /^[^，。；]{2,30}?(?:[０-９0-9一二三四五六七八九十]{1,3}日|日前|近日|最近)(?:也|还|亦|同样|同日|同时)/;

function isBriefLeadRaw(t: string): boolean {
  if (t.length < 40 || ALSO_AFTER_DAY.test(t)) return false;
  return BULLET_DAY.test(t) || SOURCE_FIGURES.test(t) || (LEAD.test(t) && !CONTINUES.test(t));
}

/** Opens like the lead of a headline-less brief (shape only; see `cohesion`). */
export const isBriefLead = memo(isBriefLeadRaw);

/**
 * Looser: a news paragraph that names its day in the first sentence, wherever. Taken as a new item
 * only where the page already says items run on without headlines (after an item closed by its
 * credit `（王璐）`, or inside a run of headline-less briefs) and the paragraph shares next to
 * nothing with the item before it, or where it shares nothing at all and is not told by a writer
 * (segment.ts).
 */
export function isLooseBriefLead(t: string): boolean {
  return t.length >= 40 && namesItsDay(t);
}

/**
 * A paragraph that could open an item of its own: not a quotation (`“站住！”…`) nor a story going
 * on (`他…`, `记者…`, `随后…`); a letter's writer may open one (`我以为，…` in a letters column).
 */
export function standsAlone(t: string): boolean {
  return !(CONTINUES.test(t) && !/^我/.test(t)) && !/^[“「『"‘]/.test(t);
}

/**
 * A time that opens a paragraph, then the person it is about as a pronoun (`１９９６年２月２０日凌晨４时３０分，他到…`,
 * `５日，记者…`): a story going on at its next moment, not a news item's lead.
 */
const TIME_THEN_PRONOUN =
  /^(?:[０-９0-9一二三四五六七八九〇零]{4}年)?(?:[０-９0-9一二三四五六七八九十]{1,2}月)?(?:[０-９0-9一二三四五六七八九十]{1,3}日)?(?:[初底末]|上午|下午|凌晨|早晨|清晨|晚上|晚|夜里|深夜|中午)?(?:[０-９0-9一二三四五六七八九十]{1,2}[时点](?:[０-９0-9一二三四五六七八九十]{1,2}分)?)?(?:许|左右)?[，,](?:他|她|它|我们|记者|笔者)/;

/** A paragraph whose first sentence names its day (or its year's end) and does not go on with a story: a news item's opening, of any length. */
export function namesItsDay(t: string): boolean {
  if (CONTINUES.test(t) && !/^(?:截至|截止)(?!目前|现在|今天|记者发稿|发稿)/.test(t)) return false;
  if (TIME_THEN_PRONOUN.test(t) || ALSO_AFTER_DAY.test(t)) return false;
  return LEAD.test(t) || DAY_IN_FIRST_SENTENCE.test(t);
}

/** A pair of numeral words (`第十`, `十一`, `一次`): says how many or which, never what about. */
const NUMERAL_PAIR = /^[〇零一二三四五六七八九十百千万亿两第][〇零一二三四五六七八九十百千万亿两次届]$/;

function bigrams(s: string, skipNumerals = false): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (a >= 0x4e00 && a <= 0x9fa5 && b >= 0x4e00 && b <= 0x9fa5 && !(skipNumerals && NUMERAL_PAIR.test(s.slice(i, i + 2)))) out.add(s.slice(i, i + 2));
  }
  return out;
}

/**
 * Words that say when, not what (`最近`, `目前`, `今年`): every news lead has one, so sharing one
 * with the item above says nothing of a common subject.
 */
const WHEN = /日前|近日|最近|目前|前不久|不久前|新近|今年|去年|明年|今天|昨天|明天|当天|日电|日讯/g;

/**
 * Share of the first sentence's character pairs (Han) that occur in the context texts (the words of
 * when left out; with `skipNumerals`, the pairs of ordinals and counts too: `第十`, `一次`).
 */
export function cohesion(t: string, context: string[], skipNumerals = false): number {
  const first = bigrams(t.split(/[。！？]/)[0].slice(0, 80).replace(WHEN, '，'), skipNumerals);
  if (first.size === 0) return 1;
  const ctx = context.map((c) => bigrams(c.slice(0, 200)));
  let shared = 0;
  for (const x of first) if (ctx.some((c) => c.has(x))) shared++;
  return shared / first.size;
}

/**
 * Whether the subject of a lead-shaped paragraph (its words before the day: `新邮票是` in
 * `新邮票是６日开始…`; the source of the figures it opens with) shares a character pair with the
 * headline above: the paragraph then goes on with the headline's story (`美国发行虎年邮票`) rather
 * than opening a brief of its own.
 */
export function subjectInHeadline(t: string, headline: string): boolean {
  // (A report opened by its source's figures names its source as its subject: `据日本经济企划厅公布的资料，…`
  // under `日本政府拟追加公共投资…` goes on with it.)
  const source = t.match(SOURCE_FIGURES)?.[1];
  const lead = source ?? t.match(LEAD)?.[0];
  if (!lead) return false;
  const subject = bigrams(lead.replace(/(?:(?:去年|今年)?(?:[０-９0-9一二三四五六七八九十]{1,3}月)?[０-９0-9一二三四五六七八九十]{1,3}日|日前|近日|最近|前不久|不久前|新近)$/, ''));
  const head = bigrams(headline);
  for (const x of subject) if (head.has(x)) return true;
  return false;
}

/** Below this share of shared pairs a lead-shaped paragraph is a new item. */
export const BRIEF_COHESION = 0.1;

/**
 * At or above this share of pairs shared with the article a run of headline-less items broke away
 * from, a paragraph goes on with that article's story and is not the run's next item. (Measured:
 * 0.1 also stopped a real briefs column on a neighbouring subject; 0.15 stopped none on the dev pages.)
 */
export const RUN_ORIGIN_COHESION = 0.15;
