/**
 * Upkeep: the database's health and copies. After open (`afterOpen`, which `Archive.checked` is)
 * the database's `quick_check` and the loaded search index's CRCs (IndexKeeper#verifyLoaded),
 * near-duplicate rows made consistent with the store, then the weekly automatic backup; on demand (`baoku check`, `baoku backup`) a check and a backup now.
 *
 * The check and the weekly backup run on a connection of their own in a thread of their own
 * (`store/off-thread.ts`), so the first search after a start does not wait for them; `close`
 * waits for `afterOpen` (ending a thread inside a libsql call aborts the process).
 */
import path from 'node:path';
import type { Db } from '../store/handle';
import { DB_FILE, quickCheck } from '../store/db';
import { quickCheckOffThread } from '../store/off-thread';
import { autoBackupOffThread, backupTo } from '../store/backup';
import { articleCount } from '../store/articles';
import type { ArchiveOptions } from './context';
import type { IndexKeeper } from './index-keeper';

export class Upkeep {
  constructor(
    private readonly db: Db,
    private readonly keeper: Pick<IndexKeeper, 'flushNearDups' | 'syncNearDups' | 'verifyLoaded' | 'fillTexts'>,
    private readonly opts: ArchiveOptions & { writable: boolean },
    /** A problem for the user: `Archive.openNotices` and the log. */
    private readonly notice: (message: string) => void,
    /** True once the archive is closing: what is left undone waits for the next open. */
    private readonly closing: () => boolean,
  ) {}

  /**
   * The work after open: a problem found by `quick_check` becomes a notice, a damaged search index
   * is rebuilt (`verifyLoaded`), the articles' texts are read for phrase searches (`fillTexts`), near-duplicate rows
   * follow the store (`syncNearDups`: two anti-joins over every article, a second at 150k), and
   * the weekly backup is taken unless the database is damaged. Never rejects.
   */
  async afterOpen(): Promise<void> {
    const { writable, log } = this.opts;
    // The database's check in its thread while the loaded search index's CRCs are checked here, in slices.
    const checking = quickCheckOffThread(path.join(this.opts.dir, DB_FILE)).catch((err: Error) => err.message);
    try {
      await this.keeper.verifyLoaded(this.closing);
    } catch (err) {
      log?.(`检索索引检查未能完成：${(err as Error).message}`);
    }
    try {
      await this.keeper.fillTexts(this.closing);
    } catch (err) {
      log?.(`文章全文未能读入内存（检索时从数据库读）：${(err as Error).message}`);
    }
    const check = await checking;
    if (writable && !this.closing()) {
      try {
        this.keeper.flushNearDups();
        this.keeper.syncNearDups();
      } catch (err) {
        log?.(`相近稿件分组未能更新：${(err as Error).message}`);
      }
    }
    // A damaged database is not backed up over the good generations.
    if (check !== 'ok') return this.notice(`数据库检查发现问题：${check}。建议用备份恢复（baoku restore）。`);
    if (!writable || this.opts.autoBackup === false || this.closing() || articleCount(this.db) === 0) return;
    try {
      const made = await autoBackupOffThread(this.opts.dir);
      if (made) log?.(`已自动备份到 ${made}`);
    } catch (err) {
      this.notice(`自动备份失败：${(err as Error).message}`);
    }
  }

  /** `PRAGMA quick_check` now, on this connection: 'ok' or the first problems found. */
  checkNow(): string {
    return quickCheck(this.db);
  }

  /** A consistent copy of the database in `file` (`VACUUM INTO`, safe while the archive is in use). */
  backupTo(file: string): void {
    backupTo(this.db, file);
  }
}
