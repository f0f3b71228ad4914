#!/usr/bin/env node
// The browser UI (out/renderer), built when it is missing or older than its sources
// (src/renderer, src/shared). Used by `npm run serve` and `npm run bench:typing`;
// run directly (`node scripts/build-ui.mjs`) it builds if needed and exits non-zero on failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = path.join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Build the UI if it is stale; returns false when the build failed. */
export function ensureUiBuilt() {
  const stale =
    !fs.existsSync(index) ||
    Math.max(newestMtime(path.join(root, 'src', 'renderer')), newestMtime(path.join(root, 'src', 'shared'))) > fs.statSync(index).mtimeMs;
  if (!stale) return true;
  console.log('正在构建界面… (building the UI)');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return r.status === 0 && fs.existsSync(index);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exit(ensureUiBuilt() ? 0 : 1);
