/**
 * What the splitter (`segment.ts`) knows about the article it is reading: one `ArticleState`,
 * renewed at each new article, and `observeLine`, which takes in each line of the article once
 * its boundary rule has spoken.
 */
import { isAuthorLine } from './author';
import { endsWithCredit, isDashSignature, isPhotoCredit, isWriterByline, type PageLines } from './line-features';
import { endsSentence, hasPictureMark, isBriefsLabel, isDrawnBy, isFigureHeavy, isHeadNote, isListRow, isNameListTitle, isNameRow, isPhotoItemHead, isPointSummary, isPictureWorkTitle, isWeatherBox, ITEM_MARK, itemNumber } from './lines';
import { artworkMaker, isPersonName } from './names';
import { asciiDigits, parseNumber } from './numbers';

/** Lines a headline block may hold (kicker, title, subtitles, author line). */
export const MAX_HEAD = 4;

/**
 * What the splitter knows about the article it is reading; one object, renewed at each new article.
 */
export interface ArticleState {
  /** Past the headline block: some body line seen. */
  hasBody: boolean;
  /** A paragraph of running text seen (not a caption, credit or short line). */
  hasText: boolean;
  /** The last line closed the article (byline, credit, closing dateline, continuation note). */
  closed: boolean;
  /** An author line stood under the headline (a signed feature: its subheads are not headlines). */
  topAuthor: boolean;
  /** The article opened with a dateline, not a headline (a headline-less brief). */
  headless: boolean;
  /** The article is a headline-less item opened by a news lead without a dateline (`brief-lead`). */
  briefItem: boolean;
  /** The article is a table's box (`table-box`): its rows of figures are its body, not headline lines. */
  tableBox: boolean;
  /** The first line carries a picture mark. */
  pictureTitle: boolean;
  hasDateline: boolean;
  /** Headline lines so far, and short headline-shaped lines after the first (verse). */
  headCount: number;
  verseLines: number;
  /** Caption and credit above a headline (a photo on top of the story). */
  photoTop: boolean;
  /** A photo item (`…（图片）`): it carries only a caption. */
  photoItem: boolean;
  /** The headline block carries a picture mark (`（附图片１张）`). */
  picHead: boolean;
  /** Body units so far are photo captions or credits only (a picture under the headline). */
  captionBody: boolean;
  /** An artwork or photo item closed by its credit (`一元复始（篆刻）` ⏎ `（韦耀中）`). */
  creditItem: boolean;
  /** First headline line and first running-text paragraph (unit indexes, -1: none yet). */
  headAt: number;
  leadAt: number;
  /** Inside a list opened by a line ending in `：` (its items are short unpunctuated lines). */
  listOpen: boolean;
  /** Pictures the headline announces (`（附图片２张）`), and caption lines still expected after `图片：`. */
  picCount: number;
  captionsLeft: number;
  /** Inside the block of pictures after `图片：` (its captions and credits so far). */
  inCaptions: boolean;
  /** Headline-shaped lines after running text that stayed in the article (its subheads). */
  subheads: string[];
  /** Dated paragraphs so far (a roundup holds several). */
  datelines: number;
  /** The number of the article's last numbered line (`二、…`, `５、…`; 0: none yet). */
  lastNumber: number;
  /** Sections its lead announced (`…评说———` ⏎ subhead ⏎ writer ⏎ text), so far. */
  sections: number;
  /**
   * A headline-less item of a run (`brief-lead`, `one-paragraph-brief`): the headline, lead and last
   * paragraph of the article the run broke away from (empty otherwise).
   */
  runOrigin: string[];
  /** The daily weather box (`明天气象预报（…）`): it carries the forecast and nothing dated. */
  weatherBox: boolean;
  /**
   * An item of a briefs column (`国际简讯` ⏎ items): how its items open, the first one's mark (`▲`)
   * or a dispatch's dateline; carried from item to item until a headline ends the column.
   */
  briefsColumn?: { mark?: string; dated: boolean };
}

export function freshState(): ArticleState {
  return {
    hasBody: false,
    hasText: false,
    closed: false,
    topAuthor: false,
    headless: false,
    briefItem: false,
    tableBox: false,
    pictureTitle: false,
    hasDateline: false,
    headCount: 0,
    verseLines: 0,
    photoTop: false,
    photoItem: false,
    picHead: false,
    captionBody: true,
    creditItem: false,
    headAt: -1,
    leadAt: -1,
    listOpen: false,
    picCount: 0,
    captionsLeft: 0,
    inCaptions: false,
    subheads: [],
    lastNumber: 0,
    datelines: 0,
    sections: 0,
    runOrigin: [],
    weatherBox: false,
  };
}

/**
 * Take in line `i`, just added to the article (`cur`, its lines so far, `i` last); `decided` is the
 * rule that decided the line, whether it opened this article or kept it in ('' for the page's
 * first line and furniture, which no rule sees).
 */
export function observeLine(st: ArticleState, page: PageLines, cur: number[], i: number, decided: string, closingStyle: boolean): void {
  const { units, f } = page;
  const u = units[i];
  if (f[i].dateline) {
    st.hasDateline = true;
    st.datelines++;
  }
  // What the article's first line says about it.
  if (cur.length === 1) {
    st.headless = f[i].dateline;
    st.pictureTitle = hasPictureMark(u.text);
    st.photoItem = isPhotoItemHead(u.text);
    st.weatherBox = isWeatherBox(u.text);
  }
  const number = u.furniture ? 0 : itemNumber(u.text);
  if (number) st.lastNumber = number;
  if (u.furniture) {
    if (u.furniture.kind === 'continued-to') st.closed = true;
    return;
  }
  const ft = f[i];
  // The first item under a briefs column's label (`国际简讯` ⏎ `▲…`): how the column's items open.
  if (!st.briefsColumn && !ft.title && st.headAt >= 0 && isBriefsLabel(units[st.headAt].text)) {
    st.briefsColumn = { mark: u.text.match(ITEM_MARK)?.[0].trim() || undefined, dated: !!ft.dateline };
  }
  if (/^(?:图片|附图|图表|照片)[：:]?$/.test(u.text)) {
    st.captionsLeft = Math.max(1, st.picCount);
    st.inCaptions = true;
  } else if (st.captionsLeft > 0 && ft.title) st.captionsLeft--;
  else st.captionsLeft = 0;
  // The picture block goes on over its captions (`２、世纪之声（中国画）（张彦）`), not over running text.
  if (st.inCaptions && !ft.title && !ft.note && !ft.byline && !ft.marker && !/^[0-9０-９]{1,2}[、.．]/.test(u.text) && !/[）)]$/.test(u.text)) st.inCaptions = false;
  if (!st.hasBody) {
    const n = u.text.match(/[（(]附?(?:图片|照片)([0-9０-９一二三四五六七八九十])张[）)]/);
    if (n) st.picCount = Math.max(st.picCount, Number(asciiDigits(n[1])) || parseNumber(n[1]) || 1);
  }
  if (/[：:]$/.test(u.text) && !ft.marker && !st.captionsLeft) st.listOpen = true;
  // (A list's row, `张大伟\u3000赵丽\u3000刘强`, is an item as a headline-shaped line is.)
  else if ((!ft.title && !isListRow(u.text)) || endsSentence(u.text)) st.listOpen = false;
  if (st.photoTop) {
    // Caption and credit above a headline: not yet the body.
    if (ft.caption || ft.byline || (!ft.title && units[i + 1] && isPhotoCredit(units[i + 1].text))) return;
    st.photoTop = false;
  }
  // A calling headline (`周小燕老师，您辛苦了！`) heads its article: what stands under it is not yet the body.
  if (decided === 'calling-headline') {
    st.headCount++;
    st.headAt = i;
    return;
  }
  const tableRow = st.tableBox && cur.length > 1 && isFigureHeavy(u.text);
  const isHead = (ft.title || (ft.note && cur.length > 1)) && !st.hasBody && st.headCount < MAX_HEAD + 1 && !tableRow;
  if (!st.hasBody && (hasPictureMark(u.text) || ft.marker || (ft.note && /图片|照片/.test(u.text)))) st.picHead = true;
  // (A picture's title over its maker's bare name, `春山图（国画）` ⏎ `孙某某`, or `黄某某作`, is as whole.)
  const picture = cur.length === 2 && !units[cur[0]].furniture && isPictureWorkTitle(units[cur[0]].text);
  st.creditItem = (cur.length === 2 && isHeadNote(u.text) && /[）)]$/.test(units[cur[0]].text) && !units[cur[0]].furniture && f[cur[0]].title) || (cur.length === 1 && isDrawnBy(u.text)) || (picture && (isPersonName(u.text) || !!artworkMaker(u.text)));
  // A summary under the headline (`江泽民强调：●…●…`) belongs to the headline block.
  const summary = !st.hasBody && isPointSummary(u.text);
  if ((st.hasBody || !isHead) && !summary) {
    // A caption line: `图为…`, a line ending in a credit, a credit line, or a line followed by one.
    // (Not running text signed by its writer, `刘墉，乾隆时代的一名清官…。其实，…。（巴人）`: a caption
    // runs a sentence or two, or credits a picture.)
    const signedText = (u.text.match(/[。！？]/g)?.length ?? 0) >= 3 && !/[（(][^（）()]*(?:摄|照片|图|发|供)[^（）()]*[）)]$/.test(u.text);
    const captionish = ft.caption || ft.byline || ft.marker || isPhotoCredit(units[i + 1]?.text ?? '') || (endsWithCredit(u.text) && !signedText);
    if (!captionish && !ft.title && !hasPictureMark(u.text) && !(cur.length > 1 && isAuthorLine(u.text))) st.captionBody = false;
  }
  if (ft.title && cur.length > 1 && u.text.length <= 20 && !tableRow) st.verseLines++;
  if (isHead) st.headCount++;
  if (isHead && st.headAt < 0 && ft.title) st.headAt = i;
  // (Not a row of a name list under its title: `全省劳动模范名单` ⏎ `东城区` ⏎ `王建国\u3000李秀英\u3000张立新` is its text.)
  const listRow = () => isNameRow(u.text) && cur.some((k) => isNameListTitle(units[k].text));
  if (!st.hasBody && cur.length > 1 && isAuthorLine(u.text) && !ft.dateline && !listRow()) {
    st.topAuthor = true;
    if (!ft.byline) return;
  }
  // A byline under the intro paragraph (`导语` ⏎ `本报记者 X`) also marks a signed feature.
  // (Not a closing byline of a short item: the subhead it stands over opens two paragraphs or more.)
  let introByline = false;
  if (st.hasText && isWriterByline(page, i) && st.leadAt >= 0 && i - st.leadAt <= 2 && units[i + 1] && f[i + 1].title) {
    const a = units[i + 2];
    const b = units[i + 3];
    introByline = !closingStyle && !!a && !!b && !f[i + 2].title && !f[i + 2].byline && !f[i + 2].dateline && !f[i + 3].title && !f[i + 3].byline && !f[i + 3].dateline && !a.furniture && !b.furniture;
    if (introByline) st.topAuthor = true;
  }
  // A writer's bare name under the intro paragraph (`痛说赝品` ⏎ `导语` ⏎ `南宫品` ⏎ text) signs the feature.
  if (decided === 'author-under-intro') st.topAuthor = true;
  if (decided === 'announced-section') st.sections++;
  if (!isHead && !ft.marker && !summary) {
    st.hasBody = true;
    if (!ft.byline && !ft.caption && !ft.title && !(u.text.length < 6)) {
      st.hasText = true;
      if (st.leadAt < 0) st.leadAt = i;
    }
  }
  // The picture right under a pictured headline (caption, credit) does not close it.
  if (st.picHead && st.captionBody && !st.hasDateline && (ft.caption || ft.closer) && !ft.byline) st.closed = false;
  else if (ft.closer || (ft.caption && st.pictureTitle)) st.closed = true;
  else if (!ft.marker && !ft.caption && (st.hasBody || ft.title)) st.closed = false;
  if (ft.closer && ft.byline && !st.hasText) st.closed = false;
  if (st.hasText && isDashSignature(u.text)) st.closed = true;
  if (decided === 'desk-signature') st.closed = true;
  if (introByline) st.closed = false;
}
