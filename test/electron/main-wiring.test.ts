/**
 * src/main/index.ts run under Node with a stand-in `electron` module
 * (test/electron/fake-electron.ts; no Electron binary runs here) and the REAL
 * core worker: window options, app:// serving, CSP header, permissions,
 * navigation guards, IPC sender checks, menu commands and quitting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../src/main/policy';
import { IPC } from '../../src/shared/desktop';
import { rec, type FakeWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let win: FakeWindow;
const event = (frame: Partial<FakeWindow['webContents']['mainFrame']> = {}) => ({
  sender: win.webContents,
  senderFrame: { ...win.webContents.mainFrame, ...frame },
});

beforeAll(async () => {
  await import('../../src/main/index');
  for (let i = 0; i < 200 && (rec.windows.length === 0 || !rec.ipc.has(IPC.call)); i++) await new Promise((r) => setTimeout(r, 50));
  win = rec.windows[0];
}, 60_000);

afterAll(() => {
  fs.rmSync(rec.userData, { recursive: true, force: true });
});

describe('main wiring', () => {
  it('opens one sandboxed, isolated window on app://baoku', () => {
    expect(rec.errors).toEqual([]);
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.windows).toHaveLength(1);
    const wp = win.options.webPreferences;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(path.relative(process.cwd(), wp.preload)).toBe(path.join('src', 'preload', 'index.cjs'));
    expect(win.loaded).toEqual(['app://baoku/index.html']);
    expect(rec.schemes).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(fs.existsSync(path.join(rec.userData, 'userData', 'archive'))).toBe(true);
  });

  it('serves the renderer on app:// with the CSP, and nothing outside it', async () => {
    const handle = rec.protocolHandlers.get('app')!;
    const ok: Response = await handle(new Request('app://baoku/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CSP);
    expect(await ok.text()).toContain('<div id="root">');
    const spa: Response = await handle(new Request('app://baoku/search'));
    expect(await spa.text()).toContain('<div id="root">');
    for (const u of ['app://baoku/%2e%2e/%2e%2e/package.json', 'app://other/index.html', 'app://baoku/nope.js']) {
      const r: Response = await handle(new Request(u));
      expect(r.status, u).toBeGreaterThanOrEqual(400);
    }
    const post: Response = await handle(new Request('app://baoku/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('replaces any CSP header with ours', () => {
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    rec.headersHandler!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-A': ['1'] } }, (r: typeof out) => (out = r));
    expect(out!.responseHeaders['Content-Security-Policy']).toEqual([CSP]);
    expect(out!.responseHeaders['content-security-policy']).toBeUndefined();
    expect(out!.responseHeaders['X-A']).toEqual(['1']);
  });

  it('denies permissions except clipboard writes from our page', () => {
    const ask = (perm: string, url: string) => {
      let granted: boolean | undefined;
      rec.permissionRequest!(null, perm, (g: boolean) => (granted = g), { requestingUrl: url });
      return granted;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(ask(p, 'app://baoku/'), p).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://baoku/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(rec.permissionCheck!(null, 'media', 'app://baoku')).toBe(false);
  });

  it('blocks navigation, new windows and webviews in every web contents', () => {
    const handlers = new Map<string, (...a: unknown[]) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = { on: (ev: string, fn: (...a: unknown[]) => void) => handlers.set(ev, fn), setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) };
    for (const fn of rec.appEvents.get('web-contents-created') ?? []) fn({}, contents);
    const prevented = (ev: string, ...args: unknown[]) => {
      let p = false;
      handlers.get(ev)!({ preventDefault: () => (p = true), ...(args[1] as object) }, args[0]);
      return p;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'app://baoku/index.html')).toBe(false);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-frame-navigate', undefined, { isMainFrame: false, url: 'app://baoku/' })).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!({ url: 'https://www.dzwww.com/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(rec.opened).toEqual(['https://www.dzwww.com/']);
  });

  it('answers contract calls from our window only, through the real core', async () => {
    const call = rec.ipc.get(IPC.call)!;
    const r = await call(event(), 'stats', {});
    expect(r).toMatchObject({ ok: true, value: { articles: 0, writable: true } });
    expect(await call(event(), 'search', { query: 7 })).toMatchObject({ ok: false, code: 'bad-request' });
    for (const e of [event({ routingId: 2 }), event({ url: 'https://evil.example/' }), { sender: {}, senderFrame: win.webContents.mainFrame }, { sender: win.webContents, senderFrame: null }]) {
      expect(await call(e, 'stats', {})).toMatchObject({ ok: false, code: 'bad-request' });
    }
    expect(await rec.ipc.get(IPC.openFiles)!(event())).toEqual({ ok: true, value: ['/tmp/a.txt', '/tmp/b.txt'] });
    expect(await rec.ipc.get(IPC.openFolder)!(event())).toEqual({ ok: true, value: ['/tmp/a.txt'] });
    expect(await rec.ipc.get(IPC.saveFile)!(event(), 'x.pdf', 'not base64!')).toMatchObject({ ok: false });
    expect(await rec.ipc.get(IPC.saveFile)!(event(), 'x.pdf', 'AAAA')).toEqual({ ok: true, value: null });
  });

  it('sends menu commands to the window', () => {
    const items = (rec.menu as { label: string; submenu?: { label: string; click?: () => void }[] }[]).flatMap((m) => m.submenu ?? []);
    items.find((i) => i.label === '标签')!.click!();
    expect(win.sent).toEqual([[IPC.menu, 'tags']]);
  });

  it('remembers the window state and closes the archive on quit', async () => {
    for (const fn of win.events.get('close') ?? []) fn();
    const state = JSON.parse(fs.readFileSync(path.join(rec.userData, 'userData', 'window-state.json'), 'utf8'));
    expect(state).toEqual({ x: 10, y: 20, width: 1300, height: 850, maximized: false });
    let prevented = false;
    for (const fn of rec.appEvents.get('will-quit') ?? []) fn({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    for (let i = 0; i < 200 && rec.quitCalls === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(rec.quitCalls).toBe(1);
    expect(await rec.ipc.get(IPC.call)!(event(), 'stats', {})).toMatchObject({ ok: false });
  }, 30_000);
});
