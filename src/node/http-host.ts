/**
 * The HTTP host: the same renderer and the same contract for a browser.
 *
 *   GET  /…                static files of the built renderer (out/renderer)
 *   POST /api/<method>     JSON argument → JSON value, or {error, code}
 *
 * Bound to 127.0.0.1 unless told otherwise; a non-loopback address requires
 * an access token (printed at start). Read-only unless `allowWrite`. No path
 * from a request reaches the file system unchecked: static files are served
 * only from inside the renderer folder, and `startImport` takes uploaded
 * contents, never paths.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { WRITE_METHODS, type ApiMethod, type BaokuApi } from '../shared/api';
import { validateArg } from '../shared/api-schema';
import { isApiMethod } from './dispatch';
import { ApiCallError } from './worker-client';

export interface HttpHostOptions {
  api: BaokuApi;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Required for non-loopback hosts; generated when not given. */
  token?: string;
  allowWrite?: boolean;
  /** Largest request body in bytes (uploads are base64). */
  maxBody?: number;
  /** Requests per client per 10 seconds. */
  rateLimit?: number;
}

export interface HttpHost {
  url: string;
  token?: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(data);
}

/** Resolve a URL path inside `root`, or null when it would leave it. */
export function safeStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const full = path.resolve(root, rel);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  return full;
}

/** Whether `file` (which exists) really lies inside `root` once symlinks are followed. */
export function realInside(root: string, file: string): boolean {
  try {
    const r = fs.realpathSync(root);
    const f = fs.realpathSync(file);
    return f === r || f.startsWith(r + path.sep);
  } catch {
    return false;
  }
}

export async function startHttpHost(o: HttpHostOptions): Promise<HttpHost> {
  const host = o.host ?? '127.0.0.1';
  const token = o.token ?? (isLoopback(host) ? undefined : crypto.randomBytes(18).toString('base64url'));
  const maxBody = o.maxBody ?? 90 * 1024 * 1024;
  const limit = o.rateLimit ?? 2000;
  const hits = new Map<string, { start: number; n: number }>();
  const write = new Set<string>(WRITE_METHODS);

  const authorised = (req: http.IncomingMessage, url: URL): boolean => {
    if (!token) return true;
    const given = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || url.searchParams.get('token') || '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  };

  const rateOk = (ip: string): boolean => {
    const now = Date.now();
    const h = hits.get(ip);
    if (!h || now - h.start > 10_000) {
      hits.set(ip, { start: now, n: 1 });
      return true;
    }
    h.n++;
    return h.n <= limit;
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ip = req.socket.remoteAddress ?? '';
    if (!rateOk(ip)) return send(res, 429, { error: '请求太频繁，请稍后再试', code: 'too-many' });
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: '只接受 POST', code: 'bad-request' });
      if (!authorised(req, url)) return send(res, 401, { error: '需要访问令牌：请使用启动时打印的完整链接', code: 'bad-request' });
      const method = url.pathname.slice(5);
      if (!isApiMethod(method)) return send(res, 404, { error: `未知的请求：${method}`, code: 'not-found' });
      if (write.has(method) && !o.allowWrite) return send(res, 403, { error: '这是只读共享，不能修改档案库', code: 'read-only' });
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBody) {
          tooBig = true;
          break;
        }
        chunks.push(chunk as Buffer);
      }
      if (tooBig) {
        res.setHeader('Connection', 'close');
        return send(res, 413, { error: '请求太大', code: 'bad-request' });
      }
      let arg: unknown;
      try {
        arg = size ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return send(res, 400, { error: '请求不是有效的 JSON', code: 'bad-request' });
      }
      const checked = validateArg(method, arg);
      if (!checked.ok) return send(res, 400, { error: checked.error, code: 'bad-request' });
      if (method === 'startImport' && (checked.value as { paths?: unknown[] }).paths?.length) {
        return send(res, 400, { error: '浏览器不能按路径导入，请上传文件', code: 'bad-request' });
      }
      try {
        const fn = o.api[method as ApiMethod] as (a: unknown) => Promise<unknown>;
        const value = await fn.call(o.api, checked.value);
        return send(res, 200, value === undefined ? null : value);
      } catch (err) {
        const code = err instanceof ApiCallError ? err.code : 'internal';
        const status = code === 'not-found' ? 404 : code === 'read-only' ? 403 : code === 'bad-request' ? 400 : 500;
        return send(res, status, { error: (err as Error).message, code });
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: '不支持的请求', code: 'bad-request' });
    let file = safeStaticPath(o.rendererDir, url.pathname);
    if (!file) return send(res, 400, { error: '无效的路径', code: 'bad-request' });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // Single-page app: unknown routes get the index; files with an extension are 404.
      if (path.extname(file)) return send(res, 404, { error: '找不到', code: 'not-found' });
      file = path.join(o.rendererDir, 'index.html');
      if (!fs.existsSync(file)) {
        res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end('界面尚未构建：请先运行 npm run build:renderer');
      }
    }
    // A symlink inside the renderer folder must not lead out of it.
    if (!realInside(o.rendererDir, file)) return send(res, 404, { error: '找不到', code: 'not-found' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as { port: number };
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${addr.port}/`,
    token,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
