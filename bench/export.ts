/**
 * Clippings export benchmark: 500 synthetic but varied articles (the sample
 * page's paragraphs, headings and captions shuffled with a seeded PRNG) to
 * PDF (headless Chromium) and DOCX. Prints seconds, sizes and pages.
 * Targets on 2 cores: PDF < 30 s, DOCX < 10 s.
 *
 *   node bin/run-ts.mjs bench/export.ts [--n 500] [--seed 7] [--keep DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPdfRenderer, clippingHtml, exportClippings } from '../src/core/export';
import { parsePage } from '../src/core/ingest';
import type { ArticleDetail, ArticleTag, Paragraph } from '../src/shared/api';
import { prng } from './corpus';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}


function synthetic(n: number, seed: number): ArticleDetail[] {
  const sampleFile = path.resolve('resources/sample/大众日报_2022-01-28_第3版.txt');
  const page = parsePage(readFileSync(sampleFile, 'utf8'), { file: path.basename(sampleFile) });
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const texts = page.articles.flatMap((a) => a.paragraphs.filter((p) => p.type === 'text'));
  const heads = page.articles.flatMap((a) => a.paragraphs.filter((p) => p.type === 'heading'));
  const caps = page.articles.flatMap((a) => a.paragraphs.filter((p) => p.type === 'caption'));
  const bylines = page.articles.map((a) => a.byline).filter((b) => !!b);
  const titles = page.articles.flatMap((a) => [a.title, a.subtitle].filter((t): t is string => !!t));
  const topics = ['营商环境', '科技创新', '民生', '生物医药', '乡村振兴', '城市更新', '教育', '养老'];
  const out: ArticleDetail[] = [];
  for (let i = 0; i < n; i++) {
    const paragraphs: Paragraph[] = [];
    const len = 2 + Math.floor(rand() * 14);
    for (let k = 0; k < len; k++) {
      const r = rand();
      if (r < 0.1 && heads.length) paragraphs.push({ ...pick(heads) });
      else if (r < 0.14 && caps.length) paragraphs.push({ ...pick(caps) });
      else paragraphs.push({ ...pick(texts) });
    }
    const byline = rand() < 0.85 ? pick(bylines) : undefined;
    const tags: ArticleTag[] = [
      ...(byline?.reporters ?? []).map((name): ArticleTag => ({ kind: 'reporter', name, role: '记者', source: 'auto' })),
      ...(byline?.department ? [{ kind: 'department', name: byline.department, source: 'auto' } as ArticleTag] : []),
      { kind: 'topic', name: pick(topics), source: 'manual' },
    ];
    const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10);
    out.push({
      id: i + 1,
      kind: 'story',
      kicker: rand() < 0.2 ? pick(titles) : undefined,
      title: `${pick(titles)}（${i + 1}）`,
      subtitle: rand() < 0.4 ? pick(titles) : undefined,
      dateline: rand() < 0.5 ? { place: '淄博', month: 1, day: 27, raw: '淄博1月27日讯' } : undefined,
      paragraphs,
      byline,
      warnings: [],
      paper: '大众日报',
      date: d,
      page: 1 + Math.floor(rand() * 16),
      importId: 1,
      sourceFile: 'synthetic.txt',
      tags,
      chars: paragraphs.filter((p) => p.type !== 'caption').reduce((s, p) => s + p.text.length, 0),
    });
  }
  return out;
}

/**
 * CPU seconds of this process and all its descendants (Chromium's processes
 * included, live or reaped by a live parent): wall time on a shared machine
 * says little, CPU time says what the work costs. Linux only; NaN elsewhere.
 */
function treeCpuSeconds(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime (fields 14-17 of stat).
      procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  let ticks = 0;
  for (const [pid, p] of procs) {
    let q = pid;
    for (let hops = 0; q && q !== process.pid && hops < 64; hops++) q = procs.get(q)?.ppid ?? 0;
    if (q === process.pid) ticks += p.ticks;
  }
  return ticks / 100;
}

function pdfPages(file: string): string {
  try {
    return /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
  } catch {
    return '? (pdfinfo missing)';
  }
}

const n = Number(arg('n', '500'));
const seed = Number(arg('seed', '7'));
const keep = arg('keep', '');
const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'baoku-bench-export-'));
mkdirSync(dir, { recursive: true });

const articles = synthetic(n, seed);
const chars = articles.reduce((s, a) => s + a.chars, 0);
console.log(`导出基准：${n} 篇文章，${chars} 字，随机种子 ${seed}`);
const opts = { title: '基准测试', query: '高新区', highlightTerms: ['高新区'], now: new Date(2024, 0, 1) };
console.log(`机器负载 ${loadavg().map((l) => l.toFixed(1)).join(' ')}，${availableParallelism()} 核`);
const results: Partial<Record<'pdf' | 'docx', number>> = {};
const formats = arg('only', '') ? [arg('only', '') as 'pdf' | 'docx'] : (['docx', 'pdf'] as const);
for (const format of formats) {
  // Chromium's processes vanish as it closes: keep the highest CPU total seen while it runs.
  let cpuAtClose = NaN;
  const base = chromiumPdfRenderer();
  const pdf = {
    render: async (html: string, o: { headerTitle: string }) => {
      const watch = setInterval(() => (cpuAtClose = Math.max(treeCpuSeconds(), Number.isNaN(cpuAtClose) ? 0 : cpuAtClose)), 200);
      try {
        return await base.render(html, o);
      } finally {
        clearInterval(watch);
      }
    },
  };
  const cpu0 = treeCpuSeconds();
  const t0 = performance.now();
  const r = await exportClippings(articles, { ...opts, format, pdf });
  const secs = (performance.now() - t0) / 1000;
  const cpu = (format === 'pdf' ? cpuAtClose : treeCpuSeconds()) - cpu0;
  results[format] = secs;
  const file = path.join(dir, r.fileName);
  writeFileSync(file, r.data);
  const extra = format === 'pdf' ? `，${pdfPages(file)} 页` : '';
  console.log(`${format.padEnd(4)} 实际用时 ${secs.toFixed(2)} 秒，CPU ${cpu.toFixed(1)} 秒，${(r.data.length / 1048576).toFixed(1)} MiB${extra}`);
}
if (keep) writeFileSync(path.join(dir, 'clippings.html'), clippingHtml(articles, { ...opts, format: 'html' }));
if (!keep) rmSync(dir, { recursive: true, force: true });
const ok = (results.pdf ?? 0) < 30 && (results.docx ?? 0) < 10;
console.log(`目标（PDF < 30 秒，DOCX < 10 秒，实际用时）：${ok ? '达到' : '未达到'}`);
