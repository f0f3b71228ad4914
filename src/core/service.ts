/**
 * The archive: the one implementation of the `BaokuApi` contract, and the composition root of
 * its services.
 *
 * Owns the SQLite store (source of truth) and, through `IndexKeeper`, the search index derived
 * from it. Runs in a worker thread in the app and the HTTP host (src/node), and directly in the
 * CLI and tests. `Archive` opens and closes the archive, collects the notices of its open, and
 * delegates everything else to services with one job each (`services/`): index keeping, upkeep
 * (checks and backups), imports, search, tags, clippings, saved searches, corrections, the
 * newsroom's shared archive (设置 → 团队档案库). Each
 * service is one field and one construction here; they share the `ArchiveContext` this class
 * assembles (the store, the index and the operations that keep it in step). The store and the
 * index are private: nothing outside the core reaches into them, only through methods.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  ArchiveStats,
  ArticleDetail,
  BaokuApi,
  ClippingSet,
  ExportRequest,
  ExportResult,
  FileNameGuess,
  ImportFileReport,
  ImportJobStatus,
  ImportOptions,
  ImportRecord,
  OpenedSavedSearch,
  NearDuplicate,
  ReparseReport,
  SavedSearch,
  SaveSearchRequest,
  SearchHit,
  SearchRequest,
  SearchResponse,
  StartImportRequest,
  TagChangeRecord,
  TagChangeRequest,
  TagChangeResult,
  TagInfo,
  TagKind,
  TagSuggestion,
  ArticleCorrection,
  CorrectionRecord,
  CorrectionResult,
  OriginalReading,
  CitationRequest,
  CitationResult,
  TeamConflict,
  TeamSettingsRequest,
  TeamStatus,
  TeamSyncResult,
} from '../shared/api';
import { openDatabase, type Db } from './store/db';
import { countPagesToReparse } from './store/reparse';
import { NearDups } from './store/near-dups';
import { correctedCount } from './store/corrections';
import { archiveCounts } from './store/stats';
import type { Fingerprint } from './search/persist';
import type { RankingOptions } from './search/article-index';
import { assembleContext, registerContext, type ArchiveContext, type ArchiveOptions, type CallContext } from './services/context';
import { IndexKeeper } from './services/index-keeper';
import { Upkeep } from './services/upkeep';
import { SearchService } from './services/search-service';
import { TagService } from './services/tag-service';
import { ClippingService } from './services/clipping-service';
import { SavedSearchService } from './services/saved-search-service';
import { CorrectionService } from './services/correction-service';
import { ImportService } from './services/import-service';
import { TeamService } from './services/team-service';
import { startJieba } from './text/jieba';
import { Vocabulary } from './vocabulary';
import { PARSER_VERSION } from './ingest';
import type { ImportSource } from './ingest/sources';
import { ensureWritableDir } from './errors';

export type { ArchiveOptions, CallContext } from './services/context';

export { BadInput, EnvironmentError, NotFound, UserError } from './errors';

export function defaultResourcesDir(): string {
  // src/core/service.ts → ../../resources; bundled main → resources next to the app.
  const candidates = [
    path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'resources'),
    path.resolve(process.cwd(), 'resources'),
  ];
  return candidates.find((c) => fs.existsSync(path.join(c, 'sample'))) ?? candidates[0];
}

export class Archive implements BaokuApi {
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
  private readonly searcher: SearchService;
  private readonly tagging: TagService;
  private readonly clippings: ClippingService;
  private readonly savedSearches: SavedSearchService;
  private readonly corrections: CorrectionService;
  private readonly imports: ImportService;
  private readonly team: TeamService;

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
    this.upkeep = new Upkeep(db, keeper, { ...opts, writable }, (m) => this.notice(m), () => this.closed);
    this.searcher = new SearchService(ctx);
    this.tagging = new TagService(ctx, this.searcher);
    this.clippings = new ClippingService(ctx, this.searcher);
    this.savedSearches = new SavedSearchService(ctx, this.searcher);
    this.corrections = new CorrectionService(ctx);
    this.team = new TeamService(ctx, this);
    this.imports = new ImportService(ctx, keeper.saves, () => this.savedSearches.countNewMatches(), () => path.join(opts.resourcesDir ?? defaultResourcesDir(), 'sample'));
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
    const a = new Archive(opts, db);
    if (backup) a.notice(`数据库已从版本 ${fromVersion} 升级，升级前的备份在 ${backup}`);
    a.vocabulary.load();
    await a.keeper.load((m) => a.notice(m));
    const older = countPagesToReparse(db, PARSER_VERSION);
    if (older > 0) a.notice(`有 ${older} 个版面是由旧版解析器读取的，重新解析（baoku reparse）可按新规则拆分文章，编辑加的标签保留`);
    a.checked = a.upkeep.afterOpen();
    return a;
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

  // ---------------- the index (services/index-keeper.ts) and upkeep (services/upkeep.ts) ----------------

  /** What the saved index files must match to be loaded instead of rebuilt. */
  fingerprint(): Fingerprint {
    return this.keeper.fingerprint();
  }
  /** Rebuild the whole index from the store (`baoku rebuild`). */
  rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.keeper.rebuildIndex(onProgress);
  }
  /** Write the index files now, whatever is pending. */
  saveIndexNow(): void {
    this.keeper.saveIndexNow();
  }
  /**
   * No index file written until the returned release is called (a sync, like an import, changes the
   * index many times and is saved once at its end; a file written meanwhile would be stale at once).
   */
  holdIndexSaves(): () => void {
    this.keeper.saves.hold();
    let held = true;
    return () => {
      if (held) this.keeper.saves.release();
      held = false;
    };
  }
  /** Write the index files now if they lack a change (nothing when they are current). */
  flushIndexSaves(): void {
    this.keeper.saves.flush();
  }
  /** Store and group the queued near-duplicate signatures. */
  flushNearDups(): void {
    this.keeper.flushNearDups();
  }
  /** The ids of the articles in the index, ascending. */
  indexedIds(): number[] {
    return this.keeper.indexedIds();
  }
  /** Where the index is not the store's (articles missing, extra, or with other facts); empty when it is. */
  indexMismatches(limit?: number): string[] {
    return this.keeper.mismatches(limit);
  }
  /**
   * The matching core alone: every article the request matches, in its order, with no page of hits
   * built (no snippets, facets or articles read). `bench/cold.ts` splits a search's time with it.
   */
  matchCount(req: SearchRequest): number {
    return this.searcher.matchAll(req).ordered.length;
  }
  /** How matches are scored from now on (the relevance evaluation tunes it; a rebuild starts from the default). */
  setRanking(ranking: RankingOptions): void {
    this.keeper.setRanking(ranking);
  }
  /** `PRAGMA quick_check` now: 'ok' or the first problems found (`baoku check`). */
  checkDatabase(): string {
    return this.upkeep.checkNow();
  }
  /** A consistent copy of the database in `file` (`baoku backup`). */
  backupTo(file: string): void {
    this.upkeep.backupTo(file);
  }

  // ---------------- archive ----------------

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

  // ---------------- search (services/search-service.ts) ----------------

  /**
   * One page of results. `call.cancelled` is the carrier's cell that says the client left (see
   * `search/budget.ts`); the search stops with an answer saying why when it is set or when the
   * budget's deadline passes.
   */
  search(req: SearchRequest, call?: CallContext): Promise<SearchResponse> {
    return this.searcher.search(req, call);
  }
  getArticle(req: { id: number }): Promise<ArticleDetail | null> {
    return this.searcher.getArticle(req);
  }
  getNearDuplicates(req: { id: number }): Promise<NearDuplicate[]> {
    return this.searcher.getNearDuplicates(req);
  }
  getRawText(req: { id: number }): Promise<string | null> {
    return this.searcher.getRawText(req);
  }
  moreLikeThis(req: { id: number; limit?: number }): Promise<SearchHit[]> {
    return this.searcher.moreLikeThis(req);
  }

  // ---------------- import (services/import-service.ts) ----------------

  guessFileMeta(req: { name: string }): Promise<FileNameGuess> {
    return this.imports.guessFileMeta(req);
  }
  /** Import one file: decode, parse, store in one transaction, index. Never throws for bad input. */
  importOne(src: ImportSource, opts: ImportOptions): ImportFileReport & { removed: number[] } {
    return this.imports.importOne(src, opts);
  }
  /** Import sources one by one, in slices (the CLI calls this directly; the UI through jobs). */
  importSources(sources: ImportSource[], opts: ImportOptions, onFile?: (report: ImportFileReport, done: number) => boolean | void): Promise<ImportFileReport[]> {
    return this.imports.importSources(sources, opts, onFile);
  }
  sampleSources(): ImportSource[] {
    return this.imports.sampleSources();
  }
  /** Read stored pages again with this parser (see `store/reparse.ts`). */
  reparse(req: { all?: boolean } = {}, onPage?: (done: number, total: number) => void): Promise<ReparseReport> {
    return this.imports.reparse(req, onPage);
  }
  startImport(req: StartImportRequest): Promise<{ jobId: string }> {
    return this.imports.startImport(req);
  }
  importStatus(req: { jobId: string }): Promise<ImportJobStatus> {
    return this.imports.importStatus(req);
  }
  cancelImport(req: { jobId: string }): Promise<void> {
    return this.imports.cancelImport(req);
  }
  listImports(req: { limit?: number }): Promise<ImportRecord[]> {
    return this.imports.listImports(req);
  }

  // ---------------- tags (services/tag-service.ts) ----------------

  listTags(req: { kind?: TagKind; prefix?: string; limit?: number }): Promise<TagInfo[]> {
    return this.tagging.listTags(req);
  }
  changeTags(req: TagChangeRequest): Promise<TagChangeResult> {
    return this.tagging.changeTags(req);
  }
  undoTagChange(req: { changeId?: number }): Promise<TagChangeResult | null> {
    return this.tagging.undoTagChange(req);
  }
  tagHistory(req: { limit?: number }): Promise<TagChangeRecord[]> {
    return this.tagging.tagHistory(req);
  }
  suggestTopics(req: { id: number }): Promise<TagSuggestion[]> {
    return this.tagging.suggestTopics(req);
  }
  tagUsage(req: { kind: TagKind; name: string }): Promise<number> {
    return this.tagging.tagUsage(req);
  }
  renameTag(req: { kind: TagKind; from: string; to: string }): Promise<number> {
    return this.tagging.renameTag(req);
  }
  mergeTags(req: { kind: TagKind; from: string; into: string }): Promise<number> {
    return this.tagging.mergeTags(req);
  }
  deleteTag(req: { kind: TagKind; name: string }): Promise<number> {
    return this.tagging.deleteTag(req);
  }
  /** Add an editor's term to the dictionary; the articles that contain it are re-indexed. */
  addDictionaryWord(word: string): number {
    return this.tagging.addDictionaryWord(word);
  }

  // ---------------- clippings, exports, citations (services/clipping-service.ts) ----------------

  listClippingSets(): Promise<ClippingSet[]> {
    return this.clippings.listClippingSets();
  }
  saveClippingSet(req: ClippingSet): Promise<ClippingSet> {
    return this.clippings.saveClippingSet(req);
  }
  deleteClippingSet(req: { id: number }): Promise<void> {
    return this.clippings.deleteClippingSet(req);
  }
  /** Articles for an export: by ids (in that order) or all results of a query. */
  exportArticles(req: Pick<ExportRequest, 'ids' | 'query' | 'filters' | 'dedupe'>): ArticleDetail[] {
    return this.clippings.exportArticles(req);
  }
  exportClippings(req: ExportRequest): Promise<ExportResult> {
    return this.clippings.exportClippings(req);
  }
  getCitation(req: CitationRequest): Promise<CitationResult> {
    return this.clippings.getCitation(req);
  }

  // ---------------- saved searches (services/saved-search-service.ts) ----------------

  listSavedSearches(): Promise<SavedSearch[]> {
    return this.savedSearches.listSavedSearches();
  }
  saveSearch(req: SaveSearchRequest): Promise<SavedSearch> {
    return this.savedSearches.saveSearch(req);
  }
  renameSavedSearch(req: { id: number; name: string }): Promise<SavedSearch> {
    return this.savedSearches.renameSavedSearch(req);
  }
  deleteSavedSearch(req: { id: number }): Promise<void> {
    return this.savedSearches.deleteSavedSearch(req);
  }
  reorderSavedSearches(req: { ids: number[] }): Promise<SavedSearch[]> {
    return this.savedSearches.reorderSavedSearches(req);
  }
  openSavedSearch(req: { id: number }): Promise<OpenedSavedSearch> {
    return this.savedSearches.openSavedSearch(req);
  }
  /** After an import or a sync: each saved search's matches among the newer articles (its `+N`). */
  countNewMatches(): void {
    this.savedSearches.countNewMatches();
  }

  // ---------------- corrections (services/correction-service.ts) ----------------

  correctArticle(req: { id: number } & ArticleCorrection): Promise<CorrectionResult> {
    return this.corrections.correctArticle(req);
  }
  mergeArticles(req: { id: number; with: 'prev' | 'next' }): Promise<CorrectionResult> {
    return this.corrections.mergeArticles(req);
  }
  splitArticle(req: { id: number; at: number }): Promise<CorrectionResult> {
    return this.corrections.splitArticle(req);
  }
  undoCorrection(req: { correctionId: number }): Promise<CorrectionResult> {
    return this.corrections.undoCorrection(req);
  }
  getHistory(req: { id: number }): Promise<CorrectionRecord[]> {
    return this.corrections.getHistory(req);
  }
  getOriginal(req: { id: number }): Promise<OriginalReading> {
    return this.corrections.getOriginal(req);
  }

  // ---------------- the newsroom's shared archive (services/team-service.ts) ----------------

  teamStatus(): Promise<TeamStatus> {
    return this.team.teamStatus();
  }
  setTeamSettings(req: TeamSettingsRequest): Promise<TeamStatus> {
    return this.team.setTeamSettings(req);
  }
  syncNow(): Promise<TeamSyncResult> {
    return this.team.syncNow();
  }
  listTeamConflicts(req: { all?: boolean }): Promise<TeamConflict[]> {
    return this.team.listTeamConflicts(req);
  }
  resolveTeamConflict(req: { id: number }): Promise<TeamStatus> {
    return this.team.resolveTeamConflict(req);
  }
}
