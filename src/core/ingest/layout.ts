/**
 * The page's layout cues, read once per page from its own evidence (never a global switch):
 *
 * - `indented`: e-paper text — body paragraphs (and the subheads inside an article) start with
 *   an indent (two U+3000), headline lines (kicker, title, subtitle) stand unindented, one line per
 *   paragraph. Then a run of unindented lines is what opens an article, and no line is a cut
 *   of another. Read as: most prose paragraphs are indented and some content line is not.
 * - `blankLines`: what a blank line separates. `paragraphs` when most lines stand between blank
 *   lines (1998 text); `blocks` when most lines follow each other directly and blank lines set
 *   off a few blocks (articles): a single blank line is then as wide a gap as two elsewhere;
 *   `none` when there are none. A page spaced wider throughout (two blank lines between
 *   paragraphs) is read at its own spacing: its usual gap is one paragraph break (`usualGap`).
 * - `folded`: the page came folded at a fixed width (copied out of a PDF, `fold -w`), and its
 *   folded lines were joined back into paragraphs before the cues above were read (`unwrap.ts`).
 * - `closingBylines`: articles end with a standalone byline line (`本报记者 X`), 大众日报 style;
 *   a headline-shaped line after running text is then a subhead unless something closes the
 *   article first (see `segment.ts`).
 * - `fullWidthDigits`: the page writes its numbers in full-width digits (`１９９８年１月５日`), as text
 *   typeset in the GB2312 era does (the 1998 pages); e-paper text since writes them in ASCII. Such a
 *   page runs headline-less briefs and items, which only `segment.ts` reads, so an old page set in the
 *   e-paper layout (its paragraphs indented) is split and read there, with the indent as a cue (an
 *   indented line never opens an article as a headline), not by `segment-indented.ts`. Measured by
 *   indenting the body paragraphs of the 1998 dev pages (their headline blocks flush, blank lines kept
 *   or not): boundary F1 0.87 by the e-paper split, 0.993 so (0.994 unindented). A page whose issue is
 *   known to be of 2005 or later (`issueYear`, from the file name or the import) is e-paper text
 *   whatever its digits: a modern dev page rewritten in full-width digits would otherwise go the other
 *   way (1.00 → 0.68).
 */
import { isBylineLine, withoutSourceNote } from './byline';
import { endsSentence, isTitleLike, type Unit } from './lines';
import { callingSignature } from './names';

export type BlankLines = 'paragraphs' | 'blocks' | 'none';

export interface PageLayout {
  indented: boolean;
  blankLines: BlankLines;
  closingBylines: boolean;
  /** The page came folded at a fixed width, and its folded lines were joined back (`unwrap.ts`). */
  folded: boolean;
  /** Most of its digits are full-width (`１９９８`): text of the GB2312 era. */
  fullWidthDigits: boolean;
  /** The year of the page's issue, when the file name or the import says it. */
  issueYear?: number;
}

/** A paragraph of running text: long enough and ending a sentence. */
const isProse = (u: Unit) => !u.furniture && u.text.length >= 25 && endsSentence(u.text);

/** Most prose paragraphs indented, and some content line not (the headlines). */
export function isIndentedLayout(units: Unit[]): boolean {
  const prose = units.filter(isProse);
  if (prose.length < 2) return false;
  const indentedProse = prose.filter((u) => u.indent).length;
  const flush = units.filter((u) => !u.furniture && !u.indent).length;
  return indentedProse >= prose.length * 0.8 && flush > 0;
}

/** Whether most articles on the page end with a standalone byline line (not a credit in parentheses). */
export function hasClosingBylines(units: Unit[]): boolean {
  let closing = 0;
  // Running-text paragraphs since the last headline-shaped line: a byline under an article's
  // intro paragraph (`导语` ⏎ `本报记者 X` ⏎ subhead) is a top byline, not a closing one.
  let paras = 0;
  for (let i = 0; i < units.length; i++) {
    const t = units[i].text;
    if (units[i].furniture) continue;
    if (isTitleLike(t)) {
      // A headline (not a subhead after a finished paragraph) opens a new count.
      if (!endsSentence(units[i - 1]?.text ?? '')) paras = 0;
      continue;
    }
    // (A photographer's credit under a picture story, `蒋雪林摄（人民视觉）`, signs the picture, not the text;
    // a reader's signature under a letter, `河北省某县某村村民\u3000王某某`, signs the letter, not a report.)
    if (!isBylineLine(t) || /^[（(]/.test(t) || /摄(?:影)?$/.test(withoutSourceNote(t)) || callingSignature(t)) {
      if (endsSentence(t)) paras++;
      continue;
    }
    const prev = units[i - 1];
    // A byline after running text (not right under a headline).
    if (!(prev && endsSentence(prev.text) && prev.text.length > 40 && paras >= 2)) continue;
    // One paragraph between two headline-shaped lines (`标题` ⏎ `导语` ⏎ `本报记者 X` ⏎ `小标题`) is
    // a feature's intro over its top byline as much as a closing section: half the evidence.
    const between = isTitleLike(units[i - 2]?.text ?? '') && isTitleLike(units[i + 1]?.text ?? '');
    closing += between ? 0.5 : 1;
  }
  return closing >= 1;
}

/** What blank lines separate on this page (content lines after the first only). */
export function blankLinesOf(units: Unit[]): BlankLines {
  const lines = units.slice(1).filter((u) => !u.furniture);
  const after = lines.filter((u) => u.gap >= 1).length;
  if (after === 0) return 'none';
  return after >= lines.length * 0.5 ? 'paragraphs' : 'blocks';
}

/**
 * The page's usual paragraph gap, in blank lines: the commonest gap between content lines (1 on
 * 1998 text; 2 on a page spaced double throughout, as one saved through a faulty line-end
 * conversion is: `\r\r\n`).
 */
export function usualGap(units: Unit[]): number {
  const counts = new Map<number, number>();
  for (const u of units.slice(1)) if (!u.furniture && u.gap >= 1) counts.set(u.gap, (counts.get(u.gap) ?? 0) + 1);
  let best = 1;
  for (const [gap, n] of counts) if (n > (counts.get(best) ?? 0)) best = gap;
  return best;
}

/** On a page spaced `usual` blank lines apart, that gap is one paragraph break: wider gaps keep what they add to it. */
export function narrowGaps(units: Unit[], usual: number): Unit[] {
  return units.map((u) => (u.gap >= 1 ? { ...u, gap: Math.max(1, u.gap - usual + 1) } : u));
}

/** On a page of blocks, a single blank line is a wide gap (two blank lines' worth elsewhere). */
export function widenBlockGaps(units: Unit[]): Unit[] {
  return units.map((u) => (u.gap === 1 ? { ...u, gap: 2 } : u));
}

/** Full-width digits outnumber ASCII ones at least four to one (and there are some). */
export function hasFullWidthDigits(units: Unit[]): boolean {
  let full = 0;
  let ascii = 0;
  for (const u of units) {
    if (u.furniture) continue;
    for (const ch of u.text) {
      if (ch >= '０' && ch <= '９') full++;
      else if (ch >= '0' && ch <= '9') ascii++;
    }
  }
  return full >= 4 && full >= 4 * ascii;
}

/** The first year of e-paper text (`fullWidthDigits`): an issue of this year or later is never GB2312-era text. */
const E_PAPER_SINCE = 2005;

/** Split and read as e-paper text (`segment-indented.ts`, headline block = the flush lines on top): indented, and not of the GB2312 era. */
export function readsAsEPaper(layout: PageLayout): boolean {
  return layout.indented && (!layout.fullWidthDigits || (layout.issueYear ?? 0) >= E_PAPER_SINCE);
}

export function readLayout(units: Unit[], blankLines: BlankLines = blankLinesOf(units), folded = false, issueYear?: number): PageLayout {
  return { indented: isIndentedLayout(units), blankLines, closingBylines: hasClosingBylines(units), folded, fullWidthDigits: hasFullWidthDigits(units), issueYear };
}
