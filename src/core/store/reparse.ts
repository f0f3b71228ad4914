/**
 * Reading stored pages again with a newer parser (`baoku reparse`).
 *
 * The raw text of every imported page is kept, so a parser change can be applied to the whole
 * archive without importing anything by hand. For each page, in one transaction:
 * - an article whose content is unchanged keeps its id and every tag;
 * - an article the new reading changed (a boundary moved, a headline read better) takes the id of
 *   the old article it overlaps most (over half its span): its editors' tags stay, its byline
 *   tags are read again;
 * - a new article gets a new id; an old article with no successor is removed, and its editors'
 *   tags move to the new article that covers most of its text.
 */
import type { ParsedArticle } from '../../shared/types';
import { type Db, inTransaction } from './db';
import { linkContinuations } from './continuations';
import { bumpGeneration } from './meta';
import { articleDate } from './dates';
import { contentHash, insertArticle, rewriteArticle, updateKeptArticle } from './pages';
import { replayPage, revertPage } from './correction-replay';

export interface StoredPage {
  id: number;
  file: string;
  rawText: string;
  paper?: string;
  date?: string;
  page?: number;
  parserVersion: number;
}

/** Pages whose stored raw text was read by a parser older than `version` (every page with `all`). */
export function pagesToReparse(db: Db, version: number, all = false): StoredPage[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.file, i.raw_text AS raw, pp.name AS paper, p.date, p.page, p.parser_version AS v
       FROM pages p JOIN imports i ON i.id = p.import_id LEFT JOIN papers pp ON pp.id = p.paper_id
       WHERE i.raw_text IS NOT NULL AND (? OR p.parser_version < ?) ORDER BY p.id`,
    )
    .all([all ? 1 : 0, version]) as { id: number; file: string; raw: string; paper: string | null; date: string | null; page: number | null; v: number }[];
  return rows.map((r) => ({ id: r.id, file: r.file, rawText: r.raw, paper: r.paper ?? undefined, date: r.date ?? undefined, page: r.page ?? undefined, parserVersion: r.v }));
}

/** How many pages still carry an older parser's reading. */
export function countPagesToReparse(db: Db, version: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM pages WHERE parser_version < ?').get([version]) as { n: number }).n;
}

export interface PageReparse {
  unchanged: number;
  rewritten: number;
  added: number;
  removed: number;
  /** Articles whose index entries must be rebuilt, and those that left the archive. */
  changedIds: number[];
  removedIds: number[];
  /** Editors' corrections that no longer fit the new reading (`需复核：…`). */
  reviews: string[];
}

interface OldArticle {
  id: number;
  content_hash: string;
  char_start: number | null;
  char_end: number | null;
}

const overlap = (a: { s: number; e: number }, b: { s: number; e: number }) => Math.max(0, Math.min(a.e, b.e) - Math.max(a.s, b.s));

/** Store a page's new reading over its old one (see the module comment). */
export function reparsePage(db: Db, page: StoredPage, articles: ParsedArticle[], version: number): PageReparse {
  return inTransaction(db, () => {
    const now = new Date().toISOString();
    // Editors' corrections are taken back first and applied again at the end (see corrections.ts).
    const reverted = revertPage(db, page.id, true);
    const old = db.prepare('SELECT id, content_hash, char_start, char_end FROM articles WHERE page_id = ? ORDER BY seq').all([page.id]) as OldArticle[];
    const span = (x: { char_start: number | null; char_end: number | null }) => ({ s: x.char_start ?? 0, e: x.char_end ?? 0 });
    const used = new Set<number>();
    const out: PageReparse = { unchanged: 0, rewritten: 0, added: 0, removed: 0, changedIds: [], removedIds: [], reviews: [] };
    const target: (number | undefined)[] = articles.map((a) => {
      const hash = contentHash(a);
      const same = old.find((o) => !used.has(o.id) && o.content_hash === hash);
      if (same) used.add(same.id);
      return same?.id;
    });
    const newIds: number[] = [];
    articles.forEach((a, seq) => {
      const dating = articleDate(page.date, a.dateline, page.rawText);
      const keep = target[seq];
      if (keep !== undefined) {
        updateKeptArticle(db, keep, seq, a, dating);
        out.unchanged++;
        newIds.push(keep);
        out.changedIds.push(keep);
        return;
      }
      const s = { s: a.charStart ?? 0, e: a.charEnd ?? 0 };
      let best: OldArticle | undefined;
      for (const o of old) if (!used.has(o.id) && overlap(s, span(o)) > (best ? overlap(s, span(best)) : 0)) best = o;
      if (best && overlap(s, span(best)) * 2 > s.e - s.s) {
        used.add(best.id);
        rewriteArticle(db, best.id, seq, a, dating, now);
        out.rewritten++;
        newIds.push(best.id);
        out.changedIds.push(best.id);
        return;
      }
      const id = insertArticle(db, page.id, seq, a, dating, now);
      out.added++;
      newIds.push(id);
      out.changedIds.push(id);
    });
    // Old articles with no successor: their editors' tags go to the new article covering most of them.
    const moveTags = db.prepare(
      "INSERT OR IGNORE INTO article_tags (article_id, tag_id, role, source) SELECT ?, tag_id, role, source FROM article_tags WHERE article_id = ? AND source = 'manual'",
    );
    for (const o of old) {
      if (used.has(o.id)) continue;
      let heir = -1;
      let most = 0;
      articles.forEach((a, i) => {
        const n = overlap({ s: a.charStart ?? 0, e: a.charEnd ?? 0 }, span(o));
        if (n > most) [heir, most] = [i, n];
      });
      if (heir >= 0) moveTags.run([newIds[heir], o.id]);
      db.prepare('DELETE FROM articles WHERE id = ?').run([o.id]);
      // A part an editor split off is not the parser's: it comes back when the split is applied again.
      if (reverted.parts.includes(o.id)) {
        out.removedIds.push(o.id);
        continue;
      }
      out.removed++;
      out.removedIds.push(o.id);
    }
    for (const id of linkContinuations(db, page.id)) if (!out.changedIds.includes(id) && !out.removedIds.includes(id)) out.changedIds.push(id);
    const replayed = replayPage(db, page.id, reverted);
    for (const id of [...reverted.removed, ...replayed.removed]) if (!out.removedIds.includes(id)) out.removedIds.push(id);
    for (const id of replayed.changed) if (!out.changedIds.includes(id)) out.changedIds.push(id);
    out.reviews = replayed.reviews;
    db.prepare('UPDATE pages SET parser_version = ? WHERE id = ?').run([version, page.id]);
    bumpGeneration(db);
    return out;
  });
}
