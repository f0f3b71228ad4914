/**
 * The archive: the one implementation of the `BaokuApi` contract, and the composition root of
 * its services.
 *
 * Owns the SQLite store (source of truth) and, through `IndexKeeper`, the search index derived
 * from it. Runs in a worker thread in the app and the HTTP host (src/node), and directly in the
 * CLI and tests. `Archive` opens and closes the archive, collects the notices of its open and
 * answers `stats`; every other method comes from the contract table (core/contract.ts), which
 * names the service that answers it: index keeping, upkeep (checks and backups), imports,
 * search, tags, clippings, saved searches, corrections, the newsroom's shared archive (设置 →
 * 团队档案库). Each service is one construction here; they share the `ArchiveContext` this class
 * assembles (the store, the index and the operations that keep it in step). The store and the
 * index are private: nothing outside the core reaches into them, only through methods.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveStats } from '../shared/api';
import { openDatabase, type Db } from './store/db';
import { countPagesToReparse } from './store/reparse';
import { NearDups } from './store/near-dups';
import { correctedCount } from './store/corrections';
import { archiveCounts } from './store/stats';
import { assembleContext, registerContext, type ArchiveContext, type ArchiveOptions } from './services/context';
import { IndexKeeper } from './services/index-keeper';
import { Upkeep } from './services/upkeep';
import { SearchService } from './services/search-service';
import { TagService } from './services/tag-service';
import { ClippingService } from './services/clipping-service';
import { SavedSearchService } from './services/saved-search-service';
import { CorrectionService } from './services/correction-service';
import { ImportService } from './services/import-service';
import { TeamService } from './services/team-service';
import { contractTable, teamTable } from './contract';
import { startJieba } from './text/jieba';
import { Vocabulary } from './vocabulary';
import { PARSER_VERSION } from './ingest';
import { ensureWritableDir } from './errors';

export type { ArchiveOptions, CallContext } from './services/context';
export type { ArchiveTools } from './contract';

export { BadInput, EnvironmentError, NotFound, UserError } from './errors';

export function defaultResourcesDir(): string {
  // src/core/service.ts → ../../resources; bundled main → resources next to the app.
  const candidates = [
    path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'resources'),
    path.resolve(process.cwd(), 'resources'),
  ];
  return candidates.find((c) => fs.existsSync(path.join(c, 'sample'))) ?? candidates[0];
}

/**
 * An open archive: its own state and lifetime (`ArchiveRoot`) and the contract table's methods
 * (core/contract.ts), which make it a `BaokuApi` and an `ArchiveTools`.
 */
export type Archive = ArchiveRoot & ReturnType<typeof contractTable> & ReturnType<typeof teamTable>;

/** `Archive.open(options)`: the one way to an archive. */
export const Archive = {
  open: (opts: ArchiveOptions): Promise<Archive> => ArchiveRoot.open(opts),
};

class ArchiveRoot {
  readonly dir: string;
  readonly writable: boolean;
  /** Groups of near-duplicate articles (store/near-dups.ts). */
  readonly nearDups: NearDups;
  /** The words that cut this archive's text (core/vocabulary.ts: what is per process, what per archive). */
  readonly vocabulary: Vocabulary;
  /** What the user should know since open (an upgrade, a rebuild, a failed check); the last is `stats().indexNotice`. */
  readonly openNotices: string[] = [];
  /**
   * Resolves when the work after open is done (`Upkeep#afterOpen`: quick_check, near-duplicate
   * rows, the weekly backup, off this thread). Never rejects; `close()` waits for it.
   */
  checked: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly db: Db;
  private readonly ctx: ArchiveContext;
  private readonly keeper: IndexKeeper;
  private readonly upkeep: Upkeep;
  private readonly team: TeamService;

  /** The services, and the contract table over them put on this object (hence `Archive`). */
  private constructor(opts: ArchiveOptions, db: Db) {
    const writable = opts.writable ?? true;
    this.dir = opts.dir;
    this.db = db;
    this.writable = writable;
    this.nearDups = new NearDups(db);
    this.vocabulary = new Vocabulary(db, opts.dir);
    const keeper = (this.keeper = new IndexKeeper(db, this.vocabulary, this.nearDups, { ...opts, writable }));
    const ctx = (this.ctx = assembleContext({ db, writable, options: opts, vocabulary: this.vocabulary, nearDups: this.nearDups }, keeper));
    registerContext(this, ctx);
    const upkeep = (this.upkeep = new Upkeep(db, keeper, { ...opts, writable }, (m) => this.notice(m), () => this.closed));
    const searcher = new SearchService(ctx);
    const savedSearches = new SavedSearchService(ctx, searcher);
    const table = contractTable({
      keeper,
      upkeep,
      searcher,
      savedSearches,
      tagging: new TagService(ctx, searcher),
      clippings: new ClippingService(ctx, searcher),
      corrections: new CorrectionService(ctx),
      imports: new ImportService(ctx, keeper.saves, () => savedSearches.countNewMatches(), () => path.join(opts.resourcesDir ?? defaultResourcesDir(), 'sample')),
    });
    // A sync applies the shared archive's operations through the archive's own methods (its SyncTarget).
    const self = Object.assign(this, table);
    this.team = new TeamService(ctx, self);
    Object.assign(this, teamTable(this.team));
  }

  /**
   * Open (creating if needed) an archive: migrate, load the dictionary and the index. What the
   * first search does not need runs after, off this thread (`checked`). jieba loads in a thread
   * of its own meanwhile (text/jieba.ts), started once the folder is known to be usable.
   */
  static async open(opts: ArchiveOptions): Promise<Archive> {
    // SQLite writes beside the database (WAL) even for reading: the folder must be writable.
    ensureWritableDir(opts.dir);
    startJieba();
    const { db, backup, fromVersion } = openDatabase(opts.dir);
    const a = new ArchiveRoot(opts, db);
    if (backup) a.notice(`数据库已从版本 ${fromVersion} 升级，升级前的备份在 ${backup}`);
    a.vocabulary.load();
    await a.keeper.load((m) => a.notice(m));
    const older = countPagesToReparse(db, PARSER_VERSION);
    if (older > 0) a.notice(`有 ${older} 个版面是由旧版解析器读取的，重新解析（baoku reparse）可按新规则拆分文章，编辑加的标签保留`);
    a.checked = a.upkeep.afterOpen();
    return a as ArchiveRoot as Archive; // the constructor put the tables on it
  }

  private notice(message: string): void {
    this.openNotices.push(message);
    this.ctx.options.log?.(message);
  }

  async close(): Promise<void> {
    this.closed = true;
    // Waited for, never cut short: ending a thread inside a libsql call aborts the process.
    await this.checked;
    await this.team.idle();
    this.keeper.close();
    this.db.close();
  }

  async stats(): Promise<ArchiveStats> {
    return {
      ...archiveCounts(this.db),
      indexReady: this.keeper.indexReady,
      indexNotice: this.openNotices[this.openNotices.length - 1],
      writable: this.writable,
      pagesToReparse: countPagesToReparse(this.db, PARSER_VERSION),
      correctedArticles: correctedCount(this.db),
    };
  }
}
