/**
 * Users with a PostgreSQL login of their own (`baoku users add NAME --login`, `Remote.addUser` with a
 * password; issue 22): their changes are taken only from that login, a login writes only in its own
 * name, a reporter's login can neither write ops nor change roles (PostgreSQL's own privileges), and
 * a user without a login works as before. A throwaway cluster (`pg-cluster.ts`; it trusts local
 * connections, so passwords are PostgreSQL's business and not checked here: who is connected is).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Remote } from '../../src/core/sync/remote';
import { runCli } from '../cli/run-cli';
import { tempDir } from '../core/helpers';
import { pgMissing } from './pg-cluster';
import { desk, importFiles, page, sync, useTeamArchive } from './desks';

const missing = pgMissing();

/** The same database, connected as `user`. */
const as = (url: string, user: string) => {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = 'any-password';
  return u.toString();
};

describe.skipIf(!!missing)('team archive: users with a login of their own', () => {
  const team = useTeamArchive('newsroom_logins', { 甲: 'editor' });

  it('an editor with a login writes only through it; a login writes only in its own name; a reporter’s login cannot write or promote itself', { timeout: 180_000 }, async () => {
    const cwd = tempDir('baoku-logins-');
    // The password comes from the environment, never the command line.
    const noPassword = await runCli(['users', 'add', '王编辑', '--role', 'editor', '--login', '--remote', team.url], { cwd, env: { BAOKU_NEW_PASSWORD: '' } });
    expect(noPassword.code).not.toBe(0);
    expect(noPassword.stderr).toContain('BAOKU_NEW_PASSWORD');
    const added = await runCli(['users', 'add', '王编辑', '--role', 'editor', '--login', '--remote', team.url, '--json'], { cwd, env: { BAOKU_NEW_PASSWORD: 'pw-0123456789' } });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ name: '王编辑', role: 'editor', login: true });
    const admin = await Remote.connect(team.url);
    await admin.addUser('李记者', 'reporter', 'pw-9876543210');
    expect(await admin.listUsers()).toEqual([
      { name: '李记者', role: 'reporter', login: true },
      { name: '王编辑', role: 'editor', login: true },
      { name: '甲', role: 'editor', login: false },
    ]);
    await admin.close();

    // 王编辑 through his own login: his import goes.
    const w = await desk('王编辑');
    team.opened.push(w);
    await importFiles(w, [page('bjrb_20210105_02.txt')]);
    expect((await sync(w, as(team.url, '王编辑'))).pushed).toBe(1);

    // Someone calling himself 王编辑 on the shared login: refused, nothing written.
    const impostor = await desk('王编辑');
    team.opened.push(impostor);
    await importFiles(impostor, [page('dzrb_20220208_02.txt')]);
    const r1 = await sync(impostor, team.url);
    expect(r1.refused).toMatch(/“王编辑”有自己的团队档案库登录/);
    expect(r1.pushed).toBe(0);

    // 王编辑's login sending 甲's changes: refused.
    const other = await desk('甲');
    team.opened.push(other);
    await importFiles(other, [page('dzrb_20220510_05.txt')]);
    const r2 = await sync(other, as(team.url, '王编辑'));
    expect(r2.refused).toMatch(/以“王编辑”的登录连接团队档案库，不能发送“甲”的改动/);
    // 甲 has no login: the shared connection still works for him, as before.
    expect((await sync(other, team.url)).pushed).toBe(1);

    // The reporter's login: no role change, no op written by hand; the roles stay.
    const promote = await runCli(['users', 'role', '李记者', 'editor', '--remote', as(team.url, '李记者')], { cwd });
    expect(promote.code).not.toBe(0);
    expect(promote.stderr).toContain('没有管理团队档案库用户的权限');
    const c = new pg.Client({ connectionString: as(team.url, '李记者') });
    await c.connect();
    await expect(
      c.query("INSERT INTO baoku_ops (id, kind, target, author, at, payload) VALUES (gen_random_uuid(), 'dict', 'dict:x', '李记者', now(), '{}')"),
    ).rejects.toMatchObject({ code: '42501' });
    // It reads the log (a reporter's desk receives everything).
    expect(Number((await c.query('SELECT COUNT(*) AS n FROM baoku_ops')).rows[0].n)).toBe(2);
    await c.end();
    const check = await Remote.connect(team.url);
    expect((await check.user('李记者'))?.role).toBe('reporter');
    // Made an editor by the administrator, the reporter's login may add ops.
    await check.setRole('李记者', 'editor');
    await check.close();
    const l = await desk('李记者');
    team.opened.push(l);
    await importFiles(l, [page('dzrb_20220611_03.txt')]);
    expect((await sync(l, as(team.url, '李记者'))).pushed).toBe(1);
  });
});
