#!/usr/bin/env node
/**
 * `npm run typecheck`: `tsc --noEmit` over the whole project, src/main and
 * src/preload included, whether or not node_modules/electron is installed.
 *
 * `electron` is an optionalDependency: where its binary cannot be downloaded
 * at `npm ci` (no access to Electron's download host), npm drops the whole
 * package, and with it `electron.d.ts`. The typings are then taken from the
 * same version's npm tarball (`npm pack`, from npm's cache when it is there,
 * else from the registry `npm ci` used), kept in node_modules/.cache, and
 * added to the program through a small tsconfig that extends ours.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const win = process.platform === 'win32';

function installedElectronTypes() {
  try {
    return require.resolve('electron/electron.d.ts');
  } catch {
    return null;
  }
}

/** electron.d.ts of the pinned version, from its npm tarball; null (with a message) when it cannot be had. */
function typesFromTarball(version) {
  const dir = path.join(root, 'node_modules', '.cache', 'baoku-electron-types', version);
  const dts = path.join(dir, 'electron.d.ts');
  if (fs.existsSync(dts)) return dts;
  fs.mkdirSync(dir, { recursive: true });
  const pack = spawnSync(win ? 'npm.cmd' : 'npm', ['pack', `electron@${version}`, '--pack-destination', dir, '--prefer-offline', '--silent'], {
    cwd: dir,
    encoding: 'utf8',
    shell: win,
  });
  const tgz = path.join(dir, `electron-${version}.tgz`);
  if (pack.status !== 0 || !fs.existsSync(tgz)) {
    console.error(`类型检查需要 electron@${version} 的类型定义，但 npm pack 没能取到：${(pack.stderr || pack.error?.message || '').trim().split('\n')[0]}`);
    return null;
  }
  const tar = spawnSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1', 'package/electron.d.ts'], { encoding: 'utf8' });
  fs.rmSync(tgz, { force: true });
  if (tar.status !== 0 || !fs.existsSync(dts)) {
    console.error(`无法从 electron-${version}.tgz 解出 electron.d.ts：${(tar.stderr || tar.error?.message || '').trim()}`);
    return null;
  }
  return dts;
}

let project = path.join(root, 'tsconfig.json');
if (!installedElectronTypes()) {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies?.electron;
  const dts = typesFromTarball(version);
  if (!dts) process.exit(1);
  console.log(`node_modules/electron 未安装（其二进制文件没能下载），类型检查用 electron@${version} 的 npm 包里的 electron.d.ts。`);
  project = path.join(path.dirname(dts), 'tsconfig.json');
  // `include` is inherited from ../tsconfig.json (and resolved against it); `files` only adds the typings.
  fs.writeFileSync(project, JSON.stringify({ extends: path.join(root, 'tsconfig.json'), files: ['./electron.d.ts'] }, null, 2));
}
const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
