/**
 * `baoku parse` reads one page: a file, or standard input for `-` (`… | baoku parse - --explain`).
 * A folder, a device or a pipe given by path gets one line that says what is wrong, never an
 * internal error. The real command in its own process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, type CliResult } from './run-cli';

const SAMPLE = path.join(REPO, 'resources', 'sample');

/** `baoku ARGS` with `input` on its standard input. */
function withStdin(args: string[], input: Buffer | string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the command may stop reading early (too big)
    child.stdin.end(input);
  });
}

function oneUserLine(r: CliResult, mustSay: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(mustSay);
  expect(lines[0]).not.toMatch(/内部错误|\bat .*:\d+:\d+/);
}

describe('baoku parse: what it reads', () => {
  const page = fs.readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLE, f))[0];

  it('reads a page from standard input with `-`, as it reads the same page from its file', async () => {
    const fromFile = await runCli(['parse', page, '--json', '--date', '2024-01-01'], { cwd: REPO });
    const fromStdin = await withStdin(['parse', '-', '--json', '--date', '2024-01-01'], fs.readFileSync(page));
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const a = JSON.parse(fromFile.stdout) as { file: string; articles: unknown[] };
    const b = JSON.parse(fromStdin.stdout) as { file: string; articles: unknown[] };
    expect(b.file).toBe('stdin.txt');
    expect(b.articles.length).toBeGreaterThan(0);
    expect(b.articles).toEqual(a.articles);
  });

  it('says when the file is an edition of several pages, which import stores page by page', async () => {
    const text = fs.readFileSync(page, 'utf8');
    const edition = ['大众日报 2022年1月28日 星期五 第3版', text, '大众日报 2022年1月28日 星期五 第4版', text.replace('淄博', '淄川')].join('\n\n');
    const r = await withStdin(['parse', '-', '--json'], edition);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { warnings: string[] }).warnings[0]).toBe('整期文件：有 2 个版面（第3版、第4版），导入时分版面存；这里当一个版面读');
  });

  it('says so, in one line, for a folder, a device, or a pipe named by its path', async () => {
    oneUserLine(await runCli(['parse', SAMPLE], { cwd: REPO }), /是文件夹.*baoku import/);
    oneUserLine(await runCli(['parse', '/dev/null'], { cwd: REPO }), /不是普通文件.*baoku parse -/);
    oneUserLine(await withStdin(['parse', '/dev/stdin'], 'x'), /不是普通文件|读不了/);
    oneUserLine(await withStdin(['parse', '-'], ''), /空/);
  });
});
