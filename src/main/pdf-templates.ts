/**
 * Header and footer of exported PDFs (Chromium print templates: the title on
 * top, "page / pages" below) and the page margins. Pure, so it is checked with
 * Chromium under plain Node (test/electron/pdf-templates.test.ts).
 */

/** Margins in inches, as Electron's printToPDF takes them. */
export const PDF_MARGINS_IN = { top: 0.75, bottom: 0.75, left: 0.6, right: 0.6 };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const FONT = "'Noto Serif CJK SC','Noto Sans CJK SC','Source Han Serif SC','SimSun','Songti SC','Microsoft YaHei',serif";

export function headerTemplate(title: string): string {
  return `<div style="font-size:8px;width:100%;padding:0 12mm;text-align:center;color:#555;font-family:${FONT}">${escapeHtml(title.slice(0, 200))}</div>`;
}

export const FOOTER_TEMPLATE = `<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:${FONT}"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
