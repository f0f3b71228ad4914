/**
 * Editors' corrections, with the parser's reading kept (issue 17).
 *
 * Model: an article as stored = the parser's reading + the active corrections of its page, applied
 * in order. Each correction is one row of `corrections` (who, when, which field, before/after as
 * JSON); the parser's reading of a corrected article stays in `articles.original` (its columns as
 * the parser wrote them), so 原文对照 can show the difference and everything can be taken back:
 * - a new correction is applied to the stored article (`correction-ops.ts`), in one transaction;
 * - undo marks it undone, puts the page's articles back to their readings and applies the rest
 *   again (`correction-replay.ts`);
 * - re-import and reparse do the same around their own work: the page goes back to the parser's
 *   reading, the new reading is stored as before (ids kept by content), and the corrections are
 *   applied again. One that no longer fits (the field no longer says what it said when it was
 *   corrected, the article was read differently or is gone) is not applied: it is flagged
 *   `需复核` (`review`) and the article carries a warning saying so.
 * The search index indexes the corrected text and, besides, the stretches a text correction
 * replaced (`articles.replaced_text`, see `replacedStretch`), so an OCR-like misreading an editor
 * fixed is still found by its wrong form.
 */
import type { Db } from './handle';
import { changeAuthor } from './oplog';

/** Migration: the corrections table and the article columns they need. */
export function migrateCorrections(db: Db): void {
  db.exec(`
    -- The parser's reading of a corrected article (its columns, JSON); NULL: never corrected (or all undone).
    ALTER TABLE articles ADD COLUMN original TEXT;
    -- What text corrections replaced (a stretch around each change, one a line): search finds the old forms.
    ALTER TABLE articles ADD COLUMN replaced_text TEXT;
    -- An editor's page number for this article (the page's own stays on the page).
    ALTER TABLE articles ADD COLUMN page_fix INTEGER;
    CREATE INDEX articles_corrected ON articles(id) WHERE original IS NOT NULL;
    -- No foreign key on article_id: a correction outlives its article (re-import) to be reviewed.
    CREATE TABLE corrections (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL,
      page_id INTEGER NOT NULL,
      field TEXT NOT NULL,
      before TEXT,
      after TEXT,
      author TEXT NOT NULL DEFAULT 'editor',
      created_at TEXT NOT NULL,
      undone_at TEXT,
      -- Why it is not applied (需复核: it no longer fits the article as read again); NULL when applied or undone.
      review TEXT,
      -- 1 while its change stands in the article rows (what putting the page back must take back).
      applied INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX corrections_article ON corrections(article_id);
    CREATE INDEX corrections_page ON corrections(page_id);
  `);
}

/** The fields a correction can change; `paragraph:N` is paragraph N (from 0). */
export type FieldName = 'title' | 'kicker' | 'subtitle' | `paragraph:${number}` | 'caption' | 'people' | 'dateline' | 'date' | 'page' | 'merge-prev' | 'merge-next' | 'split-at';

export interface CorrectionRow {
  id: number;
  article_id: number;
  page_id: number;
  field: string;
  before: string | null;
  after: string | null;
  author: string;
  created_at: string;
  undone_at: string | null;
  review: string | null;
  applied: number;
}

export function insertCorrection(db: Db, c: { articleId: number; pageId: number; field: string; before: unknown; after: unknown; author?: string }): number {
  return Number(
    db
      .prepare('INSERT INTO corrections (article_id, page_id, field, before, after, author, created_at) VALUES (?,?,?,?,?,?,?)')
      .run([c.articleId, c.pageId, c.field, JSON.stringify(c.before ?? null), JSON.stringify(c.after ?? null), c.author ?? changeAuthor(db), new Date().toISOString()])
      .lastInsertRowid,
  );
}

export function correctionById(db: Db, id: number): CorrectionRow | undefined {
  return db.prepare('SELECT * FROM corrections WHERE id = ?').get([id]) as CorrectionRow | undefined;
}

/** The active (not undone) corrections of a page, oldest first: the order they are applied in. */
export function activeCorrections(db: Db, pageId: number): CorrectionRow[] {
  return db.prepare('SELECT * FROM corrections WHERE page_id = ? AND undone_at IS NULL ORDER BY id').all([pageId]) as CorrectionRow[];
}

export function pagesWithCorrections(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT page_id FROM corrections').all([]) as { page_id: number }[]).map((r) => r.page_id);
}

/** Articles the archive holds with at least one correction applied. */
export function correctedCount(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM articles WHERE original IS NOT NULL').get([]) as { n: number }).n;
}

/**
 * The stretch of `before` a text correction replaced, with up to `context` characters either side:
 * `淄搏高新区` → `淄博高新区` keeps `淄搏高新区`. Indexed with the corrected article, so the wrong form
 * is still found; only the changed stretch (not the whole old paragraph), so the words the correction
 * left as they were are not counted twice. Empty when nothing was replaced (text only added).
 */
export function replacedStretch(before: string, after: string, context = 6): string {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  if (p + s >= before.length) return '';
  return before.slice(Math.max(0, p - context), Math.min(before.length, before.length - s + context));
}
