/**
 * A page's lines, and what each line looks like. The page is a list of units: one per non-blank line, with its offsets in the
 * original text and the number of blank lines before it, plus the features the
 * splitter and the reflow read (sentence end, headline shape, markers, captions).
 */
import { tidyLine } from '../text/normalize';
import { isBylineLine } from './byline';
import { matchDateline, type DatelineMatch } from './dateline';
import { furnitureOf, type Furniture } from './furniture';
import { memo } from './memo';
import { isPersonName, jiebaSaysOneName, readsAsWords } from './names';
import { closeLetterSpacing } from './spacing';
import { asciiDigits, parseNumber } from './numbers';

export interface Unit {
  /** Whitespace-tidied text (original punctuation). */
  text: string;
  /** Offsets of the unit in the page text (half-open, trimmed). */
  start: number;
  end: number;
  /** Blank lines before this unit (page start counts as many). */
  gap: number;
  /** The line starts with white space (two U+3000, spaces): a paragraph indent on e-paper text. */
  indent?: boolean;
  /** The line as printed, its indent kept and trailing white space dropped: how wide it is, on a folded page (`unwrap.ts`). */
  printed?: string;
  furniture?: Furniture;
}

/** A two-character name padded to the width of three in a credit line: `本报记者  王  浩`, `吴  鲁摄`. */
const PADDED_NAME = /(^|[\s，,、：:（(])([\u4e00-\u9fa5]) ([\u4e00-\u9fa5])(?=$|[\s，,、）)]|摄)/g;
const CREDIT_WORD = /记者|通讯员|实习生|摄|责编|编辑|设计|校对|制图/;

/** Close the padding inside names on short credit lines (bylines, photo credits, page-staff lines). */
export function closePaddedNames(t: string): string {
  if (t.length > 60 || !CREDIT_WORD.test(t)) return t;
  return t.replace(PADDED_NAME, '$1$2$3');
}

/** Split text into units. Handles LF, CRLF and CR without changing offsets; a letter-spaced page is closed up (`spacing.ts`). */
export function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const re = /\r\n|\r|\n/g;
  let pos = 0;
  let blank = 99;
  const take = (lineStart: number, lineEnd: number) => {
    const raw = text.slice(lineStart, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) {
      blank++;
      return;
    }
    const t = closePaddedNames(tidyLine(trimmed));
    // (A byte-order mark left at the start of the text is white space to trim, not an indent.)
    const indent = raw.slice(0, lead).replace(/\ufeff/g, '').length > 0;
    units.push({ text: t, start: lineStart + lead, end: lineStart + lead + trimmed.length, gap: blank, indent, printed: raw.trimEnd().replace(/^\ufeff/, ''), furniture: furnitureOf(t) });
    blank = 0;
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    take(pos, m.index);
    pos = m.index + m[0].length;
  }
  take(pos, text.length);
  return closeLetterSpacing(units);
}

const FINAL = /[。！？!?…]$|[。！？!?…][”’」』"')）】]+$|[。！？!?][”’」』"')）】]*[（(][^（）()]{1,40}[）)]$|……$|——编者$/;

/**
 * Running text that ends on a lead-in dash: prose with a finished sentence whose last words hand
 * over to what follows (`…回首去岁文坛。…特邀几位评论家评说———`). A symposium's lead announces
 * its sections so. (Not a verse line ending on a dash, `…震天动地的——`, which runs on.)
 */
export function announcesWhatFollows(t: string): boolean {
  return /——$/.test(t) && /[。！？]/.test(t);
}

/** Ends like a finished sentence (also `。”`, `。（新华社…电）`). */
export function endsSentence(t: string): boolean {
  return FINAL.test(t);
}

/** Ends inside a sentence: comma, enumeration comma, semicolon, opening bracket/quote. */
export function endsMidSentence(t: string): boolean {
  return /[，,、；;（(“‘《—-]$/.test(t);
}

const PICTURE_WORD_MARK = /^[（(][^（）()]{0,16}(?:图片|照片|图表)[^（）()]{0,6}[）)]$/;
/**
 * `图` alone marks a picture when it stands first or after a word of pointing or sourcing (`（图）`,
 * `（见下图）`, `（新华社发图）`, `（资料图）`, `（示意图）`), never after a name: `（…联合会巴图）` is a signature.
 */
const BARE_PICTURE_MARK = /^[（(](?:[^（）()]{0,14}[附见下上左右配发意料画组插题])?图[^（）()]{0,6}[）)]$/;

/** Picture markers: `（附图片１张）`, `（图片）`, `（传真照片）`, `（新华社发美联社照片）`, `图片：`. */
export function isMarker(t: string): boolean {
  return PICTURE_WORD_MARK.test(t) || BARE_PICTURE_MARK.test(t) || /^(?:图片|附图)[：:]?$/.test(t);
}

/** Title ends with a picture marker: `挂起红灯迎新年（图片）`, `…讲话（附图片１张）`. */
export function hasPictureMark(t: string): boolean {
  return /[（(](?:附)?图片[^（）()]{0,6}[）)]$|[（(]图[）)]$/.test(t);
}

/** The headline of a photo item, which carries only its picture and caption: `过新闸（图片）`. */
export function isPhotoItemHead(t: string): boolean {
  return /[（(](?:图片|照片)[）)]$/.test(t);
}

/**
 * A photo caption: ends with a credit (`（新华社记者X摄）`, `（新华社发美联社照片）`, set apart after its
 * sentence: `…太行山。  赵某某摄`), opens with `图为` or a picture's number (`图①：…`, `图２\u3000…`), or
 * places a person in the picture (`李国安（右）…。`).
 */
export function isCaptionText(t: string): boolean {
  return (
    /摄(?:影)?[）)]$|照片[）)]$|^图为|^上图|^下图|^左图|^右图|^图[①-⑳0-9０-９]{1,2}[：:\s\u3000]/.test(t) ||
    /[。！？]\s+[\u4e00-\u9fa5·、\s]{2,20}摄(?:影)?$/.test(t) ||
    (t.length <= 60 && POSITION_CAPTION.test(t))
  );
}

/** One sentence placing a person in the picture: `李国安（右）和战士研究地质情况。`, `…（前排左）在课堂上。` */
const POSITION_CAPTION = /^[^。！？]{0,30}[（(](?:前排|后排|中排|中间)?[左右中][一二三四五六七八九十]?[）)][^。！？]*[。！？]?$/;

/** The editor's word under a reader's letter: `编者附言：…`, `编后：…`, or what became of the letter (`来信反映的问题已转交…`). */
export const EDITORS_WORD = /^(?:编者附言|编者按|编者注|编者|编后|编辑附言)[：:]|^(?:此信|来信|该信)[^。]{0,20}(?:转交|转给|已交|转请|转有关)/;

/** A summary of points under a headline, each after its mark: `江泽民强调：●…●…`. */
export function isPointSummary(t: string): boolean {
  return (t.match(/[●◆■]/g)?.length ?? 0) >= 2;
}

/** A desk of the paper on its own line, signing a piece it speaks for: `文艺部`, `本报群众工作部`. */
export function isDeskSignature(t: string): boolean {
  return /^(?:本报)?[\u4e00-\u9fa5]{1,4}部$/.test(t);
}

/**
 * A body on its own line (not one of the paper's desks, `isDeskSignature`), signing a notice over its date: `某某同志治丧委员会`,
 * `某某股份有限公司董事会`, `某省人民政府办公厅`, `国务院`, a paper's or a publisher's office (`人民日报社`)
 * (segment.ts and build.ts take it so only with the date under it).
 */
export function isUnitSignature(t: string): boolean {
  return /^(?:国务院|中共中央|中央军委|[\u4e00-\u9fa5·“”]{2,30}(?:常委会|委员会|董事会|办公厅|办公室|人民政府|政府|有限公司|公司|集团|协会|学会|联合会|基金会|领导小组|指挥部|研究所|研究院|人民法院|人民检察院|总局|大学|学院|医院|银行|工会|妇联|报社|杂志社|出版社|通讯社))$/.test(t) && !isDeskSignature(t);
}

/** A line opening with an item's number: `二、…`, `（三）…`, `５、…`, `1.…` (not `1.5`). */
const ITEM_NUMBER = /^(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]|([0-9０-９]{1,2})(?:、|[.．](?![0-9０-９])))/;

/** The number a numbered line opens with (`二、…` 2, `（三）…` 3, `５、…` 5), else 0. */
export function itemNumber(t: string): number {
  const m = t.match(ITEM_NUMBER);
  if (!m) return 0;
  return m[3] ? Number(asciiDigits(m[3])) : (parseNumber(m[1] ?? m[2]) ?? 0);
}

/** A chapter's or section's head with its name: `第一章总则`, `第三节价格管理`. */
export const CHAPTER_HEAD = /^第[一二三四五六七八九十１-９0-9]{1,3}(?:章|节)\s*\S/;

/** The first part of a numbered text: `一、…`, `第一章…`, `第一节`, `第一部分`, `第一篇`. */
export const FIRST_PART = /^(?:(?:一|１|1)、|第(?:一|１|1)(?:章|节|部分|篇))/;

/** Numbered subhead: a numbered line (`一、…`, `（一）…`, `1.`) or a part's number (`第一部分`). */
export function isNumberedHead(t: string): boolean {
  return ITEM_NUMBER.test(t) || /^第[一二三四五六七八九十]{1,3}[部章节篇]/.test(t);
}

export const TITLE_MAX = 48;

/** Forms of a text, not a picture, in a title's parenthesis: `（外一首）`, `（二首）`, `（节选）`. */
const TEXT_FORM = '外一首|[二三四五六七八九十]首|组诗|诗|节选';
/** Words that name an art form in a credit-like parenthesis (`（书法）`), not a person. */
const ART_FORM = new RegExp(`^(?:书法|中国画|国画|篆刻|油画|水墨画|水彩画?|版画|剪纸|漫画|雕塑|摄影|图片|照片|素描|年画|宣传画|速写|彩墨画|工笔画|连环画|插图|题图|${TEXT_FORM}|上|下|续|之[一二三四五六七八九十])$`);
const TEXT_FORM_TITLE = new RegExp(`[（(](?:${TEXT_FORM})[）)]$`);

/** A title naming an artwork by its form (`晚秋（油画）`, `一元复始（篆刻）`) or by its maker's hand (`isDrawnBy`). */
export function isArtworkTitle(t: string): boolean {
  if (isDrawnBy(t)) return true;
  const m = t.match(/[（(]([^（）()]{1,6})[）)]$/);
  return !!m && m.index! > 0 && ART_FORM.test(m[1]) && !/^(?:上|下|续|之[一二三四五六七八九十])$/.test(m[1]);
}

/** A picture, not a text: an artwork titled by a visual form (`春山图（国画）`, not `山村的早晨（外一首）`), or by its maker's hand. */
export function isPictureWorkTitle(t: string): boolean {
  return isArtworkTitle(t) && !TEXT_FORM_TITLE.test(t);
}

/** An artwork's title with its maker's name: `戊寅春梦（方成画）`. Whole on its one line. */
export function isDrawnBy(t: string): boolean {
  const m = t.match(/[（(]([\u4e00-\u9fa5]{2,3})画[）)]$/);
  return !!m && m.index! > 0 && isPersonName(m[1]);
}

/** A parenthesised note under a headline: `（一九九七年十二月三十一日）`, `（外一首）`. */
export function isHeadNote(t: string): boolean {
  return /^(?:[（(][^（）()]{1,30}[）)]){1,2}$/.test(t);
}

/** Ends with a person credit in parentheses (`…（油画）（贾励）`): an artwork or item caption. */
export function endsWithNameCredit(t: string): boolean {
  const m = t.match(/[（(]([^（）()]{2,12})[）)]$/);
  if (!m || t.length === m[0].length) return false;
  if (ART_FORM.test(m[1])) return false;
  return /^[\u4e00-\u9fa5·、 ]{2,12}$/.test(m[1]) && /[）)][（(][^（）()]+[）)]$/.test(t);
}

/** Shaped like a headline line: short, no sentence end, not a dateline/byline/marker. */
function isTitleLikeRaw(t: string): boolean {
  if (t.length === 0 || t.length > TITLE_MAX) return false;
  if (endsSentence(t) && !hasPictureMark(t)) return false;
  if (endsMidSentence(t) || /[：:]$/.test(t)) return false;
  if (/[。；;]/.test(t.slice(0, -1))) return false;
  // A long line with several commas is an item or a cut sentence, not a headline.
  if (t.length > 30 && (t.match(/[，,]/g) ?? []).length >= 2) return false;
  if (isMarker(t) || isBylineLine(t)) return false;
  if (matchDateline(t)) return false;
  if (/^[（(].*[）)]$/.test(t)) return false;
  if (isTeaser(t)) return false;
  if (endsWithNameCredit(t)) return false;
  if (isFigureRow(t)) return false;
  if (isDocumentNumber(t)) return false;
  if (isRankingRow(t)) return false;
  if (isListRow(t)) return false;
  return true;
}

/**
 * A line that only names an issue or a date (`１９９８年第一期`, `１９９８年１月`): whole, never half a
 * sentence (headline.ts reads one under a title, spaces aside, as its subtitle).
 */
export function isIssueLine(t: string): boolean {
  return /^(?=.*[年月期])[0-9０-９一二三四五六七八九十〇○零年月日第期号]+$/.test(t);
}

/** A line of marks alone (`＊＊＊`, `○`, `……`): a separator between the sections or pieces of a page, no text. */
export function isSeparatorLine(t: string): boolean {
  return !/[\u4e00-\u9fa5A-Za-z0-9０-９Ａ-Ｚａ-ｚ]/.test(t);
}

/**
 * A line of results, ranks numbered in a row (`男子１０公里：１．王某（解放军）２．李某某（吉林）３．…`) or a
 * match's score between its sides (`SCORE_ROW`): a table of the report above it, never a headline.
 * (A point between digits is a decimal: `７．５公里`.)
 */
export function isRankingRow(t: string): boolean {
  return /(?:^|[：:\s])[1１][．.](?![0-9０-９]).+[2２][．.](?![0-9０-９])/.test(t) || SCORE_ROW.test(t);
}

/** A name in a list, with what the list notes of it: `王某`, `李某（女）`, `阿不都·热合曼（维吾尔族）`. */
const LISTED_NAME = /^([\u4e00-\u9fa5]{1,4}(?:·[\u4e00-\u9fa5]{1,6})?)(?:[（(][\u4e00-\u9fa5]{1,4}[）)])?$/;
/** An office over the names that hold it, in a list of who was elected or appointed: `副主任`, `省长`, `秘书长`, `委员`. */
const LISTED_OFFICE = /^(?:名誉|常务|执行|代理)?副?(?:主任|主席|委员长|秘书长|省长|市长|县长|州长|区长|院长|检察长|部长|总理|国务委员|书记|组长|团长|会长|局长|厅长|委员|成员|顾问|审判长|审判员|人民陪审员|书记员)$/;

/**
 * A row of a list of names set apart by spaces (`王某某\u3000刘某\u3000李某（女）\u3000陈某某`, three names or more,
 * most of them a surname and a given name; an office and who holds it: `主任\u3000张某某`, `副省长\u3000马某某\u3000王某（女）`):
 * the text of a name list (`…名单`), never a headline. (Not a slogan set so: `迎新春\u3000送温暖\u3000献爱心`.)
 */
function isNameRowRaw(t: string): boolean {
  const parts = t.split(/[ \u3000]+/);
  const office = LISTED_OFFICE.test(parts[0]);
  const names = (office ? parts.slice(1) : parts).map((x) => x.match(LISTED_NAME)?.[1]);
  if (names.length < (office ? 1 : 3) || names.some((n) => n === undefined)) return false;
  // (A two-character name may be printed spaced, `王\u3000某`: its halves are no names of their own; a row of
  // such names alone, `王\u3000某\u3000\u3000刘\u3000某`, is read in pairs.)
  const single = names.every((n) => n!.length === 1);
  const whole = single && names.length >= 4 && names.length % 2 === 0 ? names.flatMap((n, k) => (k % 2 ? [] : [n! + names[k + 1]!])) : (names.filter((n) => n!.length >= 2) as string[]);
  // (A name, not a word of two characters that opens with a surname: `高速\u3000高铁\u3000高效`, `江南\u3000江北`;
  // a longer name may hold a word, `王建国`.)
  const named = (n: string) => n.includes('·') || (isPersonName(n) && (n.length > 2 || /某/.test(n) || jiebaSaysOneName(n) || !readsAsWords(n)));
  return whole.length > 0 && whole.filter(named).length >= whole.length * 0.8;
}

/** Memoised: asked of every line by `isTitleLike`, and of an article's lines again by the splitter. */
export const isNameRow = memo(isNameRowRaw);

/** A book listed with its publisher: `《跨世纪的中国经济》（经济日报出版社）`, `《某某》\u3000某某出版社`. */
const BOOK_ENTRY = /^《[^《》]{1,30}》\s*(?:[（(][^（）()]{0,12}(?:出版社|书局|书店)[^（）()]{0,8}[）)]|[\u4e00-\u9fa5]{2,12}(?:出版社|书局))$/;

/**
 * A row of a list (a name list's names, `isNameRow`; a book with its publisher under `新书架`): whole,
 * never a headline, and finished as a paragraph is, so a headline under the last opens the next piece.
 */
export function isListRow(t: string): boolean {
  return isNameRow(t) || BOOK_ENTRY.test(t);
}

/**
 * A line of a couplet (`天增岁月人增寿\u3000春满乾坤福满门`): two halves of five to eleven Han characters,
 * equal in length, unpunctuated. A modern headline prints equal halves too (`密切联系人民群众 更好发挥代表作用`),
 * so a line alone tells nothing: two or more in a run under another headline line (`春联`) are the piece's
 * couplets, its text (dev pages: no two such lines in a row on either set).
 */
export function isCoupletLine(t: string): boolean {
  const m = /^([\u4e00-\u9fa5]{5,11})[\s\u3000]+([\u4e00-\u9fa5]{5,11})$/.exec(t);
  return !!m && m[1].length === m[2].length && m[1] !== m[2];
}

/** The title of a list of names (`…委员名单`, `…先进个人名单（共１００人）`): its rows are its text, never its byline. */
export function isNameListTitle(t: string): boolean {
  return /名单(?:[（(][^（）()]{1,20}[）)])?$/.test(t);
}

/** A result with its score between two sides, each with its team in brackets: `女子单打决赛：王某（辽宁）３∶２李某某（北京）`. */
const SCORE_ROW = /^[^：:]{2,16}[：:].*[）)]\s*[0-9０-９]{1,2}\s*[∶:比]\s*[0-9０-９]{1,2}\s*[\u4e00-\u9fa5、·]{1,12}[（(]/;

/**
 * A document's number under its title (`国发〔１９９８〕５号`, `京政发[1998]3号`; an order's or a
 * notice's, `第九十三号`, `（第六号）`): the first line of its text, never its headline.
 */
export function isDocumentNumber(t: string): boolean {
  return /^[\u4e00-\u9fa5]{1,10}[〔［[][0-9０-９]{4}[〕］\]]第?[0-9０-９]{1,4}号$/.test(t) || /^[（(]?第[一二三四五六七八九十百零〇0-9０-９]{1,6}号[）)]?$/.test(t);
}

/**
 * A line a third or more of whose characters are figures (digits, points, percent signs): a row of a
 * table, however short (`９１７．０２`, `上证综合指数 １２０５．３４ …`); or an item, a space, and its figure
 * with its unit (`猪肉（精瘦）\u3000１３．００元／公斤`); or a timetable's row (`TIME_ROW`). Looser than `isFigureRow`, which a headline must not be
 * (a dozen digits or more): callers take it so only where rows stand around it.
 */
export function isFigureHeavy(t: string): boolean {
  return (t.match(/[0-9０-９.．%％]/g)?.length ?? 0) * 3 >= t.length || ITEM_FIGURE_ROW.test(t) || TIME_ROW.test(t);
}

/** A row of a timetable: a time, a space, its item (`０８：３０\u3000电视剧：山村岁月（１、２）`, `19:00 新闻联播`). */
const TIME_ROW = /^[0-9０-９]{1,2}[：:][0-9０-９]{2}(?:[-－—~～至][0-9０-９]{1,2}[：:][0-9０-９]{2})?[ \u3000]+\S/;

/** An item, a space, and its figure with its unit: `牛肉\u3000１６．００元／公斤`, `出口 １８２７亿美元`. */
const ITEM_FIGURE_ROW = /^[^\s，,。；;：:]{1,12}[ \u3000]+[0-9０-９][0-9０-９.．,，]*\s*[^\s0-9０-９，,。；;]{0,6}$/;

/** A row of a table of figures (`上证指数９１７．０２９１４．０６…`): mostly digits, a dozen or more. */
export function isFigureRow(t: string): boolean {
  const digits = t.match(/[0-9０-９]/g)?.length ?? 0;
  return digits >= 12 && digits >= 0.6 * t.length;
}

/** The credit of an article's pictures set at its end (`（压题照片：王永摄）`, `（照片：X摄）`): it signs the piece off. */
export const PHOTO_NOTE_CREDIT = /^[（(](?:压题|题图)?(?:照片|图片)[：:][\u4e00-\u9fa5·、\s]{2,20}摄[）)]$/;

/** A reporter's byline alone on its line, white space removed (`本报记者祝华新`, `记者王小明`). */
export const REPORTER_LINE = /^(?:本报)?记者[\u4e00-\u9fa5·]{2,8}$/;

/**
 * A headline that ends like a sentence: an exclamation or a question (`如此美容美发店！`,
 * `“家庭出身”栏还有必要吗？`). Short, one clause at most two; it reads as a headline only
 * where an author line or a dateline follows it (the splitter checks that).
 */
export function isExclaimHead(t: string): boolean {
  if (t.length < 3 || t.length > 26) return false;
  if (!/[！？!?][”’」』"]?$/.test(t)) return false;
  if (/[。；;：:]/.test(t) || /[！？!?]/.test(t.slice(0, -2))) return false;
  if ((t.match(/[，,]/g) ?? []).length > 1) return false;
  return !isBylineLine(t) && !matchDateline(t);
}

/**
 * Generic column labels that head a group of items (`图片新闻`, `简讯`, `信息快递`): always a
 * new article once the current one has a body.
 */
export function isColumnLabel(t: string): boolean {
  return /^(?:今日导读|本期导读|要闻导读|导读|图片新闻|新闻图片|摄影报道|简讯|快讯|短讯|简明新闻|新闻简报|要闻简报|(?:国内|国际|经济|体育|文化|科技|社会|地方|综合|军事|教育|法制|本市|省内|市场)(?:简讯|快讯|短讯|动态|简报)|信息(?:快递|专递|窗|快报)|一句话新闻|新闻速览|读者来信|编读往来|来信摘登)$/.test(t);
}

/** A briefs column's label: its items are headline-less briefs (`国际简讯`, `文化快讯`, `要闻简报`, `致富信息`). */
export function isBriefsLabel(t: string): boolean {
  return /^[\u4e00-\u9fa5]{0,4}(?:简讯|快讯|短讯|简报|速览|简明新闻|一句话新闻)$|^(?:致富|科技|市场|经济|农业|农村|供求|招商)信息$/.test(t);
}

/** The daily weather box's headline (`明天气象预报（１月２日２０时—３日２０时）`): a box of its own wherever it stands. */
export function isWeatherBox(t: string): boolean {
  return /^(?:明天|明日|今天|今日|今明两天|未来[0-9０-９一二三五七十]{1,2}天)?(?:全国)?(?:气象|天气)预报(?:[（(][^（）()]{0,30}[）)])?$/.test(t);
}

/** A teaser line of a 导读 box: `●坚定不移推进全面深化改革（详见第二版）`. */
export function isTeaser(t: string): boolean {
  return /[（(](?:详见|详|见|转|请看|参见)?(?:第|本报)?[^（）()]{1,12}版[）)]$/.test(t) && t.length <= 60;
}

/** Item marks that open a headline or an item: `■`, `●`, `▲`, `◆`, `★`, `□`, `○`, `△`, `►`. */
export const ITEM_MARK = /^[■●▲◆★□○△▼▶►◇☆·•]\s*/;

/**
 * Labels that stand over an opinion piece or a column (`短评`, `社论`, `今日谈`, `今日导读`):
 * the kicker of the headline that follows.
 */
export function isKickerLabel(t: string): boolean {
  const x = t.replace(ITEM_MARK, '');
  return isColumnLabel(x) || /^(?:短评|社论|评论员文章|本报评论员文章|今日谈|来论|时评|快评|微评|新论|随笔|杂谈|论坛|观察|新闻观察|新闻随笔|新闻分析|编辑手记|记者手记|记者观察|今日导读|本期导读|导读|要闻导读|热点导读|特别报道|专题报道|深度报道|人物|图片报道)$/.test(x);
}

export type { DatelineMatch };

/** Memoised: the splitter asks this many times per line. */
export const isTitleLike = memo(isTitleLikeRaw);
