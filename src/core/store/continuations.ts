/**
 * Articles continued on another page (`（下转第二版）` … `（上接第一版）`): the two parts are
 * linked when both pages of the issue are in the archive. The second part's `part_of` names the
 * first; search indexes the two as one article under the first part's headline (counted once),
 * and the reader shows the whole text with a link to each page.
 *
 * Links are recomputed for the whole issue (paper and date) whenever one of its pages is stored,
 * so the order in which the pages arrive does not matter.
 */
import type { ArticleDetail, Paragraph } from '../../shared/types';
import type { Db } from './db';

interface Part {
  id: number;
  page: number | null;
  seq: number;
  continued_to: number | null;
  continued_from: number | null;
  part_of: number | null;
}

/**
 * The continued parts of one issue (date, paper). Run at every page import: the `pages_issue`
 * index (migration 9) finds the issue's pages, so it costs the issue's articles, not the archive's.
 */
export const ISSUE_PARTS_SQL = `SELECT a.id, p.page, a.seq, a.continued_to, a.continued_from, a.part_of FROM articles a JOIN pages p ON p.id = a.page_id
  WHERE p.date = ? AND p.paper_id IS ? AND (a.continued_to IS NOT NULL OR a.continued_from IS NOT NULL OR a.part_of IS NOT NULL)
  ORDER BY p.page, a.seq`;

/** Re-link the continued articles of the issue that `pageId` belongs to; returns the ids whose link changed. */
export function linkContinuations(db: Db, pageId: number): number[] {
  const issue = db.prepare('SELECT paper_id AS paper, date FROM pages WHERE id = ?').get([pageId]) as { paper: number | null; date: string | null } | undefined;
  if (!issue || issue.date === null) return [];
  const parts = db.prepare(ISSUE_PARTS_SQL).all([issue.date, issue.paper]) as Part[];
  const want = new Map<number, number | null>();
  const taken = new Set<number>();
  for (const first of parts) {
    if (first.continued_to === null || first.page === null) continue;
    const second = parts.find((p) => p.page === first.continued_to && p.continued_from === first.page && !taken.has(p.id));
    if (second) {
      taken.add(second.id);
      want.set(second.id, first.id);
    }
  }
  const changed: number[] = [];
  const set = db.prepare('UPDATE articles SET part_of = ? WHERE id = ?');
  for (const p of parts) {
    const link = want.get(p.id) ?? null;
    if (link === p.part_of) continue;
    set.run([link, p.id]);
    changed.push(p.id);
    if (link !== null) changed.push(link);
    if (p.part_of !== null) changed.push(p.part_of);
  }
  return [...new Set(changed)];
}

/** The first part's id of each second part among `ids`. */
function partsOf(db: Db, ids: number[]): { id: number; part_of: number; page: number | null; paragraphs: string }[] {
  if (!ids.length) return [];
  const marks = ids.map(() => '?').join(',');
  return db
    .prepare(`SELECT a.id, a.part_of, p.page, a.paragraphs FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.part_of IN (${marks}) ORDER BY a.id`)
    .all(ids) as { id: number; part_of: number; page: number | null; paragraphs: string }[];
}

/** Fill in `continuation` (on first parts) and `partOf` (on second parts). */
export function attachContinuations(db: Db, articles: ArticleDetail[]): ArticleDetail[] {
  const withLinks = articles.filter((a) => a.continuedTo !== undefined || a.partOfId !== undefined);
  if (!withLinks.length) return articles;
  const seconds = new Map(partsOf(db, withLinks.map((a) => a.id)).map((r) => [r.part_of, r]));
  for (const a of withLinks) {
    const s = seconds.get(a.id);
    if (s) a.continuation = { id: s.id, page: s.page ?? undefined, paragraphs: JSON.parse(s.paragraphs) as Paragraph[] };
    if (a.partOfId !== undefined) {
      const f = db.prepare('SELECT a.title, p.page FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?').get([a.partOfId]) as { title: string; page: number | null } | undefined;
      if (f) a.partOf = { id: a.partOfId, title: f.title, page: f.page ?? undefined };
    }
  }
  return articles;
}

/** What search indexes for an article: nothing for a second part, the whole text for a first part. */
export function searchable(a: ArticleDetail): ArticleDetail | null {
  if (a.partOfId !== undefined) return null;
  if (!a.continuation) return a;
  return { ...a, paragraphs: [...a.paragraphs, ...a.continuation.paragraphs] };
}
