/**
 * Builds the renderer if `out/renderer/index.html` is missing, creates a temp
 * archive and starts `node bin/baoku.mjs serve --archive <tmp> --port <free> --allow-write`,
 * waiting until it answers. The URL reaches the tests as BAOKU_E2E_URL.
 * Set BAOKU_E2E_URL yourself to test an already running host instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/ports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.BAOKU_E2E_URL) return async () => undefined;
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the renderer failed');
  }
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-'));
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
  process.env.BAOKU_E2E_URL = url;
  process.env.BAOKU_E2E_ARCHIVE = archive;
  return async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(archive, { recursive: true, force: true });
  };
}
