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

export { inTransaction, type Db } from './handle';
import type { Db } from './handle';

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
/**
 * The last migration that changed what the search index is built from (the search index's
 * fingerprint holds it, so a saved index made before it is rebuilt at open). A migration that
 * only adds an index or a table the search index does not read leaves it: 150k articles take
 * minutes to index again. Raise it (or bump the generation, store/meta.ts) in a migration that
 * changes indexed data.
 */
export const INDEXED_SCHEMA = 8;

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

/**
 * `fn` run on a connection of its own to the database file of the archive in `dir`, never the
 * archive's, opened for this call and closed after it (nothing is held across a restore or a
 * reopen); read-only unless `writable` (`query_only`, which SQLite enforces). For what looks at an
 * archive from outside it: the relevance evaluation, the benchmarks, and tests that check what is
 * stored or make a state the archive never makes itself (its index does not see such a change).
 */
export function withConnection<T>(dir: string, fn: (db: Db) => T, opts: { writable?: boolean } = {}): T {
  const db = new Database(path.join(dir, DB_FILE));
  try {
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    if (!opts.writable) db.exec('PRAGMA query_only = ON');
    return fn(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA quick_check`: 'ok' or the first problems found. */
export function quickCheck(db: Db): string {
  const rows = db.prepare('PRAGMA quick_check').all() as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0]).join('; ');
}
