/**
 * The HTTP host: the same renderer and the same contract for a browser.
 *
 *   GET  /…                static files of the built renderer (out/renderer)
 *   POST /api/<method>     JSON argument → JSON value, or {error, code}
 *
 * Bound to 127.0.0.1 unless told otherwise; a non-loopback address (decided
 * on the address actually bound) requires an access token of at least 16
 * characters (printed at start). Read-only unless `allowWrite`.
 *
 * Against web pages and hostile clients: the `Host` header must name the
 * bound address, localhost, an IP literal of an all-interfaces bind, or a
 * name allowed with `allowHosts` (DNS rebinding); every POST to /api must be
 * `Content-Type: application/json` and, when a browser says where it comes
 * from (`Origin`, `Sec-Fetch-Site`), come from this very origin (cross-site
 * writes); request bodies are read so that an aborted upload cannot throw out
 * of the handler, and capped: a few KB for read methods, more for uploads. No path
 * from a request reaches the file system unchecked: static files are served
 * only from inside the renderer folder, and `startImport` takes uploaded
 * contents, never paths.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import net from 'node:net';
import { WRITE_METHODS, type ApiMethod, type BaokuApi } from '../shared/api';
import { isApiMethod, validateArg } from '../shared/api-schema';
import { ApiCallError, type CallTiming, type CoreWorker } from './worker-client';

export interface HttpHostOptions {
  api: BaokuApi;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Required for non-loopback hosts; generated when not given. */
  token?: string;
  allowWrite?: boolean;
  /** Largest request body in bytes for `startImport` (uploads are base64). */
  maxBody?: number;
  /** Largest request body of the other methods (default 16 KB; exportClippings, getCitation and writes with id lists get 2 MB). */
  maxReadBody?: number;
  /** Extra names accepted in the `Host` header (besides the bound address and localhost), e.g. a LAN name. */
  allowHosts?: string[];
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

/**
 * Whether an IP address (as bound, not a host name) is a loopback address:
 * 127.0.0.0/8, ::1, or 127.x mapped into IPv6. Names are never loopback here:
 * resolve them first (`127.evil.example` is not 127.0.0.1).
 */
export function isLoopback(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v = net.isIP(a);
  if (v === 4) return a.startsWith('127.');
  if (v === 6) {
    if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^(?:0:0:0:0:0|):ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a.replace(/^::/, ':'));
    return !!mapped && mapped[1].startsWith('127.');
  }
  return false;
}

/** Shortest token accepted on a non-loopback bind. */
export const MIN_TOKEN_CHARS = 16;

/** Why a token cannot be used, or undefined when it can. */
export function tokenProblem(token: string): string | undefined {
  if (token.length < MIN_TOKEN_CHARS) {
    return `访问令牌太短：至少要 ${MIN_TOKEN_CHARS} 个字符（不给 --token 时会自动生成一个安全的令牌）`;
  }
  if (/[^\x21-\x7e]/.test(token)) return '访问令牌只能包含可见的 ASCII 字符（不能有空格或中文）';
  return undefined;
}

/** Compare in constant time, whatever the lengths (both sides hashed first). */
export function sameToken(given: string, token: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b) && given.length === token.length;
}

/** `host[:port]` of a Host header or URL authority, lower-cased, brackets kept off IPv6. */
function splitHost(value: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!m) return null;
  return { name: m[1].replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, ''), port: m[2] ?? '' };
}

/**
 * Read a request body without ever throwing: resolves with the bytes, or
 * with `too-big` (stops reading at `limit`), or `aborted` (the client went
 * away or the stream failed).
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<{ ok: true; body: Buffer } | { ok: false; why: 'too-big' | 'aborted' }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ ok: false, why: 'too-big' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (r: { ok: true; body: Buffer } | { ok: false; why: 'too-big' | 'aborted' }) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        finish({ ok: false, why: 'too-big' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks, size) }));
    req.on('error', () => finish({ ok: false, why: 'aborted' }));
    req.on('aborted', () => finish({ ok: false, why: 'aborted' }));
    req.on('close', () => finish(req.complete ? { ok: true, body: Buffer.concat(chunks, size) } : { ok: false, why: 'aborted' }));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(data),
  });
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

/** Methods whose argument may legitimately be large (id lists, uploads). */
const LARGE_ARG_METHODS = new Set<string>(['exportClippings', 'changeTags', 'saveClippingSet', 'getCitation']);

export async function startHttpHost(o: HttpHostOptions): Promise<HttpHost> {
  const host = o.host ?? '127.0.0.1';
  if (o.token !== undefined) {
    const problem = tokenProblem(o.token);
    if (problem) throw new Error(problem);
  }
  const maxBody = o.maxBody ?? 90 * 1024 * 1024;
  const maxReadBody = o.maxReadBody ?? 16 * 1024;
  const maxListBody = Math.max(maxReadBody, 2 * 1024 * 1024);
  const limit = o.rateLimit ?? 2000;
  const hits = new Map<string, { start: number; n: number }>();
  const write = new Set<string>(WRITE_METHODS);
  // A host given by name (`--host mypc.lan`) is a name the user chose: it is accepted in the Host header too.
  const named = net.isIP(host.replace(/^\[|\]$/g, '')) ? [] : [host];
  const allowedNames = new Set([...named, ...(o.allowHosts ?? [])].map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean));
  // Decided once the socket is bound: the token (on the resolved address) and the port.
  // Until then every request is refused (fail closed: no window without a token).
  const bound = { ready: false, token: undefined as string | undefined, address: '', port: '', anyInterface: false };

  const authorised = (req: http.IncomingMessage, url: URL): boolean => {
    if (!bound.token) return true;
    const given = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || url.searchParams.get('token') || '';
    return sameToken(given, bound.token);
  };

  /** The Host header names this server: the bound address, localhost, or a name the user allowed. */
  const hostOk = (req: http.IncomingMessage): boolean => {
    const raw = req.headers.host;
    if (!raw) return false;
    const h = splitHost(raw);
    if (!h) return false;
    // No port in the Host header means 80 (http); a name the user allowed may also come through a proxy without one.
    if ((h.port || '80') !== bound.port && !(h.port === '' && allowedNames.has(h.name))) return false;
    if (allowedNames.has(h.name)) return true;
    if (h.name === 'localhost' || h.name === bound.address) return true;
    if (net.isIP(h.name)) {
      // An IP literal cannot be re-pointed by DNS: fine for loopback on a loopback bind, any address on 0.0.0.0/::.
      return bound.anyInterface || (isLoopback(bound.address) && isLoopback(h.name));
    }
    return false;
  };

  /** A browser that says where the request comes from must be on this origin. */
  const sameOrigin = (req: http.IncomingMessage): boolean => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    let u: URL;
    try {
      u = new URL(origin);
    } catch {
      return false; // includes the opaque origin "null"
    }
    return u.protocol === 'http:' && u.host.toLowerCase() === String(req.headers.host ?? '').toLowerCase();
  };

  const isJson = (req: http.IncomingMessage): boolean => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    return type === 'application/json';
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

  /** Answer and close: used when the request body is left unread. */
  const refuse = (res: http.ServerResponse, status: number, body: unknown) => {
    res.setHeader('Connection', 'close');
    send(res, status, body);
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const t0 = performance.now();
    if (req.method !== 'POST') return refuse(res, 405, { error: '只接受 POST', code: 'bad-request' });
    if (!sameOrigin(req)) return refuse(res, 403, { error: '拒绝来自其他网站的请求', code: 'bad-request' });
    if (!isJson(req)) return refuse(res, 415, { error: '请求必须是 JSON（Content-Type: application/json）', code: 'bad-request' });
    if (!authorised(req, url)) return refuse(res, 401, { error: '需要访问令牌：请使用启动时打印的完整链接', code: 'bad-request' });
    const method = url.pathname.slice(5);
    if (!isApiMethod(method)) return refuse(res, 404, { error: `未知的请求：${method}`, code: 'not-found' });
    if (write.has(method) && !o.allowWrite) return refuse(res, 403, { error: '这是只读共享，不能修改档案库', code: 'read-only' });
    const cap = method === 'startImport' ? maxBody : LARGE_ARG_METHODS.has(method) ? maxListBody : maxReadBody;
    const body = await readBody(req, cap);
    const bodyMs = performance.now() - t0;
    if (!body.ok) {
      if (body.why === 'aborted') {
        req.socket.destroy();
        return;
      }
      return refuse(res, 413, { error: '请求太大', code: 'bad-request' });
    }
    let arg: unknown;
    try {
      arg = body.body.length ? JSON.parse(body.body.toString('utf8')) : {};
    } catch {
      return send(res, 400, { error: '请求不是有效的 JSON', code: 'bad-request' });
    }
    const checked = validateArg(method, arg);
    if (!checked.ok) return send(res, 400, { error: checked.error, code: 'bad-request' });
    if (method === 'startImport' && (checked.value as { paths?: unknown[] }).paths?.length) {
      return send(res, 400, { error: '浏览器不能按路径导入，请上传文件', code: 'bad-request' });
    }
    // The client may have gone while the body was checked: do not spend the core's time on nobody.
    if (req.socket.destroyed) return;
    // A client that leaves before its answer (closed tab, aborted fetch of a superseded search)
    // cancels the call: the core stops at its next check (`core/search/budget.ts`).
    const left = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) left.abort();
    });
    // Server-Timing (W3C; browsers' developer tools show it, the soak reads it): where the
    // answer's time went — reading the body, waiting for the core, the core's own work.
    let took: CallTiming | undefined;
    const timingHeader = (): Record<string, string> => {
      const parts = [`body;dur=${bodyMs.toFixed(1)}`];
      if (took) parts.push(`wait;dur=${took.waitMs.toFixed(1)}`, `core;dur=${took.coreMs.toFixed(1)}`);
      parts.push(`total;dur=${(performance.now() - t0).toFixed(1)}`);
      return { 'Server-Timing': parts.join(', ') };
    };
    try {
      const worker = o.api as Partial<CoreWorker>;
      const value = worker.callWithSignal
        ? await worker.callWithSignal(method, checked.value, left.signal, (t) => (took = t))
        : await (o.api[method as ApiMethod] as (a: unknown) => Promise<unknown>).call(o.api, checked.value);
      if (res.writableEnded || res.destroyed) return;
      return send(res, 200, value === undefined ? null : value, timingHeader());
    } catch (err) {
      if (res.writableEnded || res.destroyed) return;
      const code = err instanceof ApiCallError ? err.code : 'internal';
      const status = code === 'not-found' ? 404 : code === 'read-only' ? 403 : code === 'bad-request' ? 400 : 500;
      return send(res, status, { error: (err as Error).message, code }, timingHeader());
    }
  };

  const handleStatic = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { error: '不支持的请求', code: 'bad-request' });
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
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = http.createServer((req, res) => {
    // Nothing a client sends or does (hang up mid-body, reset) may throw out of here.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const run = async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const ip = req.socket.remoteAddress ?? '';
      if (!bound.ready) return refuse(res, 503, { error: '报库服务正在启动，请稍后再试', code: 'internal' });
      if (!rateOk(ip)) return refuse(res, 429, { error: '请求太频繁，请稍后再试', code: 'too-many' });
      if (!hostOk(req)) {
        return refuse(res, 421, { error: '请求的主机名不是本服务的地址：如需用其他名字访问，请在启动时加 --allow-host 名字', code: 'bad-request' });
      }
      if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
      return handleStatic(req, res, url);
    };
    run().catch(() => {
      if (!res.headersSent && !res.destroyed) send(res, 500, { error: '报库服务内部出错', code: 'internal' });
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as net.AddressInfo;
  bound.address = addr.address.toLowerCase();
  bound.port = String(addr.port);
  bound.anyInterface = bound.address === '0.0.0.0' || bound.address === '::';
  bound.token = o.token ?? (isLoopback(bound.address) ? undefined : crypto.randomBytes(18).toString('base64url'));
  bound.ready = true;
  const token = bound.token;
  const shownHost = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
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
