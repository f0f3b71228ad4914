/**
 * The PDF header/footer templates, printed by real Chromium (the same
 * Page.printToPDF that Electron's printToPDF uses) with JavaScript disabled,
 * on A4 with our margins; the text is read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOOTER_TEMPLATE, PDF_MARGINS_IN, escapeHtml, headerTemplate } from '../../src/main/pdf-templates';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-pdf-tpl-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('PDF templates', () => {
  it('escapes the title', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    expect(headerTemplate('<script>alert(1)</script>')).not.toContain('<script>');
    expect(headerTemplate('x'.repeat(500))).toContain('x'.repeat(200) + '<');
  });

  it('prints the title on every page and page numbers below', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const body = '黄河流域生态保护和高质量发展。'.repeat(40);
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>
       <article><h1>第一篇</h1><p>${body}</p></article>
       <article style="break-before:page"><h1>第二篇</h1><p>${body}</p></article></body></html>`,
    );
    const title = '剪报：黄河 <专题> & 生态';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(title),
      footerTemplate: FOOTER_TEMPLATE,
      margin: Object.fromEntries(Object.entries(PDF_MARGINS_IN).map(([k, v]) => [k, `${v}in`])),
    });
    await ctx.close();
    const file = path.join(tmp, 'out.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    pages.forEach((p, i) => {
      expect(p).toContain(title);
      expect(p.replace(/\s+/g, '')).toContain(`${i + 1}/2`);
    });
    expect(text).toContain('第二篇');
  }, 60_000);
});
