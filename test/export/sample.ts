/**
 * The sample page's articles as `ArticleDetail`s, built from the raw text and
 * its hand-labelled `.expected.json` (title lines, headings, captions, names):
 * blocks between blank lines, column-break fragments joined back together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleDetail, ArticleTag, Paragraph } from '../../src/shared/api';

export const SAMPLE_TXT = path.resolve('resources/sample/大众日报_2022-01-28_第3版.txt');
const SAMPLE_JSON = SAMPLE_TXT.replace(/\.txt$/, '.expected.json');

interface Expected {
  paper: string;
  articles: {
    kind: ArticleDetail['kind'];
    titleLines: string[];
    reporters: string[];
    correspondents: string[];
    headings?: string[];
    captions?: string[];
    mustContain?: string[];
    organization?: string;
    department?: string;
    dateline?: { place: string; month: number; day: number } | null;
  }[];
}

/** Sentence-final: a block ending like this is a whole paragraph; otherwise a column break cut it. */
const ENDS = /[。！？!?…”"）)]$/;

/** Whether a span the labels say must stay unbroken runs from the last paragraph into block `b`. */
function crosses(paragraphs: Paragraph[], b: string, spans: string[]): boolean {
  const last = paragraphs[paragraphs.length - 1];
  if (!last || last.type !== 'text') return false;
  const joined = last.text + b;
  return spans.some((s) => joined.includes(s) && !last.text.includes(s) && !b.includes(s));
}

export function sampleArticles(): ArticleDetail[] {
  const raw = readFileSync(SAMPLE_TXT, 'utf8');
  const exp = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8')) as Expected;
  const blocks = raw
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.replace(/\s*\r?\n\s*/g, '').trim())
    .filter(Boolean);
  const starts = exp.articles.map((a) => {
    const at = blocks.indexOf(a.titleLines[0]);
    if (at < 0) throw new Error(`title not found: ${a.titleLines[0]}`);
    return at;
  });
  return exp.articles.map((e, i) => {
    const own = blocks.slice(starts[i] + e.titleLines.length, starts[i + 1] ?? blocks.length);
    const bylineRaw = e.reporters.length ? own.pop() : undefined;
    const paragraphs: Paragraph[] = [];
    let open = false;
    for (const b of own) {
      if (e.headings?.includes(b)) {
        paragraphs.push({ type: 'heading', text: b });
        open = false;
      } else if (e.captions?.includes(b)) {
        paragraphs.push({ type: 'caption', text: b });
        open = false;
      } else if (open || crosses(paragraphs, b, e.mustContain ?? [])) {
        paragraphs[paragraphs.length - 1].text += b;
        open = !ENDS.test(b) && e.kind !== 'sidebar';
      } else {
        paragraphs.push({ type: 'text', text: b });
        open = !ENDS.test(b) && e.kind !== 'sidebar';
      }
    }
    let dateline: ArticleDetail['dateline'];
    if (e.dateline) {
      const first = paragraphs.find((p) => p.type === 'text')!;
      const m = /^(\S+?\d+月\d+日[讯电])\s*/.exec(first.text);
      if (!m) throw new Error(`no dateline in ${first.text.slice(0, 20)}`);
      first.text = first.text.slice(m[0].length);
      dateline = { place: e.dateline.place, month: e.dateline.month, day: e.dateline.day, raw: m[1] };
    }
    const tags: ArticleTag[] = [
      ...e.reporters.map((name): ArticleTag => ({ kind: 'reporter', name, role: '记者', source: 'auto' })),
      ...e.correspondents.map((name): ArticleTag => ({ kind: 'reporter', name, role: '通讯员', source: 'auto' })),
      ...(e.department ? [{ kind: 'department', name: e.department, source: 'auto' } as ArticleTag] : []),
      { kind: 'topic', name: '淄博', source: 'manual' },
    ];
    const [title, subtitle] = e.titleLines;
    return {
      id: 101 + i,
      kind: e.kind,
      title,
      subtitle,
      dateline,
      paragraphs,
      byline: bylineRaw
        ? {
            raw: bylineRaw,
            organization: e.organization,
            department: e.department,
            reporters: e.reporters,
            correspondents: e.correspondents,
            photographers: [],
            interns: [],
          }
        : undefined,
      warnings: [],
      paper: exp.paper,
      date: '2022-01-28',
      page: 3,
      importId: 1,
      sourceFile: path.basename(SAMPLE_TXT),
      tags,
      chars: paragraphs.filter((p) => p.type !== 'caption').reduce((n, p) => n + Array.from(p.text).length, 0),
    };
  });
}
