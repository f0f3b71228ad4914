/**
 * Split an e-paper page (see `layout.ts`, `indented`) into articles.
 *
 * On such a page every paragraph is one indented line and every headline line stands flush:
 * a run of flush lines after indented text opens a new article, and that run is the article's
 * headline block (kicker / title / subtitle, an author line). Subheads inside an article are
 * indented (`U+3000 U+3000 落实德者有得`), so they never open one. Two flush runs do not open one:
 * - a single flush line ending in `：` over indented text (`亲爱的祖国：`): a salutation or a
 *   lead-in of the body;
 * - flush lines that are all bylines or photo credits (`本报记者 王浩`, `新华社记者 X 摄`): they
 *   close the article above; so do picture captions (`图①：春日的太行山。  赵某某摄`), each read on its
 *   own: the next headline under them opens the next article.
 * And one flush line opens an article after flush lines: after a page-staff line (`本版制图：…`),
 * which never stands inside a headline block.
 */
import { isBylineLine } from './byline';
import type { Segment, SegmentTrace } from './segment';
import { isCaptionText, type Unit } from './lines';

/** The flush run starting at i: its unit indexes (furniture skipped, not included). */
function flushRun(units: Unit[], i: number): number[] {
  const run: number[] = [];
  for (let j = i; j < units.length; j++) {
    if (units[j].furniture) continue;
    if (units[j].indent) break;
    run.push(j);
  }
  return run;
}

export function opensArticle(units: Unit[], i: number): boolean {
  const run = flushRun(units, i);
  return run.length > 0 && ruleAt(units, i) === 'flush-run';
}

/** Why the flush line at i does or does not open an article (for `--explain`). */
function ruleAt(units: Unit[], i: number): string {
  const run = flushRun(units, i);
  if (run.every((j) => isBylineLine(units[j].text))) return 'flush-byline';
  if (isCaptionText(units[i].text)) return 'flush-caption';
  if (run.length === 1 && /[：:]$/.test(units[run[0]].text)) return 'flush-salutation';
  return 'flush-run';
}

export function segmentIndented(units: Unit[], trace?: SegmentTrace): Segment[] {
  const segs: Segment[] = [];
  let cur: number[] = [];
  let hasBody = false;
  let prevIndented = true;
  /** A page-staff line (`本版制图：…`) came after the last line of text. */
  let staffLine = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.furniture) {
      if (u.furniture.kind === 'credit') staffLine = true;
      cur.push(i);
      continue;
    }
    // Page-staff lines stand between pieces, never inside a headline block: a flush line before one,
    // with no text under it, was a picture's headline (`侗寨闹新春 苗族庆坡会` ⏎ `本版制图：…` ⏎ `多部…`).
    const staffBreak: boolean = !u.indent && !prevIndented && !hasBody && staffLine && cur.some((j) => !units[j].furniture);
    const start: boolean = staffBreak || (!u.indent && prevIndented && hasBody && opensArticle(units, i));
    staffLine = false;
    if (cur.length > 0) trace?.(i, start, staffBreak ? 'staff-line-between-heads' : u.indent ? 'indented-line' : prevIndented && hasBody ? ruleAt(units, i) : 'headline-block');
    if (start) {
      segs.push({ units: cur });
      cur = [];
      hasBody = false;
    }
    cur.push(i);
    if (u.indent) hasBody = true;
    // (A caption closing the text is read as text is: the flush line under it is judged afresh.)
    prevIndented = !!u.indent || (prevIndented && hasBody && !start && isCaptionText(u.text));
  }
  if (cur.length) segs.push({ units: cur });
  return segs;
}
