/**
 * HTML → PDF for the core's PDF export (`CoreWorker.onPdfRequest`), with
 * Chromium's own printer: the HTML is written to a private temp file, loaded
 * in a hidden, offscreen, sandboxed window with JavaScript disabled and an
 * in-memory session that refuses every request but that file, then printed
 * on A4 with the title as header and page numbers as footer.
 * One render at a time, so a large export cannot pile up windows.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type Session } from 'electron';
import { FOOTER_TEMPLATE, PDF_MARGINS_IN, headerTemplate } from './pdf-templates';

const LOAD_TIMEOUT_MS = 120_000;
const PARTITION = 'baoku-pdf';

let pdfSession: Session | null = null;
let allowedFile = '';

function lockedSession(): Session {
  if (pdfSession) return pdfSession;
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) => {
    // Only the page being printed and inline data (fonts/images already embedded) may load.
    const ok = details.url === allowedFile || details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
  ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  ses.setPermissionCheckHandler(() => false);
  pdfSession = ses;
  return ses;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`PDF 生成超时（${what}）`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

async function renderOnce(file: string, headerTitle: string, offscreen: boolean): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      offscreen,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      session: lockedSession(),
    },
  });
  try {
    allowedFile = pathToFileURL(file).href;
    await withTimeout(win.loadFile(file), LOAD_TIMEOUT_MS, '载入');
    return await withTimeout(
      win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(headerTitle),
        footerTemplate: FOOTER_TEMPLATE,
        margins: PDF_MARGINS_IN,
        preferCSSPageSize: false,
      }),
      LOAD_TIMEOUT_MS,
      '打印',
    );
  } finally {
    allowedFile = '';
    if (!win.isDestroyed()) win.destroy();
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Print `html` to an A4 PDF. Serialised: concurrent calls wait their turn. */
export function renderPdf(html: string, headerTitle: string): Promise<Buffer> {
  const job = queue.then(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baoku-pdf-'));
    const file = path.join(dir, 'export.html');
    try {
      await fs.writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
      try {
        return await renderOnce(file, headerTitle, true);
      } catch (e) {
        // Some GPU-less setups cannot print from an offscreen window: retry hidden.
        console.warn('[baoku] offscreen PDF failed, retrying in a hidden window:', e);
        return await renderOnce(file, headerTitle, false);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
