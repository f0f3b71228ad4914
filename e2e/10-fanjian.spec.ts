/** 繁体 / 简体 (issue 18): a simplified query finds a traditional page; the list and the reader mark the printed characters. */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { callApi, openApp, root, shot } from './helpers';

const DIR = path.join(root, 'test', 'fixtures', 'fanjian');

test.beforeAll(async () => {
  const files = fs.readdirSync(DIR).map((name) => ({ name, dataBase64: fs.readFileSync(path.join(DIR, name)).toString('base64') }));
  const { jobId } = await callApi<{ jobId: string }>('startImport', { files });
  for (let i = 0; i < 200; i++) {
    const st = await callApi<{ state: string; error?: string }>('importStatus', { jobId });
    if (st.state === 'done') return;
    if (st.state !== 'running') throw new Error(`import ${st.state}: ${st.error ?? ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('import did not finish');
});

test('台湾 香港特别行政区 finds the traditional page and marks 臺灣 and 香港特別行政區', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('台湾 香港特别行政区');
  const title = page.locator('.hit-title').filter({ hasText: '香港特別行政區慶祝回歸' }).first();
  await expect(title).toBeVisible();
  await expect(title.locator('mark').first()).toHaveText(/香港特別行政區|香港|特別行政區/);
  // The simplified article is found too.
  await expect(page.locator('.hit-title').filter({ hasText: '各界人士座谈香港回归' })).toBeVisible();
  await shot(page, 'fanjian-results');
  await title.click();
  await expect(page.locator('h1.article-title')).toContainText('香港特別行政區慶祝回歸二十五周年');
  const marks = await page.locator('.article-body mark').allTextContents();
  expect(marks).toContain('臺灣');
  expect(marks.some((m) => m.includes('特別行政區'))).toBe(true);
  await shot(page, 'fanjian-reader');
});
