#!/usr/bin/env node
// `npm run serve`: build the UI if needed, then open the archive in the browser UI
// (the built-in sample is imported into an empty archive).
//   npm run serve                       → archive in .demo-archive/, http://127.0.0.1:5174/
//   npm run serve -- --archive DIR      → any archive; other `baoku serve` flags pass through
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

const stale =
  !fs.existsSync(index) ||
  Math.max(newestMtime(path.join(root, 'src', 'renderer')), newestMtime(path.join(root, 'src', 'shared'))) > fs.statSync(index).mtimeMs;
if (stale) {
  console.log('正在构建界面… (building the UI)');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const hasArchive = args.includes('--archive');
const extra = hasArchive ? args : ['--archive', path.join(root, '.demo-archive'), '--demo', '--allow-write', ...args];
const child = spawn(process.execPath, [path.join(root, 'bin', 'baoku.mjs'), 'serve', ...extra], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
