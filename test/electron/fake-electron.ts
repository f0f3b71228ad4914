/**
 * A stand-in for the `electron` module (no Electron binary runs here), just
 * enough for src/main/index.ts to run its wiring under Node: it records what
 * main registers so a test can call the handlers. `net.fetch` of file URLs
 * reads the real files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Fn = (...a: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const rec = {
  userData: fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-fake-electron-')),
  appEvents: new Map<string, Fn[]>(),
  ipc: new Map<string, Fn>(),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, Fn>(),
  headersHandler: null as Fn | null,
  permissionRequest: null as Fn | null,
  permissionCheck: null as Fn | null,
  windows: [] as FakeWindow[],
  menu: null as unknown,
  errors: [] as string[],
  opened: [] as string[],
  quitCalls: 0,
  sandboxEnabled: false,
};

export const app = {
  isPackaged: false,
  enableSandbox: () => {
    rec.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => true,
  on: (ev: string, fn: Fn) => {
    rec.appEvents.set(ev, [...(rec.appEvents.get(ev) ?? []), fn]);
    return app;
  },
  whenReady: () => Promise.resolve(),
  getPath: (name: string) => path.join(rec.userData, name),
  getAppPath: () => process.cwd(),
  quit: () => {
    rec.quitCalls++;
  },
  exit: (code: number) => rec.errors.push(`exit ${code}`),
};

export const protocol = {
  registerSchemesAsPrivileged: (s: unknown[]) => rec.schemes.push(...s),
};

function fakeSession() {
  return {
    protocol: { handle: (scheme: string, fn: Fn) => rec.protocolHandlers.set(scheme, fn) },
    setPermissionRequestHandler: (fn: Fn) => (rec.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => (rec.permissionCheck = fn),
    setDevicePermissionHandler: () => undefined,
    webRequest: { onHeadersReceived: (fn: Fn) => (rec.headersHandler = fn), onBeforeRequest: () => undefined },
  };
}

export const session = { defaultSession: fakeSession(), fromPartition: () => fakeSession() };

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
export const net = {
  fetch: async (url: string) => {
    const file = fileURLToPath(url);
    const body = await fs.promises.readFile(file);
    return new Response(body, { status: 200, headers: { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' } });
  },
};

export const shell = {
  openExternal: async (url: string) => {
    rec.opened.push(url);
  },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };

export const ipcMain = {
  handle: (ch: string, fn: Fn) => rec.ipc.set(ch, fn),
  removeHandler: (ch: string) => rec.ipc.delete(ch),
};

export const dialog = {
  showErrorBox: (title: string, msg: string) => rec.errors.push(`${title}: ${msg}`),
  showOpenDialog: async () => ({ canceled: false, filePaths: ['/tmp/a.txt', '/tmp/b.txt'] }),
  showSaveDialog: async () => ({ canceled: true }),
};

export const Menu = {
  buildFromTemplate: (t: unknown) => t,
  setApplicationMenu: (m: unknown) => (rec.menu = m),
};

export class FakeWindow {
  options: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  loaded: string[] = [];
  sent: unknown[][] = [];
  events = new Map<string, Fn[]>();
  webContents = {
    mainFrame: { processId: 7, routingId: 1, url: '' },
    send: (...a: unknown[]) => this.sent.push(a),
  };
  constructor(options: Record<string, unknown>) {
    this.options = options;
    rec.windows.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  on(ev: string, fn: Fn) {
    this.events.set(ev, [...(this.events.get(ev) ?? []), fn]);
    return this;
  }
  once(ev: string, fn: Fn) {
    return this.on(ev, fn);
  }
  isDestroyed = () => false;
  isVisible = () => true;
  isMinimized = () => false;
  isMaximized = () => false;
  maximize = () => undefined;
  show = () => undefined;
  focus = () => undefined;
  restore = () => undefined;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 850 });
}
export const BrowserWindow = FakeWindow;

export default { app, protocol, session, net, shell, screen, ipcMain, dialog, Menu, BrowserWindow };
