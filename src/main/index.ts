/**
 * Electron main process: app lifecycle and wiring only. The archive runs in a
 * worker thread (`startCoreWorker`); this file opens the one window (sandboxed,
 * context-isolated, size/position remembered), installs the security guards,
 * the menu, the IPC handlers and the PDF printer, and closes the worker on quit.
 *
 * Options: `--archive DIR` (default `userData/archive`), `--demo` (import the
 * sample page on first start).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, screen, session } from 'electron';
import { startCoreWorker, type CoreWorker } from '../node/worker-client';
import { IPC, type MenuCommand } from '../shared/desktop';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { parseShellArgs } from './args';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { renderPdf } from './pdf';
import { APP_INDEX_URL } from './policy';
import { hardenSession, installWebContentsGuards } from './security';
import { MIN_HEIGHT, MIN_WIDTH, loadWindowState, saveWindowState, type WindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;
/** Set by `electron-vite dev`; ignored in a packaged app. */
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;

let mainWindow: BrowserWindow | null = null;
let worker: CoreWorker | null = null;

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(stateFile, areas);

  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: '报库',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would try to open links in new windows (denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();

  let saveTimer: NodeJS.Timeout | undefined;
  const currentState = (): WindowState => {
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!win.isDestroyed()) saveWindowState(stateFile, currentState());
    }, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    saveWindowState(stateFile, currentState());
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.once('ready-to-show', () => win.show());
  // Show the window even if the page never becomes ready (a load error is better seen than hidden).
  setTimeout(() => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }, 8_000);

  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadURL(APP_INDEX_URL);
  return win;
}

function sendMenu(command: MenuCommand): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return;
  if (command === 'about') win.show();
  win.webContents.send(IPC.menu, command);
}

function fatal(title: string, e: unknown): void {
  const msg = e instanceof Error ? e.message : String(e);
  console.error(`[baoku] ${title}:`, e);
  dialog.showErrorBox(title, msg);
}

async function main(): Promise<void> {
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  installWebContentsGuards({ devServerUrl });

  const args = parseShellArgs(process.argv.slice(1));
  await app.whenReady();

  const archiveDir = path.resolve(args.archiveDir ?? path.join(app.getPath('userData'), 'archive'));
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  try {
    fs.mkdirSync(archiveDir, { recursive: true });
    worker = startCoreWorker({ archiveDir, demo: args.demo, resourcesDir, pdf: 'external', writable: true });
  } catch (e) {
    fatal('报库无法启动', e);
    app.exit(1);
    return;
  }
  worker.onPdfRequest?.(renderPdf);
  worker.ready.catch((e: unknown) => fatal(`无法打开档案库（${archiveDir}）`, e));

  hardenSession(session.defaultSession, { devServerUrl });
  serveRenderer(session.defaultSession, path.join(here, '../renderer'));
  registerIpc({ worker, getWindow: () => mainWindow, devServerUrl });
  Menu.setApplicationMenu(buildMenu({ isDev, platform: process.platform, send: sendMenu }));

  mainWindow = createWindow();
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Let the worker close the archive (flush SQLite, the index) before the process ends.
let closing = false;
app.on('will-quit', (event) => {
  if (!worker || closing) return;
  event.preventDefault();
  closing = true;
  const w = worker;
  worker = null;
  w.close()
    .catch((e: unknown) => console.error('[baoku] closing the archive failed:', e))
    .finally(() => app.quit());
});

main().catch((e: unknown) => {
  fatal('报库无法启动', e);
  app.exit(1);
});
