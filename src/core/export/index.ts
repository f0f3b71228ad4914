/**
 * Clippings export (剪报): one entry point per format. PDF is printed from
 * the same HTML by a `PdfRenderer` (headless Chromium unless told otherwise).
 *
 * Printing from Electron instead: load `clippingHtml(...)` into a hidden
 * window and call `webContents.printToPDF({ pageSize: 'A4', printBackground:
 * true, displayHeaderFooter: true, headerTemplate: headerTemplate(title),
 * footerTemplate: footerTemplate(), margins })` with `PAGE_MARGIN` (mm) as margins.
 */
import type { ArticleDetail } from '../../shared/api';
import { clippingCsv } from './csv';
import { clippingDocx } from './docx';
import { clippingFileName } from './filename';
import { clippingHtml } from './html';
import { chromiumPdfRenderer } from './pdf';
import { clippingMarkdown, clippingText } from './text';
import { DEFAULT_TITLE, MIME, type ClippingOptions, type ExportedFile } from './types';

export type { ClippingOptions, ExportedFile, PdfRenderer } from './types';
export { clippingFileName } from './filename';
export { citations, citeArticles, cslItem, gbt7714, referenceList, risRecord } from './citation';
export { chromiumPdfRenderer, findChromium, footerTemplate, headerTemplate } from './pdf';
export { PAGE_MARGIN } from './style';
export { clippingHtml } from './html';
export { clippingMarkdown, clippingText } from './text';
export { clippingCsv, CSV_HEADER } from './csv';
export { clippingDocx } from './docx';

export async function exportClippings(articles: ArticleDetail[], opts: ClippingOptions): Promise<ExportedFile> {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const now = opts.now ?? new Date();
  const o: ClippingOptions = { ...opts, title, now };
  let data: Buffer;
  switch (opts.format) {
    case 'pdf':
      data = await (opts.pdf ?? chromiumPdfRenderer()).render(clippingHtml(articles, o), { headerTitle: title });
      break;
    case 'docx':
      data = await clippingDocx(articles, o);
      break;
    case 'md':
      data = Buffer.from(clippingMarkdown(articles, o), 'utf8');
      break;
    case 'txt':
      data = Buffer.from(clippingText(articles, o), 'utf8');
      break;
    case 'csv':
      data = clippingCsv(articles);
      break;
    case 'html':
      data = Buffer.from(clippingHtml(articles, o), 'utf8');
      break;
    default:
      throw new Error(`不支持的导出格式：${String(opts.format)}`);
  }
  return { data, fileName: clippingFileName(title, opts.format, now), mime: MIME[opts.format] };
}
