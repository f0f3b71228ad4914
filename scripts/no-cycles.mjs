#!/usr/bin/env node
/**
 * Import cycles in src/ (type-only imports included: a cycle of types is still two modules that
 * cannot be understood apart). Part of `npm run lint`; exits 1 and prints each cycle found.
 * Reads `import … from './x'` and `export … from './x'` with relative paths only (packages
 * cannot close a cycle in our code).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'src');
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
  }
})(root);

const FROM = /^\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm;
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}
const edges = new Map(files.map((f) => [f, [...fs.readFileSync(f, 'utf8').matchAll(FROM)].map((m) => resolve(f, m[1])).filter(Boolean)]));

// Tarjan's strongly connected components: any component of more than one file is a cycle.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
const cycles = [];
function visit(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(comp);
  }
}
for (const f of files) if (!idx.has(f)) visit(f);

if (cycles.length) {
  for (const c of cycles) console.error(`import cycle: ${c.map((f) => path.relative(process.cwd(), f)).join(' ↔ ')}`);
  process.exit(1);
}
console.log(`no import cycles in ${path.relative(process.cwd(), root) || '.'} (${files.length} files)`);
