/**
 * 复制引用 in the reader (issue 17): the GB/T 7714 entry made by the archive
 * lands on the clipboard and in the notice; the format chosen (RIS here) is
 * remembered across a reload.
 */
import { expect, test } from '@playwright/test';
import { ensureSample, openApp, search, shot } from './helpers';

const GBT =
  '陆晓茜, 徐浩, 郭方强, 等. 淄博高新区召开2022年工作会议 聚力品质提升贡献“高新力量”[N]. 大众日报, 2022-01-28(3).';

test.beforeAll(ensureSample);

test('复制引用 copies the GB/T 7714 entry, or RIS once chosen (remembered)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  // (The helper waits for this query's answer: a click on the list it replaces can be lost.)
  await search(page, '工作会议');
  await page.locator('.hit-title').filter({ hasText: '工作会议' }).first().click();
  await expect(page.locator('h1.article-title')).toContainText('工作会议');

  const format = page.getByLabel('引用格式');
  await expect(format).toHaveValue('gbt7714');
  await page.getByRole('button', { name: '复制引用' }).click();
  await expect(page.getByRole('status')).toContainText(`已复制引用：${GBT}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(GBT);
  await shot(page, 'reader-citation');

  await format.selectOption('ris');
  await page.getByRole('button', { name: '复制引用' }).click();
  await expect(page.getByRole('status')).toContainText('已复制 RIS 引用');
  const ris = await page.evaluate(() => navigator.clipboard.readText());
  expect(ris.split(/\r?\n/).slice(0, 7)).toEqual(['TY  - NEWS', expect.stringMatching(/^ID {2}- baoku-\d+$/), 'AU  - 陆, 晓茜', 'AU  - 徐, 浩', 'AU  - 郭, 方强', 'AU  - 李, 乐天', expect.stringMatching(/^TI {2}- 淄博高新区召开2022年工作会议/)]);
  expect(ris).toContain('DA  - 2022/01/28/');
  expect(ris.trimEnd().endsWith('ER  -')).toBe(true);

  // Chosen once: the reader opens with RIS after a reload.
  await page.reload();
  await expect(page.locator('h1.article-title')).toContainText('工作会议');
  await expect(page.getByLabel('引用格式')).toHaveValue('ris');
});
