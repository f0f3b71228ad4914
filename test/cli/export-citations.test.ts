/**
 * `baoku export --format gbt7714|ris|csl-json` (issue 17): the real command,
 * in its own process, on an archive of the sample page; RIS and CSL-JSON
 * files read back by citation-js.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-cite-'));
const archive = path.join(root, 'archive');

const cli = (args: string[]) => runCli([...args, '--archive', archive], { cwd: root });

/** Ids of the sample's articles, by a word of their title. */
const ids: Record<string, number> = {};

beforeAll(async () => {
  const r = await cli(['import', path.join(REPO, 'resources', 'sample')]);
  expect(r.code, r.stderr).toBe(0);
  const hits = JSON.parse((await cli(['search', '淄博', '--json', '--limit', '10'])).stdout) as { hits: { id: number; title: string }[] };
  for (const h of hits.hits) for (const w of ['工作会议', '希望小屋', '行刑衔接', '数字看']) if (h.title.includes(w)) ids[w] = h.id;
  expect(Object.keys(ids).length).toBe(4);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('baoku export --format gbt7714|ris|csl-json', () => {
  it('gbt7714 to stdout: a numbered reference list in the order of --ids', async () => {
    const r = await cli(['export', '--ids', `${ids['行刑衔接']},${ids['工作会议']}`, '--format', 'gbt7714', '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      '[1] 刘文思, 刘刚, 周杰. 行刑衔接 联合打击市场监管领域违法行为[N]. 大众日报, 2022-01-28(3).\n' +
        '[2] 陆晓茜, 徐浩, 郭方强, 等. 淄博高新区召开2022年工作会议 聚力品质提升贡献“高新力量”[N]. 大众日报, 2022-01-28(3).\n',
    );
  });

  it('ris to a file (the results of --query), read back by citation-js', async () => {
    const file = path.join(root, 'refs.ris');
    const r = await cli(['export', '--query', '希望小屋', '--format', 'ris', '--out', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file, articles: 1 });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^TY {2}- NEWS\r\n/);
    const [item] = (await Cite.async(text)).data;
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: '心愿得偿 “希望小屋”受助儿童收到爱心包裹: 淄博市“关爱下一代 点亮微心愿”爱心包裹持续发放中',
      'container-title': '大众日报',
      page: '3',
      issued: { 'date-parts': [[2022]] },
      reporter: ['王, 丽', '张, 海萌', '李, 沫洁'],
    });
    expect(text).toContain('DA  - 2022/01/28/\r\n');
    // The file is not overwritten without --force.
    const again = await cli(['export', '--query', '希望小屋', '--format', 'ris', '--out', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('文件已存在');
  });

  it('csl-json to the default file name, read back by citation-js', async () => {
    const r = await cli(['export', '--ids', String(ids['数字看']), '--format', 'csl-json']);
    expect(r.code, r.stderr).toBe(0);
    const name = fs.readdirSync(root).find((f) => f.endsWith('.json'))!;
    expect(name).toMatch(/^剪报_引用_\d{4}-\d{2}-\d{2}\.json$/);
    expect(r.stdout).toContain(`已导出 1 篇的引用到 ${path.join(root, name)}`);
    const items = new Cite(JSON.parse(fs.readFileSync(path.join(root, name), 'utf8'))).data;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'article-newspaper',
      title: '数字看淄博高新区2021年这一年',
      'container-title': '大众日报',
      issued: { 'date-parts': [[2022, 1, 28]] },
      page: '3',
    });
    expect(items[0].author).toBeUndefined();
  });

  it('says what is wrong: unknown format, no article found', async () => {
    const bad = await cli(['export', '--ids', '1', '--format', 'bibtex', '--out', '-']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('gbt7714|ris|csl-json');
    const none = await cli(['export', '--ids', '9999', '--format', 'gbt7714', '--out', '-']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有可引用的文章');
    expect(none.stdout).toBe('');
  });
});
