/**
 * 取消 during an import (the one import path no other spec reaches): three hundred page files
 * uploaded into an archive of the spec's own; 取消 while they are read stops the run, the page and a
 * notice say so and how many articles came in, and what was imported before the cancel stays,
 * searchable. (The pages are the built-in sample under other dates, so none is a duplicate.)
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { samplePath, search, shot } from './helpers';
import { startHost, type Host } from './host';

const FILES = 300;
let dir = '';
let pages = '';
let host: Host | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-cancel-'));
  pages = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-cancel-pages-'));
  const text = fs.readFileSync(samplePath, 'utf8');
  for (let i = 0; i < FILES; i++) {
    const day = new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    // Each page its own text too (an identical text is a duplicate, whatever its name).
    fs.writeFileSync(path.join(pages, `大众日报_${day}_第3版.txt`), text.replace('淄博高新区', `淄博高新区（${i + 1}）`));
  }
  host = await startHost(dir);
});

test.afterAll(async () => {
  await host?.stop();
  for (const d of [dir, pages]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

test('取消 stops an import of many pages; what came in before stays and is found', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host!.url);
  await page.getByRole('navigation', { name: '页面' }).waitFor();
  await page.keyboard.press('Control+i');
  await page.locator('input[type=file]').setInputFiles(fs.readdirSync(pages).map((f) => path.join(pages, f)));
  await page.getByRole('button', { name: `开始导入 ${FILES} 个文件` }).click();
  const progress = page.getByRole('region', { name: '导入进度' });
  await expect(progress.getByRole('heading', { name: '正在导入…' })).toBeVisible();
  // Some pages in, then 取消.
  await expect(progress).toContainText(/已找到 [1-9]\d* 篇文章/, { timeout: 60_000 });
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(progress.getByRole('heading', { name: '导入已取消' })).toBeVisible({ timeout: 60_000 });
  await shot(page, 'import-cancelled');
  const toast = page.locator('.toasts');
  await expect(toast).toContainText(/导入已取消，已加入 \d+ 篇文章。/);
  const added = Number((await toast.textContent())!.match(/已加入 (\d+) 篇/)![1]);
  const stats = (await (await fetch(`${host!.url}api/stats`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as { articles: number; imports: number };
  expect(stats.imports).toBeGreaterThan(0);
  expect(stats.imports).toBeLessThan(FILES);
  expect(stats.articles).toBe(added);
  // The run's summary: its files, its articles and its time (all batches together, never `0 秒`).
  const files = await page.locator('table.report tbody tr').count();
  await expect(progress).toContainText(new RegExp(`${files} 个文件，新增 ${added} 篇文章，用时 (?:不到 1 秒|\\d+ 秒)；其余 ${FILES - files} 个文件没有导入。`));
  await search(page, '淄博高新区');
  await expect(page.locator('.results-count strong')).not.toHaveText('0');
});
