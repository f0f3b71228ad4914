/**
 * Builds the renderer if `out/renderer/index.html` is missing, creates a temp
 * archive and starts `node bin/baoku.mjs serve --archive <tmp> --port <free> --allow-write`,
 * waiting until it answers. The URL reaches the tests as BAOKU_E2E_URL.
 * Set BAOKU_E2E_URL yourself to test an already running host instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.BAOKU_E2E_URL) return async () => undefined;
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the renderer failed');
  }
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-'));
  const host = await startHost(archive);
  process.env.BAOKU_E2E_URL = host.url;
  process.env.BAOKU_E2E_ARCHIVE = archive;
  return async () => {
    await host.stop();
    fs.rmSync(archive, { recursive: true, force: true });
  };
}
