/**
 * HTML → A4 PDF through headless Chromium (playwright-core): one browser per
 * render call, closed afterwards; header with the set name, footer with page
 * numbers.
 *
 * What this machine lacks for it (a browser, Chinese fonts) is reported as an
 * EnvironmentError: one line saying what to install or set, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { escapeHtml } from './html';
import { PAGE_MARGIN, SANS_STACK } from './style';
import { DEFAULT_TITLE, type PdfRenderer } from './types';
import { EnvironmentError } from '../errors';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

function candidatePaths(): string[] {
  const env = process.env;
  // A browser named by the user is the only one tried: a wrong path is said, not silently replaced.
  if (env.BAOKU_CHROMIUM) return [env.BAOKU_CHROMIUM];
  const list: string[] = [];
  list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium');
  if (process.platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    for (const r of roots) {
      list.push(path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      list.push(path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
      list.push(path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'));
    }
  }
  if (process.platform === 'darwin') {
    for (const base of ['/Applications', path.join(env.HOME ?? '', 'Applications')]) {
      list.push(`${base}/Google Chrome.app/Contents/MacOS/Google Chrome`);
      list.push(`${base}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`);
      list.push(`${base}/Chromium.app/Contents/MacOS/Chromium`);
    }
  }
  return list;
}

/** First Chromium-family browser found on this machine, or undefined. */
export function findChromium(): string | undefined {
  return candidatePaths().find((p) => {
    try {
      return existsSync(p);
    } catch {
      return false;
    }
  });
}

const TEMPLATE_FONT = `font-family:${SANS_STACK.replace(/"/g, "'")};font-size:8pt;color:#777;`;

/** Chromium header: set name left, `剪报` right, inside the page's side margins. */
export function headerTemplate(headerTitle: string): string {
  return (
    `<div style="${TEMPLATE_FONT}width:100%;margin:0 ${PAGE_MARGIN.left} 0 ${PAGE_MARGIN.right};` +
    `padding-bottom:1mm;border-bottom:0.5pt solid #ccc;display:flex;justify-content:space-between;">` +
    `<span style="white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:80%;">${escapeHtml(headerTitle)}</span>` +
    (headerTitle === DEFAULT_TITLE ? '' : `<span>${DEFAULT_TITLE}</span>`) +
    '</div>'
  );
}

/** Chromium footer: `第 n 页 / 共 m 页`, centred. */
export function footerTemplate(): string {
  return (
    `<div style="${TEMPLATE_FONT}width:100%;text-align:center;">` +
    `第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`
  );
}

const INSTALL_BROWSER = '请安装 Chromium（Debian/Ubuntu：apt-get install chromium）、Chrome 或 Edge，或用环境变量 BAOKU_CHROMIUM 指定浏览器程序的路径。';

/** The browser to print with, or an EnvironmentError saying how to get one. */
function browserPath(executablePath?: string): string {
  if (executablePath) return executablePath;
  const named = process.env.BAOKU_CHROMIUM;
  const exe = findChromium();
  if (exe) return exe;
  if (named) throw new EnvironmentError(`无法生成 PDF：环境变量 BAOKU_CHROMIUM 指向的浏览器不存在（${named}）。请改为 Chromium、Chrome 或 Edge 程序的路径，或去掉这个变量。`);
  throw new EnvironmentError(`无法生成 PDF：本机找不到 Chromium、Chrome 或 Edge 浏览器。${INSTALL_BROWSER}`);
}

let cjkFontSeen = false;

/**
 * Linux only (Windows and macOS ship Chinese fonts): without a Chinese font
 * every character of the clipping would print as a box. Asks fontconfig, as
 * Chromium does; skipped where `fc-list` itself is missing.
 */
function checkChineseFonts(): void {
  if (process.platform !== 'linux' || cjkFontSeen) return;
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return;
  if (r.stdout.trim()) {
    cjkFontSeen = true;
    return;
  }
  throw new EnvironmentError('无法生成 PDF：本机没有中文字体，汉字会印成方框。请安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后再导出。');
}

export function chromiumPdfRenderer(executablePath?: string): PdfRenderer {
  return {
    async render(html, { headerTitle }) {
      const exe = browserPath(executablePath);
      checkChineseFonts();
      let browser;
      try {
        browser = await chromium.launch({ executablePath: exe, headless: true, args: LAUNCH_ARGS });
      } catch (err) {
        const why = ((err as Error).message ?? '').split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('=')) ?? '';
        throw new EnvironmentError(`无法生成 PDF：浏览器 ${exe} 启动失败（${why.slice(0, 160)}）。${INSTALL_BROWSER}`);
      }
      try {
        const context = await browser.newContext({ offline: true });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
        await page.evaluate(() => document.fonts.ready).catch(() => undefined);
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(headerTitle),
          footerTemplate: footerTemplate(),
          margin: PAGE_MARGIN,
          outline: true,
          tagged: true,
        });
        return Buffer.from(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
