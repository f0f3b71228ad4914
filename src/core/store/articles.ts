/**
 * Reading articles, imports and clipping sets from the store (and writing clipping sets).
 */
import crypto from 'node:crypto';
import type { ArticleDetail, ClippingSet, ImportRecord, ImportFileStatus } from '../../shared/api';
import type { Db } from './db';
import { inTransaction } from './handle';
import { logClippingSet } from './oplog';
import { ARTICLE_SELECT, rowToArticle, type ArticleRow } from './rows';
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

/** Every article in id order, in batches (for index rebuilds). */
export function* iterateArticles(db: Db, batch = 2000): Generator<ArticleDetail[]> {
  let last = 0;
  const tagStmt = db.prepare(
    `SELECT at.article_id AS aid, t.kind, t.name, at.role, at.source FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id > ? AND at.article_id <= ? ORDER BY at.article_id, t.kind, at.rowid`,
  );
  for (;;) {
    const rows = db.prepare(`${ARTICLE_SELECT} WHERE a.id > ? ORDER BY a.id LIMIT ?`).all([last, batch]) as ArticleRow[];
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
 * The folded texts of articles, spaces removed: kicker, title, subtitle, then each paragraph (and
 * the paragraphs of its continuation on another page, which search counts as the same article).
 * `check` is called before each chunk of 500 (a search's budget: it throws to stop).
 */
export function articleTexts(db: Db, ids: number[], fold: (s: string) => string, check?: () => void): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    check?.();
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    const rows = db
      .prepare(
        `SELECT id, kicker, title, subtitle, paragraphs,
           (SELECT group_concat(c.paragraphs, char(1)) FROM articles c WHERE c.part_of = articles.id) AS continued
         FROM articles WHERE id IN (${marks})`,
      )
      .all(chunk) as { id: number; kicker: string | null; title: string; subtitle: string | null; paragraphs: string; continued: string | null }[];
    for (const r of rows) {
      const paras = [r.paragraphs, ...(r.continued ? r.continued.split('\u0001') : [])].flatMap((j) => (JSON.parse(j) as { text: string }[]).map((p) => p.text));
      const parts = [r.kicker ?? '', r.title, r.subtitle ?? '', ...paras];
      out.set(r.id, parts.map((t) => fold(t).replace(/\s+/g, '')));
    }
  }
  return out;
}

/** Phrases of Han characters only: folding (NFKC, lower case) leaves them and the text around them as they are. */
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** A column with spaces and line breaks removed, in SQL. */
const squeezed = (col: string) => `replace(replace(replace(replace(coalesce(${col}, ''), ' ', ''), char(12288), ''), char(10), ''), char(13), '')`;
/**
 * The phrase (?1) in title, kicker, subtitle or a paragraph. Paragraphs are
 * JSON (line breaks escaped), usually without spaces: they are squeezed only
 * when the phrase is not found as it is and they do hold a space.
 */
const PHRASE_SQL = `instr(paragraphs, ?1) > 0 OR instr(${squeezed('title')}, ?1) > 0 OR instr(${squeezed('kicker')}, ?1) > 0 OR instr(${squeezed('subtitle')}, ?1) > 0
  OR ((instr(paragraphs, ' ') > 0 OR instr(paragraphs, char(12288)) > 0) AND instr(replace(replace(paragraphs, ' ', ''), char(12288), ''), ?1) > 0)
  OR EXISTS (SELECT 1 FROM articles c WHERE c.part_of = articles.id AND instr(replace(replace(c.paragraphs, ' ', ''), char(12288), ''), ?1) > 0)
  OR instr(${squeezed('replaced_text')}, ?1) > 0`;

/**
 * Which of `ids` contain `phrase` (folded, no spaces) in their title or in
 * one paragraph (or in what an editor's correction replaced, `replaced_text`), spaces and line breaks ignored. A phrase of Han characters
 * is looked for by SQLite (`instr`) without reading the text into
 * JavaScript; any other phrase (Latin, digits: the stored text may hold
 * full-width forms or capitals) is looked for in the folded text here.
 * `check` is called before each chunk of 500 (a search's budget: it throws to stop).
 */
export function articlesContaining(db: Db, ids: number[], phrase: string, fold: (s: string) => string, check?: () => void): Set<number> {
  const found = new Set<number>();
  if (!HAN_ONLY.test(phrase)) {
    for (const [id, texts] of articleTexts(db, ids, fold, check)) if (texts.some((t) => t.includes(phrase))) found.add(id);
    return found;
  }
  // In id order: neighbouring rows share database pages.
  const sorted = [...ids].sort((a, b) => a - b);
  const stmt = phraseStatement(db);
  for (let i = 0; i < sorted.length; i += PHRASE_CHUNK) {
    check?.();
    const chunk = sorted.slice(i, i + PHRASE_CHUNK);
    // Always PHRASE_CHUNK ids (0 is no article's id): one statement, prepared once.
    while (chunk.length < PHRASE_CHUNK) chunk.push(0);
    const rows = stmt.all([phrase, ...chunk]) as { id: number }[];
    for (const r of rows) found.add(r.id);
  }
  return found;
}

const PHRASE_CHUNK = 500;
const phraseStatements = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** The phrase check of PHRASE_CHUNK ids (a statement of 500 parameters took a tenth of a phrase search to prepare, once per chunk). */
function phraseStatement(db: Db): ReturnType<Db['prepare']> {
  let st = phraseStatements.get(db);
  if (!st) {
    st = db.prepare(`SELECT id FROM articles WHERE id IN (${Array.from({ length: PHRASE_CHUNK }, (_, j) => `?${j + 2}`).join(',')}) AND (${PHRASE_SQL})`);
    phraseStatements.set(db, st);
  }
  return st;
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

