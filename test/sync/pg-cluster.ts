/**
 * A throwaway PostgreSQL cluster for the sync tests: `initdb` in a temporary folder, `pg_ctl start`
 * on a free port (TCP on 127.0.0.1 only, trust authentication, the socket in the same folder), torn
 * down and removed after. PostgreSQL refuses to run as root: as root the folder is given to the
 * `postgres` user and the server runs as that user (`runuser`); as any other user it runs directly.
 *
 * Where Debian's `postgresql` package is not installed: in CI (`CI=true`) the tests fail saying so,
 * elsewhere they are skipped with a message (`pgMissing`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/ports';
import { Remote, type Role } from '../../src/core/sync/remote';

/** The newest `/usr/lib/postgresql/N/bin` with initdb and pg_ctl, if any (BAOKU_PG_BIN overrides). */
export function pgBin(): string | undefined {
  const own = process.env.BAOKU_PG_BIN;
  if (own) return fs.existsSync(path.join(own, 'initdb')) ? own : undefined;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

export const PG_MISSING = '找不到 PostgreSQL（/usr/lib/postgresql/*/bin/initdb）：团队档案库的测试需要它，Debian 上 apt-get install postgresql';

/** Why the PostgreSQL tests cannot run here (undefined: they can). Throws in CI. */
export function pgMissing(): string | undefined {
  if (pgBin()) return undefined;
  if (process.env.CI === 'true') throw new Error(PG_MISSING);
  return PG_MISSING;
}

export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** A fresh database in the cluster (each test its own shared archive). */
  createDb(name: string): string;
  /** The server killed (`pg_ctl stop -m immediate`: no shutdown checkpoint, crash recovery at the next start). */
  crash(): void;
  /** Started again after `crash`. */
  restart(): void;
  stop(): void;
}

/**
 * `fsync`: off unless asked (a test's cluster is thrown away; a crash test still gets crash
 * recovery from `crash`); on for a benchmark, so that commits cost what they cost on a real server.
 */
export async function startCluster(opts: { fsync?: boolean } = {}): Promise<Cluster> {
  const bin = pgBin();
  if (!bin) throw new Error(PG_MISSING);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', ...(opts.fsync ? [] : ['--no-sync'])]);
  const port = await freePort();
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${opts.fsync ? 'on' : 'off'}`, 'start']);
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  let running = true;
  return {
    url,
    createDb(name) {
      run(path.join('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    crash() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    restart() {
      if (running) return;
      start();
      running = true;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A new database of `cluster` set up as a newsroom's shared archive with its `users` (name → role): its address. */
export async function sharedArchiveDb(cluster: Cluster, name: string, users: Record<string, Role>): Promise<string> {
  const url = cluster.createDb(name);
  const r = await Remote.connect(url);
  try {
    for (const [user, role] of Object.entries(users)) await r.addUser(user, role);
  } finally {
    await r.close();
  }
  return url;
}
