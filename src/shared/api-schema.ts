/**
 * Argument schemas for every method of the contract (`BaokuApi` in `api.ts`).
 *
 * Every carrier (Electron IPC in `src/main/ipc.ts`, the HTTP host) runs
 * `validateArg(method, arg)` on what arrives from the UI before the core sees
 * it. Objects are strict (unknown keys are refused, which also refuses
 * `__proto__` / `constructor` / `prototype` keys), strings, numbers and arrays
 * are bounded, and error messages are Chinese, meant for the user.
 *
 * Runtime-neutral: imports only `zod`, never `electron` or Node modules.
 */
import { z } from 'zod';
import { API_METHODS, type ApiMethod } from './api';
import { personNameProblem } from './person-name';

// ---------- bounds ----------

export const MAX_QUERY_CHARS = 2_000;
/**
 * Quoted phrases in one query: each is checked against article text, so an
 * OR of hundreds of them held the archive for minutes (issue 19 row 4).
 */
export const MAX_QUERY_PHRASES = 8;
/** `limit` of methods that page with `offset` (search) or only need a few. */
export const MAX_LIMIT = 1_000;
/**
 * `listTags` and `listImports` have no `offset`, so their `limit` is the only
 * way to get a whole list (a paper's reporters, a year's imported pages).
 */
export const MAX_LIST_LIMIT = 100_000;
export const MAX_OFFSET = 10_000_000;
export const MAX_IDS = 200_000;
export const MAX_NAME_CHARS = 100;
export const MAX_TITLE_CHARS = 200;
export const MAX_PATH_CHARS = 4_096;
export const MAX_PATHS = 100_000;
/** One uploaded file, as base64 text (60 MiB of base64 ≈ 45 MiB of file). */
export const MAX_UPLOAD_BASE64_CHARS = 60 * 1024 * 1024;
/** All uploaded files of one `startImport` together, as base64 text. */
export const MAX_UPLOAD_TOTAL_BASE64_CHARS = 256 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 10_000;
export const MAX_TAG_REFS = 100;
export const MAX_PAGE = 10_000;
/** Saved searches in one archive (each is counted after every import). */
export const MAX_SAVED_SEARCHES = 200;
/** One paragraph an editor corrects. */
export const MAX_PARAGRAPH_CHARS = 50_000;

// ---------- building blocks ----------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

const isoDate = z.string().max(10).refine(isCalendarDate, { message: '日期应为有效的 YYYY-MM-DD 格式' });

/** Letters, digits, spaces and punctuation; no control characters. */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

function text(max: number) {
  return z.string().max(max, { message: `长度不能超过 ${max} 个字符` }).regex(NO_CONTROL, { message: '不能包含控制字符' });
}

/** A tag, paper, reporter… name: non-empty after trimming, ≤ 100 chars. */
const name = text(MAX_NAME_CHARS).refine((s) => s.trim().length > 0, { message: '名称不能为空' });
/** A byline's person, as an editor corrects one (`shared/person-name.ts`). */
const personName = text(MAX_NAME_CHARS).check((ctx) => {
  const problem = personNameProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

const id = z.int({ message: '编号应为正整数' }).positive({ message: '编号应为正整数' });
const ids = z.array(id).max(MAX_IDS, { message: `一次最多 ${MAX_IDS} 篇文章` });
const limit = z.int().min(0).max(MAX_LIMIT, { message: `limit 不能超过 ${MAX_LIMIT}` });
const listLimit = z.int().min(0).max(MAX_LIST_LIMIT, { message: `limit 不能超过 ${MAX_LIST_LIMIT}` });
const page = z.int().min(1).max(MAX_PAGE);
/**
 * Quoted phrases in a query, counted the way the query syntax reads them
 * ("…", “…”, 「…」, and quoted field values 记者:"…"). An unpaired quote
 * counts nothing here (the parser reports it).
 */
export function countQuotedPhrases(s: string): number {
  const CLOSE: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」' };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const close = CLOSE[s[i]];
    if (!close) continue;
    let end = s.indexOf(close, i + 1);
    if (end < 0 && s[i] === '“') end = s.indexOf('"', i + 1);
    if (end < 0) break;
    n++;
    i = end;
  }
  return n;
}

const query = text(MAX_QUERY_CHARS).refine((s) => countQuotedPhrases(s) <= MAX_QUERY_PHRASES, {
  message: `查询过于复杂：一次最多 ${MAX_QUERY_PHRASES} 个引号短语，请拆成几次查询`,
});
const path = z
  .string()
  .min(1, { message: '路径不能为空' })
  .max(MAX_PATH_CHARS, { message: `路径不能超过 ${MAX_PATH_CHARS} 个字符` })
  .refine((s) => !s.includes('\u0000'), { message: '路径不能包含空字符' });
const tagKind = z.enum(['reporter', 'department', 'topic'], { message: '标签类别应为 reporter、department 或 topic' });
const reporterRole = z.enum(['记者', '通讯员', '摄影', '实习生']);
const jobId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, { message: '导入任务编号无效' });

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const base64 = z
  .string()
  .max(MAX_UPLOAD_BASE64_CHARS, { message: '单个文件不能超过 60 MB（base64）' })
  .refine((s) => s.length % 4 === 0 && BASE64.test(s), { message: '文件内容不是有效的 base64' });

const filters = z.strictObject({
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  paper: name.optional(),
  page: page.optional(),
  reporter: name.optional(),
  department: name.optional(),
  topic: name.optional(),
  corrected: z.boolean().optional(),
});

const tagRef = z.strictObject({ kind: tagKind, name, role: reporterRole.optional() });
const tagRefs = z.array(tagRef).max(MAX_TAG_REFS, { message: `一次最多修改 ${MAX_TAG_REFS} 个标签` });

/** An argument object whose fields are all optional: `undefined`/`null` stand for `{}`. */
function optionalArg<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === undefined || v === null ? {} : v), schema);
}

const dateOrder = (v: { filters?: { dateFrom?: string; dateTo?: string } }) =>
  !v.filters?.dateFrom || !v.filters?.dateTo || v.filters.dateFrom <= v.filters.dateTo;
const dateOrderMsg = { message: '起始日期不能晚于结束日期', path: ['filters', 'dateFrom'] };

const oneTarget = (v: { ids?: unknown; query?: unknown }) => (v.ids === undefined) !== (v.query === undefined);
const oneTargetMsg = { message: '应给出 ids 或 query 之一（不能都给或都不给）' };

// ---------- one schema per method ----------

const uploadedFile = z.strictObject({ name: path, dataBase64: base64 });

export const API_SCHEMAS = {
  stats: optionalArg(z.strictObject({})),
  search: z
    .strictObject({
      query,
      filters: filters.optional(),
      sort: z.enum(['relevance', 'date', 'date-asc']).optional(),
      limit: limit.optional(),
      offset: z.int().min(0).max(MAX_OFFSET).optional(),
      facets: z.boolean().optional(),
      dedupe: z.boolean().optional(),
    })
    .refine(dateOrder, dateOrderMsg),
  getArticle: z.strictObject({ id }),
  getRawText: z.strictObject({ id }),
  moreLikeThis: z.strictObject({ id, limit: limit.optional() }),

  guessFileMeta: z.strictObject({ name: path }),
  startImport: z
    .strictObject({
      paper: name.optional(),
      date: isoDate.optional(),
      page: page.optional(),
      paths: z.array(path).max(MAX_PATHS, { message: `一次最多导入 ${MAX_PATHS} 个路径` }).optional(),
      files: z.array(uploadedFile).max(MAX_UPLOAD_FILES, { message: `一次最多上传 ${MAX_UPLOAD_FILES} 个文件` }).optional(),
      sample: z.boolean().optional(),
      force: z.boolean().optional(),
    })
    .refine((v) => (v.paths?.length ?? 0) > 0 || (v.files?.length ?? 0) > 0 || v.sample === true, {
      message: '没有要导入的内容：需要 paths、files 或 sample',
    })
    .refine((v) => (v.files ?? []).reduce((n, f) => n + f.dataBase64.length, 0) <= MAX_UPLOAD_TOTAL_BASE64_CHARS, {
      message: '上传文件总大小超过 256 MB（base64）',
      path: ['files'],
    }),
  importStatus: z.strictObject({ jobId }),
  cancelImport: z.strictObject({ jobId }),
  listImports: optionalArg(z.strictObject({ limit: listLimit.optional() })),

  listTags: optionalArg(
    z.strictObject({ kind: tagKind.optional(), prefix: text(MAX_NAME_CHARS).optional(), limit: listLimit.optional() }),
  ),
  changeTags: z
    .strictObject({
      ids: ids.optional(),
      query: query.optional(),
      filters: filters.optional(),
      add: tagRefs.optional(),
      remove: tagRefs.optional(),
    })
    .refine(oneTarget, oneTargetMsg)
    .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, { message: '没有要添加或移除的标签' })
    .refine(dateOrder, dateOrderMsg),
  undoTagChange: optionalArg(z.strictObject({ changeId: id.optional() })),
  tagHistory: optionalArg(z.strictObject({ limit: limit.optional() })),
  suggestTopics: z.strictObject({ id }),
  tagUsage: z.strictObject({ kind: tagKind, name }),
  renameTag: z.strictObject({ kind: tagKind, from: name, to: name }),
  mergeTags: z.strictObject({ kind: tagKind, from: name, into: name }),
  deleteTag: z.strictObject({ kind: tagKind, name }),

  reparse: optionalArg(z.strictObject({ all: z.boolean().optional() })),
  listClippingSets: optionalArg(z.strictObject({})),
  saveClippingSet: z.strictObject({
    id: id.optional(),
    name,
    articleIds: ids,
    updatedAt: text(64).optional(),
  }),
  deleteClippingSet: z.strictObject({ id }),
  exportClippings: z
    .strictObject({
      ids: ids.optional(),
      query: query.optional(),
      filters: filters.optional(),
      format: z.enum(['pdf', 'docx', 'md', 'txt', 'csv', 'html'], { message: '导出格式应为 pdf、docx、md、txt、csv 或 html' }),
      title: text(MAX_TITLE_CHARS).optional(),
      highlight: text(MAX_QUERY_CHARS).optional(),
      pageBreaks: z.boolean().optional(),
      dedupe: z.boolean().optional(),
    })
    .refine(oneTarget, oneTargetMsg)
    .refine(dateOrder, dateOrderMsg),
  getCitation: z.strictObject({
    ids: ids.min(1, { message: '请选择要引用的文章' }),
    format: z.enum(['gbt7714', 'ris', 'csl-json'], { message: '引用格式应为 gbt7714、ris 或 csl-json' }),
  }),

  listSavedSearches: optionalArg(z.strictObject({})),
  saveSearch: z
    .strictObject({ name, query, filters: filters.optional(), sort: z.enum(['relevance', 'date', 'date-asc']).optional() })
    .refine(dateOrder, dateOrderMsg),
  renameSavedSearch: z.strictObject({ id, name }),
  deleteSavedSearch: z.strictObject({ id }),
  reorderSavedSearches: z.strictObject({ ids: z.array(id).max(MAX_SAVED_SEARCHES, { message: `最多 ${MAX_SAVED_SEARCHES} 个保存的搜索` }) }),
  openSavedSearch: z.strictObject({ id }),
  getNearDuplicates: z.strictObject({ id }),

  // corrections (issue 17)
  correctArticle: z
    .strictObject({
      id,
      kicker: text(MAX_TITLE_CHARS).nullable().optional(),
      title: text(MAX_TITLE_CHARS).optional(),
      subtitle: text(MAX_TITLE_CHARS).nullable().optional(),
      paragraphs: z
        .array(z.strictObject({ index: z.int().min(0).max(100_000), text: text(MAX_PARAGRAPH_CHARS) }))
        .max(1000)
        .optional(),
      caption: text(MAX_PARAGRAPH_CHARS).optional(),
      people: z
        .strictObject({
          reporters: z.array(personName).max(50),
          correspondents: z.array(personName).max(50),
          photographers: z.array(personName).max(50),
          interns: z.array(personName).max(50),
        })
        .optional(),
      dateline: z
        .strictObject({
          place: text(MAX_NAME_CHARS),
          month: z.int().min(1).max(12).optional(),
          day: z.int().min(1).max(31).optional(),
          agency: text(MAX_NAME_CHARS).optional(),
          raw: text(MAX_TITLE_CHARS),
        })
        .nullable()
        .optional(),
      date: isoDate.nullable().optional(),
      page: page.nullable().optional(),
    })
    .refine((v) => Object.keys(v).length > 1, { message: '没有要校对的内容' }),
  mergeArticles: z.strictObject({ id, with: z.enum(['prev', 'next'], { message: 'with 应为 prev 或 next' }) }),
  splitArticle: z.strictObject({ id, at: z.int().min(1, { message: '不能在第一段之前拆分' }).max(100_000) }),
  undoCorrection: z.strictObject({ correctionId: id }),
  getHistory: z.strictObject({ id }),
  getOriginal: z.strictObject({ id }),

  // the newsroom's shared archive (issue 22)
  teamStatus: optionalArg(z.strictObject({})),
  setTeamSettings: z
    .strictObject({
      remote: text(MAX_PATH_CHARS)
        .refine((s) => /^\s*postgres(ql)?:\/\/\S+$/.test(s), { message: '团队档案库的地址要写成 postgres://用户@主机/数据库' })
        .nullable()
        .optional(),
      password: text(MAX_NAME_CHARS).nullable().optional(),
      user: name.optional(),
    })
    .refine((v) => Object.keys(v).length > 0, { message: '没有要改的设置' }),
  syncNow: optionalArg(z.strictObject({})),
  listTeamConflicts: optionalArg(z.strictObject({ all: z.boolean().optional() })),
  resolveTeamConflict: z.strictObject({ id }),
} satisfies Record<ApiMethod, z.ZodType>;

/** The validated argument type of each method. */
export type ApiArg<M extends ApiMethod> = z.output<(typeof API_SCHEMAS)[M]>;

// ---------- entry points ----------

const METHODS: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && METHODS.has(method);
}

export type ValidateResult<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** First own key anywhere in `v` that could pollute a prototype, or null. */
function findForbiddenKey(v: unknown, depth = 0): string | null {
  if (v === null || typeof v !== 'object' || depth > 8) return null;
  if (Array.isArray(v)) {
    // Arrays of ids can be long: only objects can carry keys worth checking.
    for (const item of v) {
      if (item !== null && typeof item === 'object') {
        const k = findForbiddenKey(item, depth + 1);
        if (k) return k;
      }
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return k;
    const inner = findForbiddenKey((v as Record<string, unknown>)[k], depth + 1);
    if (inner) return inner;
  }
  return null;
}

const zhCN = z.locales.zhCN().localeError;

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.map(String).join('.')}：` : '';
  return `${where}${issue.message}`;
}

/**
 * Check `arg` against the schema of `method`.
 * Returns the parsed copy (never the caller's object) or a Chinese message.
 */
export function validateArg(method: string, arg: unknown): ValidateResult {
  if (!isApiMethod(method)) return { ok: false, error: `未知的方法：${String(method).slice(0, 60)}` };
  try {
    const bad = findForbiddenKey(arg);
    if (bad) return { ok: false, error: `参数无效：不允许的字段名 “${bad}”` };
    const schema: z.ZodType = API_SCHEMAS[method];
    const r = schema.safeParse(arg, { error: zhCN });
    if (r.success) return { ok: true, value: r.data };
    // A query over the work budget is the user's to rephrase: say just that (the UI shows it as is).
    const tooComplex = r.error.issues.find((i) => i.message.startsWith('查询过于复杂'));
    if (tooComplex) return { ok: false, error: tooComplex.message };
    const msgs = r.error.issues.slice(0, 3).map(describe);
    const more = r.error.issues.length > 3 ? `（另有 ${r.error.issues.length - 3} 处）` : '';
    return { ok: false, error: `参数无效（${method}）：${msgs.join('；')}${more}` };
  } catch {
    return { ok: false, error: `参数无效（${method}）：无法读取参数` };
  }
}
