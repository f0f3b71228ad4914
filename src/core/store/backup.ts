/**
 * Backups: consistent snapshots with `VACUUM INTO` (safe while the archive is
 * in use), restore with an integrity check first, and weekly automatic
 * backups kept in a few generations (made off the archive's thread when it
 * opens, store/off-thread.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { type Db, DB_FILE } from './db';
import { runOffThread } from './off-thread';
import { LOCAL_SECRET_KEYS } from './meta';

export function backupTo(db: Db, out: string): void {
  const tmp = `${out}.partial`;
  fs.rmSync(tmp, { force: true });
  db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
  dropSecrets(tmp);
  fs.renameSync(tmp, out);
}

/**
 * A backup travels (to a USB stick, a colleague, the newsroom's file server): the secrets kept in
 * the archive (the team archive's password) are taken out of the copy before it gets its name.
 * Restored, the archive asks for the password again in 设置 → 团队档案库.
 */
function dropSecrets(file: string): void {
  const db = new Database(file);
  try {
    db.prepare(`DELETE FROM meta WHERE key IN (${LOCAL_SECRET_KEYS.map(() => '?').join(',')})`).run(LOCAL_SECRET_KEYS);
  } finally {
    db.close();
  }
}

export function checkBackupFile(file: string): string {
  const db = new Database(file, { readonly: true } as never);
  try {
    const rows = db.prepare('PRAGMA integrity_check').all([]) as Record<string, string>[];
    const verdict = rows.map((r) => Object.values(r)[0]).join('; ');
    const version = Number((db.prepare('PRAGMA user_version').get([]) as { user_version: number }).user_version);
    if (verdict === 'ok' && version === 0) return '这不是报库的档案库备份';
    return verdict;
  } finally {
    db.close();
  }
}

/** Replace the archive's database with a backup (the archive must not be open elsewhere). */
export function restoreFrom(dir: string, file: string): void {
  let verdict: string;
  try {
    verdict = checkBackupFile(file);
  } catch (err) {
    // SQLite refuses to read it at all (truncated, overwritten, not a database).
    verdict = `文件已损坏，无法读取（${(err as Error).message.split('\n')[0]}）`;
  }
  if (verdict !== 'ok') throw new Error(`备份文件有问题：${verdict}`);
  const target = path.join(dir, DB_FILE);
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(target)) {
    const keep = path.join(dir, 'backups', `before-restore-${Date.now()}.sqlite`);
    fs.mkdirSync(path.dirname(keep), { recursive: true });
    fs.copyFileSync(target, keep);
  }
  const tmp = `${target}.restore`;
  fs.copyFileSync(file, tmp);
  for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
  fs.renameSync(tmp, target);
  // The index is derived: it will be rebuilt on the next open.
  fs.rmSync(path.join(dir, 'search-index.json'), { force: true });
}

/** Where this week's automatic backup goes, or null when the newest is less than `everyMs` old. */
function dueAutoBackup(dir: string, everyMs: number, now: number): string | null {
  const bdir = path.join(dir, 'backups');
  fs.mkdirSync(bdir, { recursive: true });
  const latest = autoBackups(bdir).pop();
  if (latest && now - Number(/\d+/.exec(latest)![0]) < everyMs) return null;
  return path.join(bdir, `auto-${now}.sqlite`);
}

function autoBackups(bdir: string): string[] {
  return fs
    .readdirSync(bdir)
    .filter((f) => /^auto-\d+\.sqlite$/.test(f))
    .sort();
}

/** Keep the newest `keep` automatic backups. */
function pruneAutoBackups(dir: string, keep: number): void {
  const bdir = path.join(dir, 'backups');
  const all = autoBackups(bdir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(path.join(bdir, old), { force: true });
}

/** Weekly automatic backup in `backups/auto-*.sqlite`, keeping `keep` generations. Returns the new file, if one was made. */
export function autoBackup(db: Db, dir: string, keep = 4, everyMs = 7 * 24 * 3600 * 1000, now = Date.now()): string | null {
  const out = dueAutoBackup(dir, everyMs, now);
  if (!out) return null;
  backupTo(db, out);
  pruneAutoBackups(dir, keep);
  return out;
}

/** `autoBackup` with the copy made off this thread (store/off-thread.ts): the archive answers searches meanwhile. */
export async function autoBackupOffThread(dir: string, keep = 4, everyMs = 7 * 24 * 3600 * 1000, now = Date.now()): Promise<string | null> {
  const out = dueAutoBackup(dir, everyMs, now);
  if (!out) return null;
  const tmp = `${out}.partial`;
  fs.rmSync(tmp, { force: true });
  await runOffThread(path.join(dir, DB_FILE), [`VACUUM INTO '${tmp.replace(/'/g, "''")}'`]);
  dropSecrets(tmp);
  fs.renameSync(tmp, out);
  pruneAutoBackups(dir, keep);
  return out;
}
