/**
 * The archive: the one implementation of the `BaokuApi` contract.
 *
 * Owns the SQLite store (source of truth) and the search index derived from
 * it. Runs in a worker thread in the app and the HTTP host (src/node), and
 * directly in the CLI and tests. Every change commits to SQLite first and
 * then updates the index incrementally; the index is saved to disk after
 * changes and rebuilt from the store when it does not match.
 *
 * `Archive` opens and closes the archive and keeps the index in step with the
 * store (rebuild, reindex, save scheduling, near-duplicates); the contract is
 * delegated to services with one job each (`services/`: imports, search, tags,
 * clippings, saved searches, corrections, the shared archive), which get this archive as their
 * `ArchiveContext`.
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
  TeamConflict,
  TeamSettingsRequest,
  TeamStatus,
  TeamSyncResult,
} from '../shared/api';
import { openDatabase, type Db, DB_FILE, INDEXED_SCHEMA } from './store/db';
import { quickCheckOffThread } from './store/off-thread';
import * as store from './store/articles';
import * as tags from './store/tags';
import { getMeta } from './store/meta';
import { countPagesToReparse } from './store/reparse';
import { searchable } from './store/continuations';
import { autoBackupOffThread } from './store/backup';
import { ArticleIndex } from './search/article-index';
import { saveIndex, loadIndex, cleanTempFiles, INDEX_FORMAT, type Fingerprint } from './search/persist';
import { SaveScheduler } from './search/save-scheduler';
import type { ArchiveContext, ArchiveOptions, CallContext } from './services/context';
import { SearchService } from './services/search-service';
import { TagService } from './services/tag-service';
import { ClippingService } from './services/clipping-service';
import { SavedSearchService } from './services/saved-search-service';
import { CorrectionService } from './services/correction-service';
import { ImportService } from './services/import-service';
import { TeamService } from './services/team-service';
import { TOKENIZER_VERSION } from './text/tokenizer';
import { loadJieba, startJieba } from './text/jieba';
import { Vocabulary } from './vocabulary';
import { PARSER_VERSION } from './ingest';
import type { ImportSource } from './import-files';
import type { CitationRequest, CitationResult } from '../shared/api';
import { ensureWritableDir, UserError } from './errors';
import { NearDups } from './store/near-dups';
import { articleSignature } from './search/dedupe';
import { correctedCount } from './store/corrections';
import { archiveCounts } from './store/stats';

export type { ArchiveOptions, CallContext } from './services/context';

export { BadInput, EnvironmentError, NotFound, UserError } from './errors';

/** Postings held unpacked during a rebuild before they are packed (~200 MB of Maps). */
const REBUILD_PACK_EVERY = 4_000_000;

export function defaultResourcesDir(): string {
  // src/core/service.ts → ../../resources; bundled main → resources next to the app.
  const candidates = [
    path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'resources'),
    path.resolve(process.cwd(), 'resources'),
  ];
  return candidates.find((c) => fs.existsSync(path.join(c, 'sample'))) ?? candidates[0];
}

export class Archive implements BaokuApi, ArchiveContext {
  readonly dir: string;
  readonly db: Db;
  readonly writable: boolean;
  index: ArticleIndex;
  /** Groups of near-duplicate articles (store/near-dups.ts). */
  readonly nearDups: NearDups;
  /** The words that cut this archive's text (core/vocabulary.ts: what is per process, what per archive). */
  readonly vocabulary: Vocabulary;
  private opts: ArchiveOptions;
  private readonly searcher: SearchService;
  private readonly tagging: TagService;
  private readonly clippings: ClippingService;
  private readonly savedSearches: SavedSearchService;
  private readonly corrections: CorrectionService;
  private readonly imports: ImportService;
  private readonly team: TeamService;
  private indexReady = true;
  private indexNotice?: string;
  private readonly saves: SaveScheduler;
  readonly openNotices: string[] = [];
  private closed = false;

  private constructor(opts: ArchiveOptions, db: Db) {
    this.opts = opts;
    this.dir = opts.dir;
    this.db = db;
    this.writable = opts.writable ?? true;
    this.index = new ArticleIndex();
    this.nearDups = new NearDups(db);
    this.vocabulary = new Vocabulary(db, opts.dir);
    this.saves = new SaveScheduler({
      delayMs: opts.saveDelayMs ?? 2000,
      maxWaitMs: opts.saveMaxWaitMs ?? 20_000,
      save: () => this.writeIndex(),
      onError: (err) => this.opts.log?.(`检索索引保存失败：${err.message}`),
    });
    this.searcher = new SearchService(this);
    this.tagging = new TagService(this, this.searcher);
    this.clippings = new ClippingService(this, this.searcher);
    this.savedSearches = new SavedSearchService(this, this.searcher);
    this.corrections = new CorrectionService(this);
    this.team = new TeamService(this);
    this.imports = new ImportService(
      this,
      this.saves,
      () => this.savedSearches.countNewMatches(),
      () => path.join(opts.resourcesDir ?? defaultResourcesDir(), 'sample'),
    );
  }

  get options(): ArchiveOptions {
    return this.opts;
  }

  /**
   * Open (creating if needed) an archive: migrate, load the dictionary and the index. What the
   * first search does not need runs after, off this thread (`checked`): the database's
   * `quick_check` and the weekly backup. jieba loads in a thread of its own meanwhile (text/jieba.ts).
   */
  static async open(opts: ArchiveOptions): Promise<Archive> {
    // SQLite writes beside the database (WAL) even for reading: the folder must be writable.
    ensureWritableDir(opts.dir);
    startJieba();
    const { db, backup, fromVersion } = openDatabase(opts.dir);
    const a = new Archive(opts, db);
    if (backup) a.notice(`数据库已从版本 ${fromVersion} 升级，升级前的备份在 ${backup}`);
    a.vocabulary.load();
    cleanTempFiles(opts.dir);
    const loaded = loadIndex(opts.dir, a.fingerprint());
    if (loaded.index) {
      a.index = loaded.index;
    } else {
      if (store.articleCount(db) > 0) a.notice(`${loaded.reason}，正在从档案库重建检索索引`);
      await a.rebuildIndex();
    }
    const older = countPagesToReparse(db, PARSER_VERSION);
    if (older > 0) a.notice(`有 ${older} 个版面是由旧版解析器读取的，重新解析（baoku reparse）可按新规则拆分文章，编辑加的标签保留`);
    a.checked = a.checkAndBackUp();
    return a;
  }

  /**
   * Resolves when the work after open is done: the database's `quick_check` (a problem becomes
   * a notice: `openNotices`, `stats().indexNotice`), near-duplicate rows made consistent with the
   * store (`syncNearDups`: two anti-joins over every article, a second at 150k), then the weekly
   * automatic backup. The check and the backup run in a thread of their own (store/off-thread.ts).
   * Never rejects.
   */
  checked: Promise<void> = Promise.resolve();

  private async checkAndBackUp(): Promise<void> {
    let check: string;
    try {
      check = await quickCheckOffThread(path.join(this.dir, DB_FILE));
    } catch (err) {
      check = (err as Error).message;
    }
    if (this.writable && !this.closed) {
      try {
        this.flushNearDups();
        this.syncNearDups();
      } catch (err) {
        this.opts.log?.(`相近稿件分组未能更新：${(err as Error).message}`);
      }
    }
    // A damaged database is not backed up over the good generations.
    if (check !== 'ok') return this.notice(`数据库检查发现问题：${check}。建议用备份恢复（baoku restore）。`);
    if (!this.writable || this.opts.autoBackup === false || this.closed || store.articleCount(this.db) === 0) return;
    try {
      const made = await autoBackupOffThread(this.dir);
      if (made) this.opts.log?.(`已自动备份到 ${made}`);
    } catch (err) {
      this.notice(`自动备份失败：${(err as Error).message}`);
    }
  }

  private notice(message: string): void {
    this.openNotices.push(message);
    this.opts.log?.(message);
  }

  fingerprint(): Fingerprint {
    return {
      format: INDEX_FORMAT,
      schema: INDEXED_SCHEMA,
      tokenizer: TOKENIZER_VERSION,
      dictionary: this.vocabulary.hash(),
      articles: store.articleCount(this.db),
      generation: Number(getMeta(this.db, 'generation') ?? '0'),
    };
  }

  /** Rebuild the whole index from the store, in batches, yielding between them. */
  async rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
    loadJieba(); // bulk segmentation: this thread's own copy (text/jieba.ts)
    this.indexReady = false;
    const fresh = new ArticleIndex();
    const total = store.articleCount(this.db);
    let done = 0;
    const signed = new Set(this.writable ? (this.db.prepare('SELECT article_id AS id FROM near_dup').all([]) as { id: number }[]).map((r) => r.id) : []);
    for (const batch of store.iterateArticles(this.db, 1000)) {
      const sigs: Parameters<NearDups['update']>[0] = [];
      for (const a of batch) {
        const doc = searchable(a);
        if (doc) fresh.upsert(doc);
        // Signatures for articles that have none yet (an upgraded archive), from the terms just indexed.
        if (doc && this.writable && !signed.has(doc.id)) sigs.push({ id: doc.id, sig: articleSignature(doc) });
      }
      this.nearDups.update(sigs, []);
      // Pack as we go: an unpacked posting costs ~50 bytes, a packed one 6.
      if (fresh.text.dirt > REBUILD_PACK_EVERY) fresh.compactText();
      done += batch.length;
      onProgress?.(done, total);
      await new Promise((r) => setImmediate(r));
    }
    this.index = fresh;
    this.indexReady = true;
    this.indexNotice = undefined;
    this.saveIndexNow();
    return done;
  }

  /** Write the index files now, whatever is pending. */
  saveIndexNow(): void {
    this.writeIndex();
    this.saves.saved();
  }

  private writeIndex(): void {
    saveIndex(this.dir, this.index, this.fingerprint());
  }

  private scheduleSave(): void {
    this.saves.changed();
  }

  reindex(ids: number[], removed: number[] = []): void {
    const gone = [...removed];
    const sigs: Parameters<NearDups['update']>[0] = [];
    for (const id of removed) this.index.remove(id);
    // Read together (two statements per 500, not two per article): a page's articles are re-read in the import's store-and-index slice.
    const read = new Map(store.getArticles(this.db, ids).map((a) => [a.id, a]));
    for (const id of ids) {
      const a = read.get(id);
      const doc = a && searchable(a);
      if (doc) {
        this.index.upsert(doc);
        // The body's terms come from the index's tokenizing, just done.
        if (this.opts.nearDuplicates !== false) sigs.push({ id, sig: articleSignature(doc) });
      } else {
        this.index.remove(id);
        gone.push(id);
      }
    }
    this.nearDups.queue(sigs, gone); // stored and grouped in batches: `flushNearDups`
    this.scheduleSave();
  }

  /** Store and group the queued near-duplicate signatures (after an import, a reparse, an edit). */
  flushNearDups(): void {
    this.nearDups.flush();
  }

  /** Near-duplicate rows made consistent with the store after open (`checked`: an import cut short, an upgraded archive). */
  private syncNearDups(): void {
    if (!this.writable) return;
    const orphans = this.nearDups.orphans();
    const missing = this.nearDups.missing();
    if (!orphans.length && !missing.length) return;
    const sigs: Parameters<NearDups['update']>[0] = [];
    for (const a of store.getArticles(this.db, missing)) {
      const doc = searchable(a);
      if (doc) sigs.push({ id: doc.id, sig: articleSignature(doc) });
    }
    this.nearDups.update(sigs, orphans);
  }

  /** After a tag change: only the tags index and the facts are updated. */
  reindexTags(ids: number[]): void {
    for (const id of ids) this.index.updateTags(id, tags.articleTags(this.db, id));
    this.scheduleSave();
  }

  requireWritable(): void {
    if (!this.writable) throw new UserError('这是只读共享，不能修改档案库', 'read-only');
  }

  async close(): Promise<void> {
    this.closed = true;
    // Waited for, never cut short: ending a thread inside a libsql call aborts the process.
    await this.checked;
    await this.team.idle();
    this.flushNearDups();
    this.saves.flush();
    this.db.close();
  }

  // ---------------- archive ----------------

  async stats(): Promise<ArchiveStats> {
    return {
      ...archiveCounts(this.db),
      indexReady: this.indexReady,
      indexNotice: this.indexNotice ?? this.openNotices[this.openNotices.length - 1],
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
