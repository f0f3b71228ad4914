/**
 * What a packaged build needs, checked without an Electron binary: the app is
 * built with electron-vite (or out/ is reused when newer than the sources),
 * and electron-builder.yml's `files` and `asarUnpack` are matched, with
 * minimatch as electron-builder matches them, against the real built tree and
 * node_modules:
 *  - the built main, worker, preload and renderer ship (`files`), source maps not;
 *  - every npm package the built main and worker load is a production
 *    dependency (electron-builder ships only those) and not excluded;
 *  - what native code opens by path is unpacked (`asarUnpack`): nodejieba's
 *    dictionaries (`nodejieba.DEFAULT_*`, which src/core/text/jieba.ts maps to
 *    app.asar.unpacked) and its .node binary, libsql's native binding;
 *  - the worker entry sits where src/node/worker-client.ts looks for it (next
 *    to out/main/index.js, inside app.asar), and a rebuild's segmenting thread
 *    where src/core/text/segment-pool.ts looks for it (next to the worker): Electron runs worker_threads from
 *    app.asar since Electron 18 (electron/electron#33216), so it need not be
 *    unpacked; the pinned `electronVersion` must be at least that.
 * Not checked here: that electron-builder runs, the installers, code signing,
 * fuses, and a real start of the packaged app.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..', '..');
const require = createRequire(path.join(REPO, 'package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const builder = load(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as { files: string[]; asarUnpack: string[]; electronVersion: string };
const NODE_MODULES = fs.realpathSync(path.join(REPO, 'node_modules'));

const ENTRIES = ['out/main/index.js', 'out/main/core-worker.js', 'out/main/segment-thread.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

function newest(dir: string): number {
  return Math.max(...walk(dir).map((f) => fs.statSync(f).mtimeMs));
}

/** Path inside the app as electron-builder sees it: `out/…`, `node_modules/…` (forward slashes). */
function appPath(abs: string): string {
  const real = fs.realpathSync(abs);
  const rel = real.startsWith(NODE_MODULES + path.sep) ? path.join('node_modules', path.relative(NODE_MODULES, real)) : path.relative(REPO, real);
  return rel.split(path.sep).join('/');
}

const opts = { dot: true };
const negated = builder.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
const positive = builder.files.filter((p) => !p.startsWith('!'));
/** Shipped: an app file matched by `files`, or a node_modules file (production deps are added by electron-builder), and no `!` pattern. */
function shipped(p: string): boolean {
  if (negated.some((n) => minimatch(p, n, opts))) return false;
  return p.startsWith('node_modules/') || positive.some((g) => minimatch(p, g, opts));
}
function unpacked(p: string): boolean {
  return builder.asarUnpack.some((g) => minimatch(p, g, opts));
}

beforeAll(() => {
  const sources = Math.max(...['src/main', 'src/node', 'src/core', 'src/shared', 'src/preload', 'src/renderer'].map((d) => newest(path.join(REPO, d))), fs.statSync(path.join(REPO, 'electron.vite.config.ts')).mtimeMs);
  const fresh = ENTRIES.every((e) => fs.existsSync(path.join(REPO, e)) && fs.statSync(path.join(REPO, e)).mtimeMs >= sources);
  if (!fresh) execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: REPO, stdio: 'pipe' });
}, 300_000);

describe('packaged build (electron-builder.yml against the built tree)', () => {
  it('ships the built main, worker, preload and renderer, and no source maps', () => {
    expect(pkg.main).toBe('./out/main/index.js');
    for (const e of [...ENTRIES, 'package.json']) expect(shipped(e), e).toBe(true);
    for (const f of walk(path.join(REPO, 'out')).map(appPath)) expect(shipped(f), f).toBe(!f.endsWith('.map'));
  });

  it('ships every package the built main and worker load', () => {
    const code = walk(path.join(REPO, 'out', 'main')).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const specs = new Set([...code.matchAll(/(?:\bfrom\s*|\brequire(?:\$\d+)?\(\s*|\bimport\(\s*)["']([@a-z0-9][a-z0-9@/._-]*)["']/g)].map((m) => m[1]!));
    const packages = [...specs].filter((s) => !s.startsWith('node:') && s !== 'electron').map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    // Rollup renames a createRequire'd `require` (require$1): those count too.
    expect(packages).toEqual(expect.arrayContaining(['libsql', 'nodejieba']));
    for (const p of new Set(packages)) {
      expect(pkg.dependencies?.[p], `${p} is loaded by out/main but is not a production dependency`).toBeDefined();
      expect(shipped(`node_modules/${p}/package.json`), p).toBe(true);
    }
  });

  it("unpacks nodejieba's dictionaries and binary, where jieba.ts opens them", () => {
    const nodejieba = require('nodejieba') as Record<string, unknown>;
    const dicts = ['DEFAULT_DICT', 'DEFAULT_HMM_DICT', 'DEFAULT_USER_DICT', 'DEFAULT_IDF_DICT', 'DEFAULT_STOP_WORD_DICT'].map((k) => nodejieba[k] as string);
    for (const d of dicts) {
      expect(fs.existsSync(d), d).toBe(true);
      const p = appPath(d);
      expect(p.startsWith('node_modules/nodejieba/'), p).toBe(true);
      expect(shipped(p) && unpacked(p), p).toBe(true);
    }
    const binaries = walk(path.dirname(require.resolve('nodejieba/package.json'))).filter((f) => f.endsWith('.node'));
    expect(binaries.length).toBeGreaterThan(0);
    for (const b of binaries.map(appPath)) expect(shipped(b) && unpacked(b), b).toBe(true);
  });

  it("unpacks libsql's native binding", () => {
    const libsqlDir = path.dirname(require.resolve('libsql'));
    const libsqlRequire = createRequire(path.join(libsqlDir, 'index.js'));
    const scope = path.join(NODE_MODULES, '@libsql');
    const bindings = fs.readdirSync(scope).flatMap((d) => walk(path.join(scope, d)).filter((f) => f.endsWith('.node')));
    expect(bindings.length, 'no @libsql/<platform> binding installed').toBeGreaterThan(0);
    for (const b of bindings.map(appPath)) expect(shipped(b) && unpacked(b), b).toBe(true);
    // The binding libsql loads on this machine is one of them (it resolves @libsql/<target> from its own folder).
    const target = fs.readdirSync(scope).find((d) => d !== 'client' && fs.existsSync(path.join(scope, d, 'index.node')))!;
    expect(appPath(libsqlRequire.resolve(`@libsql/${target}`))).toMatch(/^node_modules\/@libsql\//);
    for (const f of walk(libsqlDir).map(appPath)) expect(unpacked(f), f).toBe(true);
  });

  it('has the worker entry next to the main entry, in a version of Electron that runs workers from app.asar', () => {
    const worker = 'out/main/core-worker.js';
    expect(fs.existsSync(path.join(REPO, worker))).toBe(true);
    expect(path.dirname(worker)).toBe(path.dirname(pkg.main.replace(/^\.\//, '')));
    expect(shipped(worker)).toBe(true);
    // Its chunks ship with it (the worker imports them relatively, from the same asar).
    const chunks = [...fs.readFileSync(path.join(REPO, worker), 'utf8').matchAll(/["'](\.\/chunks\/[^"']+)["']/g)].map((m) => path.posix.join('out/main', m[1]!));
    for (const c of chunks) expect(fs.existsSync(path.join(REPO, c)) && shipped(c), c).toBe(true);
    expect(Number(builder.electronVersion.split('.')[0])).toBeGreaterThanOrEqual(18);
  });

  it("has a rebuild's segmenting thread next to the core worker, where segment-pool.ts looks for it, and not its development shim", () => {
    const thread = 'out/main/segment-thread.js';
    expect(fs.existsSync(path.join(REPO, thread))).toBe(true);
    expect(shipped(thread)).toBe(true);
    // The pool's code is bundled into the worker, which looks beside itself for `segment-thread.js`.
    const worker = fs.readFileSync(path.join(REPO, 'out/main/core-worker.js'), 'utf8');
    expect(worker).toContain('segment-thread.js');
    // The thread loads nodejieba by the path the pool hands it, and runs the index's own term reading.
    const code = fs.readFileSync(path.join(REPO, thread), 'utf8');
    expect(code).toContain('cutForSearch');
    expect(code).not.toContain('tsx');
  });
});
