/**
 * Split a page's units into articles.
 *
 * An article is: headline block (kicker/title/subtitle, author line, picture
 * marker), optional captions, a body (often opened by a dateline), and maybe a
 * closing byline or credit. A new article starts at
 * - a headline-shaped line once the current article has a body, when the page
 *   says so: the current article is closed (byline, credit, closing dateline,
 *   continuation note), a wide gap precedes it, a dateline or author line follows
 *   its headline block, it carries a picture mark, or its block has several lines;
 *   on pages whose articles end with bylines, only closure, a gap or a following
 *   dateline count (otherwise it is an in-article subhead);
 * - a paragraph opening with a dateline (`本报讯…`, `新华社…电`) once the
 *   current article has running text: a headline-less brief.
 * Runs of more than four headline-shaped lines are verse or lists, never headlines.
 */
import { BRIEF_COHESION, cohesion, isBriefLead, isLooseBriefLead } from './brief';
import { isBylineLine } from './byline';
import { matchClosingDateline, matchDateline } from './dateline';
import { trailingContinuation } from './furniture';
import { isAuthorLine } from './author';
import { isSignatureLine } from './names';
import { asciiDigits, parseNumber } from './numbers';
import {
  endsSentence,
  hasPictureMark,
  isCaptionText,
  isArtworkTitle,
  isColumnLabel,
  isExclaimHead,
  isHeadNote,
  isMarker,
  isTeaser,
  isNumberedHead,
  isTitleLike,
  type Unit,
} from './units';

export interface Segment {
  /** Indexes into the unit list (furniture inside an article included). */
  units: number[];
}

const MAX_HEAD = 4;

/** A line that is one quotation: `“你们的消息太及时了”`. */
const QUOTED_LINE = /^[“「『"][^“”「」『』"]{2,30}[”」』"]$/;

/**
 * A signature or an attribution opened by a dash: `———李东旭马丽静（辽宁）`, `——编 者`,
 * `——某市市长某某`. (Under a headline the same shape is a subtitle: callers ask only after running text.)
 */
export function isDashSignature(t: string): boolean {
  return /^[—－-]{2,}\s*[\u4e00-\u9fa5·][\u4e00-\u9fa5· —]{1,28}(?:[（(][\u4e00-\u9fa5]{2,8}[）)])?$/.test(t) && !/[，,。；;：:！？]/.test(t);
}

/** Two characters padded apart: `缘 起`. */
const PADDED_PAIR = /^[\u4e00-\u9fa5] [\u4e00-\u9fa5]$/;

/** Ends with a column's tag in brackets (`…（人民论坛）`, `…（新闻随笔）`), not a picture note, a part or an artwork. */
export function isColumnTagged(t: string): boolean {
  const m = t.match(/[（(]([^（）()]{2,12})[）)]$/);
  if (!m || m.index! < 4) return false;
  return !/图|照片|附|[上中下续]|[一二三四五六七八九十]|^\d|^[０-９]/.test(m[1]) && !isArtworkTitle(t);
}

export { isAuthorLine };

export interface Feature {
  title: boolean;
  dateline: boolean;
  byline: boolean;
  closer: boolean;
  marker: boolean;
  note: boolean;
  caption: boolean;
}

/** What a line looks like, read once per line (the splitter's and `--explain`'s classes). */
export function features(u: Unit): Feature {
  const t = u.text;
  const byline = !u.furniture && isBylineLine(t);
  const dl = !u.furniture && !!matchDateline(t);
  return {
    title: !u.furniture && isTitleLike(t),
    dateline: dl,
    byline,
    closer:
      byline ||
      !!matchClosingDateline(t) ||
      !!trailingContinuation(t) ||
      /——编者$|—编者$|^编后[：:]/.test(t) ||
      endsWithCredit(t) ||
      (u.furniture?.kind === 'continued-to') ||
      // A 导读 box ends with its last teaser line; a letter with its signature (`（…支队刘业国）`).
      (!u.furniture && (isTeaser(t) || isSignatureLine(t))),
    marker: !u.furniture && isMarker(t),
    note: !u.furniture && isHeadNote(t) && !byline,
    caption: !u.furniture && isCaptionText(t),
  };
}

/** A photo credit line: `本报记者 X 摄`, `X 摄`, `（新华社记者X摄）`. */
export function isPhotoCredit(t: string): boolean {
  return isBylineLine(t) && /摄(?:影)?[）)]?$/.test(t);
}

/** A paragraph closed by a bare credit: `…项目。（孙贤迅）`. */
export function endsWithCredit(t: string): boolean {
  const m = t.match(/[。！？!?…”’」』][（(]([^（）()]{1,30})[）)]$/);
  return !!m && isBylineLine(`（${m[1]}）`);
}

/** Called for each content line after an article's first: whether it opens a new article, and the rule that said so. */
export type SegmentTrace = (unit: number, start: boolean, rule: string) => void;

export interface SegmentOptions {
  /** Articles on this page end with a byline line (大众日报 style). */
  closingStyle: boolean;
  trace?: SegmentTrace;
}

export function segment(units: Unit[], opts: SegmentOptions): Segment[] {
  const f = units.map(features);
  // `如此美容美发店！` over an author line or a dateline is a headline.
  for (let i = 0; i + 1 < units.length; i++) {
    if (f[i].title || units[i].furniture || units[i + 1].furniture || !isExclaimHead(units[i].text)) continue;
    const after = units[i + 2];
    const authorNext = isAuthorLine(units[i + 1].text) && (f[i + 1].byline || !after || !isTitleLike(after.text));
    if (f[i + 1].dateline || authorNext) f[i].title = true;
  }
  const segs: Segment[] = [];
  let cur: number[] = [];
  let hasBody = false;
  let hasText = false;
  let closed = false;
  let topAuthor = false;
  let headless = false;
  let pictureTitle = false;
  let hasDateline = false;
  let headCount = 0;
  let verseLines = 0;
  let photoTop = false;
  let photoItem = false;
  /** The headline block carries a picture mark (`（附图片１张）`). */
  let picHead = false;
  /** Body units so far that are photo captions or credits only (a picture under the headline). */
  let captionBody = true;
  /** The article is an artwork or photo item closed by its credit (`一元复始（篆刻）` ⏎ `（韦耀中）`). */
  let creditItem = false;
  /** First headline line and first running-text paragraph of the current article (unit indexes). */
  let headAt = -1;
  let leadAt = -1;
  /** Inside a list opened by a line ending in `：` (its items are short unpunctuated lines). */
  let listOpen = false;
  /** Pictures the headline announces (`（附图片２张）`), and caption lines still expected after `图片：`. */
  let picCount = 0;
  let captionsLeft = 0;

  const headBlock = (i: number): number => {
    let j = i;
    while (j < units.length && j - i <= MAX_HEAD && !units[j].furniture && (f[j].title || f[j].marker || (j > i && f[j].note) || (j > i && isAuthorLine(units[j].text) && !f[j].dateline))) j++;
    return j - i;
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
    if (hasText && isDashSignature(u.text)) return at('dash-signature', false);
    if (f[i].title) {
      if (creditItem) return at('after-credit-item', true);
      if (!hasBody) return at('headline-before-body', false);
      const prevText = units[i - 1]?.text ?? '';
      // A column label, a headline with a picture mark after a finished article, any headline after a photo item.
      if (isColumnLabel(u.text)) return at('column-label', true);
      if (hasPictureMark(u.text) && hasText) return at('picture-mark-after-text', true);
      // The caption under `图片：`, an item of a list opened by `…有：`.
      if (captionsLeft > 0 || (/[：:]$/.test(prevText) && u.gap < 2)) return at('caption-or-list-item', false);
      if (photoItem && !isNumberedHead(u.text)) return at('after-photo-item', true);
      const len = headBlock(i);
      const authorNext = units[i + 1] && !units[i + 1].furniture && isAuthorLine(units[i + 1].text) && !f[i + 1].dateline;
      if (isNumberedHead(u.text)) return at('numbered-subhead', u.gap >= 2);
      if (len > MAX_HEAD) return at('long-block', authorNext && (closed || endsSentence(units[i - 1]?.text ?? '')));
      const next = units[i + len];
      const nextF = next ? f[i + len] : undefined;
      const gap = u.gap >= 2;
      const nextDateline = !!nextF?.dateline;
      const block = units.slice(i, i + len).map((x) => x.text);
      const author = block.slice(1).some((t) => isAuthorLine(t));
      // Verse: short unpunctuated lines continue the poem unless an author line follows.
      if (verseLines >= 3 && !hasText && !authorNext && !gap && !closed) return at('verse', false);
      // A roundup's place labels (`江西` ⏎ `本报南昌１月５日电…`): a datelined article goes on.
      if (nextDateline && !closed && !gap && len === 1 && u.text.length <= 4 && hasDateline && hasText) return at('roundup-place-label', false);
      if (closed || gap || nextDateline) return at('closed-gap-or-dateline', true);
      if (opts.closingStyle) return at('closing-byline-page-subhead', false);
      // Under a pictured headline that so far carries only its picture, lines like `荣誉…` ⏎ `工作单位…` are a fact box.
      if (picHead && captionBody && !author) return at('fact-box', false);
      // Items of a list opened by `…有：`.
      if (listOpen) return at('list-item', false);
      if (author || hasPictureMark(u.text) || block.some((t) => isMarker(t))) return at('author-line-or-picture', true);
      // Two characters set apart (`缘 起`, `春 色`): a subhead's type, never a headline's.
      if (len === 1 && PADDED_PAIR.test(u.text) && hasText) return at('padded-subhead', false);
      // A headline under a column's tag (`…（人民论坛）`, `…（新闻随笔）`) after running text opens a piece.
      if (hasText && isColumnTagged(u.text) && endsSentence(units[i - 1]?.text ?? '')) return at('column-tagged-headline', true);
      // A line that is one quotation (`“向改革要警力”`) after running text: a feature's subhead.
      if (len === 1 && QUOTED_LINE.test(u.text) && hasText) return at('quoted-subhead', false);
      if (!next) return at('page-end', false);
      // Two short lines of one length (`关爱道德模范` ⏎ `礼敬有德之人`) after running text: a couplet subhead.
      if (len === 2 && hasText && block[0].length === block[1].length && block[0].length <= 10 && !/[，,、]/.test(block.join(''))) return at('couplet-subhead', false);
      if (len >= 2) return at('multi-line-headline', true);
      // Headline, intro paragraph, byline (`标题` ⏎ `导语` ⏎ `本报记者 X`): a new signed feature.
      const intro = units[i + 1];
      const by = units[i + 2];
      if (intro && by && !intro.furniture && !f[i + 1].title && !f[i + 1].byline && (endsSentence(intro.text) || hasPictureMark(intro.text)) && f[i + 2].byline && !/^[（(]/.test(by.text) && !isPhotoCredit(by.text)) return at('headline-intro-byline', true);
      // Subheads, not headlines: clauses with commas, or inside a signed feature.
      if (/[，,]/.test(u.text) || topAuthor) return at('clause-or-signed-feature-subhead', false);
      if (nextF?.caption) return at('caption-follows', true);
      return at('one-line-headline-after-text', !!nextF && !nextF.title && hasText && endsSentence(units[i - 1]?.text ?? ''));
    }
    // A photo on top of the next story: its caption, then a `X 摄` credit line
    // (not the article's own picture: `图片：` ⏎ `图为…` ⏎ `（X摄）` under a pictured headline).
    const ownPicture = picHead && (/^(?:图为|[0-9０-９]{1,2}[、.．：:]\s*图为)/.test(u.text) || isMarker(units[i - 1]?.text ?? ''));
    // (A numbered caption `２、…` goes on a numbered set of pictures.)
    if ((closed || u.gap >= 2) && hasBody && !ownPicture && !(isNumberedHead(u.text) && u.gap < 2) && units[i + 1] && isPhotoCredit(units[i + 1].text) && !isBylineLine(u.text)) {
      return at('photo-above-next', true);
    }
    // A headline-less brief after a finished paragraph: a news lead on another subject. Where items
    // evidently run on without headlines (the article so far is one, or the last item was closed by
    // its credit), a paragraph naming its day anywhere in the first sentence is enough.
    const briefRun = headAt < 0 || /[。！？!?”][（(][^（）()]{1,12}[）)]$/.test(units[i - 1]?.text ?? '');
    if (hasText && !f[i].dateline && !f[i].byline && !f[i].caption && (isBriefLead(u.text) || (briefRun && isLooseBriefLead(u.text))) && i > 0) {
      const prev = units[i - 1];
      if ((endsSentence(prev.text) || f[i - 1].byline) && !prev.furniture) {
        const ctx = [prev.text];
        if (headAt >= 0) ctx.push(units[headAt].text);
        if (leadAt >= 0) ctx.push(units[leadAt].text);
        if (cohesion(u.text, ctx) < BRIEF_COHESION) return at('brief-lead', true);
      }
    }
    if (f[i].dateline) {
      // The picture under a pictured headline (caption, credit) comes before the dateline.
      if (closed && !(picHead && captionBody && !hasDateline)) return at('dateline-after-closed', true);
      // A photo item (`…（图片）`) carries only a caption: a dated paragraph opens the next item.
      if (photoItem && hasBody) return at('dateline-after-photo-item', true);
      // A brief after a headline-less brief: `本报讯…` ⏎⏎ `本报讯…`.
      if (headless && hasText) return at('brief-after-brief', true);
      // `本报讯` opens a news item, never a paragraph inside one; a second dateline of another kind
      // opens the next item only after a dated one (not a quoted source, `据新华社…`).
      if (hasText && /^本报(?:专)?讯/.test(u.text)) return at('benbao-xun', true);
      return at('dateline', hasDateline && hasText && /^新华社(?:专)?讯/.test(u.text));
    }
    return at('body', false);
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const start = cur.length > 0 && !u.furniture && startsHere(i);
    if (cur.length > 0 && !u.furniture) opts.trace?.(i, start, rule);
    if (start) {
      segs.push({ units: cur });
      cur = [];
      hasBody = false;
      hasText = false;
      closed = false;
      topAuthor = false;
      headless = f[i].dateline;
      pictureTitle = hasPictureMark(u.text);
      photoItem = /[（(](?:图片|照片)[）)]$/.test(u.text);
      hasDateline = false;
      headCount = 0;
      verseLines = 0;
      photoTop = !f[i].title && !!units[i + 1] && isPhotoCredit(units[i + 1].text);
      picHead = false;
      captionBody = true;
      creditItem = false;
      headAt = -1;
      leadAt = -1;
      listOpen = false;
      picCount = 0;
      captionsLeft = 0;
    }
    if (f[i].dateline) hasDateline = true;
    if (cur.length === 0) {
      headless = f[i].dateline;
      pictureTitle = hasPictureMark(u.text);
      photoItem = /[（(](?:图片|照片)[）)]$/.test(u.text);
    }
    cur.push(i);
    if (u.furniture) {
      if (u.furniture.kind === 'continued-to') closed = true;
      continue;
    }
    const ft = f[i];
    if (/^(?:图片|附图|图表|照片)[：:]?$/.test(u.text)) captionsLeft = Math.max(1, picCount);
    else if (captionsLeft > 0 && ft.title) captionsLeft--;
    else captionsLeft = 0;
    if (!hasBody) {
      const n = u.text.match(/[（(]附?(?:图片|照片)([0-9０-９一二三四五六七八九十])张[）)]/);
      if (n) picCount = Math.max(picCount, Number(asciiDigits(n[1])) || parseNumber(n[1]) || 1);
    }
    if (/[：:]$/.test(u.text) && !ft.marker && !captionsLeft) listOpen = true;
    else if (!ft.title || endsSentence(u.text)) listOpen = false;
    if (photoTop) {
      // Caption and credit above a headline: not yet the body.
      if (ft.caption || ft.byline || (!ft.title && units[i + 1] && isPhotoCredit(units[i + 1].text))) continue;
      photoTop = false;
    }
    const isHead = (ft.title || (ft.note && cur.length > 1)) && !hasBody && headCount < MAX_HEAD + 1;
    if (!hasBody && (hasPictureMark(u.text) || ft.marker || (ft.note && /图片|照片/.test(u.text)))) picHead = true;
    creditItem = cur.length === 2 && isHeadNote(u.text) && /[）)]$/.test(units[cur[0]].text) && !units[cur[0]].furniture && f[cur[0]].title;
    if (hasBody || !isHead) {
      // A caption line: `图为…`, a line ending in a credit, a credit line, or a line followed by one.
      const captionish = ft.caption || ft.byline || ft.marker || isPhotoCredit(units[i + 1]?.text ?? '') || endsWithCredit(u.text);
      if (!captionish && !ft.title && !hasPictureMark(u.text) && !(cur.length > 1 && isAuthorLine(u.text))) captionBody = false;
    }
    if (ft.title && cur.length > 1 && u.text.length <= 20) verseLines++;
    if (isHead) headCount++;
    if (isHead && headAt < 0 && ft.title) headAt = i;
    if (!hasBody && cur.length > 1 && isAuthorLine(u.text) && !ft.dateline) {
      topAuthor = true;
      if (!ft.byline) continue;
    }
    // A byline under the intro paragraph (`导语` ⏎ `本报记者 X`) also marks a signed feature.
    // (Not a closing byline of a short item: the subhead it stands over opens two paragraphs or more.)
    let introByline = false;
    if (hasText && ft.byline && !/^[（(]/.test(u.text) && leadAt >= 0 && i - leadAt <= 2 && !isPhotoCredit(u.text) && units[i + 1] && f[i + 1].title) {
      const a = units[i + 2];
      const b = units[i + 3];
      introByline = !opts.closingStyle && !!a && !!b && !f[i + 2].title && !f[i + 2].byline && !f[i + 2].dateline && !f[i + 3].title && !f[i + 3].byline && !f[i + 3].dateline && !a.furniture && !b.furniture;
      if (introByline) topAuthor = true;
    }
    if (!isHead && !ft.marker) {
      hasBody = true;
      if (!ft.byline && !ft.caption && !ft.title && !(u.text.length < 6)) {
        hasText = true;
        if (leadAt < 0) leadAt = i;
      }
    }
    // The picture right under a pictured headline (caption, credit) does not close it.
    if (picHead && captionBody && !hasDateline && (ft.caption || ft.closer) && !ft.byline) closed = false;
    else if (ft.closer || (ft.caption && pictureTitle)) closed = true;
    else if (!ft.marker && !ft.caption && (hasBody || ft.title)) closed = false;
    if (ft.closer && ft.byline && !hasText) closed = false;
    if (hasText && isDashSignature(u.text)) closed = true;
    if (introByline) closed = false;
  }
  if (cur.length) segs.push({ units: cur });
  return segs;
}
