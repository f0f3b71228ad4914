#!/usr/bin/env node
// `npm test`: every test — unit/integration (vitest) then end-to-end (Playwright in Debian Chromium).
// Ends with one summary line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (p) => path.join(root, 'node_modules', ...p.split('/'));
const only = process.argv[2]; // 'unit' | 'e2e' | undefined

let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;

if (only !== 'e2e') {
  const out = path.join(tmp, 'vitest.json');
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) status = 1;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  } else status = 1;
}

if (only !== 'unit') {
  const out = path.join(tmp, 'playwright.json');
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [bin('@playwright/test/cli.js'), 'test', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  if (r.status !== 0) status = 1;
  if (fs.existsSync(out)) {
    const s = JSON.parse(fs.readFileSync(out, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
  } else status = 1;
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status || (failed ? 1 : 0));
