/**
 * What the Electron preload (`src/preload/index.ts`) puts on `window`, and the
 * IPC channel names it shares with `src/main/ipc.ts`.
 *
 * In the desktop app `window.baoku` carries the contract (`api.ts`) and
 * `window.baokuDesktop` the native helpers; in the browser (`baoku serve`)
 * both are absent and the renderer talks HTTP instead.
 */
import type { ApiErrorBody, ApiMethod } from './api';
import { COMMANDS } from './commands';

/** Commands the native menu sends to the renderer: the entries of `COMMANDS` that have a menu. */
export type MenuCommand = Extract<(typeof COMMANDS)[number], { menu: string }>['id'];

/** 文件 › 导入文件夹… (`import-folder`): the renderer should call `openFolder()` and import it. */
export const MENU_COMMANDS: readonly MenuCommand[] = COMMANDS.flatMap((c) => ('menu' in c ? [c.id] : []));

export interface BaokuBridge {
  /**
   * Call one method of `BaokuApi`. Always resolves, with an envelope:
   * `{ ok: true, value }` or `{ ok: false, error, code? }` where `error` is
   * meant for the user (Chinese).
   */
  call(method: ApiMethod, arg: unknown): Promise<IpcResult>;
}

export interface BaokuDesktop {
  /** Native open dialog for .txt pages (multi-select). Empty when cancelled. */
  openFiles(): Promise<string[]>;
  /** Native folder dialog: the chosen folder's path in a one-element array, empty when cancelled. */
  openFolder(): Promise<string[]>;
  /**
   * Native save dialog pre-filled with `fileName`; writes the decoded bytes to
   * the chosen path (the dialog asks before replacing a file). Resolves with the
   * path written, or null when cancelled.
   */
  saveFile(fileName: string, dataBase64: string): Promise<string | null>;
  /** Listen to menu commands; returns a function that stops listening. */
  onMenu(cb: (command: MenuCommand) => void): () => void;
  /** `process.platform` of the desktop: 'linux', 'win32', 'darwin'. */
  platform: string;
}

/** IPC channels between preload and main. */
export const IPC = {
  call: 'baoku:call',
  openFiles: 'baoku:open-files',
  openFolder: 'baoku:open-folder',
  saveFile: 'baoku:save-file',
  menu: 'baoku:menu',
} as const;

/** What main answers on `IPC.call` (and the desktop channels). */
export type IpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: string; code?: ApiErrorBody['code'] };

declare global {
  interface Window {
    baoku?: BaokuBridge;
    baokuDesktop?: BaokuDesktop;
  }
}
