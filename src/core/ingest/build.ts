/**
 * Build one `ParsedArticle` from the units the splitter grouped: read the headline
 * block, captions, dateline and bylines, repair the remaining column breaks,
 * mark subheads, and decide the kind.
 */
import type { Byline, Dateline, Paragraph, ParsedArticle } from '../../shared/types';
import { emptyByline, isBylineLine, mergeBylines, namesSomeone, parseByline, withoutSourceNote } from './byline';
import { matchClosingDateline, matchDateline } from './dateline';
import { leadingContinuation, trailingContinuation } from './furniture';
import { readHeadline } from './headline';
import { cutLongParagraphs } from './long-paragraphs';
import { joinUnits, runsOn } from './reflow';
import { callingSignature, isBareSignatureName, isPersonName, isPlaceWord, isSignatureLine, isSigningName } from './names';
import { dashSignatureByline, isAuthorLine, isBareAuthorLine, positionedName, signsAsBody } from './author';
import { isDashSignature, isDateSignature, isPhotoCredit } from './line-features';
import {
  announcesWhatFollows,
  endsMidSentence,
  endsSentence,
  hasPictureMark,
  isCaptionText,
  isDeskSignature,
  isUnitSignature,
  isExclaimHead,
  PHOTO_NOTE_CREDIT,
  REPORTER_LINE,
  isArtworkTitle,
  isCoupletLine,
  EDITORS_WORD,
  isHeadNote,
  isMarker,
  ITEM_MARK,
  CHAPTER_HEAD,
  FIRST_PART,
  isFigureHeavy,
  isFigureRow,
  isIssueLine,
  isNameListTitle,
  isRankingRow,
  isSeparatorLine,
  isNumberedHead,
  isPhotoItemHead,
  isPointSummary,
  isTitleLike,
  type Unit,
} from './lines';

const HEADING_MAX = 30;
/** A line this long without a sentence end is a cut paragraph, not a subhead. */
const LONG_LINE = 32;

/** A letter's writer and place under it, in a column of letters: `———王文西（山东）`, `———李东旭马丽静（辽宁）`. */
const LETTER_SIGNATURE = /^[—－]{2,3}[\u4e00-\u9fa5]{2,12}[（(][\u4e00-\u9fa5]{2,8}[）)]$/;

function trailingCredit(text: string): { credit: string; rest: string } | undefined {
  const m = withoutSourceNote(text).match(/^(.*[。！？!?…”’」』])\s*[（(]([^（）()]{1,40})[）)]$/);
  if (!m) return undefined;
  const inner = `（${m[2]}）`;
  // A credit (`（彭振海）`), or a writer's unit and name(s) signing a letter (`（湖北某县交通局熊承元毕宗锐）`).
  if (!isBylineLine(inner) && !isSignatureLine(inner)) return undefined;
  return { credit: inner, rest: m[1] };
}

/** An author line under a headline as a byline: an office and a name is one person (`国家税务总局党组书记、副局长项怀诚`). */
function authorByline(t: string, warnings: string[]): Byline {
  const p = positionedName(t);
  if (!p) return parseByline(t, warnings);
  return emptyByline(t, { organization: p.office, reporters: [p.name] });
}

/** The writer an author line names (`李 斌`, `国务院总理\u3000李鹏`); undefined when it names no one (`核心阅读`). */
function namedWriter(t: string): Byline | undefined {
  if (!isAuthorLine(t)) return undefined;
  const b = authorByline(t, []);
  return namesSomeone(b) ? b : undefined;
}

/** A column of pictures, each a caption over its credit. */
const PICTURE_COLUMN = /^(?:图片新闻|新闻图片|摄影报道|图片报道)$/;

/** The label of a lead-in box over an e-paper article's text (`核心阅读` ⏎ one paragraph). */
const LEAD_IN_LABEL = /^(?:核心阅读|开栏的话|编者按|导读|内容提要|提要)$/;

export interface BuildOptions {
  /** E-paper layout (`layout.ts`): the flush lines on top are the headline block, each indented line a paragraph. */
  indented?: boolean;
}

/** E-paper layout: the flush lines on top are the headline block (author lines and picture marks aside). */
function readFlushHead(content: Unit[], warnings: string[]): { titleLines: string[]; notes: string[]; byline?: Byline; k: number; sawPictureMark: boolean } {
  const titleLines: string[] = [];
  const notes: string[] = [];
  let byline: Byline | undefined;
  let sawPictureMark = false;
  let k = 0;
  for (; k < content.length && !content[k].indent; k++) {
    const t = content[k].text;
    // An editor's note set flush over the headline (`编者按：…。本版今起推出…。`) is no headline line
    // (a deck of sentences under the title is: its subtitle): the first paragraph of the text.
    if (/^(?:编者按|编者的话|编前话?|按语)[：:]/.test(t) && endsSentence(t)) {
      notes.push(t);
      continue;
    }
    // The last flush line ending in `：` under a headline opens the body (`亲爱的同学们：`).
    if (titleLines.length > 0 && /[：:]$/.test(t) && content[k + 1]?.indent) break;
    // A dateline set flush on a line of its own (`本报北京1月21日电（记者王浩）`) opens the body: it is
    // never a headline line.
    const dl = titleLines.length > 0 ? matchDateline(t) : undefined;
    if (dl && dl.length >= t.length - 1) break;
    // A writer's name set flush under the headline as papers set one, spaced (`李 拯`, `张 岩  王 浩`):
    // the byline (a bare name, `黄大年`, may be the title of a profile).
    const writer = titleLines.length > 0 && /^[\u4e00-\u9fa5]{1,3}(?:[ \u3000]+[\u4e00-\u9fa5]{1,3})+$/.test(t) ? namedWriter(t) : undefined;
    if (isMarker(t)) sawPictureMark = true;
    else if (isBylineLine(t)) byline = mergeBylines(byline, parseByline(t, warnings));
    else if (writer) byline = mergeBylines(byline, writer);
    else titleLines.push(t);
  }
  return { titleLines, notes, byline, k, sawPictureMark };
}

export function buildArticle(all: Unit[], idx: number[], opts: BuildOptions = {}): ParsedArticle {
  const warnings: string[] = [];
  // Continuation notes (`（下转第二版）`, `（上接第一版）`): the pages the article runs on to and from.
  let continuedTo: number | undefined;
  let continuedFrom: number | undefined;
  const content = idx.map((i) => all[i]).filter((u) => !u.furniture);
  for (const i of idx) {
    const fu = all[i].furniture;
    if (fu?.kind === 'continued-to') {
      warnings.push(`文章转至第 ${fu.page ?? '?'} 版继续`);
      continuedTo ??= fu.page;
    }
    if (fu?.kind === 'continued-from') {
      warnings.push(`文章接自第 ${fu.page ?? '?'} 版`);
      continuedFrom ??= fu.page;
    }
  }
  // The span runs from the first content line to the last, and over the page-staff lines that
  // close the article (`版式设计：X`, `本版责编：X`): they stand in its column, though not in its text.
  const spanUnits = idx.map((i) => all[i]).filter((u, j, list) => !u.furniture || (u.furniture.kind === 'credit' && list.slice(0, j).some((x) => !x.furniture)));
  const charStart = (spanUnits[0] ?? all[idx[0]]).start;
  const charEnd = (spanUnits[spanUnits.length - 1] ?? all[idx[idx.length - 1]]).end;

  // ---- headline block ----
  const titleLines: string[] = [];
  const captions: string[] = [];
  let byline: Byline | undefined;
  let k = 0;
  let sawPictureMark = false;
  const headNotes: string[] = [];
  if (opts.indented) {
    const head = readFlushHead(content, warnings);
    titleLines.push(...head.titleLines);
    headNotes.push(...head.notes);
    byline = head.byline;
    k = head.k;
    sawPictureMark = head.sawPictureMark;
  } else {
    // A photo set above the headline: caption lines, then a `X 摄` credit.
    while (k + 1 < content.length && !isTitleLike(content[k].text) && isPhotoCredit(content[k + 1].text)) {
      captions.push(content[k].text);
      byline = mergeBylines(byline, parseByline(content[k + 1].text, warnings));
      k += 2;
    }
    // A run of many headline-shaped lines is verse or a list box: only its first line is the headline.
    let run = k;
    while (run < content.length && (isTitleLike(content[run].text) || isMarker(content[run].text))) run++;
    // So is a table's title over its rows of figures (`股市行情` ⏎ `上证综合指数 １２０５．３４ …`).
    const table = run - k >= 3 && content.slice(k + 1, run).every((u) => isFigureHeavy(u.text));
    const maxTitleLines = run - k > 4 || table ? 1 : 4;
    while (k < content.length) {
      const t = content[k].text;
      const full = titleLines.length >= maxTitleLines;
      if (isMarker(t)) {
        sawPictureMark = true;
        k++;
        continue;
      }
      if (titleLines.length > 0 && isHeadNote(t) && !isBylineLine(t)) {
        if (/图片|照片/.test(t)) sawPictureMark = true;
        headNotes.push(t);
        k++;
        continue;
      }
      // A name list's rows open under its title, an office's (`主任\u3000张某某`) or a group's heading first.
      if (isNameListTitle(titleLines[titleLines.length - 1] ?? '')) break;
      if (titleLines.length > 0 && isAuthorLine(t) && !matchDateline(t)) {
        // Under the writer's name, a short line that names no one opens the text (a poem's first
        // line: `雪` ⏎ `王某` ⏎ `一夜之间`).
        if (byline && namesSomeone(byline) && !namedWriter(t)) break;
        byline = mergeBylines(byline, authorByline(t, warnings));
        k++;
        continue;
      }
      // `如此美容美发店！` over an author line, a dateline, a pictured headline (`周小燕老师，您辛苦了！` ⏎
      // `八十高龄亲率众学生…（附图片１张）`) or (opening the article) a paragraph of running text.
      const exclaim =
        titleLines.length === 0 &&
        isExclaimHead(t) &&
        !!content[k + 1] &&
        (!!matchDateline(content[k + 1].text) ||
          (k === 0 && content[k + 1].text.length >= 60 && !isTitleLike(content[k + 1].text)) ||
          (isAuthorLine(content[k + 1].text) && (isBylineLine(content[k + 1].text) || !content[k + 2] || !isTitleLike(content[k + 2].text))) ||
          (isTitleLike(content[k + 1].text) && hasPictureMark(content[k + 1].text)));
      // Any short line with no full stop that opens the article over a reporter's byline
      // (`饭桌上，谁先动筷子？——孩子，还是老人？` ⏎ `本报记者祝华新`), as segment.ts reads it.
      const overByline = titleLines.length === 0 && k === 0 && t.length <= 30 && !/[。；;：:]/.test(t) && !!content[k + 1] && REPORTER_LINE.test(content[k + 1].text.replace(/\s+/g, ''));
      if ((!isTitleLike(t) && !exclaim && !overByline) || full) break;
      // A roundup's first place label (`东亚货币继续贬值` ⏎ `泰国` ⏎ `本报曼谷…电`) opens its body.
      if (titleLines.length > 0 && t.length <= 5 && isPlaceWord(t) && content[k + 1] && matchDateline(content[k + 1].text)) break;
      // A headline-shaped line set apart by a wide gap just before the body is a photo caption.
      const next = content[k + 1];
      if (titleLines.length > 0 && content[k].gap >= 2 && next && matchDateline(next.text)) {
        captions.push(t);
        k++;
        continue;
      }
      // A photo item's headline ends with its mark (`…出版（图片）`): a headline-shaped line under it is its caption.
      if (isPhotoItemHead(titleLines[titleLines.length - 1] ?? '')) break;
      // Couplets under the headline (`春联` ⏎ `天增岁月人增寿\u3000春满乾坤福满门` ⏎ …) open the body (`segment.ts` after-couplets).
      if (titleLines.length > 0 && !isCoupletLine(titleLines[0]) && isCoupletLine(t) && isCoupletLine(next?.text ?? '')) break;
      // A lead-in box's label under the headline (`开栏的话`, `核心阅读`) opens the body.
      if (titleLines.length > 0 && LEAD_IN_LABEL.test(t)) break;
      // The first part of a numbered list (`一、先进集体（共…个）`), or a law's or report's first
      // chapter (`第一章总则`, `第一部分`), opens the body.
      if (titleLines.length > 0 && FIRST_PART.test(t)) break;
      // A table's head row (`名称前年收盘本年开盘…`) over its rows of figures opens the body.
      if (titleLines.length > 0 && next && isFigureRow(next.text)) break;
      titleLines.push(t);
      if (hasPictureMark(t)) sawPictureMark = true;
      k++;
    }
  }

  // ---- body units ----
  let body = content.slice(k);
  // Trailing bylines and credits (standalone lines), read bottom up, signed in page order.
  let photoCredit = false;
  const tail: Byline[] = [];
  // The writer's name set alone after the text (`…赢得民心。` ⏎ `\u3000\u3000于 某`, or after the writer's
  // note) signs it too; on a page that is not e-paper text, a name as one reads a signature
  // (`isBareSignatureName`: not a poem's last line), never a desk or a body (`文艺部`, `国务院`).
  const writerBelow = (t: string) =>
    body.length > 1 &&
    t.replace(/\s+/g, '').length <= 4 &&
    (!!opts.indented || isBareSignatureName(t.replace(/\s+/g, ''))) &&
    !isDeskSignature(t) &&
    !signsAsBody(t) &&
    /[。！？”）)]$/.test(body[body.length - 2].text) &&
    !!namedWriter(t);
  const signs = (t: string) => isBylineLine(t) || isSignatureLine(t) || PHOTO_NOTE_CREDIT.test(t) || (body.length > 1 && (isDashSignature(t) || isDeskSignature(t))) || writerBelow(t);
  // A letter's date under its signature (`本报群众工作部` ⏎ `１９９８年１月７日`) is part of the sign-off; so is a
  // notice's under the body that issues it (`某某同志治丧委员会` ⏎ `１９９８年２月５日`), its organisation, or
  // a decree's under its officer (`中华人民共和国主席\u3000江泽民` ⏎ date), the office and the name.
  const signedDate = (j: number) => j >= 2 && isDateSignature(body[j].text) && (signs(withoutSourceNote(body[j - 1].text)) || signsAsBody(body[j - 1].text));
  while (body.length > 0 && (signs(withoutSourceNote(body[body.length - 1].text)) || signedDate(body.length - 1))) {
    const t = withoutSourceNote(body[body.length - 1].text);
    if (signedDate(body.length - 1)) {
      tail.unshift(emptyByline(t));
      body = body.slice(0, -1);
      // The bodies over the date (`中共中央` ⏎ `国务院`), read here (a desk or a writer signing so is read
      // as any signature, below); an officer as an author line is (`中华人民共和国主席\u3000江泽民`).
      const units: string[] = [];
      while (body.length > 1 && units.length < 3 && signsAsBody(body[body.length - 1].text)) {
        const unit = withoutSourceNote(body[body.length - 1].text);
        if (signs(unit)) break;
        body = body.slice(0, -1);
        if (isUnitSignature(unit)) units.unshift(unit);
        else tail.unshift(authorByline(unit, warnings));
      }
      if (units.length > 0) tail.unshift(emptyByline(units.join(' '), { organization: units.join('、') }));
      continue;
    }
    if (isPhotoCredit(t)) photoCredit = true;
    const prev = body[body.length - 2];
    const below = writerBelow(t);
    const desk = !below && !isBylineLine(t) && !isSignatureLine(t) && !isDashSignature(t) && !PHOTO_NOTE_CREDIT.test(t);
    tail.unshift(desk ? emptyByline(t, { department: t.replace(/^本报/, '') }) : isDashSignature(t) ? dashSignatureByline(t) : below ? authorByline(t, warnings) : parseByline(t, warnings));
    // A credit right after a caption belongs to the caption, not to the article end.
    if (prev && isCaptionText(prev.text)) break;
    body = body.slice(0, -1);
  }
  // A letter's writer signing above the editor's word on it (`河北省某县某村村民\u3000王某某` ⏎ `编者附言：…`, or
  // `来信反映的问题已转交有关部门处理。`): the signature signs the letter; the word after it stays in the text.
  if (tail.length === 0 && body.length >= 3) {
    const j = body.length - 2;
    if (callingSignature(body[j].text.replace(/^[（(]|[）)]$/g, '')) && endsSentence(body[j - 1].text) && EDITORS_WORD.test(body[j + 1].text)) {
      tail.push(parseByline(body[j].text, warnings));
      body = [...body.slice(0, j), body[j + 1]];
    }
  }
  for (const b of tail) byline = mergeBylines(byline, b);

  // A writer's bare name under the intro paragraph (`痛说赝品` ⏎ `导语` ⏎ `南宫品` ⏎ text) signs the feature.
  if (!byline && titleLines.length > 0 && body.length >= 3 && !isTitleLike(body[0].text) && !isTitleLike(body[2].text) && isBareAuthorLine(body[1].text, body.slice(2).find((u) => isTitleLike(u.text))?.text)) {
    byline = authorByline(body[1].text, warnings);
    body = [body[0], ...body.slice(2)];
  }
  // A symposium: a lead that announces its sections with a dash (`…特邀几位文学评论家评说———`), each a
  // subhead over its writer's bare name over running text (`更求长篇精品` ⏎ `雷达` ⏎ `１９９７年…`):
  // every writer signs the piece. The names stay where the page prints them, each a line of its own
  // (never joined to the text under it). (segment.ts `announced-section` keeps the sections together.)
  /** Where each section writer's line starts. */
  const sectionWriters = new Set<number>();
  if (!byline && titleLines.length > 0 && body.length >= 4 && announcesWhatFollows(body[0].text)) {
    body.forEach((u, j) => {
      if (j >= 2 && isTitleLike(body[j - 1].text) && !!body[j + 1] && !isTitleLike(body[j + 1].text) && isBareAuthorLine(u.text, undefined)) {
        sectionWriters.add(u.start);
        byline = mergeBylines(byline, authorByline(u.text, warnings));
      }
    });
  }

  // ---- second-pass reflow inside the article ----
  const listLike =
    body.length >= 3 && body.filter((u) => !endsSentence(u.text)).length >= body.length * 0.6;
  const merged: Unit[] = [];
  for (let i = 0; i < body.length; i++) {
    const u = body[i];
    const prev = merged[merged.length - 1];
    // On e-paper text each indented line is a whole paragraph.
    if (prev && !(opts.indented && u.indent)) {
      const next = body[i + 1];
      const apart = sectionWriters.has(u.start) || sectionWriters.has(prev.start);
      let join = !apart && runsOn(prev, u);
      // A long line with no sentence end is a cut paragraph (not in list-like boxes or verse, nor a
      // note wholly in parentheses: `（…会议通过）`).
      if (!join && !apart && !listLike && prev.text.length >= LONG_LINE && !endsSentence(prev.text) && !/^[（(][^（）()]+[）)]$/.test(prev.text) && !isTitleLike(u.text) && runsOn(prev, u, false) === false && !isBylineLine(u.text) && !matchDateline(u.text) && !/[：:]$/.test(prev.text) && !isCaptionText(u.text) && !isRankingRow(prev.text)) {
        join = !isMarker(u.text);
      }
      if (join) {
        merged[merged.length - 1] = joinUnits(prev, u);
        continue;
      }
      if (
        !apart &&
        isTitleLike(u.text) &&
        isTitleLike(prev.text) &&
        prev.text.length <= HEADING_MAX &&
        next &&
        !isTitleLike(next.text) &&
        !endsSentence(u.text) &&
        !isIssueLine(u.text) &&
        !listLike &&
        merged.length >= 2 &&
        endsSentence(merged[merged.length - 2].text)
      ) {
        // [body][subhead][short cut line][body]: join the cut line with what follows.
        merged.push({ ...u });
        merged[merged.length - 1] = joinUnits(merged[merged.length - 1], next);
        i++;
        continue;
      }
    }
    merged.push({ ...u });
  }

  // ---- paragraphs, dateline, credits ----
  /**
   * A part's writer on a line of their own under its subhead, over its text: a writer of the piece, no
   * heading (a column of readers' comments, `来论`: `多把群众请进“议事厅”` ⏎ `河南洛阳\u3000邓某某`, the place
   * they write from; on e-paper text a bare name too, `别让“点赞”变了味` ⏎ `陶\u3000\u3000然`, and a poem's).
   */
  const partWriter = (k: number): boolean => {
    if (k === 0 || !isTitleLike(merged[k - 1].text) || !merged[k + 1]) return false;
    const t = merged[k].text;
    const name = (x: string) => isBareAuthorLine(x.replace(/^([\u4e00-\u9fa5])[ \u3000]+([\u4e00-\u9fa5])$/, '$1$2'), undefined);
    if (!isTitleLike(merged[k + 1].text)) return !!callingSignature(t) || (!!opts.indented && name(t));
    // (A poem's too, over its first line, in a group of poems on e-paper text: `田野上的光` ⏎ `郑某某` ⏎ verse;
    // not a name over another name, a list's.)
    return !!opts.indented && name(t) && !name(merged[k + 1].text) && !isBylineLine(merged[k + 1].text);
  };
  const paragraphs: Paragraph[] = [];
  let dateline: Dateline | undefined;
  let seenText = false;
  for (let i = 0; i < merged.length; i++) {
    let t = merged[i].text;
    const lc = leadingContinuation(t);
    if (lc) {
      warnings.push(`文章接自第 ${lc.page ?? '?'} 版`);
      continuedFrom ??= lc.page;
      t = t.slice(lc.length).trim();
    }
    const tc = trailingContinuation(t);
    if (tc) {
      warnings.push(`文章转至第 ${tc.page ?? '?'} 版继续`);
      continuedTo ??= tc.page;
      t = t.slice(0, -tc.length).trim();
    }
    if (!t) continue;
    if (isMarker(t)) {
      sawPictureMark = true;
      continue;
    }
    // (Nor has a summary under the headline, `江泽民强调：●…●…`, or a pictured line over the report,
    // `…会见出席会议代表（附图片１张）`: the report's dateline may still follow.)
    const headNotesOnly = !dateline && paragraphs.length > 0 && paragraphs.every((p) => isPointSummary(p.text) || hasPictureMark(p.text));
    if (!seenText || headNotesOnly) {
      // (A briefs column's item reads its dateline after its mark: `●据新华社哈尔滨１月１４日电\u3000（记者X）…`.)
      const mark = t.match(ITEM_MARK)?.[0].length ?? 0;
      const dl = matchDateline(t.slice(mark));
      if (dl) {
        if (dl.dateline.raw) dateline = dl.dateline;
        if (dl.credit) byline = mergeBylines(byline, parseByline(dl.credit, warnings));
        t = t.slice(mark + dl.length).replace(/^[\s：:，,]+/, '');
        if (!t) continue;
      }
    }
    const isLast = i === merged.length - 1;
    const photoItem = isPhotoItemHead(titleLines[0] ?? '') && !dateline;
    // A numbered picture (`1、…` ⏎ `（X 摄）`), or any picture of a 图片新闻 column, is a caption.
    const creditNext = !!merged[i + 1] && isPhotoCredit(withoutSourceNote(merged[i + 1].text));
    const pictureColumn = PICTURE_COLUMN.test(titleLines[titleLines.length - 1] ?? '');
    const caption =
      photoItem ||
      (creditNext && (isNumberedHead(t) || pictureColumn)) ||
      isCaptionText(t) ||
      (!seenText && !dateline && captions.length === 0 && sawPictureMark && i + 1 < merged.length && !!matchDateline(merged[i + 1].text));
    if (caption) {
      // (Its credit in brackets, or set apart after its sentence: `图①：春日的太行山。  赵某某摄`.)
      const credit = withoutSourceNote(t).match(/[（(]([^（）()]*摄[^（）()]*)[）)]$/) ?? t.match(/(?<=[。！？]\s+)[\u4e00-\u9fa5·、\s]{2,20}摄(?:影)?$/);
      if (credit) byline = mergeBylines(byline, parseByline(credit[0], warnings));
      captions.push(t);
      continue;
    }
    // A byline under the intro paragraph (`导语` ⏎ `本报记者 X` ⏎ subhead), or over one section of
    // a feature written by several (`本报记者 杨明方 阿尔达克`): the article's byline, not its text.
    // (So is a credit set with its role and a colon, slash or bar as the first line: `作者：X`, `文｜X`.)
    const creditLead = paragraphs.length === 0 && /^(?:作者|撰文|文图|图文|文|图|摄影)\s*[：:｜|/／]/.test(t);
    if (isBylineLine(t) && !/^[（(]/.test(t) && !isPhotoCredit(t) && ((paragraphs.length <= 2 && merged[i + 1] && isTitleLike(merged[i + 1].text)) || (/^(?:本报|新华社)?(?:驻[\u4e00-\u9fa5]{1,10}?)?(?:特约|特派)?记者/.test(t) && t.length <= 30) || creditLead)) {
      byline = mergeBylines(byline, parseByline(t, warnings));
      continue;
    }
    // On e-paper text a writer's name indented under the headline, over the running text
    // (`人民时评` ⏎ `防控不松劲 生产不停步` ⏎ `\u3000\u3000李 斌` ⏎ `\u3000\u3000疫情防控是…`), signs the piece; not the
    // first of a series of profiles whose subheads are names (`isBareAuthorLine`).
    const nextSubhead = () => merged.slice(i + 2).find((u) => isTitleLike(u.text))?.text.replace(/\s+/g, '');
    // (Or under the lead-in box set over the text: `核心阅读` ⏎ its paragraph ⏎ `\u3000\u3000谢某某`.)
    const underHead = paragraphs.length === 0 || (paragraphs.length === 2 && LEAD_IN_LABEL.test(paragraphs[0].text));
    // (So does the paper's commentator: `人民日报评论员`.)
    const writer = opts.indented && underHead && !dateline && isAuthorLine(t) ? authorByline(t, []) : undefined;
    if (writer && (namesSomeone(writer) || /评论员$/.test(t)) && !!merged[i + 1] && !isPersonName(nextSubhead() ?? '')) {
      // (Before the credits read from the end: `谢某某 （作者为中央党校教授）`.)
      byline = byline ? mergeBylines(writer, byline) : writer;
      continue;
    }
    const noted = withoutSourceNote(t);
    // The photographer's credit on the line under a caption (`图为…` ⏎ `蒋雪林摄（人民视觉）`) is the
    // caption's, read into the byline with the article's last lines: not a paragraph of the text.
    if (captions.length > 0 && captions[captions.length - 1] === merged[i - 1]?.text && isPhotoCredit(t)) {
      if (!byline?.raw.includes(noted)) byline = mergeBylines(byline, parseByline(noted, warnings));
      continue;
    }
    if (isBylineLine(noted) && /^[（(]/.test(t)) {
      // A credit line inside the body (`（Ａ、Ｂ）` between parts): keep it out of the text.
      byline = mergeBylines(byline, parseByline(noted, warnings));
      continue;
    }
    if (isLast) {
      const cd = matchClosingDateline(t);
      if (cd) {
        dateline ??= cd.dateline;
        t = t.slice(0, -cd.length).trim();
      } else {
        const tcred = trailingCredit(t);
        if (tcred) {
          byline = mergeBylines(byline, parseByline(tcred.credit, warnings));
          t = tcred.rest;
        }
      }
      if (!t) continue;
    }
    const next = merged[i + 1];
    // (Before any text only a roundup's place label over its dated part: `泰国` ⏎ `本报曼谷…电`.)
    const placeLabel = !seenText && t.length <= 5 && next !== undefined && isPlaceWord(t) && !!matchDateline(next.text);
    const signsPart = partWriter(i);
    // A chapter's head (`第一章总则`) is a heading even as the body's first line.
    const heading =
      (seenText || placeLabel || CHAPTER_HEAD.test(t)) &&
      !listLike &&
      next !== undefined &&
      isTitleLike(t) &&
      (t.length <= HEADING_MAX || isNumberedHead(t)) &&
      !endsMidSentence(t) &&
      // A signature inside the text (`———王文西（山东）`, a quotation's `——习近平`, a part's writer) is no heading.
      !isDashSignature(t) &&
      !signsPart;
    if (signsPart) byline = mergeBylines(byline, authorByline(t, warnings));
    paragraphs.push({ type: heading ? 'heading' : 'text', text: t });
    if (!placeLabel) seenText = true;
  }
  // Credits further down the text: a roundup's later datelines (`本报广州１月５日电（记者安江）`) and
  // picture credits inside a paragraph (`（见图新华社记者安小虎摄）`) name people of this article too.
  // So do the writers who sign a part of it and stay in its text: a paragraph closed by its writer's
  // bare name over the pictures, the afterword or the next part (`…深刻的印象。（闻力）` ⏎ `图片：`), and
  // each letter of a column signed with a dash and the writer's place (`———王文西（山东）`). (Not a word
  // in brackets, `（掌声）`, nor the source of a quotation, `——习近平`.)
  // (Only a signature that names someone: `…。（上）` marks a serial's part.)
  for (const p of paragraphs) {
    const letter = LETTER_SIGNATURE.test(p.text) ? dashSignatureByline(p.text) : undefined;
    if (letter && namesSomeone(letter)) byline = mergeBylines(byline, letter);
    if (p.type !== 'text') continue;
    const signed = trailingCredit(p.text);
    const bare = signed?.credit.match(/^（([\u4e00-\u9fa5]{2,4})）$/)?.[1];
    const part = signed && (!bare || isSigningName(bare)) ? parseByline(signed.credit, warnings) : undefined;
    if (part && namesSomeone(part)) byline = mergeBylines(byline, part);
    if (p === paragraphs[0]) continue;
    const dl = matchDateline(p.text);
    if (dl?.credit) byline = mergeBylines(byline, parseByline(dl.credit, warnings));
    for (const m of p.text.matchAll(/[（(](?:见图|见压题照片|剧照见图|图为?)?([^（）()]{2,30}摄)[）)]/g)) {
      if (isPhotoCredit(`（${m[1]}）`)) byline = mergeBylines(byline, parseByline(`（${m[1]}）`, warnings));
    }
    // A closing note naming the reporters: `（据新华社柏林电 记者张毅荣）`, `（综合本报记者A、B报道）`,
    // `（作者为…，本报记者车斌采访整理）`.
    const note = p.text.match(/[（(][^（）()]*?((?:本报|新华社)?(?:特约)?记者[^（）()，,；;]{2,80}?)(?:采访整理|整理|采写|报道)?[）)]$/);
    if (note && (p === paragraphs[paragraphs.length - 1] || /^[（(]/.test(p.text) || /[。！？”][（(]/.test(p.text))) byline = mergeBylines(byline, parseByline(note[1], warnings));
  }
  // A separator mark left at the end (`○`, `＊＊＊` before the next piece) parts nothing here: not text.
  while (paragraphs.length > 1 && paragraphs[paragraphs.length - 1].type === 'text' && isSeparatorLine(paragraphs[paragraphs.length - 1].text)) paragraphs.pop();
  // `（作者为北京市社会科学院研究员）` closing a signed piece: the writer's affiliation, not body text.
  const last = paragraphs[paragraphs.length - 1];
  const about = last?.type === 'text' ? last.text.match(/^[（(]作者(?:为|系|是|单位[：:]?)\s*([^（）()]{2,40})[）)]$/) : null;
  if (about) {
    paragraphs.pop();
    const b = byline ?? emptyByline('');
    // (An affiliation is no desk of the paper: it is the writer's organisation, never a department.)
    byline = { ...b, raw: `${b.raw} ${last.text}`.trim(), organization: b.organization ?? about[1] };
  }
  // A picture with its credit line under a headline (`荔枝林里采摘忙` ⏎ caption ⏎ `通讯员 X 摄`): the text is its caption.
  // (In the order printed: before the captions read under it, after those set above the headline.)
  // (Not when a caption of its own stands under the text, over the credit, `…借鉴。` ⏎ `图为…` ⏎ `X摄`,
  // outside a column of pictures: the text is a piece's.)
  const at = (x: string) => merged.findIndex((u) => u.text === x);
  const captionBelow = (x: string) => at(x) >= 0 && captions.some((c) => at(c) > at(x)) && !PICTURE_COLUMN.test(titleLines[titleLines.length - 1] ?? '');
  if (photoCredit && !dateline && paragraphs.length === 1 && paragraphs[0].type === 'text' && paragraphs[0].text.length < 200 && !(opts.indented && captionBelow(paragraphs[0].text))) {
    const text = paragraphs.pop()!.text;
    if (captions.length > 0 && at(captions[0]) > at(text) && at(text) >= 0) captions.unshift(text);
    else captions.push(text);
  }
  for (const n of headNotes.reverse()) {
    const clean = n.replace(/[（(](?:附)?图片[^（）()]{0,6}[）)]/g, '');
    if (clean) paragraphs.unshift({ type: 'text', text: clean });
  }
  for (const c of captions) paragraphs.push({ type: 'caption', text: c });

  // ---- title fields and kind ----
  let kicker: string | undefined;
  let title = '';
  let subtitle: string | undefined;
  // Item marks are layout, not words: `■教育部部署…` → `教育部部署…`.
  for (let i = 0; i < titleLines.length; i++) titleLines[i] = titleLines[i].replace(ITEM_MARK, '') || titleLines[i];
  if (titleLines.length > 0) ({ kicker, title, subtitle } = readHeadline(titleLines));
  if (titleLines.length > 0 && isArtworkTitle(titleLines[0])) sawPictureMark = true;
  const textParas = paragraphs.filter((p) => p.type !== 'caption');
  const textChars = textParas.reduce((n, p) => n + p.text.length, 0);
  let kind: ParsedArticle['kind'] = 'story';
  if (!title) {
    // (Without the item's mark: `▲上海推出“放心菜”工程。…` → `上海推出“放心菜”工程…`.)
    const first = (textParas[0]?.text ?? paragraphs[0]?.text ?? '').replace(ITEM_MARK, '');
    const sentence = first.match(/^[^。！？!?]{1,40}/)?.[0] ?? first.slice(0, 40);
    title = sentence.length < first.length ? `${sentence}…` : sentence;
    warnings.push('没有标题，用首句代替');
    kind = textParas.length === 0 ? 'photo' : 'brief';
  } else if (textParas.length === 0 || (sawPictureMark && /图片|照片/.test(titleLines.join('')) && textChars < 200 && !dateline)) {
    kind = textParas.length === 0 && captions.length === 0 && !sawPictureMark ? 'brief' : 'photo';
    if (textParas.length > 0 && textChars >= 200) kind = 'story';
  } else if (!byline && !dateline && textParas.length >= 2 && textChars / textParas.length < 120) {
    kind = 'sidebar';
  } else if (textParas.length === 1 && textChars < 200 && !subtitle) {
    kind = 'brief';
  }
  if (!byline && textParas.length > 0 && kind === 'story' && /(?:记者|通讯员)\s/.test(textParas[textParas.length - 1].text)) {
    warnings.push('结尾疑似署名，但未能解析');
  }
  // Last, so the kind above is read from the text as it stood.
  const cut = cutLongParagraphs(paragraphs, warnings);

  const article: ParsedArticle = {
    kind,
    title,
    paragraphs: cut,
    warnings,
    charStart,
    charEnd,
  };
  if (kicker) article.kicker = kicker;
  if (subtitle) article.subtitle = subtitle;
  if (dateline) article.dateline = dateline;
  if (byline) article.byline = byline;
  if (continuedTo !== undefined) article.continuedTo = continuedTo;
  if (continuedFrom !== undefined) article.continuedFrom = continuedFrom;
  return article;
}
