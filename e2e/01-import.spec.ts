/** First start and importing the sample page through the UI (file upload), then reading its report. */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { callApi, openApp, root, samplePath, shot } from './helpers';

const expected = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'sample', '大众日报_2022-01-28_第3版.expected.json'), 'utf8')) as { articles: unknown[] };

test('import the sample page by uploading it and read the report', async ({ page }) => {
  const before = await callApi<{ articles: number }>('stats');
  await openApp(page);
  if (before.articles === 0) {
    await expect(page.getByRole('heading', { name: '欢迎使用报库' })).toBeVisible();
    await expect(page.getByRole('button', { name: '导入示例版面' })).toBeVisible();
    await shot(page, 'first-start');
    await page.getByRole('button', { name: '导入文件…' }).click();
  } else {
    await page.keyboard.press('Control+i');
  }
  await expect(page.getByRole('heading', { name: '导入版面' })).toBeVisible();

  await page.locator('input[type=file]').setInputFiles(samplePath);
  const name = path.basename(samplePath);
  // Fields are pre-filled from the file name.
  await expect(page.getByLabel(`${name} 的报纸`)).toHaveValue('大众日报');
  await expect(page.getByLabel(`${name} 的日期`)).toHaveValue('2022-01-28');
  await expect(page.getByLabel(`${name} 的版次`)).toHaveValue('3');
  await shot(page, 'import-pending');

  await page.getByRole('button', { name: /开始导入 1 个文件/ }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 30_000 });
  const row = page.locator('table.report tbody tr').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  if (before.articles === 0) {
    await expect(row.locator('.status')).toHaveText('已导入');
    await expect(row.locator('td').nth(2)).toHaveText(String(expected.articles.length));
  } else {
    await expect(row.locator('.status')).toHaveText(/已导入|重复|已替换/);
  }
  // The history lists the file too, and the archive now has the articles.
  await expect(page.getByRole('region', { name: '导入记录' }).getByText(name).first()).toBeVisible();
  const after = await callApi<{ articles: number }>('stats');
  expect(after.articles).toBeGreaterThanOrEqual(expected.articles.length);
  await expect(page.getByRole('navigation', { name: '页面' }).locator('..').getByText(`共 ${after.articles} 篇`)).toBeVisible();
  await shot(page, 'import-report');
});

test('a file that is not a newspaper page is skipped with the reason, and the form offers to import it anyway', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('heading', { name: '导入版面' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(path.join(root, 'test', 'fixtures', 'not-pages', 'SOURCE.txt'));
  await expect(page.getByRole('checkbox', { name: /不像报纸版面的文件也导入/ })).not.toBeChecked();
  await page.getByRole('button', { name: /开始导入 1 个文件/ }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 30_000 });
  const row = page.locator('table.report tbody tr').filter({ hasText: 'SOURCE.txt' });
  await expect(row.locator('.status')).toHaveText('已跳过');
  await expect(row).toContainText('不像报纸版面：');
  await shot(page, 'import-not-a-page');
  // The editor says it is a page after all.
  await row.getByRole('button', { name: '仍要导入' }).click();
  await expect(page.locator('table.report tbody tr').filter({ hasText: 'SOURCE.txt' }).locator('.status')).toHaveText('已导入', { timeout: 30_000 });
});

test('the paper and date can be set for all rows at once; dates are ISO text, a bad one is explained', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('heading', { name: '导入版面' })).toBeVisible();
  const other = path.join(root, 'test', 'fixtures', 'dates', 'no-issue-date.txt');
  await page.locator('input[type=file]').setInputFiles([samplePath, other]);
  const names = [path.basename(samplePath), path.basename(other)];
  await expect(page.getByLabel(`${names[0]} 的报纸`)).toHaveValue('大众日报');
  await page.getByLabel('所有文件的报纸').fill('齐鲁晚报');
  for (const n of names) await expect(page.getByLabel(`${n} 的报纸`)).toHaveValue('齐鲁晚报');
  // Emptied, each row gets its own guess back.
  await page.getByLabel('所有文件的报纸').fill('');
  await expect(page.getByLabel(`${names[0]} 的报纸`)).toHaveValue('大众日报');
  await page.getByLabel('所有文件的日期').fill('1998/1/1');
  await page.getByLabel('所有文件的日期').blur();
  await expect(page.getByLabel('所有文件的日期')).toHaveValue('1998-01-01');
  for (const n of names) await expect(page.getByLabel(`${n} 的日期`)).toHaveValue('1998-01-01');
  // A date that does not exist is named, and the import waits for a fix.
  await page.getByLabel(`${names[1]} 的日期`).fill('1998-02-30');
  await expect(page.getByRole('alert').filter({ hasText: '没有 1998-02-30 这一天' })).toBeVisible();
  await expect(page.getByRole('button', { name: /开始导入 2 个文件/ })).toBeDisabled();
  await shot(page, 'import-for-all-rows');
  await page.getByLabel(`${names[1]} 的日期`).fill('1998-02-28');
  await expect(page.getByRole('button', { name: /开始导入 2 个文件/ })).toBeEnabled();
  await page.getByRole('button', { name: '清空' }).click();
  await expect(page.getByLabel('所有文件的报纸')).toHaveCount(0);
});
