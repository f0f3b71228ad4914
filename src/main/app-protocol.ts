/**
 * Serves the built renderer (`out/renderer`) on `app://baoku/` instead of
 * `file://`, so the page has a real origin, cannot read the disk, and gets
 * our CSP on every response.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME, CSP, appPathToFile } from './policy';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

function plain(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP } });
}

/** Answer `app://baoku/<path>` from files under `rendererDir`. */
export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad url');
    }
    if (url.host !== APP_HOST) return plain(404, 'not found');
    let file = appPathToFile(url.pathname, rendererDir, path);
    if (!file) return plain(403, 'forbidden');
    // Client-side routes (no extension) fall back to the single page.
    if (!path.extname(file)) file = path.join(rendererDir, 'index.html');
    let res: Response;
    try {
      res = await net.fetch(pathToFileURL(file).href);
    } catch {
      return plain(404, 'not found');
    }
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Cache-Control', 'no-cache');
    return new Response(res.body, { status: res.status, headers });
  });
}
