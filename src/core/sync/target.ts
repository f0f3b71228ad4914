/**
 * What the sync engine needs of an archive (issue 22): its store, the methods remote ops are
 * applied through (the same ones an editor's own changes go through, so the store and the index are
 * updated the same way) and the index upkeep after a sync. `Archive` (core/service.ts) is one; the
 * engine names this interface instead of `Archive` so that a service of the archive
 * (`services/team-service.ts`) can run a sync without an import cycle.
 */
import type { BaokuApi, ImportFileReport, ImportOptions } from '../../shared/api';
import type { ImportSource } from '../import-files';
import type { Db } from '../store/db';

export interface SyncTarget
  extends Pick<BaokuApi, 'changeTags' | 'deleteTag' | 'mergeTags' | 'renameTag' | 'splitArticle' | 'mergeArticles' | 'correctArticle' | 'undoCorrection'> {
  readonly db: Db;
  importOne(src: ImportSource, opts: ImportOptions): ImportFileReport & { removed: number[] };
  addDictionaryWord(word: string): number;
  flushNearDups(): void;
  countNewMatches(): void;
  saveIndexNow(): void;
}
