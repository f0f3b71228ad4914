/**
 * Page furniture: the lines a page carries that belong to no article — the page header
 * (`大众日报 2022年1月28日 星期五 第3版`) or footer (`《 人民日报 》（ 2021年01月05日 01 版）`), editor credits (`责任编辑 X`, `版面设计 X`),
 * continuation notes (`转第2版`, `（上接第1版）`), and the buttons of a web page an article was copied
 * from (`分享到：`). Also reads the edition's
 * paper/date/page from them.
 */
import { NUM, asciiDigits, isoDate, parseNumber, validDate } from './numbers';

export type FurnitureKind = 'header' | 'credit' | 'continued-to' | 'continued-from' | 'web';

/** A web page's own buttons, copied along with an article (`分享到：`, `【字号 大 中 小】`, `打印`): never the paper's text. */
const WEB_CHROME = /^(?:分享到[：:]?|【?字号\s*[：:]?\s*大\s*中\s*小】?|打印(?:本页)?|关闭窗口|返回顶部|我要纠错|纠错)$/;

const CREDIT_RE = /^(?:本版)?(?:责任编辑|责编|版面设计|美术编辑|美编|版式设计|编辑|校对|组版|排版|版面编辑|制图|图片编辑)\s*[：:]?\s*[\u4e00-\u9fa5·]{2,4}(?:[\s、，,]+(?:(?:责任编辑|责编|版面设计|美术编辑|美编|版式设计|编辑|校对|组版|排版|制图|图片编辑)\s*[：:]?\s*)?[\u4e00-\u9fa5·]{2,4})*$/;
const CONT_TO_RE = new RegExp(`^[（(]?\\s*(?:下)?转(?:第)?\\s*(${NUM}{1,3}|[A-H]\\d{1,2})\\s*版\\s*[）)]?$`);
const CONT_FROM_RE = new RegExp(`^[（(]?\\s*(?:上接|接|紧接)(?:第)?\\s*(${NUM}{1,3}|[A-H]\\d{1,2})\\s*版\\s*[）)]?`);
const PAGE_RE = new RegExp(`第\\s*(${NUM}{1,3})\\s*版`);
/** The page right after the date, without 第: the e-paper footer `《 人民日报 》（ 2021年01月05日 01 版）`. */
const DATE_PAGE_RE = new RegExp(`日\\s*(${NUM}{1,3})\\s*版`);
const DATE_RE = new RegExp(`((?:19|20)[0-9０-９]{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(${NUM}{1,2})\\s*月\\s*(${NUM}{1,3})\\s*日`);
/** The date in digits, as a header in another style prints it: `人民日报 1998.01.09 第3版`, `2019-02-10 人民日报 第04版`. */
const NUMERIC_DATE_RE = /(?<![0-9０-９])((?:19|20)[0-9０-９]{2})\s*[.\-/．／－]\s*([0-9０-９]{1,2})\s*[.\-/．／－]\s*([0-9０-９]{1,2})(?![0-9０-９])/;
const WEEKDAY_RE = /星期[一二三四五六日天]|周[一二三四五六日]/;
/** A paper's name, with its edition when it has one (`人民日报海外版` is not `人民日报`). */
export const PAPER_RE = /([\u4e00-\u9fa5]{2,8}?(?:日报|晚报|时报|商报|青年报|法制报|都市报|早报)(?:海外版|农村版|华东版|华南版|西部版|东北版)?)/;

export interface Furniture {
  kind: FurnitureKind;
  page?: number;
}

/** Classify one tidy line as furniture, or undefined when it is content. */
export function furnitureOf(line: string): Furniture | undefined {
  const t = line.trim();
  if (!t || t.length > 80) return undefined;
  if (WEB_CHROME.test(t)) return { kind: 'web' };
  // (Also in brackets, as a web page prints its staff under the article: `(责编：王浩、李明)`.)
  if (CREDIT_RE.test(t) || CREDIT_RE.test(t.replace(/^[（(【[]\s*|\s*[）)】\]]$/g, ''))) return { kind: 'credit' };
  let m = t.match(CONT_TO_RE);
  if (m) return { kind: 'continued-to', page: parseNumber(m[1].replace(/^[A-H]/, '')) };
  m = t.match(CONT_FROM_RE);
  if (m && t.length <= 14) return { kind: 'continued-from', page: parseNumber(m[1].replace(/^[A-H]/, '')) };
  // A 导读 teaser (`●…（详见第二版）`) or an article's cross-reference (`（相关报道见第十版）`) names a page but is content.
  if (t.length <= 60 && !/[。！？，,；;“”]/.test(t) && !/[（(][^（）()]{0,8}?(?:详见|详|见|请看|参见)/.test(t)) {
    const hasPage = PAGE_RE.test(t) && /^[^。]{0,40}第\s*\S{1,3}\s*版/.test(t);
    const hasDate = (DATE_RE.test(t) && (WEEKDAY_RE.test(t) || hasPage || DATE_PAGE_RE.test(t) || PAPER_RE.test(t))) || (NUMERIC_DATE_RE.test(t) && PAPER_RE.test(t));
    if (hasPage && t.replace(PAGE_RE, '').replace(/[\s|｜·•\-—]/g, '').length <= 40) return { kind: 'header' };
    if (hasDate) return { kind: 'header' };
  }
  return undefined;
}

/** A continuation note glued to the end of a paragraph: `…（下转第二版）`. */
const TRAIL_CONT_RE = new RegExp(`[（(]\\s*(?:下)?转(?:第)?\\s*(${NUM}{1,3})\\s*版\\s*[）)]$`);
const LEAD_CONT_RE = new RegExp(`^[（(]\\s*(?:上接|接|紧接)(?:第)?\\s*(${NUM}{1,3})\\s*版\\s*[）)]\\s*`);

export function trailingContinuation(text: string): { page?: number; length: number } | undefined {
  if (!text.endsWith('）') && !text.endsWith(')')) return undefined;
  const m = text.match(TRAIL_CONT_RE);
  return m ? { page: parseNumber(m[1]), length: m[0].length } : undefined;
}

/** A continuation note opening a paragraph: `（上接第一版）…`. */
export function leadingContinuation(text: string): { page?: number; length: number } | undefined {
  const m = text.match(LEAD_CONT_RE);
  return m ? { page: parseNumber(m[1]), length: m[0].length } : undefined;
}

export interface PageMeta {
  paper?: string;
  date?: string;
  page?: number;
}

/** Read paper/date/page from header lines (and, for the page, any `第N版` line near the top). */
export function metaFromHeader(lines: string[]): PageMeta {
  const meta: PageMeta = {};
  for (const raw of lines) {
    const t = asciiDigits(raw);
    if (meta.page === undefined) {
      const p = t.match(PAGE_RE) ?? (DATE_RE.test(t) ? t.match(DATE_PAGE_RE) : null);
      if (p) meta.page = parseNumber(p[1]);
    }
    if (meta.date === undefined) {
      const d = t.match(DATE_RE) ?? t.match(NUMERIC_DATE_RE);
      if (d) {
        const y = parseNumber(d[1]);
        const mo = parseNumber(d[2]);
        const da = parseNumber(d[3]);
        if (y && mo && da && validDate(y, mo, da)) meta.date = isoDate(y, mo, da);
      }
    }
    if (meta.paper === undefined) {
      const p = t.match(PAPER_RE);
      if (p) meta.paper = p[1];
    }
  }
  return meta;
}
