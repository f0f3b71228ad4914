/**
 * 重新解析 in the browser (issue 14): an archive whose page was read by an older parser, one that ran
 * a signed essay into the feature above it. 检索 says so and offers 重新解析; after it the page says
 * what changed, the notice is gone, and the essay is found under its own headline again. The spec
 * serves an archive of its own (the older reading is made with SQL, as `test/core/reparse.test.ts`
 * makes it), so the shared archive of the other specs is untouched.
 */
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeStore } from '../test/support/sqlite';
import { root, search, shot } from './helpers';
import { startHost, type Host } from './host';

const run = promisify(execFile);
const PAGE = path.join(root, 'test', 'fixtures', 'pages', 'rmrb_19980112_05.txt');

let dir = '';
let host: Host | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-e2e-reparse-'));
  await run(process.execPath, [path.join(root, 'bin', 'baoku.mjs'), 'import', PAGE, '--archive', dir], { cwd: root, timeout: 120_000 });
  // An older reading: the essay 天冷人心暖 run into the feature 小城里的“夜校” above it.
  writeStore({ dir }, (db) => {
    const row = (t: string) => db.prepare('SELECT id, char_end AS e, paragraphs FROM articles WHERE instr(title, ?) > 0').get([t]) as { id: number; e: number; paragraphs: string };
    const feature = row('小城里的');
    const essay = row('天冷人心暖');
    const merged = JSON.stringify([...JSON.parse(feature.paragraphs), ...JSON.parse(essay.paragraphs)]);
    db.prepare("UPDATE articles SET char_end = ?, paragraphs = ?, content_hash = 'older' WHERE id = ?").run([essay.e, merged, feature.id]);
    db.prepare('DELETE FROM articles WHERE id = ?').run([essay.id]);
    db.prepare('UPDATE pages SET parser_version = 0').run([]);
  });
  host = await startHost(dir);
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a page read by an older parser: 检索 offers 重新解析, which splits the essay out again', async ({ page }) => {
  await page.goto(host!.url);
  await page.getByRole('navigation', { name: '页面' }).waitFor();
  const notice = page.locator('.notice').filter({ hasText: '旧版解析器' });
  await expect(notice).toContainText('有 1 个版面是由旧版解析器读取的');
  // Before: the essay's words find the feature it was run into.
  await search(page, '腊月 春联');
  await expect(page.locator('.hit-title').first()).toContainText('小城里的');
  await shot(page, 'reparse-notice');

  await notice.getByRole('button', { name: '重新解析' }).click();
  await expect(page.locator('.toasts')).toContainText('已重新解析 1 个版面：2 篇拆分有变化');
  await expect(notice).toHaveCount(0);
  // After: the same words find the essay, an article of its own again under its own headline, and
  // no longer the feature.
  await search(page, '春联 腊月');
  await expect(page.locator('.hit-title').first()).toContainText('天冷人心暖');
  await expect(page.locator('.hit-title').filter({ hasText: '小城里的' })).toHaveCount(0);
  await shot(page, 'reparse-done');
});
