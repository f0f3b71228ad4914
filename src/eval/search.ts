/**
 * Known-item search evaluation on the pages-dev set (issue 15).
 *
 *   npm run eval:search [-- --verbose] [--archive DIR] [--set modern] [--lens 1,2,3,4]
 *
 * `--lens SEEDS`: the same queries over the shuffled lens's pages instead (eval/search-lens.ts).
 *
 * Imports `../shared/pages-dev` (82 real 人民日报 pages, read in place) into a
 * temporary archive with `--paper 人民日报`, through the same core call the
 * CLI's `import` uses (`Archive#importSources`), then runs each of the 150
 * queries of `queries-dev.jsonl` (`q_keywords` and `q_title`) with limit 10.
 *
 * Rank = position of the first hit whose headline (kicker + title + subtitle)
 * contains the first 10 characters of the gold `title` (NFKC, white space
 * removed, `（附图片…）` dropped). Score: MRR@10 per query kind. Printed for
 * all queries and for two halves by date: A = days 1–5 (the tuning half),
 * B = days 6–10 (held out: do not tune on it). A miss is explained as
 *   not parsed  – no article in the archive has that headline (a parser matter),
 *   no hit      – the query returned nothing,
 *   below 10    – the target exists but was not among the first 10 (its rank
 *                 among the first 1000 is shown when found there).
 *
 * `--sweep` (tuning): varies one ranking parameter at a time around
 * DEFAULT_RANKING and prints MRR@10 on half A only (the tuning half), then
 * the current settings on both halves. The 51 dev queries of half A are too
 * few and too easy to tell settings apart, so the sweep also scores a larger
 * tuning set made by the same method from every gold article of the half-A
 * pages (`q_keywords` = jieba `extract(article text, 3)`, `q_title` =
 * `extract(headline, 2)`; this reproduces queries-dev.jsonl exactly); `--plain` runs MiniSearch's own
 * ranking (no whole-word weights, proximity or partial matches).
 *
 * `--archive DIR` keeps (or reuses) the imported archive in DIR instead of a
 * temporary folder; reuse is only valid while the tokenizer is unchanged
 * (the archive rebuilds its index when the fingerprint differs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive } from '../core/service';
import { expandPaths } from '../core/ingest/sources';
import { withConnection } from '../core/store/db';
import { DEFAULT_RANKING, type RankingOptions } from '../core/search/article-index';
import { loadJieba } from '../core/text/jieba';
import { PAGES_DEV_MODERN_DIR } from './dev-sets';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGES_DEV_DIR = path.resolve(repoRoot, '..', 'shared', 'pages-dev');

export interface DevQuery {
  article_id: string;
  date: string;
  page: number;
  title: string;
  q_keywords: string;
  q_title: string;
  /** Made from pages-dev-modern's gold (`--set modern`); else a query of queries-dev.jsonl (1998). */
  modern?: boolean;
}

export type Kind = 'q_keywords' | 'q_title';
export const KINDS: Kind[] = ['q_keywords', 'q_title'];

export type Reason = 'not parsed' | 'no hit' | 'below 10';

export interface Outcome {
  query: DevQuery;
  kind: Kind;
  /** 1-based rank within the first 10, or 0. */
  rank: number;
  reason?: Reason;
  /** Rank within the first 1000 for a `below 10` miss (0 = not there either). */
  deepRank?: number;
  /** Query words missing from the target's stored text (a sign the parser cut its body off). */
  absent?: string[];
  total: number;
}

/** A headline or gold title as compared: NFKC, no white space, no `（附图片…）`. */
export function foldTitle(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\(附图片[^)]*\)/g, '');
}

export function goldKey(title: string): string {
  return foldTitle(title).slice(0, 10);
}

function headlineOf(h: { kicker?: string; title: string; subtitle?: string }): string {
  return foldTitle([h.kicker, h.title, h.subtitle].filter(Boolean).join(''));
}

/**
 * Day of the month of a query's page: half A is days 1–5 (tuning), half B days 6–10 (held out);
 * for the modern set (February 2019) A is days 1–14, as for its reading (dev-sets.ts).
 */
export function halfOf(q: DevQuery): 'A' | 'B' {
  return Number(q.date.slice(6, 8)) <= (q.modern ? 14 : 5) ? 'A' : 'B';
}

export function loadQueries(dir = PAGES_DEV_DIR): DevQuery[] {
  return fs
    .readFileSync(path.join(dir, 'queries-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevQuery);
}

/** Open an archive with the pages-dev pages imported (a fresh temp folder unless `dir` is given). */
export async function devArchive(dir?: string, pagesDir = PAGES_DEV_DIR): Promise<Archive> {
  const target = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-eval-search-'));
  fs.mkdirSync(target, { recursive: true });
  const a = await Archive.open({ dir: target, autoBackup: false, saveDelayMs: 60_000 });
  const files = fs
    .readdirSync(pagesDir)
    .filter((f) => /^\d{8}-\d{2}\.txt$/.test(f))
    .sort()
    .map((f) => path.join(pagesDir, f));
  await a.importSources(expandPaths(files).sources, { paper: '人民日报' });
  return a;
}

/** Run every query of both kinds and rank the target. */
export async function runEval(a: Archive, queries: DevQuery[]): Promise<Outcome[]> {
  const rows = withConnection(a.dir, (db) => db.prepare('SELECT kicker, title, subtitle, paragraphs FROM articles').all([])) as {
    kicker: string | null;
    title: string;
    subtitle: string | null;
    paragraphs: string;
  }[];
  const headlines = rows.map((r) => headlineOf({ kicker: r.kicker ?? undefined, title: r.title, subtitle: r.subtitle ?? undefined }));
  const textOf = (key: string) => {
    const r = rows[headlines.findIndex((h) => h.includes(key))];
    const paras = (JSON.parse(r.paragraphs) as { text: string }[]).map((p) => p.text);
    return foldTitle([r.kicker, r.title, r.subtitle, ...paras].filter(Boolean).join('')).toLowerCase();
  };
  const out: Outcome[] = [];
  for (const query of queries) {
    const key = goldKey(query.title);
    const parsed = headlines.some((h) => h.includes(key));
    for (const kind of KINDS) {
      const res = await a.search({ query: query[kind], limit: 10, facets: false });
      const i = res.hits.findIndex((h) => headlineOf(h).includes(key));
      const o: Outcome = { query, kind, rank: i + 1, total: res.total };
      if (i < 0) {
        if (!parsed) o.reason = 'not parsed';
        else if (res.total === 0) o.reason = 'no hit';
        else {
          o.reason = 'below 10';
          const deep = await a.search({ query: query[kind], limit: 1000, facets: false });
          o.deepRank = deep.hits.findIndex((h) => headlineOf(h).includes(key)) + 1;
          const text = textOf(key);
          const absent = query[kind].split(/\s+/).filter((w) => w && !text.includes(foldTitle(w).toLowerCase()));
          if (absent.length) o.absent = absent;
        }
      }
      out.push(o);
    }
  }
  return out;
}

export function mrr(outcomes: Outcome[]): number {
  if (!outcomes.length) return 0;
  return outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / outcomes.length;
}

export interface Summary {
  half: 'all' | 'A' | 'B';
  kind: Kind;
  n: number;
  mrr: number;
  /** MRR over the queries whose target was parsed as an article. */
  mrrParsed: number;
  /** MRR over the queries whose target was parsed with the query's words in its text (no parser loss at all). */
  mrrWhole: number;
  hist: number[];
  misses: Record<Reason, number>;
}

export function summarise(outcomes: Outcome[]): Summary[] {
  const out: Summary[] = [];
  for (const half of ['all', 'A', 'B'] as const) {
    for (const kind of KINDS) {
      const os2 = outcomes.filter((o) => o.kind === kind && (half === 'all' || halfOf(o.query) === half));
      const hist = new Array(11).fill(0);
      for (const o of os2) hist[o.rank ? o.rank - 1 : 10]++;
      const misses = { 'not parsed': 0, 'no hit': 0, 'below 10': 0 };
      for (const o of os2) if (o.reason) misses[o.reason]++;
      out.push({ half, kind, n: os2.length, mrr: mrr(os2), mrrParsed: mrr(os2.filter((o) => o.reason !== 'not parsed')),
        mrrWhole: mrr(os2.filter((o) => o.reason !== 'not parsed' && !o.absent)),
        hist, misses });
    }
  }
  return out;
}

function print(outcomes: Outcome[], verbose: boolean): void {
  const label = { all: 'all        ', A: 'A (tuning) ', B: 'B (held)   ' };
  console.log('MRR@10: all queries; (targets parsed as an article); [targets parsed with the query words in their text]');
  console.log('half          kind        n    MRR@10  (parsed) [whole]   ranks 1 2 3 4 5 6 7 8 9 10 miss   not-parsed/no-hit/below-10');
  for (const s of summarise(outcomes)) {
    console.log(
      `${label[s.half]}   ${s.kind.padEnd(10)} ${String(s.n).padStart(3)}   ${s.mrr.toFixed(3)}   (${s.mrrParsed.toFixed(3)}) [${s.mrrWhole.toFixed(3)}]   ${s.hist.join(' ')}   ${s.misses['not parsed']}/${s.misses['no hit']}/${s.misses['below 10']}`,
    );
  }
  console.log('');
  console.log('misses:');
  for (const o of outcomes.filter((x) => x.reason)) {
    let deep = o.reason === 'below 10' ? ` (rank ${o.deepRank || '>1000'} of ${o.total})` : '';
    if (o.absent) deep += ` [target text lacks ${o.absent.join(' ')}: body not attached by the parser?]`;
    console.log(`  [${halfOf(o.query)}] ${o.kind.padEnd(10)} ${o.reason}${deep}  「${o.query[o.kind]}」 → ${o.query.title}  (${o.query.article_id})`);
  }
  if (verbose) {
    console.log('');
    console.log('ranks 2–10:');
    for (const o of outcomes.filter((x) => x.rank > 1)) console.log(`  [${halfOf(o.query)}] ${o.kind.padEnd(10)} rank ${o.rank}  「${o.query[o.kind]}」 → ${o.query.title}`);
  }
}

/** Queries made as queries-dev.jsonl was, for every gold article of the half-A pages (the tuning half only). */
export function tuningQueries(dir = PAGES_DEV_DIR): DevQuery[] {
  const jieba = loadJieba();
  const out: DevQuery[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => /^\d{8}-\d{2}\.gold\.json$/.test(x)).sort()) {
    const id = f.slice(0, 11);
    if (Number(id.slice(6, 8)) > 5) continue;
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
      articles: { article_id: string; char_start: string; char_end: string; first_para: string }[];
    };
    for (const g of gold.articles) {
      const title = g.first_para;
      if (title.length > 40) continue; // a brief without a headline: its "title" is its first paragraph
      const words = (t: string, n: number) => jieba.extract(t, n).map((k) => k.word).join(' ');
      const q_keywords = words(text.slice(Number(g.char_start), Number(g.char_end)), 3);
      const q_title = words(title.replace(/（附图片[^）]*）/g, ''), 2);
      if (!q_keywords || !q_title) continue;
      out.push({ article_id: g.article_id, date: id.slice(0, 8), page: Number(id.slice(9, 11)), title, q_keywords, q_title });
    }
  }
  return out;
}

/**
 * Queries made by the same method from every gold article of pages-dev-modern (2019 e-paper
 * text: headlines unindented, paragraphs indented, bylines on their own line): `q_keywords` =
 * jieba `extract(article text, 3)`, `q_title` = `extract(title, 2)`; the target is found by its
 * title (the gold kicker and subtitle are in the hit's headline too, so `includes` still holds).
 */
export function modernQueries(dir = PAGES_DEV_MODERN_DIR): DevQuery[] {
  const jieba = loadJieba();
  const words = (t: string, n: number) => jieba.extract(t, n).map((k) => k.word).join(' ');
  const out: DevQuery[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => /^\d{8}-\d{2}\.gold\.json$/.test(x)).sort()) {
    const id = f.slice(0, 11);
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { articles: { char_start: number; char_end: number; title: string }[] };
    gold.articles.forEach((g, i) => {
      const q_keywords = words(text.slice(g.char_start, g.char_end), 3);
      const q_title = words(g.title, 2);
      if (!q_keywords || !q_title || !g.title) return;
      out.push({ article_id: `${id}-${String(i + 1).padStart(3, '0')}`, date: id.slice(0, 8), page: Number(id.slice(9, 11)), title: g.title, q_keywords, q_title, modern: true });
    });
  }
  return out;
}

/** One parameter at a time around DEFAULT_RANKING, scored on the tuning half (A) only. */
async function sweep(a: Archive, all: DevQuery[]): Promise<void> {
  const tuning = all.filter((q) => halfOf(q) === 'A');
  const wide = tuningQueries();
  // `--base JSON`: sweep around other settings, e.g. --base '{"bm25":{"k":2,"b":0.7,"d":0}}'.
  const bi = process.argv.indexOf('--base');
  const d: RankingOptions = bi >= 0 ? { ...DEFAULT_RANKING, ...(JSON.parse(process.argv[bi + 1]) as Partial<RankingOptions>) } : DEFAULT_RANKING;
  const variants: [string, RankingOptions][] = [['default', d], ['plain (MiniSearch)', { ...d, plain: true }]];
  for (const title of [1, 2, 3, 4, 6, 8]) variants.push([`boost.title ${title}`, { ...d, boost: { ...d.boost, title } }]);
  for (const names of [1, 2, 3]) variants.push([`boost.names ${names}`, { ...d, boost: { ...d.boost, names } }]);
  for (const k of [0.6, 0.9, 1.2, 1.6, 2.0, 3.0]) variants.push([`bm25.k ${k}`, { ...d, bm25: { ...d.bm25, k } }]);
  for (const b of [0.3, 0.5, 0.7, 0.85, 1]) variants.push([`bm25.b ${b}`, { ...d, bm25: { ...d.bm25, b } }]);
  for (const dd of [0, 0.5, 1]) variants.push([`bm25.d ${dd}`, { ...d, bm25: { ...d.bm25, d: dd } }]);
  for (const partWeight of [0.25, 0.5, 0.75, 1]) variants.push([`partWeight ${partWeight}`, { ...d, partWeight }]);
  for (const wholeWeight of [0, 0.5, 1, 2]) variants.push([`wholeWeight ${wholeWeight}`, { ...d, wholeWeight }]);
  for (const x of [0, 0.25, 0.5, 1, 1.5, 2, 3, 5])
    variants.push([`proximity ×${x}`, { ...d, proximity: { title: d.proximity.title * x, sentence: d.proximity.sentence * x, paragraph: d.proximity.paragraph * x } }]);
  console.log(`tuning half A only: MRR@10 keywords / title words — ${tuning.length} dev queries; ${wide.length} generated (parsed targets only)`);
  for (const [name, r] of variants) {
    a.setRanking(r);
    const o = await runEval(a, tuning);
    const k = mrr(o.filter((x) => x.kind === 'q_keywords'));
    const t = mrr(o.filter((x) => x.kind === 'q_title'));
    const w = (await runEval(a, wide)).filter((x) => x.reason !== 'not parsed');
    const wk = mrr(w.filter((x) => x.kind === 'q_keywords'));
    const wt = mrr(w.filter((x) => x.kind === 'q_title'));
    console.log(`  ${name.padEnd(22)} dev ${k.toFixed(3)} / ${t.toFixed(3)}   generated ${wk.toFixed(3)} / ${wt.toFixed(3)}   mean ${((wk + wt) / 2).toFixed(4)}`);
  }
  a.setRanking(d);
  if (process.argv.includes('--verbose')) {
    console.log('generated tuning queries below rank 1 with the current settings:');
    for (const o of await runEval(a, wide)) {
      if (o.rank !== 1 && o.reason !== 'not parsed') console.log(`  ${o.kind.padEnd(10)} ${o.rank || o.reason}  「${o.query[o.kind]}」 → ${o.query.title}`);
    }
  }
  console.log('');
}

export async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!fs.existsSync(path.join(PAGES_DEV_DIR, 'queries-dev.jsonl'))) {
    console.log(`pages-dev not found at ${PAGES_DEV_DIR}: skipped.`);
    return;
  }
  const ai = args.indexOf('--archive');
  const keep = ai >= 0 ? args[ai + 1] : undefined;
  const si = args.indexOf('--set');
  const modern = si >= 0 && args[si + 1] === 'modern';
  const pagesDir = modern ? PAGES_DEV_MODERN_DIR : PAGES_DEV_DIR;
  if (modern && !fs.existsSync(pagesDir)) {
    console.log(`pages-dev-modern not found at ${pagesDir}: skipped.`);
    return;
  }
  if (modern && args.includes('--sweep')) {
    console.log('--sweep tunes on the 1998 half A only (its queries and pages): run it without --set modern.');
    return;
  }
  const li = args.indexOf('--lens');
  if (li >= 0) {
    const { lensSearch } = await import('./search-lens');
    await lensSearch((args[li + 1] ?? '1,2,3,4').split(',').map(Number));
    return;
  }
  const t0 = performance.now();
  const a = await devArchive(keep, pagesDir);
  const articles = withConnection(a.dir, (db) => (db.prepare('SELECT count(*) AS n FROM articles').get([]) as { n: number }).n);
  console.log(`imported ${articles} articles from ${pagesDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const queries = modern ? modernQueries() : loadQueries();
  if (modern) console.log(`${queries.length} queries made from every gold article of pages-dev-modern (see modernQueries)`);
  if (args.includes('--plain')) a.setRanking({ ...DEFAULT_RANKING, plain: true });
  if (args.includes('--sweep')) await sweep(a, queries);
  const outcomes = await runEval(a, queries);
  print(outcomes, args.includes('--verbose'));
  await a.close();
  if (!keep) fs.rmSync(a.dir, { recursive: true, force: true });
}

