/**
 * The one contract between the UI and the archive.
 *
 * Implemented once in `src/core/service.ts`; carried by Electron IPC
 * (`src/main/ipc.ts` + `src/preload`) and by the HTTP host (`src/node/http-host.ts`).
 * The renderer knows only this file (and `types.ts`).
 *
 * Every method takes one JSON-serialisable argument object and returns a
 * JSON-serialisable value, so any carrier can move it unchanged.
 */
import type { ArticleDetail, ReporterRole, TagKind, ArticleKind, Byline, Dateline, Paragraph, ParsedArticle } from './types';

export * from './types';

// ---------- search ----------

export type SortOrder = 'relevance' | 'date' | 'date-asc';

export interface SearchFilters {
  /** Inclusive ISO dates. */
  dateFrom?: string;
  dateTo?: string;
  paper?: string;
  page?: number;
  reporter?: string;
  department?: string;
  topic?: string;
  /** Only articles an editor corrected (`已校对` in a query). */
  corrected?: boolean;
}

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  sort?: SortOrder;
  limit?: number;
  offset?: number;
  /** Facet counts are computed unless false. */
  facets?: boolean;
  /** `去重`: one line per group of near-duplicate articles (the same story printed again); on unless false. */
  dedupe?: boolean;
}

export interface Snippet {
  text: string;
  /** [start, end) character offsets into `text`. */
  highlights: [number, number][];
}

export interface SearchHit {
  id: number;
  title: string;
  kicker?: string;
  subtitle?: string;
  /** The date. */
  date?: string;
  /** Set when `date` was read from the dateline (the date unknown). */
  dateInferred?: boolean;
  paper?: string;
  page?: number;
  kind: ArticleKind;
  reporters: string[];
  department?: string;
  topics: string[];
  score: number;
  snippets: Snippet[];
  /** Partial matches only (`SearchResponse.partial`): the query's words this article lacks, as written. */
  missing?: string[];
  /** How many other articles in the archive are the same or nearly the same story (`另有 N 篇相同或相近稿件`). */
  nearDuplicates?: number;
  /** An editor corrected the article (`已校对`). */
  corrected?: boolean;
}

export type FacetCounts = [string, number][];

export interface SearchResponse {
  total: number;
  tookMs: number;
  hits: SearchHit[];
  facets: {
    reporter: FacetCounts;
    department: FacetCounts;
    topic: FacetCounts;
    year: FacetCounts;
    paper: FacetCounts;
    page: FacetCounts;
  };
  /** The terms the query matched on, for highlighting in the reader. */
  terms: string[];
  /** Set when the query could not be parsed; `hits` is then empty. */
  error?: string;
  /**
   * Set when no article holds every word of an AND query: the hits are the
   * best partial matches, holding `matched` of the `of` words (each hit's
   * `missing` lists the others); `message` says so to the user.
   */
  partial?: { matched: number; of: number; message: string };
  /**
   * Set when nothing (or only part) matches and a query word is one character away from a name or
   * tag in the archive: the query with that word mended, and `你是不是要找：…`.
   */
  suggestion?: { query: string; message: string };
}

// ---------- import ----------

export interface ImportOptions {
  paper?: string;
  date?: string;
  page?: number;
  /** Import files that do not look like a newspaper page (skipped otherwise, `notAPage` in the report). */
  force?: boolean;
}

export interface UploadedFile {
  name: string;
  /** File content, base64. */
  dataBase64: string;
}

export interface StartImportRequest extends ImportOptions {
  /** Local paths (desktop app and CLI only; the HTTP host refuses them). */
  paths?: string[];
  /** File contents (the browser). */
  files?: UploadedFile[];
  /** Import the built-in sample page. */
  sample?: boolean;
}

export type ImportFileStatus = 'imported' | 'duplicate' | 'replaced' | 'rejected';

export interface ImportFileReport {
  file: string;
  status: ImportFileStatus;
  articles: number;
  warnings: string[];
  error?: string;
  /**
   * Set when the file was skipped because it does not have the shape of a
   * newspaper page (`error` says why: `不像报纸版面：…`); status is `rejected`.
   * Importing it again with `force: true` imports it.
   */
  notAPage?: boolean;
  paper?: string;
  date?: string;
  page?: number;
}

export interface ImportReport {
  files: ImportFileReport[];
  articlesAdded: number;
}

export interface ImportJobStatus {
  jobId: string;
  filesDone: number;
  filesTotal: number;
  articlesFound: number;
  elapsedMs: number;
  /** Estimated milliseconds left, when it can be estimated. */
  etaMs?: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  report?: ImportReport;
  error?: string;
}

export interface ImportRecord {
  id: number;
  file: string;
  hash: string;
  paper?: string;
  date?: string;
  page?: number;
  status: ImportFileStatus;
  /** A `rejected` file that was skipped as not a newspaper page (its first warning says why). */
  notAPage?: boolean;
  articles: number;
  warnings: string[];
  importedAt: string;
}

/** Guess of paper/date/page from a file name, to pre-fill the import form. */
export interface FileNameGuess {
  paper?: string;
  date?: string;
  page?: number;
}

// ---------- tags ----------

export interface TagRef {
  kind: TagKind;
  name: string;
  role?: ReporterRole;
}

export interface TagInfo {
  kind: TagKind;
  name: string;
  aliases: string[];
  count: number;
}

export interface TagChangeRequest {
  ids?: number[];
  /** Apply to every result of this search instead of `ids`. */
  query?: string;
  filters?: SearchFilters;
  add?: TagRef[];
  remove?: TagRef[];
}

export interface TagChangeResult {
  changeId: number;
  articles: number;
}

export interface TagSuggestion {
  name: string;
  /** Where the suggestion comes from. */
  source: 'keyword' | 'similar';
  weight: number;
}

export interface TagChangeRecord {
  id: number;
  action: string;
  articles: number;
  user: string;
  at: string;
  undone: boolean;
}

// ---------- clippings ----------

export type ExportFormat = 'pdf' | 'docx' | 'md' | 'txt' | 'csv' | 'html';

export interface ClippingSet {
  id?: number;
  name: string;
  articleIds: number[];
  updatedAt?: string;
}

export interface ExportRequest {
  ids?: number[];
  query?: string;
  filters?: SearchFilters;
  format: ExportFormat;
  title?: string;
  highlight?: string;
  /** PDF: each article on a new page (default) or flowing. */
  pageBreaks?: boolean;
  /** Export one article per group of near-duplicates (a `query` export); off unless true. */
  dedupe?: boolean;
}

export interface ExportResult {
  fileName: string;
  mime: string;
  dataBase64: string;
  articles: number;
}

// ---------- archive ----------

export interface ArchiveStats {
  articles: number;
  /** Files whose import added or replaced a page (not duplicate or rejected attempts: `listImports` has those). */
  imports: number;
  papers: string[];
  firstDate?: string;
  lastDate?: string;
  tags: number;
  /** False while the search index is being (re)built. */
  indexReady: boolean;
  indexNotice?: string;
  /** Whether this carrier allows changes (the read-only LAN host does not). */
  writable: boolean;
  /** Pages read by an older parser than this one (`reparse` reads them again). */
  pagesToReparse: number;
  /** Articles with corrections (`已校对`). */
  correctedArticles?: number;
}

/** What `reparse` did: pages read again, and what became of their articles. */
export interface ReparseReport {
  pages: number;
  /** Articles whose reading did not change (id and tags kept). */
  unchanged: number;
  /** Articles read differently (a boundary moved, a headline or byline read better): id and editors' tags kept. */
  rewritten: number;
  added: number;
  removed: number;
  /** Editors' corrections that no longer fit the new reading (`需复核：…`); absent when none. */
  reviews?: string[];
}

// ---------- citations ----------

/** GB/T 7714-2015, RIS (Zotero, EndNote, NoteExpress) or CSL-JSON. */
export type CitationFormat = 'gbt7714' | 'ris' | 'csl-json';

export interface CitationRequest {
  ids: number[];
  format: CitationFormat;
}

export interface CitationResult {
  format: CitationFormat;
  /** One per article found, in the order of `ids`: a GB/T 7714 string, an RIS record, a CSL-JSON object as JSON. */
  entries: string[];
  /** As a file: a numbered reference list (`[1] …`), concatenated RIS records, or a CSL-JSON array. */
  text: string;
  mime: string;
  /** File name extension: `txt`, `ris`, `json`. */
  ext: string;
}

// ---------- saved searches (issue 18) ----------

/** A query with its filters and sort kept under a name (table `saved_searches`, see `core/store/saved-searches.ts`). */
export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  filters: SearchFilters;
  sort?: SortOrder;
  /** 0-based place in the sidebar list. */
  position: number;
  createdAt: string;
  lastOpenedAt?: string;
  /** Articles imported since the search was last opened (or saved) that match it: the `+12` badge. */
  newCount: number;
}

export interface SaveSearchRequest {
  name: string;
  query: string;
  filters?: SearchFilters;
  sort?: SortOrder;
}

/** `openSavedSearch`: the search to run; its badge is now cleared (`newCount` 0) where the archive is writable. */
export interface OpenedSavedSearch extends SavedSearch {
  /** What the badge said before this opening. */
  newBeforeOpening: number;
}

/** One article of a group of near-duplicates (`getNearDuplicates`). */
export interface NearDuplicate {
  article: ArticleDetail;
  /** Estimated share of the shorter text's word shingles found in the other, against the article asked about (1 for itself). */
  similarity: number;
}

// ---------- the newsroom's shared archive (issue 22: 设置 → 团队档案库) ----------

/** This desk's settings and state for the shared archive (`teamStatus`). */
export interface TeamStatus {
  /**
   * The shared archive's PostgreSQL address as entered, without its password
   * (`postgres://baoku@db.lan/baoku`); absent when none is set, and always on a read-only carrier.
   */
  remote?: string;
  /** A password is kept for that address (it is never sent back). */
  hasPassword: boolean;
  /** This desk's user in the shared archive: the author of its changes from now on. */
  user?: string;
  /** The last sync that reached the shared archive, and what it did. */
  lastSync?: TeamSyncResult;
  /** This desk's changes not yet sent. */
  unsent: number;
  /** Changes received that wait for their article here (tried again at each sync). */
  waiting: number;
  /** Conflicts not yet closed (`冲突：…`, `listTeamConflicts`). */
  openConflicts: number;
  /** A sync is running now (started by `syncNow`). */
  syncing: boolean;
}

/** Set (or, with `null`, forget) the address and its password, and set this desk's user. Only what is given changes. */
export interface TeamSettingsRequest {
  /** `postgres://用户@主机[:端口]/数据库`; a password written in it is kept apart, as `password` is. `null`: forget address and password. */
  remote?: string | null;
  /** The password for the address (`null`: forget it; the address stays). */
  password?: string | null;
  user?: string;
}

/** What one `syncNow` did. A failure is an answer too (`ok` false, `error` says why in one sentence): nothing was lost. */
export interface TeamSyncResult {
  ok: boolean;
  /** When it ended (ISO). */
  at: string;
  /** This desk's changes sent. */
  pushed: number;
  /** Changes received, and of those applied here now. */
  pulled: number;
  applied: number;
  /** Received changes still waiting for their article here. */
  pending: number;
  /** Conflicts this sync found (`冲突：…`). */
  conflicts: string[];
  /** The shared archive refused this desk's changes (a reporter, an unknown user): they stay here. */
  refused?: string;
  /** Why the sync failed (`ok` false), one sentence: the server cannot be reached, the password… */
  error?: string;
  /** The outcome in one line, for the user. */
  message: string;
}

/** A conflict a sync found: two people changed the same thing differently (`listTeamConflicts`). */
export interface TeamConflict {
  id: number;
  /** `冲突：《标题》的标题：甲 改为「…」，乙 改为「…」；现用「…」` */
  message: string;
  articleId?: number;
  /** The article's title now (absent when it is no longer in the archive). */
  articleTitle?: string;
  /** What was changed, in Chinese (`标题`, `第 3 段`, `与下一篇合并`). */
  field: string;
  /** The other desk's change: who, and what they wrote (absent for a merge or split). */
  theirs: { author: string; value?: string };
  /** What this desk had when their change came (absent for a merge or split). */
  mine?: string;
  /** Which of the two the article holds now. */
  kept: 'mine' | 'theirs';
  at: string;
  resolvedAt?: string;
}

/** Everything the UI may ask. */
export interface BaokuApi {
  stats(): Promise<ArchiveStats>;
  search(req: SearchRequest): Promise<SearchResponse>;
  getArticle(req: { id: number }): Promise<ArticleDetail | null>;
  getRawText(req: { id: number }): Promise<string | null>;
  moreLikeThis(req: { id: number; limit?: number }): Promise<SearchHit[]>;

  guessFileMeta(req: { name: string }): Promise<FileNameGuess>;
  startImport(req: StartImportRequest): Promise<{ jobId: string }>;
  importStatus(req: { jobId: string }): Promise<ImportJobStatus>;
  cancelImport(req: { jobId: string }): Promise<void>;
  listImports(req: { limit?: number }): Promise<ImportRecord[]>;
  /** Read the stored raw text of pages again with this parser (`all`: every page, not only older readings). */
  reparse(req: { all?: boolean }): Promise<ReparseReport>;

  listTags(req: { kind?: TagKind; prefix?: string; limit?: number }): Promise<TagInfo[]>;
  changeTags(req: TagChangeRequest): Promise<TagChangeResult>;
  undoTagChange(req: { changeId?: number }): Promise<TagChangeResult | null>;
  tagHistory(req: { limit?: number }): Promise<TagChangeRecord[]>;
  suggestTopics(req: { id: number }): Promise<TagSuggestion[]>;
  tagUsage(req: { kind: TagKind; name: string }): Promise<number>;
  renameTag(req: { kind: TagKind; from: string; to: string }): Promise<number>;
  mergeTags(req: { kind: TagKind; from: string; into: string }): Promise<number>;
  deleteTag(req: { kind: TagKind; name: string }): Promise<number>;

  listClippingSets(req: Record<string, never>): Promise<ClippingSet[]>;
  saveClippingSet(req: ClippingSet): Promise<ClippingSet>;
  deleteClippingSet(req: { id: number }): Promise<void>;
  exportClippings(req: ExportRequest): Promise<ExportResult>;

  /** Citations of articles (issue 17); ids that are not in the archive are skipped. */
  getCitation(req: CitationRequest): Promise<CitationResult>;
  listSavedSearches(req: Record<string, never>): Promise<SavedSearch[]>;
  saveSearch(req: SaveSearchRequest): Promise<SavedSearch>;
  renameSavedSearch(req: { id: number; name: string }): Promise<SavedSearch>;
  deleteSavedSearch(req: { id: number }): Promise<void>;
  /** `ids`: the saved searches in their new order (all of them, or the first ones; the rest follow). */
  reorderSavedSearches(req: { ids: number[] }): Promise<SavedSearch[]>;
  /** Not a write method: on a read-only carrier it returns the search and leaves the badge as it is. */
  openSavedSearch(req: { id: number }): Promise<OpenedSavedSearch>;
  /** The article's group of near-duplicates, itself included, earliest first. */
  getNearDuplicates(req: { id: number }): Promise<NearDuplicate[]>;
  // corrections (issue 17): the parser's reading is kept; every change recorded and undoable
  correctArticle(req: { id: number } & ArticleCorrection): Promise<CorrectionResult>;
  mergeArticles(req: { id: number; with: 'prev' | 'next' }): Promise<CorrectionResult>;
  /** Split before paragraph `at` (from 0): paragraphs `at`… become a new article. */
  splitArticle(req: { id: number; at: number }): Promise<CorrectionResult>;
  undoCorrection(req: { correctionId: number }): Promise<CorrectionResult>;
  getHistory(req: { id: number }): Promise<CorrectionRecord[]>;
  getOriginal(req: { id: number }): Promise<OriginalReading>;
  // the newsroom's shared archive (issue 22): 设置 → 团队档案库
  teamStatus(req: Record<string, never>): Promise<TeamStatus>;
  setTeamSettings(req: TeamSettingsRequest): Promise<TeamStatus>;
  /** Send this desk's changes and receive everyone's, now (in the core's worker); a failure is answered, not thrown. */
  syncNow(req: Record<string, never>): Promise<TeamSyncResult>;
  listTeamConflicts(req: { all?: boolean }): Promise<TeamConflict[]>;
  /** A person decided: the conflict is closed (the article keeps what it has; correct it to change it). */
  resolveTeamConflict(req: { id: number }): Promise<TeamStatus>;
}

// ---------- corrections ----------

/** Fields to correct (only those given change; `null` clears an optional one). */
export interface ArticleCorrection {
  kicker?: string | null;
  title?: string;
  subtitle?: string | null;
  /** Paragraph `index` (from 0) gets `text`. */
  paragraphs?: { index: number; text: string }[];
  /** The (first) photo caption. */
  caption?: string;
  /** The byline's people by role (their reporter tags follow). */
  people?: Pick<Byline, 'reporters' | 'correspondents' | 'photographers' | 'interns'>;
  dateline?: Dateline | null;
  /** The date (ISO). */
  date?: string | null;
  page?: number | null;
}

export interface CorrectionResult {
  correctionIds: number[];
  /** The article as it is now (null when the merge took it into the one before). */
  article: ArticleDetail | null;
  /** `splitArticle`: the new article's id. */
  newId?: number;
  /** `undoCorrection`: later corrections that no longer fit (`需复核：…`). */
  reviews: string[];
}

export interface CorrectionRecord {
  id: number;
  articleId: number;
  /** `title`, `kicker`, `subtitle`, `paragraph:N`, `caption`, `people`, `dateline`, `date`, `page`, `merge-prev`, `merge-next`, `split-at`. */
  field: string;
  /** The field in Chinese (`标题`, `第 3 段`, `与上一篇合并`). */
  label: string;
  before: unknown;
  after: unknown;
  author: string;
  createdAt: string;
  undoneAt?: string;
  /** `需复核：…` when it no longer fits the article as read again (not applied). */
  review?: string;
  applied: boolean;
}

/** The parser's reading of an article (原文对照), and the raw page text. */
export interface OriginalReading extends Pick<ParsedArticle, 'kicker' | 'title' | 'subtitle' | 'dateline' | 'paragraphs' | 'byline'> {
  corrected: boolean;
  date?: string;
  page?: number;
  /** Articles merged into this one, as they were read. */
  merged: { id: number; title: string; paragraphs: Paragraph[] }[];
  /** A part split off: the article it was split from. */
  splitFrom?: number;
  rawText: string | null;
}

export type ApiMethod = keyof BaokuApi;

/**
 * Every method of the contract, once, with what it does to the archive: `write` methods change
 * it (the read-only HTTP host refuses them), `read` methods do not. The compiler checks that the
 * table names each method of `BaokuApi` and nothing else, so a new method cannot be left out of
 * the carriers' lists (`API_METHODS`, `WRITE_METHODS`) or of the host's read-only rule.
 */
export const METHOD_ACCESS = {
  reparse: 'write',
  stats: 'read',
  search: 'read',
  getArticle: 'read',
  getRawText: 'read',
  moreLikeThis: 'read',
  guessFileMeta: 'read',
  startImport: 'write',
  importStatus: 'read',
  cancelImport: 'write',
  listImports: 'read',
  listTags: 'read',
  changeTags: 'write',
  undoTagChange: 'write',
  tagHistory: 'read',
  suggestTopics: 'read',
  tagUsage: 'read',
  renameTag: 'write',
  mergeTags: 'write',
  deleteTag: 'write',
  listClippingSets: 'read',
  saveClippingSet: 'write',
  deleteClippingSet: 'write',
  exportClippings: 'read',
  getCitation: 'read',
  listSavedSearches: 'read',
  saveSearch: 'write',
  renameSavedSearch: 'write',
  deleteSavedSearch: 'write',
  reorderSavedSearches: 'write',
  openSavedSearch: 'read',
  getNearDuplicates: 'read',
  correctArticle: 'write',
  mergeArticles: 'write',
  splitArticle: 'write',
  undoCorrection: 'write',
  getHistory: 'read',
  getOriginal: 'read',
  teamStatus: 'read',
  setTeamSettings: 'write',
  syncNow: 'write',
  listTeamConflicts: 'read',
  resolveTeamConflict: 'write',
} as const satisfies { [M in ApiMethod]: 'read' | 'write' };

/** All methods of the contract (the carriers build their proxies from it). */
export const API_METHODS = Object.keys(METHOD_ACCESS) as ApiMethod[];

/** Methods that change the archive: the read-only HTTP host refuses them. */
export const WRITE_METHODS = API_METHODS.filter((m) => METHOD_ACCESS[m] === 'write');

/** Error that carries a message meant for the user (Chinese), not a stack. */
export interface ApiErrorBody {
  error: string;
  code?: 'bad-request' | 'not-found' | 'read-only' | 'internal' | 'too-many';
}
