/**
 * What a test sees of an archive's SQLite file besides its methods. The archive's own handle is
 * private (core/service.ts), so a test that checks what is stored, or makes a state the archive
 * never makes itself (a page read by an older parser, a change committed behind the index), opens
 * the file on a connection of its own for that one call (`withConnection`, store/db.ts).
 */
import { withConnection, type Db } from '../../src/core/store/db';

/** Run `fn` on a read-only connection (SQLite's `query_only`) to the archive's database. */
export function readStore<T>(a: { dir: string }, fn: (db: Db) => T): T {
  return withConnection(a.dir, fn);
}

/** Run `fn` on a writable connection of the test's own: a change the archive's index does not see. */
export function writeStore<T>(a: { dir: string }, fn: (db: Db) => T): T {
  return withConnection(a.dir, fn, { writable: true });
}

/** The rows of a read-only query. */
export function storedRows(a: { dir: string }, sql: string, params: unknown[] = []): unknown[] {
  return readStore(a, (db) => db.prepare(sql).all(params));
}

/** The first row of a read-only query, if any. */
export function storedRow(a: { dir: string }, sql: string, params: unknown[] = []): unknown {
  return readStore(a, (db) => db.prepare(sql).get(params));
}

/** Run one statement on a writable connection of the test's own (its `changes`, `lastInsertRowid`). */
export function runSql(a: { dir: string }, sql: string, params: unknown[] = []): ReturnType<ReturnType<Db['prepare']>['run']> {
  return writeStore(a, (db) => db.prepare(sql).run(params));
}
