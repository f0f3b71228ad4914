/**
 * The team archive at scale (issue 22), against a throwaway PostgreSQL cluster this script starts
 * (test/sync/pg-cluster.ts: initdb in a temporary folder, pg_ctl on a free port, with fsync on as a
 * real server has it) and tears down at the end, whatever happens.
 *
 *   node bin/run-ts.mjs bench/team-scale.ts [--size N] [--from DIR] [--samples K] [--seconds S] [--clients C] [--keep-going]
 *
 * Desk 甲 is an archive of N articles: `--from DIR` copies an existing archive folder (e.g. the
 * search bench's `.bench-data/archive-150000-s1`, built without an op log: its first sync makes the
 * baseline ops and the receiving desk reads every page again), else the bench pages of size N
 * (bench/corpus.ts, default 5,000) are imported into a new archive (import ops carry the reading).
 * The copy is deleted at the end; the original is only read.
 *
 * Measured, in this order:
 * (a) first sync: 甲 pushes everything to the empty shared archive (and receives its own ops back,
 *     as every sync does), then a new empty desk 乙 pulls it all: ms and articles/s each way;
 * (b) 1,000 tag edits on 甲 (one edit, one op each), pushed by 甲's sync and pulled by 乙's;
 * (c) two read replicas (`baoku serve --remote URL --pull-every 1`, child processes, each on its own
 *     copy of 乙's folder): the time from 甲's push being confirmed (committed) to the change being
 *     found over HTTP on each replica, K samples (a new tag each, started at random points of the
 *     pull interval); p50 / max;
 * (d) C concurrent HTTP clients (default 20, each with its own connection and loopback address, as
 *     on a LAN: the host's limit is per address) searching bench/queries.json for S seconds: spread
 *     over the two replicas, and the same clients against one local `baoku serve` of 甲's folder
 *     (read-only), alternated twice; requests/s and p50/p95 latency.
 * `uptime` before and after; the machine is shared, so the figures say what else ran (load).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Archive } from '../src/core/service';
import { expandPaths } from '../src/core/ingest/sources';
import { withConnection } from '../src/core/store/db';
import { baselineOps, setDeskUser, syncArchive, type SyncReport } from '../src/core/sync/engine';
import { Remote } from '../src/core/sync/remote';
import { startCluster, sharedArchiveDb, type Cluster } from '../test/sync/pg-cluster';
import { freePort } from '../test/support/ports';
import { ensurePages } from './corpus';
import { latency, loadQueries, now, percentile, type Latency } from './measure';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAPER = '新闻联播报';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const FROM = arg('from');
const SIZE = Number(arg('size') ?? 5000);
const SAMPLES = Number(arg('samples') ?? 10);
const SECONDS = Number(arg('seconds') ?? 20);
const CLIENTS = Number(arg('clients') ?? 20);
const TAG_EDITS = 1000;

const t0 = now();
const log = (m: string) => process.stderr.write(`[${((now() - t0) / 1000).toFixed(1).padStart(7)} s] ${m}\n`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const sec = (ms: number) => Math.round(ms / 100) / 10;

// ---------------- teardown, whatever happens ----------------

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-team-scale-'));
let cluster: Cluster | undefined;
const children = new Set<ChildProcess>();
let cleaned = false;
/** Synchronous, so that it also runs from `exit` and signals: the children killed, the cluster stopped, every copy removed. */
function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  try {
    cluster?.stop();
  } catch (err) {
    process.stderr.write(`停止 PostgreSQL 失败：${(err as Error).message}\n`);
  }
  fs.rmSync(root, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(s, () => {
    cleanup();
    process.exit(130);
  });
}

// ---------------- helpers ----------------

async function articlesOf(a: Archive): Promise<number> {
  return (await a.stats()).articles;
}

interface Timed {
  ms: number;
  report: SyncReport;
  /** When the last push batch was confirmed / the first op pulled (ms from the start). */
  pushMs?: number;
  firstPullMs?: number;
}

async function timedSync(a: Archive, url: string, label: string): Promise<Timed> {
  const r = await Remote.connect(url);
  const t = now();
  let pushMs: number | undefined;
  let firstPullMs: number | undefined;
  let lastLog = t;
  try {
    const report = await syncArchive(a, r, {
      onProgress: (what, done) => {
        if (what === 'push') pushMs = now() - t;
        else firstPullMs ??= now() - t;
        if (now() - lastLog > 10_000) {
          lastLog = now();
          log(`${label}: ${what === 'push' ? '已发送' : '已收到'} ${done} 条`);
        }
      },
    });
    return { ms: now() - t, report, pushMs, firstPullMs };
  } finally {
    await r.close();
  }
}

async function call<T>(base: string, method: string, body: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
  return { status: r.status, body: (await r.json()) as T };
}

const found = async (base: string, query: string) => (await call<{ total: number }>(base, 'search', { query, facets: false })).body.total > 0;

interface Served {
  name: string;
  base: string;
  child: ChildProcess;
  output: () => string;
}

async function startServe(name: string, args: string[]): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), 'serve', '--port', String(port), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}/`;
  const until = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${out}`);
    if (Date.now() > until) throw new Error(`${name} did not answer within 600 s:\n${out}`);
    const ok = await call(base, 'stats', {})
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return { name, base, child, output: () => out };
}

async function stopServe(s: Served): Promise<void> {
  if (s.child.exitCode !== null) return;
  const gone = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 30_000))]);
  if (s.child.exitCode === null) s.child.kill('SIGKILL');
  children.delete(s.child);
}

/** CPU seconds a process (and its threads) used so far, from /proc. */
function cpuOf(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in ticks of 1/100 s (CLK_TCK)
}

/**
 * Wait until the serving processes are idle (less than 3% of a core over 3 s): a writable archive
 * checks its database and makes its weekly backup after opening, which would be measured otherwise.
 */
async function settle(served: Served[]): Promise<number> {
  const t = now();
  const cpu = () => served.reduce((s, x) => s + cpuOf(x.child.pid!), 0);
  for (;;) {
    const before = cpu();
    await new Promise((r) => setTimeout(r, 3000));
    if (cpu() - before < 0.09 * served.length || now() - t > 900_000) return now() - t;
  }
}

/**
 * A search over HTTP from client `c`: its own keep-alive connection and its own loopback address
 * (127.0.0.(10+c)), as clients on a LAN each have theirs: the host limits requests per address
 * (2,000 per 10 s), which one shared 127.0.0.1 for all clients would hit instead of the search.
 */
function searchFrom(agent: http.Agent, c: number, base: string, query: string): Promise<number> {
  const u = new URL(`${base}api/search`);
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, localAddress: `127.0.0.${10 + c}`, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** `clients` loops searching `queries` in turn on `targets` (request k to target k mod n) for `seconds`. */
async function load(targets: Served[], queries: string[], clients: number, seconds: number): Promise<{ rps: number; lat: Latency; errors: number; why: string; perTarget: number[] }> {
  const samples: number[] = [];
  const perTarget = targets.map(() => 0);
  let next = 0;
  let errors = 0;
  /** What the failures were (HTTP status or error code), counted. */
  const reasons = new Map<string, number>();
  const failed = (why: string) => {
    errors++;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  };
  const end = now() + seconds * 1000;
  const t = now();
  const agents = Array.from({ length: clients }, () => new http.Agent({ keepAlive: true }));
  await Promise.all(
    agents.map(async (agent, c) => {
      while (now() < end) {
        const k = next++;
        const target = k % targets.length;
        const q = queries[k % queries.length];
        const s = now();
        try {
          const status = await searchFrom(agent, c, targets[target].base, q);
          if (status !== 200) failed(`HTTP ${status}`);
          else {
            samples.push(now() - s);
            perTarget[target]++;
          }
        } catch (err) {
          failed((err as NodeJS.ErrnoException).code ?? (err as Error).message);
        }
      }
    }),
  );
  for (const a of agents) a.destroy();
  const why = [...reasons].map(([r, n]) => `${r} ×${n}`).join(', ');
  return { rps: Math.round((samples.length / ((now() - t) / 1000)) * 10) / 10, lat: latency(samples), errors, why, perTarget };
}

// ---------------- the run ----------------

async function main(): Promise<void> {
  const before = uptime();
  log(`uptime（开始）：${before}`);
  log(`临时目录：${root}`);

  // Desk 甲 with N articles.
  const dirA = path.join(root, 'desk-a');
  let setup = '';
  if (FROM) {
    if (!fs.existsSync(path.join(FROM, 'archive.sqlite'))) throw new Error(`--from ${FROM}: no archive.sqlite there`);
    const t = now();
    fs.cpSync(FROM, dirA, { recursive: true });
    setup = `copy of ${FROM} (${sec(now() - t)} s to copy)`;
  } else {
    const pages = ensurePages(path.join(REPO, '.bench-data'), SIZE, 1, log);
    log(`导入 ${pages.files.length} 个页面（${pages.items} 条）到 甲`);
    const a = await Archive.open({ dir: dirA, autoBackup: false });
    const t = now();
    await a.importSources(expandPaths([pages.dir]).sources, { paper: PAPER });
    await a.close();
    setup = `bench pages of size ${SIZE} imported (${pages.files.length} pages, ${sec(now() - t)} s)`;
  }
  const a = await Archive.open({ dir: dirA, autoBackup: false, log: (m) => log(`甲：${m}`) });
  setDeskUser(a, '甲');
  const articles = await articlesOf(a);
  log(`甲：${articles} 篇（${setup}）`);

  // A newsroom's server syncs its commits to disk (the tests' clusters do not).
  cluster = await startCluster({ fsync: true });
  {
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    log(`PostgreSQL：${(await c.query<{ version: string }>('SELECT version()')).rows[0].version.split(' on ')[0]}，fsync ${(await c.query<{ fsync: string }>('SHOW fsync')).rows[0].fsync}`);
    await c.end();
  }
  const url = await sharedArchiveDb(cluster, 'newsroom', { 甲: 'editor', 乙: 'editor' });

  // (a) first sync both ways.
  const tb = now();
  const baseline = withConnection(dirA, (db) => baselineOps(db), { writable: true });
  const baselineMs = now() - tb;
  log(`甲：为没有操作记录的内容补记 ${baseline} 条操作，${sec(baselineMs)} s`);
  log('(a) 甲 首次同步（发送全部）');
  const push = await timedSync(a, url, '甲');
  const pgSize = await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query<{ mb: string }>("SELECT round(pg_total_relation_size('baoku_ops') / 1048576.0, 1) AS mb");
    await c.end();
    return Number(r.rows[0].mb);
  })();
  log(`甲：发送 ${push.report.pushed} 条，${sec(push.ms)} s（发送完 ${sec(push.pushMs ?? 0)} s，收回自己的 ${push.report.pulled} 条 ${sec(push.ms - (push.pushMs ?? 0))} s）；PostgreSQL 里 ${pgSize} MB`);

  const dirB = path.join(root, 'desk-b');
  const b = await Archive.open({ dir: dirB, autoBackup: false, log: (m) => log(`乙：${m}`) });
  setDeskUser(b, '乙');
  log('(a) 乙 首次同步（空档案库，收取全部）');
  const pull = await timedSync(b, url, '乙');
  const articlesB = await articlesOf(b);
  log(`乙：收到 ${pull.report.pulled} 条，应用 ${pull.report.applied} 条，${sec(pull.ms)} s；${articlesB} 篇（甲 ${articles} 篇）${pull.report.pending ? `，${pull.report.pending} 条等待` : ''}`);

  // (b) 1,000 tag edits.
  const ids = withConnection(dirA, (db) => (db.prepare('SELECT id FROM articles ORDER BY id').all([]) as { id: number }[]).map((r) => r.id));
  const step = Math.max(1, Math.floor(ids.length / TAG_EDITS));
  const picked = Array.from({ length: Math.min(TAG_EDITS, ids.length) }, (_, i) => ids[i * step]);
  const te = now();
  for (const id of picked) await a.changeTags({ ids: [id], add: [{ kind: 'topic', name: '规模测试' }] });
  const editMs = now() - te;
  log(`(b) 甲：${picked.length} 次标签修改，${sec(editMs)} s`);
  const tagPush = await timedSync(a, url, '甲');
  const tagPull = await timedSync(b, url, '乙');
  const tagged = (await b.search({ query: '主题:规模测试', limit: 1, facets: false, dedupe: false })).total;
  log(`(b) 甲 发送 ${tagPush.report.pushed} 条 ${sec(tagPush.ms)} s；乙 收到 ${tagPull.report.pulled} 条、应用 ${tagPull.report.applied} 条 ${sec(tagPull.ms)} s；乙 检索 主题:规模测试 ${tagged} 篇`);
  await b.close();

  // (c) two replicas, each on its own copy of 乙's folder.
  const dirR1 = path.join(root, 'replica-1');
  const dirR2 = path.join(root, 'replica-2');
  fs.renameSync(dirB, dirR1);
  fs.cpSync(dirR1, dirR2, { recursive: true });
  log('(c) 启动两个只读副本（serve --remote --pull-every 1）');
  const tr = now();
  const replicas = [
    await startServe('replica-1', ['--archive', dirR1, '--remote', url, '--pull-every', '1']),
    await startServe('replica-2', ['--archive', dirR2, '--remote', url, '--pull-every', '1']),
  ];
  const replicaStartMs = now() - tr;
  const settleMs = await settle(replicas);
  log(`副本已回答（${sec(replicaStartMs)} s），其开启后的检查和备份完成（又 ${sec(settleMs)} s）`);
  const latencies: number[][] = [[], []];
  const pushes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    // Start at a random point of the replicas' pull interval.
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    const name = `延迟样本${i}x${Math.random().toString(36).slice(2, 7)}`;
    await a.changeTags({ ids: [picked[i % picked.length]], add: [{ kind: 'topic', name }] });
    const tp = now();
    const r = await Remote.connect(url);
    const t = now();
    // From the moment the server confirmed the push (committed), not the end of this desk's sync.
    let pushed = 0;
    await syncArchive(a, r, { onProgress: (what) => void (what === 'push' && (pushed = now())) });
    await r.close();
    pushes.push(pushed - tp);
    await Promise.all(
      replicas.map(async (rep, k) => {
        for (;;) {
          if (await found(rep.base, `主题:${name}`).catch(() => false)) return latencies[k].push(now() - pushed);
          if (now() - pushed > 120_000) throw new Error(`${rep.name}: 主题:${name} not found after 120 s\n${rep.output()}`);
          await new Promise((res) => setTimeout(res, 20));
        }
      }),
    );
    log(`样本 ${i + 1}：发送确认（连接后 ${Math.round(pushed - t)} ms）后，两个副本分别在 ${Math.round(latencies[0].at(-1)!)} / ${Math.round(latencies[1].at(-1)!)} ms 检索得到`);
  }
  await a.close();

  // (d) C clients: the two replicas vs one local serve of 甲's folder, alternated.
  log('(d) 启动本地对照：serve --archive 甲（只读）');
  const local = await startServe('local', ['--archive', dirA]);
  await settle([local]);
  const queries = loadQueries().map((q) => q.q);
  for (const s of [...replicas, local]) for (const q of queries) await call(s.base, 'search', { query: q });
  const rounds: { name: string; rps: number; lat: Latency; errors: number; why: string; perTarget: number[] }[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [name, targets] of [
      ['两个副本', replicas],
      ['一个本地 serve', [local]],
    ] as const) {
      const r = await load([...targets], queries, CLIENTS, SECONDS);
      rounds.push({ name, ...r });
      log(`(d) ${name}：${CLIENTS} 个客户端 ${SECONDS} s，${r.rps} 次/s，p50 ${r.lat.p50} ms，p95 ${r.lat.p95} ms，错误 ${r.errors}${r.why ? `（${r.why}）` : ''}（各进程 ${r.perTarget.join(' / ')} 次）`);
    }
  }
  for (const s of [...replicas, local]) await stopServe(s);
  const after = uptime();

  // ---------------- summary ----------------
  const all = latencies.flat();
  const lines = [
    `# team-scale ${new Date().toISOString()}  commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim()}`,
    `command: node bin/run-ts.mjs bench/team-scale.ts ${process.argv.slice(2).join(' ')}`,
    `desk 甲: ${articles} articles, ${setup}`,
    `uptime before: ${before}`,
    `uptime after:  ${after}`,
    `(a) first sync, push (甲 → empty PostgreSQL): ${push.report.pushed} ops in ${sec(push.ms)} s = ${Math.round(articles / (push.ms / 1000))} articles/s` +
      ` (baseline ops made first: ${baseline} in ${sec(baselineMs)} s; sending ${sec(push.pushMs ?? 0)} s, receiving its own ${push.report.pulled} back ${sec(push.ms - (push.pushMs ?? 0))} s; baoku_ops ${pgSize} MB)`,
    `(a) first sync, pull (PostgreSQL → empty desk 乙): ${pull.report.pulled} ops, ${pull.report.applied} applied in ${sec(pull.ms)} s = ${Math.round(articlesB / (pull.ms / 1000))} articles/s; 乙 has ${articlesB} articles (甲 ${articles})${pull.report.pending ? `, ${pull.report.pending} pending` : ''}`,
    `(b) ${picked.length} tag edits: made on 甲 in ${sec(editMs)} s; push ${tagPush.report.pushed} ops ${sec(tagPush.ms)} s; pull on 乙 ${tagPull.report.applied} applied ${sec(tagPull.ms)} s; 乙 finds 主题:规模测试 on ${tagged} articles`,
    `(c) change → searchable on a replica (pull every 1 s), ${SAMPLES} samples × 2 replicas: p50 ${Math.round(percentile(all, 50))} ms, max ${Math.round(Math.max(...all))} ms` +
      ` (replica 1 p50 ${Math.round(percentile(latencies[0], 50))} / max ${Math.round(Math.max(...latencies[0]))}; replica 2 p50 ${Math.round(percentile(latencies[1], 50))} / max ${Math.round(Math.max(...latencies[1]))}); the push itself (connect to confirmed) p50 ${Math.round(percentile(pushes, 50))} ms`,
    `    replicas answered ${sec(replicaStartMs)} s after start; their check and backup after open took ${sec(settleMs)} s more`,
    ...rounds.map((r, i) => `(d) round ${Math.floor(i / 2) + 1}, ${r.name}: ${CLIENTS} clients × ${SECONDS} s: ${r.rps} req/s, p50 ${r.lat.p50} ms, p95 ${r.lat.p95} ms, max ${r.lat.max} ms, non-200 or failed ${r.errors}${r.why ? ` (${r.why})` : ''} (per process ${r.perTarget.join(' / ')})`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .then(() => cleanup())
  .catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    cleanup();
    process.exit(1);
  });
