/**
 * `baoku serve --remote URL` as a read replica of the shared archive (issue 22, `core/sync/follow.ts`),
 * against a throwaway PostgreSQL: the serving process (a child, as in production) pulls the change
 * log when PostgreSQL announces a push (LISTEN/NOTIFY), with its interval set far beyond the test's
 * wait (10 minutes) so that only the announcement can bring a change in time; a page and then a tag
 * pushed by a desk are found through its HTTP API; it says it is read-only and refuses writes. The
 * time a change took to show is printed (a measurement, never asserted: the wait is bounded only so
 * a replica that does not follow fails).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { REPO, tempDir } from '../core/helpers';
import { runCli } from '../cli/run-cli';
import { sharedArchiveDb, startCluster, pgMissing, type Cluster } from './pg-cluster';
import { desk, idOf, importFiles, page, sync } from './desks';
import { freePort } from '../support/ports';

const missing = pgMissing();
if (missing) console.warn(`跳过团队档案库只读副本的测试：${missing}`);

async function call<T>(base: string, method: string, arg: unknown = {}): Promise<{ status: number; body: T }> {
  const r = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
  return { status: r.status, body: (await r.json()) as T };
}

/** Poll until `ok` holds; the milliseconds it took. Bounded so that a replica that never catches up fails. */
async function until(what: string, ok: () => Promise<boolean>, limitMs = 60_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    if (await ok().catch(() => false)) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not seen within ${limitMs} ms`);
}

describe('baoku serve --remote, refused uses', () => {
  it('a replica takes no --allow-write, and only a postgres:// address', { timeout: 120_000 }, async () => {
    const dir = tempDir('baoku-replica-args-');
    const w = await runCli(['serve', '--archive', dir, '--remote', 'postgres://u:geheim@127.0.0.1/x', '--allow-write'], { cwd: dir });
    expect(w.code).toBe(1);
    expect(w.stderr).toContain('只读副本，不能与 --allow-write 同用');
    const h = await runCli(['serve', '--archive', dir, '--remote', 'http://u:geheim@db.lan/x'], { cwd: dir });
    expect(h.code).toBe(1);
    expect(h.stderr).toContain('团队档案库的地址要写成 postgres://');
    expect(h.stderr).not.toContain('geheim');
  });
});

describe.skipIf(!!missing)('baoku serve --remote: a read replica kept current from the change log', () => {
  let cluster: Cluster;
  let url: string;
  let a: Archive;
  let child: ChildProcess | undefined;
  let output = '';
  let base = '';

  beforeAll(async () => {
    cluster = await startCluster();
    url = await sharedArchiveDb(cluster, 'newsroom_replica', { 甲: 'editor' });
    a = await desk('甲');
    const port = await freePort();
    base = `http://127.0.0.1:${port}/`;
    child = spawn(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), 'serve', '--archive', tempDir('baoku-replica-'), '--port', String(port), '--remote', url, '--pull-every', '600'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await until('the replica answering', async () => (await call(base, 'stats')).status === 200, 90_000).catch((e: Error) => {
      throw new Error(`${e.message}\n--- replica output ---\n${output}`);
    });
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await a?.close();
    cluster?.stop();
  });

  it('a page and then a tag pushed by a desk are found on the serving host as soon as the push is announced; clients cannot write', { timeout: 180_000 }, async () => {
    expect(output).toContain('跟随团队档案库：');
    expect((await call<{ total: number }>(base, 'search', { query: '停车难' })).body.total).toBe(0);
    expect((await call<{ writable: boolean }>(base, 'stats')).body.writable).toBe(false);

    await importFiles(a, [page('bjrb_20210105_02.txt')]);
    await sync(a, url);
    const seen = (what: string, ok: () => Promise<boolean>) =>
      until(what, ok).catch((e: Error) => {
        throw new Error(`${e.message}\n--- replica output ---\n${output}`);
      });
    const pageMs = await seen('the page on the replica', async () => (await call<{ total: number }>(base, 'search', { query: '停车难' })).body.total > 0);

    await a.changeTags({ ids: [idOf(a, '停车难')], add: [{ kind: 'topic', name: '副本跟随' }] });
    await sync(a, url);
    const tagMs = await seen('the tag on the replica', async () => (await call<{ total: number }>(base, 'search', { query: '主题:副本跟随' })).body.total === 1);
    console.log(`replica: a pushed page searchable after ${pageMs} ms, a pushed tag after ${tagMs} ms (pulled on the push's notification)`);

    // Its clients only read: a write is refused, and the archive says it is read-only.
    const hit = (await call<{ hits: { id: number }[] }>(base, 'search', { query: '停车难' })).body.hits[0];
    const w = await call<{ code: string }>(base, 'changeTags', { ids: [hit.id], add: [{ kind: 'topic', name: '不该写入' }] });
    expect(w.status).toBe(403);
    expect(w.body.code).toBe('read-only');
    expect((await call<{ writable: boolean }>(base, 'stats')).body.writable).toBe(false);
  });
});
