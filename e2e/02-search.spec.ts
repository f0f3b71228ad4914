/** Smoke test and facet filtering on the search page. */
import { expect, test } from '@playwright/test';
import { ensureSample, openApp, shot } from './helpers';

test.beforeAll(ensureSample);

test('smoke: searching 淄博高新区 shows the meeting story', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('淄博高新区');
  await expect(page.getByRole('list', { name: '检索结果' }).getByRole('link', { name: /淄博高新区召开2022年工作会议/ })).toBeVisible();
  await expect(page.locator('.results-count')).toContainText(/共 \d+ 篇/);
  await expect(page.locator('.hit-snippet mark').first()).toBeVisible();
  await shot(page, 'search');
});

test('query words in a hit title are marked like in the snippets', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('淄博 工作会议');
  const title = page.getByRole('list', { name: '检索结果' }).getByRole('link', { name: /淄博高新区召开2022年工作会议/ }).first();
  await expect(title).toBeVisible();
  await expect(title.locator('mark').first()).toBeVisible();
  await expect(title.locator('mark')).toHaveText(['淄博', '工作会议']);
});

test('filter by reporter through the facet', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('淄博');
  const facet = page.getByRole('complementary', { name: '筛选' }).getByRole('region', { name: '记者' });
  const item = facet.getByRole('button', { name: /陆晓茜/ });
  await expect(facet.getByRole('listitem').first()).toBeVisible();
  // Only the top entries show at first; expand the list when the reporter is further down.
  if (!(await item.isVisible())) await facet.getByRole('button', { name: /^全部 \d+ 项$/ }).click();
  await expect(item).toBeVisible();
  const count = Number(await item.locator('.count').textContent());
  expect(count).toBeGreaterThan(0);
  await item.click();
  await expect(item).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '取消筛选 记者' })).toBeVisible();
  await expect(page.locator('.results-count strong')).toHaveText(String(count));
  const hits = page.locator('.hit');
  await expect(hits).toHaveCount(count);
  for (const meta of await page.locator('.hit-meta').allTextContents()) expect(meta).toContain('陆晓茜');
  await shot(page, 'search-facet');
  // Clicking the active facet again removes the filter.
  await item.click();
  await expect(page.getByRole('button', { name: '取消筛选 记者' })).toHaveCount(0);
});

test('syntax help and recent queries', async ({ page }) => {
  await openApp(page);
  const box = page.getByRole('searchbox', { name: '检索' });
  await box.fill('希望小屋');
  await box.press('Enter');
  await page.getByRole('button', { name: '语法' }).click();
  await expect(page.getByText('记者:陆晓茜')).toBeVisible();
  await box.fill('');
  await box.focus();
  await expect(page.getByLabel('最近的检索').getByRole('button', { name: '希望小屋', exact: true })).toBeVisible();
  await shot(page, 'search-help');
});
