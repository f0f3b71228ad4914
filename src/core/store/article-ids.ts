/**
 * Article ids are never given twice. Tags, corrections, their history, near-duplicate groups and
 * the operation log name articles by id; SQLite's own rowid choice (the highest id + 1) would give
 * the id of the article with the highest id to the next new one once that article is gone (merged
 * away, or a page re-read), and an undo of the merge would then meet a stranger under its id. The
 * highest id ever given is kept in `meta` (`article_id_high`); a new article gets the next one.
 */
import type { Db } from './handle';
import { getMeta, setMeta } from './meta';

const KEY = 'article_id_high';

/** A fresh article id, higher than every id given before. Call inside the insert's transaction. */
export function nextArticleId(db: Db): number {
  const max = (db.prepare('SELECT MAX(id) AS m FROM articles').get([]) as { m: number | null }).m ?? 0;
  const id = Math.max(max, Number(getMeta(db, KEY) ?? 0)) + 1;
  setMeta(db, KEY, String(id));
  return id;
}
