/**
 * `baoku`: the archive from a terminal — the same core as the app.
 * Exit codes: 0 success, 1 bad input or usage (one-line reason on stderr), 2 internal error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Archive, UserError } from '../core/service';
import { ensureWritableDir } from '../core/errors';
import { decodeBuffer, explainPage, formatExplained, parsePage, IngestError } from '../core/ingest';
import { pageShape } from '../core/ingest/page-shape';
import { splitEdition } from '../core/ingest/edition';
import { expandPaths, MAX_FILE_BYTES } from '../core/ingest/sources';
import { restoreFrom } from '../core/store/backup';
import { clippingFileName } from '../core/export';
import { CITATION_EXT } from '../core/export/citation';
import type { CitationFormat, ExportFormat, ImportFileReport, ImportFileStatus, SearchResponse, SortOrder } from '../shared/api';
import { savedCommand } from './saved';
import { UsageError, parseIds, parseKind, parseTagRef } from './args';
import { forTerminal } from './terminal';
import { correct, correctionText, historyText } from './correct';
import { conflictsCommand, syncCommand, usersCommand } from './sync';

/** The progress line's word for a file's result. */
const STATUS_WORD: Record<ImportFileStatus, string> = { imported: '已导入', duplicate: '重复', replaced: '已替换', rejected: '被拒绝' };

const USAGE = `报库 baoku — 报纸文字档案库

用法:
  baoku parse FILE [--json] [--explain] [--paper P] [--date YYYY-MM-DD] [--page N]   （FILE 写 - 读标准输入）
  baoku import PATH… --archive DIR [--paper P] [--date D] [--page N] [--force] [--json]
                                   （--force：不像报纸版面的文件也导入）
  baoku search QUERY --archive DIR [--json] [--limit N] [--offset N] [--sort relevance|date]
  baoku show ID --archive DIR [--json]
  baoku tag ID… --archive DIR [--add 主题:营商环境]… [--remove 记者:X]…   |  baoku tag --suggest ID
  baoku tags [--kind reporter|department|topic] [--json]  |  tags merge 记者:A 记者:B  |  tags rename 记者:A B
  baoku export --archive DIR (--ids 1,2,3 | --query Q) --format pdf|docx|md|txt|csv|html [--out FILE] [--title T] [--highlight Q] [--force]
  baoku export --archive DIR (--ids 1,2,3 | --query Q) --format gbt7714|ris|csl-json [--out FILE|-] [--force]
      （引用：GB/T 7714-2015 参考文献表、RIS 或 CSL-JSON，供 Zotero、EndNote、NoteExpress 导入；--out - 输出到屏幕）
  baoku saved list --archive DIR [--json]             # 保存的搜索，及上次打开后新增的匹配篇数
  baoku saved run NAME --archive DIR [--json] [--limit N] [--offset N]   # 运行（输出同 search），并清零新增数
  baoku saved add NAME QUERY… --archive DIR [--sort relevance|date|date-asc]  |  saved rename NAME NEW  |  saved delete NAME
  baoku dict add WORD… --archive DIR
  baoku correct ID --archive DIR [--title T] [--kicker K] [--subtitle S] [--date YYYY-MM-DD] [--page N] [--paragraph N --text T]
        [--reporters "甲 乙"] [--correspondents …] [--photographers …] [--interns …] [--dateline "新华社北京1月2日电"] [--caption T]
  baoku correct ID --archive DIR --merge-prev | --merge-next | --split-at N   （从第 N 段起拆为新文章）
  baoku correct --undo 校对编号 --archive DIR   |  baoku history ID --archive DIR [--json]   # 校对，保留原文
  baoku reparse --archive DIR [--all] [--json]    # 用当前解析器重读已导入版面的原文
  baoku rebuild --archive DIR
  baoku check --archive DIR
  baoku backup --archive DIR --out FILE [--force]   |  baoku restore --archive DIR --from FILE
  baoku serve --archive DIR [--port N] [--host H] [--allow-write] [--demo] [--token T] [--allow-host NAME]…
      [--remote postgres://… [--pull-every 秒]]   # 团队档案库的只读副本：有人发送改动即取回（另每隔几秒一次），检索随之更新
      浏览器只能用绑定的地址（127.0.0.1、localhost 或 --host 给的地址）访问；
      用别的主机名（如 baoku.lan）访问时，用 --allow-host NAME 允许它（可重复）。
      --token 至少 16 个字符；不给时非本机地址会自动生成。
  baoku sync --archive DIR --remote postgres://用户@主机/数据库 [--user 名字] [--json]   # 与团队档案库交换改动（--user 记住本机使用者）
  baoku users list | add 名字 --role editor|reporter [--login] | role 名字 editor|reporter   （都要 --remote URL；编辑可写，记者只读；
      --login：为这个用户建立自己的 PostgreSQL 登录，密码取自环境变量 BAOKU_NEW_PASSWORD，之后只有用它才能以这个名字写入）
  baoku users me [名字] --archive DIR              # 本机使用者：之后的改动记在这个名字下
  baoku conflicts --archive DIR [--all] [--json]  |  baoku conflicts resolve 冲突编号 --archive DIR   # 同步发现的冲突

档案库目录也可用环境变量 BAOKU_ARCHIVE 指定。`;

type Opts = Record<string, string | boolean | string[] | undefined>;

function out(json: boolean, value: unknown, text: () => string): void {
  // JSON escapes control characters itself; text goes through forTerminal (names from files may hold ESC).
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : forTerminal(text()) + '\n');
}

function archiveDir(o: Opts): string {
  const dir = (o.archive as string | undefined) ?? process.env.BAOKU_ARCHIVE;
  if (!dir) throw new UsageError('请用 --archive DIR 指定档案库目录');
  return path.resolve(dir);
}

async function withArchive<T>(o: Opts, fn: (a: Archive) => Promise<T>, writable = true): Promise<T> {
  const a = await Archive.open({ dir: archiveDir(o), writable, log: (m) => process.stderr.write(`${forTerminal(m)}\n`) });
  try {
    return await fn(a);
  } finally {
    await a.close();
  }
}

/** The folder of an output file (--out) exists and can be written, or one line saying why not. */
function outputDir(file: string): void {
  ensureWritableDir(path.dirname(file), { what: '输出文件夹', fix: '请用 --out 换一个可写的位置。' });
}

function num(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} 要是非负整数`);
  return n;
}

function date(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(v))) throw new UsageError('--date 要写成 YYYY-MM-DD');
  return String(v);
}

const CITATION_FORMATS: readonly CitationFormat[] = ['gbt7714', 'ris', 'csl-json'];

/** `baoku export --format gbt7714|ris|csl-json`: the articles' citations, to a file or (`--out -`) to stdout. */
async function exportCitations(o: Opts, json: boolean): Promise<number> {
  const format = o.format as CitationFormat;
  if (!o.ids && o.query === undefined) throw new UsageError('请用 --ids 1,2,3 或 --query Q 选择文章');
  const toStdout = o.out === '-';
  const outFile = toStdout ? '' : path.resolve((o.out as string) ?? clippingFileName((o.title as string) ?? '引用', CITATION_EXT[format]));
  if (outFile && fs.existsSync(outFile) && !o.force) throw new UsageError(`文件已存在：${outFile}（用 --force 覆盖）`);
  if (outFile) outputDir(outFile);
  return withArchive(
    o,
    async (a) => {
      const ids = o.ids ? parseIds([o.ids as string]) : a.exportArticles({ query: o.query as string }).map((x) => x.id);
      const r = await a.getCitation({ ids, format });
      if (toStdout) {
        // Piped: the file's content as is (RIS keeps its CRLF); to a terminal: made safe to show.
        process.stdout.write(process.stdout.isTTY ? forTerminal(r.text.replace(/\r\n/g, '\n')) : r.text);
        return 0;
      }
      fs.writeFileSync(outFile, r.text, 'utf8');
      out(json, { file: outFile, articles: r.entries.length }, () => `已导出 ${r.entries.length} 篇的引用到 ${outFile}`);
      return 0;
    },
    false,
  );
}

/** A search's answer as `baoku search` prints it (also `baoku saved run`). */
function printSearch(json: boolean, res: SearchResponse): void {
  if (res.error) throw new UsageError(res.error);
  const { terms: _t, ...rest } = res;
  void _t;
  out(json, rest, () =>
    [`共 ${res.total} 篇（${res.tookMs} ms）`, ...res.hits.map((h) => `#${h.id} ${h.date ?? '日期不详'} ${h.title}\n    ${h.snippets[0]?.text ?? ''}`)].join('\n'),
  );
}

function syncOpts(o: Opts, json: boolean) {
  return { json, remote: o.remote as string | undefined, user: o.user as string | undefined, role: o.role as string | undefined, all: !!o.all, login: !!o.login };
}

/**
 * The bytes of the one page `baoku parse` reads, and the name its date is read from: a file, or
 * standard input for `-` (`… | baoku parse - --explain`). A folder, a device or anything else that
 * is not a file gets a message that says so, never an internal error.
 */
function readPageInput(file: string): { bytes: Uint8Array; name: string } {
  if (file === '-') return { bytes: readStdin(MAX_FILE_BYTES), name: 'stdin.txt' };
  if (!fs.existsSync(file)) throw new UsageError(`找不到文件：${file}`);
  if (fs.statSync(file).isDirectory()) throw new UsageError(`${file} 是文件夹：baoku parse 只读一个文件（整个文件夹请用 baoku import）`);
  const { sources, skipped } = expandPaths([file]);
  if (skipped.length) throw new UsageError(`${file}：${skipped[0].reason}（从管道读请写 baoku parse -）`);
  if (!sources.length) throw new UsageError(`读不了 ${file}（从管道读请写 baoku parse -）`);
  return { bytes: sources[0].read(), name: path.basename(file) };
}

/** Standard input to its end, refused past `limit` bytes (as a file that large is). */
function readStdin(limit: number): Buffer {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new UsageError(`标准输入超过 ${Math.round(limit / 1048576)} MB，不像一版报纸`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

async function run(argv: string[]): Promise<number> {
  const { values: o, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      archive: { type: 'string' },
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      paper: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      sort: { type: 'string' },
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      suggest: { type: 'string' },
      kind: { type: 'string' },
      ids: { type: 'string' },
      query: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      title: { type: 'string' },
      highlight: { type: 'string' },
      force: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'allow-write': { type: 'boolean' },
      demo: { type: 'boolean' },
      all: { type: 'boolean' },
      kicker: { type: 'string' },
      subtitle: { type: 'string' },
      paragraph: { type: 'string' },
      text: { type: 'string' },
      'merge-prev': { type: 'boolean' },
      'merge-next': { type: 'boolean' },
      'split-at': { type: 'string' },
      undo: { type: 'string' },
      reporters: { type: 'string' },
      correspondents: { type: 'string' },
      photographers: { type: 'string' },
      interns: { type: 'string' },
      dateline: { type: 'string' },
      caption: { type: 'string' },
      remote: { type: 'string' },
      'pull-every': { type: 'string' },
      user: { type: 'string' },
      role: { type: 'string' },
      login: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, ...rest] = positionals;
  const json = !!o.json;
  if (!cmd || o.help || cmd === 'help') {
    process.stdout.write(USAGE + '\n');
    return cmd || o.help ? 0 : 1;
  }
  switch (cmd) {
    case 'parse': {
      if (rest.length !== 1) throw new UsageError('用法：baoku parse FILE [--json] [--explain]（FILE 写 - 则读标准输入）');
      const file = rest[0];
      const input = readPageInput(file);
      const d = decodeBuffer(input.bytes, input.name);
      if (o.explain) {
        const ex = explainPage(d.text, input.name);
        out(json, ex, () => formatExplained(ex));
        return 0;
      }
      const page = parsePage(d.text, { file: input.name, paper: o.paper as string, date: date(o.date), page: num(o.page, 'page') });
      page.encoding = d.encoding;
      page.warnings.unshift(...d.warnings);
      // `import` would skip this file (unless --force): say so here too.
      const shape = pageShape(d.text);
      if (!shape.ok) page.warnings.unshift(`${shape.reason}（导入时会跳过，除非加 --force）`);
      // `import` stores an edition page by page: say so, since this reads the file as one page.
      const edition = splitEdition(d.text);
      const days = new Set(edition?.map((e) => e.date)).size;
      if (edition) page.warnings.unshift(`${days > 1 ? '多期文件' : '整期文件'}：有 ${edition.length} 个版面（${edition.map((e) => (days > 1 && e.date ? `${e.date} ` : '') + `第${e.page}版`).join('、')}），导入时分版面存；这里当一个版面读`);
      out(json, page, () =>
        page.articles
          .map((a, i) => `${i + 1}. [${a.kind}] ${a.title}${a.byline ? `\n   ${a.byline.raw}` : ''}\n   ${a.paragraphs.length} 段`)
          .join('\n'),
      );
      return 0;
    }
    case 'import': {
      if (!rest.length) throw new UsageError('用法：baoku import PATH… --archive DIR');
      return withArchive(o, async (a) => {
        const { sources, missing } = expandPaths(rest);
        const opts = { paper: o.paper as string | undefined, date: date(o.date), page: num(o.page, 'page'), force: !!o.force };
        const files: ImportFileReport[] = missing.map((m) => ({ file: m, status: 'rejected', articles: 0, warnings: [], error: '找不到这个文件或文件夹' }));
        const reports = await a.importSources(sources, opts, (r, done) => {
          if (!json) process.stderr.write(`\r${done}/${sources.length} ${r.notAPage ? '已跳过' : STATUS_WORD[r.status]} ${forTerminal(path.basename(r.file), false)}`.padEnd(60));
        });
        if (!json && sources.length) process.stderr.write('\n');
        files.push(...reports);
        const report = { files, articlesAdded: files.reduce((n, r) => n + (r.status === 'duplicate' ? 0 : r.articles), 0) };
        out(json, report, () => {
          const by = (s: string) => files.filter((f) => f.status === s).length;
          const skipped = files.filter((f) => f.notAPage);
          const lines = files
            .filter((f) => f.status === 'rejected')
            .map((f) => (f.notAPage ? `已跳过：${f.file}：${f.error}（确是版面可加 --force 导入）` : `被拒绝：${f.file}：${f.error}`));
          const summary = `导入 ${by('imported')}，替换 ${by('replaced')}，重复 ${by('duplicate')}，拒绝 ${by('rejected') - skipped.length}，跳过 ${skipped.length}；新增文章 ${report.articlesAdded} 篇`;
          return [...lines, summary].join('\n');
        });
        // A file skipped as not a page (a folder's README or SOURCE.txt) does not fail the import.
        return files.some((f) => f.status === 'rejected' && !f.notAPage) ? 1 : 0;
      });
    }
    case 'search': {
      const query = rest.join(' ');
      const sort = (o.sort as SortOrder | undefined) ?? undefined;
      if (sort && !['relevance', 'date', 'date-asc'].includes(sort)) throw new UsageError('--sort 只能是 relevance 或 date');
      return withArchive(
        o,
        async (a) => {
          printSearch(json, await a.search({ query, limit: num(o.limit, 'limit') ?? 20, offset: num(o.offset, 'offset') ?? 0, sort }));
          return 0;
        },
        false,
      );
    }
    case 'show': {
      const [id] = parseIds(rest);
      return withArchive(
        o,
        async (a) => {
          const art = await a.getArticle({ id });
          if (!art) throw new UsageError(`没有编号为 ${id} 的文章`);
          out(json, art, () => [art.title, art.date ?? '', ...art.paragraphs.map((p) => p.text), art.byline?.raw ?? ''].join('\n'));
          return 0;
        },
        false,
      );
    }
    case 'tag': {
      return withArchive(o, async (a) => {
        if (o.suggest) {
          const [id] = parseIds([o.suggest as string]);
          const s = await a.suggestTopics({ id });
          out(json, s, () => s.map((x) => `${x.name}\t${x.source === 'similar' ? '相似文章' : '关键词'}\t${x.weight}`).join('\n'));
          return 0;
        }
        const ids = parseIds(rest);
        const add = ((o.add as string[]) ?? []).map(parseTagRef);
        const remove = ((o.remove as string[]) ?? []).map(parseTagRef);
        const r = await a.changeTags({ ids, add, remove });
        out(json, r, () => `已修改 ${r.articles} 篇文章的标签（操作编号 ${r.changeId}）`);
        return 0;
      });
    }
    case 'tags': {
      const [sub, x, y] = rest;
      return withArchive(o, async (a) => {
        if (sub === 'merge' || sub === 'rename') {
          if (!x || !y) throw new UsageError(`用法：baoku tags ${sub} 记者:A 记者:B`);
          const from = parseTagRef(x);
          const to = /[:：]/.test(y) ? parseTagRef(y) : { kind: from.kind, name: y };
          if (to.kind !== from.kind) throw new UsageError('只能在同一类标签之间合并或改名');
          const n =
            sub === 'merge'
              ? await a.mergeTags({ kind: from.kind, from: from.name, into: to.name })
              : await a.renameTag({ kind: from.kind, from: from.name, to: to.name });
          out(json, { articles: n }, () => `${sub === 'merge' ? '已合并' : '已改名'}，涉及 ${n} 篇文章`);
          return 0;
        }
        if (sub === 'delete') {
          if (!x) throw new UsageError('用法：baoku tags delete 主题:X');
          const t = parseTagRef(x);
          const n = await a.deleteTag({ kind: t.kind, name: t.name });
          out(json, { articles: n }, () => `已删除，涉及 ${n} 篇文章`);
          return 0;
        }
        if (sub) throw new UsageError(`未知的子命令：tags ${sub}`);
        const list = await a.listTags({ kind: parseKind(o.kind as string | undefined) });
        out(json, list, () => list.map((t) => `${t.kind}\t${t.name}\t${t.count}${t.aliases.length ? `\t（别名：${t.aliases.join('、')}）` : ''}`).join('\n'));
        return 0;
      });
    }
    case 'export': {
      if (CITATION_FORMATS.includes(o.format as CitationFormat)) return exportCitations(o, json);
      const format = o.format as ExportFormat;
      if (!['pdf', 'docx', 'md', 'txt', 'csv', 'html'].includes(format))
        throw new UsageError('--format 只能是 pdf|docx|md|txt|csv|html，或引用格式 gbt7714|ris|csl-json');
      if (!o.ids && o.query === undefined) throw new UsageError('请用 --ids 1,2,3 或 --query Q 选择文章');
      const outFile = path.resolve((o.out as string) ?? clippingFileName((o.title as string) ?? '剪报', format));
      if (fs.existsSync(outFile) && !o.force) throw new UsageError(`文件已存在：${outFile}（用 --force 覆盖）`);
      outputDir(outFile);
      return withArchive(
        o,
        async (a) => {
          const r = await a.exportClippings({
            ids: o.ids ? parseIds([o.ids as string]) : undefined,
            query: o.query as string | undefined,
            format,
            title: o.title as string | undefined,
            highlight: o.highlight as string | undefined,
          });
          fs.writeFileSync(outFile, Buffer.from(r.dataBase64, 'base64'));
          out(json, { file: outFile, articles: r.articles }, () => `已导出 ${r.articles} 篇到 ${outFile}`);
          return 0;
        },
        false,
      );
    }
    case 'dict': {
      if (rest[0] !== 'add' || rest.length < 2) throw new UsageError('用法：baoku dict add WORD…');
      return withArchive(o, async (a) => {
        let n = 0;
        for (const w of rest.slice(1)) n += a.addDictionaryWord(w);
        out(json, { reindexed: n }, () => `已加入词典，重建了 ${n} 篇文章的索引`);
        return 0;
      });
    }
    case 'correct':
      return withArchive(o, async (a) => {
        const r = await correct(a, rest, o);
        out(json, r, () => correctionText(r));
        return 0;
      });
    case 'history': {
      const [id] = parseIds(rest);
      return withArchive(
        o,
        async (a) => {
          if (!(await a.getArticle({ id })) && !(await a.getHistory({ id })).length) throw new UsageError(`没有编号为 ${id} 的文章`);
          const list = await a.getHistory({ id });
          out(json, list, () => historyText(list));
          return 0;
        },
        false,
      );
    }
    case 'reparse':
      return withArchive(o, async (a) => {
        const r = await a.reparse({ all: !!o.all }, (done, total) => {
          if (!json) process.stderr.write(`\r${done}/${total}`.padEnd(20));
        });
        if (!json && r.pages) process.stderr.write('\n');
        out(json, r, () =>
          r.pages === 0
            ? '所有版面都已由当前解析器读取，无需重新解析（--all 可强制全部重读）'
            : [
                `已重新解析 ${r.pages} 个版面：${r.rewritten + r.added + r.removed} 篇拆分有变化（改读 ${r.rewritten}，新增 ${r.added}，删除 ${r.removed}），${r.unchanged} 篇不变`,
                ...(r.reviews ?? []),
              ].join('\n'),
        );
        return 0;
      });
    case 'rebuild':
      return withArchive(o, async (a) => {
        const t0 = Date.now();
        const n = await a.rebuildIndex();
        out(json, { articles: n, ms: Date.now() - t0 }, () => `已重建 ${n} 篇文章的检索索引（${Date.now() - t0} ms）`);
        return 0;
      });
    case 'check':
      return withArchive(
        o,
        async (a) => {
          const r = a.checkDatabase();
          out(json, { integrity: r }, () => (r === 'ok' ? '档案库完好' : `发现问题：${r}`));
          return r === 'ok' ? 0 : 2;
        },
        false,
      );
    case 'backup': {
      if (!o.out) throw new UsageError('请用 --out FILE 指定备份文件');
      const file = path.resolve(o.out as string);
      if (fs.existsSync(file) && !o.force) throw new UsageError(`文件已存在：${file}（用 --force 覆盖）`);
      outputDir(file);
      return withArchive(
        o,
        async (a) => {
          if (fs.existsSync(file)) fs.rmSync(file);
          a.backupTo(file);
          out(json, { file }, () => `已备份到 ${file}`);
          return 0;
        },
        false,
      );
    }
    case 'restore': {
      if (!o.from) throw new UsageError('请用 --from FILE 指定备份文件');
      if (!fs.existsSync(o.from as string)) throw new UsageError(`找不到备份文件：${o.from}`);
      try {
        restoreFrom(archiveDir(o), path.resolve(o.from as string));
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      out(json, { restored: true }, () => '已恢复；下次打开时会重建检索索引');
      return 0;
    }
    case 'saved':
      return savedCommand(rest, { json, limit: num(o.limit, 'limit'), offset: num(o.offset, 'offset'), sort: o.sort as string | undefined }, (fn, writable) => withArchive(o, fn, writable), out, printSearch);
    case 'sync':
      if (rest.length) throw new UsageError('用法：baoku sync --archive DIR --remote URL [--user 名字]');
      return syncCommand(syncOpts(o, json), (fn, writable) => withArchive(o, fn, writable), out);
    case 'users':
      return usersCommand(rest, syncOpts(o, json), (fn, writable) => withArchive(o, fn, writable), out);
    case 'conflicts':
      return conflictsCommand(rest, syncOpts(o, json), (fn, writable) => withArchive(o, fn, writable), out);
    case 'serve': {
      const { serve } = await import('./serve');
      return serve({
        archive: archiveDir(o),
        port: num(o.port, 'port'),
        host: o.host as string | undefined,
        token: o.token as string | undefined,
        allowWrite: !!o['allow-write'],
        demo: !!o.demo,
        allowHosts: o['allow-host'] as string[] | undefined,
        remote: (o.remote as string | undefined) ?? process.env.BAOKU_REMOTE,
        pullEverySeconds: num(o['pull-every'], 'pull-every'),
      });
    }
    default:
      throw new UsageError(`未知的命令：${cmd}（baoku --help 查看用法）`);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof UsageError || err instanceof UserError || err instanceof IngestError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`baoku: ${forTerminal(e.message.split('\n')[0], false)}\n`);
      return 1;
    }
    process.stderr.write(`baoku: 内部错误：${forTerminal(e.stack ?? e.message)}\n`);
    return 2;
  }
}
