/**
 * Issue 19 row 11: file names reach the terminal. The real `baoku import`
 * (node bin/baoku.mjs, real archive) over real files whose names hold ESC
 * sequences (set the window title, clear the screen) and a C1 CSI: nothing
 * it prints on stdout or stderr may contain a raw control character; the
 * names are shown with visible escapes instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forTerminal } from '../../src/cli/terminal';
import { REPO, tmpDir } from './support';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('the CLI does not pass terminal escapes from file names', () => {
  const root = tmpDir('term');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('escapes control characters but keeps text, newlines and Chinese', () => {
    expect(forTerminal('\x1b]0;pwned\x07标题\n下一行')).toBe('\\e]0;pwned\\x07标题\n下一行');
    expect(forTerminal('a\u009b2Jb\u202egnp.txt')).toBe('a\\x9b2Jb\\u202egnp.txt');
    expect(forTerminal('一\n二\t三', false)).toBe('一\\n二\\t三');
  });

  it('baoku import prints hostile names escaped, on stdout and stderr', () => {
    const dir = path.join(root, 'pages');
    fs.mkdirSync(dir);
    const sample = path.join(REPO, 'resources', 'sample', '大众日报_2022-01-28_第3版.txt');
    fs.copyFileSync(sample, path.join(dir, '\x1b]0;pwned\x07\x1b[2J大众日报_2022-01-28_第3版.txt'));
    execFileSync('mkfifo', [path.join(dir, '\x1b[31m红\u009b1m.txt')]);
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), 'import', dir, '--archive', path.join(root, 'archive')], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const all = r.stdout + r.stderr;
    expect(r.status, all).toBe(1); // one file rejected (the FIFO)
    expect(all).toContain('\\e]0;pwned\\x07\\e[2J大众日报');
    expect(r.stdout).toContain('被拒绝：');
    expect(r.stdout).toContain('\\e[31m红\\x9b1m.txt');
    expect(r.stdout).toMatch(/不是普通文件/);
    // The progress line starts with a carriage return by design; nothing else may be a control character.
    expect(all.replace(/\r/g, ''), JSON.stringify(all)).not.toMatch(RAW_CONTROL);
  }, 150_000);
});
