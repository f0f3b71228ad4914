/**
 * Options and renderer interface of the clippings export (剪报).
 */
import type { ExportFormat } from '../../shared/api';

/** Turns the self-contained clippings HTML into an A4 PDF. */
export interface PdfRenderer {
  render(html: string, opts: { headerTitle: string }): Promise<Buffer>;
}

export interface ClippingOptions {
  format: ExportFormat;
  /** Name of the clipping set; default `剪报`. */
  title?: string;
  /** Shown on the cover when the set came from a search. */
  query?: string;
  /** Already folded search terms; matched case- and width-insensitively in the text. */
  highlightTerms?: string[];
  /** PDF/HTML print: each article on a new page (default true) or flowing. */
  pageBreaks?: boolean;
  /** Fixes "date made" and the file name's date (tests). */
  now?: Date;
  /** How HTML becomes PDF; default: headless Chromium via playwright-core. */
  pdf?: PdfRenderer;
}

export interface ExportedFile {
  data: Buffer;
  fileName: string;
  mime: string;
}

export const DEFAULT_TITLE = '剪报';

export const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};
