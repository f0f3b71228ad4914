/**
 * `baoku saved …` in its own process on a real archive: add, list with the
 * new-match count after an import, run (the same output as `baoku search`,
 * and the count goes back to 0), rename, delete, and one-line Chinese refusals.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..', '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-saved-'));
const archive = path.join(root, 'archive');

/** The real command in its own process (asynchronous: a blocked test worker loses its line to vitest). */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), ...args, '--archive', archive], { cwd: REPO, encoding: 'utf8', timeout: 90_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 2) : 0, stdout, stderr }),
    );
  });
}
async function json<T>(...args: string[]): Promise<T> {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}
type Listed = { name: string; query: string; sort?: string; newCount: number }[];

beforeAll(async () => {
  const r = await cli('import', path.join(REPO, 'resources', 'sample'));
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('baoku saved', { timeout: 240_000 }, () => {
  it('adds searches and lists them; an import that matches shows +N in the list', async () => {
    expect((await cli('saved', 'add', '春运', '春运', '--sort', 'date')).stdout).toContain('已保存搜索“春运”');
    expect((await cli('saved', 'add', '青岛港', '"青岛港"')).code).toBe(0);
    expect((await json<Listed>('saved', 'list')).map((s) => [s.name, s.newCount])).toEqual([
      ['春运', 0],
      ['青岛港', 0],
    ]);
    expect((await cli('import', path.join(REPO, 'test', 'fixtures', 'pages', 'rmrb_19980105_04.txt'))).code).toBe(0);
    const list = await json<Listed>('saved', 'list');
    expect(list[0].newCount).toBeGreaterThan(0);
    expect(list[1].newCount).toBe(0);
    expect((await cli('saved', 'list')).stdout).toContain(`春运\t+${list[0].newCount}\t春运`);
  });

  it('run prints what search prints for the same query and sort, and clears the count', async () => {
    type Res = { total: number; tookMs: number; hits: { id: number }[]; terms?: unknown };
    const { tookMs: _a, ...ran } = await json<Res>('saved', 'run', '春运');
    const { tookMs: _b, ...searched } = await json<Res>('search', '春运', '--sort', 'date');
    void _a;
    void _b;
    expect(ran.total).toBeGreaterThan(0);
    expect(ran).toEqual(searched);
    expect((await json<Listed>('saved', 'list'))[0].newCount).toBe(0);
    expect((await cli('saved', 'run', '春运')).stdout).toMatch(/^共 \d+ 篇/);
  });

  it('renames and deletes by name', async () => {
    expect((await cli('saved', 'rename', '青岛港', '港口')).code).toBe(0);
    expect((await cli('saved', 'delete', '春运')).code).toBe(0);
    expect((await json<Listed>('saved', 'list')).map((s) => s.name)).toEqual(['港口']);
  });

  it('refuses an unknown name, a taken name and a bad query with one Chinese line, exit 1', async () => {
    for (const [args, says] of [
      [['saved', 'run', '没有这个'], '没有名为“没有这个”的保存的搜索'],
      [['saved', 'add', '港口', '青岛'], '已经有名为“港口”'],
      [['saved', 'add', '引号', '"青岛'], '检索式有误'],
      [['saved', 'frob'], '用法：baoku saved'],
    ] as [string[], string][]) {
      const r = await cli(...args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('界面尚未构建'))).toEqual([expect.stringContaining(says)]);
    }
  });
});
