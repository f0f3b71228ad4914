/**
 * 校对 in the reader (issue 17): an editor corrects a headline; search finds the new headline and,
 * by a word only the parser's reading held, the old one too; 原文对照 shows the change; 历史 lists
 * it and 撤销 takes it back (the shared archive is left as it was).
 */
import { expect, test } from '@playwright/test';
import { ensureSample, openApp, search, shot } from './helpers';

test.beforeAll(ensureSample);

const OLD = '行刑衔接 联合打击市场监管领域违法行为';
const NEW = '行刑衔接 协同打击市场监管领域违法行为';

test('correct a headline, find it by the new and the old words, compare, undo', async ({ page }) => {
  await openApp(page);
  await search(page, '联合打击');
  await page.locator('.hit-title').filter({ hasText: '联合打击' }).first().click();
  await expect(page.locator('h1.article-title')).toContainText('联合打击');
  // 联合打击 stands only in the headline (so finding it after the correction is the original's doing).
  await expect(page.locator('.article-body')).not.toContainText('联合打击');

  await page.getByRole('button', { name: '校对', exact: true }).click();
  const panel = page.getByRole('region', { name: '校对' });
  await expect(panel.getByLabel('标题', { exact: true })).toHaveValue(OLD);
  await panel.getByLabel('标题', { exact: true }).fill(NEW);
  await shot(page, 'corrections-edit');
  await panel.getByRole('button', { name: '保存标题' }).click();
  await expect(page.getByRole('status')).toContainText('已校对标题');
  await expect(page.locator('h1.article-title')).toContainText('协同打击');
  await expect(page.locator('.article-meta')).toContainText('已校对');

  await page.getByRole('button', { name: '原文对照' }).click();
  const diff = page.getByRole('region', { name: '原文对照' });
  await expect(diff.locator('del')).toHaveText('联合');
  await expect(diff.locator('ins')).toHaveText('协同');
  await shot(page, 'corrections-diff');

  // The new headline's words find it, under the new headline; so does the word only the original held.
  await search(page, '协同打击');
  await expect(page.locator('.hit-title').first()).toContainText('协同打击');
  await search(page, '联合打击');
  await expect(page.locator('.hit-title').first()).toContainText('协同打击');
  await search(page, '已校对');
  await expect(page.locator('.hit-title')).toHaveCount(1);
  // The tags page counts corrected articles.
  await page.getByRole('navigation', { name: '页面' }).getByText('标签').click();
  await expect(page.locator('.corrected-count')).toContainText('已校对的文章：1 篇');
  await search(page, '已校对');

  await page.locator('.hit-title').first().click();
  await page.getByRole('button', { name: '历史' }).click();
  const history = page.getByRole('region', { name: '校对历史' });
  await expect(history).toContainText('标题');
  await expect(history.locator('del')).toHaveText(OLD);
  await expect(history.locator('ins')).toHaveText(NEW);
  await shot(page, 'corrections-history');
  await history.getByRole('button', { name: /^撤销校对/ }).click();
  await expect(page.getByRole('status')).toContainText('已撤销');
  await expect(page.locator('h1.article-title')).toContainText('联合打击');
  await expect(history).toContainText('已撤销');
  await search(page, '联合打击');
  await expect(page.locator('.hit-title').first()).toContainText('联合打击');
  await expect(page.locator('.hit-title').filter({ hasText: '协同打击' })).toHaveCount(0);
});

test('merge with the previous article, split at a paragraph, and undo both from 历史', async ({ page }) => {
  await openApp(page);
  const stats = page.locator('.nav-stats');
  // The archive is shared by the specs run before this one: count from what it holds now.
  await expect(stats).toContainText(/共 \d+ 篇/);
  const n = Number((await stats.textContent())!.match(/共 (\d+) 篇/)![1]);
  await search(page, '心愿得偿');
  await page.locator('.hit-title').filter({ hasText: '心愿得偿' }).first().click();
  await page.getByRole('button', { name: '校对', exact: true }).click();
  await page.getByRole('region', { name: '校对' }).getByRole('button', { name: '与上一篇合并' }).click();
  await expect(page.getByRole('status')).toContainText('已与上一篇合并');
  // The reader now shows the article before it, holding the merged one's headline as a subheading.
  await expect(page.locator('h1.article-title')).toContainText('淄博高新区召开2022年工作会议');
  await expect(page.locator('.article-body')).toContainText('心愿得偿');
  await expect(stats).toContainText(`共 ${n - 1} 篇`);
  await shot(page, 'corrections-merged');
  await page.getByRole('button', { name: '历史' }).click();
  const history = page.getByRole('region', { name: '校对历史' });
  await expect(history).toContainText('与上一篇合并');
  await history.getByRole('button', { name: /^撤销校对/ }).click();
  await expect(stats).toContainText(`共 ${n} 篇`);
  await expect(page.locator('.article-body')).not.toContainText('心愿得偿');

  // Split the same article before its second paragraph: a new article, then undone.
  await page.getByRole('button', { name: '校对', exact: true }).click();
  const panel = page.getByRole('region', { name: '校对' });
  const second = await panel.locator('.correction-paragraphs li').nth(1).locator('.para-text').textContent();
  await panel.getByRole('button', { name: '在第 2 段拆分' }).click();
  await expect(page.getByRole('status')).toContainText('已拆分：第 2 段起成为新文章');
  await expect(stats).toContainText(`共 ${n + 1} 篇`);
  await expect(page.locator('.article-body')).not.toContainText(second!.slice(0, 12));
  await page.getByRole('button', { name: '历史' }).click();
  await expect(history).toContainText('拆分');
  await history.getByRole('button', { name: /^撤销校对/ }).first().click();
  await expect(stats).toContainText(`共 ${n} 篇`);
  await expect(page.locator('.article-body')).toContainText(second!.slice(0, 12));
});
