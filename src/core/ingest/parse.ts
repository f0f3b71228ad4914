/**
 * `parsePage`: page text → articles, with the edition's paper/date/page.
 *
 * Steps: units (lines with offsets) → furniture marked → evident column breaks
 * repaired → articles split → each article read (headline, dateline, body, byline).
 * Never throws on odd text: anything unexpected becomes a warning.
 */
import type { ParsedArticle, ParsedPage } from '../../shared/types';
import { buildArticle } from './build';
import { guessFromFileName } from './filename';
import { metaFromHeader } from './furniture';
import { repairBreaks } from './reflow';
import { unfoldLines } from './unwrap';
import { blankLinesOf, isIndentedLayout, narrowGaps, readLayout, readsAsEPaper, usualGap, widenBlockGaps, type PageLayout } from './layout';
import { segment, type Segment, type SegmentTrace } from './segment';
import { segmentIndented } from './segment-indented';
import { splitUnits, type Unit } from './lines';
import { restoreScript, simplifiedTwin } from './script';

export interface ParseOptions {
  file: string;
  paper?: string;
  date?: string;
  page?: number;
}

/**
 * Bumped whenever the parser's output changes for the same input: every page of an older
 * version is offered for reparse. Not bumped for the cut of paragraphs over 5,000 characters
 * (`long-paragraphs.ts`), which changes no page a paper prints; `reparse --all` applies it.
 */
export const PARSER_VERSION = 22;

export interface SplitPage {
  /** The lines after layout repair (furniture marked). */
  units: Unit[];
  layout: PageLayout;
  segs: Segment[];
}

/**
 * Lines → layout cues → repaired lines → articles (as unit groups). `trace` hears every boundary decision;
 * `issueDate` (ISO), when known, says whether the page can be GB2312-era text (`layout.ts` fullWidthDigits).
 */
export function splitPage(pageLines: Unit[], trace?: SegmentTrace, issueDate?: string): SplitPage {
  // Text folded at a fixed width is joined back into its paragraphs first (`unwrap.ts`): the
  // layout cues below read paragraphs, not the folds.
  const raw = unfoldLines(pageLines);
  const blankLines = blankLinesOf(raw);
  const usual = blankLines === 'paragraphs' ? usualGap(raw) : 1;
  const lines = blankLines === 'blocks' ? widenBlockGaps(raw) : usual > 1 ? narrowGaps(raw, usual) : raw;
  // On e-paper text every line is a whole paragraph or headline line: nothing to repair.
  const units = isIndentedLayout(lines) ? lines : repairBreaks(lines);
  const layout = readLayout(units, blankLines, raw.length < pageLines.length, issueDate ? Number(issueDate.slice(0, 4)) : undefined);
  // An old page set in the e-paper layout is split and read as old pages are, the indent read as a cue (`layout.ts`, `fullWidthDigits`).
  const segs = readsAsEPaper(layout) ? segmentIndented(units, trace) : segment(units, { closingStyle: layout.closingBylines, indented: layout.indented, trace });
  return { units, layout, segs };
}

/** Read a page; one printed in traditional characters is read through its simplified twin (`script.ts`). */
export function parsePage(text: string, opts: ParseOptions): ParsedPage {
  const twin = simplifiedTwin(text);
  return twin === undefined ? readPage(text, opts) : restoreScript(readPage(twin, opts), text, twin);
}

function readPage(text: string, opts: ParseOptions): ParsedPage {
  const warnings: string[] = [];
  const page: ParsedPage = { file: opts.file, articles: [], warnings };
  try {
    const raw = splitUnits(text);
    const fromName = guessFromFileName(opts.file);
    const headerLines = raw.filter((u) => u.furniture?.kind === 'header').map((u) => u.text);
    const fromText = metaFromHeader(headerLines);

    page.paper = opts.paper ?? fromName.paper ?? fromText.paper;
    page.date = opts.date ?? fromName.date ?? fromText.date;
    page.page = opts.page ?? fromName.page ?? fromText.page;
    if (!page.paper) warnings.push('未能确定报纸名称');
    if (!page.date) warnings.push('未能确定出版日期');
    if (page.page === undefined) warnings.push('未能确定版次');
    if (opts.date && fromName.date && opts.date !== fromName.date) {
      warnings.push(`指定日期 ${opts.date} 与文件名中的日期 ${fromName.date} 不一致`);
    }

    const { units, layout, segs } = splitPage(raw, undefined, page.date);
    const articles: ParsedArticle[] = [];
    for (const s of segs) {
      const content = s.units.filter((i) => !units[i].furniture);
      if (content.length === 0) continue;
      const a = buildArticle(units, s.units, { indented: readsAsEPaper(layout) });
      if (a.paragraphs.length === 0 && !a.title) continue;
      articles.push(a);
    }
    page.articles = articles;
    if (articles.length === 0) warnings.push('没有找到文章');
    for (const a of articles) {
      for (const w of a.warnings) if (/转至|接自|段落过长/.test(w)) warnings.push(`《${a.title}》${w}`);
    }
  } catch (err) {
    warnings.push(`解析出错：${err instanceof Error ? err.message : String(err)}`);
  }
  return page;
}
