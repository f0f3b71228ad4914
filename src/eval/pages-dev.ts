/**
 * Evaluate the page parser on the two dev sets of real 人民日报 pages with gold article spans:
 * `pages-dev` (82 pages, January 1998: paragraphs between blank lines) and `pages-dev-modern`
 * (60 pages, February 2019, e-paper text: headline lines unindented, paragraphs indented, no blank lines).
 *
 *   node bin/run-ts.mjs scripts/eval-pages-dev.ts [--set 1998|modern|all] [--verbose] [--page ID] [--half a|b] [--halves]
 *
 * `--half a|b` limits the run (and `--verbose`) to one half, so tuning never lists the held-out pages.
 * `--halves` prints the figures of each half by date (1998: Jan 1–6 = A, 40 pages, 7–10 = B, 42 pages;
 * 2019: Feb 1–14 = A, 31 pages, 15 on = B, 29 pages). Rules are tuned on half A; half B is the honest
 * estimate for unseen pages. (Until PARSER_VERSION 2 the 1998 split was Jan 1–5 / 6–10, 29 / 53 pages.)
 *
 * An article counts as found when its charStart/charEnd equal a gold article's char_start/char_end
 * up to a few characters of white space. Headline: on 1998 pages the article's first headline line
 * (kicker, else title; for a headline-less brief its first raw line) equals the gold first_para; on
 * modern pages kicker, title and subtitle all equal the gold ones (the headline block), after NFKC
 * and white-space removal. Reads `../shared/…` relative to the repo root; skips cleanly when absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { guessFromFileName, parsePage } from '../core/ingest';
import { articleDate } from '../core/store/dates';
import { evalPeople } from './people';
import { DEV_SETS, inHalf, type DevSet, type Half } from './dev-sets';
import type { ParsedArticle } from '../shared/types';

export { DEV_SETS, PAGES_DEV_DIR, PAGES_DEV_MODERN_DIR, SHARED_DIR, inHalf, type DevSet, type Half } from './dev-sets';

export interface GoldArticle {
  char_start: number;
  char_end: number;
  first_para: string;
  title?: string;
  kicker?: string | null;
  subtitle?: string | null;
}

export interface PageScore {
  page: string;
  gold: number;
  found: number;
  matched: number;
  headlines: number;
}

export interface EvalResult {
  pages: PageScore[];
  precision: number;
  recall: number;
  f1: number;
  /** Correct headlines / matched articles. */
  headlineAccuracy: number;
  /** Correct headlines / gold articles. */
  headlineRecall: number;
  ms: number;
  bytes: number;
  /** Articles whose stored date (`store/dates.ts`) is the issue's date from the file name. */
  datedByIssue: number;
}

const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

function sameBoundary(text: string, a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) > 4) return false;
  return text.slice(Math.min(a, b), Math.max(a, b)).trim() === '';
}

export function firstHeadline(a: ParsedArticle, text: string): string {
  if (a.warnings.includes('没有标题，用首句代替')) {
    const raw = text.slice(a.charStart ?? 0, a.charEnd ?? 0);
    return raw.split(/\n/)[0] ?? '';
  }
  return a.kicker ?? a.title;
}

export function sameHeadline(set: DevSet, a: ParsedArticle, g: GoldArticle, text: string): boolean {
  if (set === '1998') return fold(firstHeadline(a, text)) === fold(g.first_para);
  return fold(a.kicker) === fold(g.kicker) && fold(a.title) === fold(g.title) && fold(a.subtitle) === fold(g.subtitle);
}

function showHeadline(a: { kicker?: string | null; title?: string; subtitle?: string | null }): string {
  return [a.kicker && `[${a.kicker}]`, a.title, a.subtitle && `[${a.subtitle}]`].filter(Boolean).join(' ');
}

/** Half A or B of a set, by the edition's day; both when undefined. */

export interface EvalOptions {
  set?: DevSet;
  only?: string;
  verbose?: boolean;
  half?: Half;
}

export function evaluate(opts: EvalOptions = {}): EvalResult | null {
  const set = opts.set ?? '1998';
  const dir = DEV_SETS[set];
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
  const pages: PageScore[] = [];
  // Load jieba's dictionary before timing (a one-off of a few seconds per process).
  if (files[0]) parsePage(fs.readFileSync(path.join(dir, files[0].replace('.gold.json', '.txt')), 'utf8'), { file: 'warm.txt' });
  let ms = 0;
  let bytes = 0;
  let dated = 0;
  for (const f of files) {
    const id = f.replace('.gold.json', '');
    if (opts.only && id !== opts.only) continue;
    if (!inHalf(id, opts.half, set)) continue;
    const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { articles: GoldArticle[] };
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    bytes += Buffer.byteLength(text);
    const t0 = performance.now();
    const parsed = parsePage(text, { file: `${id}.txt` });
    ms += performance.now() - t0;
    let matched = 0;
    let headlines = 0;
    const used = new Set<number>();
    if (opts.verbose) console.log(`# ${id}`);
    for (const a of parsed.articles) {
      const gi = gold.articles.findIndex(
        (g, i) => !used.has(i) && sameBoundary(text, g.char_start, a.charStart ?? -99) && sameBoundary(text, g.char_end, a.charEnd ?? -99),
      );
      if (gi < 0) {
        if (opts.verbose) console.log(`  ✗ extra  [${a.charStart}-${a.charEnd}] ${showHeadline(a)}`);
        continue;
      }
      used.add(gi);
      matched++;
      const g = gold.articles[gi];
      if (sameHeadline(set, a, g, text)) headlines++;
      else if (opts.verbose) console.log(`  ✗ title  「${set === '1998' ? firstHeadline(a, text) : showHeadline(a)}」 ≠ 「${set === '1998' ? g.first_para : showHeadline(g)}」`);
    }
    if (opts.verbose) {
      gold.articles.forEach((g, i) => {
        if (!used.has(i)) console.log(`  ✗ missed [${g.char_start}-${g.char_end}] ${set === '1998' ? g.first_para.slice(0, 40) : showHeadline(g)}`);
      });
    }
    pages.push({ page: id, gold: gold.articles.length, found: parsed.articles.length, matched, headlines });
    const issue = guessFromFileName(`${id}.txt`).date ?? `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`;
    for (const a of parsed.articles) if (articleDate(issue, a.dateline, text).date === issue) dated++;
  }
  const sum = (k: keyof PageScore) => pages.reduce((n, p) => n + (p[k] as number), 0);
  const precision = sum('matched') / Math.max(1, sum('found'));
  const recall = sum('matched') / Math.max(1, sum('gold'));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    pages,
    precision,
    recall,
    f1,
    headlineAccuracy: sum('headlines') / Math.max(1, sum('matched')),
    headlineRecall: sum('headlines') / Math.max(1, sum('gold')),
    ms,
    bytes,
    datedByIssue: dated / Math.max(1, sum('found')),
  };
}

const PARSE_TARGET_PAGES_PER_S = 100;

function report(set: DevSet, args: string[]): void {
  const verbose = args.includes('--verbose');
  const pi = args.indexOf('--page');
  const only = pi >= 0 ? args[pi + 1] : undefined;
  const hi = args.indexOf('--half');
  const half = hi >= 0 ? (args[hi + 1] as Half) : undefined;
  const r = evaluate({ set, only, half, verbose: verbose || !!only });
  if (!r) {
    console.log(`${DEV_SETS[set]} not found: skipped.`);
    return;
  }
  if (only && r.pages.length === 0) return;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`== ${set === '1998' ? 'pages-dev (1998)' : 'pages-dev-modern (2019)'}`);
  if (verbose || only) {
    console.log('page          gold found match  P       R       headlines');
    for (const p of r.pages) {
      const P = p.matched / Math.max(1, p.found);
      const R = p.matched / Math.max(1, p.gold);
      console.log(
        `${p.page.padEnd(13)} ${String(p.gold).padStart(4)} ${String(p.found).padStart(5)} ${String(p.matched).padStart(5)}  ${pct(P).padStart(6)}  ${pct(R).padStart(6)}  ${p.headlines}/${p.matched}`,
      );
    }
  }
  console.log(`pages ${r.pages.length}: boundary P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}  headline block ${pct(r.headlineAccuracy)} of matched, ${pct(r.headlineRecall)} of gold`);
  if (args.includes('--halves') && !only) {
    for (const h of ['a', 'b'] as const) {
      const x = evaluate({ set, half: h })!;
      console.log(`  half ${h.toUpperCase()} ${x.pages.length} pages: P ${pct(x.precision)}  R ${pct(x.recall)}  F1 ${pct(x.f1)}  headlines ${pct(x.headlineAccuracy)}`);
      const p = evalPeople(set, h)!;
      console.log(
        `    people: ${p.people} read, junk ${p.junkPeople.length} people / ${p.junkDepartments.length} departments; names after 记者/通讯员/摄影/执笔 found ${pct(p.recall)}; dates: ${pct(x.datedByIssue)} of articles dated by their issue (file name)`,
      );
    }
  }
  const pagesPerS = (r.pages.length * 1000) / r.ms;
  // The parser's speed target; a miss is reported here, never failed in the tests (a busy machine measures less).
  console.log(`  parse time ${r.ms.toFixed(0)} ms for ${(r.bytes / 1024).toFixed(0)} KB (${pagesPerS.toFixed(0)} pages/s wall clock, after loading jieba; target ≥ ${PARSE_TARGET_PAGES_PER_S}: ${pagesPerS >= PARSE_TARGET_PAGES_PER_S ? 'met' : 'MISSED'})`);
}

export function main(): void {
  const args = process.argv.slice(2);
  const si = args.indexOf('--set');
  const which = si >= 0 ? args[si + 1] : 'all';
  const sets: DevSet[] = which === '1998' || which === 'modern' ? [which] : ['1998', 'modern'];
  for (const s of sets) report(s, args);
}

