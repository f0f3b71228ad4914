#!/usr/bin/env node
/**
 * electron-vite's ESM shim (vite:esm-shim) puts its `import __cjs_mod__ …` lines after the LAST
 * match of a loose regex for `import '…'`, and that regex also matches prose such as "an import's
 * time … a band's" inside a comment. The shim then lands inside a function of the bundle and the
 * build fails (`Expected "(" but found "__cjs_mod__"`, CI of stop 29). Part of `npm run lint`:
 * lists every line of src/ where `import` is followed by a quote but is not an import statement.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'src');
const bad = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|tsx|mts)$/.test(e.name)) {
      fs.readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (/(?<=\s|^|;)import\s*["']/.test(line) && !/^\s*import\s+['"][^'"]+['"];?\s*$/.test(line)) bad.push(`${path.relative(process.cwd(), p)}:${i + 1}: ${line.trim()}`);
      });
    }
  }
})(root);
if (bad.length) {
  console.error(`"import" followed by a quote outside an import statement breaks the build's ESM shim; reword:\n${bad.join('\n')}`);
  process.exit(1);
}
console.log('no shim-breaking "import\'" in src');
