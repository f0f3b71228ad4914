/**
 * The preload as the sandbox runs it: bundled to one CommonJS file (as
 * electron.vite.config.ts does) and evaluated with a `require` that offers
 * nothing but `electron`. Electron itself cannot run here, so `contextBridge`
 * and `ipcRenderer` are small recorders; everything else is the real bundle.
 */
import path from 'node:path';
import vm from 'node:vm';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC } from '../../src/shared/desktop';

let code = '';

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.resolve('src/preload/index.ts'), formats: ['cjs'], fileName: 'index' },
      rollupOptions: { external: ['electron'] },
    },
  })) as Rollup.RollupOutput[];
  const chunk = out[0].output.find((o) => o.type === 'chunk') as Rollup.OutputChunk;
  code = chunk.code;
}, 60_000);

interface Loaded {
  exposed: Map<string, unknown>;
  invokes: unknown[][];
  listeners: Map<string, ((...a: unknown[]) => void)[]>;
  required: string[];
  answer: (r: unknown) => void;
}

function load(): Loaded {
  const exposed = new Map<string, unknown>();
  const invokes: unknown[][] = [];
  const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
  const required: string[] = [];
  let next: unknown = { ok: true, value: 'ok' };
  const electron = {
    contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) },
    ipcRenderer: {
      invoke: async (...a: unknown[]) => {
        invokes.push(a);
        if (next instanceof Error) throw next;
        return next;
      },
      on: (ch: string, l: (...a: unknown[]) => void) => listeners.set(ch, [...(listeners.get(ch) ?? []), l]),
      removeListener: (ch: string, l: (...a: unknown[]) => void) => listeners.set(ch, (listeners.get(ch) ?? []).filter((x) => x !== l)),
    },
  };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, process: { platform: 'linux' }, Promise, Error, TypeError, Set });
  return { exposed, invokes, listeners, required, answer: (r) => (next = r) };
}

describe('preload bundle', () => {
  it('requires only electron and exposes exactly baoku and baokuDesktop', () => {
    const p = load();
    expect(new Set(p.required)).toEqual(new Set(['electron']));
    expect([...p.exposed.keys()]).toEqual(['baoku', 'baokuDesktop']);
    expect(Object.keys(p.exposed.get('baoku') as object)).toEqual(['call']);
    expect(Object.keys(p.exposed.get('baokuDesktop') as object).sort()).toEqual(['onMenu', 'openFiles', 'openFolder', 'platform', 'saveFile']);
    expect((p.exposed.get('baokuDesktop') as { platform: string }).platform).toBe('linux');
  });

  it('forwards calls on the one channel and returns the envelope', async () => {
    const p = load();
    const baoku = p.exposed.get('baoku') as { call(m: unknown, a: unknown): Promise<unknown> };
    p.answer({ ok: true, value: { articles: 3 } });
    await expect(baoku.call('stats', {})).resolves.toEqual({ ok: true, value: { articles: 3 } });
    expect(p.invokes).toEqual([[IPC.call, 'stats', {}]]);
    p.answer({ ok: false, error: '参数无效', code: 'bad-request' });
    await expect(baoku.call('search', { query: 1 })).resolves.toMatchObject({ ok: false, code: 'bad-request' });
    p.answer(new Error('Error invoking remote method'));
    await expect(baoku.call('stats', {})).resolves.toMatchObject({ ok: false, code: 'internal' });
    p.answer('garbage');
    await expect(baoku.call('stats', {})).resolves.toMatchObject({ ok: false });
    await expect(baoku.call(42, {})).resolves.toMatchObject({ ok: false, code: 'bad-request' });
    expect(p.invokes).toHaveLength(4);
  });

  it('unwraps desktop helpers and rejects with the Chinese message', async () => {
    const p = load();
    const d = p.exposed.get('baokuDesktop') as { openFiles(): Promise<unknown>; saveFile(n: unknown, b: unknown): Promise<unknown> };
    p.answer({ ok: true, value: ['/a.txt'] });
    await expect(d.openFiles()).resolves.toEqual(['/a.txt']);
    p.answer({ ok: false, error: '保存失败：没有写入权限' });
    await expect(d.saveFile('a.pdf', 'AAAA')).rejects.toThrow('保存失败：没有写入权限');
    await expect(d.saveFile(1, 'AAAA')).rejects.toThrow();
    expect(p.invokes.map((i) => i[0])).toEqual([IPC.openFiles, IPC.saveFile]);
  });

  it('passes only known menu commands, never the IPC event, and unsubscribes', () => {
    const p = load();
    const d = p.exposed.get('baokuDesktop') as { onMenu(cb: (...a: unknown[]) => void): () => void };
    const got: unknown[][] = [];
    const off = d.onMenu((...a) => got.push(a));
    const fire = (cmd: unknown) => (p.listeners.get(IPC.menu) ?? []).forEach((l) => l({ sender: 'ipcRenderer!' }, cmd));
    fire('focus-search');
    fire('rm -rf');
    fire({ evil: true });
    expect(got).toEqual([['focus-search']]);
    off();
    fire('tags');
    expect(got).toHaveLength(1);
    expect(() => d.onMenu('x' as never)).toThrow();
  });
});
