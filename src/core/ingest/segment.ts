/**
 * Split a page's units into articles (pages without the e-paper layout; see `segment-indented.ts`).
 *
 * An article is: headline block (kicker/title/subtitle, author line, picture
 * marker), optional captions, a body (often opened by a dateline), and maybe a
 * closing byline or credit. A new article starts at
 * - a headline-shaped line once the current article has a body, when the page
 *   says so: the current article is closed (byline, credit, closing dateline,
 *   continuation note), a wide gap precedes it, a dateline or author line follows
 *   its headline block, it carries a picture mark or a column's tag, or its block has
 *   several lines; on pages whose articles end with bylines, only closure, a gap or a
 *   following dateline count (otherwise it is an in-article subhead); quoted, padded
 *   and couplet subheads never open one;
 * - a paragraph opening with a dateline (`本报讯…`, `新华社…电`) or like a news lead on
 *   another subject once the current article has running text: a headline-less brief.
 *   A briefs column prints each headline-less item as one paragraph: after an item opened by its
 *   news lead (no headline, no dateline), the next paragraph of running text opens the next item.
 *   A second agency dateline with its own reporter (or of another agency, or with its date written
 *   the other way) on another subject, `本报…讯`, and running text after an item that is evidently
 *   whole (a photo item, a dated brief closed by its credit, an article closed by its pictures or
 *   a photo credit) open items too; a lead whose subject is in the headline goes on with it.
 * Inside a signed feature (writer named under the headline) a headline-shaped line is a subhead,
 * unless its section ends with a signature of its own or it carries a review's subtitle (`——读《…》`).
 * Separators (`＊＊＊`), afterwords (`编后`, `附记`) and a letter's date (`１９９７年岁暮`) stay with the piece above.
 * Runs of more than four headline-shaped lines are verse or lists, never headlines; at a run's end the
 * next piece's block holds no row of names, and a poem's is its title right over its author line.
 *
 * Each line is read once (`features`, `line-features.ts`); what is known of the current article
 * lives in one `ArticleState` (`article-state.ts`), renewed at each boundary and told of each line
 * after its rule has spoken (`observeLine`); `startsHere` decides each line by the first of its
 * named rules that applies (`at('rule', start)`), and the name reaches `baoku parse --explain`.
 */
import { BRIEF_COHESION, BULLET_DAY, RUN_ORIGIN_COHESION, cohesion, isBriefLead, isLooseBriefLead, namesItsDay, standsAlone, subjectInHeadline } from './brief';
import { isBylineLine } from './byline';
import { matchClosingDateline, matchDateline } from './dateline';
import { trailingContinuation } from './furniture';
import { BARE_NAME, isAuthorLine, isBareAuthorLine, isColumnSignature, signsAsBody } from './author';
import { isBareSignatureName, isPersonName, isPlaceWord, opensWithPlaceDoing } from './names';
import { freshState, MAX_HEAD, observeLine } from './article-state';
import { endsWithCredit, features, isDashSignature, isDateSignature, isPhotoCredit, isWriterByline, WRITER_NOTE, type Feature, type PageLines } from './line-features';
import {
  announcesWhatFollows,
  endsMidSentence,
  endsSentence,
  endsWithNameCredit,
  hasPictureMark,
  isDeskSignature,
  isFigureHeavy,
  isWeatherBox,
  PHOTO_NOTE_CREDIT,
  REPORTER_LINE,
  isArtworkTitle,
  isCoupletLine,
  EDITORS_WORD,
  isDrawnBy,
  isHeadNote,
  isColumnLabel,
  isNameListTitle,
  isListRow,
  isNameRow,
  isSeparatorLine,
  isExclaimHead,
  isMarker,
  isNumberedHead,
  itemNumber,
  isTitleLike,
  type Unit,
} from './lines';

export interface Segment {
  /** Indexes into the unit list (furniture inside an article included). */
  units: number[];
}

/** A line of three or more names set apart by spaces (`王建国 李秀英 张立新`): a list's row. */
const isNameList = (t: string): boolean => /^[\u4e00-\u9fa5]{2,4}(?:[ \u3000]+[\u4e00-\u9fa5]{2,4}){2,}$/.test(t);

/**
 * How a news report opens when it has no dateline: `据报道，`, `据新华社消息，`, `据悉，`, `本报讯`,
 * `据新华社…电`, or its first sentence telling when (`英国科学家最近发明…`, `…博览会日前接受了…`).
 */
const NEWS_LEAD = /^(?:据[^，。,]{0,12}(?:报道|消息)[，,]|据悉[，,]|本报讯|[^。！？]{0,30}?(?:日前|近日|最近|前不久|不久前)(?!几)|据新华社[^，。,]{0,10}电)/;

/** An editor's note over a report (`编者按：…`, `编辑点评：`, `编前话`): the report's dateline comes after it. */
const EDITOR_NOTE = /^[【〔[]?(?:编者(?:按|的话)|编辑(?:点评|手记)|编前(?:语|话)?)/;

/** An event at its place, as a news headline ends: `…在京举行`, `…在深圳开幕`. */
const EVENT_AT_PLACE = /在[\u4e00-\u9fa5]{1,4}(?:举行|举办|召开|开幕|闭幕|揭晓|成立|落成|开通|竣工|启动|签字|签署)$/;

/** Something new that was launched, as a news headline ends: `…三十部推出`, `…新产品问世`, `…正式开通`. */
const LAUNCHED = /(?:推出|问世|面世|出版|开通|建成|竣工|落成|投产|开业|揭牌|启用)$/;

/** Someone named, then what they set up or brought out: `中影中唱组建ＶＣＤ生产线`, `两公司合资兴建水泥厂`, `特型演员出版书画集`. */
const BUILT = /^[\u4e00-\u9fa5Ａ-Ｚ]{2,10}(?:组建|兴建|建成|合建|引进|联合成立|出版|推出|发布|举办|创办|开办|设立)[\u4e00-\u9fa5Ａ-Ｚａ-ｚ０-９]{2,10}$/;

/** A source's credit closing a piece: `（《中国质量万里行》杂志社供稿）`. */
const SUPPLIED_BY = /^[（(][^（）()]{2,30}供稿[）)]$/;

/** A law or a regulation printed whole: `中华人民共和国价格法`. */
const LAW_TITLE = /^中华人民共和国[\u4e00-\u9fa5]{1,20}(?:法|条例)$/;

/** A place, then what was held there: `北京举行新年音乐会`, `上海召开…`. */
const PLACE_EVENT = /^([\u4e00-\u9fa5]{2,3}?)(?:举行|举办|召开|开通|建成|启动)/;

/** A dateline whose month is written in Han numerals (`新华社北京一月六日电`, not `１月６日`). */
const hanDate = (raw: string): boolean => /[一二三四五六七八九十〇○]月/.test(raw);

/** A news headline by its wording (see `EVENT_AT_PLACE`, `BUILT`, `LAUNCHED`, `LAW_TITLE`; a place and a colon: `上海：强化街道管理职能`; a place and what it does: `湖南涌现…`, names.ts `opensWithPlaceDoing`). */
function isNewsHeadline(t: string): boolean {
  if (EVENT_AT_PLACE.test(t)) return true;
  if (BUILT.test(t)) return true;
  if (LAUNCHED.test(t)) return true;
  if (LAW_TITLE.test(t)) return true;
  if (opensWithPlaceDoing(t)) return true;
  const head = t.match(/^([\u4e00-\u9fa5]{2,4})：/) ?? t.match(PLACE_EVENT);
  return !!head && isPlaceWord(head[1]);
}

/** How many lines under an editor's note its report's dateline may stand (the longest note seen ran four paragraphs). */
const NOTE_REACH = 6;

/** A wish or call that ends a piece: `愿…！`, `祝…！`, `让我们…！`. */
const CLOSING_WISH = /^(?:愿|祝|但愿|让我们|希望|相信)/;

/** A paragraph told by its writer, in the first person or as the paper's reporter (`笔者`, `记者`, `我`). */
const TOLD_BY_WRITER = /笔者|记者|我/;

/** A paragraph's first sentence. */
const firstSentence = (t: string): string => t.split(/[。！？]/)[0];

/** A summary point under a headline: `●全国妇联参与扶贫工作…`. */
const POINT = /^[●■◆▲]/;

/** A headline with its own subtitle on the line: `一条美丽的星河——读《追寻永恒》`, `…——记…`, `…——元旦献辞`. */
const REVIEW_SUBTITLE = /^[^—]{2,20}——(?:读|评|记|访|看|写在|谈|[^—]{0,8}(?:献辞|贺词|致辞)$)/;

/** A line that is one quotation: `“你们的消息太及时了”`. */
const QUOTED_LINE = /^[“「『"][^“”「」『』"]{2,30}[”」』"]$/;

/**
 * Two subheads of one series: the same item mark (`◆选盆…`, `◆选美…`), the same opening word
 * (`记忆一`, `记忆二`), or (unless `strict`) short parallel phrases of one length (`坚守主业`, `改革创新`).
 */
function sameShape(a: string, b: string, strict = false): boolean {
  const mark = /^[■●▲◆★□○△▼▶►◇☆]/;
  if (mark.test(a) && a[0] === b[0]) return true;
  if (a.length > 12 || b.length > 12 || /[，,、：:]/.test(a + b)) return false;
  if (a.length >= 3 && a.slice(0, 2) === b.slice(0, 2)) return true;
  return !strict && a.length === b.length && a.length <= 8;
}

/** Two lines of one length (6 or more) that differ in one or two characters: `１９９７中国十大科技进展` / `１９９７世界十大科技进展`. */
function twinLine(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 6 || a === b) return false;
  let diff = 0;
  for (let k = 0; k < a.length && diff <= 2; k++) if (a[k] !== b[k]) diff++;
  return diff <= 2;
}

/** Two characters padded apart: `缘 起`. */
const PADDED_PAIR = /^[\u4e00-\u9fa5] [\u4e00-\u9fa5]$/;
/** The heading of a notice from the paper or an organisation (`致读者`, `更正`, `征稿启事`, `郑重声明`). */
const NOTICE_HEADING = /^(?:致读者|告读者|敬告读者|更正|讣告|[\u4e00-\u9fa5]{0,8}(?:启事|声明|公告|通告))$/;

/** Ends with a column's tag in brackets (`…（人民论坛）`, `…（新闻随笔）`), not a picture note, a part or an artwork. */
function isColumnTagged(t: string): boolean {
  const m = t.match(/[（(]([^（）()]{2,12})[）)]$/);
  if (!m || m.index! < 4) return false;
  return !/图|照片|附|[上中下续]|[一二三四五六七八九十]|^\d|^[０-９]/.test(m[1]) && !isArtworkTitle(t);
}

/** Called for each content line after an article's first: whether it opens a new article, and the rule that said so. */
export type SegmentTrace = (unit: number, start: boolean, rule: string) => void;

export interface SegmentOptions {
  /** Articles on this page end with a byline line (大众日报 style). */
  closingStyle: boolean;
  /** The page is in the e-paper layout, read by this splitter for its era (`layout.ts` fullWidthDigits): an indented line never opens an article as a headline. */
  indented?: boolean;
  trace?: SegmentTrace;
}

/** A letter signed by a group (`（山东东平县大安山乡陈绪英刘振英等１６位脱贫母亲）`, `（某村全体村民）`). */
const GROUP_SIGNATURE = /^[（(][^（）()]{4,40}(?:等[０-９0-9一二三四五六七八九十百]+(?:位|名|个|人)|全体)[\u4e00-\u9fa5]{0,10}[）)]$/;

/** A headline-shaped line under a bullet mark. */
const BULLET_HEAD = /^[●◆■▲★◇□○]/;

export function segment(units: Unit[], opts: SegmentOptions): Segment[] {
  const f = units.map(features);
  /** Exclamations read as headlines over running text on a subject of their own (below). */
  const exclaimHeads = new Set<number>();
  // `如此美容美发店！` over an author line or a dateline is a headline; not a wish that closes the piece
  // above (`愿文化营销成为市场上一道亮丽的风景！`) over the next item's dateline. (The paragraph it leads
  // into is as long as the one build.ts reads under an exclamation that opens an article.)
  for (let i = 0; i + 1 < units.length; i++) {
    if (f[i].title || units[i].furniture || units[i + 1].furniture || !isExclaimHead(units[i].text)) continue;
    const after = units[i + 2];
    const authorNext = isAuthorLine(units[i + 1].text) && (f[i + 1].byline || !after || !isTitleLike(after.text));
    const closingWish = i > 0 && endsSentence(units[i - 1].text) && CLOSING_WISH.test(units[i].text);
    // Or over running text it leads into, on another subject than the lines above (`拜年变了味，当刹！`
    // ⏎ `随着…春节的临近…拜年…`; not `珠琴，明天更辉煌！` closing the piece about 珠琴, nor a quoted line).
    const below = units[i + 1].text;
    const above = units.slice(Math.max(0, i - 3), i).map((u) => u.text);
    const leadsIn = i > 0 && (endsSentence(units[i - 1].text) || f[i - 1].byline || /[）)]$/.test(units[i - 1].text)) && !/^[“「『"]/.test(units[i].text) && !f[i + 1].title && below.length >= 60 && endsSentence(below);
    const newSubject = leadsIn && cohesion(units[i].text, above) === 0 && cohesion(units[i].text, [below]) > 0;
    // Or over its own pictured subtitle (`周小燕老师，您辛苦了！` ⏎ `八十高龄…（附图片１张）`): at the top of
    // the page, or after what closes the piece above (a finished sentence, a byline, a note, a desk's signature).
    const closesAbove = (k: number) => endsSentence(units[k].text) || f[k].byline || /[）)]$/.test(units[k].text) || (isDeskSignature(units[k].text) && k > 0 && endsSentence(units[k - 1].text));
    const overPicture = (i === 0 || closesAbove(i - 1)) && !closingWish && !/^[“「『"]/.test(units[i].text) && f[i + 1].title && hasPictureMark(below);
    if ((f[i + 1].dateline && !closingWish) || authorNext || newSubject || overPicture) f[i].title = true;
    if (newSubject) exclaimHeads.add(i);
  }
  // Where bylines stand under headlines (not at the text's end, as on 大众日报 pages), a short line with no
  // full stop over a reporter's byline, after what closes the piece above, is a headline whatever its
  // marks (`饭桌上，谁先动筷子？——孩子，还是老人？` ⏎ `本报记者祝华新`).
  if (!opts.closingStyle) {
    for (let i = 1; i + 2 < units.length; i++) {
      const t = units[i].text;
      if (f[i].title || units[i].furniture || units[i + 1].furniture || f[i].dateline || f[i].byline || f[i].caption || t.length > 30 || /[。；;：:]/.test(t)) continue;
      if (!f[i + 1].byline || !REPORTER_LINE.test(units[i + 1].text.replace(/\s+/g, ''))) continue;
      if (f[i + 2].title || f[i + 2].byline || units[i + 2].text.length < 20) continue;
      const prev = units[i - 1];
      if (endsSentence(prev.text) || f[i - 1].byline || /[）)]$/.test(prev.text)) f[i].title = true;
    }
  }
  const segs: Segment[] = [];
  let cur: number[] = [];
  let st = freshState();
  /** For each boundary, the rule that opened the article after it. */
  const openedBy: string[] = [];
  /** The first line of each article so far that opened on a headline. */
  const pageHeads: string[] = [];

  const headBlock = (i: number): number => {
    let j = i;
    while (j < units.length && j - i <= MAX_HEAD && !units[j].furniture && (f[j].title || f[j].marker || (j > i && f[j].note) || (j > i && isAuthorLine(units[j].text) && !f[j].dateline))) j++;
    return j - i;
  };

  /** A table's rows of figures right above `i`, two or more or run together into one long line: they end the text above as a finished sentence does. */
  const tableAbove = (i: number): boolean => i >= 2 && isFigureHeavy(units[i - 1].text) && (isFigureHeavy(units[i - 2].text) || units[i - 1].text.length >= 30);
  /** Titles of tables set inside their article's text (`table-in-article`), whose rows go on in it. */
  const tablesInArticle = new Set<number>();
  /** Line `i` is one of the rows under such a title: only figure-heavy rows stand between them. */
  const underTableInArticle = (i: number): boolean => {
    for (let k = i - 1; k >= 0; k--) {
      if (tablesInArticle.has(k)) return true;
      if (!isFigureHeavy(units[k].text)) return false;
    }
    return false;
  };
  /**
   * Line `i` and up to two lines under it are bodies or officers issuing a notice or a decree, over its
   * date (`中共中央` ⏎ `国务院` ⏎ date; `中华人民共和国主席\u3000江泽民` ⏎ date).
   */
  const signsOverDate = (i: number): boolean => {
    for (let k = i; k < i + 3 && units[k] && signsAsBody(units[k].text); k++) if (units[k + 1] && isDateSignature(units[k + 1].text)) return true;
    return false;
  };
  /** Whether most of the `n` lines from `j` (two or more) are figure-heavy rows. */
  const tableRows = (j: number, n: number): boolean => {
    let rows = 0;
    for (let k = j; k < j + n; k++) if (isFigureHeavy(units[k].text)) rows++;
    return n >= 2 && rows * 2 > n;
  };

  /**
   * Whether the running text from `j` up to the next headline-shaped line (or the page's end) ends
   * with a signature or credit line of its own (not a photo credit).
   */
  const signedSection = (j: number): boolean => {
    let last = -1;
    // (It ends at the next headline, or at a dateline under its first line: that opens the next item.)
    for (const first = j; j < units.length && !f[j].title && !(j > first && f[j].dateline); j++) if (!units[j].furniture) last = j;
    // A symposium's piece is signed under its text (`———王文西（山东）`), a headline-shaped line.
    if (last >= 0 && j < units.length && isDashSignature(units[j].text)) return true;
    if (last < 0 || f[last].dateline) return false;
    const t = units[last].text;
    // (The writer's note under the last section speaks of the feature's own writer; a caption closed by
    // its photographer's credit, `…交接班。（本报记者X摄）`, signs the picture.)
    return (f[last].closer || endsWithCredit(t) || GROUP_SIGNATURE.test(t)) && !isPhotoCredit(t) && !/摄(?:影)?[）)]$/.test(t) && !trailingContinuation(t) && !WRITER_NOTE.test(t);
  };

  /** Line `k` takes up words of the current article and none of the two lines under it. */
  const closesPiece = (k: number): boolean => {
    const below = units.slice(k + 1, k + 3).filter((x) => !x.furniture).map((x) => x.text);
    const above = cur.filter((j) => !units[j].furniture).map((j) => units[j].text);
    return below.length > 0 && cohesion(units[k].text, above) > 0 && cohesion(units[k].text, below) === 0;
  };

  /** The current article holds lines of verse: four or more headline-shaped lines (its title, its writer, verse…). */
  const versey = (): boolean => cur.filter((k) => f[k].title).length >= 4;

  /** A writer's bare name (`南宫品`) over a paragraph of running text. */
  const bareWriterOverText = (k: number): boolean => {
    const below = units[k + 1];
    if (!units[k] || units[k].furniture || f[k].dateline || !below || below.furniture || f[k + 1].title || f[k + 1].dateline) return false;
    return below.text.length >= 40 && endsSentence(below.text) && isBareAuthorLine(units[k].text, units.slice(k + 2).find((_, n) => f[k + 2 + n].title)?.text);
  };

  /**
   * Any author line, a pen name too (`塞夫`), over a paragraph of running text: looser than
   * `bareWriterOverText`, for places where the line above already says a new piece may start.
   */
  const overWriterAndText = (k: number): boolean =>
    !!units[k] && isAuthorLine(units[k].text) && !f[k].dateline && !!units[k + 1] && !units[k + 1].furniture && !f[k + 1].title && units[k + 1].text.length >= 40;

  const page: PageLines = { units, f };
  const writerByline = (k: number): boolean => isWriterByline(page, k);
  /** What the current item says of itself, to tell a paragraph on another subject by (`cohesion`): the line above line `i`, the item's headline and its lead. */
  const itemContext = (i: number): string[] => {
    const ctx = [units[i - 1].text];
    if (st.headAt >= 0) ctx.push(units[st.headAt].text);
    if (st.leadAt >= 0) ctx.push(units[st.leadAt].text);
    return ctx;
  };

  /** Rows of names under the line at i, past its notes (`（按姓氏笔画排列）`) and one more heading. */
  const rowsFollow = (i: number): boolean => {
    let headings = 0;
    for (let k = i + 1; k < units.length && k <= i + 4; k++) {
      const t = units[k].text;
      if (units[k].furniture || /^[（(][^（）()]*[）)]$/.test(t)) continue;
      if (isNameRow(t)) return true;
      if (!f[k].title || ++headings > 1) return false;
    }
    return false;
  };

  /** Line `k` is a prose lead ending on a dash over a subhead and its writer's bare name (a symposium's first section). */
  const opensSymposium = (k: number): boolean => {
    const lead = units[k];
    if (!lead || lead.furniture || f[k].title || f[k].dateline || !announcesWhatFollows(lead.text)) return false;
    return !!units[k + 2] && !!f[k + 1]?.title && !units[k + 2].furniture && isBareAuthorLine(units[k + 2].text, undefined);
  };

  const authorUnderIntro = (i: number): boolean => {
    const next = units[i + 1];
    return (
      st.headAt >= 0 &&
      st.leadAt === i - 1 &&
      st.leadAt - st.headAt <= 2 &&
      !st.topAuthor &&
      !!next &&
      !next.furniture &&
      !f[i + 1].title &&
      !f[i + 1].dateline &&
      isBareAuthorLine(units[i].text, units.slice(i + 2).find((_, k) => f[i + 2 + k].title)?.text)
    );
  };

  /** The rule that decided the last `startsHere` (for `--explain`). */
  let rule = '';
  const at = (name: string, start: boolean): boolean => {
    rule = name;
    return start;
  };
  const startsHere = (i: number): boolean => {
    const u = units[i];
    // `———李东旭马丽静（辽宁）` under running text signs the piece above.
    if (st.hasText && isDashSignature(u.text)) return at('dash-signature', false);
    // So does a writer's bare name under the finished text, over the next piece's headline and its
    // dateline or byline (`…值得提倡。` ⏎ `郭某` ⏎ `春运开始` ⏎ `本报北京…讯`): never that piece's kicker.
    if (st.hasText && f[i].title && endsSentence(units[i - 1]?.text ?? '') && BARE_NAME.test(u.text) && isBareSignatureName(u.text) && !!units[i + 2] && f[i + 1]?.title && (f[i + 2].dateline || f[i + 2].byline)) {
      return at('bare-signature', false);
    }
    // On an old page set in the e-paper layout (`layout.ts` fullWidthDigits) an indented line is a
    // paragraph or a subhead: never a headline that opens an article (it may head a roundup's part).
    if (f[i].title && opts.indented && u.indent) return at('indented-line', false);
    if (f[i].title) {
      const prevText = units[i - 1]?.text ?? '';
      // The rows of a table, a box of its own (`table-box`) or inside the article (`table-in-article`), go on under its title.
      if (isFigureHeavy(u.text) && (st.tableBox || underTableInArticle(i))) return at('table-row', false);
      if (st.creditItem) return at('after-credit-item', true);
      // A photo item (`…（图片）`) carries one caption line: a headline over running text, or over its
      // writer and running text (`发乎情贵乎理` ⏎ `潘驰` ⏎ …; a pen name too, `塞夫`), after it is the next piece.
      if (st.photoItem && !st.hasBody && cur.length === 2 && units[i + 1] && !units[i + 1].furniture && (!f[i + 1].title || writerByline(i + 1) || overWriterAndText(i + 1))) return at('after-photo-caption', true);
      // The daily weather box opens wherever it stands, even under a headline with no text of its own.
      if (isWeatherBox(u.text)) return at('weather-box', true);
      // Couplets under a piece's headline (`春联` ⏎ two lines or more of equal halves, `lines.ts` isCoupletLine)
      // are its text: the headline-shaped line after them opens the next piece (`首都各界欢度春节`). (Not a
      // headline block that opens with couplets: a modern kicker and title may both be printed so.)
      if (!isCoupletLine(u.text) && i >= 2 && cur.length >= 3 && !isCoupletLine(units[cur[0]].text) && isCoupletLine(units[i - 1].text) && isCoupletLine(units[i - 2].text)) return at('after-couplets', true);
      if (!st.hasBody) return at('headline-before-body', false);
      // A name list's title (`…常务委员会主任、副主任、秘书长名单`, `…先进个人名单`) after finished text or
      // another list: a piece of its own, its rows of names (`lines.ts` isNameRow) its text. Inside one, the
      // heading of a group or an office over more rows (`中国国民党革命委员会（６５名）`, `副主任（按姓氏笔画为序）`)
      // goes on with it.
      if (st.hasText && (st.closed || endsSentence(prevText) || isNameRow(prevText)) && isNameListTitle(u.text)) return at('name-list-title', true);
      if (cur.some((k) => isNameRow(units[k].text)) && rowsFollow(i)) return at('name-list-group', false);
      // A line of stars or dots (`＊＊＊`) parts sections of one piece; an afterword (`编后`) or a
      // note (`附记：…`) after running text belongs to the piece above.
      if (isSeparatorLine(u.text)) return at('separator', false);
      // The paper's desk signing a piece it speaks for (`文艺部`, `本报群众工作部`) after its text.
      if (st.hasText && isDeskSignature(u.text) && endsSentence(prevText)) return at('desk-signature', false);
      // Two parties signing a joint document side by side under its text (`中华人民共和国主席\u3000\u3000某某国总统`
      // ⏎ `江泽民\u3000\u3000某某某`) close it: never the next piece's headline block.
      if (st.hasText && endsSentence(prevText) && !!units[i + 1] && isColumnSignature(u.text, units[i + 1].text)) return at('column-signatures', false);
      if (st.hasText && i >= 2 && endsSentence(units[i - 2].text) && isColumnSignature(units[i - 1].text, u.text)) return at('column-signatures', false);
      // So are the bodies signing a notice over its date (`某某同志治丧委员会` ⏎ `１９９８年２月５日`;
      // `中共中央` ⏎ `国务院` ⏎ date).
      if (st.hasText && (endsSentence(prevText) || signsAsBody(prevText)) && signsOverDate(i)) return at('unit-signature', false);
      // The date a letter or an essay was written (`１９９７年岁暮`, `一九九七年十二月于北京`) closes it.
      if (st.hasText && isDateSignature(u.text)) return at('date-signature', false);
      if (st.hasText && /^[［[【〔]?(?:编后(?:语|话|记)?|附记)(?:[：:]|[］\]】〕]?$)/.test(u.text)) return at('afterword', false);
      // An entry of a list of books or works (`《龙岩坡》作者何立伟《收获》`: the work, its writer, where it
      // ran) after running text is an item of the piece that lists them, never a headline.
      if (st.hasText && WORK_ENTRY.test(u.text)) return at('work-entry', false);
      // A notice to readers (`致读者`, `更正`, `…启事`) after running text is an item of its own: the
      // paper's voice, never a subhead of the signed piece above it.
      if (st.hasText && NOTICE_HEADING.test(u.text)) return at('notice-heading', true);
      // A writer's bare name right under the paragraph that follows the headline, with running text
      // after it: the feature's author, set below its intro.
      if (authorUnderIntro(i)) return at('author-under-intro', false);
      // A column label, a headline with a picture mark after a finished article, any headline after a photo item.
      if (isColumnLabel(u.text)) return at('column-label', true);
      if (hasPictureMark(u.text) && st.hasText) return at('picture-mark-after-text', true);
      // A short line under a bullet (`●大数据平台提供司法信息源泉`) after running text, over more
      // running text: a section's subhead or a summary point (1998 dev pages: 7 such lines, none opens
      // an article). Over a dateline it heads an item of a briefs column (`■简讯` ⏎ `■…` ⏎ `本报北京…电`).
      if (st.hasText && BULLET_HEAD.test(u.text) && !f[i + 1]?.dateline) return at('bullet-subhead', false);
      // The caption under `图片：`, an item of a list opened by `…有：`.
      // (Not a line over a dateline, right under it or over a roundup's place label, when the captions
      // still due cannot all come before that dateline and the line shares nothing with the caption
      // above: `（附图片６张）` ⏎ two captions ⏎ `东亚货币继续贬值` ⏎ `本报曼谷…电` is the next item's
      // headline; the last caption due over a dateline, or `…周Ｋ线图` ⏎ `…周Ｋ线图`, are captions.
      // Nor, with captions still due, a line over its writer — a byline, or a bare name over running
      // text: a caption stands over the next caption or a credit, never over a writer and prose.)
      const toDateline = f[i + 1]?.dateline ? 1 : units[i + 1] && units[i + 1].text.length <= 4 && f[i + 2]?.dateline ? 2 : 0;
      const headsNext = st.hasBody && cohesion(u.text, [prevText]) === 0 && ((toDateline > 0 && st.captionsLeft > toDateline) || (st.captionsLeft > 1 && (writerByline(i + 1) || bareWriterOverText(i + 1))));
      if ((st.captionsLeft > 0 && !headsNext) || (/[：:]$/.test(prevText) && u.gap < 2)) return at('caption-or-list-item', false);
      if (st.photoItem && !isNumberedHead(u.text)) return at('after-photo-item', true);
      // A headline over running text (or its summary points, `●…`) after the article's pictures
      // (`图片：` ⏎ its captions, or a note `（图为原载《讽刺与幽默》）`): the article ended with them.
      const below = units[i + 1];
      const overText = !!below && !below.furniture && ((!f[i + 1].title && !f[i + 1].byline && !f[i + 1].note && below.text.length >= 6) || POINT.test(below.text));
      // (Or over its writer, once the last caption is closed by its maker or photographer: `…（手指画）（龚乃昌）` ⏎
      // `多想` ⏎ `周晓萍` ⏎ verse.)
      const overWriter = !!below && !below.furniture && !f[i + 1].dateline && isAuthorLine(below.text) && (endsWithNameCredit(prevText) || /摄(?:影)?[）)]$/.test(prevText));
      if (st.hasBody && (overText || overWriter) && (st.inCaptions || /^[（(]图为/.test(prevText))) return at('headline-after-pictures', true);
      const len = headBlock(i);
      const authorNext = units[i + 1] && !units[i + 1].furniture && isAuthorLine(units[i + 1].text) && !f[i + 1].dateline;
      // A title that names its piece's form over its maker (`细语（中国画）` ⏎ `（杨光利）`, `新年的祝福（二首）`
      // ⏎ `曹金良`, `湖（油画）` ⏎ `（十九世纪·俄罗斯：列维坦）`) or naming its maker (`戊寅春梦（方成画）`),
      // after another piece's lines: a piece of its own, even under a poem's last line.
      // (Not a caption of pictures: under `图片：`, or under a pictured headline before any text.)
      if (st.hasBody && !st.inCaptions && !(st.picHead && st.captionBody) && isArtworkTitle(u.text) && units[i + 1] && !units[i + 1].furniture && (isDrawnBy(u.text) || f[i + 1].byline || authorNext || isHeadNote(units[i + 1].text))) return at('artwork-title', true);
      if (isNumberedHead(u.text)) return at('numbered-subhead', u.gap >= 2);
      // A table's title over two rows of figures or more (`一九九七年股市概览` ⏎ `上证指数９１７．０２…`) after
      // running text: a box of its own.
      // (Not when the paragraph under the rows goes on with the article above: `…公布了…主要数据。` ⏎ table ⏎
      // `统计局新闻发言人表示…`, a table inside the report.)
      if (len >= 3 && st.hasText && endsSentence(units[i - 1]?.text ?? '') && tableRows(i + 1, len - 1)) {
        const after = units[i + len];
        const resumes = !!after && !after.furniture && !f[i + len].title && !f[i + len].dateline && endsSentence(after.text) && cohesion(after.text, itemContext(i)) >= BRIEF_COHESION && cohesion(after.text, [u.text]) < BRIEF_COHESION;
        if (resumes) tablesInArticle.add(i);
        return at(resumes ? 'table-in-article' : 'table-box', !resumes);
      }
      // A headline over its summary points (`巾帼扶贫加大攻坚力度` ⏎ `●自一九八六年以来…` ⏎ `●…`) after a
      // finished article: a long block, yet the next article's headline block.
      const points = units.slice(i + 1, i + len).filter((x) => POINT.test(x.text)).length;
      if (len > MAX_HEAD && points >= 2 && !POINT.test(u.text) && st.hasText && (st.closed || endsSentence(units[i - 1]?.text ?? ''))) return at('headline-over-points', true);
      // (An artwork's title on the line above, `戊寅春梦（方成画）`, `细语（中国画）`, ends its piece as a finished sentence would.)
      // (So does a poem's last line, under verse, when a person's name stands under this line: `…照着我，也照着她` ⏎
      // `写给北方的河` ⏎ `周启航` ⏎ verse; the `verse` rule below, for a block short enough to read as a headline.)
      const poemEnds = st.verseLines >= 3 && !st.hasText && u.gap < 2 && isPersonName(units[i + 1]?.text ?? '');
      if (len > MAX_HEAD) return at('long-block', authorNext && (st.closed || endsSentence(units[i - 1]?.text ?? '') || isArtworkTitle(units[i - 1]?.text ?? '') || poemEnds));
      const next = units[i + len];
      const nextF = next ? f[i + len] : undefined;
      const gap = u.gap >= 2;
      const nextDateline = !!nextF?.dateline;
      const block = units.slice(i, i + len).map((x) => x.text);
      const author = block.slice(1).some((t) => isAuthorLine(t));
      // A short exclamation under finished text that takes up the piece's words and none of what
      // follows (`…童志成无愧是繁星中的一颗。` ⏎ `珠琴，明天更辉煌！`) is the piece's last line, not a headline.
      if (st.hasText && !gap && u.text.length <= 24 && /[！!]$/.test(u.text) && endsSentence(prevText) && !author && !isAuthorLine(block[0]) && closesPiece(i)) return at('closing-exclamation', false);
      // Verse: short unpunctuated lines continue the poem unless an author line follows; a bare one
      // (two to four characters) only when it is a person's name (`沐浴全身` is a verse line, not a writer)
      // or stands over prose.
      // (A line over a dateline or with a picture mark is a headline all the same.)
      if (st.verseLines >= 3 && !st.hasText && !gap && !st.closed && !f[i + 1]?.dateline && !hasPictureMark(u.text) && !REVIEW_SUBTITLE.test(u.text)) {
        const nextText = units[i + 1]?.text ?? '';
        // (A pen name, `粒砂`, is a writer too when prose stands under it: a poem's line is over more verse.)
        // (Not over a news lead: a poem's last line stands over the next brief, `脚步` ⏎ `瑞典警方四日…`.)
        const overProse = !!units[i + 2] && !units[i + 2].furniture && !f[i + 2].title && units[i + 2].text.length >= 40 && endsSentence(units[i + 2].text) && !namesItsDay(units[i + 2].text);
        const writer = authorNext && (isPersonName(nextText) || !BARE_NAME.test(nextText) || overProse);
        // A line over prose that takes up its words (`江泽民观看话剧《虎踞钟山》` ⏎ `…江泽民…观看了…`) is the
        // next piece's headline: a poem's last line leads into no report.
        // (A short lead, `著名书画家唐岩，于一月八日…举办个人书画展。`, when it takes up half the line's words.)
        const prose = len === 1 && !!next && !nextF?.title && next.text.length >= 20 && endsSentence(next.text);
        const taken = prose ? cohesion(u.text, [next.text]) : 0;
        if (prose && (taken >= 0.4 || (taken >= 0.2 && next.text.length >= 40))) return at('headline-after-verse', true);
        if (!writer) return at('verse', false);
      }
      // A roundup's place labels (`江西` ⏎ `本报南昌１月５日电…`): a datelined article goes on.
      // (A place, not a column's name over its first item: `军营新闻` ⏎ `本报讯…`.)
      if (nextDateline && !st.closed && !gap && len === 1 && u.text.length <= 4 && isPlaceWord(u.text) && st.hasDateline && st.hasText) return at('roundup-place-label', false);
      // A list of names by place (`河北省` ⏎ `赵志刚 孙晓梅 周文华` ⏎ … ⏎ a headline ⏎ `本报讯…`): while a
      // line of names is followed by another headline-shaped line, the list goes on; the next piece's
      // headline block holds no such line but an author line just over its body.
      if (!st.closed && !gap && st.hasText && f[i - 1]?.title && block.slice(0, -1).some(isNameList)) return at('name-list', false);
      // At the end of a run of verse lines, the next poem's block is its title over its author line:
      // a line further up is the run's last (`…那种声音` ⏎ `珠江奏鸣曲` ⏎ `朱相达`).
      // (The author line is the block's last, right over the body, when that is one: a title's words may
      // pass for a pen name, `焊花如血` ⏎ `王文辉`. Captions under `图片：` are no verse.)
      const authorAt = block.length > 1 && isAuthorLine(block[block.length - 1]) ? block.length - 1 : block.findIndex((t, k) => k > 0 && isAuthorLine(t));
      if (!st.closed && !gap && st.hasText && !st.inCaptions && f[i - 1]?.title && !nextDateline && authorAt >= 2) return at('verse-tail', false);
      // A poem's last lines, or a list's (`各项冠军如下：` ⏎ `男子跳高：…` ⏎ …), right over a dispatch's headline
      // (`…那种声音` ⏎ `上海：查补税款三亿元` ⏎ `据新华社…`): the headline is the line the dispatch takes up, or
      // the last; the lines above it end the poem or the list.
      if (nextDateline && !st.closed && !gap && len > 1 && f[i - 1]?.title && (versey() || st.listOpen) && cohesion(u.text, [next.text]) === 0) return at('run-over-dateline', false);
      if (st.closed || gap || nextDateline) return at('closed-gap-or-dateline', true);
      if (opts.closingStyle) return at('closing-byline-page-subhead', false);
      // Under a pictured headline that so far carries only its picture, lines like `荣誉…` ⏎ `工作单位…` are a fact box.
      if (st.picHead && st.captionBody && !author) return at('fact-box', false);
      // Items of a list opened by `…有：`, to its end: after items set out with a colon or a dash
      // (`男子跳高：…`, `大连万达—上海申花`), a line without one — or any line worded as a news headline
      // (`农民画展在京开幕`) — over a paragraph of prose that takes up its words (`甲Ａ足球新赛季赛程公布` ⏎
      // `中国足协日前公布了…赛程…`) is the next piece's headline.
      const unlikeItems = () => (!/[：:—]/.test(u.text) && /^[^：:—]{1,12}[：:—]/.test(prevText)) || isNewsHeadline(u.text);
      if (st.listOpen && len === 1 && !!next && !nextF?.title && next.text.length >= 20 && endsSentence(next.text) && cohesion(u.text, [next.text]) >= 0.3 && unlikeItems()) return at('headline-after-list', true);
      if (st.listOpen) return at('list-item', false);
      // A lead that ends by announcing what follows with a dash (`…特邀几位文学评论家对此进行要言不烦的
      // 评说———`) under the headline: the blocks of a subhead over its writer's name after it are its
      // sections (a symposium's critics, each signing a part), not new pieces. (Not a lead ending in a
      // colon, which opens a list; nor an editor's note signed `———编者` over a group of signed pieces.)
      const announced = st.headAt >= 0 && st.leadAt >= 0 && st.leadAt - st.headAt <= 2 && announcesWhatFollows(units[st.leadAt].text);
      if (announced && author && len <= 3 && !hasPictureMark(u.text)) return at('announced-section', false);
      // After such sections, a headline-shaped block with no writer under it, after a finished
      // paragraph, is the next piece (`文学期刊头条月报` ⏎ its own intro): every section signs its part.
      if (announced && st.sections > 0 && !author && st.hasText && endsSentence(prevText)) return at('after-announced-sections', true);
      if (author || hasPictureMark(u.text) || block.some((t) => isMarker(t))) return at('author-line-or-picture', true);
      // Two characters set apart (`缘 起`, `春 色`): a subhead's type, never a headline's.
      if (len === 1 && PADDED_PAIR.test(u.text) && st.hasText) return at('padded-subhead', false);
      // A headline under a column's tag (`…（人民论坛）`, `…（新闻随笔）`) after running text opens a piece.
      if (st.hasText && isColumnTagged(u.text) && endsSentence(units[i - 1]?.text ?? '')) return at('column-tagged-headline', true);
      // A news item's lead under the line (`控制基因有利保存` ⏎ `据报道，…`, `本报讯…`) after a finished
      // paragraph: the next item, even after a signed feature (its sections do not open as a report does)
      // and even in the shape of one of its subheads.
      if (st.topAuthor && !/[，,]/.test(u.text) && st.hasText && endsSentence(units[i - 1]?.text ?? '') && !!next && NEWS_LEAD.test(next.text)) return at('news-lead-after-signed-feature', true);
      // A line shaped like a subhead this article already has (`记忆二` after `记忆一`, `◆选美…` after `◆选盆…`).
      if (st.subheads.some((h) => sameShape(h, u.text))) return at('sibling-subhead', false);
      // A line that is one quotation (`“向改革要警力”`) after running text: a feature's subhead.
      if (len === 1 && QUOTED_LINE.test(u.text) && st.hasText) return at('quoted-subhead', false);
      if (!next) return at('page-end', false);
      // Two short lines of one length (`关爱道德模范` ⏎ `礼敬有德之人`) after running text: a couplet subhead.
      if (len === 2 && st.hasText && block[0].length === block[1].length && block[0].length <= 10 && !/[，,、]/.test(block.join(''))) return at('couplet-subhead', false);
      // A block that holds the next number of the article's list (`…医院` ⏎ `二、先进个人…` after `一、…`):
      // the list goes on.
      if (st.lastNumber > 0 && block.some((t) => itemNumber(t) === st.lastNumber + 1)) return at('numbered-list-goes-on', false);
      // At the end of a poem, a pictured headline further down the block (`…那种声音` ⏎ `刘澜涛同志生平（附图片５张）`)
      // is where the next article starts: the lines above it are the poem's.
      if (len >= 2 && st.verseLines >= 3 && f[i - 1]?.title && block.findIndex((t, k) => k > 0 && hasPictureMark(t)) > 0) return at('verse', false);
      if (len >= 2) return at('multi-line-headline', true);
      // Headline, intro paragraph, byline (`标题` ⏎ `导语` ⏎ `本报记者 X`, or the writer's bare name over
      // running text: `痛说赝品` ⏎ `赝品横行，…` ⏎ `南宫品` ⏎ `在已经过去的一年中…`): a new signed piece.
      const intro = units[i + 1];
      if (intro && !intro.furniture && !f[i + 1].title && !f[i + 1].byline && (endsSentence(intro.text) || hasPictureMark(intro.text)) && (writerByline(i + 2) || bareWriterOverText(i + 2))) return at('headline-intro-byline', true);
      // A headline with its own subtitle on the line (`一条美丽的星河——读《追寻永恒》`, `…——元旦献辞`) after a
      // finished paragraph or a poem's lines: a new piece, even inside a signed feature (a subhead or a
      // verse line carries no subtitle).
      if (REVIEW_SUBTITLE.test(u.text) && ((st.hasText && endsSentence(units[i - 1]?.text ?? '')) || (st.verseLines >= 3 && !st.hasText))) return at('headline-with-subtitle', true);
      // A signed feature names its writer once, at the top: a headline-shaped line whose own text ends
      // with a signature or credit of its own (`…展览。` ⏎ `（张铁林黎世高）`) is the next piece.
      if (st.topAuthor && /[\u4e00-\u9fa5]{2}/.test(u.text) && !/[，,]/.test(u.text) && st.hasText && endsSentence(units[i - 1]?.text ?? '') && signedSection(i + 1)) return at('signed-piece-after-signed-feature', true);
      // A line that is an earlier headline of this page with a word changed (`１９９７中国十大科技进展` …
      // `１９９７世界十大科技进展`): the page's next box of the same kind, even after a signed feature.
      if (st.hasText && endsSentence(units[i - 1]?.text ?? '') && pageHeads.some((h) => twinLine(h, u.text))) return at('twin-headline', true);
      // A news headline even after a signed feature, where a subhead never reads so: an event at its
      // place (`中央农村工作会议在京举行`), or a report headed by its place (`宁夏：农业产业化铺筑致富路`).
      if (st.topAuthor && !/[，,]/.test(u.text) && st.hasText && endsSentence(units[i - 1]?.text ?? '') && isNewsHeadline(u.text)) return at('news-headline-after-signed-feature', true);
      // An exclamation over running text on a subject of its own (`拜年变了味，当刹！`) heads a piece,
      // comma and all, even after a signed feature.
      if (len === 1 && exclaimHeads.has(i) && st.hasText) return at('exclamation-headline', true);
      // Subheads, not headlines: clauses with commas, or inside a signed feature.
      // After the credit of the piece's pictures set at its end (`（压题照片：王永摄）`), or of its
      // source (`（《中国质量万里行》杂志社供稿）`), the piece is done.
      if (st.hasText && !/[，,]/.test(u.text) && (PHOTO_NOTE_CREDIT.test(prevText) || SUPPLIED_BY.test(prevText))) return at('headline-after-sign-off', true);
      // A headline over a lead that announces its writers' sections with a dash (`…评说———` ⏎ subhead ⏎
      // writer's name): a symposium opens here, commas and all (see `announced-section`).
      if (len === 1 && st.hasText && endsSentence(prevText) && opensSymposium(i + 1)) return at('symposium-headline', true);
      // A line over a list's first item (`１９９７世界十大科技进展` ⏎ `一、克隆羊…`, `你的公司如何上网` ⏎ `▲配备好…`)
      // after finished text heads a box of its own, even after a signed feature (on the dev pages, six
      // such lines, all headlines).
      if (len === 1 && st.hasText && endsSentence(prevText) && !!next && !nextF?.title && /^(?:一[、．.]|[▲●■◆])/.test(next.text)) return at('headline-over-list', true);
      if (/[，,]/.test(u.text) || st.topAuthor) return at('clause-or-signed-feature-subhead', false);
      if (nextF?.caption) return at('caption-follows', true);
      // (Text closes with a finished sentence, a table, or a note in brackets under finished text: a
      // letter's signature, `（山东某县某乡张某等１６位母亲）`.)
      const signedNote = !!f[i - 1]?.note && /[）)]$/.test(prevText) && endsSentence(units[i - 2]?.text ?? '');
      // (Or a long paragraph of sentences whose last one lost its stop: `…帮助基层干部掌握管理方法`; or a
      // list's row, whole: `lines.ts` isListRow.)
      const lostStop = prevText.length >= 80 && /[。！？]/.test(prevText) && !endsMidSentence(prevText) && !f[i - 1].title;
      return at('one-line-headline-after-text', !!nextF && !nextF.title && st.hasText && (endsSentence(units[i - 1]?.text ?? '') || tableAbove(i) || signedNote || lostStop || isListRow(prevText)));
    }
    // A headline that calls out (`饭桌上，谁先动筷子？——孩子，还是老人？`, `周小燕老师，您辛苦了！`): a
    // short line ending in `！`/`？` after finished text, standing over its writer's byline or over a
    // pictured headline, opens the next article. (Over running text it may as well close the piece
    // above; so may a wish, `愿…！`.)
    const callsOut = st.hasText && !f[i].dateline && !f[i].byline && u.text.length <= 24 && /[！？!?]$/.test(u.text) && !CLOSING_WISH.test(u.text) && !!units[i + 1] && !units[i + 1].furniture;
    if (callsOut && endsSentence(units[i - 1]?.text ?? '')) {
      if (writerByline(i + 1) || (f[i + 1].title && hasPictureMark(units[i + 1].text))) return at('calling-headline', true);
    }
    // After a piece signed off by its desk or its date (`本报群众工作部` ⏎ `１９９８年１月７日`), such a line
    // over a paragraph of running text opens the next piece: nothing of the signed piece follows its
    // signature. (build.ts reads such a line as the title over a paragraph of 60 characters or more.)
    if (callsOut && st.closed && (isDateSignature(units[i - 1].text) || isDeskSignature(units[i - 1].text)) && !f[i + 1].title && units[i + 1].text.length >= 60) return at('calling-headline', true);
    // A photo on top of the next story: its caption, then a `X 摄` credit line
    // (not the article's own picture: `图片：` ⏎ `图为…` ⏎ `（X摄）` under a pictured headline).
    const ownPicture = st.picHead && (/^(?:图为|[0-9０-９]{1,2}[、.．：:]\s*图为)/.test(u.text) || isMarker(units[i - 1]?.text ?? ''));
    // (A numbered caption `２、…` goes on a numbered set of pictures.)
    if ((st.closed || u.gap >= 2) && st.hasBody && !ownPicture && !(isNumberedHead(u.text) && u.gap < 2) && units[i + 1] && isPhotoCredit(units[i + 1].text) && !isBylineLine(u.text)) {
      return at('photo-above-next', true);
    }
    // Under a briefs column's label (`国际简讯`, `文化快讯`, `致富信息`), each item is one paragraph marked as
    // the first was (`▲…`) or opened by its dispatch (`据新华社开罗１月１３日电…`): the next item; where the
    // first is neither (`河南省某县农民…`), any paragraph that opens on its own on another subject. (How the
    // items open is read at the first: `st.briefsColumn`, article-state.ts.)
    const column = st.briefsColumn;
    if (column && st.hasText && !f[i].title && !f[i].byline && !f[i].caption && u.text.length >= 20 && (endsSentence(units[i - 1]?.text ?? '') || endsWithCredit(units[i - 1]?.text ?? ''))) {
      if ((column.mark && u.text.startsWith(column.mark)) || (column.dated && f[i].dateline)) return at('item-in-briefs-column', true);
      if (!column.mark && !column.dated && standsAlone(u.text) && cohesion(u.text, itemContext(i)) < BRIEF_COHESION) return at('item-in-briefs-column', true);
    }
    // A headline-less brief after a finished paragraph: a news lead on another subject. Where items
    // evidently run on without headlines (the article so far is one, or the last item was closed by
    // its credit, at the end of its text or on a line of its own: `（…供稿）`, `（新华社…电）`), a
    // paragraph naming its day anywhere in the first sentence is enough.
    // A briefs column prints each headline-less item as one paragraph: after an item opened by its
    // news lead (no headline, no dateline), the next paragraph of running text is the next item when
    // it names its day, or opens on its own (`standsAlone`) on another subject. (One brief read where
    // there was none must not cut the rest of a story into one-paragraph items: a paragraph that goes
    // on with its words, a quotation, `记者…`, stays; so does one that takes up the words of the
    // article the run broke away from, `st.runOrigin`: the run was a misread lead inside its story.)
    if (st.briefItem && st.hasText && !f[i].title && !f[i].byline && !f[i].caption && !endsWithCredit(u.text) && u.text.length >= 20 && endsSentence(units[i - 1]?.text ?? '') && (namesItsDay(u.text) || (standsAlone(u.text) && cohesion(u.text, itemContext(i)) < BRIEF_COHESION)) && !(st.runOrigin.length && cohesion(u.text, st.runOrigin) >= RUN_ORIGIN_COHESION)) {
      return at('one-paragraph-brief', true);
    }
    // A photo item (`过新闸（图片）`) carries one caption: running text after it is the next item, a
    // headline-less brief.
    // (The caption may end with its credit and a note: `…书籍。（新华社记者张鲁成摄）（传真照片）`.)
    // (Or with a note on a line of its own under it: `…。（新华社记者王小明摄）` ⏎ `（传真照片）`.)
    const notesOff = (t: string) => t.replace(/(?:[（(][^（）()]{1,20}[）)])+$/, '');
    const captionDone = endsSentence(notesOff(units[i - 1]?.text ?? '')) || (!notesOff(units[i - 1]?.text ?? '') && i >= 2 && endsSentence(notesOff(units[i - 2].text)));
    if (st.photoItem && st.hasBody && !f[i].title && !f[i].byline && !f[i].caption && !f[i].dateline && u.text.length >= 20 && captionDone) {
      return at('text-after-photo-item', true);
    }
    // An artwork closed by its credit (`国泰民安（篆刻）` ⏎ `（陈少华）`) is whole: running text after it is
    // the next item, a headline-less brief. (Not after a bare name, `孙某某`: a word on the picture may follow.)
    if (st.creditItem && /[）)]$/.test(units[i - 1].text) && !f[i].title && !f[i].byline && !f[i].caption && !f[i].dateline && u.text.length >= 20 && endsSentence(u.text)) {
      return at('text-after-credit-item', true);
    }
    // Running text after an item that is evidently whole is the next item, a headline-less brief:
    // - a dated brief closed by its reporter's credit (`本报讯…认证。（彭振海）`);
    const plain = st.hasText && !f[i].title && !f[i].byline && !f[i].caption && !f[i].dateline && u.text.length >= 20;
    const prevText = units[i - 1].text;
    if (plain && st.headless && endsWithCredit(prevText)) return at('text-after-signed-brief', true);
    // - an item closed by its writer or its dispatch (a byline line, `（记者 X）`; a credit ending its
    //   last paragraph, `…。（王璐）`; a closing dateline, `（本报开罗１月５日电）`), when the text is on
    //   another subject (not under a byline set right below the intro, which signs a feature that
    //   goes on; not an editor's note, nor the editor's word under a letter, `编者附言：…`);
    const signedOff = f[i - 1].byline ? !(st.leadAt >= 0 && i - 1 - st.leadAt <= 1) : endsWithCredit(prevText) || !!matchClosingDateline(prevText);
    if (plain && st.closed && signedOff && endsSentence(u.text) && !isNumberedHead(u.text) && !EDITOR_NOTE.test(u.text) && !EDITORS_WORD.test(u.text)) {
      if (cohesion(u.text, itemContext(i)) < BRIEF_COHESION) return at('text-after-signed-item', true);
    }
    // - an article whose picture, set at its end after the text, is closed by its credit
    //   (`…项目。（新华社记者孙参摄）`), or whose pictures (`图片：` ⏎ captions) end with a caption closed
    //   by its photographer or maker (`…（新华社记者X摄）`, `…（彩墨画）（王朝瑞）`). (Not a numbered
    //   caption: it goes on a set of pictures.)
    if (plain && !st.inCaptions && /(?:摄(?:影)?|照片)[）)]$/.test(prevText) && !isNumberedHead(u.text)) return at('text-after-photo-credit', true);
    if (plain && st.inCaptions && (/摄(?:影)?[）)]$/.test(prevText) || endsWithNameCredit(prevText)) && !isNumberedHead(u.text)) return at('text-after-closing-pictures', true);
    // - a column of pictures (`图片新闻` ⏎ its captions, each closed by its credit): running text
    //   after the last credit is the next item.
    const pictureColumn = !st.hasText && st.hasBody && st.headAt >= 0 && isColumnLabel(units[st.headAt].text);
    if (pictureColumn && !f[i].title && !f[i].byline && !f[i].caption && !f[i].dateline && !itemNumber(u.text) && u.text.length >= 20 && /(?:摄(?:影)?|照片)[）)]$/.test(prevText)) return at('text-after-picture-column', true);
    // A news lead opens a headline-less brief; a looser one (the day anywhere in the first sentence)
    // where items already run on without headlines, or where it shares not one character pair with
    // the item above and is not told by a writer (`近日，笔者在…采访时…`).
    const briefRun = st.headAt < 0 || /[。！？!?”][（(][^（）()]{1,12}[）)]$/.test(units[i - 1]?.text ?? '') || st.closed;
    // A news lead under the last line of a poem (`…那种声音` ⏎ `伊朗外长哈拉齐５日致信…`): the poem ended; a
    // brief begins. (Not a dateline: a headline read as the poem's last line stands over that.)
    if (!st.hasText && st.verseLines >= 3 && f[i - 1]?.title && !f[i].title && !f[i].dateline && isBriefLead(u.text) && cohesion(u.text, itemContext(i)) < BRIEF_COHESION) return at('brief-after-verse', true);
    const looseLead = () => isLooseBriefLead(u.text) && (briefRun || (!TOLD_BY_WRITER.test(firstSentence(u.text)) && cohesion(u.text, itemContext(i)) === 0));
    if (st.hasText && !f[i].dateline && !f[i].byline && !f[i].caption && (isBriefLead(u.text) || looseLead()) && i > 0) {
      const prev = units[i - 1];
      // (After a finished sentence, a byline, or anything that closed the item: `（新华社北京１月１日电）`,
      // or a note in brackets that closes a piece: `（本文系作者…讲话的一部分）`, a letter's signature.)
      const closedNote = f[i - 1].note && /[）)]$/.test(prev.text);
      if ((endsSentence(prev.text) || f[i - 1].byline || st.closed || closedNote || tableAbove(i)) && !prev.furniture) {
        const ctx = itemContext(i);
        const sameSubject = st.headAt >= 0 && subjectInHeadline(u.text, units[st.headAt].text);
        const c = cohesion(u.text, ctx);
        if (c < BRIEF_COHESION && !sameSubject) return at('brief-lead', true);
        // An item marked by its bullet and its day (`●日前，…`) under an article of no such items opens a
        // column of them, whatever words it shares with the article (a page on one subject).
        if (BULLET_DAY.test(u.text) && !cur.some((k) => /^[●■◆▲]/.test(units[k].text))) return at('bullet-brief', true);
        // The first of a run of headline-less briefs may share a little more with the item above,
        // even its subject word (`总统` under `…新总统宣誓就职`), but the paragraph after it is plainly
        // the next brief.
        const next = units[i + 1];
        const nextBrief = !!next && !next.furniture && !f[i + 1].title && !f[i + 1].dateline && isBriefLead(next.text) && cohesion(next.text, [u.text, ...ctx]) < BRIEF_COHESION;
        // (Not in a roundup whose paragraphs already open as leads, one country's leader each
        // (`蒙古总统…３１日…` ⏎ `莫桑比克总统…３１日…`): its last part is as close to it as the others.)
        const roundupOfLeads = cur.filter((k) => k > Math.max(st.headAt, st.leadAt) && isBriefLead(units[k].text)).length >= 2;
        if (c < 2 * BRIEF_COHESION && nextBrief && !roundupOfLeads) return at('brief-run-start', true);
      }
    }
    if (f[i].dateline) {
      // An artwork or photo item closed by its credit (`圆梦（中国画）` ⏎ `（胡才春）`) is whole.
      if (st.creditItem) return at('after-credit-item', true);
      // So is the weather box once it has its forecast: a dispatch after it is the next item.
      if (st.weatherBox && st.hasText && matchDateline(u.text)?.dateline.day) return at('dateline-after-weather', true);
      // The picture under a pictured headline (caption, credit) comes before the dateline.
      if (st.closed && !(st.picHead && st.captionBody && !st.hasDateline)) {
        // A roundup under one headline (`《…文选》出版发行江苏隆重纪念一代伟人`): its dated parts, each
        // closed by a credit, go on while they keep to the headline's subject.
        const dl = matchDateline(u.text)!;
        const roundup = st.datelines >= 2 && st.headAt >= 0 && cohesion(u.text.slice(dl.length), [units[st.headAt].text]) >= BRIEF_COHESION;
        return at(roundup ? 'roundup-part' : 'dateline-after-closed', !roundup);
      }
      // A photo item (`…（图片）`) carries only a caption: a dated paragraph opens the next item.
      if (st.photoItem && st.hasBody) return at('dateline-after-photo-item', true);
      // A brief after a headline-less brief: `本报讯…` ⏎⏎ `本报讯…`.
      if (st.headless && st.hasText) return at('brief-after-brief', true);
      // `本报讯` opens a news item, never a paragraph inside one; a second dateline of another kind
      // opens the next item only after a dated one (not a quoted source, `据新华社…`).
      const dl = matchDateline(u.text)!;
      // (Not the dateline under the article's own picture or its editor's note, `编者按：…`: a note of a
      // few paragraphs stands right over the report it introduces.)
      const ownPictureAbove = st.picHead && st.captionBody && !st.hasDateline;
      const underNote = !st.hasDateline && cur.some((k) => EDITOR_NOTE.test(units[k].text) && i - k <= NOTE_REACH);
      // Pictures after the article's running text (`图片：` ⏎ captions) close it: a full dateline under
      // them on another subject is the next item's.
      if (st.inCaptions && st.hasBody && !ownPictureAbove && dl.dateline.agency && dl.dateline.day && cohesion(u.text.slice(dl.length), itemContext(i)) < BRIEF_COHESION) return at('dateline-after-pictures', true);
      // Pictures whose captions share not one character pair with the dated paragraph under them
      // (`华府隆冬暖英伦风暴寒（附图片２张）` ⏎ captions ⏎ `本报讯…天津农村…`): a picture story, whole.
      if (ownPictureAbove && st.hasText && cohesion(u.text.slice(dl.length), itemContext(i)) === 0) return at('dateline-after-picture-story', true);
      if (st.hasText && !ownPictureAbove && !underNote && dl.dateline.agency === '本报' && dl.dateline.raw.endsWith('讯')) return at('benbao-xun', true);
      // A second full dateline with its own reporter (`据新华社北京１月９日电（记者于海生）…`), or another
      // agency's of another day (`本报天津１月５日讯…` ⏎ … ⏎ `新华社北京一月六日电…`), after a dated item's
      // running text, on another subject than the item's headline and lead: the next item of a
      // column of agency briefs. (A headline that joins two stories, `拉莫斯看好…菲律宾通货膨胀率下降`,
      // shares its words with each dated part: one article; so is a roundup, `韩国` ⏎ `据新华社汉城…电`.)
      const firstDl = cur.find((k) => f[k].dateline);
      const first = firstDl === undefined ? undefined : matchDateline(units[firstDl].text)?.dateline;
      const otherAgency = !!first?.agency && !!dl.dateline.agency && first.agency.replace(/^据/, '') !== dl.dateline.agency.replace(/^据/, '') && first.day !== dl.dateline.day;
      // One desk writes one article's dates one way: `一月七日` beside `１月７日` is another item's dispatch.
      const otherStyle = !!first?.day && !!dl.dateline.day && hanDate(first.raw) !== hanDate(dl.dateline.raw);
      // The same desk's dispatch from another place on another day that shares not one character pair
      // with the item (`新华社东京１月６日电…` ⏎ … ⏎ `新华社沈阳１月７日电…`) is another item too.
      // (Or that shares not one with the item's headline block, when it has one.)
      const apart = !!first?.day && !!dl.dateline.day && first.day !== dl.dateline.day && !!first.place && !!dl.dateline.place && first.place !== dl.dateline.place;
      /** The item's headline block: its headline-shaped lines above its first dateline. */
      const headLines = cur.filter((k) => f[k].title && k < (firstDl ?? i)).map((k) => units[k].text);
      const elsewhere = apart && (cohesion(u.text.slice(dl.length), itemContext(i)) === 0 || (headLines.length > 0 && cohesion(u.text.slice(dl.length), headLines) === 0));
      // So is another desk's dispatch from another place, even of the same day (`本报北京１月７日讯…` ⏎ … ⏎
      // `新华社沈阳１月７日电…`), that shares not one character pair with the item.
      const otherDesk = !!first?.agency && !!dl.dateline.agency && first.agency.replace(/^据/, '') !== dl.dateline.agency.replace(/^据/, '') && !!first.place && !!dl.dateline.place && first.place !== dl.dateline.place;
      if (st.hasDateline && st.hasText && !f[i - 1].title && dl.dateline.agency && dl.dateline.day && ((dl.credit && /记者/.test(dl.credit)) || otherAgency || otherStyle || elsewhere || otherDesk)) {
        // A dispatch whose date is written another way (another desk's, or the agency's own under its
        // reprint, `据新华社北京１月６日电` ⏎ … ⏎ `新华社北京一月六日电`) is read against the item's headline
        // alone: the paragraph above may share a place, a `会议` or an `应…的邀请` with it by chance.
        // So is a dispatch with its own reporter on another day (`据新华社北京１月９日电（记者刘云非）…`).
        // (Or another desk's, under an undated `本报讯`: `本报讯…` ⏎ … ⏎ `据新华社北京一月七日电（记者X）…`.)
        const ownDay = !!dl.credit && /记者/.test(dl.credit) && (first?.day ? first.day !== dl.dateline.day : !!first?.agency && first.agency.replace(/^据/, '') !== dl.dateline.agency.replace(/^据/, ''));
        const ctx = (otherStyle || ownDay) && st.headAt >= 0 ? [units[st.headAt].text] : itemContext(i);
        // (A roundup whose dated parts already run on under its headline, each from its own reporter, goes
        // on with a part of the same desk and day that takes up a word of its headline block: `年关将至送温暖`
        // ⏎ `各地领导…慰问困难群众` ⏎ `本报石家庄…电记者A…` ⏎ `本报长沙…电记者B…` ⏎ `本报乌鲁木齐…电记者C…为…群众…`.)
        const sameRun = st.datelines >= 2 && !otherAgency && !otherStyle && !otherDesk && first?.day === dl.dateline.day;
        const roundupPart = sameRun && headLines.length > 0 && cohesion(u.text.slice(dl.length), headLines) > 0;
        if (!roundupPart && cohesion(u.text.slice(dl.length), ctx, true) < BRIEF_COHESION) return at('dated-item-after-dated', true);
      }
      // A full dateline (`新华社北京一月六日电…`) after two or more paragraphs of an undated piece: the
      // next item, a brief without a headline (a report's own intro runs one paragraph, its note is named).
      // (Or closes it with a note in brackets: `（本文系作者在…讲话的一部分）`.)
      const closedAbove = endsSentence(units[i - 1].text) || (f[i - 1].note && /[）)]$/.test(units[i - 1].text));
      if (!st.hasDateline && st.hasText && !ownPictureAbove && !underNote && st.leadAt >= 0 && i - st.leadAt >= 2 && closedAbove && dl.dateline.agency && dl.dateline.day) return at('dated-item-after-undated', true);
      // …or after a headline-less item (`意大利总理普罗迪４日说，…` ⏎ `新华社武汉１月７日电（记者金风）…`) on another subject.
      if (!st.hasDateline && st.hasText && st.headAt < 0 && !ownPictureAbove && !underNote && endsSentence(units[i - 1].text) && dl.dateline.agency && dl.dateline.day && cohesion(u.text.slice(dl.length), itemContext(i)) < BRIEF_COHESION) return at('dated-item-after-headless', true);
      return at('dateline', st.hasDateline && st.hasText && /^新华社(?:专)?讯/.test(u.text));
    }
    return at('body', false);
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const start = cur.length > 0 && !u.furniture && startsHere(i);
    /** The rule that decided this line ('' for the page's first line and furniture, which no rule sees). */
    const decided = cur.length > 0 && !u.furniture ? rule : '';
    if (decided) opts.trace?.(i, start, rule);
    if (!start && f[i].title && st.hasText) st.subheads.push(u.text);
    if (start) {
      segs.push({ units: cur });
      openedBy.push(rule);
      cur = [];
      const origin = rule === 'brief-lead' ? itemContext(i) : rule === 'one-paragraph-brief' ? st.runOrigin : [];
      const column = rule === 'item-in-briefs-column' ? st.briefsColumn : undefined;
      st = freshState();
      st.runOrigin = origin;
      st.briefsColumn = column;
      st.tableBox = rule === 'table-box';
      st.briefItem = (rule === 'brief-lead' || rule === 'bullet-brief' || rule === 'one-paragraph-brief' || rule === 'text-after-photo-item' || rule === 'text-after-credit-item') && !f[i].dateline;
      st.photoTop = !f[i].title && !!units[i + 1] && isPhotoCredit(units[i + 1].text);
    }
    if (cur.length === 0 && f[i].title) pageHeads.push(u.text);
    cur.push(i);
    observeLine(st, page, cur, i, decided, opts.closingStyle);
  }
  if (cur.length) segs.push({ units: cur });
  return mergeSubheadSeries(segs, openedBy, units, f, opts.trace);
}

/** A work, its writer and where it ran: `《龙岩坡》作者何立伟《收获》`, `《某某》（作者：王某）`. */
const WORK_ENTRY = /^《[^《》]{1,20}》\s*[（(]?(?:作者|著|主编|编著)[：:\s]*[\u4e00-\u9fa5·]{2,8}[）)]?\s*(?:《[^《》]{1,12}》)?$/;

/** Rules that open an article on a headline-shaped line alone, with nothing else to go by. */
const WEAK_OPENINGS = new Set(['one-line-headline-after-text', 'multi-line-headline']);

/**
 * Second look: an article opened only because a headline-shaped line followed running text, whose
 * own body holds a line of the same shape (`记忆一` … `记忆二`), was a series of subheads: it goes
 * back into the article above.
 */
function mergeSubheadSeries(segs: Segment[], openedBy: string[], units: Unit[], f: Feature[], trace?: SegmentTrace): Segment[] {
  const out: Segment[] = [];
  segs.forEach((seg, k) => {
    const first = seg.units.find((i) => !units[i].furniture);
    const rule = k > 0 ? openedBy[k - 1] : '';
    // (A law's title, `中华人民共和国价格法`, heads the law printed whole, never a subhead, however its
    // decree's lines under it are shaped: `中华人民共和国主席令`.)
    const series =
      first !== undefined &&
      WEAK_OPENINGS.has(rule) &&
      !LAW_TITLE.test(units[first].text) &&
      seg.units.some((i) => i !== first && f[i].title && !units[i].furniture && sameShape(units[first].text, units[i].text, true));
    if (series && out.length) {
      out[out.length - 1].units.push(...seg.units);
      trace?.(first, false, 'subhead-series');
    } else out.push(seg);
  });
  return out;
}
