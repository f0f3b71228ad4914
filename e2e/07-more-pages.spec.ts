/**
 * An archive of more than one page, of two layouts: upload two fixture pages of our own (an
 * e-paper page of 2021 and a 1998-layout page with a story continued on another page), read the
 * import report, and read an e-paper article split by its layout (kicker, title, byline, subheads)
 * with its issue date and its dateline's own day. Screenshots for the README come from here.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ensureSample, openApp, root, shot } from './helpers';

const pages = ['rmrb_20210105_02.txt', 'rmrb_19980112_05.txt'].map((f) => path.join(root, 'test', 'fixtures', 'pages', f));

test.beforeAll(ensureSample);

test('import two more pages and read an e-paper article as it was printed', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('heading', { name: '导入版面' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(pages);
  await expect(page.getByLabel('rmrb_20210105_02.txt 的日期')).toHaveValue('2021-01-05');
  await page.getByRole('button', { name: /开始导入 2 个文件/ }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 30_000 });
  for (const [file, n] of [['rmrb_20210105_02.txt', '7'], ['rmrb_19980112_05.txt', '6']]) {
    const row = page.locator('table.report tbody tr').filter({ hasText: file });
    await expect(row.locator('.status')).toHaveText(/已导入|重复/);
    if ((await row.locator('.status').textContent()) === '已导入') await expect(row.locator('td').nth(2)).toHaveText(n);
  }
  await shot(page, 'import-report-pages');

  await page.getByRole('navigation', { name: '页面' }).getByText('检索', { exact: true }).click();
  // All the archive: three issues of three years in the facets.
  await page.getByRole('searchbox', { name: '检索' }).fill('');
  for (const y of ['1998年', '2021年', '2022年']) await expect(page.locator('.facets, aside').getByText(y, { exact: true }).first()).toBeVisible();
  await shot(page, 'search-pages');
  await page.getByRole('searchbox', { name: '检索' }).fill('供暖 寒潮');
  const title = page.locator('.hit-title').filter({ hasText: '保障群众温暖过冬' }).first();
  await expect(title).toBeVisible();
  // (The list may still re-render with the last keystroke's answer: click until the reader opens.)
  await expect(async () => {
    await title.click();
    await expect(page.locator('h1.article-title')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('h1.article-title')).toHaveText('保障群众温暖过冬 守住安全生产底线');
  await expect(page.locator('.article-kicker')).toHaveText('市政府常务会议研究部署冬春供暖工作强调');
  await expect(page.locator('.article-body .para-heading')).toHaveText(['落实责任到人', '做好应急准备']);
  // The date leads; the dateline's own day is shown as such.
  await expect(page.locator('.article-meta')).toContainText('2021年1月5日');
  await expect(page.locator('.article-meta')).toContainText('电头日期 1月4日');
  await shot(page, 'reader-epaper');
});
