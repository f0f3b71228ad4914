/**
 * The operation log (issue 22): every change an editor makes that must travel to the newsroom's
 * shared archive, recorded as an operation in the same transaction as the change itself.
 *
 * An operation has a UUID, an author (the named user of this desk, `sync.user` in `meta`, set by
 * `baoku sync --user NAME`; not the OS account; NULL until one is named, the syncing user at push),
 * a time, a base version (what it was made on) and a payload. The store records them at one place
 * each: `storePage` (import), `changeTags` and `undoChange` (tags), `correct.ts`'s `record` and
 * `undoCorrection` (field corrections), the service's `addDictionaryWord`. Applying an operation
 * that came from the shared archive (`core/sync/apply.ts`) runs inside `asRemote`: the same store
 * code then records nothing (the engine stores the remote operation itself).
 *
 * What travels, and how it names things (local row ids differ from desk to desk):
 * - `import`: the page's file name, hash, paper/date/page and encoding; the raw text is not copied
 *   into the log (it is in `imports.raw_text`, `import_id`) and is added when the op is sent: it is
 *   the archive's source of truth (原文, reparse). The articles as this desk read them go too, and
 *   the receiving desk stores them as they are rather than parsing the text again: a reading depends
 *   not only on the text and the parser version but on the desk's dictionary (names learned from
 *   earlier bylines, tag names, editors' words), and two desks reading the same page differently
 *   (a byline's people, where an article ends) would never agree on its articles or their keys.
 *   The reading is kept in the op only until it is sent (and only on a desk that has joined: a
 *   single-PC archive stores nothing twice); an op without one (a page from before the op log,
 *   `engine.ts` `baselineOps`) is parsed by the receiver. Target: the page key; base: the hash of
 *   the page it replaced here (or null).
 * - `tag`: entries (article, tag, role, add|remove). Tags merge as an observed-remove set: each add
 *   is a "dot" (`tag_dots`: article, tag, the adding op's id); a remove carries the dots it saw
 *   (its base) and takes away only those, so an add made elsewhere at the same time wins.
 *   `tag-vocabulary`: a tag renamed, merged into another or deleted (by name).
 * - `correct`: one field of one article; base: the field's value it was made on (`before`). Or a
 *   merge (the article taken in, by key) or a split (where; base: the paragraph it starts with; the
 *   new article's content hash is made from the first's and the place, so it has the same key on
 *   every desk). `correct-undo`: the correction op it takes back.
 * - `dict`: an editor's dictionary word.
 * - `clips`: a clipping set as a whole (its name and articles, by key), or its deletion; named by its
 *   `uid`. The latest in server order stands (a set is one editor's list, not merged item by item).
 * An article is named by its page key, its parser content hash and which of the page's articles
 * with that hash it is (`articleKey`); content hashes are the parser's reading, unchanged by
 * corrections, so the same page read by the same parser gives the same keys on every desk.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from './handle';
import type { ParsedArticle } from '../../shared/api';
import { getMeta } from './meta';

/** Migration: the op log, the tag dots, the conflicts the sync found. */
export function migrateOpLog(db: Db): void {
  db.exec(`
    CREATE TABLE ops (
      n INTEGER PRIMARY KEY,                 -- local order
      id TEXT NOT NULL UNIQUE,               -- UUID
      kind TEXT NOT NULL,                    -- import | tag | tag-vocabulary | correct | correct-undo | dict | clips
      target TEXT,                           -- what it changes: page key, [article key, field], word
      author TEXT,                           -- NULL: made before this desk named its user
      at TEXT NOT NULL,
      base TEXT,                             -- JSON: what it was made on
      payload TEXT NOT NULL,                 -- JSON
      import_id INTEGER,                     -- import: the imports row with the raw text (not copied)
      local_ref INTEGER,                     -- correct: the corrections row it made here
      origin TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
      server_seq INTEGER,                    -- the shared archive's sequence; NULL: local, not sent yet
      pending TEXT                           -- remote: what could not be applied yet (its article is not here), JSON
    );
    CREATE INDEX ops_unsent ON ops(n) WHERE server_seq IS NULL;
    CREATE INDEX ops_target ON ops(target);
    CREATE INDEX ops_pending ON ops(server_seq) WHERE pending IS NOT NULL;
    CREATE INDEX ops_local_ref ON ops(local_ref) WHERE local_ref IS NOT NULL;
    CREATE TABLE tag_dots (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      op_id TEXT NOT NULL,
      PRIMARY KEY (article_id, tag_id, op_id)
    ) WITHOUT ROWID;
    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      op_id TEXT NOT NULL UNIQUE,            -- the remote op that met a different local change
      article_id INTEGER,
      target TEXT NOT NULL,
      message TEXT NOT NULL,                 -- 冲突：…
      mine TEXT,                             -- JSON: this desk's value when the op came
      theirs TEXT,                           -- JSON: the op's value
      kept TEXT NOT NULL CHECK (kept IN ('mine', 'theirs')),
      at TEXT NOT NULL,
      resolved_at TEXT
    );
  `);
}

export type OpKind = 'import' | 'tag' | 'tag-vocabulary' | 'correct' | 'correct-undo' | 'dict' | 'clips';

/** A remote op being applied (`asRemote`): its author, and that nothing is recorded meanwhile. */
let applying: { opId: string; author: string } | undefined;

/** Run `fn` as the application of remote op `opId` by `author`: the store records no op for it. */
export async function asRemote<T>(opId: string, author: string, fn: () => Promise<T> | T): Promise<T> {
  const outer = applying;
  applying = { opId, author };
  try {
    return await fn();
  } finally {
    applying = outer;
  }
}

/** The named user of this desk (`baoku sync --user`), if any. */
export function syncUser(db: Db): string | undefined {
  return getMeta(db, 'sync.user') || undefined;
}

/** Who a change shows as made by: the remote op's author, this desk's named user, else the OS account. */
export function changeAuthor(db: Db): string {
  if (applying) return applying.author;
  const named = syncUser(db);
  if (named) return named;
  try {
    return os.userInfo().username || 'editor';
  } catch {
    return 'editor';
  }
}

/** A stable name for an article across desks: [page key, content hash, nth with that hash on the page]. */
export function articleKey(db: Db, id: number): string | undefined {
  const r = db
    .prepare(
      `SELECT p.page_key AS pk, a.content_hash AS h,
        (SELECT COUNT(*) FROM articles b WHERE b.page_id = a.page_id AND b.content_hash = a.content_hash AND (b.seq < a.seq OR (b.seq = a.seq AND b.id < a.id))) AS nth
       FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?`,
    )
    .get([id]) as { pk: string; h: string; nth: number } | undefined;
  return r && JSON.stringify([r.pk, r.h, r.nth]);
}

/** The local article an `articleKey` names, if this desk has it. */
export function findArticle(db: Db, key: string): number | undefined {
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 3) return undefined;
  const [pk, h, nth] = parts as [string, string, number];
  const r = db
    .prepare(
      `SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.page_key = ? AND a.content_hash = ?
       ORDER BY a.seq, a.id LIMIT 1 OFFSET ?`,
    )
    .get([pk, h, nth]) as { id: number } | undefined;
  return r?.id;
}

interface NewOp {
  kind: OpKind;
  target?: string | null;
  base?: unknown;
  payload: unknown;
  importId?: number;
  localRef?: number;
}

function insertOp(db: Db, op: NewOp, id: string = crypto.randomUUID()): string {
  db.prepare(
    `INSERT INTO ops (id, kind, target, author, at, base, payload, import_id, local_ref, origin)
     VALUES (?,?,?,?,?,?,?,?,?, 'local')`,
  ).run([
    id,
    op.kind,
    op.target ?? null,
    syncUser(db) ?? null,
    new Date().toISOString(),
    op.base === undefined ? null : JSON.stringify(op.base),
    JSON.stringify(op.payload),
    op.importId ?? null,
    op.localRef ?? null,
  ]);
  return id;
}

export interface ImportPayload {
  file: string;
  hash: string;
  paper?: string;
  date?: string;
  page?: number;
  encoding?: string;
  parserVersion?: number;
  /** The articles as read here (kept until the op is sent; see the header). */
  reading?: { articles: ParsedArticle[]; warnings: string[] };
}

/**
 * `storePage` stored (imported or replaced) a page: `previousHash` is what the page held here before.
 * On a desk that has joined a shared archive the articles as read here go along (until sent).
 */
export function logImport(db: Db, importId: number, pageKey: string, p: ImportPayload & { articles?: ParsedArticle[]; warnings?: string[] }, previousHash: string | null): void {
  if (applying) return;
  const reading = getMeta(db, 'sync.archiveId') && p.articles ? { articles: p.articles, warnings: p.warnings ?? [] } : undefined;
  const payload: ImportPayload = { file: p.file, hash: p.hash, paper: p.paper, date: p.date, page: p.page, encoding: p.encoding, parserVersion: p.parserVersion, reading };
  insertOp(db, { kind: 'import', target: pageKey, base: previousHash, payload, importId });
}

export interface TagEntry {
  article: string;
  kind: string;
  name: string;
  role: string | null;
  op: 'add' | 'remove';
  /** remove: the dots (adding op ids) this desk saw for the tag on the article. */
  observed?: string[];
}

/** Tag rows added or removed by `changeTags` or `undoChange` (a = article id, t = tag id). */
export function logTagOps(db: Db, ops: { op: 'add' | 'remove'; a: number; t: number; r: string | null }[]): void {
  if (applying || !ops.length) return;
  // The net change per article and tag (a role change is a remove then an add: an add).
  const net = new Map<string, (typeof ops)[number]>();
  for (const o of ops) net.set(`${o.a}:${o.t}`, o);
  const id = crypto.randomUUID();
  const tagOf = db.prepare('SELECT kind, name FROM tags WHERE id = ?');
  const dotsOf = db.prepare('SELECT op_id FROM tag_dots WHERE article_id = ? AND tag_id = ? ORDER BY op_id');
  const dropDots = db.prepare('DELETE FROM tag_dots WHERE article_id = ? AND tag_id = ?');
  const addDot = db.prepare('INSERT OR IGNORE INTO tag_dots (article_id, tag_id, op_id) VALUES (?,?,?)');
  const keys = new Map<number, string | undefined>();
  const entries: TagEntry[] = [];
  for (const o of net.values()) {
    if (!keys.has(o.a)) keys.set(o.a, articleKey(db, o.a));
    const article = keys.get(o.a);
    const tag = tagOf.get([o.t]) as { kind: string; name: string } | undefined;
    if (!article || !tag) continue;
    if (o.op === 'add') {
      addDot.run([o.a, o.t, id]);
      entries.push({ article, kind: tag.kind, name: tag.name, role: o.r, op: 'add' });
    } else {
      const observed = (dotsOf.all([o.a, o.t]) as { op_id: string }[]).map((r) => r.op_id);
      dropDots.run([o.a, o.t]);
      entries.push({ article, kind: tag.kind, name: tag.name, role: o.r, op: 'remove', observed });
    }
  }
  if (!entries.length) return;
  const observed = entries.flatMap((e) => e.observed ?? []);
  insertOp(db, { kind: 'tag', base: observed.length ? { observed } : null, payload: { entries } }, id);
}

/** The fields whose corrections travel: every field, merges and splits. */
export const SYNCED_FIELD = /^(title|kicker|subtitle|caption|people|dateline|date|page|paragraph:\d+|merge-next|merge-prev|split-at)$/;

export function correctionTarget(articleKey: string, field: string): string {
  return JSON.stringify([articleKey, field]);
}

/**
 * A correction was recorded (`correct.ts`, before it is applied: the articles are named as they are
 * now). A field's: `before` is its base. A merge (on the first article): the article it takes in,
 * by key. A split: where, and the paragraph it starts with (its base).
 */
export function logCorrection(db: Db, correctionId: number, articleId: number, field: string, before: unknown, after: unknown): void {
  if (applying || !SYNCED_FIELD.test(field)) return;
  const article = articleKey(db, articleId);
  if (!article) return;
  let base: unknown = before ?? null;
  let payload: Record<string, unknown> = { article, field, after: after ?? null };
  if (field === 'merge-next' || field === 'merge-prev') {
    const absorbed = articleKey(db, (before as { absorbed: { row: { id: number } } }).absorbed.row.id);
    if (!absorbed) return;
    base = { absorbed };
    payload = { article, field, absorbed };
  } else if (field === 'split-at') {
    const b = before as { at: number; text: string };
    base = { at: b.at, text: b.text };
    payload = { article, field, at: b.at };
  }
  insertOp(db, { kind: 'correct', target: correctionTarget(article, field), base, payload, localRef: correctionId });
}

/** A correction was undone: travels when the correction did (made here or received). */
export function logCorrectionUndo(db: Db, correctionId: number): void {
  if (applying) return;
  const of = db.prepare("SELECT id, target FROM ops WHERE local_ref = ? AND kind = 'correct'").get([correctionId]) as { id: string; target: string } | undefined;
  if (!of) return;
  insertOp(db, { kind: 'correct-undo', target: of.target, base: { of: of.id }, payload: { of: of.id } });
}

export interface TagVocabularyChange {
  action: 'rename' | 'merge' | 'delete';
  kind: string;
  from: string;
  to?: string;
}

/** A tag renamed, merged into another or deleted (`tags.ts`): the same on every desk. */
export function logTagVocabulary(db: Db, change: TagVocabularyChange): void {
  if (applying) return;
  insertOp(db, { kind: 'tag-vocabulary', target: `tag:${change.kind}:${change.from}`, payload: change });
}

export interface ClippingSetPayload {
  /** The set's `uid`. */
  set: string;
  name?: string;
  /** Its articles in order, by `articleKey`. */
  articles?: string[];
  deleted?: true;
}

/** The op target of a clipping set. */
export const clipsTarget = (uid: string) => `clips:${uid}`;

/** A clipping set was saved (its whole content) or deleted. */
export function logClippingSet(db: Db, uid: string, set: { name: string; articleIds: number[] } | 'deleted'): void {
  if (applying) return;
  const payload: ClippingSetPayload =
    set === 'deleted'
      ? { set: uid, deleted: true }
      : { set: uid, name: set.name, articles: set.articleIds.map((id) => articleKey(db, id)).filter((k): k is string => !!k) };
  insertOp(db, { kind: 'clips', target: clipsTarget(uid), payload });
}

/** An editor's dictionary word was added. */
export function logDictWord(db: Db, word: string): void {
  if (applying) return;
  insertOp(db, { kind: 'dict', target: `dict:${word}`, payload: { word } });
}
