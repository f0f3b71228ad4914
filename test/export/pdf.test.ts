/**
 * PDF clippings printed by the real headless Chromium, read back with
 * poppler (pdftotext, pdfinfo): text, page breaks, headers and footers, line
 * breaking. Also writes page 1 of the sample as PNG to `.tmp/` for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPdfRenderer, exportClippings, findChromium, type PdfRenderer } from '../../src/core/export';
import type { ArticleDetail } from '../../src/shared/api';
import { awkwardArticle, sampleArticles } from './sample';

const NOW = new Date(2024, 4, 6, 10, 30);
const dir = mkdtempSync(path.join(tmpdir(), 'baoku-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(data: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, data);
  return file;
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** Text of each page, as laid out (pages split on form feed). */
function pages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').slice(0, pageCount(file));
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** First page from `from` on whose text holds `needle` (whitespace and widths ignored), 1-based; 0 if none. */
function pageOf(texts: string[], needle: string, from = 1): number {
  const n = squash(needle);
  const at = texts.findIndex((t, i) => i + 1 >= from && squash(t).includes(n));
  return at + 1;
}

let renderer: PdfRenderer;
let sample: ArticleDetail[];

beforeAll(() => {
  expect(findChromium()).toBeTruthy();
  renderer = chromiumPdfRenderer();
  sample = sampleArticles();
});

describe('PDF', () => {
  it('prints the sample with every headline and byline, one article per page, headers and page numbers', async () => {
    const r = await exportClippings(sample, { format: 'pdf', title: '淄博高新区', query: '高新区', highlightTerms: ['高新区'], pdf: renderer, now: NOW });
    expect(r.fileName).toBe('剪报_淄博高新区_2024-05-06.pdf');
    expect(r.mime).toBe('application/pdf');
    expect(r.data.subarray(0, 5).toString()).toBe('%PDF-');
    const file = save(r.data);
    const texts = pages(file);
    const n = texts.length;
    expect(pageOf(texts, '目录')).toBe(1);
    // Articles start on their own pages, after the cover, in order.
    for (const a of sample) expect(pageOf(texts, a.title)).toBe(1);
    const starts = sample.map((a) => pageOf(texts, a.title, 2));
    expect(starts[0]).toBe(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
    for (const a of sample) {
      if (a.byline) expect(pageOf(texts, a.byline.raw)).toBeGreaterThan(1);
      if (a.subtitle) expect(pageOf(texts, a.subtitle)).toBeGreaterThan(1);
      for (const p of a.paragraphs.filter((x) => x.type === 'heading')) expect(pageOf(texts, p.text)).toBeGreaterThan(1);
    }
    // The long story runs over a page; the others fit on one.
    expect(n).toBe(1 + sample.length + 1);
    texts.forEach((t, i) => {
      expect(t).toContain('淄博高新区');
      expect(squash(t)).toContain(`第${i + 1}页/共${n}页`);
    });
    // Strict line breaking: no line begins with closing punctuation.
    for (const t of texts) {
      for (const line of t.split('\n')) expect(line.trim()).not.toMatch(/^[，。、；：？！”’）》」』]/);
    }
    // Page 1 as a picture, to look at.
    mkdirSync('.tmp', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', file, path.resolve('.tmp/export-sample')]);
  });

  it('puts each article on a new page or lets them flow', async () => {
    // Two short articles: two pages when paged, one when flowing (with the reference list after them).
    const two = sample.slice(2).map((a) => ({ ...a, paragraphs: [{ type: 'text' as const, text: a.paragraphs[0].text.slice(0, 40) }] }));
    const paged = save((await exportClippings(two, { format: 'pdf', pdf: renderer, now: NOW })).data);
    const flow = save((await exportClippings(two, { format: 'pdf', pageBreaks: false, pdf: renderer, now: NOW })).data);
    expect(pageCount(paged)).toBe(2);
    expect(pageCount(flow)).toBe(1);
    const texts = pages(flow);
    for (const a of two) expect(pageOf(texts, a.title)).toBe(1);
    expect(squash(texts[0])).toContain('第1页/共1页');
    // The reference list (参考文献) follows the last article, on its page when there is room.
    const pagedTexts = pages(paged);
    expect(pageOf(pagedTexts, '参考文献')).toBe(2);
    expect(squash(pagedTexts[1])).toContain(squash('[2] 刘文思, 刘刚, 周杰. 行刑衔接 联合打击市场监管领域违法行为[N]. 大众日报, 2022-01-28(3).'));
    expect(squash(texts[0]).indexOf('参考文献')).toBeGreaterThan(squash(texts[0]).indexOf(squash(two[1].title)));
  });

  it('prints markup in article text as text', async () => {
    const file = save((await exportClippings([awkwardArticle()], { format: 'pdf', title: 'A<B>&"C"', pdf: renderer, now: NOW })).data);
    expect(pageCount(file)).toBe(1);
    const t = squash(pages(file)[0]);
    expect(t).toContain(squash('A<B>&"C"'));
    expect(t).toContain(squash('比较 a<b && c>d 时'));
    expect(t).toContain(squash('<script>alert(1)</script>'));
    expect(t).toContain(squash('标题含 <b>粗体</b> & “引号” 《书名》'));
  });
});
