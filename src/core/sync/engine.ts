/**
 * One sync of a desk's archive with the newsroom's shared archive (issue 22): push this desk's
 * ops not yet sent, then pull everyone's ops after the last server sequence seen here and apply
 * them (`apply.ts`), then try again what was pending.
 *
 * Crash safety (a kill -9 at any point loses and duplicates nothing):
 * - push: each batch is one PostgreSQL transaction (`remote.ts`); the sequence numbers it got are
 *   written here afterwards. Killed in between, the next sync sends the batch again: the server
 *   keeps one copy (unique op id) and answers with the numbers it gave the first time.
 * - pull: each op is applied in one SQLite transaction together with its row in `ops` and the pull
 *   cursor (`meta` `sync.lastSeq`): applied and remembered, or neither. An op whose id is already
 *   here (this desk's own, or one applied before) is skipped: replaying the log changes nothing.
 *   The ops this sync has just sent come back without their payload (`Remote.pull` `held`): a
 *   desk's first sync uploads its pages once and does not download them again.
 * The search index follows the store as after any edit; no index file is written while ops are
 * applied (the save scheduler is held, as by an import), and a desk's sync writes it at the end when
 * it changed (killed before, it no longer matches the store's generation and is rebuilt at the next
 * open); a replica's pulls (`pullOnly`, `follow.ts`) leave the saving to the save scheduler.
 */
import type { TeamSyncResult } from '../../shared/api';
import type { SyncTarget } from './target';
import { contextOf } from '../services/context';
import type { Db } from '../store/db';
import { inTransaction } from '../store/handle';
import { getMeta, setMeta } from '../store/meta';
import { logClippingSet, logCorrection, logDictWord, logTagOps, SYNCED_FIELD, syncUser } from '../store/oplog';
import { applyOp } from './apply';
import { RefusedError, type Remote, type RemoteOp, type WireOp } from './remote';
import { UserError } from '../errors';

/**
 * What one sync did: the counts the app shows (`TeamSyncResult` of the contract: ops sent; ops
 * received, others' and, when sent before, this desk's own, and of those applied here now; still
 * waiting for their article; conflicts found; why the shared archive refused this desk's changes),
 * with the desk's user and the last server sequence it has seen.
 */
export interface SyncReport extends Pick<TeamSyncResult, 'pushed' | 'pulled' | 'applied' | 'pending' | 'conflicts' | 'refused'> {
  user: string;
  lastSeq: number;
}

export interface SyncOptions {
  /** Ops per push batch / pull page (default 100 / 200). */
  pushBatch?: number;
  pullBatch?: number;
  /** Called after each batch pushed or op pulled. */
  onProgress?: (what: 'push' | 'pull', done: number) => void;
  /** Only receive (a read replica, `follow.ts`): no user needed, nothing of this archive is sent. */
  pullOnly?: boolean;
}

/** Keep a push batch under this many bytes of JSON (pages' raw texts). */
const PUSH_BYTES = 8 * 1024 * 1024;

/** Run `fn` in one SQLite transaction (the store's own nested transactions become savepoints). */
async function transaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = await fn();
    db.exec('COMMIT');
    return out;
  } catch (err) {
    try {
      db.exec('ROLLBACK');
    } catch {
      /* already rolled back */
    }
    throw err;
  }
}

/** An op for each clipping set that has none (made before clipping sets travelled); how many. */
function unloggedClippingSets(db: Db): number {
  const sets = db.prepare("SELECT uid, name, article_ids FROM clipping_sets c WHERE NOT EXISTS (SELECT 1 FROM ops o WHERE o.target = 'clips:' || c.uid) ORDER BY id").all([]) as {
    uid: string;
    name: string;
    article_ids: string;
  }[];
  for (const c of sets) logClippingSet(db, c.uid, { name: c.name, articleIds: JSON.parse(c.article_ids) as number[] });
  return sets.length;
}

/**
 * Ops for what this archive held before it kept an op log (made by an older version, or before
 * migration 8): its pages, editors' tags, field corrections, dictionary words and clipping sets, once
 * (clipping sets also later: see `unloggedClippingSets`).
 */
export function baselineOps(db: Db): number {
  // (Clipping sets travel since migration 11: a desk that made its baseline before has sets without an op.)
  if (getMeta(db, 'sync.baseline')) return inTransaction(db, () => unloggedClippingSets(db));
  const before = (db.prepare('SELECT COUNT(*) AS n FROM ops').get([]) as { n: number }).n;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare(
      `INSERT INTO ops (id, kind, target, author, at, base, payload, import_id, origin)
       SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
                    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
              'import', p.page_key, NULL, i.imported_at, NULL,
              json_object('file', i.file, 'hash', i.hash, 'paper', i.paper, 'date', i.date, 'page', i.page, 'encoding', i.encoding, 'parserVersion', p.parser_version),
              p.import_id, 'local'
       FROM pages p JOIN imports i ON i.id = p.import_id
       WHERE NOT EXISTS (SELECT 1 FROM ops o WHERE o.kind = 'import' AND o.target = p.page_key)
       ORDER BY p.id`,
    ).run([]);
    const manual = db
      .prepare("SELECT at.article_id AS a, at.tag_id AS t, at.role AS r FROM article_tags at WHERE at.source = 'manual' AND NOT EXISTS (SELECT 1 FROM tag_dots d WHERE d.article_id = at.article_id AND d.tag_id = at.tag_id)")
      .all([]) as { a: number; t: number; r: string | null }[];
    for (let i = 0; i < manual.length; i += 1000) logTagOps(db, manual.slice(i, i + 1000).map((m) => ({ op: 'add' as const, ...m })));
    const corrections = db
      .prepare("SELECT id, article_id, field, before, after FROM corrections c WHERE undone_at IS NULL AND applied = 1 AND NOT EXISTS (SELECT 1 FROM ops o WHERE o.local_ref = c.id) ORDER BY id")
      .all([]) as { id: number; article_id: number; field: string; before: string | null; after: string | null }[];
    for (const c of corrections) {
      if (SYNCED_FIELD.test(c.field)) logCorrection(db, c.id, c.article_id, c.field, c.before && JSON.parse(c.before), c.after && JSON.parse(c.after));
    }
    for (const w of db.prepare("SELECT word FROM dictionary WHERE source = 'editor' AND NOT EXISTS (SELECT 1 FROM ops o WHERE o.target = 'dict:' || word)").all([]) as { word: string }[]) logDictWord(db, w.word);
    unloggedClippingSets(db);
    setMeta(db, 'sync.baseline', new Date().toISOString());
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return (db.prepare('SELECT COUNT(*) AS n FROM ops').get([]) as { n: number }).n - before;
}

interface OpRow {
  id: string;
  kind: string;
  target: string | null;
  author: string | null;
  at: string;
  base: string | null;
  payload: string;
  raw_text: string | null;
  import_id: number | null;
}

/** The next batch of ops not yet sent, as they travel (the raw text of an import added from `imports`). */
function unsent(db: Db, user: string, max: number): WireOp[] {
  const rows = db
    .prepare('SELECT o.id, o.kind, o.target, o.author, o.at, o.base, o.payload, o.import_id, i.raw_text FROM ops o LEFT JOIN imports i ON i.id = o.import_id WHERE o.server_seq IS NULL ORDER BY o.n LIMIT ?')
    .all([max]) as OpRow[];
  const out: WireOp[] = [];
  let bytes = 0;
  for (const r of rows) {
    let payload = r.payload;
    if (r.kind === 'import') payload = JSON.stringify({ ...(JSON.parse(r.payload) as object), rawText: r.raw_text ?? '' });
    bytes += payload.length * 3;
    if (out.length && bytes > PUSH_BYTES) break;
    out.push({ id: r.id, kind: r.kind, target: r.target, author: r.author ?? user, at: r.at, base: r.base, payload });
  }
  return out;
}

/** Send every op not yet sent; the sequence numbers the server gave them, ascending. */
async function push(db: Db, remote: Remote, user: string, opts: SyncOptions): Promise<number[]> {
  const sent: number[] = [];
  for (;;) {
    const batch = unsent(db, user, opts.pushBatch ?? 100);
    if (!batch.length) return sent.sort((a, b) => a - b);
    const seqs = await remote.push(batch);
    db.exec('BEGIN IMMEDIATE');
    try {
      // Sent: the reading of an import is not kept in the log any longer (the articles are in the archive).
      const mark = db.prepare("UPDATE ops SET server_seq = ?, author = COALESCE(author, ?), payload = CASE WHEN kind = 'import' THEN json_remove(payload, '$.reading') ELSE payload END WHERE id = ?");
      for (const op of batch) {
        const seq = seqs.get(op.id);
        if (seq === undefined) throw new Error(`团队档案库没有确认操作 ${op.id}`);
        mark.run([seq, user, op.id]);
        sent.push(seq);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    opts.onProgress?.('push', sent.length);
  }
}

const lastSeq = (db: Db) => Number(getMeta(db, 'sync.lastSeq') ?? '0');

/** Apply one remote op and remember it, in one transaction. True when it was new here. */
async function receive(archive: SyncTarget, op: RemoteOp, report: SyncReport): Promise<void> {
  const db = contextOf(archive).db;
  await transaction(db, async () => {
    const known = db.prepare('SELECT server_seq FROM ops WHERE id = ?').get([op.id]) as { server_seq: number | null } | undefined;
    if (known) {
      // This desk's own op, sent by a push whose answer was lost: its number is now known.
      if (known.server_seq === null) db.prepare('UPDATE ops SET server_seq = ? WHERE id = ?').run([op.seq, op.id]);
    } else {
      const done = await applyOp(archive, op);
      // The raw text of an import is in `imports` now and its reading in `articles`; the op row keeps the rest.
      const payload = op.kind === 'import' ? JSON.stringify({ ...(JSON.parse(op.payload) as object), rawText: undefined, reading: undefined }) : op.payload;
      db.prepare(
        `INSERT INTO ops (id, kind, target, author, at, base, payload, local_ref, origin, server_seq, pending) VALUES (?,?,?,?,?,?,?,?, 'remote', ?, ?)`,
      ).run([op.id, op.kind, op.target, op.author, op.at, op.base, payload, done.localRef ?? null, op.seq, done.pending === undefined ? null : JSON.stringify(done.pending)]);
      report.applied++;
      if (done.conflict) report.conflicts.push(done.conflict);
    }
    setMeta(db, 'sync.lastSeq', String(op.seq));
  });
}

/** Ops that waited for their article: tried again (their article may have come since). */
async function retryPending(archive: SyncTarget, report: SyncReport): Promise<void> {
  const db = contextOf(archive).db;
  const rows = db.prepare('SELECT id, kind, target, author, at, base, payload, server_seq AS seq, pending FROM ops WHERE pending IS NOT NULL ORDER BY server_seq').all([]) as (RemoteOp & {
    pending: string;
  })[];
  for (const r of rows) {
    await transaction(db, async () => {
      const retry = JSON.parse(r.pending) as unknown;
      const done = await applyOp(archive, r, Array.isArray(retry) ? retry : undefined);
      db.prepare('UPDATE ops SET pending = ?, local_ref = COALESCE(?, local_ref) WHERE id = ?').run([done.pending === undefined ? null : JSON.stringify(done.pending), done.localRef ?? null, r.id]);
      if (done.conflict) report.conflicts.push(done.conflict);
    });
  }
  report.pending = (db.prepare('SELECT COUNT(*) AS n FROM ops WHERE pending IS NOT NULL').get([]) as { n: number }).n;
}

/** Push, pull, apply. The desk's user must be named (`sync.user`), unless it only receives (`pullOnly`). */
export async function syncArchive(archive: SyncTarget, remote: Remote, opts: SyncOptions = {}): Promise<SyncReport> {
  const db = contextOf(archive).db;
  const user = syncUser(db);
  if (!user && !opts.pullOnly) throw new RefusedError('请先用 --user 名字 指定本机的使用者（团队档案库里的用户名）');
  const report: SyncReport = { user: user ?? '', pushed: 0, pulled: 0, applied: 0, pending: 0, conflicts: [], lastSeq: lastSeq(db) };
  /** The sequence numbers of the ops this sync sent (ascending): pulled back without their payload. */
  let sent: number[] = [];
  // A desk syncs with one shared archive: its pull position and sent marks are that archive's.
  const shared = await remote.archiveId();
  const joined = getMeta(db, 'sync.archiveId');
  if (joined && joined !== shared) throw new UserError('这个档案库已经与另一个团队档案库同步过，不能再与这个同步（它的改动记录对不上）；请用新的档案库目录加入');
  if (!joined) setMeta(db, 'sync.archiveId', shared);
  if (!opts.pullOnly) {
    baselineOps(db);
    try {
      sent = await push(db, remote, user!, opts);
      report.pushed = sent.length;
    } catch (err) {
      if (!(err instanceof RefusedError)) throw err;
      report.refused = err.message; // what this desk changed stays here; it still receives everyone else's
    }
  }
  // Applying ops changes the index over and over: no index file is written until the end of the
  // pull (at 150k a save takes seconds and was a tenth of a first sync's pull).
  const release = archive.holdIndexSaves();
  try {
    const limit = opts.pullBatch ?? 200;
    let k = 0;
    for (;;) {
      const after = lastSeq(db);
      // Of what this sync sent, the numbers that can be in the next page (the `limit` smallest above
      // the cursor): those ops come back without their payload (a first sync sends every page once).
      while (k < sent.length && sent[k] <= after) k++;
      const ops = await remote.pull(after, limit, sent.slice(k, k + limit));
      if (!ops.length) break;
      for (const op of ops) {
        await receive(archive, op, report);
        report.pulled++;
        opts.onProgress?.('pull', report.pulled);
      }
    }
    await retryPending(archive, report);
  } finally {
    archive.flushNearDups();
    if (report.applied) archive.countNewMatches();
    release();
    // A desk's sync ends with its index file current (written now if a change, the sync's or an edit
    // before it, is not on disk yet; not at all otherwise); a replica pulling every few seconds leaves
    // the file to the save scheduler.
    if (!opts.pullOnly) archive.flushIndexSaves();
  }
  report.lastSeq = lastSeq(db);
  return report;
}

export interface ConflictRecord {
  id: number;
  message: string;
  articleId: number | null;
  kept: 'mine' | 'theirs';
  mine: unknown;
  theirs: unknown;
  at: string;
  resolvedAt?: string;
}

/** Conflicts the syncs found (open ones, or all). */
export function listConflicts(db: Db, all = false): ConflictRecord[] {
  const rows = db.prepare(`SELECT * FROM sync_conflicts ${all ? '' : 'WHERE resolved_at IS NULL'} ORDER BY id`).all([]) as {
    id: number;
    message: string;
    article_id: number | null;
    kept: 'mine' | 'theirs';
    mine: string | null;
    theirs: string | null;
    at: string;
    resolved_at: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    message: r.message,
    articleId: r.article_id,
    kept: r.kept,
    mine: r.mine === null ? null : JSON.parse(r.mine),
    theirs: r.theirs === null ? null : JSON.parse(r.theirs),
    at: r.at,
    ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
  }));
}

/** A person decided: the conflict is closed (the article keeps what it has; correct it to change it). */
export function resolveConflict(db: Db, id: number): boolean {
  return db.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run([new Date().toISOString(), id]).changes > 0;
}

// The same for an `Archive` (the CLI's and the tests' way: its store is the core's own).

/** This desk's user (`meta` `sync.user`): the author of its changes and its syncs; undefined until named. */
export function deskUser(archive: SyncTarget): string | undefined {
  return syncUser(contextOf(archive).db);
}

/** Name this desk's user (already cleaned: `cleanUserName`). */
export function setDeskUser(archive: SyncTarget, name: string): void {
  setMeta(contextOf(archive).db, 'sync.user', name);
}

/** `listConflicts` of an archive. */
export function archiveConflicts(archive: SyncTarget, all = false): ConflictRecord[] {
  return listConflicts(contextOf(archive).db, all);
}

/** `resolveConflict` in an archive. */
export function resolveArchiveConflict(archive: SyncTarget, id: number): boolean {
  return resolveConflict(contextOf(archive).db, id);
}
