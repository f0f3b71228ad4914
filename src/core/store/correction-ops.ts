/**
 * Applying one correction to the article rows (see `corrections.ts` for the model; putting a page
 * back and applying its corrections again is `correction-replay.ts`). Everything here runs inside
 * the caller's transaction.
 *
 * - A field correction fits when the field still holds its `before`; it then holds `after`.
 *   `people` also rewrites the byline's text to name them (`correct-byline.ts`) and moves the
 *   byline's reporter tags with them (editors' own tags stay).
 * - `merge-next` / `merge-prev` (recorded on the surviving, first article): the next article on the
 *   page, with the content it had when merged, becomes part of the first one (its headline a
 *   subheading, its paragraphs after); its tags go along (taken back with it); its row is kept in `before`.
 * - `split-at` (recorded on the first part): paragraphs from `at` on become a new article (own id,
 *   kept in `after.newId` so it is the same id each time the split is applied again); a short
 *   paragraph at the cut becomes its headline. Tags stay with the first part.
 */
import type { Byline, Paragraph } from '../../shared/types';
import type { Db } from './db';
import { applyAutoTags } from './tags';
import { withDateWarning } from './dates';
import { replacedStretch, type CorrectionRow } from './corrections';
import { PEOPLE, bylineWithPeople, type People } from './correct-byline';
import { BadInput } from '../errors';
import { nextArticleId } from './article-ids';

/** The article columns corrections change, as stored (JSON as text); `original` holds them as the parser wrote them. */
const COLS = ['kind', 'kicker', 'title', 'subtitle', 'dateline', 'paragraphs', 'byline', 'warnings', 'char_start', 'char_end', 'date', 'date_inferred', 'chars', 'page_fix'] as const;
type Value = string | number | null;
export type Cols = Record<(typeof COLS)[number], Value>;

export interface Row extends Cols {
  id: number;
  page_id: number;
  seq: number;
  content_hash: string;
  original: string | null;
  replaced_text: string | null;
  continued_to: number | null;
  continued_from: number | null;
  part_of: number | null;
  updated_at: string;
}

export interface TagRow {
  tag_id: number;
  role: string | null;
  source: string;
}

/** An article taken out by a merge: its row as the parser read it, and its tags. */
export interface Snapshot {
  row: Row;
  tags: TagRow[];
}

export const REVIEW_WARNING = '需复核';

export function articleRow(db: Db, id: number): Row | undefined {
  return db.prepare('SELECT * FROM articles WHERE id = ?').get([id]) as Row | undefined;
}

const pick = (r: Cols): Cols => Object.fromEntries(COLS.map((c) => [c, r[c]])) as Cols;

export function writeCols(db: Db, id: number, cols: Partial<Cols> & { replaced_text?: string | null; original?: string | null }): void {
  const keys = Object.keys(cols);
  if (!keys.length) return;
  db.prepare(`UPDATE articles SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run([
    ...keys.map((k) => (cols as Record<string, Value>)[k]),
    new Date().toISOString(),
    id,
  ]);
}

/** Keep the parser's reading before the first change to an article. */
function keepOriginal(db: Db, r: Row): void {
  if (r.original === null) {
    r.original = JSON.stringify(pick(r));
    db.prepare('UPDATE articles SET original = ? WHERE id = ?').run([r.original, r.id]);
  }
}

const paragraphsOf = (r: Row): Paragraph[] => JSON.parse(String(r.paragraphs)) as Paragraph[];
const chars = (ps: Paragraph[]) => ps.reduce((n, p) => n + p.text.length, 0);

function pageOf(db: Db, r: Row): number | null {
  if (r.page_fix !== null) return Number(r.page_fix);
  return (db.prepare('SELECT page FROM pages WHERE id = ?').get([r.page_id]) as { page: number | null } | undefined)?.page ?? null;
}

/** The value of a correctable field as a correction records it (JSON-able). */
export function fieldValue(db: Db, r: Row, field: string): unknown {
  const para = /^paragraph:(\d+)$/.exec(field);
  if (para) return paragraphsOf(r)[Number(para[1])]?.text ?? null;
  switch (field) {
    case 'title':
    case 'kicker':
    case 'subtitle':
    case 'date':
      return r[field];
    case 'caption':
      return paragraphsOf(r).find((p) => p.type === 'caption')?.text ?? null;
    case 'people': {
      const b = r.byline ? (JSON.parse(String(r.byline)) as Byline) : undefined;
      return Object.fromEntries(PEOPLE.map((k) => [k, b?.[k] ?? []]));
    }
    case 'dateline':
      return r.dateline ? JSON.parse(String(r.dateline)) : null;
    case 'page':
      return pageOf(db, r);
  }
  throw new BadInput(`不能校对的字段：${field}`);
}

/** Text fields: their replaced stretch is indexed (see `replacedStretch`). */
const isText = (field: string) => /^(title|kicker|subtitle|caption|paragraph:\d+)$/.test(field);

function setField(db: Db, r: Row, field: string, value: unknown, before: unknown): void {
  const cols: Partial<Cols> & { replaced_text?: string | null } = {};
  const para = /^paragraph:(\d+)$/.exec(field);
  if (para || field === 'caption') {
    const ps = paragraphsOf(r);
    const i = para ? Number(para[1]) : ps.findIndex((p) => p.type === 'caption');
    ps[i] = { ...ps[i], text: String(value) };
    cols.paragraphs = JSON.stringify(ps);
    cols.chars = chars(ps);
  } else if (field === 'title' || field === 'kicker' || field === 'subtitle') {
    cols[field] = (value as string | null) || (field === 'title' ? '' : null);
  } else if (field === 'date') {
    cols.date = value as string | null;
    cols.date_inferred = 0;
    cols.warnings = JSON.stringify(withDateWarning(JSON.parse(String(r.warnings)) as string[], { date: (value as string) ?? undefined, inferred: false }));
  } else if (field === 'page') {
    cols.page_fix = value as number | null;
  } else if (field === 'dateline') {
    cols.dateline = value === null ? null : JSON.stringify(value);
  } else if (field === 'people') {
    // The byline's text follows its people (`correct-byline.ts`): every view prints the corrected names.
    const byline = bylineWithPeople(r.byline ? (JSON.parse(String(r.byline)) as Byline) : undefined, value as People);
    cols.byline = JSON.stringify(byline);
    // The byline's tags follow the corrected people; editors' tags stay.
    db.prepare("DELETE FROM article_tags WHERE article_id = ? AND source = 'auto'").run([r.id]);
    applyAutoTags(db, r.id, { byline } as never);
  }
  if (isText(field) && typeof before === 'string') {
    const stretch = replacedStretch(before, String(value ?? ''));
    if (stretch) cols.replaced_text = [r.replaced_text, stretch].filter(Boolean).join('\n');
  }
  writeCols(db, r.id, cols);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The article after `r` on its page (by position), if any. */
function nextOnPage(db: Db, r: Row): Row | undefined {
  return db.prepare('SELECT * FROM articles WHERE page_id = ? AND seq > ? ORDER BY seq, id LIMIT 1').get([r.page_id, r.seq]) as Row | undefined;
}

/** The article before `r` on its page, if any. */
export function previousOnPage(db: Db, r: Row): Row | undefined {
  return db.prepare('SELECT * FROM articles WHERE page_id = ? AND seq < ? ORDER BY seq DESC, id DESC LIMIT 1').get([r.page_id, r.seq]) as Row | undefined;
}

export { nextOnPage };

/**
 * `wanted` if no article has it, else a fresh id (a new reading may have taken the id of a part
 * that was out of the rows). `ours`: which corrections on `wanted` belong to the part (SQL, `?` is
 * the correction id): they move to the fresh id.
 */
export function freeId(db: Db, wanted: number | undefined, pageId: number, ours: string, since: number): number | undefined {
  if (wanted === undefined || !articleRow(db, wanted)) return wanted;
  const fresh = nextArticleId(db);
  db.prepare(`UPDATE corrections SET article_id = ? WHERE article_id = ? AND page_id = ? AND ${ours}`).run([fresh, wanted, pageId, since]);
  return fresh;
}

/** Insert a row under `id` (an article restored under its own id) or under a fresh one (`nextArticleId`). */
export function insertRow(db: Db, id: number | undefined, r: Omit<Row, 'id'>): number {
  // The table's own columns (a row read back may carry more keys than columns).
  const table = new Set((db.prepare('PRAGMA table_info(articles)').all([]) as { name: string }[]).map((c) => c.name));
  const cols = Object.keys(r).filter((k) => k !== 'id' && table.has(k));
  const rowId = id ?? nextArticleId(db);
  db.prepare(`INSERT INTO articles (id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run([
    rowId,
    ...cols.map((k) => (r as unknown as Record<string, Value>)[k]),
  ]);
  return rowId;
}

/** The parser's reading of a row (its original columns, if corrected). */
function asRead(r: Row): Row {
  return r.original ? { ...r, ...(JSON.parse(r.original) as Cols), original: null, replaced_text: null } : { ...r, replaced_text: null };
}

export interface Applied {
  ok: boolean;
  /** Why it does not fit (not applied). */
  reason?: string;
  changed: number[];
  removed: number[];
}

const notFit = (reason: string): Applied => ({ ok: false, reason, changed: [], removed: [] });

/** Apply one correction to the rows as they are now: the change, or why it does not fit. */
export function applyCorrection(db: Db, c: CorrectionRow): Applied {
  const r = articleRow(db, c.article_id);
  if (!r || r.page_id !== c.page_id) return notFit('文章已不在这个版面上');
  const before = c.before === null ? null : JSON.parse(c.before);
  const after = c.after === null ? null : JSON.parse(c.after);
  if (c.field === 'merge-next' || c.field === 'merge-prev') {
    const snap = before as { absorbed: Snapshot };
    const next = nextOnPage(db, r);
    if (!next || next.id !== snap.absorbed.row.id || next.content_hash !== snap.absorbed.row.content_hash) return notFit('要合并的下一篇文章已变');
    return merge(db, c, r, next);
  }
  if (c.field === 'split-at') {
    // Fits where the paragraphs are as many as they were and the cut falls on the same paragraph, or the
    // parser's reading is the one the split was made on (a correction of that paragraph since undone).
    const b = before as { at: number; count: number; text: string; hash?: string };
    const ps = paragraphsOf(r);
    if (ps.length !== b.count || (ps[b.at]?.text !== b.text && r.content_hash !== b.hash)) return notFit('拆分处的段落已变');
    return split(db, c, r, b.at, (after as { newId?: number } | null)?.newId);
  }
  if (!same(fieldValue(db, r, c.field), before)) return notFit('这一处原文已变');
  keepOriginal(db, r);
  setField(db, r, c.field, after, before);
  return { ok: true, changed: [r.id], removed: [] };
}

export function tagsOf(db: Db, id: number): TagRow[] {
  return db.prepare('SELECT tag_id, role, source FROM article_tags WHERE article_id = ? ORDER BY rowid').all([id]) as TagRow[];
}

function merge(db: Db, c: CorrectionRow, first: Row, next: Row): Applied {
  const snap: Snapshot = { row: asRead(next), tags: tagsOf(db, next.id) };
  keepOriginal(db, first);
  const head = [next.kicker, next.title, next.subtitle].filter(Boolean).join(' ');
  const ps = [...paragraphsOf(first), ...(head ? [{ type: 'heading' as const, text: head }] : []), ...paragraphsOf(next)];
  const cols: Partial<Cols> & { replaced_text?: string | null } = { paragraphs: JSON.stringify(ps), chars: chars(ps) };
  if (first.char_end !== null && next.char_end !== null) cols.char_end = Math.max(Number(first.char_end), Number(next.char_end));
  if (first.byline === null && next.byline !== null) cols.byline = next.byline;
  if (next.replaced_text) cols.replaced_text = [first.replaced_text, next.replaced_text].filter(Boolean).join('\n');
  writeCols(db, first.id, cols);
  // The merged article's tags go along (the first article's role wins where both have a tag).
  const added: TagRow[] = [];
  const ins = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, role, source) VALUES (?,?,?,?)');
  for (const t of snap.tags) if (ins.run([first.id, t.tag_id, t.role, t.source]).changes) added.push(t);
  db.prepare('DELETE FROM articles WHERE id = ?').run([next.id]);
  db.prepare('UPDATE corrections SET before = ?, after = ? WHERE id = ?').run([JSON.stringify({ absorbed: snap }), JSON.stringify({ tagsAdded: added }), c.id]);
  return { ok: true, changed: [first.id], removed: [next.id] };
}

/** A paragraph short enough to be the headline of the part that starts with it. */
const headlineLike = (p: Paragraph) => p.type === 'heading' || (p.text.length <= 40 && !/[。！？]$/.test(p.text));

function split(db: Db, c: CorrectionRow, first: Row, at: number, wantedId: number | undefined): Applied {
  const ps = paragraphsOf(first);
  const rest = ps.slice(at);
  const titled = headlineLike(rest[0]);
  const body = titled ? rest.slice(1) : rest;
  const title = titled ? rest[0].text : `${first.title}（续）`;
  keepOriginal(db, first);
  writeCols(db, first.id, { paragraphs: JSON.stringify(ps.slice(0, at)), chars: chars(ps.slice(0, at)) });
  db.prepare('UPDATE articles SET seq = seq + 1 WHERE page_id = ? AND seq > ?').run([first.page_id, first.seq]);
  const cols: Cols = {
    kind: first.kind,
    kicker: null,
    title,
    subtitle: null,
    dateline: null,
    paragraphs: JSON.stringify(body),
    byline: null,
    warnings: '[]',
    char_start: null,
    char_end: null,
    date: first.date,
    date_inferred: first.date_inferred,
    chars: chars(body),
    page_fix: first.page_fix,
  };
  const id = insertRow(db, freeId(db, wantedId, first.page_id, 'id > ?', c.id), {
    ...cols,
    page_id: first.page_id,
    seq: first.seq + 1,
    // The same on every desk that makes this split (the op log names articles by page, hash and place: `oplog.ts`).
    content_hash: `split:${first.content_hash.slice(0, 16)}:${at}`,
    // Its reading as the split made it: what its own corrections are compared with, and 原文对照 shows.
    original: JSON.stringify(cols),
    replaced_text: null,
    continued_to: null,
    continued_from: null,
    part_of: null,
    updated_at: new Date().toISOString(),
  });
  db.prepare('UPDATE corrections SET after = ? WHERE id = ?').run([JSON.stringify({ newId: id }), c.id]);
  return { ok: true, changed: [first.id, id], removed: [] };
}
