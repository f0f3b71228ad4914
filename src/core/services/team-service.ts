/**
 * 设置 → 团队档案库 (issue 22): this desk's settings for the newsroom's shared archive, its state,
 * 立即同步 and the conflicts, for the app (the CLI has `baoku sync|users|conflicts`, src/cli/sync.ts).
 * The sync itself is the engine's (`core/sync/engine.ts`); this service keeps the settings and runs it.
 *
 * Settings live in the archive's `meta` table (no table of their own):
 * - `team.remote`: the PostgreSQL address as entered, without a password (what `teamStatus` shows);
 * - `team.password`: its password, kept apart so that no answer, message or log line can carry it
 *   (answers say only `hasPassword`; connection errors name host, port, user and database, never
 *   the password). It is in `archive.sqlite`, and so in its backups, like a password a browser
 *   remembers: readable by whoever can read the archive folder. A newsroom gives baoku a login of
 *   its own; a desk that keeps no password leaves it out and PostgreSQL's `~/.pgpass` supplies it
 *   (`baoku sync` without `--remote` connects to this address too);
 * - `sync.user`: this desk's user (shared with the CLI's `--user`);
 * - `team.lastSync`: the last sync that reached the shared archive (`TeamSyncResult`, JSON).
 * A failed attempt is answered, not stored: a remote that cannot be reached changes nothing here.
 *
 * Runs in the core's worker like every call (never on the UI's thread); a sync awaits PostgreSQL
 * between batches, so searches and edits are answered meanwhile. One sync at a time: a second
 * `syncNow` while one runs gets the same answer.
 */
import type { TeamConflict, TeamSettingsRequest, TeamStatus, TeamSyncResult } from '../../shared/api';
import { UserError } from '../errors';
import { getMeta, setMeta, TEAM_PASSWORD_KEY } from '../store/meta';
import { syncUser } from '../store/oplog';
import { fieldLabel } from '../store/correction-replay';
import { shownValue } from '../sync/apply';
import { listConflicts, resolveConflict, syncArchive } from '../sync/engine';
import { cleanUserName, Remote } from '../sync/remote';
import type { SyncTarget } from '../sync/target';
import { inTransaction, type Db } from '../store/handle';
import { contextOf, type ArchiveContext } from './context';

const REMOTE = 'team.remote';
const PASSWORD = TEAM_PASSWORD_KEY;
const LAST_SYNC = 'team.lastSync';

/** `postgres://u:p@h/db` → the address without the password, and the password (decoded), if any. */
export function splitRemote(url: string): { remote: string; password?: string } {
  const trimmed = url.trim();
  if (!/^postgres(ql)?:\/\/\S+$/.test(trimmed)) throw new UserError('团队档案库的地址要写成 postgres://用户@主机/数据库');
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    throw new UserError('团队档案库的地址写得不对：要写成 postgres://用户@主机[:端口]/数据库');
  }
  if (!u.hostname) throw new UserError('团队档案库的地址里没有主机：要写成 postgres://用户@主机[:端口]/数据库');
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { remote: u.href, password };
}

/** The address to connect to: the stored one with its password put back. */
function withPassword(remote: string, password: string | undefined): string {
  if (!password) return remote;
  const u = new URL(remote);
  u.password = encodeURIComponent(password);
  return u.href;
}

/** The address kept in 设置 → 团队档案库, with its password, to connect to (`baoku sync` without `--remote` uses it). */
export function storedRemoteUrl(db: Db): string | undefined {
  const remote = getMeta(db, REMOTE);
  return remote && withPassword(remote, getMeta(db, PASSWORD));
}

/** `storedRemoteUrl` of an open archive (`baoku sync` without `--remote`). */
export function storedRemoteOf(archive: SyncTarget): string | undefined {
  return storedRemoteUrl(contextOf(archive).db);
}

/** An error met after connecting, as one sentence (a `UserError`'s message is one already). */
function syncProblem(err: unknown): string {
  if (err instanceof UserError) return err.message;
  const msg = String((err as Error)?.message ?? err);
  if (/Connection terminated|ECONNRESET|EPIPE|connection.*(closed|ended)/i.test(msg)) {
    return '同步中断：与团队档案库的连接断开了。已经收发的改动都保留，再同步一次即可接着完成。';
  }
  return `同步出错：${msg.replace(/\/\/([^:/@]+):[^@]*@/g, '//$1:***@')}。已经收发的改动都保留，可以再同步一次。`;
}

function summary(r: Omit<TeamSyncResult, 'message'>): string {
  if (!r.ok) return r.error ?? '同步失败';
  const parts = [`已同步：发送 ${r.pushed} 条改动，收到 ${r.pulled} 条（本机应用 ${r.applied} 条）`];
  if (r.pending) parts.push(`${r.pending} 条等待对应的文章`);
  if (r.conflicts.length) parts.push(`发现 ${r.conflicts.length} 处冲突`);
  if (r.refused) parts.push(`本机的改动未发送：${r.refused}`);
  return `${parts.join('；')}。`;
}

export class TeamService {
  private running?: Promise<TeamSyncResult>;

  /** `ctx`: the archive's store and state; `target`: the archive itself, as the sync engine applies remote ops through it. */
  constructor(
    private readonly ctx: ArchiveContext,
    private readonly target: SyncTarget,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  private count(sql: string): number {
    return (this.db.prepare(sql).get([]) as { n: number }).n;
  }

  async teamStatus(): Promise<TeamStatus> {
    const remote = getMeta(this.db, REMOTE);
    const last = getMeta(this.db, LAST_SYNC);
    const user = syncUser(this.db);
    // A read-only carrier (the LAN host) does not show where the newsroom's database is.
    const shown = this.ctx.writable ? remote : undefined;
    return {
      ...(shown ? { remote: shown } : {}),
      hasPassword: this.ctx.writable && !!getMeta(this.db, PASSWORD),
      ...(user ? { user } : {}),
      ...(last ? { lastSync: JSON.parse(last) as TeamSyncResult } : {}),
      unsent: this.count('SELECT COUNT(*) AS n FROM ops WHERE server_seq IS NULL'),
      waiting: this.count('SELECT COUNT(*) AS n FROM ops WHERE pending IS NOT NULL'),
      openConflicts: this.count('SELECT COUNT(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL'),
      syncing: !!this.running,
    };
  }

  async setTeamSettings(req: TeamSettingsRequest): Promise<TeamStatus> {
    this.ctx.requireWritable();
    const user = req.user === undefined ? undefined : cleanUserName(req.user);
    const split = req.remote ? splitRemote(req.remote) : undefined;
    inTransaction(this.db, () => {
      if (req.remote === null) {
        this.db.prepare('DELETE FROM meta WHERE key IN (?, ?)').run([REMOTE, PASSWORD]);
      } else if (split) {
        // A new address: a password written in it replaces the one kept; without one, the kept password stays only for the same address.
        const before = getMeta(this.db, REMOTE);
        setMeta(this.db, REMOTE, split.remote);
        if (split.password !== undefined) setMeta(this.db, PASSWORD, split.password);
        else if (before !== split.remote) this.db.prepare('DELETE FROM meta WHERE key = ?').run([PASSWORD]);
      }
      if (req.password === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run([PASSWORD]);
      else if (req.password) {
        if (!getMeta(this.db, REMOTE)) throw new UserError('请先填写团队档案库的地址，再填密码');
        setMeta(this.db, PASSWORD, req.password);
      }
      if (user) setMeta(this.db, 'sync.user', user);
    });
    return this.teamStatus();
  }

  /** Push and pull now. One at a time: a call while a sync runs gets that sync's answer. */
  async syncNow(): Promise<TeamSyncResult> {
    this.ctx.requireWritable();
    const remote = getMeta(this.db, REMOTE);
    if (!remote) throw new UserError('还没有填写团队档案库的地址（postgres://用户@主机/数据库）');
    if (!syncUser(this.db)) throw new UserError('请先填写本机使用者：团队档案库里的用户名，本机的改动都记在这个名字下');
    this.running ??= this.run(storedRemoteUrl(this.db)!).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves when no sync runs (`Archive.close` waits for it: a thread ended inside a libsql call aborts). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(url: string): Promise<TeamSyncResult> {
    const base = { pushed: 0, pulled: 0, applied: 0, pending: 0, conflicts: [] as string[] };
    let remote: Remote;
    try {
      remote = await Remote.connect(url);
    } catch (err) {
      return this.finish({ ok: false, at: new Date().toISOString(), ...base, error: syncProblem(err) });
    }
    try {
      const r = await syncArchive(this.target, remote);
      const done = this.finish({ ok: true, at: new Date().toISOString(), pushed: r.pushed, pulled: r.pulled, applied: r.applied, pending: r.pending, conflicts: r.conflicts, ...(r.refused ? { refused: r.refused } : {}) });
      setMeta(this.db, LAST_SYNC, JSON.stringify(done));
      return done;
    } catch (err) {
      return this.finish({ ok: false, at: new Date().toISOString(), ...base, error: syncProblem(err) });
    } finally {
      await remote.close();
    }
  }

  private finish(r: Omit<TeamSyncResult, 'message'>): TeamSyncResult {
    return { ...r, message: summary(r) };
  }

  async listTeamConflicts(req: { all?: boolean } = {}): Promise<TeamConflict[]> {
    const author = this.db.prepare('SELECT c.id, o.author, a.title FROM sync_conflicts c LEFT JOIN ops o ON o.id = c.op_id LEFT JOIN articles a ON a.id = c.article_id');
    const more = new Map((author.all([]) as { id: number; author: string | null; title: string | null }[]).map((r) => [r.id, r]));
    const target = this.db.prepare('SELECT target FROM sync_conflicts WHERE id = ?');
    return listConflicts(this.db, req.all).map((c) => {
      const m = more.get(c.id);
      let field = '';
      try {
        field = String((JSON.parse((target.get([c.id]) as { target: string }).target) as unknown[])[1] ?? '');
      } catch {
        /* an old or foreign target: no field */
      }
      const restructure = /^(merge|split)/.test(field);
      return {
        id: c.id,
        message: c.message,
        ...(c.articleId !== null ? { articleId: c.articleId } : {}),
        ...(m?.title ? { articleTitle: m.title } : {}),
        field: field ? fieldLabel(field) : '',
        theirs: { author: m?.author ?? '另一台电脑', ...(restructure ? {} : { value: shownValue(c.theirs) }) },
        ...(restructure ? {} : { mine: shownValue(c.mine) }),
        kept: c.kept,
        at: c.at,
        ...(c.resolvedAt ? { resolvedAt: c.resolvedAt } : {}),
      };
    });
  }

  async resolveTeamConflict(req: { id: number }): Promise<TeamStatus> {
    this.ctx.requireWritable();
    if (!resolveConflict(this.db, req.id)) throw new UserError(`没有未处理的第 ${req.id} 号冲突`, 'not-found');
    return this.teamStatus();
  }
}
