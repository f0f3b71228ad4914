/** Clippings: add two articles to the basket, reorder, save the set, export it, and delete the saved set. */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSample, openApp, search, shot } from './helpers';

test.beforeAll(ensureSample);

test('add two articles to the basket and export them', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('淄博');
  const hits = page.locator('.hit');
  // Wait for the answer to this query (its snippets carry highlights), not the initial list.
  await expect(hits.nth(1).locator('.hit-snippet mark').first()).toBeVisible();
  const titles = [await hits.nth(0).locator('.hit-title').textContent(), await hits.nth(1).locator('.hit-title').textContent()];
  await hits.nth(0).getByRole('button', { name: /加入剪报/ }).click();
  await hits.nth(1).getByRole('button', { name: /加入剪报/ }).click();
  await expect(page.getByRole('link', { name: /剪报\s*2/ })).toBeVisible();

  await page.getByRole('link', { name: /剪报\s*2/ }).click();
  const items = page.locator('.basket-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(titles[0]!);
  await items.nth(1).getByRole('button', { name: '上移' }).click();
  await expect(items.nth(0)).toContainText(titles[1]!);
  const setName = `高新区报道${Date.now() % 100000}`;
  await page.getByLabel('剪报名称').fill(setName);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.set-item').filter({ hasText: setName })).toBeVisible();
  await page.getByLabel('导出格式').selectOption('docx');
  await shot(page, 'clippings');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 2 篇' }).click()]);
  expect(download.suggestedFilename()).toContain(setName);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(2000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // Ctrl+E exports again with the remembered format (Markdown this time).
  await page.getByLabel('导出格式').selectOption('md');
  const [md] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+e')]);
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  const mdFile = path.join(path.dirname(file), md.suggestedFilename());
  await md.saveAs(mdFile);
  const text = fs.readFileSync(mdFile, 'utf8');
  expect(text.indexOf(titles[1]!.slice(0, 8))).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(titles[1]!.slice(0, 8))).toBeLessThan(text.indexOf(titles[0]!.slice(0, 8)));

  // Deleting the saved set asks first; the set goes, the articles stay.
  await page.locator('.set-item').filter({ hasText: setName }).getByRole('button', { name: '删除' }).click();
  const dialog = page.getByRole('dialog', { name: '删除剪报' });
  await expect(dialog).toContainText(`确定删除剪报“${setName}”（2 篇）吗？`);
  await dialog.getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.toasts')).toContainText(`已删除剪报“${setName}”。`);
  await expect(page.locator('.set-item').filter({ hasText: setName })).toHaveCount(0);
  await search(page, titles[0]!);
  await expect(page.locator('.hit-title').first()).toContainText(titles[0]!);
});
