/** Keyboard only: focus search, type, move to a result, open it, go back. */
import { expect, test } from '@playwright/test';
import { ensureSample, openApp, shot } from './helpers';

test.beforeAll(ensureSample);

test('keyboard-only search → open → back', async ({ page }) => {
  await openApp(page);
  await page.locator('body').click({ position: { x: 5, y: 790 } });
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: '检索' });
  await expect(box).toBeFocused();
  await page.keyboard.type('希望小屋');
  await expect(page.locator('.hit-title').first()).toContainText('希望小屋');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.hit.active')).toHaveCount(1);
  await shot(page, 'keyboard-active');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1.article-title')).toContainText('希望小屋');
  await page.keyboard.press('Escape');
  await expect(box).toBeVisible();
  await expect(box).toHaveValue('希望小屋');
  // The result that was open stays marked, so ↓ continues from there.
  await expect(page.locator('.hit.active')).toHaveCount(1);

  // Ctrl+K focuses the box from anywhere; Ctrl+I opens import, Esc returns.
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('heading', { name: '导入版面' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box).toBeVisible();
  // Ctrl+, opens 设置 (#/settings), even from the search box; Esc returns.
  await box.focus();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/settings');
  await page.keyboard.press('Escape');
  await expect(box).toBeVisible();
  await page.locator('.hit-title').first().focus();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
});

test('/ into the search box that already has focus is the shortcut, not text', async ({ page }) => {
  await openApp(page);
  const box = page.getByRole('searchbox', { name: '检索' });
  // The box has focus on arrival (autofocus), as a new user finds it.
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.press('/');
  await page.keyboard.type('希望小屋');
  await expect(box).toHaveValue('希望小屋');
  // Again with the query selected (as Ctrl+K leaves it): `/` keeps it, typing replaces it.
  await page.keyboard.press('Control+k');
  // (Ctrl+K selects the query on the next frame: wait for it, as a person's next key would.)
  await expect.poll(() => box.evaluate((el: HTMLInputElement) => el.selectionStart === 0 && el.selectionEnd === el.value.length)).toBe(true);
  await page.keyboard.press('/');
  await expect(box).toHaveValue('希望小屋');
  await page.keyboard.type('高新区');
  await expect(box).toHaveValue('高新区');
  // Inside a query, `/` is an ordinary character.
  await page.keyboard.type('/');
  await expect(box).toHaveValue('高新区/');
});
