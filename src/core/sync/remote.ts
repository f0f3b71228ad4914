/**
 * The newsroom's shared archive in PostgreSQL (issue 22): the change log every desk pushes to and
 * pulls from, and its users. Plain Node (`pg`), no Electron.
 *
 * Schema (made here, `ensureSchema`, under an advisory lock so two desks starting at once do not race):
 * - `baoku_users(name, role)`: role `editor` (writes) or `reporter` (reads only).
 * - `baoku_ops(seq bigserial, id uuid unique, kind, target, author, at, base, payload)`: the log.
 * - `baoku_meta`: `archive_id`, this shared archive's identity (a desk's pull position and sent
 *   marks mean something only for the one archive it synced with).
 *   `seq` is the server's order, which every desk applies in; `id` unique makes a re-sent op a no-op.
 *   Payloads are JSON kept as text (exactly what was sent; jsonb would reorder keys).
 *
 * A push is one transaction: the roles of the batch's authors are checked inside it (a reporter's
 * write is refused there, whatever the desk says), the ops are inserted with `ON CONFLICT (id) DO
 * NOTHING`, and their sequence numbers are read back. A desk killed before or during the commit
 * has sent nothing; killed after it, it sends the same ops again and gets the same numbers back.
 * Pushes take one advisory transaction lock, so they commit one after another and a sequence number
 * is never visible before a smaller one: a pull reading "after N" cannot skip an op still being
 * committed (bigserial numbers are handed out before commit, in any order, otherwise).
 */
import pg from 'pg';
import { UserError } from '../errors';

export type Role = 'editor' | 'reporter';
export const ROLES: readonly Role[] = ['editor', 'reporter'];
export const ROLE_LABEL: Record<Role, string> = { editor: '编辑', reporter: '记者' };

/** An operation as it travels. */
export interface WireOp {
  id: string;
  kind: string;
  target: string | null;
  author: string;
  at: string;
  /** JSON text. */
  base: string | null;
  /** JSON text (that of an import carries its raw text). */
  payload: string;
}

export interface RemoteOp extends WireOp {
  seq: number;
}

export interface RemoteUser {
  name: string;
  role: Role;
  /** The user has a PostgreSQL login of their own (`addUser` with a password): their changes come only through it. */
  login?: boolean;
}

/** A push the shared archive refused (an author who may not write). */
export class RefusedError extends UserError {}

const SCHEMA_LOCK = 0x6261_6f6b; // 'baok'
const PUSH_LOCK = 0x6261_6f70; // 'baop'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS baoku_users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('editor', 'reporter')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS baoku_ops (
    seq BIGSERIAL PRIMARY KEY,
    id UUID NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    target TEXT,
    author TEXT NOT NULL REFERENCES baoku_users(name),
    at TIMESTAMPTZ NOT NULL,
    base TEXT,
    payload TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS baoku_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  INSERT INTO baoku_meta (key, value) VALUES ('archive_id', gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING;
  ALTER TABLE baoku_users ADD COLUMN IF NOT EXISTS login BOOLEAN NOT NULL DEFAULT false;
`;

/** The schema is there and current (a user's own login may read it but not create or alter it). */
const SCHEMA_CURRENT = `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'baoku_users' AND column_name = 'login')
  AND to_regclass('baoku_meta') IS NOT NULL AND to_regclass('baoku_ops') IS NOT NULL AS ok`;

/** `postgres://user:secret@host/db` → `postgres://user@host/db` (for messages). */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Where `url` points, for messages: `主机:端口`, the user and the database (never the password). */
function where(url: string): { at: string; user: string; db: string } {
  try {
    const u = new URL(url);
    return { at: `${u.hostname || 'localhost'}:${u.port || '5432'}`, user: decodeURIComponent(u.username) || '（未填）', db: decodeURIComponent(u.pathname.slice(1)) || '（未填）' };
  } catch {
    return { at: redactUrl(url), user: '（未填）', db: '（未填）' };
  }
}

/**
 * Why a connection to the shared archive failed, as one sentence a user can act on (the server is
 * not there, the name is wrong, the password…), for the CLI and 设置 → 团队档案库 alike.
 */
export function connectProblem(err: unknown, url: string): string {
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code ?? '';
  const msg = String(e.message ?? err);
  const { at, user, db } = where(url);
  if (code === 'ECONNREFUSED') return `连接不上团队档案库：${at} 上没有 PostgreSQL 在接受连接（服务器没有开，或地址、端口写错了）。`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `连接不上团队档案库：找不到主机“${at.replace(/:\d+$/, '')}”（地址写错了，或本机没有连上报社的网络）。`;
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout/i.test(msg)) return `连接不上团队档案库：${at} 没有回应（网络不通，或被防火墙挡住了）。`;
  if (code === '28P01') return `团队档案库拒绝登录：用户“${user}”的密码不对。`;
  if (/password must be a string|no password/i.test(msg)) return `团队档案库要求密码：请填写用户“${user}”的密码。`;
  if (code === '3D000') return `团队档案库所在的服务器上没有数据库“${db}”（请管理员先创建它）。`;
  if (code === '28000') return `团队档案库不允许本机以用户“${user}”登录（服务器的 pg_hba.conf 里没有允许本机的条目）。`;
  return `连接不上团队档案库（${redactUrl(url)}）：${msg.replace(/\/\/([^:/@]+):[^@]*@/g, '//$1:***@')}`;
}

/** The PostgreSQL notification channel a push signals on (`listen`). */
const CHANGED_CHANNEL = 'baoku_ops_changed';

export class Remote {
  private constructor(private readonly client: pg.Client) {}

  /** Connect and make sure the schema is there. */
  static async connect(url: string): Promise<Remote> {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UserError(`团队档案库的地址要写成 postgres://用户@主机/数据库（收到：${redactUrl(url)}）`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    // A connection lost later is reported by the query that needed it; this keeps it from crashing the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      throw new UserError(connectProblem(err, url));
    }
    const r = new Remote(client);
    await r.ensureSchema();
    return r;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async tx<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const out = await fn();
      await this.client.query('COMMIT');
      return out;
    } catch (err) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  async ensureSchema(): Promise<void> {
    if ((await this.client.query<{ ok: boolean }>(SCHEMA_CURRENT)).rows[0].ok) return;
    await this.tx(async () => {
      await this.client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await this.client.query(SCHEMA);
    });
  }

  /** This shared archive's identity (made with the schema). */
  async archiveId(): Promise<string> {
    const r = await this.client.query<{ value: string }>("SELECT value FROM baoku_meta WHERE key = 'archive_id'");
    return r.rows[0].value;
  }

  // ---------------- users ----------------

  async listUsers(): Promise<RemoteUser[]> {
    const r = await this.client.query<RemoteUser>('SELECT name, role, login FROM baoku_users ORDER BY name');
    return r.rows;
  }

  /**
   * Add a user. With a `password`, the user also gets a PostgreSQL login of the same name, allowed
   * only what the role allows (reporters: read; editors: read and add ops), and from then on the
   * server takes that user's changes only from that login (`push`): nobody else can write in their
   * name, and no login of a user can change users or roles. Needs a connection that may create
   * roles (the newsroom's administrator, the owner of the baoku tables).
   */
  async addUser(name: string, role: Role, password?: string): Promise<RemoteUser> {
    const n = cleanUserName(name);
    return this.admin(() =>
      this.tx(async () => {
        const r = await this.client.query('INSERT INTO baoku_users (name, role, login) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [n, role, !!password]);
        if (!r.rowCount) throw new UserError(`团队档案库里已有用户“${n}”（改角色用 baoku users role ${n} editor|reporter）`);
        if (password) {
          const who = this.client.escapeIdentifier(n);
          await this.client.query(`CREATE ROLE ${who} LOGIN PASSWORD ${this.client.escapeLiteral(password)}`);
          await this.client.query(`GRANT SELECT ON baoku_users, baoku_ops, baoku_meta TO ${who}`);
          // (`FOR SHARE` in a push needs an UPDATE right on some column: this one changes nothing that matters.)
          await this.client.query(`GRANT UPDATE (created_at) ON baoku_users TO ${who}`);
          await this.grantWrite(n, role);
        }
        return { name: n, role, login: !!password };
      }),
    );
  }

  async setRole(name: string, role: Role): Promise<RemoteUser> {
    return this.admin(() =>
      this.tx(async () => {
        const r = await this.client.query<{ login: boolean }>('UPDATE baoku_users SET role = $2 WHERE name = $1 RETURNING login', [name, role]);
        if (!r.rowCount) throw new UserError(`团队档案库里没有用户“${name}”（baoku users list 查看全部）`);
        if (r.rows[0].login) await this.grantWrite(name, role);
        return { name, role, login: r.rows[0].login };
      }),
    );
  }

  /** What a user's own login may write: adding ops for an editor, nothing for a reporter. */
  private async grantWrite(name: string, role: Role): Promise<void> {
    const who = this.client.escapeIdentifier(name);
    const verb = role === 'editor' ? 'GRANT' : 'REVOKE';
    const to = role === 'editor' ? 'TO' : 'FROM';
    await this.client.query(`${verb} INSERT ON baoku_ops ${to} ${who}`);
    await this.client.query(`${verb} USAGE ON SEQUENCE baoku_ops_seq_seq ${to} ${who}`);
  }

  /** A change of users or roles; refused by PostgreSQL on a connection without the right. */
  private async admin<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === '42501') throw new UserError('这个连接没有管理团队档案库用户的权限：请用管理员的连接（建表的那个 PostgreSQL 用户）添加用户或改角色');
      if (code === '42710') throw new UserError('PostgreSQL 里已有同名的登录（角色），不能再为这个用户建立登录');
      throw err;
    }
  }

  async user(name: string): Promise<RemoteUser | undefined> {
    const r = await this.client.query<RemoteUser>('SELECT name, role, login FROM baoku_users WHERE name = $1', [name]);
    return r.rows[0];
  }

  // ---------------- the log ----------------

  /** Send a batch in one transaction; the sequence number of each op (new or sent before). */
  async push(ops: WireOp[]): Promise<Map<string, number>> {
    if (!ops.length) return new Map();
    return this.tx(async () => {
      await this.client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      const authors = [...new Set(ops.map((o) => o.author))];
      // FOR SHARE: a role changed while this push runs waits for it (the check and the insert see the same role).
      const found = await this.client.query<RemoteUser>('SELECT name, role, login FROM baoku_users WHERE name = ANY($1) FOR SHARE', [authors]);
      const roles = new Map(found.rows.map((u) => [u.name, u.role]));
      // Who is connected: a user's own login writes only in that user's name, and a user with a
      // login writes only through it.
      const me = (await this.client.query<{ me: string; own: boolean }>('SELECT session_user AS me, EXISTS (SELECT 1 FROM baoku_users WHERE name = session_user AND login) AS own')).rows[0];
      for (const u of found.rows) {
        if (me.own && u.name !== me.me) throw new RefusedError(`以“${me.me}”的登录连接团队档案库，不能发送“${u.name}”的改动`);
        if (u.login && u.name !== me.me) throw new RefusedError(`“${u.name}”有自己的团队档案库登录：请用它连接（postgres://${u.name}@…），再发送这些改动`);
      }
      for (const a of authors) {
        const role = roles.get(a);
        if (!role) throw new RefusedError(`团队档案库里没有用户“${a}”，不能写入（由编辑用 baoku users add ${a} --role editor 添加）`);
        if (role !== 'editor') throw new RefusedError(`“${a}”是${ROLE_LABEL[role]}（${role}），只能读取团队档案库，不能写入；本机的改动留在本机`);
      }
      const values: unknown[] = [];
      const rows = ops.map((o, i) => {
        values.push(o.id, o.kind, o.target, o.author, o.at, o.base, o.payload);
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await this.client.query(`INSERT INTO baoku_ops (id, kind, target, author, at, base, payload) VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`, values);
      // Read replicas listening (`listen`) hear of it when this transaction commits, not before.
      await this.client.query(`SELECT pg_notify('${CHANGED_CHANNEL}', '')`);
      const seqs = await this.client.query<{ id: string; seq: string }>('SELECT id::text AS id, seq FROM baoku_ops WHERE id = ANY($1::uuid[])', [ops.map((o) => o.id)]);
      return new Map(seqs.rows.map((r) => [r.id, Number(r.seq)]));
    });
  }

  /**
   * Call `onChange` whenever a push commits new ops to the shared archive (PostgreSQL LISTEN/NOTIFY on
   * this connection; notifications arrive between queries). A replica pulls at once instead of
   * waiting for its next interval.
   */
  async listen(onChange: () => void): Promise<void> {
    this.client.on('notification', (n) => {
      if (n.channel === CHANGED_CHANNEL) onChange();
    });
    await this.client.query(`LISTEN ${CHANGED_CHANNEL}`);
  }

  /**
   * Ops after sequence number `after`, in order, at most `limit`. `held`: sequence numbers of ops
   * the desk already has (those it has just sent): they come with an empty payload (''), so that a
   * desk's first sync does not download again the pages it has just uploaded. The desk must not
   * apply them (it has them: `engine.ts receive` only records their number).
   */
  async pull(after: number, limit: number, held: readonly number[] = []): Promise<RemoteOp[]> {
    const r = await this.client.query<Omit<RemoteOp, 'seq' | 'at'> & { seq: string; at: Date }>(
      `SELECT seq, id::text AS id, kind, target, author, at, base, CASE WHEN seq = ANY($3::bigint[]) THEN '' ELSE payload END AS payload
       FROM baoku_ops WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, limit, held],
    );
    return r.rows.map((o) => ({ ...o, seq: Number(o.seq), at: o.at.toISOString() }));
  }

  /** How many ops the shared archive holds, and how many distinct ids (equal, by the unique key). */
  async counts(): Promise<{ ops: number; ids: number; last: number }> {
    const r = await this.client.query<{ ops: string; ids: string; last: string | null }>('SELECT COUNT(*) AS ops, COUNT(DISTINCT id) AS ids, MAX(seq) AS last FROM baoku_ops');
    return { ops: Number(r.rows[0].ops), ids: Number(r.rows[0].ids), last: Number(r.rows[0].last ?? 0) };
  }
}

/** A user's name as stored: trimmed, one space between words, 1–40 characters. */
export function cleanUserName(name: string): string {
  const n = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!n || n.length > 40) throw new UserError('用户名要有 1 到 40 个字');
  return n;
}

export function parseRole(s: string | undefined): Role {
  if (s === 'editor' || s === '编辑') return 'editor';
  if (s === 'reporter' || s === '记者') return 'reporter';
  throw new UserError(`角色只能是 editor（编辑，可写）或 reporter（记者，只读）（收到：${s ?? '无'}）`);
}
