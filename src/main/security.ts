/**
 * Hardening of every web page the app opens: no navigation away from our
 * renderer, no new windows (http(s) links go to the system browser after
 * validation), no <webview>, no permissions, and a strict CSP header.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { CSP, DEV_CSP, isAppUrl, safeExternalUrl } from './policy';

export interface SecurityOptions {
  /** electron-vite dev server URL (unpackaged runs only). */
  devServerUrl?: string;
}

/** Open `url` in the system browser if it is a plain http(s) URL; otherwise do nothing. */
export function openExternalSafely(url: string): boolean {
  const safe = safeExternalUrl(url);
  if (!safe) return false;
  shell.openExternal(safe).catch(() => undefined);
  return true;
}

/** The only permission granted: writing sanitized text to the clipboard, from our own page. */
function allowed(permission: string, url: string, opts: SecurityOptions): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(url, opts.devServerUrl);
}

/** Permissions, CSP header and downloads policy of one session. */
export function hardenSession(ses: Session, opts: SecurityOptions): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(allowed(permission, details.requestingUrl, opts));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => allowed(permission, requestingOrigin, opts));
  ses.setDevicePermissionHandler(() => false);

  const csp = opts.devServerUrl ? DEV_CSP : CSP;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(details.responseHeaders ?? {})) {
      if (k.toLowerCase() !== 'content-security-policy') headers[k] = v;
    }
    headers['Content-Security-Policy'] = [csp];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
}

function guard(contents: WebContents, opts: SecurityOptions): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, opts.devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => block(event, url));
  contents.on('will-redirect', (event, url) => block(event, url));
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames may not navigate at all; the main frame only within the app.
    if (!event.isMainFrame || !isAppUrl(event.url, opts.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Guard every WebContents the app will ever create (main window, PDF window, devtools). */
export function installWebContentsGuards(opts: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guard(contents, opts));
}
