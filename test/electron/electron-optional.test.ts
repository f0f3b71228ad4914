/**
 * `electron` is an optionalDependency so that `npm ci` succeeds where its
 * binary cannot be downloaded (npm drops an optional dependency whose install
 * script fails). What that needs to stay true, read from the real files:
 *  - one exact Electron version in package.json, the lockfile and
 *    electron-builder.yml's `electronVersion` (the build no longer finds it in
 *    node_modules where the download failed);
 *  - electron-builder ships optional dependencies, so electron-builder.yml's
 *    `files` leaves out electron and exactly the packages only it needs,
 *    computed here from package-lock.json, and none that the app needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
const builderYml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');

type LockEntry = { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const packages: Record<string, LockEntry> = lock.packages;

/** Lockfile path that `name` resolves to from the package at `from` (Node's lookup upwards). */
function resolveIn(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

function closure(starts: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const e = packages[p]!;
    for (const d of Object.keys({ ...e.dependencies, ...e.optionalDependencies })) {
      const r = resolveIn(p, d);
      if (r) stack.push(r);
    }
  }
  return seen;
}

describe('electron as an optional dependency', () => {
  const version: string = pkg.optionalDependencies?.electron;

  it('is pinned to one exact version in package.json, the lockfile and electron-builder.yml', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies?.electron).toBeUndefined();
    expect(pkg.devDependencies?.electron).toBeUndefined();
    expect(packages['']!.optionalDependencies?.electron).toBe(version);
    expect(packages['node_modules/electron']?.version).toBe(version);
    expect(builderYml).toMatch(new RegExp(`^electronVersion: ${version.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('electron-builder leaves out electron and exactly what only electron needs', () => {
    const m = /^\s*- "!node_modules\/\{([^}]+)\}\/\*\*"$/m.exec(builderYml);
    expect(m, 'electron-builder.yml files: "!node_modules/{…}/**"').not.toBeNull();
    const excluded = new Set(m![1]!.split(','));
    const app = closure(Object.keys(pkg.dependencies).map((n) => resolveIn('', n)!));
    const electronOnly = [...closure(['node_modules/electron'])].filter((p) => !app.has(p));
    // Nested copies (node_modules/x/node_modules/y) go with their top-level parent.
    const topLevel = electronOnly.filter((p) => !p.slice('node_modules/'.length).includes('/node_modules/')).map((p) => p.slice('node_modules/'.length));
    expect(topLevel).toContain('electron');
    expect([...excluded].sort()).toEqual(topLevel.sort());
    for (const p of electronOnly) expect(excluded.has(p.slice('node_modules/'.length).split('/node_modules/')[0]!), p).toBe(true);
    // Nothing the app loads at run time is left out (libsql, nodejieba, their platform packages…).
    const appTop = [...app].filter((p) => p.startsWith('node_modules/')).map((p) => p.slice('node_modules/'.length).split('/node_modules/')[0]!);
    expect(appTop).toContain('nodejieba');
    expect(appTop.filter((n) => excluded.has(n))).toEqual([]);
  });
});
