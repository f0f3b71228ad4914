/**
 * Saved searches: a query, its filters and sort under a name, in the order
 * the user put them, with a count of the articles that matched since the
 * search was last opened (the `+12` in the sidebar).
 *
 * They live in `archive.sqlite` (table `saved_searches`), so backup and
 * restore carry them with the articles.
 *
 * New-match counting — what "new" means and when it is counted:
 * - Article ids only grow: an import inserts a page's new articles before it
 *   deletes the ones they replace, so every article stored after a moment
 *   has an id above the largest id of that moment. Each saved search keeps
 *   that largest id from when it was last opened (or saved) as
 *   `seen_through`; its new articles are those with a larger id. (SQLite gives an
 *   id again only when the newest article was removed, by a re-import or
 *   reparse that dropped it, before anything newer was stored; the article
 *   that then takes that id is not counted as new. An article whose text was unchanged by a re-import keeps
 *   its id and is not new; one whose text changed is new.)
 * - Counting runs once at the end of each import run (a CLI `import`, an
 *   import job of the app; also after `reparse`), never while typing and
 *   never when the list is shown: the list reads the stored `new_count`.
 * - For each saved search the caller runs its query with the phrase and
 *   proximity checks (the part that reads article text from SQLite) limited
 *   to ids above `seen_through` and counts the matches above it
 *   (`Archive.countNewMatches`). The in-memory index lookup is the same as a
 *   search; the text reads cost only as much as the new articles. The count
 *   is recomputed from `seen_through`, not added to, so articles removed or
 *   re-read since are not counted twice or kept.
 * - Opening a search sets `seen_through` to the largest id now and the count
 *   to 0.
 */
import type { SavedSearch, SaveSearchRequest, SearchFilters, SortOrder } from '../../shared/api';
import { MAX_NAME_CHARS, MAX_SAVED_SEARCHES } from '../../shared/api-schema';
import { NotFound, UserError } from '../errors';
import { type Db, inTransaction } from './handle';

/** Migration 5 (shipped: never change; add a migration instead). */
export function createSavedSearchesTable(db: Db): void {
  db.exec(`
    CREATE TABLE saved_searches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      query TEXT NOT NULL,
      filters TEXT NOT NULL DEFAULT '{}',
      sort TEXT,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      last_opened_at TEXT,
      seen_through INTEGER NOT NULL DEFAULT 0,
      new_count INTEGER NOT NULL DEFAULT 0
    );
  `);
}

interface Row {
  id: number;
  name: string;
  query: string;
  filters: string;
  sort: string | null;
  position: number;
  created_at: string;
  last_opened_at: string | null;
  seen_through: number;
  new_count: number;
}

/** What counting needs of a saved search. */
export interface CountTarget {
  id: number;
  query: string;
  filters: SearchFilters;
  /** Articles with a larger id are new to this search. */
  seenThrough: number;
}

const SORTS: readonly SortOrder[] = ['relevance', 'date', 'date-asc'];

function parseFilters(json: string): SearchFilters {
  try {
    const f = JSON.parse(json) as unknown;
    return f && typeof f === 'object' && !Array.isArray(f) ? (f as SearchFilters) : {};
  } catch {
    return {};
  }
}

function toSaved(r: Row): SavedSearch {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    filters: parseFilters(r.filters),
    ...(r.sort && (SORTS as string[]).includes(r.sort) ? { sort: r.sort as SortOrder } : {}),
    position: r.position,
    createdAt: r.created_at,
    ...(r.last_opened_at ? { lastOpenedAt: r.last_opened_at } : {}),
    newCount: r.new_count,
  };
}

/** The name as stored: NFKC (full-width letters and digits as ASCII), spaces collapsed, trimmed. */
export function cleanSearchName(name: string): string {
  const n = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!n) throw new UserError('请给这个搜索起个名字');
  if (n.length > MAX_NAME_CHARS) throw new UserError(`名字太长：最多 ${MAX_NAME_CHARS} 个字`);
  return n;
}

function rows(db: Db): Row[] {
  return db.prepare('SELECT * FROM saved_searches ORDER BY position, id').all([]) as Row[];
}

function row(db: Db, id: number): Row {
  const r = db.prepare('SELECT * FROM saved_searches WHERE id = ?').get([id]) as Row | undefined;
  if (!r) throw new NotFound('没有这个保存的搜索（可能已被删除）');
  return r;
}

function nameTaken(db: Db, name: string, except?: number): void {
  const r = db.prepare('SELECT id FROM saved_searches WHERE name = ?').get([name]) as { id: number } | undefined;
  if (r && r.id !== except) throw new UserError(`已经有名为“${name}”的保存的搜索，请换一个名字`);
}

/** The largest article id now (0 for an empty archive): what a search opened now has seen. */
export function newestArticleId(db: Db): number {
  return Number((db.prepare('SELECT MAX(id) AS m FROM articles').get([]) as { m: number | null }).m ?? 0);
}

export function listSavedSearches(db: Db): SavedSearch[] {
  return rows(db).map(toSaved);
}

export function findSavedSearch(db: Db, name: string): SavedSearch | undefined {
  const r = db.prepare('SELECT * FROM saved_searches WHERE name = ?').get([cleanSearchName(name)]) as Row | undefined;
  return r && toSaved(r);
}

/** Save a search at the end of the list; it starts with no new articles. */
export function createSavedSearch(db: Db, req: SaveSearchRequest): SavedSearch {
  const name = cleanSearchName(req.name);
  return inTransaction(db, () => {
    nameTaken(db, name);
    const n = (db.prepare('SELECT COUNT(*) AS n, MAX(position) AS p FROM saved_searches').get([]) as { n: number; p: number | null });
    if (n.n >= MAX_SAVED_SEARCHES) throw new UserError(`最多保存 ${MAX_SAVED_SEARCHES} 个搜索，请先删除不用的`);
    const id = Number(
      db
        .prepare('INSERT INTO saved_searches (name, query, filters, sort, position, created_at, seen_through) VALUES (?,?,?,?,?,?,?)')
        .run([name, req.query.trim(), JSON.stringify(req.filters ?? {}), req.sort ?? null, (n.p ?? -1) + 1, new Date().toISOString(), newestArticleId(db)])
        .lastInsertRowid,
    );
    return toSaved(row(db, id));
  });
}

export function renameSavedSearch(db: Db, id: number, newName: string): SavedSearch {
  const name = cleanSearchName(newName);
  return inTransaction(db, () => {
    row(db, id);
    nameTaken(db, name, id);
    db.prepare('UPDATE saved_searches SET name = ? WHERE id = ?').run([name, id]);
    return toSaved(row(db, id));
  });
}

export function deleteSavedSearch(db: Db, id: number): void {
  inTransaction(db, () => {
    row(db, id);
    db.prepare('DELETE FROM saved_searches WHERE id = ?').run([id]);
    renumber(db, rows(db).map((r) => r.id));
  });
}

function renumber(db: Db, ids: number[]): void {
  const set = db.prepare('UPDATE saved_searches SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run([i, id]));
}

/** `ids` first, in that order; the saved searches not named keep their order after them. */
export function reorderSavedSearches(db: Db, ids: number[]): SavedSearch[] {
  return inTransaction(db, () => {
    const all = rows(db).map((r) => r.id);
    const known = new Set(all);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new NotFound('没有这个保存的搜索（可能已被删除）');
    if (new Set(ids).size !== ids.length) throw new UserError('新顺序里有重复的搜索');
    const named = new Set(ids);
    renumber(db, [...ids, ...all.filter((id) => !named.has(id))]);
    return listSavedSearches(db);
  });
}

/** The search to run; with `clear`, it is marked seen now (badge 0). */
export function openSavedSearch(db: Db, id: number, clear: boolean): SavedSearch & { newBeforeOpening: number } {
  const before = row(db, id);
  if (!clear) return { ...toSaved(before), newBeforeOpening: before.new_count };
  db.prepare('UPDATE saved_searches SET seen_through = ?, new_count = 0, last_opened_at = ? WHERE id = ?').run([
    newestArticleId(db),
    new Date().toISOString(),
    id,
  ]);
  return { ...toSaved(row(db, id)), newBeforeOpening: before.new_count };
}

/**
 * Store each saved search's count of new matches, from `count` (see the
 * header). Searches whose `seen_through` is the newest id have nothing new
 * and are not run. Returns the searches whose count changed.
 */
export function refreshNewCounts(db: Db, count: (t: CountTarget) => number): number {
  const newest = newestArticleId(db);
  const list = rows(db);
  const changes: [number, number][] = [];
  for (const r of list) {
    const n = r.seen_through >= newest ? 0 : count({ id: r.id, query: r.query, filters: parseFilters(r.filters), seenThrough: r.seen_through });
    if (n !== r.new_count) changes.push([r.id, n]);
  }
  if (changes.length) {
    const set = db.prepare('UPDATE saved_searches SET new_count = ? WHERE id = ?');
    inTransaction(db, () => changes.forEach(([id, n]) => set.run([n, id])));
  }
  return changes.length;
}
