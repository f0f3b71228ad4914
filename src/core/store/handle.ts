/**
 * The database handle's type and the transaction helper, apart from `db.ts` (which opens the
 * database and runs the migrations), so the migrations and the store modules they use can name
 * them without importing the module that imports them.
 */
import type Database from 'libsql';

export type Db = InstanceType<typeof Database>;

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
