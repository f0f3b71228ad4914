/**
 * What the archive's services share: the store, whether it may be changed, the current search
 * index and the operations that keep it in step with the store (`IndexKeeping`, by
 * `IndexKeeper`). `Archive` (core/service.ts) assembles it; each service gets it at construction
 * and lives as long as the archive.
 */
import type { Db } from '../store/handle';
import type { ArticleIndex } from '../search/article-index';
import type { NearDups } from '../store/near-dups';
import type { PdfRenderer } from '../export';
import type { Vocabulary } from '../vocabulary';
import { UserError } from '../errors';

export interface ArchiveOptions {
  /** The archive folder (database, index, backups). */
  dir: string;
  /** False for the read-only LAN host. Default true. */
  writable?: boolean;
  /** Where `resources/` is (the built-in sample). */
  resourcesDir?: string;
  /** How PDFs are made (Electron passes printToPDF; default headless Chromium). */
  pdf?: PdfRenderer;
  /** Notices for the log (index rebuilt, backup taken…). */
  log?: (message: string) => void;
  /** Weekly automatic backup (default on). */
  autoBackup?: boolean;
  /** Save the index this long after the last change (ms; `search/save-scheduler.ts`). */
  saveDelayMs?: number;
  /** …but no later than this after the first unsaved change, unless an import or reparse runs (ms). */
  saveMaxWaitMs?: number;
  /** False: no near-duplicate detection at import (bench/near-dup-cost.ts measures what it costs). */
  nearDuplicates?: boolean;
  /**
   * Threads that segment a rebuild's text, each with its own copy of jieba (services/index-keeper.ts);
   * 0: the archive's own thread. Default: two (one on a single core) for 2,000 articles or more, else 0.
   */
  segmentThreads?: number;
}

/** What a carrier passes along with a call besides its argument. */
export interface CallContext {
  /** Set to 1 by the carrier when the client no longer waits for the answer (`search/budget.ts`). */
  cancelled?: Int32Array;
}

/** The index's side of the context, kept by `IndexKeeper` (services/index-keeper.ts). */
export interface IndexKeeping {
  /** The current search index; a rebuild replaces it, so read it at each use. */
  readonly index: ArticleIndex;
  /** After articles changed in the store: their index entries (and near-duplicate signatures) follow. */
  reindex(ids: number[], removed?: number[]): void;
  /** After a tag change: only the tags index and the facts follow. */
  reindexTags(ids: number[]): void;
  /** Store and group the queued near-duplicate signatures. */
  flushNearDups(): void;
  /** Write the index files now. */
  saveIndexNow(): void;
}

export interface ArchiveContext extends IndexKeeping {
  readonly db: Db;
  readonly writable: boolean;
  readonly options: ArchiveOptions;
  readonly vocabulary: Vocabulary;
  /** Groups of near-duplicate articles (store/near-dups.ts). */
  readonly nearDups: NearDups;
  /** Throws `这是只读共享…` (read-only) unless the archive may be changed. */
  requireWritable(): void;
}

/** The context of one archive: its store's side as given, the index's side from its keeper. */
export function assembleContext(store: Omit<ArchiveContext, keyof IndexKeeping | 'requireWritable'>, keeper: IndexKeeping): ArchiveContext {
  return {
    ...store,
    get index() {
      return keeper.index;
    },
    requireWritable: () => {
      if (!store.writable) throw new UserError('这是只读共享，不能修改档案库', 'read-only');
    },
    reindex: (ids, removed) => keeper.reindex(ids, removed),
    reindexTags: (ids) => keeper.reindexTags(ids),
    flushNearDups: () => keeper.flushNearDups(),
    saveIndexNow: () => keeper.saveIndexNow(),
  };
}

/**
 * Each open archive's context, for the core's own modules that act on an `Archive` from outside
 * it (`core/sync`: the op log is in its store). `Archive` keeps its store and index private;
 * ESLint keeps this module out of reach of the carriers, the CLI, the tests and the benchmarks,
 * which use `Archive`'s named methods instead.
 */
const contexts = new WeakMap<object, ArchiveContext>();

export function registerContext(archive: object, ctx: ArchiveContext): void {
  contexts.set(archive, ctx);
}

export function contextOf(archive: object): ArchiveContext {
  const ctx = contexts.get(archive);
  if (!ctx) throw new Error('not an open archive');
  return ctx;
}
