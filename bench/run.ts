/**
 * `npm run bench [-- --size 10000[,50000,…]] [--only ingest|search] [--seed 1] [--reps 5] [--no-export] [--no-peers] [--no-rebuild]`
 *
 * `--no-rebuild` (with `--only search`): keep the archive's saved index when it is current
 * (no rebuild figure then; the rebuild target is not judged).
 *
 * Builds archives from the real corpus written out as daily-paper page files
 * (bench/corpus.ts, under `.bench-data/`), then per size measures: import end
 * to end and by phase (bench/phases.ts) against jieba's raw segmentation
 * speed; index build, size on disk, cold load and RSS in a fresh process with
 * search latency for bench/queries.json (bench/cold.ts); the same queries on
 * SQLite FTS5 and FlexSearch over the same tokens (bench/peers.ts); tagging
 * 1,000 articles; exporting 500 to PDF and DOCX. Prints one table per size and
 * writes `bench/results/<date>-<size>.json`.
 */
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../src/core/service';
import { expandPaths } from '../src/core/ingest/sources';
import { INDEX_FILE, INDEX_FILES } from '../src/core/search/persist';
import { openDatabase } from '../src/core/store/db';
import { articleCount } from '../src/core/store/articles';
import { CORPUS_FILE, ensurePages } from './corpus';
import { decodeAndParse, runPhases, storeAll, tokenizeStore, type PhaseTimes } from './phases';
import { bylineTags, cleanTagName } from '../src/core/store/tags';
import { addWords } from '../src/core/text/tokenizer';
import { buildFlex, buildFts, type PeerEngine, type TokenDoc } from './peers';
import { planQuery } from './plan';
import { cpuMs, fileSize, gc, latency, loadQueries, mb, now, progress, rssMb, timeQueries, type Latency } from './measure';
import type { ColdResult } from './cold';
import { loadSampler, missedTargets, type LoadFigures } from './targets';

const ROOT = process.cwd();
const DATA = path.join(ROOT, '.bench-data');
const PAPER = '新闻联播报';

interface Args {
  sizes: number[];
  only?: 'ingest' | 'search';
  seed: number;
  reps: number;
  exportDocs: boolean;
  /** Measure FTS5 and FlexSearch on the same documents too (default on). */
  peers: boolean;
  /** Keep a current saved index instead of rebuilding it (timed) first. */
  rebuild: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [10000], seed: 1, reps: 5, exportDocs: true, peers: true, rebuild: true };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--no-export' || k === '--no-peers' || k === '--no-rebuild') {
      if (k === '--no-export') a.exportDocs = false;
      else if (k === '--no-peers') a.peers = false;
      else a.rebuild = false;
      continue;
    }
    if (k === '--size') a.sizes = v.split(',').map((s) => Number(s.replace(/k$/i, '000')));
    else if (k === '--only') a.only = v as Args['only'];
    else if (k === '--seed') a.seed = Number(v);
    else if (k === '--reps') a.reps = Number(v);
    else throw new Error(`unknown option ${k}`);
    i++;
  }
  if (a.sizes.some((s) => !Number.isInteger(s) || s < 100)) throw new Error('--size: whole numbers ≥ 100');
  return a;
}

const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
const r1 = (x: number) => Math.round(x * 10) / 10;
const sec = (ms: number) => r1(ms / 1000);

interface PeerResult {
  name: string;
  buildMs: number;
  /** This process's CPU time during the build (a fairer figure than wall time on a shared machine). */
  buildCpuMs: number;
  sizeMb: number;
  heapDeltaMb?: number;
  relevance: Latency;
  date: Latency;
  totals: Record<string, number>;
}

interface SizeResult {
  size: number;
  pages: { files: number; items: number; mb: number; firstDate: string; lastDate: string };
  articles?: number;
  import?: { ms: number; cpuMs: number; articlesPerS: number; mbPerS: number; fractionOfJieba?: number };
  phases?: PhaseTimes & { jiebaCharsPerS: number; segmentCharsPerS: number };
  /** `openMs`: the open and its checks before a timed rebuild of an archive that had an index (not part of `rebuildMs`). */
  indexBuild?: { timed: boolean; openMs?: number; rebuildCpuMs: number; rebuildMs: number; saveMs: number; sizeMb: number; dbMb: number };
  cold?: ColdResult;
  peers?: PeerResult[];
  tagging?: { addMs: number; removeMs: number; articles: number };
  /** The machine's 1-minute load average during this size's run (others share the machine). */
  load?: LoadFigures;
  /** Issue 16's targets missed (bench/targets.ts). */
  missed?: string[];
  export?: { pdfMs?: number; pdfMb?: number; docxMs?: number; docxMb?: number; error?: string };
  totalMs: number;
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function importArchive(dir: string, files: string[], bytes: number): Promise<{ ms: number; cpuMs: number; articles: number }> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const archive = await Archive.open({ dir, autoBackup: false });
  const sources = expandPaths([path.dirname(files[0]) === dir ? dir : path.dirname(path.dirname(files[0]))]).sources;
  const tick = progress('导入', sources.length, 10000);
  const t = now();
  const c = cpuMs();
  await archive.importSources(sources, { paper: PAPER }, (_r, done) => void tick(done));
  await archive.close(); // saves the index: part of the import
  const ms = now() - t;
  const cpu = cpuMs() - c;
  const { db } = openDatabase(dir);
  const articles = articleCount(db);
  db.close();
  fs.writeFileSync(path.join(dir, 'bench-complete.json'), JSON.stringify({ articles, bytes, ms }));
  return { ms, cpuMs: cpu, articles };
}

/**
 * Bulk build for `--only search` when no archive exists: parse and store every page directly (the
 * import path is not timed). Then one untimed open, which builds the index and gives every article
 * its near-duplicate signature, as an import leaves an archive: without it the first timed rebuild
 * would also sign and group all articles (at 150k: 79 s where a rebuild takes 31 s), work no
 * rebuild of an imported archive does.
 */
async function bulkBuild(dir: string, files: string[]): Promise<number> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const dp = decodeAndParse(files, PAPER);
  const names = new Set<string>();
  for (const p of dp.parsed) for (const a of p.page.articles) for (const t of bylineTags(a)) names.add(cleanTagName(t.kind, t.name));
  addWords(names);
  const { db } = openDatabase(dir);
  storeAll(db, dp.parsed);
  const articles = articleCount(db);
  db.close();
  log('首次打开：建索引、算近似重复签名（导入时本应算好；不计时）');
  const archive = await Archive.open({ dir, autoBackup: false });
  await archive.checked;
  await archive.close();
  fs.writeFileSync(path.join(dir, 'bench-complete.json'), JSON.stringify({ articles, bulk: true }));
  return articles;
}

function runCold(dir: string, reps: number): ColdResult {
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bin', 'run-ts.mjs'), path.join(ROOT, 'bench', 'cold.ts'), dir, String(reps)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ColdResult;
}

async function runPeers(docs: TokenDoc[], size: number, seed: number, reps: number): Promise<PeerResult[]> {
  const queries = loadQueries();
  const plans = queries.map((q) => planQuery(q.q, q.filters));
  const out: PeerResult[] = [];
  for (const make of [() => buildFts(docs, path.join(DATA, `peer-fts-${size}-s${seed}.sqlite`)), () => buildFlex(docs)]) {
    gc();
    const c0 = cpuMs();
    const e: PeerEngine = make();
    const buildCpuMs = cpuMs() - c0;
    log(`${e.name}: 建索引 ${sec(e.buildMs)} s (CPU ${sec(buildCpuMs)} s)`);
    const totals: Record<string, number> = {};
    const rel = await timeQueries(plans, reps, (p) => {
      const r = e.search(p, 'relevance');
      totals[queries[plans.indexOf(p)].q] = r.total;
    });
    const date = await timeQueries(plans, reps, (p) => e.search(p, 'date'));
    out.push({
      name: e.name,
      buildMs: Math.round(e.buildMs),
      buildCpuMs: Math.round(buildCpuMs),
      sizeMb: mb(e.sizeBytes),
      heapDeltaMb: e.heapDeltaMb,
      relevance: latency(rel.all),
      date: latency(date.all),
      totals,
    });
    e.close();
  }
  return out;
}

async function benchSize(size: number, args: Args): Promise<SizeResult> {
  const t0 = now();
  const pages = ensurePages(DATA, size, args.seed, log);
  log(`规模 ${size}: ${pages.files.length} 个页面文件, ${pages.items} 条, ${mb(pages.bytes)} MB (${pages.firstDate} .. ${pages.lastDate})`);
  const res: SizeResult = {
    size,
    pages: { files: pages.files.length, items: pages.items, mb: mb(pages.bytes), firstDate: pages.firstDate, lastDate: pages.lastDate },
    totalMs: 0,
  };
  const dir = path.join(DATA, `archive-${size}-s${args.seed}`);
  const reuse = args.only === 'search' && fs.existsSync(path.join(dir, 'bench-complete.json'));
  if (reuse) {
    log(`复用已有档案库 ${dir}`);
    res.articles = (JSON.parse(fs.readFileSync(path.join(dir, 'bench-complete.json'), 'utf8')) as { articles: number }).articles;
  } else if (args.only === 'search') {
    log('只测检索：直接解析并写库（不计导入时间），索引在下一步建');
    res.articles = await bulkBuild(dir, pages.files);
  } else {
    log('导入（端到端：文件 → 解码/解析 → 数据库 → 索引）');
    const imp = await importArchive(dir, pages.files, pages.bytes);
    res.articles = imp.articles;
    res.import = { ms: Math.round(imp.ms), cpuMs: Math.round(imp.cpuMs), articlesPerS: Math.round(imp.articles / (imp.ms / 1000)), mbPerS: Math.round((pages.bytes / 1048576 / (imp.ms / 1000)) * 100) / 100 };
    log(`导入 ${imp.articles} 篇, ${sec(imp.ms)} s, ${res.import.articlesPerS} 篇/s`);
  }
  gc();

  let docs: TokenDoc[] | null = null;
  if (args.only !== 'search') {
    log('分阶段计时（同一批页面，直接调用各部分）');
    const ph = runPhases(pages.files, PAPER, path.join(DATA, `scratch-${size}`));
    fs.rmSync(path.join(DATA, `scratch-${size}`), { recursive: true, force: true });
    docs = ph.docs;
    const t = ph.times;
    res.phases = { ...t, jiebaCharsPerS: Math.round(t.chars / (t.jiebaFloorMs / 1000)), segmentCharsPerS: Math.round(t.chars / (t.segmentMs / 1000)) };
    if (res.import && res.articles) {
      // Floor: jieba alone on the imported text, as articles/s.
      const floorArticlesPerS = t.articles / (t.jiebaFloorMs / 1000);
      res.import.fractionOfJieba = Math.round((res.import.articlesPerS / floorArticlesPerS) * 1000) / 1000;
    }
  }

  if (args.only !== 'ingest') {
    log('重建索引（从数据库）');
    const hadIndex = fs.existsSync(path.join(dir, INDEX_FILE));
    let tb = now();
    let cb = cpuMs();
    // Without a (current) index file, open itself rebuilds and saves: that is then the timed build
    // (open included). Otherwise the archive is opened and its checks after open (quick_check, the
    // loaded index's verification) finish first, untimed: the rebuild is then timed alone, as the
    // peers' builds are (each from its own documents, nothing else running in the process).
    const archive = await Archive.open({ dir, autoBackup: false, log: (m) => log(m) });
    const rebuilt = !hadIndex || archive.openNotices.some((n) => /重建检索索引/.test(n));
    if (!args.rebuild && rebuilt) log('索引不是最新的：已重建（计时，含打开）');
    let openMs: number | undefined;
    if (args.rebuild && hadIndex && !rebuilt) {
      await archive.checked;
      openMs = now() - tb;
      log(`打开并检查完 ${sec(openMs)} s（不计入重建）`);
      tb = now();
      cb = cpuMs();
      const tick = progress('重建索引', res.articles ?? 0, 10000);
      await archive.rebuildIndex((d) => tick(d)); // includes one save
    }
    const rebuildMs = now() - tb;
    const rebuildCpuMs = cpuMs() - cb;
    const ts = now();
    archive.saveIndexNow();
    const saveMs = now() - ts;
    if (!args.rebuild && !rebuilt) log('沿用已保存的索引（--no-rebuild）');
    res.indexBuild = {
      timed: args.rebuild || rebuilt,
      openMs: openMs && Math.round(openMs),
      rebuildMs: Math.round(rebuildMs),
      rebuildCpuMs: Math.round(rebuildCpuMs),
      saveMs: Math.round(saveMs),
      sizeMb: mb(INDEX_FILES.reduce((n, f) => n + fileSize(path.join(dir, f)), 0)),
      dbMb: mb(fileSize(path.join(dir, 'archive.sqlite'))),
    };
    log(`重建 ${sec(rebuildMs)} s, 保存 ${sec(saveMs)} s, 索引文件 ${res.indexBuild.sizeMb} MB`);

    if (!args.only) {
      const all = archive.indexedIds();
      const pick = (n: number) => Array.from({ length: Math.min(n, all.length) }, (_, i) => all[Math.floor((i * all.length) / Math.min(n, all.length))]);
      const ids = pick(1000);
      const tag = { kind: 'topic' as const, name: '基准测试专题' };
      let t = now();
      await archive.changeTags({ ids, add: [tag] });
      const addMs = now() - t;
      t = now();
      await archive.changeTags({ ids, remove: [tag] });
      const removeMs = now() - t;
      res.tagging = { addMs: Math.round(addMs), removeMs: Math.round(removeMs), articles: ids.length };
      log(`标签 1000 篇: 加 ${Math.round(addMs)} ms, 删 ${Math.round(removeMs)} ms`);
      if (args.exportDocs) {
        res.export = {};
        const ex = pick(500);
        for (const format of ['docx', 'pdf'] as const) {
          try {
            t = now();
            const r = await archive.exportClippings({ ids: ex, format, title: '基准测试剪报' });
            const ms = Math.round(now() - t);
            const size = mb(Buffer.byteLength(r.dataBase64, 'base64'));
            if (format === 'pdf') Object.assign(res.export, { pdfMs: ms, pdfMb: size });
            else Object.assign(res.export, { docxMs: ms, docxMb: size });
            log(`导出 500 篇 ${format}: ${ms} ms, ${size} MB`);
          } catch (err) {
            res.export.error = `${format}: ${(err as Error).message}`;
            log(`导出 ${format} 失败: ${(err as Error).message}`);
          }
        }
      }
    }
    await archive.close();
    gc();

    log('冷启动（子进程）：加载索引 + 查询延迟');
    res.cold = runCold(dir, args.reps);
    log(`打开 ${res.cold.openMs} ms, 首个结果 ${res.cold.firstAnswerMs} ms, 检查完 ${res.cold.checkedMs} ms, loadIndex ${res.cold.loadIndexMs} ms, RSS ${res.cold.rssAfterLoadMb} MB, p95 ${res.cold.search.relevance.full.p95} ms；去重的代价（交替计时）p95 ${res.cold.relevanceDedupe.p95} ms vs 不去重 ${res.cold.relevanceNoDedupe.p95} ms`);

    if (!args.peers) {
      res.totalMs = Math.round(now() - t0);
      return res;
    }
    if (!docs) {
      const { db } = openDatabase(dir);
      docs = tokenizeStore(db, res.articles ?? 0).docs;
      db.close();
    }
    res.peers = await runPeers(docs, size, args.seed, args.reps);
  }
  res.totalMs = Math.round(now() - t0);
  return res;
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !b) return '';
  return `×${(a / b).toFixed(2)}`;
}

function table(r: SizeResult): string {
  const rows: string[][] = [['指标', '我们', 'FTS5', '我们/FTS5', 'FlexSearch', '我们/Flex']];
  const fts = r.peers?.find((p) => p.name === 'FTS5');
  const flex = r.peers?.find((p) => p.name === 'FlexSearch');
  const add = (label: string, ours?: number, f?: number, x?: number, unit = '') => {
    const fmt = (v?: number) => (v === undefined ? '' : `${v}${unit}`);
    rows.push([label, fmt(ours), fmt(f), ratio(ours, f), fmt(x), ratio(ours, x)]);
  };
  rows.push([`规模 ${r.size}: ${r.articles} 篇, ${r.pages.files} 个文件, ${r.pages.mb} MB`, '', '', '', '', '']);
  if (r.import) {
    add('导入 端到端 (s)', sec(r.import.ms));
    add('导入 本进程 CPU (s)', sec(r.import.cpuMs));
    add('导入 篇/s', r.import.articlesPerS);
    add('导入 MB/s', r.import.mbPerS);
    if (r.import.fractionOfJieba !== undefined) add('导入速度 / jieba cutForSearch', r.import.fractionOfJieba);
  }
  if (r.phases) {
    const p = r.phases;
    add('  解码+解析 (s)', sec(p.decodeParseMs));
    add('  分词 (s)', sec(p.segmentMs));
    add('  写库 (s)', sec(p.storeMs));
    add('  建索引，预分词 (s)', sec(p.indexMs), fts && sec(fts.buildMs), flex && sec(flex.buildMs));
    add('  jieba cutForSearch 本身 (s)', sec(p.jiebaFloorMs));
    add('  分词 字/s vs jieba 字/s', p.segmentCharsPerS, undefined, p.jiebaCharsPerS);
  }
  if (r.indexBuild?.timed) {
    add('重建索引，含分词 (s)', sec(r.indexBuild.rebuildMs), fts && sec(fts.buildMs), flex && sec(flex.buildMs));
    add('  其中本进程 CPU (s)', sec(r.indexBuild.rebuildCpuMs), fts && sec(fts.buildCpuMs), flex && sec(flex.buildCpuMs));
    if (r.indexBuild.openMs !== undefined) add('  重建前打开并检查完 (s，不计入)', sec(r.indexBuild.openMs));
  }
  if (r.indexBuild) {
    add('保存索引 (s)', sec(r.indexBuild.saveMs));
    add('索引文件 (MB)', r.indexBuild.sizeMb, fts?.sizeMb);
    add('数据库 (MB)', r.indexBuild.dbMb);
  }
  if (r.cold) {
    const c = r.cold;
    add(`首个结果：打开 + 第一次检索「${c.firstQuery}」(ms)`, c.firstAnswerMs);
    add('冷启动 Archive.open (ms)', c.openMs);
    add('  打开后的检查 (quick_check) 完成于 (ms)', c.checkedMs);
    add('  其中本进程 CPU (ms)', c.openCpuMs);
    add('  其中 loadIndex (ms)', c.loadIndexMs);
    add('加载后 RSS (MB)', c.rssAfterLoadMb, undefined, flex?.heapDeltaMb);
    add('加载后 heap (MB)', c.heapAfterLoadMb);
    add('查询后 RSS (MB)', c.rssAfterSearchMb);
    for (const sort of ['relevance', 'date'] as const) {
      const s = c.search[sort];
      const peer = (p?: PeerResult) => p?.[sort];
      const name = sort === 'relevance' ? '相关度' : '日期';
      for (const k of ['p50', 'p95', 'p99'] as const) {
        add(`查询 ${name} ${k} 完整 (ms)`, s.full[k], peer(fts)?.[k], peer(flex)?.[k]);
        add(`查询 ${name} ${k} 仅匹配 (ms)`, s.core[k], peer(fts)?.[k], peer(flex)?.[k]);
      }
    }
  }
  if (r.tagging) {
    add('标签 1000 篇 加 (ms)', r.tagging.addMs);
    add('标签 1000 篇 删 (ms)', r.tagging.removeMs);
  }
  if (r.export) {
    add('导出 500 篇 PDF (s)', r.export.pdfMs !== undefined ? sec(r.export.pdfMs) : undefined);
    add('导出 500 篇 DOCX (s)', r.export.docxMs !== undefined ? sec(r.export.docxMs) : undefined);
    if (r.export.error) rows.push([`导出失败: ${r.export.error}`, '', '', '', '', '']);
  }
  add('本规模总耗时 (s)', sec(r.totalMs));
  if (r.load) rows.push([`机器负载（1 分钟平均）: 开始 ${r.load.start}, 结束 ${r.load.end}, 期间 ${r.load.min}–${r.load.max}（均 ${r.load.mean}）${r.cold ? `；冷启动子进程 ${r.cold.load.start} → ${r.cold.load.end}` : ''}`, '', '', '', '', '']);
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  const cols = rows[0].map((_, i) => Math.max(...rows.map((row) => (row.length > 1 && row.slice(1).some(Boolean)) || i > 0 ? width(row[i]) : 0)));
  return rows
    .map((row) => (row.slice(1).every((c) => !c) && row !== rows[0] ? row[0] : row.map((c, i) => (i === 0 ? c + ' '.repeat(Math.max(0, cols[i] - width(c))) : ' '.repeat(Math.max(0, cols[i] - width(c))) + c)).join('  ')))
    .join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CORPUS_FILE)) {
    console.log(`跳过基准测试：找不到语料 ${CORPUS_FILE}（需要 ../shared）。`);
    return;
  }
  fs.mkdirSync(DATA, { recursive: true });
  const env = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit: gitCommit(),
    date: new Date().toISOString(),
    args,
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  };
  log(`Node ${env.node}, ${env.cores} 核, ${env.memGb} GiB, commit ${env.commit}, load ${env.loadAverage.join(' ')}`);
  const missed: string[] = [];
  for (const size of args.sizes) {
    const sampler = loadSampler();
    const res = await benchSize(size, args);
    res.load = sampler.stop();
    res.missed = missedTargets(res);
    missed.push(...res.missed.map((m) => `规模 ${size}: ${m}`));
    const out = path.join(ROOT, 'bench', 'results', `${env.date.slice(0, 10)}-${size}${args.only ? `-${args.only}` : ''}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const loadAfter = os.loadavg().map((x) => Math.round(x * 10) / 10);
    fs.writeFileSync(out, JSON.stringify({ env: { ...env, loadAfter }, ...res }, null, 2));
    console.log(`\n${table(res)}\n\n结果：${path.relative(ROOT, out)}  (Node ${env.node}, ${env.cores} 核, commit ${env.commit}, 机器负载 ${env.loadAverage[0]} → ${loadAfter[0]})\n`);
  }
  log(`RSS ${rssMb()} MB`);
  if (missed.length) {
    console.error(`\n未达标（issue 16，bench/targets.ts）：\n${missed.map((m) => `  ✗ ${m}`).join('\n')}`);
    process.exitCode = 1;
  } else if (args.only !== 'ingest') console.log('issue 16 的目标全部达到（bench/targets.ts）');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
