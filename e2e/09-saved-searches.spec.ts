/**
 * Saved searches in Chromium: save the current search under a name (the name
 * is checked as it is typed), import a page that matches it, see `+N` beside
 * it in the sidebar, open it (its query runs) and the number goes away.
 * Then move, rename and delete one. The page is one of our own, written here
 * with a date no other spec uses, so its articles are new to the archive.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, ensureSample, openApp, root, shot } from './helpers';

const PAGE = [
  '人民日报 1998年1月20日 星期二 第4版',
  '春运首日客流平稳',
  '本报北京1月19日讯 记者 张明 报道：今天是1998年春运第一天，北京站、北京西站客流平稳有序。铁路部门加开临时客车，方便旅客出行。',
  '各地交通部门加强安全检查，确保旅客平安回家过年。',
  '冬季长跑比赛举行',
  '本报讯 记者 李华 报道：首都市民冬季长跑比赛昨天在天安门广场举行，两千多名市民参加。',
].join('\n\n');

type Saved = { id: number; name: string; newCount: number };

test.beforeAll(ensureSample);

test('save a search, import a page that matches, see +N, open it and the badge clears', async ({ page }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-saved-')), '人民日报_1998-01-20_第4版.txt');
  fs.writeFileSync(file, PAGE);
  await openApp(page);
  const box = page.getByRole('searchbox', { name: '检索' });
  await box.fill('春运');
  await expect(page.locator('.results-count')).toContainText('共');

  await page.getByRole('button', { name: '保存搜索' }).click();
  const dialog = page.getByRole('dialog', { name: '保存搜索' });
  const name = dialog.getByLabel('搜索的名称');
  await expect(name).toHaveValue('春运');
  await name.fill('');
  await expect(dialog.getByRole('alert')).toHaveText('请给这个搜索起个名字');
  await expect(dialog.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
  await name.fill('春运专题');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();

  const sidebar = page.getByRole('region', { name: '已保存的搜索' });
  const item = sidebar.getByRole('button', { name: /^春运专题/ });
  await expect(item).toBeVisible();
  await expect(item.locator('.new-badge')).toHaveCount(0);
  // The same name again is refused before it is sent.
  await page.getByRole('button', { name: '保存搜索' }).click();
  await dialog.getByLabel('搜索的名称').fill('春运专题');
  await expect(dialog.getByRole('alert')).toContainText('已经有名为“春运专题”的保存的搜索');
  await dialog.getByRole('button', { name: '取消' }).click();

  // Import a page that mentions 春运, through the import page.
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('heading', { name: '导入版面' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: /开始导入 1 个文件/ }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('table.report tbody tr').filter({ hasText: path.basename(file) }).locator('.status')).toHaveText('已导入');

  // Back on the search page the sidebar says how many of the new articles match.
  const saved = (await callApi<Saved[]>('listSavedSearches')).find((s) => s.name === '春运专题')!;
  expect(saved.newCount).toBe(1);
  await page.getByRole('navigation', { name: '页面' }).getByText('检索', { exact: true }).click();
  await box.fill('长跑');
  await expect(item.locator('.new-badge')).toHaveText('+1');
  await shot(page, 'saved-searches-badge');
  await page.locator('.sidebar').screenshot({ path: path.join(root, 'e2e', 'screenshots', 'saved-searches-sidebar.png') });

  // Opening it runs its query and clears the badge.
  await item.click();
  await expect(box).toHaveValue('春运');
  await expect(page.locator('.hit-title').filter({ hasText: '春运首日客流平稳' })).toBeVisible();
  await expect(item.locator('.new-badge')).toHaveCount(0);
  await expect(item).toHaveClass(/on/);
  expect((await callApi<Saved[]>('listSavedSearches')).find((s) => s.name === '春运专题')!.newCount).toBe(0);
  await shot(page, 'saved-searches-opened');
});

test('move, rename and delete saved searches from the sidebar', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('长跑');
  await page.getByRole('button', { name: '保存搜索' }).click();
  await page.getByRole('dialog', { name: '保存搜索' }).getByLabel('搜索的名称').fill('长跑');
  await page.getByRole('dialog', { name: '保存搜索' }).getByLabel('搜索的名称').press('Enter');
  const sidebar = page.getByRole('region', { name: '已保存的搜索' });
  const names = () => sidebar.locator('.saved-item .facet-name');
  await expect(names()).toHaveText(['春运专题', '长跑']);
  await sidebar.locator('.saved-item').filter({ hasText: '长跑' }).hover();
  await page.locator('.sidebar').screenshot({ path: path.join(root, 'e2e', 'screenshots', 'saved-searches-actions.png') });

  await sidebar.getByRole('button', { name: '上移 长跑' }).click();
  await expect(names()).toHaveText(['长跑', '春运专题']);

  await sidebar.getByRole('button', { name: '改名 长跑' }).click();
  const rename = page.getByRole('dialog', { name: '给保存的搜索改名' });
  await rename.getByLabel('搜索的名称').fill('春运专题');
  await expect(rename.getByRole('alert')).toContainText('已经有名为“春运专题”');
  await rename.getByLabel('搜索的名称').fill('冬季长跑');
  await rename.getByRole('button', { name: '改名' }).click();
  await expect(names()).toHaveText(['冬季长跑', '春运专题']);

  await sidebar.getByRole('button', { name: '删除 冬季长跑' }).click();
  await page.getByRole('dialog', { name: '删除保存的搜索' }).getByRole('button', { name: '删除' }).click();
  await expect(names()).toHaveText(['春运专题']);
  expect((await callApi<Saved[]>('listSavedSearches')).map((s) => s.name)).toEqual(['春运专题']);
});
