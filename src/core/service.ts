/**
 * The archive: the one implementation of the `BaokuApi` contract.
 *
 * Owns the SQLite store (source of truth) and the search index derived from
 * it. Runs in a worker thread in the app and the HTTP host (src/node), and
 * directly in the CLI and tests. Every change commits to SQLite first and
 * then updates the index incrementally; the index is saved to disk after
 * changes and rebuilt from the store when it does not match.
 *
 * `Archive` opens and closes the archive, keeps the index in step with the store
 * (rebuild, reindex, save scheduling, near-duplicates) and runs imports; the
 * rest of the contract is delegated to services with one job each
 * (`services/`: search, tags, clippings, saved searches, corrections), which
 * get this archive as their `ArchiveContext`.
 */
import crypto from 'node:crypto';
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
  ParsedArticle,
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
} from '../shared/api';
import { openDatabase, quickCheck, type Db, LATEST_SCHEMA } from './store/db';
import * as store from './store/articles';
import * as tags from './store/tags';
import { getMeta } from './store/meta';
import { storePage, fileHash, recordRejected } from './store/pages';
import { countPagesToReparse, pagesToReparse, reparsePage } from './store/reparse';
import { searchable } from './store/continuations';
import { autoBackup } from './store/backup';
import { ArticleIndex, articleToDoc } from './search/article-index';
import { saveIndex, loadIndex, cleanTempFiles, INDEX_FORMAT, type Fingerprint } from './search/persist';
import { SaveScheduler } from './search/save-scheduler';
import type { ArchiveContext, ArchiveOptions, CallContext } from './services/context';
import { SearchService } from './services/search-service';
import { TagService } from './services/tag-service';
import { ClippingService } from './services/clipping-service';
import { SavedSearchService } from './services/saved-search-service';
import { CorrectionService } from './services/correction-service';
import { tokenizeForIndex, TOKENIZER_VERSION } from './text/tokenizer';
import { Vocabulary } from './vocabulary';
import { decodeBuffer, parsePage, guessFromFileName, IngestError, PARSER_VERSION } from './ingest';
import { pageShape } from './ingest/page-shape';
import { expandPaths, fromUpload, type ImportSource } from './import-files';
import type { CitationRequest, CitationResult } from '../shared/api';
import { ensureWritableDir, NotFound, UserError } from './errors';
import { NearDups } from './store/near-dups';
import { articleSignature } from './search/dedupe';
import { correctedCount } from './store/corrections';
import { archiveCounts } from './store/stats';

export type { ArchiveOptions, CallContext } from './services/context';

export { BadInput, EnvironmentError, NotFound, UserError } from './errors';

/** A file read and parsed, not yet stored (`Archive.readPage` → `storeRead`). */
interface ReadPage {
  label: string;
  hash: string;
  text: string;
  encoding: string;
  warnings: string[];
  page: ReturnType<typeof parsePage>;
}

/** An import slice that may be cut (segmenting a page's bodies ahead) ends after about this long (ms). */
const IMPORT_SLICE_MS = 4;

/** Import slices waiting for their turn (`yieldToCalls`), oldest first. */
const turns: (() => void)[] = [];

/**
 * Wait for a turn of the event loop: in the core worker, calls that arrived meanwhile are
 * dispatched first (the port's messages come in the poll phase, before `setImmediate` callbacks
 * run). One waiting slice is let go per turn, in turn order: two or three import jobs at once
 * take turns with each other instead of all running a slice back to back in one turn while a
 * search waits.
 */
function yieldToCalls(): Promise<void> {
  return new Promise<void>((resolve) => {
    turns.push(resolve);
    if (turns.length === 1) setImmediate(nextTurn);
  });
}

function nextTurn(): void {
  // The slice let go runs in the microtasks after this callback; a later `setImmediate` is the next turn.
  turns.shift()?.();
  if (turns.length) setImmediate(nextTurn);
}

interface Job {
  status: ImportJobStatus;
  cancel: boolean;
  started: number;
  /** When it stopped running (Date.now()); finished jobs are kept a while for `importStatus`. */
  finished?: number;
}

/**
 * Finished import jobs stay answerable by `importStatus` for this long, and at
 * most this many of them are kept: a host that runs for weeks must not hold
 * every report it ever made (a soak of 7,800 uploads did).
 */
const JOB_KEEP_MS = 15 * 60_000;
const JOB_KEEP_MAX = 200;

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
  private indexReady = true;
  private indexNotice?: string;
  private jobs = new Map<string, Job>();
  private readonly saves: SaveScheduler;
  readonly openNotices: string[] = [];

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
  }

  get options(): ArchiveOptions {
    return this.opts;
  }

  /** Open (creating if needed) an archive: migrate, check, load jieba and the index. */
  static async open(opts: ArchiveOptions): Promise<Archive> {
    // SQLite writes beside the database (WAL) even for reading: the folder must be writable.
    ensureWritableDir(opts.dir);
    const { db, backup, fromVersion } = openDatabase(opts.dir);
    const a = new Archive(opts, db);
    if (backup) a.notice(`数据库已从版本 ${fromVersion} 升级，升级前的备份在 ${backup}`);
    const check = quickCheck(db);
    if (check !== 'ok') a.notice(`数据库检查发现问题：${check}。建议用备份恢复（baoku restore）。`);
    if (a.writable && opts.autoBackup !== false && store.articleCount(db) > 0) {
      try {
        const made = autoBackup(db, opts.dir);
        if (made) a.opts.log?.(`已自动备份到 ${made}`);
      } catch (err) {
        a.notice(`自动备份失败：${(err as Error).message}`);
      }
    }
    a.vocabulary.load();
    cleanTempFiles(opts.dir);
    const loaded = loadIndex(opts.dir, a.fingerprint());
    if (loaded.index) {
      a.index = loaded.index;
    } else {
      if (store.articleCount(db) > 0) a.notice(`${loaded.reason}，正在从档案库重建检索索引`);
      await a.rebuildIndex();
    }
    a.syncNearDups();
    const older = countPagesToReparse(db, PARSER_VERSION);
    if (older > 0) a.notice(`有 ${older} 个版面是由旧版解析器读取的，重新解析（baoku reparse）可按新规则拆分文章，编辑加的标签保留`);
    return a;
  }

  private notice(message: string): void {
    this.openNotices.push(message);
    this.opts.log?.(message);
  }

  fingerprint(): Fingerprint {
    return {
      format: INDEX_FORMAT,
      schema: LATEST_SCHEMA,
      tokenizer: TOKENIZER_VERSION,
      dictionary: this.vocabulary.hash(),
      articles: store.articleCount(this.db),
      generation: Number(getMeta(this.db, 'generation') ?? '0'),
    };
  }

  /** Rebuild the whole index from the store, in batches, yielding between them. */
  async rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
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

  /** Near-duplicate rows made consistent with the store at open (an import cut short, an upgraded archive). */
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

  // ---------------- import ----------------

  async guessFileMeta(req: { name: string }): Promise<FileNameGuess> {
    return guessFromFileName(req.name);
  }

  /** Import one file: decode, parse, store in one transaction, index. Never throws for bad input. */
  importOne(src: ImportSource, opts: ImportOptions): ImportFileReport & { removed: number[] } {
    const read = this.readPage(src, opts);
    return 'report' in read ? read.report : this.storeRead(read);
  }

  /**
   * The first slice of a file's import: read, decode and parse it, touching nothing a search reads
   * (a refused file is recorded in `imports`). Either the finished report or the parsed page.
   */
  private readPage(src: ImportSource, opts: ImportOptions): { report: ImportFileReport & { removed: number[] } } | ReadPage {
    const label = path.basename(src.name);
    const refuse = (report: Omit<ImportFileReport, 'file' | 'status' | 'articles'>) => ({
      report: { file: label, status: 'rejected' as const, articles: 0, removed: [], ...report },
    });
    let bytes: Uint8Array;
    try {
      bytes = src.read();
    } catch (err) {
      const msg = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到这个文件' : (err as Error).message;
      recordRejected(this.db, label, '', msg);
      return refuse({ warnings: [], error: msg });
    }
    const hash = src.hash ?? fileHash(bytes);
    let text: string;
    let encoding: string;
    const warnings: string[] = [];
    try {
      const d = decodeBuffer(bytes, label);
      text = d.text;
      encoding = d.encoding;
      warnings.push(...d.warnings);
    } catch (err) {
      const msg = err instanceof IngestError ? err.message : `无法读取：${(err as Error).message}`;
      recordRejected(this.db, label, hash, msg);
      return refuse({ warnings, error: msg });
    }
    // A README, a licence, a config file or a corpus' SOURCE.txt is skipped unless forced.
    if (!opts.force) {
      const shape = pageShape(text);
      if (!shape.ok) {
        const msg = shape.reason!;
        recordRejected(this.db, label, hash, msg, warnings);
        return refuse({ warnings, error: msg, notAPage: true });
      }
    }
    const page = src.reading ?? parsePage(text, { file: label, paper: opts.paper, date: opts.date, page: opts.page });
    warnings.push(...page.warnings);
    if (page.articles.length === 0) {
      const msg = '没有识别出任何文章（这像不像一版报纸的文字？）';
      recordRejected(this.db, label, hash, msg, warnings);
      return refuse({ warnings, error: msg });
    }
    // Byline names become words now, before the bodies are segmented ahead (`importSources`).
    this.learnNames(page.articles);
    return { label, hash, text, encoding, warnings, page };
  }

  /**
   * The second slice: store the parsed page in one transaction and bring the index up to it, with
   * no yield between the two, so a search sees the whole page or none of it (and never an article
   * the store has dropped).
   */
  private storeRead({ label, hash, text, encoding, warnings, page }: ReadPage): ImportFileReport & { removed: number[] } {
    const result = storePage(this.db, {
      parserVersion: PARSER_VERSION,
      file: label,
      hash,
      encoding,
      rawText: text,
      paper: page.paper,
      date: page.date,
      page: page.page,
      articles: page.articles,
      warnings,
    });
    // Older articles that mention a newly learnt name keep their old segmentation until the
    // next rebuild; the name itself is indexed whole in the names field, so bylines find them.
    this.reindex(result.changedIds, result.removedIds);
    return {
      file: label,
      status: result.status,
      articles: result.status === 'duplicate' ? 0 : result.articles,
      warnings: result.status === 'duplicate' ? ['与已导入的文件内容相同，未重复导入'] : [...warnings, ...(result.reviews ?? [])],
      paper: page.paper,
      date: page.date,
      page: page.page,
      removed: result.removedIds,
    };
  }

  /** Names from bylines become dictionary words before indexing. */
  private learnNames(articles: ParsedArticle[]): void {
    const names = new Set<string>();
    for (const a of articles) for (const t of tags.bylineTags(a)) names.add(tags.cleanTagName(t.kind, t.name));
    this.vocabulary.learn(names);
  }

  /** Read stored pages again with this parser (see `store/reparse.ts`); one transaction per page. */
  async reparse(req: { all?: boolean } = {}, onPage?: (done: number, total: number) => void): Promise<ReparseReport> {
    this.requireWritable();
    const pages = pagesToReparse(this.db, PARSER_VERSION, req.all);
    const report: ReparseReport = { pages: 0, unchanged: 0, rewritten: 0, added: 0, removed: 0 };
    // One save at the end, none while the pages are read again.
    this.saves.hold();
    try {
      for (const p of pages) {
        const parsed = parsePage(p.rawText, { file: p.file, paper: p.paper, date: p.date, page: p.page });
        this.learnNames(parsed.articles);
        const r = reparsePage(this.db, p, parsed.articles, PARSER_VERSION);
        this.reindex(r.changedIds, r.removedIds);
        report.pages++;
        report.unchanged += r.unchanged;
        report.rewritten += r.rewritten;
        report.added += r.added;
        report.removed += r.removed;
        if (r.reviews.length) (report.reviews ??= []).push(...r.reviews);
        onPage?.(report.pages, pages.length);
        await new Promise((res) => setImmediate(res));
      }
    } finally {
      this.saves.release();
    }
    this.flushNearDups();
    this.saves.flush();
    if (report.pages) this.savedSearches.countNewMatches();
    return report;
  }

  /**
   * Import sources one by one (the CLI calls this directly; the UI through jobs).
   *
   * The work is cut into slices with a turn of the event loop between them (`yieldToCalls`), so
   * calls waiting in the core worker (a search, `stats`, a tag edit) are answered between two
   * slices instead of after the whole job: per file, reading and parsing (`readPage`), then
   * segmenting its bodies ahead (IMPORT_SLICE_MS a slice), then storing and indexing (one slice,
   * see `storeRead`); at the end, the near-duplicate grouping, then the saved searches'
   * new-match counts.
   */
  async importSources(
    sources: ImportSource[],
    opts: ImportOptions,
    onFile?: (report: ImportFileReport, done: number) => boolean | void,
  ): Promise<ImportFileReport[]> {
    const reports: ImportFileReport[] = [];
    // The index is saved once, soon after the job (not per page, not at once: a newsroom's
    // one-page uploads would each rewrite the whole index file while searches wait).
    this.saves.hold();
    try {
      for (let i = 0; i < sources.length; i++) {
        let sliceStart = performance.now();
        const read = this.readPage(sources[i], opts);
        if (!('report' in read)) {
          // The bodies segmented ahead into the tokenizer's memo (text/tokenizer.ts), a few
          // milliseconds a slice, so that storing and indexing the page is a short slice too.
          for (const a of read.page.articles) {
            if (performance.now() - sliceStart >= IMPORT_SLICE_MS) {
              await yieldToCalls();
              sliceStart = performance.now();
            }
            tokenizeForIndex(articleToDoc({ ...a, id: 0 } as ArticleDetail).body);
          }
          await yieldToCalls();
        }
        const { removed: _removed, ...report } = 'report' in read ? read.report : this.storeRead(read);
        reports.push(report);
        if (onFile?.(report, i + 1) === false) break;
        await yieldToCalls();
      }
    } finally {
      this.saves.release();
    }
    this.flushNearDups();
    if (reports.some((r) => r.status === 'imported' || r.status === 'replaced')) {
      await yieldToCalls();
      this.savedSearches.countNewMatches();
    }
    return reports;
  }

  sampleSources(): ImportSource[] {
    const dir = path.join(this.opts.resourcesDir ?? defaultResourcesDir(), 'sample');
    if (!fs.existsSync(dir)) throw new UserError('找不到内置样例');
    return expandPaths([dir]).sources;
  }

  async startImport(req: StartImportRequest): Promise<{ jobId: string }> {
    this.requireWritable();
    let sources: ImportSource[] = [];
    const pre: ImportFileReport[] = [];
    if (req.sample) sources = this.sampleSources();
    else if (req.paths?.length) {
      const ex = expandPaths(req.paths);
      sources = ex.sources;
      for (const m of ex.missing) pre.push({ file: m, status: 'rejected', articles: 0, warnings: [], error: '找不到这个文件或文件夹' });
    } else if (req.files?.length) sources = req.files.map(fromUpload);
    if (!sources.length && !pre.length) throw new UserError('没有可导入的 .txt 文件');
    const jobId = crypto.randomUUID();
    const job: Job = {
      status: { jobId, filesDone: 0, filesTotal: sources.length, articlesFound: 0, elapsedMs: 0, state: 'running' },
      cancel: false,
      started: Date.now(),
    };
    this.pruneJobs();
    this.jobs.set(jobId, job);
    const opts = { paper: req.paper, date: req.date, page: req.page, force: req.force };
    void (async () => {
      try {
        // The call answers with the job id first; the job runs in slices after it (`importSources`).
        await yieldToCalls();
        const reports = await this.importSources(sources, opts, (r, done) => {
          job.status.filesDone = done;
          job.status.articlesFound += r.articles;
          job.status.elapsedMs = Date.now() - job.started;
          job.status.etaMs = Math.round((job.status.elapsedMs / done) * (sources.length - done));
          return !job.cancel;
        });
        const all = [...pre, ...reports];
        job.status.report = { files: all, articlesAdded: all.reduce((n, r) => n + (r.status === 'duplicate' ? 0 : r.articles), 0) };
        job.status.state = job.cancel && reports.length < sources.length ? 'cancelled' : 'done';
      } catch (err) {
        job.status.state = 'failed';
        job.status.error = (err as Error).message;
      }
      job.finished = Date.now();
      job.status.elapsedMs = job.finished - job.started;
      job.status.etaMs = 0;
    })();
    return { jobId };
  }

  /** Forget finished jobs older than JOB_KEEP_MS, and the oldest beyond JOB_KEEP_MAX (running jobs stay). */
  private pruneJobs(now = Date.now()): void {
    const finished = [...this.jobs].filter(([, j]) => j.finished !== undefined);
    finished.forEach(([id, j], i) => {
      if (now - j.finished! > JOB_KEEP_MS || finished.length - i > JOB_KEEP_MAX) this.jobs.delete(id);
    });
  }

  async importStatus(req: { jobId: string }): Promise<ImportJobStatus> {
    const job = this.jobs.get(req.jobId);
    if (!job) throw new NotFound('没有这个导入任务');
    if (job.status.state === 'running') job.status.elapsedMs = Date.now() - job.started;
    return { ...job.status };
  }

  async cancelImport(req: { jobId: string }): Promise<void> {
    this.requireWritable();
    const job = this.jobs.get(req.jobId);
    if (job) job.cancel = true;
  }

  async listImports(req: { limit?: number }): Promise<ImportRecord[]> {
    return store.listImports(this.db, req.limit ?? 200);
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
}
