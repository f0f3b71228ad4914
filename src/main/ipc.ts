/**
 * IPC between the window's preload and main: one channel for the contract
 * (`baoku:call`) and one per desktop helper. Every handler first checks that
 * the message comes from our own window's main frame showing our own page,
 * then validates its arguments; the archive work itself happens in the core
 * worker. Answers are envelopes: `{ ok: true, value }` or `{ ok: false, error, code? }`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC, type IpcResult } from '../shared/desktop';
import type { CoreWorker } from '../node/worker-client';
import { callApi, PathGrants, SearchSlot } from './call';
import { isAppUrl, safeFileName } from './policy';

export interface IpcOptions {
  worker: CoreWorker;
  /** The main window, or null while there is none. */
  getWindow(): BrowserWindow | null;
  devServerUrl?: string;
}

/** Exported files can be large (a PDF of thousands of articles) but stay below V8's string limit. */
const MAX_SAVE_BASE64_CHARS = 400 * 1024 * 1024;

const saveArgs = z.tuple([
  z.string().min(1).max(255),
  z
    .string()
    .max(MAX_SAVE_BASE64_CHARS)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s)),
]);

function fromOwnWindow(event: IpcMainInvokeEvent, opts: IpcOptions): boolean {
  const win = opts.getWindow();
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  const wc = win.webContents;
  if (event.sender !== wc) return false;
  const main = wc.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url, opts.devServerUrl);
}

const refused = { ok: false, error: '拒绝：请求不是来自报库窗口', code: 'bad-request' } as const;

/** Register every handler; returns a function that removes them. */
export function registerIpc(opts: IpcOptions): () => void {
  // Import paths the user picked in the dialogs below: startImport accepts no others.
  const grants = new PathGrants();
  // The one window's search in flight: a newer one cancels it.
  const searches = new SearchSlot();
  ipcMain.handle(IPC.call, async (event, method: unknown, arg: unknown): Promise<IpcResult> => {
    if (!fromOwnWindow(event, opts)) return refused;
    return callApi(opts.worker, method, arg, grants, searches);
  });

  ipcMain.handle(IPC.openFiles, async (event): Promise<IpcResult<string[]>> => {
    if (!fromOwnWindow(event, opts)) return refused;
    const win = opts.getWindow()!;
    const r = await dialog.showOpenDialog(win, {
      title: '导入报纸版面',
      buttonLabel: '导入',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: '文本文件', extensions: ['txt', 'TXT'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
    const chosen = r.canceled ? [] : r.filePaths;
    grants.grant(chosen);
    return { ok: true, value: chosen };
  });

  ipcMain.handle(IPC.openFolder, async (event): Promise<IpcResult<string[]>> => {
    if (!fromOwnWindow(event, opts)) return refused;
    const win = opts.getWindow()!;
    const r = await dialog.showOpenDialog(win, {
      title: '导入文件夹',
      buttonLabel: '导入',
      properties: ['openDirectory'],
    });
    const chosen = r.canceled ? [] : r.filePaths.slice(0, 1);
    grants.grant(chosen);
    return { ok: true, value: chosen };
  });

  ipcMain.handle(IPC.saveFile, async (event, fileName: unknown, dataBase64: unknown): Promise<IpcResult<string | null>> => {
    if (!fromOwnWindow(event, opts)) return refused;
    const parsed = saveArgs.safeParse([fileName, dataBase64]);
    if (!parsed.success) return { ok: false, error: '保存失败：文件名或内容无效', code: 'bad-request' };
    const [name, data] = parsed.data;
    const proposed = safeFileName(name);
    const ext = path.extname(proposed).slice(1);
    const win = opts.getWindow()!;
    const r = await dialog.showSaveDialog(win, {
      title: '保存导出文件',
      defaultPath: path.join(app.getPath('downloads'), proposed),
      filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
      // The dialog itself asks before replacing an existing file (on Linux only when asked to).
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (r.canceled || !r.filePath) return { ok: true, value: null };
    try {
      await fs.writeFile(r.filePath, Buffer.from(data, 'base64'));
      return { ok: true, value: r.filePath };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'ENOSPC' ? '磁盘空间不足' : '无法写入文件';
      return { ok: false, error: `保存失败：${why}（${r.filePath}）`, code: 'internal' };
    }
  });

  return () => {
    for (const ch of [IPC.call, IPC.openFiles, IPC.openFolder, IPC.saveFile]) ipcMain.removeHandler(ch);
  };
}
