/**
 * Pure security policy of the desktop shell: which URLs are ours, which may
 * open in the system browser, and the Content-Security-Policy.
 *
 * No `electron` import, so it is unit-tested under plain Node (test/electron).
 */

/** The renderer is served from this privileged custom scheme in production. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'baoku';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The one production CSP (also sent as a header for the dev server's pages). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Development only (electron-vite dev server): React Fast Refresh injects an
 * inline module script and HMR talks over a websocket.
 */
export const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: http://localhost:*",
);

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8_192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is a page of our own renderer: the app scheme in production,
 * or the electron-vite dev server (`devServerUrl`, unpackaged builds only).
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin) return true;
  }
  return false;
}

/**
 * The URL to hand to the system browser, or null: only http(s), no user
 * name or password in it, a real host name, at most 2,048 characters.
 */
export function safeExternalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2_048) return null;
  const u = parse(url);
  if (!u) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  if (!u.hostname || /[\s<>"']/.test(url)) return null;
  return u.href;
}

/**
 * Map an `app://baoku/...` request path to a file under `rootDir`, or null if
 * it escapes it. `/` serves `index.html`.
 */
export function appPathToFile(pathname: string, rootDir: string, pathApi: typeof import('node:path')): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\u0000')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, rel);
  const inside = pathApi.relative(root, file);
  if (!inside || inside === '..' || inside.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(inside)) return null;
  return file;
}

/** A file name safe to propose in a save dialog: no folders, no reserved characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || '报库导出';
}
