/**
 * The same story printed twice shown once: upload a page with an agency story
 * and the next day's page with a trimmed, retitled copy of it (pages of our
 * own, test/core/near-dup-pages.ts); the result list shows one line with
 * `另有 1 篇相同或相近稿件`, 去重 off shows both, and the line opens the two
 * side by side with the sentences found in one only marked.
 */
import { expect, test } from '@playwright/test';
import { callApi, openApp, shot } from './helpers';
import { DAY1, DAY2 } from '../test/core/near-dup-pages';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

test.beforeAll(async () => {
  const files = [
    { name: '测试日报_2022-05-10_第3版.txt', dataBase64: b64(DAY1) },
    { name: '测试日报_2022-05-11_第4版.txt', dataBase64: b64(DAY2) },
  ];
  const { jobId } = await callApi<{ jobId: string }>('startImport', { files, paper: '测试日报' });
  for (let i = 0; i < 200; i++) {
    const st = await callApi<{ state: string; error?: string }>('importStatus', { jobId });
    if (st.state === 'done') return;
    if (st.state !== 'running') throw new Error(`import ${st.state}: ${st.error ?? ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('import did not finish');
});

test('one line per story with 另有 1 篇…, 去重 off shows both, side by side with differences marked', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox', { name: '检索' }).fill('风云三号G星');
  const line = page.locator('.hit-near-dups');
  await expect(line).toHaveText('另有 1 篇相同或相近稿件');
  await expect(page.locator('.hit-title')).toHaveCount(1);

  const dedupe = page.getByRole('checkbox', { name: '去重' });
  await expect(dedupe).toBeChecked();
  await dedupe.uncheck();
  await expect(page.locator('.hit-title')).toHaveCount(2);
  await expect(page.locator('.hit-title', { hasText: '首颗降水测量卫星升空' })).toBeVisible();
  await expect(page.locator('.hit-title', { hasText: '我国成功发射风云三号G星' })).toBeVisible();
  await dedupe.check();
  await expect(page.locator('.hit-title')).toHaveCount(1);

  await line.click();
  const dialog = page.getByRole('dialog', { name: '相同或相近稿件' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.compare-side')).toHaveCount(2);
  // The edited first sentence is marked on both sides; the paragraphs the copy cut, on the story's side only.
  const story = dialog.locator('.compare-side').filter({ hasText: '我国成功发射风云三号G星' });
  const copy = dialog.locator('.compare-side').filter({ hasText: '首颗降水测量卫星升空' });
  await expect(story.locator('.compare-only')).toHaveCount(4); // the edited sentence, and the three of the two cut paragraphs
  await expect(story.locator('.compare-only').last()).toContainText('确保高密度发射任务圆满完成');
  await expect(copy.locator('.compare-only')).toHaveCount(1);
  await expect(copy.locator('.compare-only')).toContainText('9日10时许');
  await expect(dialog.getByText(/相似度 \d+%/)).toBeVisible();
  await shot(page, 'near-duplicates-compare');

  // The reader says it too, and opens the same view.
  await dialog.getByRole('button', { name: '首颗降水测量卫星升空' }).click();
  await expect(page.locator('h1.article-title')).toHaveText('首颗降水测量卫星升空');
  await page.locator('.hit-near-dups').click();
  await expect(page.getByRole('dialog', { name: '相同或相近稿件' }).locator('.compare-side')).toHaveCount(2);
  await shot(page, 'near-duplicates-reader');
});
