/**
 * The texts near-duplicate detection is measured on (never copied into the
 * repository): a window of consecutive days of the news corpus
 * (`../shared/corpus/xwlb_items.jsonl.gz`: items aired again on later days,
 * often trimmed or retitled) and the articles of `../shared/pages-dev`
 * (人民日报, January 1998, read with the page parser: agency copy). Each text
 * has a stable key: `xwlb:<item id>` or `pd:<page file>#<article number>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { itemParagraphs, readCorpus } from './corpus';
import { parsePage } from '../src/core/ingest';

export const PAGES_DEV = path.resolve(process.cwd(), '..', 'shared', 'pages-dev');
/**
 * The corpus windows: consecutive days where the programme aired items again
 * (2012–13: the same report on two days, summaries of the day before), and a
 * later half-year (formula announcements that differ only in their event).
 */
export const WINDOWS = [
  { from: '2012-07-01', to: '2013-06-30' },
  { from: '2019-01-01', to: '2019-06-30' },
];

export interface Doc {
  key: string;
  title: string;
  date: string;
  body: string;
}

export function loadDocs(): Doc[] {
  const out: Doc[] = [];
  for (const it of readCorpus()) {
    if (!WINDOWS.some((w) => it.date >= w.from && it.date <= w.to)) continue;
    out.push({ key: `xwlb:${it.id}`, title: it.title, date: it.date, body: itemParagraphs(it.text).join('\n') });
  }
  for (const f of fs.readdirSync(PAGES_DEV).filter((x) => x.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(PAGES_DEV, f), 'utf8');
    const page = parsePage(text, { file: f });
    page.articles.forEach((a, i) => {
      out.push({ key: `pd:${f}#${i}`, title: a.title, date: page.date ?? f.slice(0, 8), body: a.paragraphs.map((p) => p.text).join('\n') });
    });
  }
  return out;
}
