#!/usr/bin/env node
/**
 * `npm run security:electron`: Doyensec's Electronegativity over the Electron
 * shell's sources (src/main, src/preload) and, when built, over out/.
 *
 * Prints every finding; exits 1 when a finding above INFORMATIONAL is not in
 * `electronegativity-allowlist.json` (each entry: check id, file, and the
 * reason it is acceptable). Runs offline: the tool's two network look-ups
 * (translations, Electron release data) are stubbed out and the release check
 * is skipped; the Electron version is the one package.json pins
 * (`optionalDependencies.electron`, also electron-builder's `electronVersion`),
 * so the scan runs where npm dropped node_modules/electron (no binary download).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ALLOWLIST = path.join(root, 'electronegativity-allowlist.json');

// ---------- keep it offline ----------
const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const Module = require('node:module');
function stubGot(fromFile) {
  const gotPath = createRequire(fromFile).resolve('got');
  const offline = () => Promise.reject(new Error('offline: network disabled by scripts/electronegativity.mjs'));
  const stub = Object.assign(offline, { head: offline, get: offline });
  const m = new Module(gotPath);
  m.filename = gotPath;
  m.loaded = true;
  m.exports = stub;
  require.cache[gotPath] = m;
}
stubGot(path.join(pkgDir, 'dist/locales/i18n.js'));
stubGot(path.join(pkgDir, 'dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js'));
process.env.LANG = 'en-US';

const run = require('@doyensec/electronegativity').default ?? require('@doyensec/electronegativity');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron;
if (!/^\d+\.\d+\.\d+$/.test(electronVersion ?? '')) throw new Error('package.json: optionalDependencies.electron must be an exact version');

// ---------- allowlist ----------
function loadAllowlist() {
  const raw = JSON.parse(fs.readFileSync(ALLOWLIST, 'utf8'));
  const entries = Array.isArray(raw.entries) ? raw.entries : [];
  for (const [i, e] of entries.entries()) {
    if (typeof e.check !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 20) {
      throw new Error(`${path.basename(ALLOWLIST)} entry ${i}: needs "check", "file" and a "reason" of at least 20 characters`);
    }
  }
  return entries;
}

// ---------- scan ----------
// The tool's global checks (CSP, navigation limits, permission handler) look at
// one input as a whole app, so main and preload sources are scanned together
// from a temporary copy, and the built app (out/) as a second whole.
const os = await import('node:os');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-egy-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
for (const dir of ['src/main', 'src/preload']) fs.cpSync(path.join(root, dir), path.join(tmp, dir), { recursive: true });
const inputs = [{ label: 'src/main + src/preload', dir: tmp, base: tmp }];
if (fs.existsSync(path.join(root, 'out'))) inputs.push({ label: 'out', dir: path.join(root, 'out'), base: root });
const allowlist = loadAllowlist();
const used = new Set();
const rows = [];
const parseErrors = [];

const quietLog = console.log;
for (const input of inputs) {
  console.log = () => undefined; // the tool chats (translations, version warnings)
  let result;
  try {
    result = await run({
      input: input.dir,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      isRelative: false,
      parserPlugins: [],
    });
  } finally {
    console.log = quietLog;
  }
  for (const e of result.errors) if (!e.tolerable) parseErrors.push(`${path.relative(input.base, e.file)}: ${e.message}`);
  for (const issue of result.issues) {
    const file = issue.file === 'N/A' ? `(whole app: ${input.label})` : path.relative(input.base, issue.file);
    const idx = allowlist.findIndex((a) => a.check === issue.id && (a.file === file || (a.file.endsWith('/') && file.startsWith(a.file))));
    if (idx >= 0) used.add(idx);
    const sev = issue.severity.name;
    const status = issue.severity.value === 0 ? 'info' : idx >= 0 ? 'allowed' : 'FAIL';
    rows.push({ status, check: issue.id, severity: sev, confidence: issue.confidence.name, where: `${file}:${issue.location?.line ?? '?'}:${issue.location?.column ?? '?'}`, reason: idx >= 0 ? allowlist[idx].reason : '' });
  }
}

// ---------- report ----------
console.log(`Electronegativity over ${inputs.map((i) => i.label).join('; ')} (Electron ${electronVersion})`);
const order = { FAIL: 0, allowed: 1, info: 2 };
rows.sort((a, b) => order[a.status] - order[b.status] || a.where.localeCompare(b.where));
for (const r of rows) {
  console.log(`${r.status.padEnd(8)} ${r.severity.padEnd(13)} ${r.confidence.padEnd(9)} ${r.check.padEnd(40)} ${r.where}`);
  if (r.reason) console.log(`         ↳ ${r.reason}`);
}
for (const e of parseErrors) console.log(`parse error: ${e}`);
allowlist.forEach((a, i) => {
  if (!used.has(i)) console.log(`note: allowlist entry not matched any more (remove it?): ${a.check} ${a.file}`);
});
const failed = rows.filter((r) => r.status === 'FAIL').length;
console.log(
  `${rows.length} findings: ${failed} failing, ${rows.filter((r) => r.status === 'allowed').length} allowlisted, ${rows.filter((r) => r.status === 'info').length} informational; ${parseErrors.length} files not parsed`,
);
process.exit(failed > 0 || parseErrors.length > 0 ? 1 : 0);
