/**
 * Attribution: what every clipping says about its article: source line, people by role,
 * department and topics (the citation is made in `citation.ts`). Reporters come from the byline and
 * from the article's tags (a tag added by hand counts as much as the byline).
 */
import type { ArticleDetail, ReporterRole } from '../../shared/api';

export interface People {
  记者: string[];
  通讯员: string[];
  摄影: string[];
  实习生: string[];
}

export const ROLES: ReporterRole[] = ['记者', '通讯员', '摄影', '实习生'];

function pushUnique(list: string[], name: string): void {
  const n = name.trim();
  if (n && !list.includes(n)) list.push(n);
}

/** People of an article by role, byline first, then tags. A reporter tag without a role counts as 记者. */
export function people(a: ArticleDetail): People {
  const p: People = { 记者: [], 通讯员: [], 摄影: [], 实习生: [] };
  const b = a.byline;
  if (b) {
    b.reporters.forEach((n) => pushUnique(p.记者, n));
    b.correspondents.forEach((n) => pushUnique(p.通讯员, n));
    b.photographers.forEach((n) => pushUnique(p.摄影, n));
    b.interns.forEach((n) => pushUnique(p.实习生, n));
  }
  for (const t of a.tags) {
    if (t.kind !== 'reporter') continue;
    const role = t.role ?? '记者';
    // A name the byline already gives under another role keeps that role.
    if (ROLES.some((r) => p[r].includes(t.name.trim()))) continue;
    pushUnique(p[role], t.name);
  }
  return p;
}

/** Every person of the article, reporters first (for CSV and lists). */
export function allPeople(a: ArticleDetail): string[] {
  const p = people(a);
  return ROLES.flatMap((r) => p[r]);
}

export function departments(a: ArticleDetail): string[] {
  const out: string[] = [];
  if (a.byline?.department) pushUnique(out, a.byline.department);
  for (const t of a.tags) if (t.kind === 'department') pushUnique(out, t.name);
  return out;
}

export function topics(a: ArticleDetail): string[] {
  const out: string[] = [];
  for (const t of a.tags) if (t.kind === 'topic') pushUnique(out, t.name);
  return out;
}

/** `2022-01-28` → `2022年1月28日`; anything else is returned as is. */
export function chineseDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The article's (issue's) date in Chinese, marked when it was read from the dateline (the issue's date unknown). */
export function issueDate(a: Pick<ArticleDetail, 'date' | 'dateInferred'>): string {
  return chineseDate(a.date) + (a.date && a.dateInferred ? '（日期据电头）' : '');
}

export function pageLabel(page: number | undefined): string {
  return page === undefined || page === null ? '' : `第${page}版`;
}

/** `大众日报 · 2022年1月28日 · 第3版` (parts that are known). */
export function sourceLine(a: ArticleDetail, sep = ' · '): string {
  return [a.paper ?? '', issueDate(a), pageLabel(a.page)].filter(Boolean).join(sep);
}

/** Full headline on one line: kicker, title, subtitle. */
export function fullHeadline(a: ArticleDetail): string {
  return [a.kicker, a.title, a.subtitle].filter((s): s is string => !!s && !!s.trim()).join(' ');
}

/** `记者：陆晓茜；通讯员：徐浩、郭方强；部门：淄博融媒体中心；主题：高新区` (parts that exist). */
export function tagLine(a: ArticleDetail): string {
  const p = people(a);
  const parts: string[] = [];
  for (const r of ROLES) if (p[r].length) parts.push(`${r}：${p[r].join('、')}`);
  const d = departments(a);
  if (d.length) parts.push(`部门：${d.join('、')}`);
  const t = topics(a);
  if (t.length) parts.push(`主题：${t.join('、')}`);
  return parts.join('；');
}

/** Whether the first text paragraph needs the dateline put in front of it (the parser usually strips it). */
export function datelinePrefix(a: ArticleDetail): string {
  const raw = a.dateline?.raw?.trim();
  if (!raw) return '';
  const first = a.paragraphs.find((p) => p.type === 'text');
  if (first && first.text.trimStart().startsWith(raw)) return '';
  return raw;
}

/** Body text without captions, paragraphs joined by a space (for excerpts). */
export function bodyText(a: ArticleDetail): string {
  return a.paragraphs
    .filter((p) => p.type !== 'caption')
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join(' ');
}

/** First `n` characters (code points) of the body. */
export function excerpt(a: ArticleDetail, n = 100): string {
  return Array.from(bodyText(a)).slice(0, n).join('');
}

export function madeOn(now: Date): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}
