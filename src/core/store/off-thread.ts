/**
 * Slow whole-database statements run in a thread of their own, on a
 * connection of their own, so that the archive's thread keeps answering
 * searches meanwhile: `PRAGMA quick_check` at open (seconds on a 1 GB
 * archive) and the weekly automatic backup (`VACUUM INTO`). SQLite in WAL
 * mode lets the second connection read a consistent snapshot while the
 * archive's connection reads and writes.
 *
 * The thread's code is plain JavaScript (evaluated, not a file), so it runs
 * the same from the sources, the bundle and a packaged app; it requires
 * libsql by the path this thread resolved.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let reply;
try {
  const db = new Database(workerData.file, { readonly: workerData.readonly });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    reply = { rows: workerData.sql.map((s) => (/^\\s*(PRAGMA|SELECT)/i.test(s) ? db.prepare(s).all([]) : (db.exec(s), []))) };
  } finally {
    db.close();
  }
} catch (err) {
  reply = { error: String((err && err.message) || err) };
}
// After the connection is closed: the archive's own connection, closed later, is the last and checkpoints the WAL.
parentPort.postMessage(reply);
`;

/** Run `sql` (in order) on `file` in a thread; the rows of each statement (none for statements that return nothing). */
export function runOffThread(file: string, sql: string[], opts: { readonly?: boolean } = {}): Promise<Record<string, unknown>[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CODE, { eval: true, workerData: { module: require.resolve('libsql'), file, sql, readonly: opts.readonly ?? true } });
    let reply: { rows?: Record<string, unknown>[][]; error?: string } | undefined;
    let failed: Error | undefined;
    worker.once('message', (m: typeof reply) => (reply = m));
    worker.once('error', (err) => (failed = err));
    // Answered when the thread has ended (its connection closed).
    worker.once('exit', (code) => {
      if (reply?.rows) resolve(reply.rows);
      else reject(failed ?? new Error(reply?.error ?? `数据库线程已退出（${code}）`));
    });
  });
}

/** `PRAGMA quick_check` off this thread: 'ok' or the first problems found (as `quickCheck` in db.ts). */
export async function quickCheckOffThread(file: string): Promise<string> {
  const [rows] = await runOffThread(file, ['PRAGMA quick_check']);
  return rows.map((r) => String(Object.values(r)[0])).join('; ');
}
