/**
 * Issue 19 rows 5 and 10: folders that used to hang an import or eat memory.
 * Real files, FIFOs, symlinks and /dev/zero on this machine, walked by the
 * real `expandPaths` and imported by the real core into a real SQLite archive.
 * Every test is bounded: a regression (a hang on the FIFO, a walk through
 * 2³³ folders, a read of /dev/zero) fails by the vitest timeout instead of
 * taking the machine.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths, readRegularFile } from '../../src/core/ingest/sources';
import { REPO, tmpDir } from './support';
import { storedRows } from '../support/sqlite';

const SAMPLE = path.join(REPO, 'resources', 'sample', '大众日报_2022-01-28_第3版.txt');

describe('importing hostile folders', () => {
  const root = tmpDir('folders');
  const dir = path.join(root, 'chosen');
  const outside = path.join(root, 'outside');

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    fs.copyFileSync(SAMPLE, path.join(dir, '大众日报_2022-01-28_第3版.txt'));
    fs.writeFileSync(path.join(outside, 'private.txt'), '不该被导入的私人文件\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    fs.symlinkSync('.', path.join(dir, 'a')); // a → .
    fs.symlinkSync('.', path.join(dir, 'b')); // b → .
    fs.symlinkSync('..', path.join(dir, 'sub', 'up')); // sub/up → chosen
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    fs.symlinkSync(path.join(outside, 'private.txt'), path.join(dir, 'escape.txt'));
    fs.symlinkSync(outside, path.join(dir, 'outdir'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken.txt'));
    // A link that stays inside the folder is fine.
    fs.writeFileSync(path.join(dir, 'sub', 'inner.txt'), '内部文件\n\n本报讯 内部的链接可以导入。\n');
    fs.symlinkSync(path.join(dir, 'sub', 'inner.txt'), path.join(dir, 'inner-link.txt'));
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('walks the folder once, quickly, and says why each odd entry was skipped', () => {
    const { sources, skipped, missing } = expandPaths([dir]);
    expect(missing).toEqual([]);
    const why = Object.fromEntries(skipped.map((s) => [path.relative(dir, s.file), s.reason]));
    expect(why['pipe.txt']).toMatch(/不是普通文件.*管道/);
    expect(why['zero.txt']).toMatch(/所选文件夹之外/); // /dev/zero is outside the folder
    expect(why['escape.txt']).toMatch(/所选文件夹之外/);
    expect(why['outdir']).toMatch(/所选文件夹之外/);
    expect(why['broken.txt']).toMatch(/不存在/);
    expect(why['a']).toMatch(/循环/);
    expect(why['b']).toMatch(/循环/);
    expect(why[path.join('sub', 'up')]).toMatch(/循环/);
    // The readable ones, and the skipped ones as sources that report themselves.
    const readable = sources.filter((s) => {
      try {
        s.read();
        return true;
      } catch {
        return false;
      }
    });
    expect(readable.map((s) => path.relative(dir, s.name)).sort()).toEqual(['inner-link.txt', path.join('sub', 'inner.txt'), '大众日报_2022-01-28_第3版.txt'].sort());
    expect(sources.length).toBe(readable.length + skipped.length);
  });

  it('a symlink to /dev/zero or a FIFO named directly is refused, not read', () => {
    const { sources } = expandPaths([path.join(dir, 'zero.txt'), path.join(dir, 'pipe.txt')]);
    expect(sources).toHaveLength(2);
    for (const s of sources) expect(() => s.read()).toThrow(/不是普通文件/);
  });

  it('reads at most the limit even from a file whose size says 0', () => {
    const st = fs.statSync('/proc/self/maps');
    expect(st.size).toBe(0);
    expect(() => readRegularFile('/proc/self/maps', 16)).toThrow(/文件太大/);
    expect(readRegularFile(SAMPLE).length).toBe(fs.statSync(SAMPLE).size);
  });

  it('a real import reports every skipped file with its reason and imports the rest', async () => {
    const archive = await Archive.open({ dir: path.join(root, 'archive'), autoBackup: false });
    try {
      const { sources } = expandPaths([dir]);
      const reports = await archive.importSources(sources, {});
      const byName = Object.fromEntries(reports.map((r) => [r.file, r]));
      for (const f of ['pipe.txt', 'zero.txt', 'escape.txt', 'broken.txt']) {
        expect(byName[f]?.status, f).toBe('rejected');
        expect(byName[f]?.error, f).toMatch(/\p{Script=Han}/u);
      }
      expect(byName['a']?.error).toMatch(/循环/);
      expect(byName['outdir']?.error).toMatch(/之外/);
      expect(byName['大众日报_2022-01-28_第3版.txt']?.status).toBe('imported');
      const texts = storedRows(archive, 'SELECT raw_text FROM imports') as { raw_text: string | null }[];
      expect(texts.some((t) => (t.raw_text ?? '').includes('私人文件'))).toBe(false);
    } finally {
      await archive.close();
    }
  });
});
