/**
 * Storing one imported page: a single transaction per file.
 *
 * - Same content hash as a page already stored → `duplicate`, nothing added.
 * - Same page (paper+date+page, or the same file name when those are unknown)
 *   with other content → `replaced`: articles whose text is unchanged keep
 *   their id and every tag (so editors' manual tags survive); the others are
 *   replaced.
 * - Otherwise → `imported`.
 * Every attempt, rejected ones included, is recorded in `imports`.
 */
import crypto from 'node:crypto';
import type { ParsedArticle, ImportFileStatus } from '../../shared/api';
import { type Db, inTransaction } from './db';
import { applyAutoTags } from './tags';
import { bumpGeneration } from './meta';
import { linkContinuations } from './continuations';
import { articleDate, withDateWarning, type ArticleDating } from './dates';
import { replayPage, revertPage, type Reverted } from './correction-replay';
import { logImport } from './oplog';
import { nextArticleId } from './article-ids';

export interface PageInput {
  file: string;
  hash: string;
  encoding?: string;
  rawText: string;
  paper?: string;
  date?: string;
  page?: number;
  articles: ParsedArticle[];
  warnings: string[];
  /** `PARSER_VERSION` of the parser that read the articles (see `reparse.ts`). */
  parserVersion?: number;
}

export interface StoreResult {
  importId: number;
  status: ImportFileStatus;
  articles: number;
  /** Articles whose index entries must be (re)built. */
  changedIds: number[];
  /** Articles that left the archive (to discard from the index). */
  removedIds: number[];
  /** Editors' corrections that no longer fit the new reading (`需复核：…`, see corrections.ts). */
  reviews?: string[];
}

export function contentHash(a: ParsedArticle): string {
  const h = crypto.createHash('sha1');
  h.update([a.kicker ?? '', a.title, a.subtitle ?? ''].join('\u0001'));
  for (const p of a.paragraphs) h.update(`\u0002${p.type}\u0003${p.text}`);
  h.update(`\u0004${a.byline?.raw ?? ''}`);
  return h.digest('hex');
}

export function fileHash(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function pageKey(p: PageInput): string {
  if (p.paper && p.date && p.page !== undefined) return `${p.paper}|${p.date}|${p.page}`;
  return `file:${p.file}|${p.paper ?? ''}|${p.date ?? ''}|${p.page ?? ''}`;
}

/** The article's own columns, in the order of `ARTICLE_COLUMNS` (after page_id and seq). */
function articleValues(a: ParsedArticle, dating: ArticleDating, now: string): (string | number | null)[] {
  return [
    a.kind,
    a.kicker ?? null,
    a.title,
    a.subtitle ?? null,
    a.dateline ? JSON.stringify(a.dateline) : null,
    JSON.stringify(a.paragraphs),
    a.byline ? JSON.stringify(a.byline) : null,
    JSON.stringify(withDateWarning(a.warnings, dating)),
    a.charStart ?? null,
    a.charEnd ?? null,
    dating.date ?? null,
    dating.inferred ? 1 : 0,
    a.paragraphs.reduce((n, x) => n + x.text.length, 0),
    contentHash(a),
    now,
    a.continuedTo ?? null,
    a.continuedFrom ?? null,
  ];
}

const ARTICLE_COLUMNS = ['kind', 'kicker', 'title', 'subtitle', 'dateline', 'paragraphs', 'byline', 'warnings', 'char_start', 'char_end', 'date', 'date_inferred', 'chars', 'content_hash', 'updated_at', 'continued_to', 'continued_from'];

/** Insert a parsed article on a page with its byline tags; returns its id. `dating`: see `dates.ts`. */
export function insertArticle(db: Db, pageId: number, seq: number, a: ParsedArticle, dating: ArticleDating, now: string): number {
  const id = nextArticleId(db);
  db.prepare(`INSERT INTO articles (id, page_id, seq, ${ARTICLE_COLUMNS.join(', ')}) VALUES (?,?,?,${ARTICLE_COLUMNS.map(() => '?').join(',')})`).run([
    id,
    pageId,
    seq,
    ...articleValues(a, dating, now),
  ]);
  applyAutoTags(db, id, a);
  return id;
}

/** Re-date a kept article (same content) and place it on the page anew. */
export function updateKeptArticle(db: Db, id: number, seq: number, a: ParsedArticle, dating: ArticleDating): void {
  db.prepare(
    'UPDATE articles SET seq = ?, date = ?, date_inferred = ?, warnings = ?, char_start = ?, char_end = ?, continued_to = ?, continued_from = ? WHERE id = ?',
  ).run([
    seq,
    dating.date ?? null,
    dating.inferred ? 1 : 0,
    JSON.stringify(withDateWarning(a.warnings, dating)),
    a.charStart ?? null,
    a.charEnd ?? null,
    a.continuedTo ?? null,
    a.continuedFrom ?? null,
    id,
  ]);
}

/**
 * Replace an article's content in place, keeping its id and the editors' tags: its byline tags
 * are read again from the new reading.
 */
export function rewriteArticle(db: Db, id: number, seq: number, a: ParsedArticle, dating: ArticleDating, now: string): void {
  db.prepare(`UPDATE articles SET seq = ?, ${ARTICLE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run([seq, ...articleValues(a, dating, now), id]);
  db.prepare("DELETE FROM article_tags WHERE article_id = ? AND source = 'auto'").run([id]);
  applyAutoTags(db, id, a);
}

function recordImport(db: Db, p: PageInput, status: ImportFileStatus, articles: number, error?: string): number {
  const r = db
    .prepare(
      `INSERT INTO imports (file, hash, paper, date, page, status, articles, warnings, error, encoding, raw_text, imported_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run([
      p.file,
      p.hash,
      p.paper ?? null,
      p.date ?? null,
      p.page ?? null,
      status,
      articles,
      JSON.stringify(p.warnings),
      error ?? null,
      p.encoding ?? null,
      status === 'duplicate' || status === 'rejected' ? null : p.rawText,
      new Date().toISOString(),
    ]);
  return Number(r.lastInsertRowid);
}

/** Record a file that could not be imported (nothing else changes). */
export function recordRejected(db: Db, file: string, hash: string, error: string, warnings: string[] = []): number {
  return inTransaction(db, () =>
    recordImport(db, { file, hash, rawText: '', articles: [], warnings }, 'rejected', 0, error),
  );
}

function paperId(db: Db, name: string | undefined): number | null {
  if (!name) return null;
  db.prepare('INSERT OR IGNORE INTO papers (name) VALUES (?)').run([name]);
  return (db.prepare('SELECT id FROM papers WHERE name = ?').get([name]) as { id: number }).id;
}

export function storePage(db: Db, p: PageInput): StoreResult {
  return inTransaction(db, () => {
    const dup = db.prepare('SELECT id FROM pages WHERE hash = ?').get([p.hash]) as { id: number } | undefined;
    if (dup) {
      const importId = recordImport(db, p, 'duplicate', 0);
      return { importId, status: 'duplicate' as const, articles: 0, changedIds: [], removedIds: [] };
    }
    const key = pageKey(p);
    const existing = db.prepare('SELECT id, hash FROM pages WHERE page_key = ?').get([key]) as { id: number; hash: string } | undefined;
    const status: ImportFileStatus = existing ? 'replaced' : 'imported';
    const importId = recordImport(db, p, status, p.articles.length);
    logImport(db, importId, key, p, existing?.hash ?? null); // the op that carries this page to the shared archive
    const now = new Date().toISOString();
    let pageId: number;
    const kept = new Map<string, number[]>();
    let reverted: Reverted | undefined;
    if (existing) {
      pageId = existing.id;
      // Editors' corrections are taken back first (ids are kept by the parser's content), applied again below.
      reverted = revertPage(db, pageId, true);
      db.prepare('UPDATE pages SET paper_id = ?, date = ?, page = ?, file = ?, hash = ?, import_id = ?, parser_version = ? WHERE id = ?').run([
        paperId(db, p.paper),
        p.date ?? null,
        p.page ?? null,
        p.file,
        p.hash,
        importId,
        p.parserVersion ?? 0,
        pageId,
      ]);
      for (const r of db.prepare('SELECT id, content_hash FROM articles WHERE page_id = ?').all([pageId]) as {
        id: number;
        content_hash: string;
      }[]) {
        const list = kept.get(r.content_hash) ?? [];
        list.push(r.id);
        kept.set(r.content_hash, list);
      }
    } else {
      const r = db
        .prepare('INSERT INTO pages (page_key, paper_id, date, page, file, hash, import_id, parser_version) VALUES (?,?,?,?,?,?,?,?)')
        .run([key, paperId(db, p.paper), p.date ?? null, p.page ?? null, p.file, p.hash, importId, p.parserVersion ?? 0]);
      pageId = Number(r.lastInsertRowid);
    }
    const changedIds: number[] = [];
    const keptIds = new Set<number>();
    p.articles.forEach((a, seq) => {
      const hash = contentHash(a);
      // The issue's date; the dateline's only when the issue's is unknown (marked inferred).
      const dating = articleDate(p.date, a.dateline, p.rawText);
      const reuse = kept.get(hash)?.shift();
      if (reuse !== undefined) {
        updateKeptArticle(db, reuse, seq, a, dating);
        keptIds.add(reuse);
        changedIds.push(reuse); // its page metadata may have changed
        return;
      }
      const id = insertArticle(db, pageId, seq, a, dating, now);
      changedIds.push(id);
    });
    const removedIds: number[] = [];
    for (const ids of kept.values()) removedIds.push(...ids.filter((id) => !keptIds.has(id)));
    const del = db.prepare('DELETE FROM articles WHERE id = ?');
    for (const id of removedIds) del.run([id]);
    for (const id of linkContinuations(db, pageId)) if (!changedIds.includes(id)) changedIds.push(id);
    const replayed = reverted ? replayPage(db, pageId, reverted) : undefined;
    if (replayed) {
      for (const id of [...reverted!.removed, ...replayed.removed]) if (!removedIds.includes(id)) removedIds.push(id);
      for (const id of replayed.changed) if (!changedIds.includes(id)) changedIds.push(id);
    }
    bumpGeneration(db);
    return { importId, status, articles: p.articles.length, changedIds, removedIds, ...(replayed?.reviews.length ? { reviews: replayed.reviews } : {}) };
  });
}
