#!/usr/bin/env node
/**
 * `npm start`: the desktop app when this machine has an Electron binary,
 * otherwise the same UI in the browser (`scripts/serve.mjs`).
 *
 * Desktop: `electron-vite build`, then `electron . --demo --archive DIR`, with
 * DIR = $BAOKU_ARCHIVE or `.demo-archive` in the repo (the same
 * archive `npm run serve` uses). Extra arguments
 * after `npm start --` are passed to Electron.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Path of the Electron binary, or null when there is none: `electron` is an
 * optionalDependency, so npm leaves the package out when its binary download
 * fails at `npm ci`, and the package has no binary with ELECTRON_SKIP_BINARY_DOWNLOAD.
 */
function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
  });
}

const electron = electronBinary();
const extra = process.argv.slice(2);

if (electron) {
  const viteBin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const built = await run(process.execPath, [viteBin, 'build']);
  if (built !== 0) process.exit(built);
  const archive = path.resolve(process.env.BAOKU_ARCHIVE || path.join(root, '.demo-archive'));
  fs.mkdirSync(archive, { recursive: true });
  console.log(`报库桌面版启动中，档案库：${archive}\nStarting the 报库 desktop app, archive: ${archive}`);
  process.exit(await run(electron, ['.', '--demo', '--archive', archive, ...extra]));
} else {
  console.log(
    [
      '本机没有可用的 Electron 程序（安装时没能下载 Electron），改为在浏览器中启动同样的界面。',
      '如需桌面版，在能访问 Electron 下载地址的网络里重新运行 npm ci。',
      'No Electron binary is available on this machine (it could not be downloaded at install); starting the same UI in the browser instead.',
      'For the desktop app, run npm ci again on a network that can download Electron.',
      '',
    ].join('\n'),
  );
  const serve = path.join(root, 'scripts', 'serve.mjs');
  if (!fs.existsSync(serve)) {
    console.error('找不到 scripts/serve.mjs，无法启动浏览器版。\nscripts/serve.mjs is missing: cannot start the browser UI.');
    process.exit(1);
  }
  process.exit(await run(process.execPath, [serve, ...extra]));
}
