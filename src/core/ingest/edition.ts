/**
 * An edition in one file: several pages of one day, each marked by its page line, a header at the
 * page's top (`人民日报 1998年1月1日 星期四 第2版`) or a footer at its end (`《 人民日报 》（ 2021年01月05日
 * 02 版）`). The file is cut at the marks into pages, each read on its own: its articles carry its
 * page number, and none runs across a page break.
 *
 * Also a file of several days' pages (`人民日报 1998年1月1日 第1版` … `1998年1月2日 第1版`): each
 * page then carries its own date.
 *
 * Read from the file's own marks: page lines (`furniture.ts` headers that name a page) naming at
 * least two pages (a page number, with the date when the line gives one). They are footers when
 * the file ends with one and does not open with one; headers otherwise (the text before the first
 * header goes with the first page). Consecutive marks of one page (a header and its section line,
 * `第2版` ⏎ `要闻`) are one page's. A file with one page, or none, is one page.
 */
import { metaFromHeader } from './furniture';
import { splitUnits } from './lines';

export interface EditionPage {
  /** The page's text (its marks included: they are its furniture), and where it starts in the file. */
  text: string;
  offset: number;
  /** The page number its mark gives, and the date, when the mark gives one. */
  page: number;
  date?: string;
}

/** What every page mark holds (`第2版`, `日 02 版`), looser than `furniture.ts` reads it: fewer than two, and the file is one page. */
const MARK_HINT = /第\s*\S{1,3}\s*版|日\s*\S{1,3}\s*版/g;

/** The pages of an edition file, in order; undefined for a file of one page. */
export function splitEdition(text: string): EditionPage[] | undefined {
  // Most files name no page twice: they are not split into lines a second time (the parser does that).
  if ((text.match(MARK_HINT)?.length ?? 0) < 2) return undefined;
  const units = splitUnits(text);
  const content = units.filter((u) => !u.furniture || u.furniture.kind !== 'credit');
  const marks = content.flatMap((u, k) => {
    const meta = u.furniture?.kind === 'header' ? metaFromHeader([u.text]) : {};
    return meta.page === undefined ? [] : [{ u, k, page: meta.page, date: meta.date, key: `${meta.date ?? ''}#${meta.page}` }];
  });
  if (new Set(marks.map((m) => m.key)).size < 2) return undefined;
  const footers = marks[marks.length - 1].k === content.length - 1 && marks[0].k !== 0;
  const ranges: { start: number; end: number; page: number; date?: string; key: string }[] = [];
  for (const m of marks) {
    const last = ranges[ranges.length - 1];
    // A mark without a date (`第2版` ⏎ `要闻` under a dated header) goes with the page it stands in.
    const same = !!last && last.page === m.page && (!m.date || !last.date || last.date === m.date);
    if (footers) {
      // A footer ends its page: the page runs from the previous footer's end to this one's.
      if (same) last.end = m.u.end;
      else ranges.push({ start: last ? last.end : 0, end: m.u.end, page: m.page, date: m.date, key: m.key });
    } else if (!same) {
      // A header opens its page, which runs to the next page's header.
      if (last) last.end = m.u.start;
      ranges.push({ start: last ? m.u.start : 0, end: text.length, page: m.page, date: m.date, key: m.key });
    }
  }
  if (new Set(ranges.map((r) => r.key)).size < 2) return undefined;
  ranges[ranges.length - 1].end = text.length;
  const pages = ranges.map((r) => ({ text: text.slice(r.start, r.end).replace(/^\s*\n/, ''), offset: r.start, page: r.page, ...(r.date ? { date: r.date } : {}) }));
  // A page cut to nothing (two marks with nothing between them) is no page.
  const real = pages.filter((p) => p.text.trim().length > 0);
  return real.length >= 2 ? real : undefined;
}
