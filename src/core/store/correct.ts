/**
 * What an editor does to an article (correct a field, merge, split, undo) and what they can see
 * (history, the parser's reading): each change one transaction that records the correction,
 * applies it, and bumps the search generation. The model is in `corrections.ts`, the row work in
 * `correction-ops.ts`; the service re-indexes `changed` and `removed`.
 */
import type { ArticleCorrection, CorrectionRecord, OriginalReading, Paragraph } from '../../shared/api';
import { BadInput, NotFound } from '../errors';
import { type Db, inTransaction } from './db';
import { bumpGeneration } from './meta';
import { rawTextOf } from './articles';
import { activeCorrections, correctionById, insertCorrection, type CorrectionRow } from './corrections';
import { applyCorrection, articleRow, fieldValue, nextOnPage, previousOnPage, type Row } from './correction-ops';
import { fieldLabel, replayPage, revertPage } from './correction-replay';
import { logCorrection, logCorrectionUndo } from './oplog';

export interface Outcome {
  /** The article the result is about (after a merge: the first one, which took the other in). */
  articleId: number;
  correctionIds: number[];
  changed: number[];
  removed: number[];
  /** Corrections that no longer fit after an undo (`需复核`). */
  reviews: string[];
  newId?: number;
}

function existing(db: Db, id: number): Row {
  const r = articleRow(db, id);
  if (!r) throw new NotFound('没有这篇文章');
  return r;
}

/** Record and apply one correction (it must fit: it is made on the article as it is now). */
function record(db: Db, r: Row, field: string, before: unknown, after: unknown, author?: string): { id: number; changed: number[]; removed: number[] } {
  const id = insertCorrection(db, { articleId: r.id, pageId: r.page_id, field, before, after, author });
  logCorrection(db, id, r.id, field, before, after); // the op for the shared archive (named as the articles are before it)
  const applied = applyCorrection(db, correctionById(db, id)!);
  if (!applied.ok) throw new BadInput(`校对未能应用：${applied.reason}`);
  db.prepare('UPDATE corrections SET applied = 1 WHERE id = ?').run([id]);
  return { id, changed: applied.changed, removed: applied.removed };
}

/** The fields of `ArticleCorrection` as correction fields and values, in the order they are applied. */
function fieldsOf(c: ArticleCorrection): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (c.kicker !== undefined) out.push(['kicker', c.kicker?.trim() || null]);
  if (c.title !== undefined) {
    if (!c.title.trim()) throw new BadInput('标题不能为空');
    out.push(['title', c.title.trim()]);
  }
  if (c.subtitle !== undefined) out.push(['subtitle', c.subtitle?.trim() || null]);
  for (const p of c.paragraphs ?? []) out.push([`paragraph:${p.index}`, p.text]);
  if (c.caption !== undefined) out.push(['caption', c.caption]);
  if (c.people !== undefined) out.push(['people', c.people]);
  if (c.dateline !== undefined) out.push(['dateline', c.dateline]);
  if (c.date !== undefined) out.push(['date', c.date]);
  if (c.page !== undefined) out.push(['page', c.page]);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Correct fields of an article: one correction per field that changes. */
export function correctArticle(db: Db, id: number, c: ArticleCorrection, author?: string): Outcome {
  const fields = fieldsOf(c);
  if (!fields.length) throw new BadInput('没有要校对的内容');
  return inTransaction(db, () => {
    const out: Outcome = { articleId: id, correctionIds: [], changed: [], removed: [], reviews: [] };
    for (const [field, value] of fields) {
      const r = existing(db, id);
      const before = fieldValue(db, r, field);
      const para = /^paragraph:(\d+)$/.exec(field);
      if (para && before === null) throw new BadInput(`没有第 ${Number(para[1]) + 1} 段`);
      if (field === 'caption' && before === null) throw new BadInput('这篇文章没有图片说明');
      if (same(before, value)) continue;
      const done = record(db, r, field, before, value, author);
      out.correctionIds.push(done.id);
      out.changed.push(...done.changed);
    }
    if (!out.correctionIds.length) throw new BadInput('内容没有变化');
    bumpGeneration(db);
    return out;
  });
}

/** Merge an article with the one before or after it on the page; the first one keeps its id and tags. */
export function mergeArticles(db: Db, id: number, direction: 'prev' | 'next', author?: string): Outcome {
  return inTransaction(db, () => {
    const r = existing(db, id);
    const first = direction === 'prev' ? previousOnPage(db, r) : r;
    const second = direction === 'prev' ? r : nextOnPage(db, r);
    if (!first || !second) throw new BadInput(direction === 'prev' ? '这是本版第一篇文章，前面没有可合并的文章' : '这是本版最后一篇文章，后面没有可合并的文章');
    if (first.part_of !== null || second.part_of !== null || second.continued_from !== null)
      throw new BadInput('转版续接的文章不能合并');
    const before = { absorbed: { row: { id: second.id, content_hash: second.content_hash }, tags: [] } };
    const done = record(db, first, direction === 'prev' ? 'merge-prev' : 'merge-next', before, null, author);
    bumpGeneration(db);
    return { articleId: first.id, correctionIds: [done.id], changed: done.changed, removed: done.removed, reviews: [] };
  });
}

/** Split an article before paragraph `at` (from 0): the paragraphs from there on become a new article. */
export function splitArticle(db: Db, id: number, at: number, author?: string): Outcome {
  return inTransaction(db, () => {
    const r = existing(db, id);
    const ps = JSON.parse(String(r.paragraphs)) as Paragraph[];
    if (!Number.isInteger(at) || at < 1 || at >= ps.length) throw new BadInput(`只能在第 2 段到第 ${ps.length} 段之间拆分（这篇共 ${ps.length} 段）`);
    const done = record(db, r, 'split-at', { at, count: ps.length, text: ps[at].text, hash: r.content_hash }, null, author);
    bumpGeneration(db);
    const newId = done.changed.find((x) => x !== id);
    return { articleId: id, correctionIds: [done.id], changed: done.changed, removed: done.removed, reviews: [], newId };
  });
}

/** Undo a correction: the page back to the parser's reading, the others applied again. */
export function undoCorrection(db: Db, correctionId: number): Outcome {
  return inTransaction(db, () => {
    const c = correctionById(db, correctionId);
    if (!c) throw new NotFound('没有这条校对记录');
    if (c.undone_at) throw new BadInput('这条校对已经撤销了');
    // A later correction of the same place was made on this one's result: it goes first.
    const later = db
      .prepare("SELECT id FROM corrections WHERE article_id = ? AND field = ? AND id > ? AND undone_at IS NULL AND field NOT IN ('merge-next','merge-prev','split-at') ORDER BY id DESC LIMIT 1")
      .get([c.article_id, c.field, c.id]) as { id: number } | undefined;
    if (later) throw new BadInput(`之后对同一处（${fieldLabel(c.field)}）还有校对（第 ${later.id} 号），请先撤销那一条`);
    db.prepare('UPDATE corrections SET undone_at = ?, review = NULL WHERE id = ?').run([new Date().toISOString(), c.id]);
    logCorrectionUndo(db, c.id);
    const reverted = revertPage(db, c.page_id);
    const replayed = replayPage(db, c.page_id, reverted);
    bumpGeneration(db);
    const removed = [...new Set([...reverted.removed, ...replayed.removed])];
    const changed = [...new Set([...reverted.changed, ...replayed.changed])];
    return { articleId: c.article_id, correctionIds: [c.id], changed, removed, reviews: replayed.reviews };
  });
}

function toRecord(c: CorrectionRow): CorrectionRecord {
  return {
    id: c.id,
    articleId: c.article_id,
    field: c.field,
    label: fieldLabel(c.field),
    before: summary(c.field, c.before, 'before'),
    after: summary(c.field, c.after, 'after'),
    author: c.author,
    createdAt: c.created_at,
    ...(c.undone_at ? { undoneAt: c.undone_at } : {}),
    ...(c.review ? { review: c.review } : {}),
    applied: c.applied === 1,
  };
}

/** Before/after as the history shows them: the value, or for merges and splits what they moved. */
function summary(field: string, json: string | null, side: 'before' | 'after'): unknown {
  const v = json === null ? null : JSON.parse(json);
  if (field === 'merge-next' || field === 'merge-prev') {
    if (side === 'after') return null;
    const row = (v as { absorbed: { row: { id: number; title?: string } } }).absorbed.row;
    return { id: row.id, title: row.title };
  }
  return v;
}

/** Every correction of an article (and the split that made it, for a split-off part), oldest first. */
export function correctionHistory(db: Db, id: number): CorrectionRecord[] {
  const rows = db
    .prepare("SELECT * FROM corrections WHERE article_id = ? OR (field = 'split-at' AND json_extract(after, '$.newId') = ?) ORDER BY id")
    .all([id, id]) as CorrectionRow[];
  return rows.map(toRecord);
}

/** The parser's reading beside the corrected article (原文对照). */
export function originalReading(db: Db, id: number): OriginalReading {
  const r = existing(db, id);
  const o = r.original ? { ...r, ...(JSON.parse(r.original) as Partial<Row>) } : r;
  const page = (db.prepare('SELECT page FROM pages WHERE id = ?').get([r.page_id]) as { page: number | null }).page;
  const merged = activeCorrections(db, r.page_id)
    .filter((c) => c.article_id === id && c.applied === 1 && c.field.startsWith('merge-'))
    .map((c) => (JSON.parse(c.before!) as { absorbed: { row: Row } }).absorbed.row)
    .map((m) => ({ id: m.id, title: String(m.title), paragraphs: JSON.parse(String(m.paragraphs)) as Paragraph[] }));
  const split = db.prepare("SELECT article_id FROM corrections WHERE field = 'split-at' AND applied = 1 AND json_extract(after, '$.newId') = ?").get([id]) as
    | { article_id: number }
    | undefined;
  return {
    corrected: r.original !== null,
    kicker: (o.kicker as string | null) ?? undefined,
    title: String(o.title),
    subtitle: (o.subtitle as string | null) ?? undefined,
    dateline: o.dateline ? JSON.parse(String(o.dateline)) : undefined,
    paragraphs: JSON.parse(String(o.paragraphs)) as Paragraph[],
    byline: o.byline ? JSON.parse(String(o.byline)) : undefined,
    date: (o.date as string | null) ?? undefined,
    page: (o.page_fix as number | null) ?? page ?? undefined,
    merged,
    ...(split ? { splitFrom: split.article_id } : {}),
    rawText: rawTextOf(db, id),
  };
}
