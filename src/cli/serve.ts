/**
 * `baoku serve`: the core in a worker thread behind the HTTP host. With `--remote` it is a read
 * replica of the newsroom's shared archive (`core/sync/follow.ts`): `--archive DIR` is its own copy,
 * kept current by pulling the change log when a push is announced and every `--pull-every` seconds
 * besides (default 2); clients only read.
 */
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiCallError, startCoreWorker } from '../node/worker-client';
import { startHttpHost, tokenProblem } from '../node/http-host';
import { EnvironmentError, UserError } from '../core/errors';
import { redactUrl } from '../core/sync/remote';
import { UsageError } from './args';
import { forTerminal } from './terminal';

export interface ServeOptions {
  archive: string;
  port?: number;
  host?: string;
  token?: string;
  allowWrite?: boolean;
  demo?: boolean;
  /** Extra names accepted in the Host header (`--allow-host`). */
  allowHosts?: string[];
  /** Follow this shared archive (PostgreSQL) as a read replica. */
  remote?: string;
  /** Seconds between pulls of the change log (default 2). */
  pullEverySeconds?: number;
}

function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Why the host could not listen, as the user's to fix; other errors unchanged. */
function listenError(err: unknown, host: string, port: number): unknown {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new EnvironmentError(`端口 ${port} 已被占用（${host}）：请用 --port 换一个端口，或先关掉占用它的程序。`);
    case 'EACCES':
      return new EnvironmentError(`没有权限使用端口 ${port}：请用 --port 换一个 1024 以上的端口。`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new EnvironmentError(`本机没有地址 ${host}：请用 --host 指定本机的地址（默认 127.0.0.1）。`);
    default:
      return err;
  }
}

/** Listens on host:port and lets go again; rejects with the listen error. */
function canListen(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export async function serve(o: ServeOptions): Promise<number> {
  const host = o.host ?? '127.0.0.1';
  const allowWrite = o.allowWrite ?? false;
  // An empty or short --token must never turn authentication off: refuse before starting anything.
  if (o.token !== undefined) {
    const problem = tokenProblem(o.token);
    if (problem) throw new UsageError(problem);
  }
  for (const name of o.allowHosts ?? []) {
    if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(name)) throw new UsageError(`--allow-host 的名字无效：${JSON.stringify(name)}（只写主机名，如 baoku.lan）`);
  }
  if (o.remote && allowWrite) throw new UsageError('--remote 的服务是团队档案库的只读副本，不能与 --allow-write 同用：改动在各台电脑上做，再同步');
  if (o.remote && !/^postgres(ql)?:\/\//.test(o.remote)) throw new UsageError(`团队档案库的地址要写成 postgres://用户@主机/数据库（收到：${redactUrl(o.remote)}）`);
  const pullEvery = o.pullEverySeconds ?? 2;
  if (!(pullEvery > 0 && pullEvery <= 3600)) throw new UsageError('--pull-every 是 1 到 3600 之间的秒数');
  const rendererDir = path.join(repoRoot(), 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write('界面尚未构建：先运行 npm run build:renderer（npm run serve 会自动构建）\n');
  }
  const port = o.port ?? 5174;
  // Before the archive is opened (seconds with jieba): a port in use is said at once.
  await canListen(host, port).catch((err) => {
    throw listenError(err, host, port);
  });
  const core = startCoreWorker({
    archiveDir: o.archive,
    demo: o.demo,
    // --demo imports the sample directly at open; the archive is writable only with --allow-write,
    // or for the replica's own pulls (`follow`; its clients only read: the host refuses their writes).
    writable: allowWrite || !!o.remote,
    follow: o.remote ? { remote: o.remote, everyMs: pullEvery * 1000 } : undefined,
    resourcesDir: path.join(repoRoot(), 'resources'),
    log: (m) => process.stderr.write(`${forTerminal(m)}\n`),
  });
  try {
    await core.ready; // its notices are already printed through log
  } catch (err) {
    await core.close().catch(() => undefined);
    // The archive folder cannot be used (not writable…): the user's to fix, in one line.
    if (err instanceof ApiCallError && err.code !== 'internal') throw new UserError(err.message);
    throw err;
  }
  let h: Awaited<ReturnType<typeof startHttpHost>>;
  try {
    h = await startHttpHost({ api: core, rendererDir, host, port, token: o.token, allowWrite, allowHosts: o.allowHosts });
  } catch (err) {
    await core.close().catch(() => undefined);
    throw listenError(err, host, port);
  }
  const link = h.token ? `${h.url}?token=${h.token}` : h.url;
  process.stdout.write(`报库已启动：${link}\n档案库：${forTerminal(o.archive, false)}（${allowWrite ? '可修改' : '只读'}）\n`);
  if (o.remote) process.stdout.write(`跟随团队档案库：${redactUrl(o.remote)}，每 ${pullEvery} 秒取回改动\n`);
  if (h.token) process.stdout.write(`局域网访问需要上面链接中的令牌。\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await h.close();
  await core.close();
  return 0;
}
