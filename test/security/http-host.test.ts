/**
 * The HTTP host under attack: the real host (`startHttpHost`) over real
 * worker-backed cores (`startCoreWorker`) on a temp archive. Static paths
 * never leave the renderer folder (`../`, `%2e%2e%2f`, backslashes, absolute
 * and drive paths, NUL bytes, symlinks); writes are refused read-only (403)
 * and work with allowWrite; the token guards a non-loopback bind (401);
 * oversize (413), malformed (400), unknown (404) and hostile arguments (400)
 * get a clear answer; every response carries the security headers.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { startCoreWorker, type CoreWorker } from '../../src/node/worker-client';
import { isLoopback, startHttpHost, type HttpHost } from '../../src/node/http-host';
import { WRITE_METHODS } from '../../src/shared/api';
import { REPO, tmpDir } from '../reliability/support';
import { storedRow } from '../support/sqlite';

const SECRET = 'TOP-SECRET-4f1d2c';
const TOKEN = 'tok-8c1f3e7a9b2d4c6e8f0a1b3c';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Send bytes exactly as given (no URL normalisation by a client library). */
function raw(port: number, request: string, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, host);
    const chunks: Buffer[] = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', reject);
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    sock.write(request);
  });
}

const get = (port: number, p: string, host = '127.0.0.1') => raw(port, `GET ${p} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`, host);

async function api(h: HttpHost, method: string, body: unknown, init: { token?: string; raw?: string; query?: string } = {}) {
  const res = await fetch(`${h.url}api/${method}${init.query ?? ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json: json as Record<string, unknown> & { error?: string; code?: string } };
}

function expectSecurityHeaders(headers: Record<string, string> | Headers): void {
  const h = (k: string) => (headers instanceof Headers ? headers.get(k) : headers[k]) ?? '';
  expect(h('content-security-policy')).toMatch(/default-src 'self'/);
  expect(h('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(h('x-content-type-options')).toBe('nosniff');
  expect(h('x-frame-options')).toBe('DENY');
}

describe('HTTP host security', () => {
  const root = tmpDir('http');
  const archiveDir = path.join(root, 'archive');
  const rendererDir = path.join(root, 'www', 'renderer');
  let writable: CoreWorker;
  let readOnly: CoreWorker;
  let ro: HttpHost; // read-only host
  let rw: HttpHost; // allowWrite host
  let tok: HttpHost; // 127.0.0.2 with a token
  let roCoreHost: HttpHost; // allowWrite host over a read-only core
  let articleId: number;

  beforeAll(async () => {
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>报库</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    // Things the host must never serve: a sibling of the renderer folder, and one reached through a symlink.
    fs.writeFileSync(path.join(root, 'www', 'secret.txt'), SECRET);
    fs.writeFileSync(path.join(root, 'secret.json'), SECRET);
    fs.symlinkSync(path.join(root, 'www', 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    const a = await Archive.open({ dir: archiveDir, autoBackup: false });
    await a.importSources(expandPaths([path.join(REPO, 'resources', 'sample')]).sources, {});
    articleId = (storedRow(a, 'SELECT MIN(id) AS id FROM articles') as { id: number }).id;
    await a.close();
    writable = startCoreWorker({ archiveDir, writable: true });
    readOnly = startCoreWorker({ archiveDir, writable: false });
    await Promise.all([writable.ready, readOnly.ready]);
    ro = await startHttpHost({ api: writable, rendererDir });
    rw = await startHttpHost({ api: writable, rendererDir, allowWrite: true, maxBody: 1024 * 1024 });
    tok = await startHttpHost({ api: writable, rendererDir, host: '127.0.0.2', token: TOKEN });
    roCoreHost = await startHttpHost({ api: readOnly, rendererDir, allowWrite: true });
  }, 120_000);

  afterAll(async () => {
    for (const h of [ro, rw, tok, roCoreHost]) await h?.close();
    await writable?.close();
    await readOnly?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const port = (h: HttpHost) => Number(new URL(h.url).port);

  it('binds to 127.0.0.1 by default and serves the renderer with security headers', async () => {
    expect(new URL(ro.url).hostname).toBe('127.0.0.1');
    expect(ro.token).toBeUndefined();
    const r = await get(port(ro), '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('报库');
    expectSecurityHeaders(r.headers);
    const js = await get(port(ro), '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expectSecurityHeaders(js.headers);
  });

  const ESCAPES = [
    '/../secret.txt',
    '/../../secret.json',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2F%2E%2E%2Fsecret.json',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2f..%2fsecret.json',
    '/%2e%2e%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e%252fsecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/etc/passwd',
    '/C:/Windows/win.ini',
    '/C:%5cWindows%5cwin.ini',
    '/index.html%00.png',
    '/%00',
    '/assets/app.js%00../../secret.txt',
    '/%E0%A4%A',
    '/assets/link.txt',
    `/${path.join(root, 'www', 'secret.txt')}`,
    `/${encodeURIComponent(path.join(root, 'www', 'secret.txt'))}`,
  ];

  it.each(ESCAPES)('never serves anything outside the renderer folder: %s', async (p) => {
    for (const h of [ro, tok]) {
      const r = await get(port(h), p, new URL(h.url).hostname);
      expect(r.body).not.toContain(SECRET);
      expect(r.body).not.toMatch(/root:.*:0:0:/);
      expect([200, 400, 404]).toContain(r.status);
      // A 200 is only ever the app itself (the single-page fallback).
      if (r.status === 200) expect(r.body).toContain('<title>报库</title>');
      expectSecurityHeaders(r.headers);
    }
  });

  it('refuses NUL bytes and drive letters in static paths with 400', async () => {
    expect((await get(port(ro), '/index.html%00.png')).status).toBe(400);
    expect((await get(port(ro), '/C:%5cWindows%5cwin.ini')).status).toBe(400);
    expect((await get(port(ro), '/%E0%A4%A')).status).toBe(400);
  });

  it('refuses every write method on the read-only host with 403, before reading the body', async () => {
    for (const m of WRITE_METHODS) {
      const r = await api(ro, m, {});
      expect(r.status, m).toBe(403);
      expect(r.json.code).toBe('read-only');
      expect(r.json.error).toMatch(/只读/);
      expectSecurityHeaders(r.headers);
    }
    // Reads work.
    const s = await api(ro, 'search', { query: '' });
    expect(s.status).toBe(200);
    expect((s.json as unknown as { total: number }).total).toBeGreaterThan(0);
  });

  it('says where the time of an answer went (Server-Timing: body, wait, core, total), for answers and refusals alike', async () => {
    const parse = (h: Headers) => Object.fromEntries([...(h.get('server-timing') ?? '').matchAll(/(\w+);dur=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
    const ok = parse((await api(ro, 'search', { query: '淄博' })).headers);
    expect(Object.keys(ok)).toEqual(['body', 'wait', 'core', 'total']);
    expect(ok.total).toBeGreaterThanOrEqual(ok.core);
    const bad = parse((await api(ro, 'search', { query: '日期:2022-02-30' })).headers);
    expect(bad.core).toBeGreaterThanOrEqual(0);
  });

  it('allows writes with allowWrite, and the change is real', async () => {
    const r = await api(rw, 'changeTags', { ids: [articleId], add: [{ kind: 'topic', name: '安全测试' }] });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.articles).toBe(1);
    const art = await api(rw, 'getArticle', { id: articleId });
    expect((art.json as unknown as { tags: { name: string }[] }).tags.map((t) => t.name)).toContain('安全测试');
    const undo = await api(rw, 'undoTagChange', { changeId: r.json.changeId });
    expect(undo.status).toBe(200);
  });

  it('a read-only core refuses writes even behind an allowWrite host (403)', async () => {
    const r = await api(roCoreHost, 'changeTags', { ids: [articleId], add: [{ kind: 'topic', name: '不该成功' }] });
    expect(r.status).toBe(403);
    expect(r.json.code).toBe('read-only');
  });

  it('startImport refuses local paths, even with allowWrite', async () => {
    for (const paths of [['/etc'], [archiveDir], ['../../..'], [path.join(REPO, 'resources', 'sample')]]) {
      const r = await api(rw, 'startImport', { paths });
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(/路径|上传/);
    }
    const before = await api(rw, 'listImports', {});
    expect((before.json as unknown as unknown[]).length).toBe(1);
  });

  it('a non-loopback bind requires the token: missing or wrong → 401, right → 200', async () => {
    expect(new URL(tok.url).hostname).toBe('127.0.0.2');
    expect(tok.token).toBe(TOKEN);
    const missing = await api(tok, 'stats', {});
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatch(/令牌/);
    expectSecurityHeaders(missing.headers);
    for (const wrong of ['x', TOKEN.slice(0, -1) + 'X', TOKEN + 'X', TOKEN.toUpperCase(), TOKEN.slice(1), 'Bearer ' + TOKEN]) {
      expect((await api(tok, 'stats', {}, { token: wrong })).status, wrong).toBe(401);
      expect((await api(tok, 'stats', {}, { query: `?token=${encodeURIComponent(wrong)}` })).status, wrong).toBe(401);
    }
    expect((await api(tok, 'stats', {}, { token: TOKEN })).status).toBe(200);
    expect((await api(tok, 'stats', {}, { query: `?token=${TOKEN}` })).status).toBe(200);
    // A token does not unlock writes on a read-only host.
    expect((await api(tok, 'changeTags', { ids: [1], add: [{ kind: 'topic', name: 'x' }] }, { token: TOKEN })).status).toBe(403);
  });

  it('only loopback addresses count as loopback (others get a token); names are never judged by their spelling', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '::ffff:127.0.0.1', '[::1]']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', '172.16.0.1', '::ffff:192.168.1.5', '128.0.0.1', '1.127.0.0', '127.evil.example', '127.0.0.1.nip.io', 'localhost'])
      expect(isLoopback(h), h).toBe(false);
  });

  it('oversize body → 413, malformed JSON → 400, unknown method → 404, GET on the API → 405', async () => {
    const big = await api(rw, 'search', undefined, { raw: JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    for (const bad of ['{', '{"query": }', 'nul', '\u0000', '[1,2', '{"query":"a"}}']) {
      const r = await api(ro, 'search', undefined, { raw: bad });
      expect(r.status, bad).toBe(400);
      expect(r.json.error).toMatch(/JSON/);
    }
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '..%2fsearch', 'search/extra', 'close', 'db']) {
      const r = await api(ro, m, {});
      expect(r.status, m).toBe(404);
    }
    const g = await raw(port(ro), `GET /api/search HTTP/1.1\r\nHost: 127.0.0.1:${port(ro)}\r\nConnection: close\r\n\r\n`);
    expect(g.status).toBe(405);
  });

  it('hostile arguments → 400 with a message, and nothing is polluted', async () => {
    const cases: [string, string][] = [
      ['search', '{"query":"a","__proto__":{"polluted":1}}'],
      ['search', '{"query":"a","constructor":{"prototype":{"polluted":1}}}'],
      ['search', '{"query":"a","filters":{"__proto__":{"polluted":1}}}'],
      ['changeTags', '{"ids":[1],"add":[{"kind":"topic","name":"x","__proto__":{"polluted":1}}]}'],
      ['search', '{"query":5}'],
      ['search', '{"query":["a"]}'],
      ['search', '{"query":"a","limit":1e9}'],
      ['search', '{"query":"a","limit":-1}'],
      ['search', '{"query":"a","sort":"drop table"}'],
      ['search', '{"query":"a","filters":{"dateFrom":"2022-02-30"}}'],
      ['search', `{"query":"${'长'.repeat(3000)}"}`],
      ['search', '{"query":"a\\u0000b"}'],
      ['search', '{"query":"a","extra":1}'],
      ['getArticle', '{"id":"1"}'],
      ['getArticle', '{"id":-1}'],
      ['getArticle', '{"id":1.5}'],
      ['getArticle', '{"id":1e400}'],
      ['getArticle', 'null'],
      ['getArticle', '[]'],
      ['getArticle', '"1"'],
      ['changeTags', '{"ids":[1],"query":"a","add":[{"kind":"topic","name":"x"}]}'],
      ['changeTags', '{"ids":[1],"add":[{"kind":"evil","name":"x"}]}'],
      ['changeTags', '{"ids":[1],"add":[{"kind":"topic","name":"   "}]}'],
      ['startImport', '{"files":[{"name":"a.txt","dataBase64":"not base64!"}]}'],
      ['startImport', '{"files":[{"name":"a.txt","dataBase64":"QUJD","extra":true}]}'],
      ['renameTag', '{"kind":"topic","from":"a","to":"b","__proto__":null}'],
    ];
    for (const [method, body] of cases) {
      const r = await api(rw, method, undefined, { raw: body });
      expect(r.status, `${method} ${body.slice(0, 80)}`).toBe(400);
      expect(r.json.error, body.slice(0, 80)).toMatch(/\p{Script=Han}/u);
      expect(r.json.error).not.toMatch(/\n|at \S+:\d+/);
      expect(r.json.code).toBe('bad-request');
    }
    // Deeply nested JSON is over the few-KB cap of read methods: refused before parsing.
    expect((await api(rw, 'search', undefined, { raw: '['.repeat(100_000) + ']'.repeat(100_000) })).status).toBe(413);
    // A huge ids array (over the 200,000 bound) on a read method of the default-size host.
    const huge = await api(ro, 'exportClippings', undefined, {
      raw: `{"format":"txt","ids":[${Array.from({ length: 200_001 }, (_, i) => i + 1).join(',')}]}`,
    });
    expect(huge.status).toBe(400);
    expect(huge.json.error).toMatch(/200000|最多/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    // The core is still alive and unharmed after all that.
    const s = await api(rw, 'stats', {});
    expect(s.status).toBe(200);
    expect(s.json.articles).toBeGreaterThan(0);
  });

  it('an uploaded file imports through the host (allowWrite) under its base name only', async () => {
    const sample = fs.readdirSync(path.join(REPO, 'resources', 'sample')).find((f) => f.endsWith('.txt'))!;
    const data = Buffer.concat([fs.readFileSync(path.join(REPO, 'resources', 'sample', sample)), Buffer.from('\n\n')]).toString('base64');
    const r = await api(rw, 'startImport', { files: [{ name: '../../../../tmp/逃逸.txt', dataBase64: data }], date: '2023-03-03' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    let status: { state: string; report?: { files: { file: string; status: string }[] } } = { state: 'running' };
    for (let i = 0; i < 300 && status.state === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 100));
      status = (await api(rw, 'importStatus', { jobId: r.json.jobId })).json as unknown as typeof status;
    }
    expect(status.state).toBe('done');
    expect(status.report!.files.map((f) => f.file)).toEqual(['逃逸.txt']);
    expect(fs.existsSync('/tmp/逃逸.txt')).toBe(false);
  });
});
