/**
 * Opening the archive database: WAL, foreign keys, numbered migrations.
 *
 * SQLite (through `libsql`, a Node-API binding that loads unchanged in Node
 * and Electron) is the source of truth; the search index is derived from it.
 */
import Database from 'libsql';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = InstanceType<typeof Database>;

export const DB_FILE = 'archive.sqlite';

export interface OpenResult {
  db: Db;
  /** Schema version before this open (0 for a new archive). */
  fromVersion: number;
  toVersion: number;
  /** Backup written before migrating, if any. */
  backup?: string;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('PRAGMA user_version').get([]) as { user_version: number } | undefined;
  return Number(row?.user_version ?? 0);
}

export const LATEST_SCHEMA = MIGRATIONS.length;

/** Open (creating if needed) the archive database in `dir` and migrate it. */
export function openDatabase(dir: string): OpenResult {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, DB_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  const fromVersion = schemaVersion(db);
  if (fromVersion > LATEST_SCHEMA) {
    db.close();
    throw new Error(`档案库的版本（${fromVersion}）比本程序新（${LATEST_SCHEMA}），请升级报库。`);
  }
  let backup: string | undefined;
  if (fromVersion < LATEST_SCHEMA && existed && fromVersion > 0) {
    backup = path.join(dir, 'backups', `before-migration-v${fromVersion}-${Date.now()}.sqlite`);
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    db.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
  }
  for (let v = fromVersion; v < LATEST_SCHEMA; v++) {
    const migrate = MIGRATIONS[v];
    db.exec('BEGIN IMMEDIATE');
    try {
      migrate(db);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      db.close();
      throw err;
    }
  }
  return { db, fromVersion, toVersion: LATEST_SCHEMA, backup };
}

let savepoints = 0;

/**
 * Run `fn` in one IMMEDIATE transaction: all of it or nothing. Inside a transaction already open
 * (the sync applying a remote operation through the same store code, `core/sync/apply.ts`) it
 * runs in a savepoint: its work commits or rolls back with the outer transaction.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) {
    const name = `nested_${++savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = fn();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      throw err;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    try {
      db.exec('ROLLBACK');
    } catch {
      /* the transaction was already rolled back by SQLite */
    }
    throw err;
  }
}

/** `PRAGMA quick_check`: 'ok' or the first problems found. */
export function quickCheck(db: Db): string {
  const rows = db.prepare('PRAGMA quick_check').all() as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0]).join('; ');
}
