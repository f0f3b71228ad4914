/**
 * An edition in one file, uploaded: the report says it was split into its pages, and an article of
 * the second page is found on that page (第4版), not on the file's first. The file is the built-in
 * sample page and a test page, each under its page header, in an archive of the spec's own.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, samplePath, search, shot } from './helpers';
import { startHost, type Host } from './host';

let dir = '';
let file = '';
let host: Host | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-edition-'));
  const second = fs.readFileSync(path.join(root, 'test', 'fixtures', 'pages', 'rmrb_19980110_03.txt'), 'utf8');
  const edition = ['大众日报 2022年1月28日 星期五 第3版', fs.readFileSync(samplePath, 'utf8'), '大众日报 2022年1月28日 星期五 第4版', second].join('\n\n');
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-edition-file-')), '大众日报_2022-01-28.txt');
  fs.writeFileSync(file, edition);
  host = await startHost(dir);
});

test.afterAll(async () => {
  await host?.stop();
  for (const d of [dir, path.dirname(file)]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

test('an edition in one file is imported page by page, each article on its own page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host!.url);
  await page.getByRole('navigation', { name: '页面' }).waitFor();
  await page.keyboard.press('Control+i');
  await page.locator('input[type=file]').setInputFiles([file]);
  await page.getByRole('button', { name: '开始导入 1 个文件' }).click();
  const progress = page.getByRole('region', { name: '导入进度' });
  await expect(progress.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('table.report')).toContainText('整期文件：分成 2 个版面（第3版、第4版）分别导入');
  await shot(page, 'import-edition');
  await search(page, '冰雪节');
  const hit = page.locator('.hit').first();
  await expect(hit).toContainText('冰城迎来冰雪节');
  await expect(hit).toContainText('第4版');
  await search(page, '淄博高新区');
  await expect(page.locator('.hit').first()).toContainText('第3版');
});
