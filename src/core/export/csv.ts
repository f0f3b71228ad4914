/**
 * CSV list of a clipping set: one row per article, UTF-8 with BOM so Excel
 * opens Chinese text correctly. Text cells that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first) get a leading apostrophe. The last
 * column, 引用, is the article's GB/T 7714 entry.
 */
import { stringify } from 'csv-stringify/sync';
import type { ArticleDetail } from '../../shared/api';
import { gbt7714 } from './citation';
import { allPeople, departments, excerpt, topics } from './attribution';

export const CSV_HEADER = ['编号', '报纸', '日期', '版次', '标题', '作者', '部门', '主题', '字数', '前100字', '引用'] as const;

/** Joins several names in one cell. */
export const CSV_LIST_SEP = '、';

function safeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvRow(a: ArticleDetail): string[] {
  return [
    String(a.id),
    a.paper ?? '',
    a.date ?? '',
    a.page === undefined || a.page === null ? '' : String(a.page),
    a.title,
    allPeople(a).join(CSV_LIST_SEP),
    departments(a).join(CSV_LIST_SEP),
    topics(a).join(CSV_LIST_SEP),
    String(a.chars),
    excerpt(a, 100),
    gbt7714(a),
  ].map((c, i) => (i === 0 || i === 3 || i === 8 ? c : safeCell(c)));
}

export function clippingCsv(articles: ArticleDetail[]): Buffer {
  const text = stringify([[...CSV_HEADER], ...articles.map(csvRow)], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
