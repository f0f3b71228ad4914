#!/usr/bin/env node
// `npm run serve`: build the UI if needed, then open the archive in the browser UI
// (the built-in sample is imported into an empty archive).
//   npm run serve                       → archive in .demo-archive/, http://127.0.0.1:5174/
//   npm run serve -- --archive DIR      → any archive; other `baoku serve` flags pass through
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureUiBuilt } from './build-ui.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!ensureUiBuilt()) process.exit(1);

const args = process.argv.slice(2);
const hasArchive = args.includes('--archive');
const extra = hasArchive ? args : ['--archive', path.join(root, '.demo-archive'), '--demo', '--allow-write', ...args];
const child = spawn(process.execPath, [path.join(root, 'bin', 'baoku.mjs'), 'serve', ...extra], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
