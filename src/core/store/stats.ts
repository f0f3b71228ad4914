/** The archive's counts for the start page and `baoku stats`. */
import type { Db } from './handle';

export interface ArchiveCounts {
  /** Articles, the second part of a continued article counted with the first. */
  articles: number;
  firstDate?: string;
  lastDate?: string;
  papers: string[];
  /** Imports that added or replaced a page; duplicate and rejected attempts stay in the history only. */
  imports: number;
  tags: number;
}

export function archiveCounts(db: Db): ArchiveCounts {
  const r = db.prepare('SELECT COUNT(*) AS n, MIN(date) AS first, MAX(date) AS last FROM articles WHERE part_of IS NULL').get([]) as {
    n: number;
    first: string | null;
    last: string | null;
  };
  return {
    articles: r.n,
    firstDate: r.first ?? undefined,
    lastDate: r.last ?? undefined,
    papers: (db.prepare('SELECT name FROM papers ORDER BY name').all([]) as { name: string }[]).map((p) => p.name),
    imports: (db.prepare("SELECT COUNT(*) AS n FROM imports WHERE status IN ('imported', 'replaced')").get([]) as { n: number }).n,
    tags: (db.prepare('SELECT COUNT(*) AS n FROM tags').get([]) as { n: number }).n,
  };
}
