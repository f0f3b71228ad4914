/**
 * The tag page's 合并 and 删除, and 撤销 in the reader (the tag paths no other spec reaches): two
 * topics on two sample articles; 合并 asks first (how many articles), then the merged topic finds
 * both; 删除 takes it off both, the articles stay; a tag added in the reader and taken back with
 * 撤销 is gone from the article and from search.
 */
import { expect, test, type Page } from '@playwright/test';
import { callApi, ensureSample, openApp, search, shot } from './helpers';

test.beforeAll(ensureSample);

const tagsPage = async (page: Page) => {
  await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '标签' }).click();
  await page.getByRole('tab', { name: '主题' }).click();
};

test('merge one topic into another, then delete it: asked first, both articles follow', async ({ page }) => {
  const n = Date.now() % 100000;
  const [from, into] = [`并入前${n}`, `并入后${n}`];
  const hits = (await callApi<{ hits: { id: number; title: string }[] }>('search', { query: '', limit: 2 })).hits;
  expect(hits).toHaveLength(2);
  await callApi('changeTags', { ids: [hits[0].id], add: [{ kind: 'topic', name: from }] });
  await callApi('changeTags', { ids: [hits[1].id], add: [{ kind: 'topic', name: into }] });

  await openApp(page);
  await tagsPage(page);
  await page.locator('.tag-table tr').filter({ hasText: from }).getByRole('button', { name: '合并' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('将影响 1 篇文章');
  await dialog.getByRole('combobox', { name: '并入的标签' }).fill(into);
  await shot(page, 'tags-merge');
  await dialog.getByRole('button', { name: '确定合并' }).click();
  await expect(page.locator('.toasts')).toContainText(`已把“${from}”并入“${into}”，1 篇文章已更新。`);
  // One row: the merged topic, on both articles, the old name kept as its alias.
  const row = page.locator('.tag-table tbody tr').filter({ has: page.getByRole('button', { name: into, exact: true }) });
  await expect(row.locator('td.num')).toHaveText('2');
  await expect(row).toContainText(from);
  await expect(page.locator('.tag-table tbody tr').filter({ has: page.getByRole('button', { name: from, exact: true }) })).toHaveCount(0);
  await search(page, `主题:${into}`);
  await expect(page.locator('.results-count strong')).toHaveText('2');
  // The old name still finds them (a saved search written with it keeps working).
  await search(page, `主题:${from}`);
  await expect(page.locator('.results-count strong')).toHaveText('2');

  await tagsPage(page);
  await page.locator('.tag-table tr').filter({ hasText: into }).getByRole('button', { name: '删除' }).click();
  await expect(dialog).toContainText('将影响 2 篇文章');
  await dialog.getByRole('button', { name: '确定删除' }).click();
  await expect(page.locator('.toasts')).toContainText(`已删除主题标签“${into}”，2 篇文章已更新。`);
  await expect(page.locator('.tag-table tr').filter({ hasText: into })).toHaveCount(0);
  // The articles stay; only the tag is gone.
  await search(page, hits[0].title);
  await expect(page.locator('.hit-title').first()).toContainText(hits[0].title);
  await search(page, `主题:${into}`);
  await expect(page.locator('.results-count strong')).toHaveText('0');
});

test('a tag added in the reader and taken back with 撤销 is gone from the article and from search', async ({ page }) => {
  const topic = `撤销测试${Date.now() % 100000}`;
  await openApp(page);
  await search(page, '淄博高新区');
  await page.locator('.hit-title').filter({ hasText: '淄博高新区召开2022年工作会议' }).click();
  const editor = page.getByRole('region', { name: '标签' });
  await editor.getByLabel('标签类别').selectOption('topic');
  await editor.getByRole('combobox', { name: '新标签' }).fill(topic);
  await editor.getByRole('button', { name: '添加', exact: true }).click();
  await expect(editor.getByRole('button', { name: topic, exact: true })).toBeVisible();
  await editor.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.locator('.toasts')).toContainText('已撤销上一次标签修改。');
  await expect(editor.getByRole('button', { name: topic, exact: true })).toHaveCount(0);
  await search(page, `主题:${topic}`);
  await expect(page.locator('.results-count strong')).toHaveText('0');
});
