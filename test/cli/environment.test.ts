/**
 * What this machine lacks is the user's to fix, not an internal error: the
 * real `baoku` command, in its own process, on a real archive, exits 1 with
 * one Chinese line that says what is wrong and how to fix it — no stack
 * trace, no `内部错误` — when the PDF browser is missing or broken, there is
 * no Chinese font, the archive folder or an output file's folder cannot be
 * created or written, or the port for `baoku serve` is taken.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, type CliResult } from './run-cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-env-'));
const archive = path.join(root, 'archive');
const isRoot = process.getuid?.() === 0;

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: REPO, env });

/** Exit 1, and stderr is exactly one `baoku: …` line in Chinese, without a stack or "internal error". */
function expectUserLine(r: CliResult, ...mustSay: (string | RegExp)[]): void {
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('界面尚未构建'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^baoku: .*\p{Script=Han}/u);
  expect(lines[0]).not.toMatch(/内部错误|\bat .*:\d+:\d+|Error:/);
  for (const m of mustSay) expect(lines[0]).toMatch(m);
}

beforeAll(async () => {
  const r = await cli(['import', path.join(REPO, 'resources', 'sample'), '--archive', archive]);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('baoku export --format pdf without what PDF needs', () => {
  const pdf = path.join(root, 'out.pdf');
  const exportPdf = (env: Record<string, string>) => cli(['export', '--ids', '1', '--format', 'pdf', '--out', pdf, '--force', '--archive', archive], env);

  it('BAOKU_CHROMIUM naming a browser that is not there: exit 1, how to fix it', async () => {
    const r = await exportPdf({ BAOKU_CHROMIUM: path.join(root, 'no-such-browser', 'chromium') });
    expectUserLine(r, 'BAOKU_CHROMIUM', 'no-such-browser', /Chromium/);
    expect(fs.existsSync(pdf)).toBe(false);
  });

  it('a BAOKU_CHROMIUM that is no browser (exits at once): exit 1, install Chromium or set BAOKU_CHROMIUM', async () => {
    const fake = path.join(root, 'not-a-browser.sh');
    fs.writeFileSync(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const r = await exportPdf({ BAOKU_CHROMIUM: fake });
    expectUserLine(r, '启动失败', /apt-get install chromium/, 'BAOKU_CHROMIUM');
    expect(fs.existsSync(pdf)).toBe(false);
  });

  const fcList = process.platform === 'linux' && spawnSync('fc-list', ['--version']).status === 0;
  it.skipIf(!fcList)('no Chinese font (fontconfig with no font folders): exit 1, install fonts-noto-cjk', async () => {
    const conf = path.join(root, 'no-fonts.conf');
    fs.writeFileSync(conf, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
    // The same configuration really has no Chinese font for fontconfig (and so for Chromium).
    expect(spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: conf } }).stdout.trim()).toBe('');
    const r = await exportPdf({ FONTCONFIG_FILE: conf });
    expectUserLine(r, '中文字体', 'fonts-noto-cjk');
    expect(fs.existsSync(pdf)).toBe(false);
  });
});

describe('an archive folder that cannot be used', () => {
  it('a path through a regular file: exit 1, says it is a file', async () => {
    const file = path.join(root, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    expectUserLine(await cli(['search', '淄博', '--archive', file]), '是文件，不是文件夹', '--archive');
    expectUserLine(await cli(['import', path.join(REPO, 'resources', 'sample'), '--archive', path.join(file, 'archive')]), '文件而不是文件夹');
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it.skipIf(process.platform !== 'linux')('a folder that cannot be created (/proc/…, where Node\'s recursive mkdir never returns): exit 1', async () => {
    expectUserLine(await cli(['search', '淄博', '--archive', `/proc/baoku-${process.pid}`]), '无法创建档案库目录');
  });

  // As root, permission bits do not stop writes: there a sysfs folder stands in for a read-only one.
  const readOnly = isRoot ? (process.platform === 'linux' ? '/sys/kernel' : undefined) : path.join(root, 'read-only');
  it.skipIf(!readOnly)('a folder that exists but cannot be written: exit 1, says so, nothing created', async () => {
    if (!isRoot) fs.mkdirSync(readOnly!, { mode: 0o555 });
    let writable = true;
    try {
      fs.writeFileSync(path.join(readOnly!, '.probe'), '');
      fs.rmSync(path.join(readOnly!, '.probe'));
    } catch {
      writable = false;
    }
    expect(writable, `${readOnly} must not be writable for this test`).toBe(false);
    expectUserLine(await cli(['search', '淄博', '--archive', readOnly!]), '不可写', readOnly!);
    expect(fs.existsSync(path.join(readOnly!, 'archive.sqlite'))).toBe(false);
  });
});

describe('an output file (--out) that cannot be written', () => {
  it('export into a path through a regular file, and backup into /proc/…: exit 1, nothing written', async () => {
    const file = path.join(root, 'out-file.txt');
    fs.writeFileSync(file, 'x');
    expectUserLine(await cli(['export', '--ids', '1', '--format', 'md', '--out', path.join(file, 'a.md'), '--archive', archive]), '输出文件夹', '--out');
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
    if (process.platform === 'linux') {
      expectUserLine(await cli(['backup', '--out', `/proc/baoku-${process.pid}/b.sqlite`, '--archive', archive]), '无法创建输出文件夹', '--out');
    }
  });

  it('export into a new folder still creates it', async () => {
    const out = path.join(root, 'new', 'folder', '剪报.md');
    const r = await cli(['export', '--ids', '1', '--format', 'md', '--out', out, '--archive', archive]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/\p{Script=Han}/u);
  });
});

describe('baoku serve', () => {
  it('a port in use: exit 1, names the port and --port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await cli(['serve', '--archive', archive, '--port', String(port)]);
      expectUserLine(r, String(port), '已被占用', '--port');
      expect(r.stdout).not.toContain('报库已启动');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('an archive folder that cannot be used: exit 1 from the worker, not an internal error', async () => {
    const file = path.join(root, 'serve-file.txt');
    fs.writeFileSync(file, 'x');
    expectUserLine(await cli(['serve', '--archive', path.join(file, 'archive'), '--port', '0']), '文件而不是文件夹');
  });
});
