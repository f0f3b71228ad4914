/**
 * 设置 → 团队档案库 through the contract (`services/team-service.ts`), against a real PostgreSQL
 * (a throwaway cluster, `pg-cluster.ts`): the address is set (its password kept apart and never
 * answered), 立即同步 on two desks sends and receives and says how much, a conflict is listed with
 * what each side wrote and can be closed; a remote that cannot be reached is answered with one clear
 * sentence and changes nothing; a read-only archive neither shows the address nor syncs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { tempDir } from '../core/helpers';
import { storedRow, storedRows } from '../support/sqlite';
import { sharedArchiveDb, startCluster, pgMissing, type Cluster } from './pg-cluster';
import { idOf, importFiles, page, snapshot } from './desks';
import { freePort } from '../support/ports';

const missing = pgMissing();
if (missing) console.warn(`跳过团队档案库设置的测试：${missing}`);

const PASSWORD = 'Geheim-密码-42';

/** Everything a sync could change in an archive's database, as rows. */
function dbState(a: Archive) {
  const rows = (sql: string) => storedRows(a, sql);
  return {
    ...snapshot(a),
    ops: rows('SELECT id, kind, server_seq, pending FROM ops ORDER BY n'),
    meta: rows("SELECT key, value FROM meta WHERE key <> 'generation' ORDER BY key"),
    generation: rows("SELECT value FROM meta WHERE key = 'generation'"),
    conflicts: rows('SELECT id FROM sync_conflicts'),
  };
}

describe.skipIf(!!missing)('设置 → 团队档案库 (TeamService) against one PostgreSQL', () => {
  let cluster: Cluster;
  let url: string;
  let a: Archive;
  let b: Archive;

  beforeAll(async () => {
    cluster = await startCluster();
    url = await sharedArchiveDb(cluster, 'newsroom_app', { 甲: 'editor', 乙: 'editor' });
    a = await Archive.open({ dir: tempDir('baoku-team-a-'), autoBackup: false, saveDelayMs: 50 });
    b = await Archive.open({ dir: tempDir('baoku-team-b-'), autoBackup: false, saveDelayMs: 50 });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    cluster?.stop();
  });

  it('keeps the address without its password, and says what is missing before a sync', async () => {
    const fresh = await a.teamStatus();
    expect(fresh).toMatchObject({ hasPassword: false, unsent: 0, waiting: 0, openConflicts: 0, syncing: false });
    expect(fresh.remote).toBeUndefined();
    await expect(a.syncNow()).rejects.toThrow('还没有填写团队档案库的地址');

    // The password written in the address is kept apart: no answer carries it.
    const withPw = url.replace('postgres@', `postgres:${encodeURIComponent(PASSWORD)}@`);
    const set = await a.setTeamSettings({ remote: withPw });
    expect(set.remote).toBe(url);
    expect(set.hasPassword).toBe(true);
    expect(JSON.stringify(set)).not.toContain(PASSWORD);
    expect(JSON.stringify(set)).not.toContain(encodeURIComponent(PASSWORD));
    await expect(a.syncNow()).rejects.toThrow('请先填写本机使用者');
    expect((await a.setTeamSettings({ user: ' 甲 ' })).user).toBe('甲');
    await b.setTeamSettings({ remote: url, user: '乙' });
    expect((await b.teamStatus()).hasPassword).toBe(false);
  });

  it('立即同步 on two desks: each sends its changes, receives the other’s, and says how many', { timeout: 180_000 }, async () => {
    await importFiles(a, [page('dzrb_20220208_02.txt')]);
    await importFiles(b, [page('dzrb_20220510_05.txt'), page('bjrb_20210105_02.txt')]);
    const unsentA = (await a.teamStatus()).unsent;
    const unsentB = (await b.teamStatus()).unsent;
    expect(unsentA).toBeGreaterThan(0);
    expect(unsentB).toBeGreaterThan(unsentA);

    const ra = await a.syncNow();
    expect(ra).toMatchObject({ ok: true, pushed: unsentA, pulled: unsentA, applied: 0, conflicts: [] });
    expect(ra.message).toBe(`已同步：发送 ${unsentA} 条改动，收到 ${unsentA} 条（本机应用 0 条）。`);
    const rb = await b.syncNow();
    expect(rb).toMatchObject({ ok: true, pushed: unsentB, pulled: unsentA + unsentB, applied: unsentA });
    const ra2 = await a.syncNow();
    expect(ra2).toMatchObject({ ok: true, pushed: 0, pulled: unsentB, applied: unsentB });
    expect(snapshot(a)).toEqual(snapshot(b));
    // Searchable at once on the desk that received the pages.
    expect((await a.search({ query: '停车难' })).total).toBeGreaterThan(0);

    const st = await a.teamStatus();
    expect(st).toMatchObject({ unsent: 0, openConflicts: 0, syncing: false });
    expect(st.lastSync).toMatchObject({ ok: true, pushed: 0, pulled: unsentB });
    expect(Date.now() - Date.parse(st.lastSync!.at)).toBeLessThan(60_000);
  });

  it('a conflict is listed with what each side wrote, and can be closed', { timeout: 180_000 }, async () => {
    const [vA, vB] = [idOf(a, '停车难'), idOf(b, '停车难')];
    await a.correctArticle({ id: vA, title: '停车难要靠精细化治理' });
    await b.correctArticle({ id: vB, title: '停车难须靠精细治理' });
    expect((await a.teamStatus()).unsent).toBe(1);
    await a.syncNow();
    const rb = await b.syncNow();
    expect(rb.ok).toBe(true);
    expect(rb.conflicts).toHaveLength(1);
    expect(rb.message).toContain('发现 1 处冲突');
    expect((await b.teamStatus()).openConflicts).toBe(1);
    const [c] = await b.listTeamConflicts({});
    expect(c).toMatchObject({ field: '标题', theirs: { author: '甲', value: '停车难要靠精细化治理' }, mine: '停车难须靠精细治理', articleId: vB });
    expect(c.message).toMatch(/^冲突：《.+》的标题：甲 改为「停车难要靠精细化治理」，乙 改为「停车难须靠精细治理」/);
    expect(c.articleTitle).toBe((await b.getArticle({ id: vB }))!.title);

    const after = await b.resolveTeamConflict({ id: c.id });
    expect(after.openConflicts).toBe(0);
    expect(await b.listTeamConflicts({})).toEqual([]);
    expect(await b.listTeamConflicts({ all: true })).toHaveLength(1);
    await expect(b.resolveTeamConflict({ id: c.id })).rejects.toThrow(`没有未处理的第 ${c.id} 号冲突`);
  });

  it('a remote that cannot be reached: one clear sentence, nothing changed, the password in no message', { timeout: 60_000 }, async () => {
    await a.changeTags({ ids: [idOf(a, '停车难')], add: [{ kind: 'topic', name: '城市治理' }] });
    const port = await freePort();
    await a.setTeamSettings({ remote: `postgres://postgres:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/newsroom_app` });
    const before = dbState(a);
    const lastBefore = (await a.teamStatus()).lastSync;
    const r = await a.syncNow();
    expect(r.ok).toBe(false);
    expect(r.error).toBe(`连接不上团队档案库：127.0.0.1:${port} 上没有 PostgreSQL 在接受连接（服务器没有开，或地址、端口写错了）。`);
    expect(r.message).toBe(r.error);
    expect(r).toMatchObject({ pushed: 0, pulled: 0, applied: 0 });
    expect(JSON.stringify(r)).not.toContain(PASSWORD);
    expect(dbState(a)).toEqual(before);
    const st = await a.teamStatus();
    expect(st.lastSync).toEqual(lastBefore);
    expect(st.unsent).toBe(1);

    // A host that does not exist, likewise.
    await a.setTeamSettings({ remote: 'postgres://postgres@baoku-no-such-host.invalid/newsroom_app' });
    const before2 = dbState(a);
    const r2 = await a.syncNow();
    expect(r2.error).toBe('连接不上团队档案库：找不到主机“baoku-no-such-host.invalid”（地址写错了，或本机没有连上报社的网络）。');
    expect(dbState(a)).toEqual(before2);

    // Back to the real address (the password of the old one is not kept for a new address): the tag edit goes.
    const back = await a.setTeamSettings({ remote: url });
    expect(back.hasPassword).toBe(false);
    expect(await a.syncNow()).toMatchObject({ ok: true, pushed: 1 });
  });

  it('forgetting the address forgets its password; a read-only archive shows neither and does not sync', async () => {
    await b.setTeamSettings({ password: PASSWORD });
    expect((await b.teamStatus()).hasPassword).toBe(true);
    const forgot = await b.setTeamSettings({ remote: null });
    expect(forgot.remote).toBeUndefined();
    expect(forgot.hasPassword).toBe(false);
    expect(forgot.user).toBe('乙');
    expect((storedRow(b, "SELECT COUNT(*) AS n FROM meta WHERE key LIKE 'team.%' AND key <> 'team.lastSync'") as { n: number }).n).toBe(0);

    const dir = a.dir;
    await a.close();
    const ro = await Archive.open({ dir, writable: false, autoBackup: false });
    try {
      const st = await ro.teamStatus();
      expect(st.remote).toBeUndefined();
      expect(st.hasPassword).toBe(false);
      expect(st.user).toBe('甲');
      await expect(ro.syncNow()).rejects.toThrow('这是只读共享');
      await expect(ro.setTeamSettings({ user: '丙' })).rejects.toThrow('这是只读共享');
    } finally {
      await ro.close();
      a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
    }
  });
});
