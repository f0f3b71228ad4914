/**
 * `baoku correct` and `baoku history` (issue 17): the real command, in its own process, on a real
 * archive holding a real page: a headline corrected and found by search, the history as text and
 * JSON, an undo, and bad usage refused with one Chinese line (exit 1).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..', '..');
const PAGE = path.join(REPO, 'test', 'fixtures', 'pages', 'rmrb_19980112_05.txt');
/** Each command is its own process (jieba loaded each time): slow on a busy machine. */
const SLOW = 300_000;

/** The command in its own process; asynchronous, so the test runner's worker stays responsive meanwhile. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 2) : 0, stdout, stderr }),
    );
  });
}

describe('baoku correct / history', () => {
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-correct-'));
  beforeAll(async () => {
    expect((await cli('import', PAGE, '--archive', archive)).code).toBe(0);
  }, SLOW);

  it('corrects, lists the history and undoes, from a terminal', async () => {
    const found = JSON.parse((await cli('search', '黄河小浪底', '--archive', archive, '--json')).stdout) as { hits: { id: number }[] };
    const id = found.hits[0].id;
    const r = await cli('correct', String(id), '--title', '黄河小浪底截流在即', '--archive', archive, '--json');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { correctionIds: number[]; article: { title: string; corrected: boolean } };
    expect(res.article).toMatchObject({ title: '黄河小浪底截流在即', corrected: true });
    // 已校对 with a word of the new headline finds it; a word only the old headline held does too.
    const s = JSON.parse((await cli('search', '已校对 截流', '--archive', archive, '--json')).stdout) as { hits: { id: number }[] };
    expect(s.hits.map((h) => h.id)).toEqual([id]);
    expect((await cli('search', '工程进展顺利', '--archive', archive)).stdout).toContain(`#${id} `);
    const h = JSON.parse((await cli('history', String(id), '--archive', archive, '--json')).stdout) as { id: number }[];
    expect(h).toMatchObject([{ field: 'title', before: '黄河小浪底工程进展顺利', after: '黄河小浪底截流在即' }]);
    expect((await cli('history', String(id), '--archive', archive)).stdout).toMatch(/标题：「黄河小浪底工程进展顺利」 → 「黄河小浪底截流在即」/);
    const u = await cli('correct', '--undo', String(h[0].id), '--archive', archive);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toContain('黄河小浪底工程进展顺利');
    expect((await cli('history', String(id), '--archive', archive)).stdout).toMatch(/已撤销/);
  }, SLOW);

  it('corrects the byline people by role and the dateline; roles not named stay', async () => {
    const found = JSON.parse((await cli('search', '黄河小浪底', '--archive', archive, '--json')).stdout) as { hits: { id: number }[] };
    const id = found.hits[0].id;
    const before = JSON.parse((await cli('show', String(id), '--archive', archive, '--json')).stdout) as { byline?: { correspondents: string[] } };
    const r = await cli('correct', String(id), '--reporters', '王建新、阿依努尔·买买提', '--dateline', '新华社郑州1月11日电', '--archive', archive, '--json');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { article: { byline: { reporters: string[]; correspondents: string[]; raw: string }; dateline: { place: string; day: number } } };
    expect(res.article.byline.reporters).toEqual(['王建新', '阿依努尔·买买提']);
    expect(res.article.byline.correspondents).toEqual(before.byline?.correspondents ?? []);
    expect(res.article.byline.raw).toContain('阿依努尔·买买提');
    expect(res.article.dateline).toMatchObject({ place: '郑州', day: 11 });
    const byReporter = JSON.parse((await cli('search', '记者:阿依努尔·买买提', '--archive', archive, '--json')).stdout) as { hits: { id: number }[] };
    expect(byReporter.hits.map((h) => h.id)).toEqual([id]);
  }, SLOW);

  it('refuses bad usage with one Chinese line and exit 1', async () => {
    for (const [args, msg] of [
      [['correct', '1'], /没有要校对的内容/],
      [['correct', '1', '--title', 'x', '--merge-prev'], /一次只做一种修改/],
      [['correct', '1', '--split-at', '1'], /不小于 2/],
      [['correct', '1', '--merge-prev'], /前面没有可合并的文章/],
      [['correct', '999', '--title', 'x'], /没有这篇文章/],
      [['correct', '1', '--reporters', '刘文斯 Liu'], /--reporters：“Liu”不像人名/],
      [['correct', '1', '--dateline', '今天上午'], /读不出电头/],
    ] as [string[], RegExp][]) {
      const r = await cli(...args, '--archive', archive);
      expect(r.code, r.stderr).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('baoku:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(msg);
    }
  }, SLOW);
});
