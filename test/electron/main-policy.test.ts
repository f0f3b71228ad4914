/**
 * The Electron shell's pure policy (no Electron binary runs here): which URLs
 * are ours, which may go to the system browser, the CSP, app:// path mapping,
 * save-dialog file names, command-line options and the remembered window state.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShellArgs } from '../../src/main/args';
import { APP_INDEX_URL, CSP, DEV_CSP, appPathToFile, isAppUrl, safeExternalUrl, safeFileName } from '../../src/main/policy';
import { DEFAULT_STATE, MIN_WIDTH, loadWindowState, sanitizeState, saveWindowState } from '../../src/main/window-state';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-main-policy-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('CSP', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('is the strict policy of the brief', () => {
    const d = directives(CSP);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval/);
  });
  it('relaxes only scripts and connections for the dev server', () => {
    const d = directives(DEV_CSP);
    expect(d.get('script-src')).toContain("'unsafe-inline'");
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(DEV_CSP).not.toMatch(/unsafe-eval/);
  });
});

describe('isAppUrl', () => {
  it('accepts our app:// pages and the dev server only when given', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://baoku/#/search?q=黄河')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
  it('refuses everything else', () => {
    for (const u of ['app://evil/index.html', 'file:///etc/passwd', 'https://baoku', 'javascript:alert(1)', 'data:text/html,<script>', '', 'not a url', 'app://baoku.evil.com/']) {
      expect(isAppUrl(u, 'http://localhost:5173'), u).toBe(false);
    }
    expect(isAppUrl('file:///x', 'file:///x')).toBe(false);
  });
});

describe('safeExternalUrl', () => {
  it('passes plain http(s) links', () => {
    expect(safeExternalUrl('https://www.dzwww.com/dzrb/')).toBe('https://www.dzwww.com/dzrb/');
    expect(safeExternalUrl('http://example.org/a?b=c#d')).toBe('http://example.org/a?b=c#d');
  });
  it('refuses other schemes, credentials, odd characters and long URLs', () => {
    for (const u of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://baoku/index.html',
      'https://user:pw@example.org/',
      'https://example.org/"onload',
      'https://example.org/ x',
      `https://example.org/${'a'.repeat(2100)}`,
      'https://',
      '',
    ]) {
      expect(safeExternalUrl(u), u).toBeNull();
    }
  });
});

describe('appPathToFile', () => {
  const root = path.join(tmp, 'renderer');
  it('maps paths inside the renderer folder', () => {
    expect(appPathToFile('/', root, path)).toBe(path.join(root, 'index.html'));
    expect(appPathToFile('/assets/index-abc.js', root, path)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(appPathToFile('/assets/%E6%8A%A5.png', root, path)).toBe(path.join(root, 'assets', '报.png'));
    expect(appPathToFile('/..hidden', root, path)).toBe(path.join(root, '..hidden'));
  });
  it('refuses traversal, encoded traversal, NUL and bad escapes', () => {
    for (const p of ['/../secret', '/assets/../../x', '/%2e%2e/%2e%2e/etc/passwd', '/a%00.js', '/%E0%A4%A', '/..']) {
      expect(appPathToFile(p, root, path), p).toBeNull();
    }
  });
});

describe('safeFileName', () => {
  it('keeps a plain name and strips folders and reserved characters', () => {
    expect(safeFileName('黄河专题.pdf')).toBe('黄河专题.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\evil.docx')).toBe('evil.docx');
    expect(safeFileName('a<b>:c|d?.md')).toBe('a_b__c_d_.md');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('')).toBe('报库导出');
    expect(safeFileName('x'.repeat(500)).length).toBe(200);
  });
});

describe('parseShellArgs', () => {
  it('reads --archive and --demo in both spellings', () => {
    expect(parseShellArgs(['.', '--demo', '--archive', '/data/a'])).toEqual({ demo: true, archiveDir: '/data/a' });
    expect(parseShellArgs(['--archive=/data/b'])).toEqual({ demo: false, archiveDir: '/data/b' });
    expect(parseShellArgs([])).toEqual({ demo: false });
  });
  it('ignores a dangling --archive or one followed by another flag', () => {
    expect(parseShellArgs(['--archive'])).toEqual({ demo: false });
    expect(parseShellArgs(['--archive', '--demo'])).toEqual({ demo: true });
    expect(parseShellArgs(['--archive='])).toEqual({ demo: false });
  });
});

describe('window state', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('round-trips through the file', () => {
    const file = path.join(tmp, 'ws', 'window-state.json');
    saveWindowState(file, { x: 100, y: 80, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file, screens)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });
  it('falls back to the default on a missing or corrupt file', () => {
    expect(loadWindowState(path.join(tmp, 'none.json'), screens)).toEqual(DEFAULT_STATE);
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"width": 1200, "height":');
    expect(loadWindowState(bad, screens)).toEqual(DEFAULT_STATE);
    fs.writeFileSync(bad, '{"width": "1200", "height": 800}');
    expect(loadWindowState(bad, screens)).toEqual(DEFAULT_STATE);
  });
  it('drops a position that is off every screen and clamps the size', () => {
    const s = sanitizeState({ x: 5000, y: 3000, width: 99999, height: 10, maximized: 'yes' }, screens);
    expect(s.x).toBeUndefined();
    expect(s.y).toBeUndefined();
    expect(s.width).toBe(1920);
    expect(s.height).toBeGreaterThanOrEqual(560);
    expect(s.maximized).toBe(false);
    expect(sanitizeState({ x: 1800, y: 10, width: 300, height: 600 }, screens).width).toBe(MIN_WIDTH);
  });
  it('keeps a position on a second screen', () => {
    const two = [...screens, { x: 1920, y: 0, width: 2560, height: 1400 }];
    expect(sanitizeState({ x: 2100, y: 50, width: 1400, height: 900 }, two)).toMatchObject({ x: 2100, y: 50 });
    expect(sanitizeState({ x: 2100, y: 50, width: 1400, height: 900 }, screens).x).toBeUndefined();
  });
});
