/**
 * What a line looks like to the splitter (`segment.ts`), read once per line: the classes
 * `baoku parse --explain` prints, and the line shapes that close an article (a credit, a
 * signature, the date a piece was written, a writer's note).
 */
import { isBylineLine, withoutSourceNote } from './byline';
import { matchClosingDateline, matchDateline } from './dateline';
import { trailingContinuation } from './furniture';
import { isSignatureLine } from './names';
import { isCaptionText, isHeadNote, isMarker, isTeaser, isTitleLike, type Unit } from './lines';

/** Letters that place the page's pictures inside a story (`（Ａ、Ｂ）`): neither a byline nor an end. */
const PLACE_MARK = /^[（(][Ａ-ＺA-Z](?:[、，,][Ａ-ＺA-Z])*[）)]$/;

/** A bracketed note on the book a piece is about, ending it: `（《…丛书》由江西百花洲文艺出版社出版）`, `［附记：…即将由…出版］`. */
const PUBLICATION_NOTE = /^[（(［[【][^（）()［\]【】]{4,80}出版(?:发行)?[）)］\]】]$/;

/** The writer's note that ends a signed piece: `（作者系原冀中回民支队政委…）`, `（作者为…教授）`. */
export const WRITER_NOTE = /^[（(]作者(?:系|为|是|单位)[^（）()]*[）)]$/;

/**
 * A signature or an attribution opened by a dash: `———李东旭马丽静（辽宁）`, `——编 者`,
 * `——某市市长某某`. (Under a headline the same shape is a subtitle: callers ask only after running text.)
 */
export function isDashSignature(t: string): boolean {
  return /^[—－-]{2,}\s*[\u4e00-\u9fa5·][\u4e00-\u9fa5· —]{1,28}(?:[（(][\u4e00-\u9fa5]{2,8}[）)])?$/.test(t) && !/[，,。；;：:！？]/.test(t);
}

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
  const byline = !u.furniture && !PLACE_MARK.test(t) && isBylineLine(t);
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
      isDateSignature(t) ||
      WRITER_NOTE.test(t) ||
      PUBLICATION_NOTE.test(t) ||
      (u.furniture?.kind === 'continued-to') ||
      // A 导读 box ends with its last teaser line; a letter with its signature (`（…支队刘业国）`).
      (!u.furniture && (isTeaser(t) || isSignatureLine(t))),
    marker: !u.furniture && isMarker(t),
    note: !u.furniture && isHeadNote(t) && !byline,
    caption: !u.furniture && isCaptionText(t),
  };
}

const YEAR = '(?:[０-９0-9]{4}|[一二三四五六七八九〇零○]{4})';
const MONTH_DAY = '(?:[０-９0-9一二三四五六七八九十]{1,2}月(?:[０-９0-9一二三四五六七八九十]{1,3}日)?)';
const DATE_SIGNATURE = new RegExp(
  `^[（(]?${YEAR}年${MONTH_DAY}?(?:岁暮|岁末|岁尾|年底|年末|元旦|除夕|春节|初春|早春|春|盛夏|夏|深秋|秋|隆冬|冬)?(?:(?:写|改|定稿|改定)?于[\u4e00-\u9fa5]{2,8})?[）)]?$`,
);

/** The date a piece was written, on its own line at its end: `１９９７年岁暮`, `一九九七年十二月于北京`. */
export function isDateSignature(t: string): boolean {
  return t.length <= 24 && DATE_SIGNATURE.test(t);
}

/** A photo credit line: `本报记者 X 摄`, `X 摄`, `（新华社记者X摄）`. */
export function isPhotoCredit(t: string): boolean {
  return isBylineLine(t) && /摄(?:影)?[）)]?$/.test(withoutSourceNote(t));
}

/** A paragraph closed by a bare credit: `…项目。（孙贤迅）`. */
export function endsWithCredit(t: string): boolean {
  const m = t.match(/[。！？!?…”’」』][（(]([^（）()]{1,30})[）)]$/);
  return !!m && !PLACE_MARK.test(`（${m[1]}）`) && (isBylineLine(`（${m[1]}）`) || isSignatureLine(`（${m[1]}）`));
}

/** The page's lines and what each looks like (`features`), as the splitter reads them. */
export interface PageLines {
  units: Unit[];
  f: Feature[];
}

/** A writer's byline on a line of its own (`本报记者 X`), not a credit in brackets nor a photographer's. */
export function isWriterByline(page: PageLines, k: number): boolean {
  const u = page.units[k];
  return !!u && page.f[k].byline && !/^[（(]/.test(u.text) && !isPhotoCredit(u.text);
}
