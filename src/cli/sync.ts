/**
 * `baoku sync`, `baoku users`, `baoku conflicts`: the newsroom's shared archive from a terminal
 * (issue 22; the engine is `core/sync/`). The PostgreSQL address comes from `--remote` or
 * `BAOKU_REMOTE`, which the CLI never stores; `baoku sync` without either uses the address kept by
 * the app's 设置 → 团队档案库 (`services/team-service.ts`). The desk's user name (`--user`) is stored
 * (`meta` `sync.user`) and used for every later change and sync.
 */
import type { Archive } from '../core/service';
import { archiveConflicts, deskUser, resolveArchiveConflict, setDeskUser, syncArchive, type SyncReport } from '../core/sync/engine';
import { cleanUserName, parseRole, Remote, ROLE_LABEL } from '../core/sync/remote';
import { storedRemoteOf } from '../core/services/team-service';
import { UsageError } from './args';

export interface SyncOpts {
  json: boolean;
  remote?: string;
  user?: string;
  role?: string;
  all?: boolean;
  /** `users add --login`: a PostgreSQL login of the user's own, its password from `BAOKU_NEW_PASSWORD`. */
  login?: boolean;
}

type WithArchive = (fn: (a: Archive) => Promise<number>, writable: boolean) => Promise<number>;
type Out = (json: boolean, value: unknown, text: () => string) => void;

function remoteUrl(o: SyncOpts): string {
  const url = o.remote ?? process.env.BAOKU_REMOTE;
  if (!url) throw new UsageError('请用 --remote postgres://用户@主机/数据库 指定团队档案库（或设置环境变量 BAOKU_REMOTE）');
  return url;
}

async function withRemote<T>(o: SyncOpts, fn: (r: Remote) => Promise<T>): Promise<T> {
  const r = await Remote.connect(remoteUrl(o));
  try {
    return await fn(r);
  } finally {
    await r.close();
  }
}

export function syncText(r: SyncReport): string {
  return [
    `已同步（${r.user}）：发送 ${r.pushed} 条改动，收到 ${r.pulled} 条（本机应用 ${r.applied} 条）${r.pending ? `，${r.pending} 条等待对应的文章` : ''}`,
    ...r.conflicts,
    ...(r.refused ? [`未发送：${r.refused}`] : []),
  ].join('\n');
}

/** `baoku sync --archive DIR --remote URL [--user NAME]`. */
export async function syncCommand(o: SyncOpts, withArchive: WithArchive, out: Out): Promise<number> {
  return withArchive(async (a) => {
    const url = o.remote ?? process.env.BAOKU_REMOTE ?? storedRemoteOf(a);
    if (!url) throw new UsageError('请用 --remote postgres://用户@主机/数据库 指定团队档案库（或设置环境变量 BAOKU_REMOTE，或在程序的 设置 → 团队档案库 里填写）');
    if (o.user) setDeskUser(a, cleanUserName(o.user));
    if (!deskUser(a)) throw new UsageError('请用 --user 名字 指定本机的使用者（团队档案库里的用户名，之后会记住）');
    const report = await withRemote({ ...o, remote: url }, (r) => syncArchive(a, r));
    out(o.json, report, () => syncText(report));
    if (report.refused) process.stderr.write(`baoku: ${report.refused}\n`);
    return report.refused ? 1 : 0;
  }, true);
}

/** `baoku users add NAME --role R [--login] | list | role NAME R` (against the remote); `users me [NAME]` (this desk). */
export async function usersCommand(rest: string[], o: SyncOpts, withArchive: WithArchive, out: Out): Promise<number> {
  const [sub, name, role] = rest;
  const usage = '用法：baoku users list | add 名字 --role editor|reporter [--login] | role 名字 editor|reporter（都要 --remote URL）| me [名字] --archive DIR';
  switch (sub) {
    case 'me':
      // The desk's user: the author of its changes from now on (before a sync, too).
      return withArchive(async (a) => {
        if (name) setDeskUser(a, cleanUserName(name));
        const me = deskUser(a);
        out(o.json, { user: me ?? null }, () => (me ? `本机使用者：${me}` : '本机还没有指定使用者（baoku users me 名字）'));
        return 0;
      }, !!name);
    case 'list':
      return withRemote(o, async (r) => {
        const users = await r.listUsers();
        out(o.json, users, () => (users.length ? users.map((u) => `${u.name}\t${ROLE_LABEL[u.role]}（${u.role}）${u.login ? '\t自己的登录' : ''}`).join('\n') : '团队档案库还没有用户（baoku users add 名字 --role editor）'));
        return 0;
      });
    case 'add': {
      if (!name) throw new UsageError(usage);
      const rl = parseRole(o.role ?? 'editor');
      // (Not an argument: the command line of a running process is visible to every user of the machine.)
      const password = o.login ? process.env.BAOKU_NEW_PASSWORD : undefined;
      if (o.login && !password) throw new UsageError('--login 的密码请放在环境变量 BAOKU_NEW_PASSWORD 里（不要写在命令行上）');
      return withRemote(o, async (r) => {
        const u = await r.addUser(name, rl, password);
        out(o.json, u, () => `已添加用户 ${u.name}：${ROLE_LABEL[u.role]}（${u.role}）${u.login ? '，有自己的登录（连接地址写 postgres://' + u.name + '@…）' : ''}`);
        return 0;
      });
    }
    case 'role': {
      if (!name || !role) throw new UsageError(usage);
      const rl = parseRole(role);
      return withRemote(o, async (r) => {
        const u = await r.setRole(name, rl);
        out(o.json, u, () => `${u.name} 现在是${ROLE_LABEL[u.role]}（${u.role}）`);
        return 0;
      });
    }
    default:
      throw new UsageError(usage);
  }
}

/** `baoku conflicts [--all] | conflicts resolve N` (this desk's archive). */
export async function conflictsCommand(rest: string[], o: SyncOpts, withArchive: WithArchive, out: Out): Promise<number> {
  const [sub, n] = rest;
  if (sub === 'resolve') {
    const id = Number(n);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('用法：baoku conflicts resolve 冲突编号 --archive DIR');
    return withArchive(async (a) => {
      if (!resolveArchiveConflict(a, id)) throw new UsageError(`没有未处理的第 ${id} 号冲突（baoku conflicts 查看）`);
      out(o.json, { resolved: id }, () => `第 ${id} 号冲突已处理`);
      return 0;
    }, true);
  }
  if (sub !== undefined) throw new UsageError('用法：baoku conflicts [--all] [--json] | conflicts resolve 冲突编号');
  return withArchive(async (a) => {
    const list = archiveConflicts(a, o.all);
    out(o.json, list, () => (list.length ? list.map((c) => `#${c.id} ${c.message}${c.resolvedAt ? '（已处理）' : ''}`).join('\n') : '没有未处理的冲突'));
    return 0;
  }, false);
}
