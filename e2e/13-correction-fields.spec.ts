/**
 * 校对 of an article's facts (issue 17): in the reader an editor corrects the issue date, the page,
 * the dateline and a reporter; a bad date and a bad name are refused in Chinese; the reader shows
 * the corrected values (the byline follows its people), search by date finds the article on its new
 * date; 历史 lists each correction with before and after, and 撤销 takes all back (the shared
 * archive is left as it was).
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ensureSample, openApp, root, search, shot } from './helpers';

test.beforeAll(ensureSample);

test('correct date, page, dateline and a reporter; see them, find by the new date, undo from 历史', async ({ page }) => {
  await openApp(page);
  await search(page, '行刑衔接');
  await page.locator('.hit-title').filter({ hasText: '行刑衔接' }).first().click();
  const meta = page.locator('.article-meta');
  const byline = page.locator('.article-byline');
  await expect(meta).toContainText('2022年1月28日');
  await expect(meta).toContainText('第3版');
  await expect(meta).toContainText('淄博1月27日讯');
  await expect(byline).toHaveText('大众日报淄博融媒体中心记者 刘文思 通讯员 刘刚 周杰');

  await page.getByRole('button', { name: '校对', exact: true }).click();
  const panel = page.getByRole('region', { name: '校对' });
  await expect(panel.getByLabel('日期', { exact: true })).toHaveValue('2022-01-28');
  await expect(panel.getByLabel('版次', { exact: true })).toHaveValue('3');
  await expect(panel.getByLabel('电头地点')).toHaveValue('淄博');
  await expect(panel.getByLabel('电头日期')).toHaveValue('1月27日');
  await expect(panel.getByLabel('记者', { exact: true })).toHaveValue('刘文思');
  await expect(panel.getByLabel('通讯员', { exact: true })).toHaveValue('刘刚 周杰');
  await expect(panel.getByLabel('图片说明')).toBeVisible();
  const save = panel.getByRole('button', { name: '保存出版信息与作者' });
  await expect(save).toBeDisabled();

  // A date that does not exist and a name that is not one: said in Chinese, nothing can be saved.
  await panel.getByLabel('日期', { exact: true }).fill('2022-02-30');
  await expect(panel.getByRole('alert').filter({ hasText: '没有 2022-02-30 这一天' })).toBeVisible();
  await panel.getByLabel('记者', { exact: true }).fill('刘文斯 Liu');
  await expect(panel.getByRole('alert').filter({ hasText: '记者：“Liu”不像人名' })).toBeVisible();
  await expect(save).toBeDisabled();
  await panel.locator('.correction-meta').screenshot({ path: path.join(root, 'e2e', 'screenshots', 'correction-fields-problems.png') });

  // The corrections: typed as people type dates (normalised on leaving the field).
  await panel.getByLabel('日期', { exact: true }).fill('2022/2/3');
  await panel.getByLabel('版次', { exact: true }).click();
  await expect(panel.getByLabel('日期', { exact: true })).toHaveValue('2022-02-03');
  await panel.getByLabel('版次', { exact: true }).fill('5');
  await panel.getByLabel('电头地点').fill('济南');
  await panel.getByLabel('电头日期').fill('2月2日');
  await panel.getByLabel('记者', { exact: true }).fill('刘文斯');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByLabel('电头预览')).toHaveText('电头：济南2月2日讯');
  await expect(save).toBeEnabled();
  await panel.locator('.correction-meta').screenshot({ path: path.join(root, 'e2e', 'screenshots', 'correction-fields.png') });
  await panel.locator('.correction-meta').scrollIntoViewIfNeeded();
  await shot(page, 'correction-fields-edit');
  await save.click();
  await expect(page.getByRole('status')).toContainText('已校对日期、版次、电头、作者');

  // The reader shows the corrected facts; the byline names the corrected reporter.
  await expect(meta).toContainText('2022年2月3日');
  await expect(meta).toContainText('第5版');
  await expect(meta).toContainText('济南2月2日讯');
  await expect(meta).toContainText('电头日期 2月2日');
  await expect(meta).toContainText('已校对');
  await expect(byline).toHaveText('大众日报淄博融媒体中心记者 刘文斯 通讯员 刘刚 周杰');

  // Search by date finds it on its new date, and no longer on the old one; so does the reporter filter.
  // (Each check is one the list of the query before cannot pass: results follow the typing.)
  await search(page, '2022-01-28');
  await expect(page.locator('.hit-title').first()).toBeVisible();
  await expect(page.locator('.hit-title').filter({ hasText: '行刑衔接' })).toHaveCount(0);
  await search(page, '2022-02-03');
  await expect(page.locator('.hit-title')).toHaveCount(1);
  await expect(page.locator('.hit-title')).toContainText('行刑衔接');
  await expect(page.getByRole('list', { name: '检索结果' })).toContainText('记者 刘文斯');
  await search(page, '记者:刘文思');
  await expect(page.locator('.hit-title').filter({ hasText: '行刑衔接' })).toHaveCount(0);
  await search(page, '记者:刘文斯');
  await expect(page.locator('.hit-title').filter({ hasText: '行刑衔接' })).toHaveCount(1);

  // 历史: each field with before and after; 撤销 takes them back, newest first.
  await page.locator('.hit-title').filter({ hasText: '行刑衔接' }).first().click();
  await page.getByRole('button', { name: '历史' }).click();
  const history = page.getByRole('region', { name: '校对历史' });
  const entry = (label: string) => history.locator('li').filter({ has: page.locator('strong', { hasText: new RegExp(`^${label}$`) }) });
  await expect(entry('日期').locator('del')).toHaveText('2022-01-28');
  await expect(entry('日期').locator('ins')).toHaveText('2022-02-03');
  await expect(entry('版次').locator('del')).toHaveText('第 3 版');
  await expect(entry('版次').locator('ins')).toHaveText('第 5 版');
  await expect(entry('电头').locator('del')).toHaveText('淄博1月27日讯');
  await expect(entry('电头').locator('ins')).toHaveText('济南2月2日讯');
  await expect(entry('署名').locator('del')).toHaveText('记者 刘文思；通讯员 刘刚 周杰');
  await expect(entry('署名').locator('ins')).toHaveText('记者 刘文斯；通讯员 刘刚 周杰');
  await page.screenshot({ path: path.join(root, 'e2e', 'screenshots', 'correction-fields-history.png') });
  for (let left = 4; left > 0; left--) {
    await expect(history.getByRole('button', { name: /^撤销校对/ })).toHaveCount(left);
    await history.getByRole('button', { name: /^撤销校对/ }).first().click();
    await expect(history.getByRole('button', { name: /^撤销校对/ })).toHaveCount(left - 1);
  }
  await expect(meta).toContainText('2022年1月28日');
  await expect(meta).toContainText('第3版');
  await expect(meta).toContainText('淄博1月27日讯');
  await expect(meta).not.toContainText('已校对');
  await expect(byline).toHaveText('大众日报淄博融媒体中心记者 刘文思 通讯员 刘刚 周杰');
  await search(page, '记者:刘文思 2022-01-28');
  await expect(page.locator('.hit-title').filter({ hasText: '行刑衔接' })).toHaveCount(1);
  await search(page, '2022-02-03');
  await expect(page.locator('.hit-title').filter({ hasText: '行刑衔接' })).toHaveCount(0);
  await expect(page.getByText('没有找到符合条件的文章')).toBeVisible();
});
