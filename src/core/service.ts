/**
 * The archive: the one implementation of the `BaokuApi` contract.
 *
 * Owns the SQLite store (source of truth) and the search index derived from
 * it. Runs in a worker thread in the app and the HTTP host (src/node), and
 * directly in the CLI and tests. Every change commits to SQLite first and
 * then updates the index incrementally; the index is saved to disk after
 * changes and rebuilt from the store when it does not match.
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
import { openDatabase, type Db, DB_FILE, LATEST_SCHEMA } from './store/db';
import { quickCheckOffThread } from './store/off-thread';
import * as store from './store/articles';
import * as tags from './store/tags';
import * as saved from './store/saved-searches';
import { getMeta } from './store/meta';
import { storePage, fileHash, recordRejected } from './store/pages';
import { countPagesToReparse, pagesToReparse, reparsePage } from './store/reparse';
import { searchable } from './store/continuations';
import { similarTagName } from './store/similar-names';
import { autoBackupOffThread } from './store/backup';
import { ArticleIndex, articleToMeta, type Filters, type PartialMatches, type RawHit } from './search/article-index';
import { parseQuery, QueryError, type ParsedQuery } from './search/query';
import { defaultBudget, type QueryBudget } from './search/budget';
import { makeSnippets } from './search/snippets';
import { topK } from './search/top-k';
import { saveIndex, loadIndex, cleanTempFiles, INDEX_FORMAT, type Fingerprint } from './search/persist';
import { SaveScheduler } from './search/save-scheduler';
import { foldForSearch } from './text/normalize';
import { addWords, keywords, setStopWords, tokenizeForQuery, topicCandidates, TOKENIZER_VERSION } from './text/tokenizer';
import { DEFAULT_STOP_WORDS } from './text/stopwords';
import { loadJieba, startJieba } from './text/jieba';
import { decodeBuffer, parsePage, guessFromFileName, IngestError, PARSER_VERSION } from './ingest';
import { pageShape } from './ingest/page-shape';
import { expandPaths, fromUpload, type ImportSource } from './import-files';
import { exportClippings, type PdfRenderer } from './export';
import { citeArticles } from './export/citation';
import type { CitationRequest, CitationResult } from '../shared/api';
import { ensureWritableDir, UserError } from './errors';
import { NearDups } from './store/near-dups';
import { articleSignature, collapseGroups } from './search/dedupe';

/** What a carrier passes along with a call besides its argument. */
export interface CallContext {
  /** Set to 1 by the carrier when the client no longer waits for the answer (`search/budget.ts`). */
  cancelled?: Int32Array;
}
import * as correct from './store/correct';
import { correctedCount } from './store/corrections';

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

export { EnvironmentError, UserError } from './errors';

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

const MAX_EXPORT = 5000;
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

export class Archive implements BaokuApi {
  readonly dir: string;
  readonly db: Db;
  readonly writable: boolean;
  index: ArticleIndex;
  /** Groups of near-duplicate articles (store/near-dups.ts). */
  readonly nearDups: NearDups;
  private opts: ArchiveOptions;
  private indexReady = true;
  private indexNotice?: string;
  private jobs = new Map<string, Job>();
  private readonly saves: SaveScheduler;
  private knownWords = new Set<string>();
  readonly openNotices: string[] = [];
  private closed = false;

  private constructor(opts: ArchiveOptions, db: Db) {
    this.opts = opts;
    this.dir = opts.dir;
    this.db = db;
    this.writable = opts.writable ?? true;
    this.index = new ArticleIndex();
    this.nearDups = new NearDups(db);
    this.saves = new SaveScheduler({
      delayMs: opts.saveDelayMs ?? 2000,
      maxWaitMs: opts.saveMaxWaitMs ?? 20_000,
      save: () => this.writeIndex(),
      onError: (err) => this.opts.log?.(`检索索引保存失败：${err.message}`),
    });
  }

  /**
   * Open (creating if needed) an archive: migrate, load the dictionary and the index. What the
   * first search does not need runs after, off this thread (`checked`): the database's
   * `quick_check` and the weekly backup. jieba loads in a thread of its own meanwhile (text/jieba.ts).
   */
  static async open(opts: ArchiveOptions): Promise<Archive> {
    startJieba();
    // SQLite writes beside the database (WAL) even for reading: the folder must be writable.
    ensureWritableDir(opts.dir);
    const { db, backup, fromVersion } = openDatabase(opts.dir);
    const a = new Archive(opts, db);
    if (backup) a.notice(`数据库已从版本 ${fromVersion} 升级，升级前的备份在 ${backup}`);
    a.loadStopWords();
    a.loadDictionary();
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

  private loadStopWords(): void {
    const file = path.join(this.dir, 'stopwords.txt');
    if (fs.existsSync(file)) setStopWords(fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#')));
    else setStopWords(DEFAULT_STOP_WORDS);
  }

  /** Editors' terms and every tag name/alias go into jieba's dictionary. */
  private loadDictionary(): void {
    const words = [
      ...(this.db.prepare('SELECT word FROM dictionary').all([]) as { word: string }[]).map((r) => r.word),
      ...tags.allTagWords(this.db),
    ];
    addWords(words);
    for (const w of words) this.knownWords.add(w);
  }

  private dictionaryHash(): string {
    const words = (this.db.prepare('SELECT word FROM dictionary ORDER BY word').all([]) as { word: string }[]).map((r) => r.word);
    const stop = path.join(this.dir, 'stopwords.txt');
    const stopText = fs.existsSync(stop) ? fs.readFileSync(stop, 'utf8') : '';
    // The editors' dictionary and stop words both change what the index holds.
    return crypto.createHash('sha1').update(words.join('\n')).update('\u0000').update(stopText).digest('hex').slice(0, 16);
  }

  fingerprint(): Fingerprint {
    return {
      format: INDEX_FORMAT,
      schema: LATEST_SCHEMA,
      tokenizer: TOKENIZER_VERSION,
      dictionary: this.dictionaryHash(),
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

  private reindex(ids: number[], removed: number[] = []): void {
    const gone = [...removed];
    const sigs: Parameters<NearDups['update']>[0] = [];
    for (const id of removed) this.index.remove(id);
    for (const id of ids) {
      const a = store.getArticle(this.db, id);
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
  private reindexTags(ids: number[]): void {
    for (const id of ids) this.index.updateTags(id, tags.articleTags(this.db, id));
    this.scheduleSave();
  }

  private requireWritable(): void {
    if (!this.writable) throw new UserError('这是只读共享，不能修改档案库', 'read-only');
  }

  async close(): Promise<void> {
    this.closed = true;
    // Waited for, never cut short: ending a thread inside a libsql call aborts the process.
    await this.checked;
    this.flushNearDups();
    this.saves.flush();
    this.db.close();
  }

  // ---------------- archive ----------------

  async stats(): Promise<ArchiveStats> {
    const r = this.db
      // The second part of a continued article is counted with the first.
      .prepare('SELECT COUNT(*) AS n, MIN(date) AS first, MAX(date) AS last FROM articles WHERE part_of IS NULL')
      .get([]) as { n: number; first: string | null; last: string | null };
    const papers = (this.db.prepare('SELECT name FROM papers ORDER BY name').all([]) as { name: string }[]).map((p) => p.name);
    // Imports that added or replaced a page; duplicate and rejected attempts stay in the history only.
    const imports = (this.db.prepare("SELECT COUNT(*) AS n FROM imports WHERE status IN ('imported', 'replaced')").get([]) as { n: number }).n;
    const tagCount = (this.db.prepare('SELECT COUNT(*) AS n FROM tags').get([]) as { n: number }).n;
    return {
      articles: r.n,
      imports,
      papers,
      firstDate: r.first ?? undefined,
      lastDate: r.last ?? undefined,
      tags: tagCount,
      indexReady: this.indexReady,
      indexNotice: this.indexNotice ?? this.openNotices[this.openNotices.length - 1],
      writable: this.writable,
      pagesToReparse: countPagesToReparse(this.db, PARSER_VERSION),
      correctedArticles: correctedCount(this.db),
    };
  }

  // ---------------- search ----------------

  private resolveFilters(q: ParsedQuery, req: SearchRequest['filters']): Filters {
    const canon = (kind: TagKind, name: string) => {
      const id = tags.findTagId(this.db, kind, name);
      if (id === undefined) return tags.cleanTagName(kind, name);
      return (this.db.prepare('SELECT name FROM tags WHERE id = ?').get([id]) as { name: string }).name;
    };
    const f: Filters = {
      reporters: q.reporters.map((n) => canon('reporter', n)),
      departments: q.departments.map((n) => canon('department', n)),
      topics: q.topics.map((n) => canon('topic', n)),
      papers: [...q.papers],
      pages: [...q.pages],
      dateFrom: q.dateFrom,
      dateTo: q.dateTo,
      corrected: q.corrected || req?.corrected,
    };
    if (req?.reporter) f.reporters.push(canon('reporter', req.reporter));
    if (req?.department) f.departments.push(canon('department', req.department));
    if (req?.topic) f.topics.push(canon('topic', req.topic));
    if (req?.paper) f.papers.push(req.paper);
    if (req?.page !== undefined) f.pages.push(req.page);
    if (req?.dateFrom && (!f.dateFrom || req.dateFrom > f.dateFrom)) f.dateFrom = req.dateFrom;
    if (req?.dateTo && (!f.dateTo || req.dateTo < f.dateTo)) f.dateTo = req.dateTo;
    return f;
  }

  /**
   * All matching articles (`all`, unordered) and the first `first` of them in
   * the requested order (`ordered`; every one when `first` is not given).
   * Used by search (one page), bulk tagging and export (all). Only a page of
   * search results (`first` given) falls back to partial matches, and only
   * one in relevance order is reordered by proximity: tagging and export act
   * on exact matches only.
   */
  private matchAll(req: SearchRequest, first?: number, budget?: QueryBudget, dedupe = false): { all: RawHit[]; ordered: RawHit[]; terms: string[]; partial?: PartialMatches } {
    const check = budget && (() => budget.check());
    const q = parseQuery(req.query ?? '');
    const filters = this.resolveFilters(q, req.filters);
    const sort = req.sort ?? (q.groups.length || q.years.length ? 'relevance' : 'date');
    const { hits, terms, partial } = this.index.search(
      q,
      filters,
      (ids, phrase) => store.articlesContaining(this.db, ids, phrase, foldForSearch, check),
      (ids) => store.articleTexts(this.db, ids, foldForSearch, check),
      { partial: first !== undefined, proximity: first !== undefined && sort === 'relevance' },
    );
    const facts = this.index.meta;
    const dir = sort === 'date-asc' ? 1 : -1;
    type Keyed = { h: RawHit; d: number };
    const order =
      sort === 'relevance'
        ? (a: Keyed, b: Keyed) => b.h.score - a.h.score || b.d - a.d || b.h.id - a.h.id
        : (a: Keyed, b: Keyed) => dir * (a.d - b.d) || b.h.score - a.h.score || dir * (a.h.id - b.h.id);
    let keyed = hits.map((h) => ({ h, d: facts.date(h.id) }));
    // 去重: one line per group of near-duplicates, the one that comes first in this order.
    if (dedupe && this.nearDups.groupOf.size) keyed = collapseGroups(keyed, (id) => this.nearDups.groupIdOf(id), order, (k) => k.h.id);
    const all = dedupe ? keyed.map((k) => k.h) : hits;
    const ordered = (first === undefined ? keyed.sort(order) : topK(keyed, first, order)).map((k) => k.h);
    return { all, ordered, terms, partial };
  }

  private toHit(article: ArticleDetail, score: number, terms: string[]): SearchHit {
    const a = searchable(article) ?? article;
    const body = a.paragraphs.filter((p) => p.type !== 'caption').map((p) => p.text).join(' ');
    return {
      id: a.id,
      title: a.title,
      kicker: a.kicker,
      subtitle: a.subtitle,
      ...articleToMeta(a),
      ...(a.dateInferred ? { dateInferred: true } : {}),
      score: Math.round(score * 1000) / 1000,
      snippets: makeSnippets(body, terms, 3),
      ...(this.nearDups.others(a.id) > 0 && { nearDuplicates: this.nearDups.others(a.id) }),
    };
  }

  /**
   * One page of results. `call.cancelled` is the carrier's cell that says the client left (see
   * `search/budget.ts`); the search stops with an answer saying why when it is set or when the
   * budget's deadline passes.
   */
  async search(req: SearchRequest, call?: CallContext): Promise<SearchResponse> {
    const t0 = performance.now();
    const empty = { reporter: [], department: [], topic: [], year: [], paper: [], page: [] };
    const offset = Math.max(0, req.offset ?? 0);
    const limit = Math.min(Math.max(1, req.limit ?? 20), 1000);
    let matched: ReturnType<Archive['matchAll']>;
    try {
      matched = this.matchAll(req, offset + limit, defaultBudget(call?.cancelled), req.dedupe !== false);
    } catch (err) {
      if (err instanceof QueryError) return { total: 0, tookMs: 0, hits: [], facets: empty, terms: [], error: err.message };
      throw err;
    }
    const page = matched.ordered.slice(offset, offset + limit);
    const articles = new Map(store.getArticles(this.db, page.map((h) => h.id)).map((a) => [a.id, a]));
    const partial = matched.partial;
    const hits = page.map((h) => {
      const a = articles.get(h.id);
      if (!a) return null;
      const hit = this.toHit(a, h.score, matched.terms);
      const missing = partial?.missing.get(h.id);
      if (missing) hit.missing = missing;
      return hit;
    });
    const facets = req.facets === false ? empty : this.index.meta.facets(matched.all);
    const suggestion = matched.all.length === 0 || partial ? this.didYouMean(req.query) : undefined;
    return {
      ...(suggestion && { suggestion }),
      total: matched.all.length,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
      hits: hits.filter((h): h is SearchHit => h !== null),
      facets,
      terms: matched.terms,
      ...(partial && {
        partial: {
          matched: partial.matched,
          of: partial.of,
          message: `没有同时包含全部词语的文章；以下结果包含其中 ${partial.matched} 个`,
        },
      }),
    };
  }

  /** `你是不是要找：陆晓茜`: the query with a word mended to a name or tag of the archive one character away. */
  private didYouMean(query: string): SearchResponse['suggestion'] {
    const words = query.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const [, prefix = '', word] = words[i].match(/^((?:记者|部门|主题)[:：])?(.*)$/) ?? [];
      const name = similarTagName(this.db, word ?? '');
      if (!name) continue;
      const mended = [...words.slice(0, i), prefix + name, ...words.slice(i + 1)].join(' ');
      return { query: mended, message: `你是不是要找：${name}` };
    }
    return undefined;
  }

  async getArticle(req: { id: number }): Promise<ArticleDetail | null> {
    return store.getArticle(this.db, req.id);
  }

  /** The article's group of near-duplicates, earliest first, with each one's estimated containment against it. */
  async getNearDuplicates(req: { id: number }): Promise<NearDuplicate[]> {
    const ids = this.nearDups.group(req.id);
    const articles = store.getArticles(this.db, ids);
    if (!articles.some((a) => a.id === req.id)) throw new UserError('没有这篇文章', 'not-found');
    return articles
      .map((article) => ({ article, similarity: article.id === req.id ? 1 : Math.round(this.nearDups.similarity(req.id, article.id) * 100) / 100 }))
      .sort((x, y) => (x.article.date ?? '').localeCompare(y.article.date ?? '') || x.article.id - y.article.id);
  }

  async getRawText(req: { id: number }): Promise<string | null> {
    return store.rawTextOf(this.db, req.id);
  }

  private articleText(a: ArticleDetail): string {
    return [a.kicker, a.title, a.subtitle, ...a.paragraphs.map((p) => p.text)].filter(Boolean).join('\n');
  }

  async moreLikeThis(req: { id: number; limit?: number }): Promise<SearchHit[]> {
    const a = store.getArticle(this.db, req.id);
    if (!a) throw new UserError('没有这篇文章', 'not-found');
    const words = keywords(this.articleText(a), 8).map((k) => k.word);
    if (!words.length) return [];
    const query = words.map((w) => `"${w}"`).join(' OR ');
    const res = await this.search({ query, limit: (req.limit ?? 8) + 1, facets: false });
    return res.hits.filter((h) => h.id !== a.id).slice(0, req.limit ?? 8);
  }

  // ---------------- import ----------------

  async guessFileMeta(req: { name: string }): Promise<FileNameGuess> {
    return guessFromFileName(req.name);
  }

  /** Import one file: decode, parse, store in one transaction, index. Never throws for bad input. */
  importOne(src: ImportSource, opts: ImportOptions): ImportFileReport & { removed: number[] } {
    loadJieba(); // bulk segmentation: this thread's own copy (text/jieba.ts)
    const label = path.basename(src.name);
    let bytes: Uint8Array;
    try {
      bytes = src.read();
    } catch (err) {
      const msg = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到这个文件' : (err as Error).message;
      recordRejected(this.db, label, '', msg);
      return { file: label, status: 'rejected', articles: 0, warnings: [], error: msg, removed: [] };
    }
    const hash = fileHash(bytes);
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
      return { file: label, status: 'rejected', articles: 0, warnings, error: msg, removed: [] };
    }
    // A README, a licence, a config file or a corpus' SOURCE.txt is skipped unless forced.
    if (!opts.force) {
      const shape = pageShape(text);
      if (!shape.ok) {
        const msg = shape.reason!;
        recordRejected(this.db, label, hash, msg, warnings);
        return { file: label, status: 'rejected', articles: 0, warnings, error: msg, notAPage: true, removed: [] };
      }
    }
    const page = parsePage(text, { file: label, paper: opts.paper, date: opts.date, page: opts.page });
    warnings.push(...page.warnings);
    if (page.articles.length === 0) {
      const msg = '没有识别出任何文章（这像不像一版报纸的文字？）';
      recordRejected(this.db, label, hash, msg, warnings);
      return { file: label, status: 'rejected', articles: 0, warnings, error: msg, removed: [] };
    }
    this.learnNames(page.articles);
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
    const newNames = [...names].filter((n) => n && !this.knownWords.has(n));
    addWords(newNames);
    newNames.forEach((n) => this.knownWords.add(n));
  }

  /** Read stored pages again with this parser (see `store/reparse.ts`); one transaction per page. */
  async reparse(req: { all?: boolean } = {}, onPage?: (done: number, total: number) => void): Promise<ReparseReport> {
    this.requireWritable();
    loadJieba();
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
    if (report.pages) this.countNewMatches();
    return report;
  }

  /** Import sources one by one (the CLI calls this directly; the UI through jobs). */
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
        const { removed: _removed, ...report } = this.importOne(sources[i], opts);
        reports.push(report);
        if (onFile?.(report, i + 1) === false) break;
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.saves.release();
    }
    this.flushNearDups();
    if (reports.some((r) => r.status === 'imported' || r.status === 'replaced')) this.countNewMatches();
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
    if (!job) throw new UserError('没有这个导入任务', 'not-found');
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

  // ---------------- tags ----------------

  async listTags(req: { kind?: TagKind; prefix?: string; limit?: number }): Promise<TagInfo[]> {
    return tags.listTags(this.db, req.kind, req.prefix, req.limit ?? 1000);
  }

  async changeTags(req: TagChangeRequest): Promise<TagChangeResult> {
    this.requireWritable();
    let ids = req.ids ?? [];
    if (!req.ids && req.query !== undefined) {
      try {
        ids = this.matchAll({ query: req.query, filters: req.filters }).ordered.map((h) => h.id);
      } catch (err) {
        if (err instanceof QueryError) throw new UserError(err.message);
        throw err;
      }
    }
    const add = req.add ?? [];
    const remove = req.remove ?? [];
    if (!add.length && !remove.length) throw new UserError('没有要添加或删除的标签');
    const newWords = add.map((t) => tags.cleanTagName(t.kind, t.name)).filter((w) => !this.knownWords.has(w));
    addWords(newWords);
    newWords.forEach((w) => this.knownWords.add(w));
    const out = tags.changeTags(this.db, ids, add, remove);
    this.reindexTags(out.articleIds);
    return { changeId: out.changeId, articles: out.articleIds.length };
  }

  async undoTagChange(req: { changeId?: number }): Promise<TagChangeResult | null> {
    this.requireWritable();
    const out = tags.undoChange(this.db, req.changeId);
    if (!out) return null;
    this.reindexTags(out.articleIds);
    return { changeId: out.changeId, articles: out.articleIds.length };
  }

  async tagHistory(req: { limit?: number }): Promise<TagChangeRecord[]> {
    return tags.tagHistory(this.db, req.limit ?? 50);
  }

  async suggestTopics(req: { id: number }): Promise<TagSuggestion[]> {
    const a = store.getArticle(this.db, req.id);
    if (!a) throw new UserError('没有这篇文章', 'not-found');
    const have = new Set(a.tags.filter((t) => t.kind === 'topic').map((t) => t.name));
    const names = new Set(a.tags.map((t) => t.name));
    const out: TagSuggestion[] = [];
    const similar = await this.moreLikeThis({ id: a.id, limit: 20 });
    const counts = new Map<string, number>();
    for (const h of similar) for (const t of h.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [name, n] of [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 5)) {
      if (!have.has(name)) out.push({ name, source: 'similar', weight: n });
    }
    // Topics already in the vocabulary that the article's text names.
    const text = this.articleText(a);
    for (const t of tags.listTags(this.db, 'topic', undefined, 500)) {
      if (have.has(t.name) || out.some((o) => o.name === t.name) || t.name.length < 2) continue;
      if (text.includes(t.name)) out.push({ name: t.name, source: 'similar', weight: t.count });
    }
    for (const k of topicCandidates(text, 10)) {
      if (have.has(k.word) || names.has(k.word) || out.some((o) => o.name === k.word)) continue;
      out.push({ name: k.word, source: 'keyword', weight: Math.round(k.weight * 100) / 100 });
    }
    return out.slice(0, 12);
  }

  async tagUsage(req: { kind: TagKind; name: string }): Promise<number> {
    return tags.tagUsage(this.db, req.kind, req.name).articleIds.length;
  }

  async renameTag(req: { kind: TagKind; from: string; to: string }): Promise<number> {
    this.requireWritable();
    const ids = this.tagOp(() => tags.renameTag(this.db, req.kind, req.from, req.to));
    addWords([req.to]);
    this.reindexTags(ids);
    return ids.length;
  }

  async mergeTags(req: { kind: TagKind; from: string; into: string }): Promise<number> {
    this.requireWritable();
    const ids = this.tagOp(() => tags.mergeTags(this.db, req.kind, req.from, req.into));
    this.reindexTags(ids);
    return ids.length;
  }

  async deleteTag(req: { kind: TagKind; name: string }): Promise<number> {
    this.requireWritable();
    const ids = this.tagOp(() => tags.deleteTag(this.db, req.kind, req.name));
    this.reindexTags(ids);
    return ids.length;
  }

  private tagOp(fn: () => number[]): number[] {
    try {
      return fn();
    } catch (err) {
      if (/^(没有这个标签|新名称不能为空|标签名不能为空)/.test((err as Error).message)) throw new UserError((err as Error).message);
      throw err;
    }
  }

  /** Add an editor's term to the dictionary; the articles that contain it are re-indexed. */
  addDictionaryWord(word: string): number {
    this.requireWritable();
    const w = word.trim();
    if (w.length < 2) throw new UserError('词条至少两个字');
    loadJieba();
    this.db.prepare("INSERT OR IGNORE INTO dictionary (word, source) VALUES (?, 'editor')").run([w]);
    addWords([w]);
    this.knownWords.add(w);
    const ids = (this.db.prepare('SELECT id FROM articles WHERE instr(paragraphs, ?) > 0 OR instr(title, ?) > 0').all([w, w]) as { id: number }[]).map(
      (r) => r.id,
    );
    this.reindex(ids);
    this.flushNearDups();
    this.saveIndexNow();
    return ids.length;
  }

  // ---------------- clippings ----------------

  async listClippingSets(): Promise<ClippingSet[]> {
    return store.listClippingSets(this.db);
  }

  async saveClippingSet(req: ClippingSet): Promise<ClippingSet> {
    this.requireWritable();
    if (!req.name.trim()) throw new UserError('请给剪报集起个名字');
    return store.saveClippingSet(this.db, { ...req, name: req.name.trim() });
  }

  async deleteClippingSet(req: { id: number }): Promise<void> {
    this.requireWritable();
    store.deleteClippingSet(this.db, req.id);
  }

  /** Articles for an export: by ids (in that order) or all results of a query. */
  exportArticles(req: Pick<ExportRequest, 'ids' | 'query' | 'filters' | 'dedupe'>): ArticleDetail[] {
    let ids = req.ids;
    if (!ids) {
      if (req.query === undefined) throw new UserError('请选择要导出的文章');
      try {
        ids = this.matchAll({ query: req.query, filters: req.filters, sort: 'date-asc' }, undefined, undefined, req.dedupe === true).ordered.map((h) => h.id);
      } catch (err) {
        if (err instanceof QueryError) throw new UserError(err.message);
        throw err;
      }
    }
    if (ids.length > MAX_EXPORT) throw new UserError(`一次最多导出 ${MAX_EXPORT} 篇（这次是 ${ids.length} 篇），请缩小范围`);
    const articles = store.getArticles(this.db, ids);
    if (!articles.length) throw new UserError('没有可导出的文章');
    return articles;
  }

  async exportClippings(req: ExportRequest): Promise<ExportResult> {
    const articles = this.exportArticles(req);
    let highlightTerms: string[] | undefined;
    if (req.highlight) {
      try {
        const q = parseQuery(req.highlight);
        highlightTerms = [...q.groups.flat().flatMap((i) => tokenizeForQuery(i.text))];
      } catch {
        highlightTerms = undefined;
      }
    }
    const out = await exportClippings(articles, {
      format: req.format,
      title: req.title,
      query: req.query,
      highlightTerms,
      pageBreaks: req.pageBreaks,
      pdf: this.opts.pdf,
    });
    return { fileName: out.fileName, mime: out.mime, dataBase64: out.data.toString('base64'), articles: articles.length };
  }

  // ---------------- citations (issue 17; made in export/citation.ts) ----------------

  async getCitation(req: CitationRequest): Promise<CitationResult> {
    return citeArticles(req, (ids) => store.getArticles(this.db, ids));
  }

  // ---------------- saved searches (issue 18; design in store/saved-searches.ts) ----------------

  async listSavedSearches(): Promise<SavedSearch[]> {
    return saved.listSavedSearches(this.db);
  }

  async saveSearch(req: SaveSearchRequest): Promise<SavedSearch> {
    this.requireWritable();
    try {
      parseQuery(req.query);
    } catch (err) {
      if (err instanceof QueryError) throw new UserError(`检索式有误，未保存：${err.message}`);
      throw err;
    }
    return saved.createSavedSearch(this.db, req);
  }

  async renameSavedSearch(req: { id: number; name: string }): Promise<SavedSearch> {
    this.requireWritable();
    return saved.renameSavedSearch(this.db, req.id, req.name);
  }

  async deleteSavedSearch(req: { id: number }): Promise<void> {
    this.requireWritable();
    saved.deleteSavedSearch(this.db, req.id);
  }

  async reorderSavedSearches(req: { ids: number[] }): Promise<SavedSearch[]> {
    this.requireWritable();
    return saved.reorderSavedSearches(this.db, req.ids);
  }

  async openSavedSearch(req: { id: number }): Promise<OpenedSavedSearch> {
    return saved.openSavedSearch(this.db, req.id, this.writable);
  }

  /** After an import run: each saved search's matches among the articles newer than its last opening. */
  countNewMatches(): void {
    if (!this.writable) return;
    saved.refreshNewCounts(this.db, (t) => {
      // As `matchAll`, with the text reads (phrases, proximity) limited to the new articles.
      const newer = (ids: number[]) => ids.filter((id) => id > t.seenThrough);
      try {
        const q = parseQuery(t.query);
        const { hits } = this.index.search(
          q,
          this.resolveFilters(q, t.filters),
          (ids, phrase) => store.articlesContaining(this.db, newer(ids), phrase, foldForSearch),
          (ids) => store.articleTexts(this.db, newer(ids), foldForSearch),
        );
        return hits.reduce((n, h) => n + (h.id > t.seenThrough ? 1 : 0), 0);
      } catch (err) {
        if (err instanceof QueryError) return 0;
        throw err;
      }
    });
  }

  // ---------------- corrections (issue 17): store/correct.ts; the page's articles re-indexed ----------------

  private corrected(out: correct.Outcome): CorrectionResult {
    this.reindex(out.changed, out.removed);
    // A corrected, merged or split text is signed again, and grouped at once (not at the next import).
    this.flushNearDups();
    return { correctionIds: out.correctionIds, article: store.getArticle(this.db, out.articleId), reviews: out.reviews, ...(out.newId ? { newId: out.newId } : {}) };
  }

  async correctArticle(req: { id: number } & ArticleCorrection): Promise<CorrectionResult> {
    this.requireWritable();
    const { id, ...fields } = req;
    if (fields.people) addWords(Object.values(fields.people).flat().filter((n) => !this.knownWords.has(n)));
    return this.corrected(correct.correctArticle(this.db, id, fields));
  }

  async mergeArticles(req: { id: number; with: 'prev' | 'next' }): Promise<CorrectionResult> {
    this.requireWritable();
    return this.corrected(correct.mergeArticles(this.db, req.id, req.with));
  }

  async splitArticle(req: { id: number; at: number }): Promise<CorrectionResult> {
    this.requireWritable();
    return this.corrected(correct.splitArticle(this.db, req.id, req.at));
  }

  async undoCorrection(req: { correctionId: number }): Promise<CorrectionResult> {
    this.requireWritable();
    return this.corrected(correct.undoCorrection(this.db, req.correctionId));
  }

  async getHistory(req: { id: number }): Promise<CorrectionRecord[]> {
    return correct.correctionHistory(this.db, req.id);
  }

  async getOriginal(req: { id: number }): Promise<OriginalReading> {
    return correct.originalReading(this.db, req.id);
  }
}
