/** Reading an article found by a search: highlights, match navigation, raw text, citation. */
import { expect, test } from '@playwright/test';
import { ensureSample, openApp, search, shot } from './helpers';

test.beforeAll(ensureSample);

test('search 希望小屋, open the article, see the highlight', async ({ page }) => {
  await openApp(page);
  // (The helper waits for this query's answer: a click on the list it replaces can be lost.)
  await search(page, '希望小屋');
  const title = page.locator('.hit-title').filter({ hasText: '希望小屋' }).first();
  await expect(title).toBeVisible();
  await title.click();
  await expect(page.locator('h1.article-title')).toContainText('希望小屋');
  // The date; the dateline's own date (淄博1月27日讯) beside the dateline.
  await expect(page.locator('.article-meta')).toContainText('2022年1月28日');
  await expect(page.locator('.article-meta')).toContainText('电头日期 1月27日');
  const marks = page.locator('.reader-main mark');
  await expect(marks.first()).toBeVisible();
  const texts = await marks.allTextContents();
  expect(texts.some((t) => t.includes('希望小屋'))).toBe(true);
  await expect(page.locator('.article-body mark').first()).toBeVisible();

  const nav = page.getByLabel('检索词位置');
  await expect(nav).toContainText(`0 / ${texts.length}`);
  await page.getByRole('button', { name: '下一处' }).click();
  await expect(page.locator('mark.current')).toHaveCount(1);
  await expect(nav).toContainText(`1 / ${texts.length}`);
  await shot(page, 'reader');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'reader-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: '原始文本' }).click();
  await expect(page.getByRole('region', { name: '原始文本' }).locator('pre')).toContainText('希望小屋');
  await page.getByRole('region', { name: '原始文本' }).scrollIntoViewIfNeeded();
  await shot(page, 'reader-raw');

  await page.getByRole('button', { name: '复制引用' }).click();
  // GB/T 7714, made by the archive (more in 08-citation.spec.ts).
  await expect(page.getByRole('status')).toContainText('已复制引用：王丽, 张海萌, 李沫洁. 心愿得偿 “希望小屋”受助儿童收到爱心包裹: ');
  await expect(page.getByRole('status')).toContainText('[N]. 大众日报, 2022-01-28(3).');
  // 更多相似 finishes loading: either a list of articles or a plain "none found".
  const related = page.getByRole('region', { name: '更多相似' });
  await expect(related).not.toContainText('正在查找');
  await expect(related.locator('li').first().or(related.getByText('没有找到相似的文章'))).toBeVisible();
});
