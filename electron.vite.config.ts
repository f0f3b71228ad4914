/**
 * electron-vite 5 build of the desktop app:
 *  - main: `src/main/index.ts` → out/main/index.js, plus the core's worker
 *    `src/node/core-worker.ts` → out/main/core-worker.js (found there by
 *    `src/node/worker-client.ts`), and a rebuild's segmenting thread
 *    `src/core/text/segment-thread.ts` → out/main/segment-thread.js (found there by
 *    `src/core/text/segment-pool.ts`); npm dependencies (libsql, nodejieba…) stay
 *    external and load from node_modules (`build.externalizeDeps`, the v5
 *    replacement of the deprecated `externalizeDepsPlugin`).
 *  - preload: one self-contained CommonJS file, out/preload/index.cjs, since
 *    a sandboxed preload can only `require('electron')`.
 *  - renderer: React app in src/renderer → out/renderer (mirrors vite.renderer.config.ts,
 *    which builds the same UI for the browser).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite picks its Node/Chrome build targets from node_modules/electron,
// which npm leaves out where Electron's binary could not be downloaded (it is an
// optionalDependency). The build targets the Electron that ships, so give it
// the version package.json pins (= electron-builder.yml's electronVersion).
if (!process.env.ELECTRON_MAJOR_VER) {
  const pinned = String(JSON.parse(readFileSync(resolve('package.json'), 'utf8')).optionalDependencies?.electron ?? '');
  const major = /^(\d+)\./.exec(pinned)?.[1];
  if (major) process.env.ELECTRON_MAJOR_VER = major;
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'core-worker': resolve('src/node/core-worker.ts'),
          'segment-thread': resolve('src/core/text/segment-thread.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // Same as vite.renderer.config.ts: no inline module-preload polyfill (the CSP forbids inline scripts).
      modulePreload: { polyfill: false },
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
