/** Tagging: add a topic in the reader, find the article by 主题:…, and the tag management page. */
import { expect, test } from '@playwright/test';
import { ensureSample, openApp, search, shot } from './helpers';

test.beforeAll(ensureSample);

test('add a topic tag and find the article by 主题:…', async ({ page }) => {
  const topic = `园区建设${Date.now() % 100000}`;
  await openApp(page);
  // (The helper waits for this query's answer: a click on the list it replaces can be lost.)
  await search(page, '淄博高新区');
  await page.locator('.hit-title').filter({ hasText: '淄博高新区召开2022年工作会议' }).click();
  await expect(page.locator('h1.article-title')).toContainText('淄博高新区召开2022年工作会议');

  const editor = page.getByRole('region', { name: '标签' });
  await editor.getByLabel('标签类别').selectOption('topic');
  await editor.getByRole('combobox', { name: '新标签' }).fill(topic);
  await editor.getByRole('button', { name: '添加', exact: true }).click();
  await expect(editor.getByRole('button', { name: topic, exact: true })).toBeVisible();
  await expect(editor.getByRole('button', { name: '撤销' })).toBeVisible();
  await shot(page, 'reader-tags');

  // Clicking the tag searches for it.
  await editor.getByRole('button', { name: topic, exact: true }).click();
  await expect(page.getByRole('searchbox', { name: '检索' })).toHaveValue(`主题:${topic}`);
  await expect(page.locator('.results-count strong')).toHaveText('1');
  await expect(page.locator('.hit-title')).toHaveText(/淄博高新区召开2022年工作会议/);

  // A typed query finds it as well.
  await page.getByRole('searchbox', { name: '检索' }).fill(`淄博 主题:${topic}`);
  await expect(page.locator('.results-count strong')).toHaveText('1');

  // The tag page shows it with its count; rename asks first, showing the articles affected.
  await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '标签' }).click();
  await page.getByRole('tab', { name: '主题' }).click();
  const row = page.locator('.tag-table tr').filter({ hasText: topic });
  await expect(row.locator('td.num')).toHaveText('1');
  await shot(page, 'tags');
  await row.getByRole('button', { name: '重命名' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('将影响 1 篇文章');
  await dialog.getByLabel('新名称').fill(`${topic}改`);
  await shot(page, 'tags-dialog');
  await dialog.getByRole('button', { name: '确定重命名' }).click();
  await expect(page.locator('.tag-table tr').filter({ hasText: `${topic}改` }).locator('td.num')).toHaveText('1');
});
