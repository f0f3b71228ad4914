/**
 * Putting a page back to the parser's reading and applying its corrections again: around an undo,
 * a re-import of a changed page and `reparse` (see `corrections.ts` for the model, `correction-ops.ts`
 * for what each correction does). Everything here runs inside the caller's transaction.
 */
import type { Byline } from '../../shared/types';
import type { Db } from './db';
import { applyAutoTags } from './tags';
import type { CorrectionRow } from './corrections';
import { REVIEW_WARNING, applyCorrection, articleRow, freeId, insertRow, tagsOf, writeCols, type Cols, type Row, type Snapshot, type TagRow } from './correction-ops';

export interface Reverted {
  /** Each article's span on the page (to find the successor of one a new reading replaces). */
  spans: Map<number, [number, number]>;
  /** Editors' tags of split-off parts, put back when the split is applied again. */
  tags: { article_id: number; tag_id: number; role: string | null; source: string }[];
  changed: number[];
  removed: number[];
  /** `keepParts`: the split-off parts left in the rows (the store removes them; not counted as removed articles). */
  parts: number[];
}

/**
 * Put a page's articles back to the parser's reading: the applied corrections taken back, newest
 * first. `keepParts` (before a new reading is stored): parts split off stay in the rows, so the new
 * reading's articles take other ids; the store removes them as rows it does not read again, and
 * the split, applied again, puts each back under its own id.
 */
export function revertPage(db: Db, pageId: number, keepParts = false): Reverted {
  const out: Reverted = { spans: new Map(), tags: [], changed: [], removed: [], parts: [] };
  const rows = db.prepare('SELECT * FROM articles WHERE page_id = ?').all([pageId]) as Row[];
  for (const r of rows) {
    const warnings = JSON.parse(String(r.warnings)) as string[];
    const clean = warnings.filter((w) => !w.startsWith(REVIEW_WARNING));
    if (r.original) {
      const o = JSON.parse(r.original) as Cols;
      writeCols(db, r.id, { ...o, original: null, replaced_text: null });
      if (o.byline !== r.byline) {
        db.prepare("DELETE FROM article_tags WHERE article_id = ? AND source = 'auto'").run([r.id]);
        if (o.byline) applyAutoTags(db, r.id, { byline: JSON.parse(String(o.byline)) as Byline } as never);
      }
      out.changed.push(r.id);
    } else if (clean.length !== warnings.length) {
      db.prepare('UPDATE articles SET warnings = ? WHERE id = ?').run([JSON.stringify(clean), r.id]);
      out.changed.push(r.id);
    }
  }
  const applied = db.prepare("SELECT * FROM corrections WHERE page_id = ? AND applied = 1 AND field IN ('merge-next','merge-prev','split-at') ORDER BY id DESC").all([pageId]) as CorrectionRow[];
  for (const c of applied) {
    if (c.field === 'split-at') {
      const id = (JSON.parse(c.after ?? 'null') as { newId?: number } | null)?.newId;
      const part = id === undefined ? undefined : articleRow(db, id);
      if (!part) continue;
      out.tags.push(...tagsOf(db, part.id).filter((t) => t.source === 'manual').map((t) => ({ ...t, article_id: part.id })));
      if (keepParts) {
        out.parts.push(part.id);
        continue;
      }
      db.prepare('DELETE FROM articles WHERE id = ?').run([part.id]);
      db.prepare('UPDATE articles SET seq = seq - 1 WHERE page_id = ? AND seq > ?').run([pageId, part.seq]);
      out.removed.push(part.id);
    } else {
      const { absorbed } = JSON.parse(c.before ?? 'null') as { absorbed: Snapshot };
      const { tagsAdded } = JSON.parse(c.after ?? 'null') as { tagsAdded: TagRow[] };
      const del = db.prepare('DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?');
      for (const t of tagsAdded ?? []) del.run([c.article_id, t.tag_id]);
      const id = freeId(db, absorbed.row.id, pageId, 'id < ?', c.id)!;
      if (id !== absorbed.row.id) {
        absorbed.row.id = id;
        db.prepare('UPDATE corrections SET before = ? WHERE id = ?').run([JSON.stringify({ absorbed }), c.id]);
      }
      insertRow(db, id, { ...absorbed.row, page_id: pageId });
      const ins = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, role, source) SELECT ?, id, ?, ? FROM tags WHERE id = ?');
      for (const t of absorbed.tags) ins.run([id, t.role, t.source, t.tag_id]);
      out.changed.push(id);
    }
  }
  db.prepare('UPDATE corrections SET applied = 0 WHERE page_id = ? AND applied = 1').run([pageId]);
  for (const r of db.prepare('SELECT id, char_start AS s, char_end AS e FROM articles WHERE page_id = ?').all([pageId]) as { id: number; s: number | null; e: number | null }[])
    if (r.s !== null && r.e !== null) out.spans.set(r.id, [r.s, r.e]);
  return out;
}

export interface Replayed {
  changed: number[];
  removed: number[];
  /** One line for each correction that no longer fits (`需复核`). */
  reviews: string[];
}

const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  kicker: '引题',
  subtitle: '副题',
  caption: '图片说明',
  people: '署名',
  dateline: '电头',
  date: '日期',
  page: '版次',
  'merge-prev': '与上一篇合并',
  'merge-next': '与下一篇合并',
  'split-at': '拆分',
};

export function fieldLabel(field: string): string {
  const p = /^paragraph:(\d+)$/.exec(field);
  return p ? `第 ${Number(p[1]) + 1} 段` : (FIELD_NAMES[field] ?? field);
}

/**
 * Apply a page's active corrections again, oldest first. A correction whose article is gone moves
 * to the article of the new reading that covers most of the old one's span (`reverted.spans`).
 */
export function replayPage(db: Db, pageId: number, reverted?: Reverted): Replayed {
  const out: Replayed = { changed: [], removed: [], reviews: [] };
  const corrections = db.prepare('SELECT * FROM corrections WHERE page_id = ? AND undone_at IS NULL ORDER BY id').all([pageId]) as CorrectionRow[];
  const setState = db.prepare('UPDATE corrections SET applied = ?, review = ? WHERE id = ?');
  for (const c0 of corrections) {
    const c = db.prepare('SELECT * FROM corrections WHERE id = ?').get([c0.id]) as CorrectionRow;
    if (!articleRow(db, c.article_id) && reverted?.spans.has(c.article_id)) {
      const [s, e] = reverted.spans.get(c.article_id)!;
      const heir = db
        .prepare(
          `SELECT id, MIN(char_end, ?) - MAX(char_start, ?) AS o FROM articles WHERE page_id = ? AND char_start IS NOT NULL AND char_end IS NOT NULL
           ORDER BY o DESC LIMIT 1`,
        )
        .get([e, s, pageId]) as { id: number; o: number } | undefined;
      if (heir && heir.o > 0) {
        db.prepare('UPDATE corrections SET article_id = ? WHERE article_id = ? AND page_id = ?').run([heir.id, c.article_id, pageId]);
        c.article_id = heir.id;
      }
    }
    const r = applyCorrection(db, c);
    setState.run([r.ok ? 1 : 0, r.ok ? null : `${REVIEW_WARNING}：${r.reason}`, c.id]);
    out.changed.push(...r.changed);
    out.removed.push(...r.removed);
    if (!r.ok) {
      const line = `${REVIEW_WARNING}：第 ${c.id} 号校对（${fieldLabel(c.field)}）${r.reason}，未再应用`;
      out.reviews.push(line);
      const art = articleRow(db, c.article_id);
      if (art) {
        const w = JSON.parse(String(art.warnings)) as string[];
        db.prepare('UPDATE articles SET warnings = ? WHERE id = ?').run([JSON.stringify([...w, line]), art.id]);
        out.changed.push(art.id);
      }
    }
  }
  const ins = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, role, source) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)');
  for (const t of reverted?.tags ?? []) ins.run([t.article_id, t.tag_id, t.role, t.source, t.article_id]);
  return out;
}

