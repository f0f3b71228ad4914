/** The smoke test inside the real desktop app, when an Electron binary is available. */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './helpers';

function electronBinary(): { path?: string; reason?: string } {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    if (typeof p !== 'string') return { reason: 'require("electron") did not return a path' };
    if (!fs.existsSync(p)) return { reason: `the Electron binary ${p} does not exist` };
    return { path: p };
  } catch (e) {
    return { reason: `no Electron binary (${(e as Error).message.split('\n')[0]})` };
  }
}

test('electron: searching 淄博高新区 shows the meeting story', async () => {
  const bin = electronBinary();
  const main = path.join(root, 'out', 'main', 'index.js');
  if (!bin.path) console.log(`electron.spec skipped: ${bin.reason}`);
  test.skip(!bin.path, `Electron cannot run here: ${bin.reason}`);
  test.skip(!fs.existsSync(main), 'the desktop app is not built (run npm run build first)');
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-electron-'));
  const app = await electron.launch({ executablePath: bin.path, args: [main, '--archive', archive, '--demo'] });
  try {
    const win = await app.firstWindow();
    await win.getByRole('searchbox', { name: '检索' }).fill('淄博高新区');
    await expect(win.getByText('淄博高新区召开2022年工作会议').first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await app.close();
    fs.rmSync(archive, { recursive: true, force: true });
  }
});
