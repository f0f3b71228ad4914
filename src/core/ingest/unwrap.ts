/**
 * Layout repair: text folded at a fixed width. A page copied out of a PDF, a terminal or a tool
 * that folds long lines (`fold -w`) breaks every paragraph into lines of one width:
 *
 *   中华全国总工会今日发出《致全国各族职工慰问信》，向全国
 *   各族职工致以节日的问候和良好的祝愿。
 *
 * Read from the page's own evidence (`readFold`): the width most long lines reach, in characters
 * or in columns (a Han character two, a Latin letter or digit one), with next to no line wider;
 * and breaks at that width that fall inside sentences (a comma, a closing mark moved on, a word cut
 * in two), which rows of a table or a list of names of one width never do. Then a line that
 * reaches the width runs on into the line right under it (no blank line between): one paragraph.
 * Not when the next line is indented (the next paragraph on e-paper text), is a dateline, a
 * picture mark, a byline line or page furniture, or stands in a headline block (a kicker's closing
 * dash, a subtitle's opening one); and after a finished sentence only on a page that marks its
 * paragraphs with blank lines or indents, and not into a headline. A page not folded (the 1998
 * text, e-paper text: one paragraph a line, of every length) is left as it is.
 */
import { isBylineLine } from './byline';
import { matchDateline } from './dateline';
import { endsMidSentence, endsSentence, isMarker, isTitleLike, type Unit } from './lines';
import { CLOSING_START } from './reflow';
import { wordAcrossBreak } from './words';

/** Lines shorter than this (in characters) say nothing about a fold: headlines, names, short ends. */
const MIN_FOLD = 12;
/** How far short of the width a folded line may end (a word or a punctuation mark moved on). */
const SLACK = 2;
/** Breaks at the fold read for evidence that they cut sentences. */
const MAX_BREAKS_READ = 400;

/** Columns a line takes in a monospaced view: Han, kana, full-width forms and CJK punctuation two, the rest one. */
export function columns(t: string): number {
  let n = 0;
  for (const ch of t) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d\u2018\u2019\u2014\u2026]/.test(ch) ? 2 : 1;
  return n;
}

/** A measure of a line's width, the width the page is folded at by it, and how far short a folded line may end. */
interface Measure {
  size: (t: string) => number;
  width: number;
  slack: number;
}

/** How a page is folded: by one measure or both (a line folded by either is folded). */
type Fold = Measure[];

const chars = (t: string): number => [...t].length;

/** The line as printed (its indent counts: the fold took it into the width). */
const printed = (u: Unit): string => u.printed ?? u.text;

/** The width the page is folded at by one measure, if it is: the widest size most long lines reach, hardly exceeded. */
function foldBy(lines: Unit[], size: (t: string) => number, slack: number): Measure | undefined {
  const sizes = lines.map((u) => size(printed(u)));
  const long = sizes.filter((n) => n >= size('一'.repeat(MIN_FOLD)));
  if (long.length < 4) return undefined;
  const counts = new Map<number, number>();
  for (const n of long) counts.set(n, (counts.get(n) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const n of counts.keys()) {
    let near = 0;
    for (let m = n - slack; m <= n; m++) near += counts.get(m) ?? 0;
    if (near > best || (near === best && n > width)) [width, best] = [n, near];
  }
  const over = sizes.filter((n) => n > width + slack).length;
  // Most long lines at the width, at least four, and next to none wider.
  if (best < 4 || best < long.length * 0.5 || over > lines.length * 0.05) return undefined;
  return { size, width, slack };
}

/** How the page is folded, if it is (see the header): by characters, by columns, or both. */
export function readFold(units: Unit[]): Fold | undefined {
  const lines = units.filter((u) => !u.furniture);
  const fold = [foldBy(lines, chars, SLACK), foldBy(lines, columns, 2 * SLACK)].filter((m): m is Measure => !!m);
  return fold.length ? fold : undefined;
}

/** More brackets, quotation marks or title marks opened than closed. */
function leftOpen(t: string): boolean {
  const count = (re: RegExp) => t.match(re)?.length ?? 0;
  return count(/[（(]/g) > count(/[）)]/g) || count(/“/g) > count(/”/g) || count(/《/g) > count(/》/g);
}

/** A line that reaches the fold, by any measure the page is folded by. */
const reachesFold = (u: Unit, fold: Fold): boolean => fold.some((m) => m.size(printed(u)) >= m.width - m.slack);

/** Whether `b` carries on the paragraph that the folded line `a` breaks off. */
function foldedInto(a: Unit, b: Unit, fold: Fold, marked: boolean): boolean {
  if (b.gap > 0 || a.furniture || b.furniture || b.indent) return false;
  if (!reachesFold(a, fold)) return false;
  // Punctuation that opens no line of its own (`”`, `，`, `、`): the fold moved it on. A bracket or
  // quotation left open (`春到南粤听回声（在…指引下——` ⏎ `新时代新作为新篇章）`): the fold cut inside it.
  if (CLOSING_START.test(b.text) || leftOpen(a.text)) return true;
  // A kicker ends on a dash and a subtitle opens with one (`…合同——` ⏎ `书写…故事` ⏎ `——访…`): headline lines of their own.
  if (/——$/.test(a.text) || /^——/.test(b.text)) return false;
  // After a finished sentence, a page that marks its paragraphs still runs on, unless a headline
  // follows (a line short of the fold that reads as one: a piece of a folded paragraph fills it).
  if (endsSentence(a.text) && (!marked || (isTitleLike(b.text) && !reachesFold(b, fold)))) return false;
  // A picture mark, a dateline, or a byline line (short of the fold: a folded piece may name a 记者) opens its own line.
  if (isMarker(b.text) || matchDateline(b.text) || (isBylineLine(b.text) && !reachesFold(b, fold))) return false;
  return true;
}

/**
 * Whether the page marks its paragraphs (a blank line or an indent after most lines that end one:
 * short, a finished sentence); then a folded line that ends flush with a finished sentence still runs on.
 */
function marksParagraphs(units: Unit[], fold: Fold): boolean {
  let ends = 0;
  let marked = 0;
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i];
    if (u.furniture || !endsSentence(u.text) || reachesFold(u, fold)) continue;
    ends++;
    if (units[i + 1].gap > 0 || units[i + 1].indent) marked++;
  }
  return ends > 0 && marked >= ends * 0.8;
}

/** Two pieces of one folded paragraph: Latin words keep a space between them, Han text none. */
const join = (a: string, b: string): string => (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b);

/**
 * Whether the breaks at the fold fall inside sentences, as a fold's do (it cuts wherever the width
 * ends: after a comma, before a closing mark, through a word): in a third of them at least. Rows of
 * one width that each end whole (a table, a list of names, a schedule) are not a fold.
 */
function cutsSentences(units: Unit[], fold: Fold): boolean {
  let breaks = 0;
  let inside = 0;
  // (The first few hundred breaks say it: a huge page is not cut with jieba line by line.)
  for (let i = 0; i + 1 < units.length && breaks < MAX_BREAKS_READ; i++) {
    const [a, b] = [units[i], units[i + 1]];
    if (b.gap > 0 || b.indent || a.furniture || b.furniture || !reachesFold(a, fold)) continue;
    breaks++;
    if (endsMidSentence(a.text) || CLOSING_START.test(b.text) || wordAcrossBreak(a.text, b.text)) inside++;
  }
  return inside >= 2 && inside >= breaks / 3;
}

/** The page's folded lines joined back into their paragraphs; a page not folded comes back as it is. */
export function unfoldLines(units: Unit[]): Unit[] {
  const fold = readFold(units);
  if (!fold || !cutsSentences(units, fold)) return units;
  const marked = marksParagraphs(units, fold);
  const out: Unit[] = [];
  // The page's line taken last: a fold is measured on the line as printed, not on the paragraph joined so far.
  let last: Unit | undefined;
  for (const u of units) {
    const prev = out[out.length - 1];
    if (prev && last && foldedInto(last, u, fold, marked)) out[out.length - 1] = { ...prev, text: join(prev.text, u.text), end: u.end };
    else out.push({ ...u });
    last = u;
  }
  return out;
}
