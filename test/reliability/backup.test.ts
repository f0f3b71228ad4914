/**
 * Backups: `backupTo` and `baoku backup` while another connection holds an
 * open write transaction (the snapshot has the committed state only, and
 * nobody waits), `restoreFrom` / `baoku restore` giving back the same
 * articles, corrupt or foreign backup files refused with the archive left
 * untouched, and `autoBackup`'s weekly generations.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { autoBackup, backupTo, checkBackupFile, restoreFrom } from '../../src/core/store/backup';
import { DB_FILE } from '../../src/core/store/db';
import { articlesChecksum, integrity, realPages, REPO, tmpDir } from './support';
import { readStore, storedRows } from '../support/sqlite';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checksumOf(file: string): { count: number; sha: string } {
  const db = new Database(file, { readonly: true } as never);
  try {
    return articlesChecksum(db);
  } finally {
    db.close();
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe.skipIf(realPages().length < 3)('backup and restore', () => {
  const root = tmpDir('backup');
  const dir = path.join(root, 'archive');
  let committed: { count: number; sha: string };

  beforeAll(async () => {
    const a = await Archive.open({ dir, autoBackup: false });
    await a.importSources(expandPaths(realPages().slice(0, 3)).sources, {});
    const ids = (storedRows(a, 'SELECT id FROM articles') as { id: number }[]).map((r) => r.id);
    await a.changeTags({ ids, add: [{ kind: 'topic', name: '备份前' }] });
    committed = readStore(a, (db) => articlesChecksum(db));
    await a.close();
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('backs up the committed state while another connection is inside a write transaction', async () => {
    const a = await Archive.open({ dir, autoBackup: false, writable: false });
    const other = new Database(path.join(dir, DB_FILE));
    other.exec('PRAGMA busy_timeout = 100');
    other.exec('BEGIN IMMEDIATE');
    other.prepare('DELETE FROM article_tags').run([]);
    other.prepare("UPDATE articles SET title = '未提交的标题'").run([]);
    other.prepare('DELETE FROM articles WHERE id % 2 = 0').run([]);
    try {
      const out = path.join(root, 'during-write.sqlite');
      // Must not wait for the writer, which holds its transaction until the `finally` below.
      a.backupTo(out);
      expect(checkBackupFile(out)).toBe('ok');
      expect(checksumOf(out)).toEqual(committed);
      // The CLI, in its own process, too.
      const cliOut = path.join(root, 'cli-during-write.sqlite');
      const r = cli('backup', '--archive', dir, '--out', cliOut);
      expect(r.code, r.stderr).toBe(0);
      expect(checksumOf(cliOut)).toEqual(committed);
      expect(fs.existsSync(`${cliOut}.partial`)).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await a.close();
    }
  });

  it('restore gives back the same articles after later changes, and the index is rebuilt', async () => {
    const backup = path.join(root, 'before-changes.sqlite');
    let a = await Archive.open({ dir, autoBackup: false });
    a.backupTo(backup);
    const extra = await a.importSources(expandPaths(realPages().slice(3, 5)).sources, {});
    expect(extra.some((r) => r.status === 'imported')).toBe(true);
    const ids = (storedRows(a, 'SELECT id FROM articles LIMIT 50') as { id: number }[]).map((r) => r.id);
    await a.changeTags({ ids, add: [{ kind: 'topic', name: '备份后' }] });
    expect(readStore(a, (db) => articlesChecksum(db))).not.toEqual(committed);
    await a.close();

    restoreFrom(dir, backup);
    const notices: string[] = [];
    a = await Archive.open({ dir, autoBackup: false, log: (m) => notices.push(m) });
    try {
      expect(readStore(a, (db) => articlesChecksum(db))).toEqual(committed);
      expect(readStore(a, (db) => integrity(db))).toBe('ok');
      expect(notices.join('\n')).toMatch(/重建检索索引/);
      expect((await a.search({ query: '主题:备份后' })).total).toBe(0);
      expect((await a.search({ query: '主题:备份前' })).total).toBe(committed.count);
      // What was there before the restore is kept aside.
      expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.startsWith('before-restore-'))).toBe(true);
    } finally {
      await a.close();
    }
  });

  it('refuses corrupt, truncated and foreign backup files, leaving the archive untouched', () => {
    const good = path.join(root, 'good.sqlite');
    const a = new Database(path.join(dir, DB_FILE));
    backupTo(a, good);
    a.close();
    const bytes = fs.readFileSync(good);
    const bad: Record<string, Buffer> = {
      'truncated.sqlite': bytes.subarray(0, Math.floor(bytes.length / 2)),
      'zeroed-middle.sqlite': Buffer.concat([bytes.subarray(0, 8192), Buffer.alloc(bytes.length - 16384, 0x5a), bytes.subarray(bytes.length - 8192)]),
      'header-only.sqlite': bytes.subarray(0, 100),
      'not-sqlite.sqlite': Buffer.from('这不是数据库'.repeat(1000)),
      'empty.sqlite': Buffer.alloc(0),
    };
    {
      // A sound SQLite file that is not an archive.
      const f = path.join(root, 'foreign.sqlite');
      const db = new Database(f);
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      db.close();
      bad['foreign.sqlite'] = fs.readFileSync(f);
    }
    const before = sha(path.join(dir, DB_FILE));
    for (const [name, data] of Object.entries(bad)) {
      const f = path.join(root, name);
      fs.writeFileSync(f, data);
      let err: Error | undefined;
      try {
        restoreFrom(dir, f);
      } catch (e) {
        err = e as Error;
      }
      expect(err, `${name} was accepted`).toBeDefined();
      expect(err!.message, name).toMatch(/\p{Script=Han}/u);
      expect(err!.message, name).not.toMatch(/\n/);
      expect(sha(path.join(dir, DB_FILE)), name).toBe(before);
      expect(fs.existsSync(path.join(dir, `${DB_FILE}.restore`))).toBe(false);
    }
    // The CLI says so in one line and exits 1.
    const r = cli('restore', '--archive', dir, '--from', path.join(root, 'zeroed-middle.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/备份/);
    expect(sha(path.join(dir, DB_FILE))).toBe(before);
  });

  it('autoBackup makes one a week, keeps the newest generations, each a sound copy', () => {
    const db = new Database(path.join(dir, DB_FILE));
    try {
      const week = 7 * 24 * 3600 * 1000;
      const t0 = Date.UTC(2030, 0, 1);
      const made: string[] = [];
      for (let k = 0; k < 5; k++) {
        const f = autoBackup(db, dir, 3, week, t0 + k * week);
        expect(f, `week ${k}`).toBeTruthy();
        made.push(f!);
        expect(autoBackup(db, dir, 3, week, t0 + k * week + week / 2)).toBeNull();
      }
      const autos = fs.readdirSync(path.join(dir, 'backups')).filter((f) => /^auto-\d+\.sqlite$/.test(f)).sort();
      expect(autos).toEqual(made.slice(-3).map((f) => path.basename(f)));
      for (const f of autos) {
        expect(checkBackupFile(path.join(dir, 'backups', f))).toBe('ok');
        expect(checksumOf(path.join(dir, 'backups', f))).toEqual(articlesChecksum(db));
      }
    } finally {
      db.close();
    }
  });
});
