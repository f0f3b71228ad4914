/**
 * `baoku parse FILE --explain`: why the page was split where it was. Every line with the class
 * the splitter read it as and, for each line after an article's first, whether it opened a new
 * article and the named rule that decided (`one-line-headline-after-text`, `brief-lead`,
 * `flush-run`…; the rule names are the `at('…')` labels in `segment.ts` and `segment-indented.ts`).
 */
import { readsAsEPaper, type PageLayout } from './layout';
import { features } from './line-features';
import { guessFromFileName } from './filename';
import { splitPage } from './parse';
import { splitUnits, type Unit } from './lines';

export interface ExplainedLine {
  /** 1-based line number in the page text. */
  line: number;
  text: string;
  /** `title-like`, `dateline`, `byline`, `closer`, `picture-mark`, `note`, `caption`, `body`, `furniture:header`… */
  classes: string[];
  /** 1-based article number the line went to (0: furniture before any article). */
  article: number;
  /** For lines after an article's first: whether it opened a new article, and the rule. */
  decision?: { start: boolean; rule: string };
}

export interface ExplainedPage {
  layout: PageLayout;
  lines: ExplainedLine[];
}

function classesOf(u: Unit): string[] {
  if (u.furniture) return [`furniture:${u.furniture.kind}`];
  const f = features(u);
  const out: string[] = (Object.keys(f) as (keyof typeof f)[]).filter((k) => f[k]).map((k) => (k === 'title' ? 'title-like' : k === 'marker' ? 'picture-mark' : k));
  if (u.indent) out.push('indented');
  return out.length ? out : ['body'];
}

/** `file`: the page's file name, whose date (as parsePage reads it) tells the year. */
export function explainPage(text: string, file?: string): ExplainedPage {
  const decisions = new Map<number, { start: boolean; rule: string }>();
  const { units, layout, segs } = splitPage(splitUnits(text), (i, start, rule) => decisions.set(i, { start, rule }), file ? guessFromFileName(file).date : undefined);
  const articleOf = new Map<number, number>();
  segs.forEach((s, n) => s.units.forEach((i) => articleOf.set(i, n + 1)));
  // Line numbers from offsets: count the line breaks before each unit's start.
  const lineAt = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
  const lines = units.map((u, i) => ({
    line: lineAt(u.start),
    text: u.text,
    classes: classesOf(u),
    article: articleOf.get(i) ?? 0,
    decision: decisions.get(i),
  }));
  return { layout, lines };
}

/** The explanation as text: one row per line, a rule row at every boundary. */
export function formatExplained(p: ExplainedPage): string {
  const blank = { paragraphs: '空行分段', blocks: '空行分隔文章', none: '没有空行' }[p.layout.blankLines];
  const out = [`版面特征：${p.layout.indented ? '段落缩进、标题顶格（电子版）' : '段落不缩进'}；${blank}；${p.layout.closingBylines ? '署名在文末' : '署名不在文末'}${p.layout.folded ? '；定宽折行（已接回段落）' : ''}${p.layout.indented && !readsAsEPaper(p.layout) ? '；全角数字（旧版文本，按旧版拆分）' : ''}`];
  for (const l of p.lines) {
    const mark = l.decision?.start ? '▶' : ' ';
    const why = l.decision ? `${l.decision.start ? '新文章' : '续'}:${l.decision.rule}` : l.article ? '首行' : '';
    out.push(`${String(l.line).padStart(4)} ${mark} #${String(l.article).padEnd(3)} ${l.classes.join(',').padEnd(22)} ${why.padEnd(40)} ${l.text.slice(0, 40)}`);
  }
  return out.join('\n');
}
