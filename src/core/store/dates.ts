/**
 * An article's date: the date of the issue it appeared in.
 *
 * The issue's date comes from the import (file name, import fields, or the
 * page's header/footer, all read into the page's date). The dateline's
 * month/day (`新华社北京１２月３１日电`) stays in the dateline: a story filed
 * on 31 December is printed in the issue of 2 January, and filters, facets,
 * date order and citations must point to that issue.
 *
 * Only when the issue's date is unknown is the dateline's date used, marked
 * as inferred (a flag and a warning on the article). Its year is taken from a
 * full date printed on the page with the same month and day
 * (`一九九七年十二月三十一日`); without one the article has no date.
 */
import type { Dateline } from '../../shared/types';
import { NUM, asciiDigits, isoDate, parseNumber, validDate } from '../ingest/numbers';

/** The warning an article carries when its date was read from its dateline. */
export const INFERRED_DATE_WARNING = '日期取自电头，未能确定出版日期';
/** The warning when the dateline gives a month and day but nothing on the page gives the year. */
export const NO_YEAR_WARNING = '未能确定出版日期，电头日期缺年份，文章没有日期';
const DATE_WARNINGS = new Set([INFERRED_DATE_WARNING, NO_YEAR_WARNING]);

export interface ArticleDating {
  date?: string;
  /** True when the date was read from the dateline, not the issue. */
  inferred: boolean;
  /** A warning to put on the article, when the date is inferred or missing. */
  warning?: string;
}

const FULL_DATE_RE = new RegExp(`((?:19|20)[0-9０-９]{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(${NUM}{1,2})\\s*月\\s*(${NUM}{1,3})\\s*日`, 'g');

/** Full dates printed on a page, by `month-day`: year → how often. The last page's is kept (every article of a page asks). */
let lastPage: { text: string; dates: Map<string, Map<number, number>> } | undefined;
function fullDatesOn(pageText: string): Map<string, Map<number, number>> {
  if (lastPage?.text === pageText) return lastPage.dates;
  const dates = new Map<string, Map<number, number>>();
  for (const m of asciiDigits(pageText).replace(/○/g, '〇').matchAll(FULL_DATE_RE)) {
    const y = parseNumber(m[1]);
    const mo = parseNumber(m[2]);
    const d = parseNumber(m[3]);
    if (y === undefined || mo === undefined || d === undefined || !validDate(y, mo, d)) continue;
    const years = dates.get(`${mo}-${d}`) ?? new Map<number, number>();
    years.set(y, (years.get(y) ?? 0) + 1);
    dates.set(`${mo}-${d}`, years);
  }
  lastPage = { text: pageText, dates };
  return dates;
}

/** The year of a full date on the page whose month and day are `month`/`day` (the most frequent one). */
export function yearOnPage(pageText: string | undefined, month: number, day: number): number | undefined {
  if (!pageText) return undefined;
  const years = fullDatesOn(pageText).get(`${month}-${day}`);
  let best: number | undefined;
  for (const [y, n] of years ?? []) if (best === undefined || n > (years!.get(best) ?? 0)) best = y;
  return best;
}

/** The article's date: the issue's when known, else the dateline's (inferred). */
export function articleDate(issueDate: string | undefined, dateline: Dateline | undefined, pageText?: string): ArticleDating {
  if (issueDate) return { date: issueDate, inferred: false };
  const m = dateline?.month;
  const d = dateline?.day;
  if (!m || !d || m > 12 || d > 31) return { inferred: false };
  const y = yearOnPage(pageText, m, d);
  if (y === undefined) return { inferred: false, warning: NO_YEAR_WARNING };
  return { date: isoDate(y, m, d), inferred: true, warning: INFERRED_DATE_WARNING };
}

/** The article's warnings with the date warning of `dating` (and no stale one). */
export function withDateWarning(warnings: string[], dating: ArticleDating): string[] {
  const out = warnings.filter((w) => !DATE_WARNINGS.has(w));
  if (dating.warning) out.push(dating.warning);
  return out;
}
