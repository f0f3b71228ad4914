/**
 * Reading articles, imports and clipping sets from the store (and writing clipping sets).
 */
import crypto from 'node:crypto';
import type { ArticleDetail, ClippingSet, ImportRecord, ImportFileStatus } from '../../shared/api';
import type { Db } from './db';
import { inTransaction } from './handle';
import { logClippingSet } from './oplog';
import { ARTICLE_INDEX_SELECT, ARTICLE_SELECT, rowToArticle, type ArticleRow } from './rows';
import { articleTags } from './tags';
import { attachContinuations } from './continuations';
import { NOT_A_PAGE } from '../ingest/page-shape';
import { NotFound } from '../errors';

export function getArticle(db: Db, id: number): ArticleDetail | null {
  const row = db.prepare(`${ARTICLE_SELECT} WHERE a.id = ?`).get([id]) as ArticleRow | undefined;
  return row ? attachContinuations(db, [rowToArticle(row, articleTags(db, id))])[0] : null;
}

/** Several articles in the order of `ids` (missing ones left out), in two queries per 500. */
export function getArticles(db: Db, ids: number[]): ArticleDetail[] {
  const byId = new Map<number, ArticleDetail>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    const rows = db.prepare(`${ARTICLE_SELECT} WHERE a.id IN (${marks})`).all(chunk) as ArticleRow[];
    const tags = new Map<number, ArticleDetail['tags']>();
    const tagRows = db
      .prepare(
        `SELECT at.article_id AS aid, t.kind, t.name, at.role, at.source FROM article_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.article_id IN (${marks}) ORDER BY at.article_id, t.kind, at.rowid`,
      )
      .all(chunk) as { aid: number; kind: 'reporter'; name: string; role: string | null; source: 'auto' }[];
    for (const t of tagRows) {
      const list = tags.get(t.aid) ?? [];
      list.push({ kind: t.kind, name: t.name, role: (t.role ?? undefined) as never, source: t.source });
      tags.set(t.aid, list);
    }
    for (const a of attachContinuations(db, rows.map((r) => rowToArticle(r, tags.get(r.id) ?? [])))) byId.set(a.id, a);
  }
  return ids.map((id) => byId.get(id)).filter((a): a is ArticleDetail => a !== undefined);
}

/**
 * Every article in id order, in batches. `columns: 'index'` reads only what the search index holds
 * (`ARTICLE_INDEX_SELECT`: no dateline, warnings, offsets or original reading), for rebuilds and checks.
 */
export function* iterateArticles(db: Db, batch = 2000, columns: 'all' | 'index' = 'all'): Generator<ArticleDetail[]> {
  const select = columns === 'index' ? ARTICLE_INDEX_SELECT : ARTICLE_SELECT;
  let last = 0;
  const tagStmt = db.prepare(
    `SELECT at.article_id AS aid, t.kind, t.name, at.role, at.source FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id > ? AND at.article_id <= ? ORDER BY at.article_id, t.kind, at.rowid`,
  );
  for (;;) {
    const rows = db.prepare(`${select} WHERE a.id > ? ORDER BY a.id LIMIT ?`).all([last, batch]) as ArticleRow[];
    if (!rows.length) return;
    const maxId = rows[rows.length - 1].id;
    const tags = new Map<number, ArticleDetail['tags']>();
    for (const t of tagStmt.all([last, maxId]) as { aid: number; kind: 'reporter'; name: string; role: string | null; source: 'auto' }[]) {
      const list = tags.get(t.aid) ?? [];
      list.push({ kind: t.kind, name: t.name, role: (t.role ?? undefined) as never, source: t.source });
      tags.set(t.aid, list);
    }
    yield attachContinuations(db, rows.map((r) => rowToArticle(r, tags.get(r.id) ?? [])));
    last = maxId;
  }
}

export function articleCount(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM articles').get([]) as { n: number }).n;
}

/**
 * The folded texts of articles, white space removed: kicker, title, subtitle, then each paragraph
 * (and the paragraphs of its continuation on another page, which search counts as the same
 * article); apart, what editors' corrections replaced (`replaced_text`), when there is any. What
 * search keeps in memory for phrases and proximity (`search/folded-texts.ts`).
 * `check` is called before each chunk of 500 (a search's budget: it throws to stop).
 */
export function foldedTexts(db: Db, ids: number[], fold: (s: string) => string, check?: () => void): Map<number, { parts: string[]; replaced?: string }> {
  const out = new Map<number, { parts: string[]; replaced?: string }>();
  const squeeze = (t: string) => fold(t).replace(/\s+/g, '');
  for (let i = 0; i < ids.length; i += 500) {
    check?.();
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    const rows = db
      .prepare(
        `SELECT id, kicker, title, subtitle, paragraphs, replaced_text,
           (SELECT group_concat(c.paragraphs, char(1)) FROM articles c WHERE c.part_of = articles.id) AS continued
         FROM articles WHERE id IN (${marks})`,
      )
      .all(chunk) as { id: number; kicker: string | null; title: string; subtitle: string | null; paragraphs: string; replaced_text: string | null; continued: string | null }[];
    for (const r of rows) {
      const paras = [r.paragraphs, ...(r.continued ? r.continued.split('\u0001') : [])].flatMap((j) => (JSON.parse(j) as { text: string }[]).map((p) => p.text));
      const parts = [r.kicker ?? '', r.title, r.subtitle ?? '', ...paras].map(squeeze);
      out.set(r.id, r.replaced_text ? { parts, replaced: squeeze(r.replaced_text) } : { parts });
    }
  }
  return out;
}

/** The imported text of the article (its span of the page), or of the whole page when the span is unknown. */
export function rawTextOf(db: Db, articleId: number): string | null {
  const r = db
    .prepare(
      `SELECT i.raw_text AS raw, a.char_start AS s, a.char_end AS e FROM articles a
       JOIN pages p ON p.id = a.page_id JOIN imports i ON i.id = p.import_id WHERE a.id = ?`,
    )
    .get([articleId]) as { raw: string | null; s: number | null; e: number | null } | undefined;
  if (!r?.raw) return null;
  if (r.s !== null && r.e !== null && r.e > r.s && r.e <= r.raw.length) return r.raw.slice(r.s, r.e);
  return r.raw;
}

export function listImports(db: Db, limit = 200): ImportRecord[] {
  return (
    db
      .prepare('SELECT id, file, hash, paper, date, page, status, articles, warnings, error, imported_at FROM imports ORDER BY id DESC LIMIT ?')
      .all([limit]) as {
      id: number;
      file: string;
      hash: string;
      paper: string | null;
      date: string | null;
      page: number | null;
      status: ImportFileStatus;
      articles: number;
      warnings: string;
      error: string | null;
      imported_at: string;
    }[]
  ).map((r) => ({
    id: r.id,
    file: r.file,
    hash: r.hash,
    paper: r.paper ?? undefined,
    date: r.date ?? undefined,
    page: r.page ?? undefined,
    status: r.status,
    ...(r.status === 'rejected' && r.error?.startsWith(NOT_A_PAGE) ? { notAPage: true } : {}),
    articles: r.articles,
    warnings: r.error ? [r.error, ...JSON.parse(r.warnings)] : JSON.parse(r.warnings),
    importedAt: r.imported_at,
  }));
}

export function listClippingSets(db: Db): ClippingSet[] {
  return (
    db.prepare('SELECT id, name, article_ids, updated_at FROM clipping_sets ORDER BY updated_at DESC').all([]) as {
      id: number;
      name: string;
      article_ids: string;
      updated_at: string;
    }[]
  ).map((r) => ({ id: r.id, name: r.name, articleIds: JSON.parse(r.article_ids), updatedAt: r.updated_at }));
}

/** Save a clipping set (new when it has no id), and record it for the shared archive. */
export function saveClippingSet(db: Db, set: ClippingSet): ClippingSet {
  return inTransaction(db, () => {
    const now = new Date().toISOString();
    const ids = JSON.stringify(set.articleIds);
    let id = set.id;
    let uid: string;
    if (id) {
      const row = db.prepare('SELECT uid FROM clipping_sets WHERE id = ?').get([id]) as { uid: string } | undefined;
      if (!row) throw new NotFound('没有这个剪报集（可能已被删除）');
      db.prepare('UPDATE clipping_sets SET name = ?, article_ids = ?, updated_at = ? WHERE id = ?').run([set.name, ids, now, id]);
      uid = row.uid;
    } else {
      uid = crypto.randomUUID();
      id = Number(db.prepare('INSERT INTO clipping_sets (name, article_ids, updated_at, uid) VALUES (?,?,?,?)').run([set.name, ids, now, uid]).lastInsertRowid);
    }
    logClippingSet(db, uid, set);
    return { ...set, id, updatedAt: now };
  });
}

export function deleteClippingSet(db: Db, id: number): void {
  inTransaction(db, () => {
    const row = db.prepare('SELECT uid FROM clipping_sets WHERE id = ?').get([id]) as { uid: string } | undefined;
    if (!row) return;
    db.prepare('DELETE FROM clipping_sets WHERE id = ?').run([id]);
    logClippingSet(db, row.uid, 'deleted');
  });
}

/**
 * A clipping set as another desk saved it (sync): made or replaced by its `uid`, with the articles
 * this desk has (in order), or deleted.
 */
export function putClippingSet(db: Db, uid: string, set: { name: string; articleIds: number[]; at: string } | 'deleted'): void {
  if (set === 'deleted') {
    db.prepare('DELETE FROM clipping_sets WHERE uid = ?').run([uid]);
    return;
  }
  const ids = JSON.stringify(set.articleIds);
  const r = db.prepare('UPDATE clipping_sets SET name = ?, article_ids = ?, updated_at = ? WHERE uid = ?').run([set.name, ids, set.at, uid]);
  if (r.changes === 0) db.prepare('INSERT INTO clipping_sets (name, article_ids, updated_at, uid) VALUES (?,?,?,?)').run([set.name, ids, set.at, uid]);
}

