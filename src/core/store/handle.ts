/**
 * The database handle's type and the transaction helper, apart from `db.ts` (which opens the
 * database and runs the migrations), so the migrations and the store modules they use can name
 * them without importing the module that imports them.
 */
import type Database from 'libsql';

export type Db = InstanceType<typeof Database>;

/** Run `fn` in one IMMEDIATE transaction: all of it or nothing. */
export function inTransaction<T>(db: Db, fn: () => T): T {
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
