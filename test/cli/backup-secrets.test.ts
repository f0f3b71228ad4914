/**
 * A backup travels further than the archive (a USB stick, the newsroom's file server): the team
 * archive's password kept in 设置 → 团队档案库 is not in it, while everything else is, and the
 * backup restores. Through the real `baoku backup` / `baoku restore`, on a real archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { tempDir } from '../core/helpers';
import { REPO, runCli } from './run-cli';

const PASSWORD = 'Geheim-密码-42';

function meta(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true } as never);
  try {
    return Object.fromEntries((db.prepare('SELECT key, value FROM meta').all([]) as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  } finally {
    db.close();
  }
}

describe('baoku backup and the team archive’s password', () => {
  it('leaves the password out of the backup, keeps the rest, and the backup restores', async () => {
    const dir = tempDir('baoku-secret-');
    const a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
    await a.setTeamSettings({ remote: `postgres://baoku:${encodeURIComponent(PASSWORD)}@127.0.0.1:5999/newsroom`, user: '甲' });
    await a.close();
    const live = meta(path.join(dir, 'archive.sqlite'));
    expect(Object.values(live)).toContain(PASSWORD); // kept in the archive itself, for 立即同步

    const out = path.join(tempDir('baoku-secret-out-'), 'copy.sqlite');
    const r = await runCli(['backup', '--archive', dir, '--out', out], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    const copy = meta(out);
    expect(JSON.stringify(copy)).not.toContain(PASSWORD);
    expect(copy['team.remote']).toBe(live['team.remote']);
    expect(copy['team.remote']).not.toContain(PASSWORD);
    expect(fs.existsSync(`${out}-wal`)).toBe(false);

    const restored = tempDir('baoku-secret-restored-');
    const rr = await runCli(['restore', '--archive', restored, '--from', out], { cwd: REPO });
    expect(rr.code, rr.stderr).toBe(0);
    const b = await Archive.open({ dir: restored, autoBackup: false, saveDelayMs: 50 });
    const status = await b.teamStatus();
    expect(status.remote).toBe(live['team.remote']);
    expect(status.hasPassword).toBe(false);
    await b.close();
  }, 120_000);
});
