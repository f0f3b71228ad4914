/**
 * What the archive's services share: the store, whether it may be changed, the current search
 * index and the operations that keep it in step with the store. `Archive` (core/service.ts)
 * provides it; each service gets it at construction and lives as long as the archive.
 */
import type { Db } from '../store/handle';
import type { ArticleIndex } from '../search/article-index';
import type { NearDups } from '../store/near-dups';
import type { PdfRenderer } from '../export';
import type { Vocabulary } from '../vocabulary';

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
}

/** What a carrier passes along with a call besides its argument. */
export interface CallContext {
  /** Set to 1 by the carrier when the client no longer waits for the answer (`search/budget.ts`). */
  cancelled?: Int32Array;
}

export interface ArchiveContext {
  readonly db: Db;
  readonly writable: boolean;
  readonly options: ArchiveOptions;
  readonly vocabulary: Vocabulary;
  /** Groups of near-duplicate articles (store/near-dups.ts). */
  readonly nearDups: NearDups;
  /** The current search index; a rebuild replaces it, so read it at each use. */
  readonly index: ArticleIndex;
  /** Throws `这是只读共享…` (read-only) unless the archive may be changed. */
  requireWritable(): void;
  /** After articles changed in the store: their index entries (and near-duplicate signatures) follow. */
  reindex(ids: number[], removed?: number[]): void;
  /** After a tag change: only the tags index and the facts follow. */
  reindexTags(ids: number[]): void;
  /** Store and group the queued near-duplicate signatures. */
  flushNearDups(): void;
  /** Write the index files now. */
  saveIndexNow(): void;
}
