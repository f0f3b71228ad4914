/**
 * Not a page: files without the shape of a newspaper page are told apart from real pages. Every
 * real page we have must pass (both dev sets, the sample, our fixtures); the non-pages are ones a
 * newsroom's folders really hold, written for this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from '../../src/core/ingest';
import { pageShape } from '../../src/core/ingest/page-shape';

const REPO = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(REPO, '..', 'shared');
const pageFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== 'SOURCE.txt').map((f) => path.join(dir, f)) : []);

const NOT_PAGES: Record<string, string> = {
  'README.md (English)': '# Baoku\n\nAn offline archive for Chinese daily newspapers.\n\n## Install\n\n```bash\nnpm ci\nnpm start\n```\n\nSee LICENSE for terms.\n',
  'MIT licence': 'MIT License\n\nCopyright (c) 2024 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.\n',
  'JSON': '{\n  "name": "报库",\n  "version": "0.1.0",\n  "description": "离线报纸档案库",\n  "scripts": { "start": "node start.mjs" }\n}\n',
  '.env / ini': '[database]\nhost = 127.0.0.1\nport = 5432\nuser = baoku\n# 档案库目录\narchive_dir = /srv/baoku\n',
  'hostname': 'newsroom-pc-07\n',
  'Chinese README of a program': '# 报库\n\n离线的报纸文字档案库。\n\n## 安装\n\n```bash\nnpm ci\n```\n\n## 使用\n\n- `baoku import 目录`：导入\n- `baoku search 词`：检索\n- `baoku export`：导出剪报\n',
  'SOURCE.txt-like notice': '82 pages of a daily newspaper (January 1998), one file per page.\nGold article boundaries in *.gold.json (char offsets).\nDerived from a public corpus; research and testing only.\nDo not redistribute.\n人民日报 1998年1月\n',
  'Chinese table of figures': '地区\t产量\t增长\n山东\t1234\t5.6%\n河南\t1180\t4.9%\n江苏\t987\t3.2%\n河北\t876\t2.8%\n安徽\t765\t3.9%\n',
};

describe('page shape', () => {
  const real = [
    ...pageFiles(path.join(SHARED, 'pages-dev')),
    ...pageFiles(path.join(SHARED, 'pages-dev-modern')),
    ...pageFiles(path.join(SHARED, 'samples')),
    ...pageFiles(path.join(REPO, 'resources', 'sample')),
    ...pageFiles(path.join(REPO, 'test', 'fixtures', 'pages')),
  ];

  it('takes every real page we have for a page', () => {
    expect(real.length).toBeGreaterThanOrEqual(20);
    const refused = real.map((f) => [path.basename(f), pageShape(decodeBuffer(fs.readFileSync(f), f).text)] as const).filter(([, s]) => !s.ok);
    expect(refused).toEqual([]);
  });

  for (const [what, text] of Object.entries(NOT_PAGES)) {
    it(`refuses ${what}, saying why`, () => {
      const s = pageShape(text);
      expect(s.ok).toBe(false);
      expect(s.reason).toMatch(/\p{Script=Han}/u);
    });
  }
});
