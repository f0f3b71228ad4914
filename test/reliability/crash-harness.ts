/**
 * The parent side of the crash tests: builds a base archive, then again and
 * again starts `crash-child.ts` on it, SIGKILLs it at a seeded random moment
 * (during open, inside an import, a bulk tag, an undo or an index save), and
 * checks the archive it left behind:
 *
 * - `PRAGMA integrity_check` is ok, no foreign key dangles;
 * - every page holds exactly the articles its import record announced;
 * - every import the child reported done is recorded;
 * - every tag change the child reported done is wholly there (all its
 *   articles carry the topic), every undo reported done wholly gone, and the
 *   one in flight at the kill is all-or-nothing;
 * - the search index either loaded and answers exactly like a fresh rebuild,
 *   or was rebuilt at open with a notice.
 *
 * Used by `test/reliability/crash.test.ts` (a dozen kills) and
 * `scripts/crash-soak.ts` (hundreds).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import type { SearchResponse } from '../../src/shared/api';
import type { ChildEvent, CrashOp } from './crash-child';
import { REPO, seeded, integrity, importMismatches } from './support';
import { readStore, storedRow, storedRows } from '../support/sqlite';

export interface CrashOptions {
  dir: string;
  /** Page files the child imports copies of. */
  pages: string[];
  kills: number;
  seed: number;
  /** Largest id of the base archive's articles (the ones the child tags). */
  baseMaxId: number;
  /** Tag changes committed before the campaign (they must survive every kill unless the child undoes them). */
  committedTags?: { topic: string; ids: number[]; changeId: number }[];
  /** The kill lands inside one of the child's first `maxSteps` steps (default 6). */
  maxSteps?: number;
  /**
   * A loaded index is always checked against the store (ids and facts); every
   * `rebuildCompareEvery`-th time also query by query against a fresh rebuild
   * (default 1: every time).
   */
  rebuildCompareEvery?: number;
  log?: (line: string) => void;
}

export interface KillReport {
  trial: number;
  /** What the child was doing when it died. */
  during: string;
  afterMs: number;
  index: 'loaded' | 'rebuilt';
  /** The loaded index was compared query by query with a fresh rebuild. */
  comparedWithRebuild: boolean;
  problems: string[];
}

export interface CrashSummary {
  kills: KillReport[];
  survived: number;
  committedTags: number;
  /** Tag changes whose presence or absence was checked after the kills. */
  tagChanges: number;
  committedImports: number;
  during: Record<string, number>;
}

interface TopicState {
  ids: number[];
  changeId?: number;
  /** present: wholly applied; absent: wholly undone or never committed; unknown: in flight at the kill. */
  state: 'present' | 'absent' | 'unknown';
}

const OP_ESTIMATE_MS: Record<CrashOp, number> = { import: 800, replace: 800, tag: 4000, undo: 3000, save: 2500 };

export interface BaseArchive {
  articles: number;
  maxId: number;
  /** Manual tag changes committed before any kill (every base article; every third one). */
  tags: { topic: string; ids: number[]; changeId: number }[];
}

/**
 * Build the base archive from real pages, page by page, until it holds at
 * least `minArticles` articles, and commit two bulk manual tag changes on it.
 */
export async function buildBaseArchive(dir: string, pages: string[], minArticles: number): Promise<BaseArchive> {
  const a = await Archive.open({ dir, autoBackup: false });
  try {
    for (const src of expandPaths(pages).sources) {
      if ((await a.stats()).articles >= minArticles) break;
      await a.importSources([src], {});
    }
    for (let copy = 1; (await a.stats()).articles < minArticles && copy < 50; copy++) {
      const batch = pages.slice(0, 10).map((f) => ({
        name: `base-copy${copy}-${path.basename(f)}`,
        read: () => Buffer.concat([expandPaths([f]).sources[0].read(), Buffer.from('\n'.repeat(copy))]),
      }));
      await a.importSources(batch, { date: `1999-0${1 + (copy % 9)}-1${copy % 10}` });
    }
    const maxId = (storedRow(a, 'SELECT MAX(id) AS m FROM articles') as { m: number }).m;
    const all = (storedRows(a, 'SELECT id FROM articles ORDER BY id LIMIT 1000') as { id: number }[]).map((r) => r.id);
    const tags: BaseArchive['tags'] = [];
    for (const [topic, ids] of [
      ['基础主题甲', all],
      ['基础主题乙', all.filter((_, i) => i % 3 === 0)],
    ] as const) {
      const out = await a.changeTags({ ids: [...ids], add: [{ kind: 'topic', name: topic }] });
      tags.push({ topic, ids: [...ids], changeId: out.changeId });
    }
    a.saveIndexNow();
    return { articles: (await a.stats()).articles, maxId, tags };
  } finally {
    await a.close();
  }
}

/** One child run: spawn, watch its reports, kill it at the planned moment. */
function runChild(
  o: CrashOptions,
  trial: number,
  rng: () => number,
  estimates: Record<CrashOp, number>,
): Promise<{ events: ChildEvent[]; during: string; afterMs: number; stderr: string; exitedEarly: boolean }> {
  const args = [
    path.join(REPO, 'bin', 'run-ts.mjs'),
    path.join(REPO, 'test', 'reliability', 'crash-child.ts'),
    '--archive',
    o.dir,
    '--seed',
    String(Math.floor(rng() * 2 ** 31)),
    '--trial',
    String(trial),
    '--base-max-id',
    String(o.baseMaxId),
    ...o.pages.flatMap((p) => ['--pages', p]),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const started = Date.now();
  const events: ChildEvent[] = [];
  // The plan: kill during open (1 in 6), or inside the k-th step, early in it more often than late.
  const duringOpen = rng() < 1 / 6;
  const k = 1 + Math.floor(rng() * (o.maxSteps ?? 6));
  const frac = rng() ** 2;
  let during = 'open';
  let stderr = '';
  let begins = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const safety = setTimeout(kill, 60_000);
  if (duringOpen) timer = setTimeout(kill, 200 + frac * 4000);
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      let e: ChildEvent;
      try {
        e = JSON.parse(line);
      } catch {
        continue;
      }
      events.push(e);
      if (e.ev === 'ready') during = 'ready';
      if (e.ev === 'done') {
        estimates[e.op] = Math.round(0.7 * estimates[e.op] + 0.3 * Math.max(20, e.ms));
        during = `after ${e.op}`;
      }
      if (e.ev === 'begin') {
        during = e.op;
        if (!duringOpen && ++begins === k) timer = setTimeout(kill, frac * estimates[e.op] * 1.2);
      }
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => {
    child.on('exit', (_code, signal) => {
      clearTimeout(safety);
      if (timer) clearTimeout(timer);
      resolve({ events, during, afterMs: Date.now() - started, stderr, exitedEarly: signal !== 'SIGKILL' });
    });
  });
}

function hasTopic(a: Archive, topic: string, ids: number[]): number {
  const tagId = (storedRow(a, "SELECT id FROM tags WHERE kind = 'topic' AND name = ?", [topic]) as { id: number } | undefined)?.id;
  if (tagId === undefined) return 0;
  return readStore(a, (db) => {
    const stmt = db.prepare("SELECT 1 FROM article_tags WHERE article_id = ? AND tag_id = ? AND source = 'manual'");
    return ids.filter((id) => stmt.get([id, tagId])).length;
  });
}

function comparable(r: SearchResponse): string {
  return JSON.stringify({ total: r.total, ids: r.hits.map((h) => h.id).sort((x, y) => x - y), facets: r.facets, error: r.error });
}

/** Search results of a loaded index against a fresh rebuild from the store. */
async function indexDifferences(a: Archive, queries: string[]): Promise<string[]> {
  const run = async () => Promise.all(queries.map((query) => a.search({ query, limit: 1000, sort: 'date' }).then(comparable)));
  const loaded = await run();
  await a.rebuildIndex();
  const fresh = await run();
  return queries.filter((_, i) => loaded[i] !== fresh[i]).map((q) => `检索结果与重建的索引不同：${q || '(全部)'}`);
}

/** Run the whole campaign; never throws for a broken archive, reports problems instead. */
export async function crashCampaign(o: CrashOptions): Promise<CrashSummary> {
  const rng = seeded(o.seed);
  const estimates = { ...OP_ESTIMATE_MS };
  const topics = new Map<string, TopicState>();
  for (const t of o.committedTags ?? []) topics.set(t.topic, { ids: t.ids, changeId: t.changeId, state: 'present' });
  const kills: KillReport[] = [];
  const during: Record<string, number> = {};
  let committedImports = 0;
  let loadedCount = 0;
  for (let trial = 1; trial <= o.kills; trial++) {
    const run = await runChild(o, trial, rng, estimates);
    const problems: string[] = [];
    during[run.during] = (during[run.during] ?? 0) + 1;
    if (run.exitedEarly) problems.push(`子进程自己退出了：${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    // Replay the child's reports into the ledger.
    const doneImports: { file: string; status: string }[] = [];
    for (const e of run.events) {
      if (e.ev === 'begin' && e.op === 'tag') topics.set(e.topic, { ids: e.ids, state: 'unknown' });
      if (e.ev === 'done' && e.op === 'tag') Object.assign(topics.get(e.topic)!, { state: 'present', changeId: e.changeId });
      if (e.ev === 'begin' && e.op === 'undo') {
        for (const t of topics.values()) if (t.changeId === e.changeId) t.state = 'unknown';
      }
      if (e.ev === 'done' && e.op === 'undo') {
        for (const t of topics.values()) if (t.changeId === e.changeId) t.state = 'absent';
      }
      if (e.ev === 'done' && (e.op === 'import' || e.op === 'replace')) doneImports.push(e);
    }
    committedImports += doneImports.length;
    const notices: string[] = [];
    let a: Archive;
    try {
      a = await Archive.open({ dir: o.dir, autoBackup: false, log: (m) => notices.push(m) });
    } catch (err) {
      problems.push(`打不开档案库：${(err as Error).message}`);
      kills.push({ trial, during: run.during, afterMs: run.afterMs, index: 'rebuilt', comparedWithRebuild: false, problems });
      continue;
    }
    try {
      const verdict = readStore(a, (db) => integrity(db));
      if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`);
      const m = readStore(a, (db) => importMismatches(db));
      for (const p of m.pages) problems.push(`版面 ${p.pageId} 有 ${p.found} 篇，导入记录 ${p.importId} 说 ${p.expected} 篇`);
      if (m.orphans) problems.push(`${m.orphans} 篇文章没有版面`);
      if (m.foreignKeys) problems.push(`${m.foreignKeys} 个外键悬空`);
      if (m.unrecordedPages) problems.push(`${m.unrecordedPages} 个版面指向未成功的导入`);
      const lost = readStore(a, (db) => {
        const recorded = db.prepare('SELECT 1 FROM imports WHERE file = ? AND status = ?');
        return doneImports.filter((d) => !recorded.get([d.file, d.status]));
      });
      for (const d of lost) problems.push(`已完成的导入丢失：${d.file} (${d.status})`);
      for (const [topic, t] of topics) {
        const n = hasTopic(a, topic, t.ids);
        if (t.state === 'present' && n !== t.ids.length) problems.push(`已提交的标签丢失：${topic} 只剩 ${n}/${t.ids.length}`);
        if (t.state === 'absent' && n !== 0) problems.push(`已撤销的标签还在：${topic} ${n}/${t.ids.length}`);
        if (t.state === 'unknown') {
          if (n !== 0 && n !== t.ids.length) problems.push(`标签修改只做了一半：${topic} ${n}/${t.ids.length}`);
          t.state = n === 0 ? 'absent' : 'present';
        }
        if (t.changeId === undefined && t.state === 'present') {
          t.changeId = (storedRow(a, 'SELECT id FROM tag_changes WHERE action = ? ORDER BY id DESC', [`+topic:${topic}`]) as { id: number }).id;
        }
      }
      const rebuilt = notices.some((n) => n.includes('重建检索索引'));
      const someTopic = [...topics.entries()].reverse().find(([, t]) => t.state === 'present')?.[0];
      const queries = ['', '经济', '改革 OR 开放', '"新华社" -北京', '1998-01', ...(someTopic ? [`主题:${someTopic}`] : [])];
      let compared = false;
      if (!rebuilt) {
        problems.push(...a.indexMismatches());
        if (loadedCount++ % (o.rebuildCompareEvery ?? 1) === 0) {
          problems.push(...(await indexDifferences(a, queries)));
          compared = true;
        }
      }
      kills.push({ trial, during: run.during, afterMs: run.afterMs, index: rebuilt ? 'rebuilt' : 'loaded', comparedWithRebuild: compared, problems });
    } finally {
      await a.close();
    }
    o.log?.(
      `kill ${trial}/${o.kills} during ${run.during} after ${run.afterMs} ms: index ${kills[kills.length - 1].index}` +
        (kills[kills.length - 1].comparedWithRebuild ? ' (= fresh rebuild)' : '') +
        (problems.length ? `, PROBLEMS: ${problems.join('; ')}` : ', ok'),
    );
  }
  return {
    kills,
    survived: kills.filter((k) => !k.problems.length).length,
    committedTags: [...topics.values()].filter((t) => t.state === 'present').length,
    tagChanges: topics.size,
    committedImports,
    during,
  };
}
