/**
 * `node bin/baoku.mjs serve --archive DIR --port <free> --allow-write`, started and waited for
 * until it answers (`startHost`); `stop()` ends it (SIGTERM, then SIGKILL after 5 s). The shared
 * host of the suite (global-setup.ts) and a spec that needs an archive of its own both use it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/ports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Host {
  url: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, ms: number, log: () => string, dead: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    if (dead()) throw new Error(`baoku serve exited before answering.\n--- server output ---\n${log()}`);
    try {
      const r = await fetch(`${url}api/stats`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`baoku serve did not answer at ${url} within ${ms} ms (${last}).\n--- server output ---\n${log()}`);
}

export async function startHost(archive: string): Promise<Host> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'baoku.mjs'), 'serve', '--archive', archive, '--port', String(port), '--allow-write'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let gone = false;
  const exited = new Promise<void>((r) => child.once('exit', () => ((gone = true), r())));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(url, 90_000, () => output, () => gone);
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
