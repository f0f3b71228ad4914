/**
 * What the sync engine needs of an archive (issue 22): the methods remote ops are applied through
 * (the same ones an editor's own changes go through, so the store and the index are updated the
 * same way) and the index upkeep after a sync. Its store (the op log, the cursor) the engine reaches
 * through `contextOf` (services/context.ts): `Archive` keeps it private. `Archive` (core/service.ts,
 * with the methods of its contract table, core/contract.ts) is the one SyncTarget; the engine names
 * this interface instead of `Archive` so that a service of the archive (`services/team-service.ts`)
 * can run a sync without an import cycle.
 */
import type { BaokuApi, ImportFileReport, ImportOptions } from '../../shared/api';
import type { ParsedPage } from '../../shared/types';

/** A page to import: `ImportSource` of ingest/sources.ts, written out here because core/sync does not import ingest (eslint layers). */
export interface PageSource {
  name: string;
  read(): Uint8Array;
  hash?: string;
  reading?: ParsedPage;
}

export interface SyncTarget
  extends Pick<BaokuApi, 'changeTags' | 'deleteTag' | 'mergeTags' | 'renameTag' | 'splitArticle' | 'mergeArticles' | 'correctArticle' | 'undoCorrection'> {
  importOne(src: PageSource, opts: ImportOptions): ImportFileReport & { removed: number[] };
  addDictionaryWord(word: string): number;
  flushNearDups(): void;
  countNewMatches(): void;
  holdIndexSaves(): () => void;
  flushIndexSaves(): void;
}
