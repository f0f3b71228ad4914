/**
 * Preload of the main window (sandboxed, context-isolated).
 *
 * Exposes exactly two globals, `window.baoku` and `window.baokuDesktop`
 * (typed in `src/shared/desktop.ts`). Each function forwards plain data on one
 * fixed channel; neither `ipcRenderer` nor an IPC event ever reaches the page.
 * Built as one CommonJS file: a sandboxed preload may only `require('electron')`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS, type BaokuBridge, type BaokuDesktop, type IpcResult, type MenuCommand } from '../shared/desktop';

/** Ask main; always resolves with an envelope, even if IPC itself fails. */
async function envelope(channel: string, ...args: unknown[]): Promise<IpcResult> {
  try {
    const r = (await ipcRenderer.invoke(channel, ...args)) as IpcResult | undefined;
    if (r && (r.ok === true || (r.ok === false && typeof r.error === 'string'))) return r;
    return { ok: false, error: '报库主进程的回答无效', code: 'internal' };
  } catch {
    return { ok: false, error: '无法连接报库主进程', code: 'internal' };
  }
}

/** Ask main for a desktop helper: resolves with its value, rejects with a Chinese message. */
async function value(channel: string, ...args: unknown[]): Promise<unknown> {
  const r = await envelope(channel, ...args);
  if (r.ok) return r.value;
  throw new Error(r.error);
}

const baoku: BaokuBridge = {
  call: (method, arg) => {
    if (typeof method !== 'string') return Promise.resolve({ ok: false, error: '未知的方法', code: 'bad-request' });
    return envelope(IPC.call, method, arg);
  },
};

const menuCommands: ReadonlySet<string> = new Set(MENU_COMMANDS);

const baokuDesktop: BaokuDesktop = {
  openFiles: () => value(IPC.openFiles) as Promise<string[]>,
  openFolder: () => value(IPC.openFolder) as Promise<string[]>,
  saveFile: (fileName, dataBase64) => {
    if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') {
      return Promise.reject(new Error('保存参数无效'));
    }
    return value(IPC.saveFile, fileName, dataBase64) as Promise<string | null>;
  },
  onMenu: (cb) => {
    if (typeof cb !== 'function') throw new TypeError('onMenu 需要一个函数');
    // Only the command string crosses: the event (and its `sender`) stays here.
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && menuCommands.has(command)) cb(command as MenuCommand);
    };
    ipcRenderer.on(IPC.menu, listener);
    return () => {
      ipcRenderer.removeListener(IPC.menu, listener);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('baoku', baoku);
contextBridge.exposeInMainWorld('baokuDesktop', baokuDesktop);
