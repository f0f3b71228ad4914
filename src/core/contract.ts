/**
 * The contract table: which service answers each method of `BaokuApi` (src/shared/api.ts, what
 * the carriers call) and each of the archive's own tools (`ArchiveTools`: what the CLI, the sync
 * engine, benchmarks and tests call besides the contract). One line a method, like Excalidraw's
 * action table. Each table `satisfies` its interfaces, so the compiler checks every line: a
 * method with no service, a service answering with another type, or a line for no method does
 * not build; a method's type is its service's (`listSavedSearches()` needs no argument here,
 * though the carriers pass `{}`). `Archive` (core/service.ts) carries the tables; the services do the work.
 */
import type { BaokuApi, ArticleDetail, ExportRequest, ImportFileReport, ImportOptions, ReparseReport, SearchRequest } from '../shared/api';
import type { Fingerprint } from './search/persist';
import type { CallContext } from './services/context';
import type { RankingOptions } from './search/article-index';
import type { ImportSource } from './ingest/sources';
import type { IndexKeeper } from './services/index-keeper';
import type { Upkeep } from './services/upkeep';
import type { SearchService } from './services/search-service';
import type { TagService } from './services/tag-service';
import type { ClippingService } from './services/clipping-service';
import type { SavedSearchService } from './services/saved-search-service';
import type { CorrectionService } from './services/correction-service';
import type { ImportService } from './services/import-service';
import type { TeamService } from './services/team-service';

/** The archive's methods besides the contract. */
export interface ArchiveTools {
  /** What the saved index files must match to be loaded instead of rebuilt. */
  fingerprint(): Fingerprint;
  /** Rebuild the whole index from the store (`baoku rebuild`); resolves to the articles read. */
  rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number>;
  /** Write the index files now, whatever is pending. */
  saveIndexNow(): void;
  /**
   * No index file written until the returned release is called (a sync, like an import, changes the
   * index many times and is saved once at its end; a file written meanwhile would be stale at once).
   */
  holdIndexSaves(): () => void;
  /** Write the index files now if they lack a change (nothing when they are current). */
  flushIndexSaves(): void;
  /** Store and group the queued near-duplicate signatures. */
  flushNearDups(): void;
  /** The ids of the articles in the index, ascending. */
  indexedIds(): number[];
  /** Where the index is not the store's (articles missing, extra, or with other facts); empty when it is. */
  indexMismatches(limit?: number): string[];
  /**
   * The matching core alone: how many articles the request matches, found and counted but not
   * ordered, with no page of hits built (no snippets, facets or articles read). `bench/cold.ts`
   * splits a search's time with it.
   */
  matchCount(req: SearchRequest): number;
  /** How matches are scored from now on (the relevance evaluation tunes it; a rebuild starts from the default). */
  setRanking(ranking: RankingOptions): void;
  /** `PRAGMA quick_check` now: 'ok' or the first problems found (`baoku check`). */
  checkDatabase(): string;
  /** A consistent copy of the database in `file` (`baoku backup`). */
  backupTo(file: string): void;
  /** Import one file: decode, parse, store in one transaction, index. Never throws for bad input. */
  importOne(src: ImportSource, opts: ImportOptions): ImportFileReport & { removed: number[] };
  /** Import sources one by one, in slices (the CLI calls this directly; the UI through jobs). */
  importSources(sources: ImportSource[], opts: ImportOptions, onFile?: (report: ImportFileReport, done: number) => boolean | void): Promise<ImportFileReport[]>;
  /** The built-in sample pages (`resources/sample`), as sources to import. */
  sampleSources(): ImportSource[];
  /** Read stored pages again with this parser (see `store/reparse.ts`). */
  reparse(req?: { all?: boolean }, onPage?: (done: number, total: number) => void): Promise<ReparseReport>;
  /** Add an editor's term to the dictionary; the articles that contain it are re-indexed. */
  addDictionaryWord(word: string): number;
  /** Articles for an export: by ids (in that order) or all results of a query. */
  exportArticles(req: Pick<ExportRequest, 'ids' | 'query' | 'filters' | 'dedupe'>): ArticleDetail[];
  /** After an import or a sync: each saved search's matches among the newer articles (its `+N`). */
  countNewMatches(): void;
}

/** The services of one archive, each with one job (`services/`). */
export interface ArchiveServices {
  keeper: IndexKeeper;
  upkeep: Upkeep;
  searcher: SearchService;
  tagging: TagService;
  clippings: ClippingService;
  savedSearches: SavedSearchService;
  corrections: CorrectionService;
  imports: ImportService;
}

/** The contract methods of the newsroom's shared archive (设置 → 团队档案库). */
type TeamMethod = 'teamStatus' | 'setTeamSettings' | 'syncNow' | 'listTeamConflicts' | 'resolveTeamConflict';

/**
 * Everything but the shared archive's methods (the team service syncs through these: with them
 * the archive is its `SyncTarget`) and `stats` (the archive's own, core/service.ts).
 */
export function contractTable(s: ArchiveServices) {
  const { keeper, upkeep, searcher, tagging, clippings, savedSearches, corrections, imports } = s;
  return {
    // The index (services/index-keeper.ts) and upkeep (services/upkeep.ts).
    fingerprint: () => keeper.fingerprint(),
    rebuildIndex: (onProgress?) => keeper.rebuildIndex(onProgress),
    saveIndexNow: () => keeper.saveIndexNow(),
    holdIndexSaves: () => keeper.saves.holdUntilReleased(),
    flushIndexSaves: () => keeper.saves.flush(),
    flushNearDups: () => keeper.flushNearDups(),
    indexedIds: () => keeper.indexedIds(),
    indexMismatches: (limit?) => keeper.mismatches(limit),
    setRanking: (ranking) => keeper.setRanking(ranking),
    checkDatabase: () => upkeep.checkNow(),
    backupTo: (file) => upkeep.backupTo(file),
    // Search (services/search-service.ts). A search's `call` carries the carrier's cancel cell (search/budget.ts).
    search: (req, call?: CallContext) => searcher.search(req, call),
    matchCount: (req) => searcher.countMatches(req),
    getArticle: (req) => searcher.getArticle(req),
    getNearDuplicates: (req) => searcher.getNearDuplicates(req),
    getRawText: (req) => searcher.getRawText(req),
    moreLikeThis: (req) => searcher.moreLikeThis(req),
    // Imports (services/import-service.ts).
    guessFileMeta: (req) => imports.guessFileMeta(req),
    importOne: (src, opts) => imports.importOne(src, opts),
    importSources: (sources, opts, onFile?) => imports.importSources(sources, opts, onFile),
    sampleSources: () => imports.sampleSources(),
    // Typed here: the contract's and the tool's signatures together give the parameters no type of their own.
    reparse: (req?: { all?: boolean }, onPage?: (done: number, total: number) => void) => imports.reparse(req, onPage),
    startImport: (req) => imports.startImport(req),
    importStatus: (req) => imports.importStatus(req),
    cancelImport: (req) => imports.cancelImport(req),
    listImports: (req) => imports.listImports(req),
    // Tags and the dictionary (services/tag-service.ts).
    listTags: (req) => tagging.listTags(req),
    changeTags: (req) => tagging.changeTags(req),
    undoTagChange: (req) => tagging.undoTagChange(req),
    tagHistory: (req) => tagging.tagHistory(req),
    suggestTopics: (req) => tagging.suggestTopics(req),
    tagUsage: (req) => tagging.tagUsage(req),
    renameTag: (req) => tagging.renameTag(req),
    mergeTags: (req) => tagging.mergeTags(req),
    deleteTag: (req) => tagging.deleteTag(req),
    addDictionaryWord: (word) => tagging.addDictionaryWord(word),
    // Clippings, exports, citations (services/clipping-service.ts).
    listClippingSets: () => clippings.listClippingSets(),
    saveClippingSet: (req) => clippings.saveClippingSet(req),
    deleteClippingSet: (req) => clippings.deleteClippingSet(req),
    exportArticles: (req) => clippings.exportArticles(req),
    exportClippings: (req) => clippings.exportClippings(req),
    getCitation: (req) => clippings.getCitation(req),
    // Saved searches (services/saved-search-service.ts).
    listSavedSearches: () => savedSearches.listSavedSearches(),
    saveSearch: (req) => savedSearches.saveSearch(req),
    renameSavedSearch: (req) => savedSearches.renameSavedSearch(req),
    deleteSavedSearch: (req) => savedSearches.deleteSavedSearch(req),
    reorderSavedSearches: (req) => savedSearches.reorderSavedSearches(req),
    openSavedSearch: (req) => savedSearches.openSavedSearch(req),
    countNewMatches: () => savedSearches.countNewMatches(),
    // Corrections (services/correction-service.ts).
    correctArticle: (req) => corrections.correctArticle(req),
    mergeArticles: (req) => corrections.mergeArticles(req),
    splitArticle: (req) => corrections.splitArticle(req),
    undoCorrection: (req) => corrections.undoCorrection(req),
    getHistory: (req) => corrections.getHistory(req),
    getOriginal: (req) => corrections.getOriginal(req),
  } satisfies Omit<BaokuApi, TeamMethod | 'stats'> & ArchiveTools;
}

/** The shared archive's methods (services/team-service.ts). */
export function teamTable(team: TeamService) {
  return {
    teamStatus: () => team.teamStatus(),
    setTeamSettings: (req) => team.setTeamSettings(req),
    syncNow: () => team.syncNow(),
    listTeamConflicts: (req) => team.listTeamConflicts(req),
    resolveTeamConflict: (req) => team.resolveTeamConflict(req),
  } satisfies Pick<BaokuApi, TeamMethod>;
}
