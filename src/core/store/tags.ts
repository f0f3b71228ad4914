/**
 * Tags: reporters, departments and topics with canonical names and aliases.
 *
 * Every editor action is one transaction and one `tag_changes` record holding
 * the exact inverse operations, so any change can be seen and undone.
 * Automatic tags (from bylines) are `source = 'auto'`; an editor's tag is
 * `manual` and is never overwritten by a re-import.
 */
import type { ArticleTag, ParsedArticle, ReporterRole, TagInfo, TagKind, TagRef, TagChangeRecord } from '../../shared/api';
import { type Db, inTransaction } from './db';
import { bumpGeneration } from './meta';
import { BadInput, NotFound } from '../errors';
import { foldForSearch } from '../../shared/search-fold';
import { changeAuthor, logTagOps, logTagVocabulary } from './oplog';

interface TagOp {
  op: 'add' | 'remove';
  a: number; // article id
  t: number; // tag id
  r: string | null; // role
  s: 'auto' | 'manual';
}

export const TAG_KINDS: readonly TagKind[] = ['reporter', 'department', 'topic'];

/** `记者陆晓茜` → `陆晓茜`; trims role words and spaces editors often paste with names. */
export function cleanTagName(kind: TagKind, name: string): string {
  let n = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (kind === 'reporter') n = n.replace(/^(本报)?(见习|特约)?(记者|通讯员|实习生|摄影)\s*/, '').replace(/\s*摄$/, '');
  return n.slice(0, 100);
}

export function findTagId(db: Db, kind: TagKind, name: string): number | undefined {
  const n = cleanTagName(kind, name);
  const direct = db.prepare('SELECT id FROM tags WHERE kind = ? AND name = ?').get([kind, n]) as { id: number } | undefined;
  if (direct) return direct.id;
  const alias = db.prepare('SELECT tag_id AS id FROM tag_aliases WHERE kind = ? AND alias = ?').get([kind, n]) as
    | { id: number }
    | undefined;
  return alias?.id;
}

/**
 * The name a tag is filed under (an alias gives its tag's name). A name that is no tag as written
 * is looked for in either script and any width (`记者:陈嘉欣` finds the reporter printed `陳嘉欣`):
 * a scan of this kind's names, only when the name is not found as written. Otherwise the name, cleaned.
 */
export function canonicalTagName(db: Db, kind: TagKind, name: string): string {
  const id = findTagId(db, kind, name);
  if (id !== undefined) return (db.prepare('SELECT name FROM tags WHERE id = ?').get([id]) as { name: string }).name;
  const clean = cleanTagName(kind, name);
  const folded = foldForSearch(clean);
  for (const r of db.prepare('SELECT name FROM tags WHERE kind = ? ORDER BY id').iterate([kind]) as Iterable<{ name: string }>) {
    if (foldForSearch(r.name) === folded) return r.name;
  }
  return clean;
}

export function ensureTag(db: Db, kind: TagKind, name: string): number {
  const found = findTagId(db, kind, name);
  if (found !== undefined) return found;
  const n = cleanTagName(kind, name);
  if (!n) throw new BadInput('标签名不能为空');
  return Number(db.prepare('INSERT INTO tags (kind, name) VALUES (?, ?)').run([kind, n]).lastInsertRowid);
}

const ROLE_OF: [keyof Pick<NonNullable<ParsedArticle['byline']>, 'reporters' | 'correspondents' | 'photographers' | 'interns'>, ReporterRole][] = [
  ['reporters', '记者'],
  ['correspondents', '通讯员'],
  ['photographers', '摄影'],
  ['interns', '实习生'],
];

/** Tags a byline implies (reporters with roles, the department). */
export function bylineTags(a: ParsedArticle): TagRef[] {
  const out: TagRef[] = [];
  const b = a.byline;
  if (!b) return out;
  for (const [field, role] of ROLE_OF) for (const name of b[field] ?? []) out.push({ kind: 'reporter', name, role });
  if (b.department) out.push({ kind: 'department', name: b.department });
  return out;
}

/** Automatic tags from the byline of a newly stored article (inside the caller's transaction). */
export function applyAutoTags(db: Db, articleId: number, a: ParsedArticle): void {
  const ins = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, role, source) VALUES (?,?,?,?)');
  for (const t of bylineTags(a)) {
    if (!cleanTagName(t.kind, t.name)) continue;
    ins.run([articleId, ensureTag(db, t.kind, t.name), t.role ?? null, 'auto']);
  }
}

export function articleTags(db: Db, articleId: number): ArticleTag[] {
  return (
    db
      .prepare(
        `SELECT t.kind, t.name, at.role, at.source FROM article_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.article_id = ? ORDER BY t.kind, at.rowid`,
      )
      .all([articleId]) as { kind: TagKind; name: string; role: string | null; source: 'auto' | 'manual' }[]
  ).map((r) => ({ kind: r.kind, name: r.name, role: (r.role ?? undefined) as ReporterRole | undefined, source: r.source }));
}

function record(db: Db, action: string, ops: TagOp[], articles: number): number {
  bumpGeneration(db);
  // The undo list is the inverse of what was done, in reverse order.
  const undo = ops
    .slice()
    .reverse()
    .map((o) => ({ ...o, op: o.op === 'add' ? 'remove' : 'add' }));
  return Number(
    db
      .prepare('INSERT INTO tag_changes (action, articles, user, at, undo) VALUES (?,?,?,?,?)')
      .run([action, articles, changeAuthor(db), new Date().toISOString(), JSON.stringify(undo)]).lastInsertRowid,
  );
}

function applyOps(db: Db, ops: TagOp[]): void {
  const ins = db.prepare('INSERT OR REPLACE INTO article_tags (article_id, tag_id, role, source) VALUES (?,?,?,?)');
  const del = db.prepare('DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?');
  for (const o of ops) {
    if (o.op === 'add') ins.run([o.a, o.t, o.r, o.s]);
    else del.run([o.a, o.t]);
  }
}

export interface TagChangeOutcome {
  changeId: number;
  articleIds: number[];
}

/** Add/remove tags on many articles at once: one transaction, one record. */
export function changeTags(db: Db, ids: number[], add: TagRef[], remove: TagRef[]): TagChangeOutcome {
  return inTransaction(db, () => {
    const ops: TagOp[] = [];
    const existing = db.prepare('SELECT role, source FROM article_tags WHERE article_id = ? AND tag_id = ?');
    const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?');
    const valid = ids.filter((id) => exists.get([id]));
    for (const ref of remove) {
      const tagId = findTagId(db, ref.kind, ref.name);
      if (tagId === undefined) continue;
      for (const a of valid) {
        const cur = existing.get([a, tagId]) as { role: string | null; source: 'auto' | 'manual' } | undefined;
        if (cur) ops.push({ op: 'remove', a, t: tagId, r: cur.role, s: cur.source });
      }
    }
    for (const ref of add) {
      const tagId = ensureTag(db, ref.kind, ref.name);
      for (const a of valid) {
        const cur = existing.get([a, tagId]) as { role: string | null; source: 'auto' | 'manual' } | undefined;
        const role = ref.role ?? cur?.role ?? null;
        if (cur && cur.source === 'manual' && cur.role === role) continue;
        if (cur) ops.push({ op: 'remove', a, t: tagId, r: cur.role, s: cur.source });
        ops.push({ op: 'add', a, t: tagId, r: role, s: 'manual' });
      }
    }
    applyOps(db, ops);
    logTagOps(db, ops);
    const touched = [...new Set(ops.map((o) => o.a))];
    const desc = [
      ...add.map((r) => `+${r.kind}:${r.name}`),
      ...remove.map((r) => `-${r.kind}:${r.name}`),
    ].join(' ');
    const changeId = record(db, desc, ops, touched.length);
    return { changeId, articleIds: touched };
  });
}

/**
 * Undo a change: the given one, or the last undoable one not yet undone.
 * Renames, merges and deletions are recorded without an undo list: they are
 * never "undone" (and never hide an earlier tag edit from undo).
 */
export function undoChange(db: Db, changeId?: number): TagChangeOutcome | null {
  return inTransaction(db, () => {
    const row = (
      changeId === undefined
        ? db.prepare("SELECT id, undo FROM tag_changes WHERE undone = 0 AND undo != '[]' ORDER BY id DESC LIMIT 1").get([])
        : db.prepare("SELECT id, undo FROM tag_changes WHERE id = ? AND undone = 0 AND undo != '[]'").get([changeId])
    ) as { id: number; undo: string } | undefined;
    if (!row) return null;
    const ops = (JSON.parse(row.undo) as TagOp[]).filter((o) => {
      // Skip ops on articles or tags that no longer exist.
      const art = db.prepare('SELECT 1 FROM articles WHERE id = ?').get([o.a]);
      const tag = db.prepare('SELECT 1 FROM tags WHERE id = ?').get([o.t]);
      return art && tag;
    });
    applyOps(db, ops);
    logTagOps(db, ops);
    db.prepare('UPDATE tag_changes SET undone = 1 WHERE id = ?').run([row.id]);
    bumpGeneration(db);
    return { changeId: row.id, articleIds: [...new Set(ops.map((o) => o.a))] };
  });
}

export function tagHistory(db: Db, limit = 50): TagChangeRecord[] {
  return (
    db.prepare('SELECT id, action, articles, user, at, undone FROM tag_changes ORDER BY id DESC LIMIT ?').all([limit]) as {
      id: number;
      action: string;
      articles: number;
      user: string;
      at: string;
      undone: number;
    }[]
  ).map((r) => ({ ...r, undone: r.undone === 1 }));
}

export function listTags(db: Db, kind?: TagKind, prefix?: string, limit = 1000): TagInfo[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (kind) {
    where.push('t.kind = ?');
    args.push(kind);
  }
  if (prefix) {
    where.push(`(t.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM tag_aliases x WHERE x.tag_id = t.id AND x.alias LIKE ? ESCAPE '\\'))`);
    const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    args.push(like, like);
  }
  args.push(limit);
  const rows = db
    .prepare(
      `SELECT t.id, t.kind, t.name, (SELECT COUNT(*) FROM article_tags at WHERE at.tag_id = t.id) AS count,
              (SELECT json_group_array(alias) FROM tag_aliases a WHERE a.tag_id = t.id) AS aliases
       FROM tags t ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY count DESC, t.name LIMIT ?`,
    )
    .all(args) as { kind: TagKind; name: string; count: number; aliases: string }[];
  return rows.map((r) => ({ kind: r.kind, name: r.name, count: r.count, aliases: JSON.parse(r.aliases) as string[] }));
}

export function tagUsage(db: Db, kind: TagKind, name: string): { tagId?: number; articleIds: number[] } {
  const tagId = findTagId(db, kind, name);
  if (tagId === undefined) return { articleIds: [] };
  const ids = (db.prepare('SELECT article_id FROM article_tags WHERE tag_id = ?').all([tagId]) as { article_id: number }[]).map(
    (r) => r.article_id,
  );
  return { tagId, articleIds: ids };
}

/** Merge `from` into `into`: every article moves to the survivor, `from` and its aliases become aliases. */
export function mergeTags(db: Db, kind: TagKind, from: string, into: string): number[] {
  return inTransaction(db, () => {
    const a = findTagId(db, kind, from);
    if (a === undefined) throw new NotFound(`没有这个标签：${from}`);
    const b = ensureTag(db, kind, into);
    if (a === b) return [];
    const fromName = (db.prepare('SELECT name FROM tags WHERE id = ?').get([a]) as { name: string }).name;
    const ids = (db.prepare('SELECT article_id FROM article_tags WHERE tag_id = ?').all([a]) as { article_id: number }[]).map(
      (r) => r.article_id,
    );
    db.prepare(
      `INSERT OR IGNORE INTO article_tags (article_id, tag_id, role, source)
       SELECT article_id, ?, role, source FROM article_tags WHERE tag_id = ?`,
    ).run([b, a]);
    db.prepare('UPDATE OR IGNORE tag_aliases SET tag_id = ? WHERE tag_id = ?').run([b, a]);
    db.prepare('UPDATE OR IGNORE tag_dots SET tag_id = ? WHERE tag_id = ?').run([b, a]); // the adds seen go along (oplog.ts)
    db.prepare('DELETE FROM tags WHERE id = ?').run([a]);
    db.prepare('INSERT OR IGNORE INTO tag_aliases (tag_id, kind, alias) VALUES (?,?,?)').run([b, kind, fromName]);
    // Not undoable: recorded with an empty undo list.
    record(db, `merge ${kind}:${fromName} → ${into}`, [], ids.length);
    logTagVocabulary(db, { action: 'merge', kind, from: fromName, to: cleanTagName(kind, into) });
    return ids;
  });
}

/** Rename a tag (the old name stays as an alias); renaming onto an existing tag merges. */
export function renameTag(db: Db, kind: TagKind, from: string, to: string): number[] {
  const target = cleanTagName(kind, to);
  if (!target) throw new BadInput('新名称不能为空');
  const a = findTagId(db, kind, from);
  if (a === undefined) throw new NotFound(`没有这个标签：${from}`);
  const b = findTagId(db, kind, target);
  if (b !== undefined && b !== a) return mergeTags(db, kind, from, target);
  return inTransaction(db, () => {
    const old = (db.prepare('SELECT name FROM tags WHERE id = ?').get([a]) as { name: string }).name;
    db.prepare('DELETE FROM tag_aliases WHERE kind = ? AND alias = ?').run([kind, target]);
    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run([target, a]);
    if (old !== target) db.prepare('INSERT OR IGNORE INTO tag_aliases (tag_id, kind, alias) VALUES (?,?,?)').run([a, kind, old]);
    const ids = (db.prepare('SELECT article_id FROM article_tags WHERE tag_id = ?').all([a]) as { article_id: number }[]).map(
      (r) => r.article_id,
    );
    // Not undoable: recorded with an empty undo list.
    record(db, `rename ${kind}:${old} → ${target}`, [], ids.length);
    logTagVocabulary(db, { action: 'rename', kind, from: old, to: target });
    return ids;
  });
}

export function deleteTag(db: Db, kind: TagKind, name: string): number[] {
  return inTransaction(db, () => {
    const a = findTagId(db, kind, name);
    if (a === undefined) throw new NotFound(`没有这个标签：${name}`);
    const rows = db.prepare('SELECT article_id, role, source FROM article_tags WHERE tag_id = ?').all([a]) as {
      article_id: number;
      role: string | null;
      source: 'auto' | 'manual';
    }[];
    db.prepare('DELETE FROM tags WHERE id = ?').run([a]);
    // Not undoable: recorded with an empty undo list.
    record(db, `delete ${kind}:${name}`, [], rows.length);
    logTagVocabulary(db, { action: 'delete', kind, from: name });
    return rows.map((r) => r.article_id);
  });
}

/** Every tag name and alias (for jieba's user dictionary). */
export function allTagWords(db: Db): string[] {
  const names = db.prepare('SELECT name FROM tags UNION SELECT alias FROM tag_aliases').all([]) as { name: string }[];
  return names.map((r) => r.name);
}
