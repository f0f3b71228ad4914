/** Display helpers: dates, pages, bylines and durations (citations come from the archive: `lib/cite.ts`). */
import type { ArticleDetail, ImportFileStatus, SearchHit, TagKind } from '../../../shared/api';

export function formatDate(iso?: string): string {
  if (!iso) return '日期不详';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Marks a date read from the dateline because the date is unknown. */
export const INFERRED_MARK = '（日期据电头）';

/** The article's (issue's) date, marked when it was read from the dateline. */
export function formatArticleDate(a: { date?: string; dateInferred?: boolean }): string {
  return formatDate(a.date) + (a.date && a.dateInferred ? INFERRED_MARK : '');
}

/** `电头日期 12月31日` from the dateline's month/day; empty when it has none. */
export function datelineDateLabel(a: Pick<ArticleDetail, 'dateline'>): string {
  const d = a.dateline;
  return d?.month && d.day ? `电头日期 ${d.month}月${d.day}日` : '';
}

export function formatPage(page?: number): string {
  return page === undefined || page === null ? '' : `第${page}版`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return '不到 1 秒';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} 分 ${s % 60} 秒`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}

export const KIND_LABEL: Record<TagKind, string> = { reporter: '记者', department: '部门', topic: '主题' };
export const KIND_PREFIX: Record<TagKind, string> = { reporter: '记者', department: '部门', topic: '主题' };

export const STATUS_LABEL: Record<ImportFileStatus, string> = {
  imported: '已导入',
  duplicate: '重复',
  replaced: '已替换',
  rejected: '被拒绝',
};

/** What became of an imported file, for the report and the history: `已跳过` when it was not a page. */
export function importStatusLabel(r: { status: ImportFileStatus; notAPage?: boolean }): string {
  return r.notAPage ? '已跳过' : STATUS_LABEL[r.status];
}

/** Which page an import read (`人民日报 1998-01-01 第1版`), as much of it as is known. */
export function importedPageLabel(r: { paper?: string; date?: string; page?: number }): string {
  return [r.paper, r.date, formatPage(r.page)].filter(Boolean).join(' ');
}

/** A query-syntax token for a tag, quoted when it contains spaces. */
export function tagQuery(kind: TagKind, name: string): string {
  const v = /[\s"]/.test(name) ? `"${name.replace(/"/g, '')}"` : name;
  return `${KIND_PREFIX[kind]}:${v}`;
}

export function hitMeta(h: SearchHit): string {
  return [formatArticleDate(h), h.paper, formatPage(h.page)].filter(Boolean).join(' · ');
}

export function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isoMonthStart(): string {
  return isoToday().slice(0, 8) + '01';
}

export function isoYearStart(): string {
  return isoToday().slice(0, 5) + '01-01';
}

/** A stored ISO timestamp in local time: `2026-11-25 12:54`. */
export function formatTime(iso?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}
