/** Shared e2e helpers: the host URL, direct API calls, sample data and screenshots. */
import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const samplePath = path.join(root, 'resources', 'sample', '大众日报_2022-01-28_第3版.txt');

export function baseURL(): string {
  const u = process.env.BAOKU_E2E_URL;
  if (!u) throw new Error('BAOKU_E2E_URL is not set: global setup did not start the host');
  return u.endsWith('/') ? u : `${u}/`;
}

export async function callApi<T>(method: string, arg: unknown = {}): Promise<T> {
  const r = await fetch(`${baseURL()}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
  const body = (await r.json()) as T & { error?: string };
  if (!r.ok) throw new Error(`${method}: HTTP ${r.status} ${body.error ?? ''}`);
  return body;
}

/** Imports the built-in sample through the API unless the archive already has articles. */
export async function ensureSample(): Promise<void> {
  const s = await callApi<{ articles: number }>('stats');
  if (s.articles > 0) return;
  const { jobId } = await callApi<{ jobId: string }>('startImport', { sample: true });
  for (let i = 0; i < 200; i++) {
    const st = await callApi<{ state: string; error?: string }>('importStatus', { jobId });
    if (st.state === 'done') return;
    if (st.state !== 'running') throw new Error(`sample import ${st.state}: ${st.error ?? ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('sample import did not finish');
}

/** Saves a 1280×800 screenshot of the current screen to e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(root, 'e2e', 'screenshots', `${name}.png`) });
}

export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`${baseURL()}${hash}`);
  await page.getByRole('navigation', { name: '页面' }).waitFor();
}

/** Type a query (results follow the typing). Not Enter: it opens the selected hit, which may still be the last query's. */
/**
 * Go to 检索 and type `q`; returns once the host has answered that query. Before that the list
 * still shows the previous results (at first every article by date), and a click on one of
 * them can land on the list as the answer replaces it.
 */
export async function search(page: Page, q: string) {
  await page.getByRole('navigation', { name: '页面' }).getByText('检索').click();
  const box = page.getByRole('searchbox', { name: '检索' });
  // The same text again asks nothing new: what is shown is its answer already.
  if ((await box.inputValue()) === q) return;
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/search') && (r.request().postDataJSON() as { query?: string } | null)?.query === q);
  await box.fill(q);
  await answered;
  await expect(page.locator('.results-count')).toBeVisible();
}
