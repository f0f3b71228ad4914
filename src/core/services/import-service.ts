/**
 * Imports: files (paths, uploads, the built-in sample) read, parsed, stored and indexed, as jobs
 * the UI follows (progress, cancel, a report per file) or directly (the CLI); reading stored pages
 * again with a newer parser (`reparse`); the import history.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  ArticleDetail,
  FileNameGuess,
  ImportFileReport,
  ImportJobStatus,
  ImportOptions,
  ImportRecord,
  ParsedArticle,
  ReparseReport,
  StartImportRequest,
} from '../../shared/api';
import * as store from '../store/articles';
import * as tags from '../store/tags';
import { storePage, fileHash, recordRejected } from '../store/pages';
import { pagesToReparse, reparsePage } from '../store/reparse';
import { articleToDoc } from '../search/article-index';
import type { SaveScheduler } from '../search/save-scheduler';
import { tokenizeForIndex } from '../text/tokenizer';
import { loadJieba } from '../text/jieba';
import { decodeBuffer, parsePage, guessFromFileName, IngestError, PARSER_VERSION } from '../ingest';
import { splitEdition } from '../ingest/edition';
import { pageShape } from '../ingest/page-shape';
import { expandPaths, fromUpload, type ImportSource } from '../ingest/sources';
import { NotFound, UserError } from '../errors';
import type { ArchiveContext } from './context';

/** One page of a file, read and parsed: the whole file, or one page of an edition file (`ingest/edition.ts`). */
interface ReadPart {
  /** The file's name; an edition's page adds its number: `人民日报_19980101.txt（第2版）`. */
  label: string;
  hash: string;
  text: string;
  page: ReturnType<typeof parsePage>;
}

/** A file read and parsed, not yet stored (`readPage` → `storeRead`): its pages, in order. */
interface ReadPage {
  label: string;
  encoding: string;
  warnings: string[];
  parts: ReadPart[];
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

export class ImportService {
  private jobs = new Map<string, Job>();

  constructor(
    private readonly ctx: ArchiveContext,
    /** The index's save scheduler: held while pages are imported or read again (`search/save-scheduler.ts`). */
    private readonly saves: Pick<SaveScheduler, 'hold' | 'release' | 'flush'>,
    /** After an import run that added or replaced pages (the saved searches' new-match counts). */
    private readonly afterImport: () => void,
    /** The built-in sample's folder. */
    private readonly sampleDir: () => string,
  ) {}

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
    loadJieba(); // bulk segmentation: this thread's own copy (text/jieba.ts)
    const label = path.basename(src.name);
    const refuse = (report: Omit<ImportFileReport, 'file' | 'status' | 'articles'>) => ({
      report: { file: label, status: 'rejected' as const, articles: 0, removed: [], ...report },
    });
    let bytes: Uint8Array;
    try {
      bytes = src.read();
    } catch (err) {
      const msg = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到这个文件' : (err as Error).message;
      recordRejected(this.ctx.db, label, '', msg);
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
      recordRejected(this.ctx.db, label, hash, msg);
      return refuse({ warnings, error: msg });
    }
    // A README, a licence, a config file or a corpus' SOURCE.txt is skipped unless forced.
    if (!opts.force) {
      const shape = pageShape(text);
      if (!shape.ok) {
        const msg = shape.reason!;
        recordRejected(this.ctx.db, label, hash, msg, warnings);
        return refuse({ warnings, error: msg, notAPage: true });
      }
    }
    // An edition in one file (several pages, each with its page line) is stored page by page.
    const edition = src.reading ? undefined : splitEdition(text);
    const days = new Set(edition?.map((e) => e.date)).size;
    const pageName = (e: { date?: string; page: number }) => (e.date && days > 1 ? `${e.date} 第${e.page}版` : `第${e.page}版`);
    const parts: ReadPart[] = edition
      ? edition.map((e) => {
          const partLabel = `${label}（${pageName(e)}）`;
          // A page's own dated header is more exact than a date given for the whole file.
          const page = parsePage(e.text, { file: partLabel, paper: opts.paper, date: e.date ?? opts.date, page: e.page });
          return { label: partLabel, hash: fileHash(Buffer.from(e.text, 'utf8')), text: e.text, page };
        })
      : [{ label, hash, text, page: src.reading ?? parsePage(text, { file: label, paper: opts.paper, date: opts.date, page: opts.page }) }];
    if (edition) warnings.push(`${days > 1 ? '多期文件' : '整期文件'}：分成 ${edition.length} 个版面（${edition.map(pageName).join('、')}）分别导入`);
    for (const [n, part] of parts.entries()) warnings.push(...part.page.warnings.map((w) => (edition ? `${pageName(edition[n])}：${w}` : w)));
    const withArticles = parts.filter((part) => part.page.articles.length > 0);
    if (withArticles.length === 0) {
      const msg = '没有识别出任何文章（这像不像一版报纸的文字？）';
      recordRejected(this.ctx.db, label, hash, msg, warnings);
      return refuse({ warnings, error: msg });
    }
    // Byline names become words now, before the bodies are segmented ahead (`importSources`).
    for (const part of withArticles) this.learnNames(part.page.articles);
    return { label, encoding, warnings, parts: withArticles };
  }

  /**
   * The second slice: store the parsed page in one transaction and bring the index up to it, with
   * no yield between the two, so a search sees the whole page or none of it (and never an article
   * the store has dropped).
   */
  private storeRead({ label, encoding, warnings, parts }: ReadPage): ImportFileReport & { removed: number[] } {
    const statuses: ImportFileReport['status'][] = [];
    const reviews: string[] = [];
    const removed: number[] = [];
    let articles = 0;
    // One transaction per page, the index brought up to it at once (an edition's pages one by one).
    for (const part of parts) {
      const result = storePage(this.ctx.db, {
        parserVersion: PARSER_VERSION,
        file: part.label,
        hash: part.hash,
        encoding,
        rawText: part.text,
        paper: part.page.paper,
        date: part.page.date,
        page: part.page.page,
        articles: part.page.articles,
        warnings,
      });
      // Older articles that mention a newly learnt name keep their old segmentation until the
      // next rebuild; the name itself is indexed whole in the names field, so bylines find them.
      this.ctx.reindex(result.changedIds, result.removedIds);
      statuses.push(result.status);
      if (result.status !== 'duplicate') articles += result.articles;
      reviews.push(...(result.reviews ?? []));
      removed.push(...result.removedIds);
    }
    // The file's status: a duplicate when every page was; else imported when any page was new.
    const status = statuses.every((x) => x === 'duplicate') ? 'duplicate' : statuses.includes('imported') ? 'imported' : 'replaced';
    const first = parts[0].page;
    return {
      file: label,
      status,
      articles,
      warnings: status === 'duplicate' ? ['与已导入的文件内容相同，未重复导入'] : [...warnings, ...reviews],
      paper: first.paper,
      // (Several days' pages: their dates are in the warning too.)
      date: new Set(parts.map((part) => part.page.date)).size > 1 ? undefined : first.date,
      // An edition's pages are named in its warning (`整期文件：分成 3 个版面（第1版、第2版、第3版）…`), not by its first.
      page: parts.length > 1 ? undefined : first.page,
      removed,
    };
  }

  /** Names from bylines become dictionary words before indexing. */
  private learnNames(articles: ParsedArticle[]): void {
    const names = new Set<string>();
    for (const a of articles) for (const t of tags.bylineTags(a)) names.add(tags.cleanTagName(t.kind, t.name));
    this.ctx.vocabulary.learn(names);
  }

  /** Read stored pages again with this parser (see `store/reparse.ts`); one transaction per page. */
  async reparse(req: { all?: boolean } = {}, onPage?: (done: number, total: number) => void): Promise<ReparseReport> {
    this.ctx.requireWritable();
    loadJieba();
    const pages = pagesToReparse(this.ctx.db, PARSER_VERSION, req.all);
    const report: ReparseReport = { pages: 0, unchanged: 0, rewritten: 0, added: 0, removed: 0 };
    // One save at the end, none while the pages are read again.
    this.saves.hold();
    try {
      for (const p of pages) {
        const parsed = parsePage(p.rawText, { file: p.file, paper: p.paper, date: p.date, page: p.page });
        this.learnNames(parsed.articles);
        const r = reparsePage(this.ctx.db, p, parsed.articles, PARSER_VERSION);
        this.ctx.reindex(r.changedIds, r.removedIds);
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
    this.ctx.flushNearDups();
    this.saves.flush();
    if (report.pages) this.afterImport();
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
          for (const a of read.parts.flatMap((part) => part.page.articles)) {
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
    this.ctx.flushNearDups();
    if (reports.some((r) => r.status === 'imported' || r.status === 'replaced')) {
      await yieldToCalls();
      this.afterImport();
    }
    return reports;
  }

  sampleSources(): ImportSource[] {
    const dir = this.sampleDir();
    if (!fs.existsSync(dir)) throw new UserError('找不到内置样例');
    return expandPaths([dir]).sources;
  }

  async startImport(req: StartImportRequest): Promise<{ jobId: string }> {
    this.ctx.requireWritable();
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
    this.ctx.requireWritable();
    const job = this.jobs.get(req.jobId);
    if (job) job.cancel = true;
  }

  async listImports(req: { limit?: number }): Promise<ImportRecord[]> {
    return store.listImports(this.ctx.db, req.limit ?? 200);
  }
}
