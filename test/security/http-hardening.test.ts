/**
 * Issue 19 rows 1, 2, 3, 7 and 9 against the real `baoku serve` (a child
 * process: `node bin/baoku.mjs serve`, core in its worker thread, real SQLite
 * archive), through real loopback sockets:
 *  - aborted uploads (Content-Length 1000, 10 bytes, hang up) leave the
 *    process alive and answering (they used to kill it);
 *  - cross-site writes (text/plain and form bodies, foreign Origin, opaque
 *    Origin, Sec-Fetch-Site: cross-site) are refused and change nothing,
 *    while same-origin browsers and curl-like clients still work;
 *  - DNS rebinding: a foreign Host is refused, localhost / the bound address /
 *    a name given with --allow-host are accepted;
 *  - read methods refuse bodies over a few KB; uploads still go through;
 *  - an empty or short --token is refused before anything is bound.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { sameToken } from '../../src/node/http-host';
import { REPO, tmpDir } from '../reliability/support';
import { storedRow } from '../support/sqlite';

const BIN = path.join(REPO, 'bin', 'baoku.mjs');

interface Raw {
  status: number;
  body: string;
}

/** One request written byte for byte; resolves with the status and body (0 when the server just hung up). */
function raw(port: number, request: string | Buffer): Promise<Raw> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    sock.setTimeout(30_000, () => sock.destroy());
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', () => undefined);
    sock.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1] ?? 0) || 0, body: rest.join('\r\n\r\n') });
    });
    sock.write(request);
  });
}

function post(port: number, method: string, body: string, headers: Record<string, string> = {}, host = `127.0.0.1:${port}`): Promise<Raw> {
  const h = { Host: host, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', ...headers };
  const lines = Object.entries(h)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return raw(port, `POST /api/${method} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** Send the headers and part of the body, then hang up (or reset). */
function abortMidBody(port: number, method: string, declared: number, sent: number, reset: boolean, contentType = 'application/json'): Promise<void> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => {
      sock.write(`POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${contentType}\r\nContent-Length: ${declared}\r\n\r\n`);
      sock.write('{"files":['.padEnd(sent, ' ').slice(0, sent), () => {
        setTimeout(() => {
          if (reset) sock.resetAndDestroy();
          else sock.destroy();
        }, 20);
      });
    });
    sock.on('error', () => undefined);
    sock.on('close', () => resolve());
  });
}

interface Served {
  child: ChildProcess;
  port: number;
  stderr: () => string;
}

async function startServe(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 90_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/[^\s/]+:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, port, stderr: () => err };
}

async function stop(s: Served | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (s.child.exitCode === null) s.child.kill('SIGKILL');
}

describe('baoku serve against hostile clients', () => {
  const root = tmpDir('harden');
  const archiveDir = path.join(root, 'archive');
  let s: Served;
  let articleId: number;

  beforeAll(async () => {
    const a = await Archive.open({ dir: archiveDir, autoBackup: false });
    await a.importSources(expandPaths([path.join(REPO, 'resources', 'sample')]).sources, {});
    articleId = (storedRow(a, 'SELECT MIN(id) AS id FROM articles') as { id: number }).id;
    await a.close();
    s = await startServe(['--archive', archiveDir, '--allow-write', '--allow-host', 'baoku.lan']);
  }, 120_000);

  afterAll(async () => {
    await stop(s);
    fs.rmSync(root, { recursive: true, force: true });
  });

  const call = async (method: string, arg: unknown) => {
    const r = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
    expect(r.status).toBe(200);
    return r.json();
  };
  const stats = async () => (await call('stats', {})) as { articles: number };
  const topics = async () => ((await call('listTags', { kind: 'topic' })) as { name: string }[]).map((t) => t.name);

  it('aborted uploads and requests do not kill the server', async () => {
    const before = await stats();
    for (let i = 0; i < 5; i++) {
      await abortMidBody(s.port, 'search', 1000, 10, false);
      await abortMidBody(s.port, 'startImport', 1000, 10, i % 2 === 0);
      await abortMidBody(s.port, 'startImport', 5 * 1024 * 1024, 64 * 1024, true);
      await abortMidBody(s.port, 'changeTags', 1000, 10, false, 'text/plain');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(s.child.exitCode, s.stderr()).toBeNull();
    expect((await stats()).articles).toBe(before.articles);
  }, 60_000);

  it('refuses writes that a web page on another site could send, and changes nothing', async () => {
    const add = JSON.stringify({ ids: [articleId], add: [{ kind: 'topic', name: '跨站写入' }] });
    const forged: [string, Record<string, string>][] = [
      ['form text/plain', { 'Content-Type': 'text/plain' }],
      ['form urlencoded', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
      ['no content type', { 'Content-Type': '' }],
      ['foreign Origin', { Origin: 'http://evil.example' }],
      ['foreign port', { Origin: `http://127.0.0.1:${s.port + 1}` }],
      ['https lookalike', { Origin: `https://127.0.0.1:${s.port}` }],
      ['opaque Origin', { Origin: 'null' }],
      ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
      ['Sec-Fetch-Site same-site', { 'Sec-Fetch-Site': 'same-site' }],
      ['text/plain with same origin', { 'Content-Type': 'text/plain;charset=UTF-8', Origin: `http://127.0.0.1:${s.port}` }],
    ];
    for (const [label, headers] of forged) {
      const r = await post(s.port, 'changeTags', add, headers);
      expect([403, 415], label).toContain(r.status);
      expect(JSON.parse(r.body).error, label).toMatch(/\p{Script=Han}/u);
    }
    // renameTag too (the form in the issue).
    const rn = await post(s.port, 'renameTag', '{"kind":"topic","from":"x","to":"y"}', { 'Content-Type': 'text/plain' });
    expect(rn.status).toBe(415);
    expect(await topics()).not.toContain('跨站写入');
    // The same page of this origin, and a client with no Origin (curl, the CLI), still write.
    const same = await post(s.port, 'changeTags', add, { Origin: `http://127.0.0.1:${s.port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(same.status, same.body).toBe(200);
    const undo = await post(s.port, 'undoTagChange', JSON.stringify({ changeId: JSON.parse(same.body).changeId }));
    expect(undo.status).toBe(200);
    const curl = await post(s.port, 'changeTags', add, { 'Content-Type': 'application/json; charset=utf-8' });
    expect(curl.status, curl.body).toBe(200);
    expect(await topics()).toContain('跨站写入');
    await post(s.port, 'undoTagChange', JSON.stringify({ changeId: JSON.parse(curl.body).changeId }));
  });

  it('refuses a foreign Host header (DNS rebinding); accepts the bound address, localhost and --allow-host names', async () => {
    const arg = JSON.stringify({ id: articleId });
    for (const host of ['rebind.example:' + s.port, 'rebind.example', 'evil.127.0.0.1.nip.io:' + s.port, `127.0.0.1:${s.port + 1}`, `localhost:${s.port}.evil`, 'baoku.lan.evil:' + s.port, '']) {
      const r = await post(s.port, 'getRawText', arg, {}, host);
      expect(r.status, host).toBe(host === '' ? 400 : 421);
      expect(r.body).not.toContain('大众日报');
    }
    // Static files too: a rebound page must not even load.
    expect((await raw(s.port, `GET / HTTP/1.1\r\nHost: rebind.example:${s.port}\r\nConnection: close\r\n\r\n`)).status).toBe(421);
    for (const host of [`127.0.0.1:${s.port}`, `localhost:${s.port}`, `LOCALHOST:${s.port}`, `baoku.lan:${s.port}`, `BAOKU.lan:${s.port}`]) {
      const r = await post(s.port, 'getRawText', arg, {}, host);
      expect(r.status, host).toBe(200);
    }
  });

  it('caps the body of read methods at a few KB; uploads may be larger', async () => {
    const big = JSON.stringify({ query: '甲'.repeat(1000), filters: { paper: 'x'.repeat(64 * 1024) } });
    expect((await post(s.port, 'search', big)).status).toBe(413);
    expect((await post(s.port, 'getArticle', JSON.stringify({ id: articleId, pad: ' '.repeat(100_000) }))).status).toBe(413);
    // A large but legitimate upload passes the cap (and is then parsed as a page).
    const page = fs.readFileSync(path.join(REPO, 'resources', 'sample', '大众日报_2022-01-28_第3版.txt'));
    const upload = JSON.stringify({ files: [{ name: 'big.txt', dataBase64: Buffer.concat([page, page, page]).toString('base64') }], date: '2021-01-01' });
    expect(upload.length).toBeGreaterThan(32 * 1024);
    const r = await post(s.port, 'startImport', upload);
    expect(r.status, r.body).toBe(200);
    expect(s.child.exitCode).toBeNull();
  });

  // The case is `--host 0.0.0.0 --token ''`; the refusal does not depend on the host, and tests stay on loopback.
  it('refuses an empty or short --token with a clear message, binding nothing', () => {
    for (const token of ['', 'short', 'x'.repeat(15)]) {
      const r = spawnSync(process.execPath, [BIN, 'serve', '--archive', archiveDir, '--host', '127.0.0.2', '--port', '0', '--token', token], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/令牌太短.*16/);
      expect(r.stdout).not.toMatch(/已启动/);
    }
  }, 120_000);

  it('compares tokens exactly, whatever their lengths', () => {
    const t = 'tok-8c1f3e7a9b2d4c6e8f0a';
    expect(sameToken(t, t)).toBe(true);
    for (const g of ['', 't', t.slice(0, -1), t + 'x', t.toUpperCase(), ' ' + t]) expect(sameToken(g, t), g).toBe(false);
  });
});
