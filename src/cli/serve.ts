/**
 * `baoku serve`: the core in a worker thread behind the HTTP host.
 */
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCoreWorker } from '../node/worker-client';
import { startHttpHost, tokenProblem } from '../node/http-host';
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
}

function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
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
  const rendererDir = path.join(repoRoot(), 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write('界面尚未构建：先运行 npm run build:renderer（npm run serve 会自动构建）\n');
  }
  const core = startCoreWorker({
    archiveDir: o.archive,
    demo: o.demo,
    // --demo imports the sample directly at open; the archive is writable only with --allow-write.
    writable: allowWrite,
    resourcesDir: path.join(repoRoot(), 'resources'),
    log: (m) => process.stderr.write(`${forTerminal(m)}\n`),
  });
  const notices = await core.ready;
  void notices; // already printed through log
  let h;
  try {
    h = await startHttpHost({ api: core, rendererDir, host, port: o.port ?? 5174, token: o.token, allowWrite, allowHosts: o.allowHosts });
  } catch (err) {
    await core.close();
    throw err;
  }
  const link = h.token ? `${h.url}?token=${h.token}` : h.url;
  process.stdout.write(`报库已启动：${link}\n档案库：${forTerminal(o.archive, false)}（${allowWrite ? '可修改' : '只读'}）\n`);
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
