/**
 * Applying an operation from the shared archive to this desk (issue 22), with the merge rules.
 *
 * Remote ops go through the same archive methods as an editor's own changes (`importOne`,
 * `changeTags`, `correctArticle`, `undoCorrection`, `addDictionaryWord`: the store and the search
 * index are updated the same way), inside `asRemote` so that the store records no new op for them
 * and shows the op's author. The engine wraps each op in one SQLite transaction with its row in
 * `ops` and the pull cursor (`engine.ts`): an op is applied once, or not at all.
 *
 * Merge rules (ops arrive in the server's order, `seq`; a desk pushes before it pulls, so its own
 * changes already have their numbers):
 * - import: stored as the sending desk read it (`store/oplog.ts`). The latest version of a page in server order stands. A page that a later op (or one not
 *   yet sent) set here is not replaced by an earlier one; the earlier text stays in the import history.
 * - tag: an observed-remove set (see `store/oplog.ts`): an add is a dot; a remove takes away the
 *   dots it saw; the tag goes only when no dot is left, so an add made elsewhere at the same time
 *   wins, and changes to different tags all stand.
 * - correct: applied when the field still holds the op's base (or already its value). Otherwise two
 *   people corrected the same field differently: a conflict (`冲突：…`, `sync_conflicts`) records
 *   both values; the one later in server order is in the article on every desk, so desks agree,
 *   and the other is kept in the conflict for a person to decide (`baoku conflicts`).
 * - correct, a merge or a split: done here when the articles are as they were where it was made
 *   (the article taken in comes next on the page; the paragraph split at is the same), else a
 *   conflict that changes nothing here.
 * - correct-undo: undoes the correction that op made here. dict: the word is added.
 * - clips: the clipping set is made, replaced or deleted as a whole by its uid; an earlier op for
 *   the same set than one already here (or not yet sent) is skipped. Articles not here yet are left
 *   out and the op kept pending: tried again, it fills them in.
 * - tag-vocabulary: the rename, merge or deletion is done by name where the tag exists (a tag
 *   deleted on one desk while another adds it to an article: the add, coming later, makes it again).
 * An op whose article is not here (a page read differently by another parser version, an article
 * merged away) is kept `pending` and tried again at the next sync.
 */
import type { SyncTarget } from './target';
import { contextOf } from '../services/context';
import type { TagKind, TagRef, ArticleCorrection, ReporterRole } from '../../shared/api';
import { UserError } from '../errors';
import { findTagId } from '../store/tags';
import { articleRow, fieldValue, nextOnPage } from '../store/correction-ops';
import { fieldLabel } from '../store/correction-replay';
import { asRemote, findArticle, type ClippingSetPayload, type ImportPayload, type TagEntry, type TagVocabularyChange } from '../store/oplog';
import { putClippingSet } from '../store/articles';
import type { Db } from '../store/db';
import type { RemoteOp } from './remote';

/** What applying an op did here. */
export interface Applied {
  /** Entries (tag) or the whole op (correct, correct-undo) not applied yet: their article is not here. */
  pending?: unknown;
  /** correct: the local correction it made. */
  localRef?: number;
  /** A conflict found: its message (also stored in `sync_conflicts`). */
  conflict?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The latest server sequence of the ops here that changed `target` (one not yet sent counts as the latest). */
function latestSeq(db: Db, kinds: string[], target: string): number {
  const r = db
    .prepare(`SELECT MAX(CASE WHEN server_seq IS NULL THEN 9e15 ELSE server_seq END) AS s FROM ops WHERE target = ? AND kind IN (${kinds.map(() => '?').join(',')}) AND pending IS NULL`)
    .get([target, ...kinds]) as { s: number | null };
  return r.s ?? 0;
}

/** Apply `op` (or, retrying, only `retry`: what was pending). */
export async function applyOp(archive: SyncTarget, op: RemoteOp, retry?: unknown): Promise<Applied> {
  return asRemote(op.id, op.author, async () => {
    const payload = JSON.parse(op.payload) as Record<string, unknown>;
    switch (op.kind) {
      case 'import':
        return applyImport(archive, op, payload as unknown as ImportPayload & { rawText: string });
      case 'tag':
        return applyTags(archive, op, (retry as TagEntry[] | undefined) ?? (payload.entries as TagEntry[]));
      case 'correct':
        return applyCorrection(archive, op, payload as { article: string; field: string; after: unknown });
      case 'correct-undo':
        return applyUndo(archive, payload as { of: string });
      case 'tag-vocabulary':
        await applyVocabulary(archive, payload as unknown as TagVocabularyChange);
        return {};
      case 'dict':
        archive.addDictionaryWord(String(payload.word));
        return {};
      case 'clips':
        return applyClippingSet(contextOf(archive).db, op, payload as unknown as ClippingSetPayload);
      default:
        // An op of a newer program: kept (pending), applied once this desk understands it.
        return { pending: true };
    }
  });
}

function applyClippingSet(db: Db, op: RemoteOp, p: ClippingSetPayload): Applied {
  if (op.target && latestSeq(db, ['clips'], op.target) > op.seq) return {};
  if (p.deleted) {
    putClippingSet(db, p.set, 'deleted');
    return {};
  }
  const ids: number[] = [];
  const missing: string[] = [];
  for (const key of p.articles ?? []) {
    const id = findArticle(db, key);
    if (id === undefined) missing.push(key);
    else ids.push(id);
  }
  putClippingSet(db, p.set, { name: p.name ?? '', articleIds: ids, at: op.at });
  return missing.length ? { pending: missing } : {};
}

function applyImport(archive: SyncTarget, op: RemoteOp, p: ImportPayload & { rawText: string }): Applied {
  if (op.target && latestSeq(contextOf(archive).db, ['import'], op.target) > op.seq) return {};
  // The same file, imported here too: nothing to do (and no `duplicate` line in the import history).
  if (contextOf(archive).db.prepare('SELECT 1 FROM pages WHERE hash = ? AND page_key = ?').get([p.hash, op.target])) return {};
  const bytes = Buffer.from(p.rawText, 'utf8');
  const reading = p.reading && { file: p.file, paper: p.paper, date: p.date, page: p.page, articles: p.reading.articles, warnings: p.reading.warnings };
  archive.importOne({ name: p.file, read: () => bytes, hash: p.hash, reading }, { paper: p.paper, date: p.date, page: p.page, force: true });
  return {};
}

async function applyTags(archive: SyncTarget, op: RemoteOp, entries: TagEntry[]): Promise<Applied> {
  const db = contextOf(archive).db;
  const pending: TagEntry[] = [];
  // Per article: the tags to add and to remove; articles with the same change go in one call.
  const changes = new Map<number, { add: TagRef[]; remove: TagRef[] }>();
  const dropDot = db.prepare('DELETE FROM tag_dots WHERE article_id = ? AND tag_id = ? AND op_id = ?');
  const dotsLeft = db.prepare('SELECT COUNT(*) AS n FROM tag_dots WHERE article_id = ? AND tag_id = ?');
  for (const e of entries) {
    const id = findArticle(db, e.article);
    if (id === undefined) {
      pending.push(e);
      continue;
    }
    const c = changes.get(id) ?? { add: [], remove: [] };
    changes.set(id, c);
    const ref: TagRef = { kind: e.kind as TagKind, name: e.name, ...(e.role ? { role: e.role as ReporterRole } : {}) };
    if (e.op === 'add') {
      c.add.push(ref);
      continue;
    }
    const tagId = findTagId(db, ref.kind, ref.name);
    if (tagId === undefined) continue;
    for (const dot of e.observed ?? []) dropDot.run([id, tagId, dot]);
    // An add this remove did not see stands (add wins).
    if ((dotsLeft.get([id, tagId]) as { n: number }).n === 0) c.remove.push(ref);
  }
  const groups = new Map<string, { ids: number[]; add: TagRef[]; remove: TagRef[] }>();
  for (const [id, c] of changes) {
    if (!c.add.length && !c.remove.length) continue;
    const key = JSON.stringify([c.add, c.remove]);
    const g = groups.get(key) ?? { ids: [], add: c.add, remove: c.remove };
    g.ids.push(id);
    groups.set(key, g);
  }
  const addDot = db.prepare('INSERT OR IGNORE INTO tag_dots (article_id, tag_id, op_id) VALUES (?,?,?)');
  for (const g of groups.values()) {
    await archive.changeTags({ ids: g.ids, add: g.add, remove: g.remove });
    for (const ref of g.add) {
      const tagId = findTagId(db, ref.kind, ref.name);
      if (tagId !== undefined) for (const id of g.ids) addDot.run([id, tagId, op.id]);
    }
  }
  return pending.length ? { pending } : {};
}

/** A rename, merge or deletion of a tag, by name; a tag this desk does not have is nothing to do. */
async function applyVocabulary(archive: SyncTarget, c: TagVocabularyChange): Promise<void> {
  const kind = c.kind as TagKind;
  if (findTagId(contextOf(archive).db, kind, c.from) === undefined) return;
  if (c.action === 'delete') await archive.deleteTag({ kind, name: c.from });
  else if (c.action === 'merge') await archive.mergeTags({ kind, from: c.from, into: c.to! });
  else await archive.renameTag({ kind, from: c.from, to: c.to! });
}

/** A correction field and value as the archive's `ArticleCorrection`. */
function asCorrection(field: string, value: unknown): ArticleCorrection {
  const para = /^paragraph:(\d+)$/.exec(field);
  if (para) return { paragraphs: [{ index: Number(para[1]), text: String(value) }] };
  return { [field]: value } as ArticleCorrection;
}

/** A value as a conflict message shows it. */
export function shownValue(v: unknown): string {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && !Array.isArray(v)) {
    const names = Object.values(v as Record<string, unknown>).flat().filter((x) => typeof x === 'string');
    if (names.length) return names.join('、');
  }
  return JSON.stringify(v);
}

/** A merge or split made elsewhere: done here when the articles are as they were there, else a conflict (nothing changed here). */
async function applyRestructure(archive: SyncTarget, op: RemoteOp, p: { article: string; field: string; absorbed?: string; at?: number }): Promise<Applied> {
  const db = contextOf(archive).db;
  const id = findArticle(db, p.article)!;
  const row = articleRow(db, id)!;
  const base = JSON.parse(op.base ?? 'null') as { absorbed?: string; text?: string } | null;
  let why: string | undefined;
  let run: () => Promise<{ correctionIds: number[] }>;
  if (p.field === 'split-at') {
    const ps = JSON.parse(String(row.paragraphs)) as { text: string }[];
    if (ps[p.at!]?.text !== base?.text) why = `拆分：${op.author} 在第 ${p.at! + 1} 段拆分，本机这一段已不同`;
    run = () => archive.splitArticle({ id, at: p.at! });
  } else {
    const other = findArticle(db, p.absorbed!);
    if (other === undefined) return { pending: true };
    const next = nextOnPage(db, row);
    if (next?.id !== other) why = `合并：${op.author} 把后一篇并入本篇，本机两篇已不相邻`;
    run = () => archive.mergeArticles({ id, with: 'next' });
  }
  if (!why) {
    try {
      return { localRef: (await run()).correctionIds[0] };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      why = `${op.author} 的${fieldLabel(p.field)}在本机做不了：${err.message}`;
    }
  }
  const message = `冲突：《${row.title}》的${why}；未应用`;
  db.prepare('INSERT OR IGNORE INTO sync_conflicts (op_id, article_id, target, message, mine, theirs, kept, at) VALUES (?,?,?,?,?,?,?,?)').run([
    op.id,
    id,
    op.target ?? '',
    message,
    null,
    op.payload,
    'mine',
    new Date().toISOString(),
  ]);
  return { conflict: message };
}

async function applyCorrection(archive: SyncTarget, op: RemoteOp, p: { article: string; field: string; after: unknown }): Promise<Applied> {
  const db = contextOf(archive).db;
  const id = findArticle(db, p.article);
  if (id === undefined) return { pending: true };
  if (/^(merge-next|merge-prev|split-at)$/.test(p.field)) return applyRestructure(archive, op, p);
  const row = articleRow(db, id)!;
  const current = fieldValue(db, row, p.field);
  const base = op.base === null ? null : (JSON.parse(op.base) as unknown);
  if (same(current, p.after)) return {};
  const apply = async (): Promise<number | undefined> => {
    try {
      return (await archive.correctArticle({ id, ...asCorrection(p.field, p.after) })).correctionIds[0];
    } catch (err) {
      if (err instanceof UserError) return undefined;
      throw err;
    }
  };
  if (same(current, base)) return { localRef: await apply() };
  // Two corrections of the same field made on different versions: the later in server order stands on every desk.
  const theirs = op.seq > latestSeq(db, ['correct', 'correct-undo'], op.target ?? '');
  const mine = db.prepare("SELECT author FROM ops WHERE target = ? AND kind = 'correct' ORDER BY COALESCE(server_seq, 9e15) DESC LIMIT 1").get([op.target]) as
    | { author: string | null }
    | undefined;
  const who = mine?.author ?? '本机';
  const message = `冲突：《${row.title}》的${fieldLabel(p.field)}：${op.author} 改为「${shownValue(p.after)}」，${who} 改为「${shownValue(current)}」；现用「${shownValue(theirs ? p.after : current)}」`;
  db.prepare('INSERT OR IGNORE INTO sync_conflicts (op_id, article_id, target, message, mine, theirs, kept, at) VALUES (?,?,?,?,?,?,?,?)').run([
    op.id,
    id,
    op.target ?? '',
    message,
    JSON.stringify(current ?? null),
    JSON.stringify(p.after ?? null),
    theirs ? 'theirs' : 'mine',
    new Date().toISOString(),
  ]);
  return { conflict: message, localRef: theirs ? await apply() : undefined };
}

async function applyUndo(archive: SyncTarget, p: { of: string }): Promise<Applied> {
  const made = contextOf(archive).db.prepare('SELECT local_ref FROM ops WHERE id = ?').get([p.of]) as { local_ref: number | null } | undefined;
  if (!made) return { pending: true };
  if (made.local_ref === null) return {};
  try {
    await archive.undoCorrection({ correctionId: made.local_ref });
  } catch (err) {
    if (!(err instanceof UserError)) throw err; // already undone here
  }
  return {};
}
