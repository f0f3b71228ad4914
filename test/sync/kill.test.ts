/**
 * A sync killed with SIGKILL at random points, pushing and pulling, loses and duplicates nothing:
 * a child process (`sync-child.ts`, small batches) syncs one desk and is killed at seeded random
 * moments, then a last run completes; the shared archive then holds each of the desk's ops exactly
 * once, and a second desk, itself killed again and again while pulling, ends up with the same
 * articles, tags and corrections, each op applied once (no page stored twice, no tag change twice).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { articleKey } from '../../src/core/store/oplog';
import { Remote } from '../../src/core/sync/remote';
import { seeded } from '../reliability/support';
import { REPO } from '../core/helpers';
import { desk, FIXTURE_PAGES, snapshot } from './desks';
import { pgMissing, sharedArchiveDb, startCluster, type Cluster } from './pg-cluster';
import { readStore, storedRows } from '../support/sqlite';

const KILLS = Number(process.env.BAOKU_SYNC_KILLS ?? 6);
const SEED = Number(process.env.BAOKU_SYNC_SEED ?? 20250522);
const missing = pgMissing();

interface Run {
  killed: boolean;
  steps: number;
  out: string;
  err: string;
  /** The child failed because the server was killed under it. */
  failed?: boolean;
}

/**
 * One child sync, killed once it has reported `kill.step` steps (a batch pushed or an op pulled)
 * and `kill.ms` more milliseconds have passed (so the kill lands inside the next step as well as
 * between steps). No `kill`: it runs to the end.
 */
function runChild(dir: string, url: string, user: string, kill?: { step: number; ms: number; server?: Cluster }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'run-ts.mjs'), path.join(REPO, 'test', 'sync', 'sync-child.ts'), dir, url, user], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    let armed = false;
    // With `kill.server`, it is the PostgreSQL server that is killed; the child then fails (and says so).
    const serverKilled = kill?.server ? () => killed : undefined;
    const steps = () => (out.match(/^(push|pull) /gm) ?? []).length;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (kill && !armed && out.includes('ready\n') && steps() >= kill.step) {
        armed = true;
        setTimeout(() => {
          if (child.exitCode !== null) return;
          killed = true;
          if (kill.server) kill.server.crash();
          else child.kill('SIGKILL');
        }, kill.ms);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL' && killed, steps: steps(), out, err });
      else if (serverKilled?.()) resolve({ killed: false, steps: steps(), out, err, failed: true });
      else reject(new Error(`sync child exited ${code}: ${err}`));
    });
  });
}

const count = (db: { prepare(s: string): { get(a: unknown[]): unknown } }, sql: string) => (db.prepare(sql).get([]) as { n: number }).n;

describe.skipIf(!!missing)('team archive: sync killed (kill -9) at random points', () => {
  let cluster: Cluster;
  let url: string;
  beforeAll(async () => {
    cluster = await startCluster();
    url = await sharedArchiveDb(cluster, 'killed', { 甲: 'editor', 乙: 'editor' });
  });
  afterAll(() => cluster?.stop());

  it(`pushing and pulling, ${KILLS} kills each: nothing lost, nothing twice`, { timeout: 15 * 60_000 }, async () => {
    const rng = seeded(SEED);
    // Desk 甲: every fixture page, a tag change per article, a few corrections.
    const e = await desk('甲');
    const files = fs.readdirSync(FIXTURE_PAGES).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURE_PAGES, f));
    await e.importSources(files.map((f) => ({ name: path.basename(f), read: () => fs.readFileSync(f) })), {});
    const ids = (storedRows(e, 'SELECT id FROM articles ORDER BY id LIMIT 40') as { id: number }[]).map((r) => r.id);
    for (const [i, id] of ids.entries()) await e.changeTags({ ids: [id], add: [{ kind: 'topic', name: `专题${i % 5}` }] });
    for (const id of ids.slice(0, 5)) await e.correctArticle({ id, title: `校对后的标题${id}` });
    const ops = readStore(e, (db) => count(db, 'SELECT COUNT(*) AS n FROM ops'));
    expect(ops).toBeGreaterThan(60);
    const eDir = e.dir;
    await e.close();

    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      // Each run starts where the last one stopped: kill it a few batches in.
      const run = await runChild(eDir, url, '甲', { step: Math.floor(rng() * 6), ms: Math.floor(rng() * 15) });
      if (run.killed) kills++;
    }
    // The server killed under a push, twice: the child fails saying it lost the connection; nothing half-written stays.
    let serverKills = 0;
    for (let i = 0; i < 2; i++) {
      const run = await runChild(eDir, url, '甲', { step: 1 + Math.floor(rng() * 4), ms: Math.floor(rng() * 15), server: cluster });
      if (run.failed) {
        serverKills++;
        expect(run.err).toMatch(/baoku sync:|terminat|connection|ECONNRE|shut ?down/i);
      }
      cluster.restart();
    }
    const last = await runChild(eDir, url, '甲');
    expect(last.out).toMatch(/^done /m);
    expect(kills).toBeGreaterThan(0);

    const r = await Remote.connect(url);
    const server = await r.counts();
    await r.close();
    expect(server.ops).toBe(ops); // every op of the desk, once
    expect(server.ids).toBe(ops);

    // Desk 乙 joins and is killed while pulling.
    const f0 = await desk('乙');
    const fDir = f0.dir;
    await f0.close();
    let pullKills = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = await runChild(fDir, url, '乙', { step: Math.floor(rng() * 12), ms: Math.floor(rng() * 30) });
      if (run.killed) pullKills++;
    }
    expect((await runChild(fDir, url, '乙')).out).toMatch(/^done /m);
    expect(pullKills).toBeGreaterThan(0);
    process.stdout.write(`[sync-kill] ${kills} kills while pushing, ${serverKills} server kills, ${pullKills} while pulling (seed ${SEED})\n`);

    const e2 = await desk('甲', eDir);
    const f = await desk('乙', fDir);
    try {
      expect(readStore(e2, (db) => count(db, 'SELECT COUNT(*) AS n FROM ops WHERE server_seq IS NULL'))).toBe(0);
      expect(readStore(f, (db) => count(db, 'SELECT COUNT(*) AS n FROM ops'))).toBe(ops);
      expect(snapshot(f)).toEqual(snapshot(e2));
      // Applied once each: no page stored twice (a second apply would be a `duplicate` import), one tag change per tag op.
      expect(readStore(f, (db) => count(db, "SELECT COUNT(*) AS n FROM imports WHERE status = 'duplicate'"))).toBe(0);
      expect(readStore(f, (db) => count(db, "SELECT COUNT(*) AS n FROM imports WHERE status IN ('imported','replaced')"))).toBe(readStore(e2, (db) => count(db, "SELECT COUNT(*) AS n FROM ops WHERE kind = 'import'")));
      expect(readStore(f, (db) => count(db, 'SELECT COUNT(*) AS n FROM tag_changes'))).toBe(readStore(e2, (db) => count(db, "SELECT COUNT(*) AS n FROM ops WHERE kind = 'tag'")));
      expect(readStore(f, (db) => count(db, 'SELECT COUNT(*) AS n FROM corrections'))).toBe(5);
      // The search index of the killed desk follows its store (rebuilt or kept current): it finds what the other desk finds.
      const found = async (a: Archive) => (await a.search({ query: '校对后的标题 OR 专题3', limit: 100 })).hits.map((h) => readStore(a, (db) => articleKey(db, h.id))).sort();
      expect((await found(e2)).length).toBeGreaterThan(5);
      expect(await found(f)).toEqual(await found(e2));
    } finally {
      await e2.close();
      await f.close();
    }
  });
});
