/**
 * Saved searches on a real archive (SQLite, jieba, the search index): saving,
 * the `+N` count of new matches after each import run, opening clears it,
 * rename / delete / reorder, refusals in Chinese, and backup / restore.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { restoreFrom } from '../../src/core/store/backup';
import { REPO, openArchive, sampleArchive, tempDir } from './helpers';
import { storedRow } from '../support/sqlite';

const PAGES = path.join(REPO, 'test', 'fixtures', 'pages');
const importPage = (a: Archive, file: string) => a.importSources(expandPaths([path.join(PAGES, file)]).sources, {});
const byName = async (a: Archive, name: string) => (await a.listSavedSearches()).find((s) => s.name === name)!;
/** Articles of the archive matching `query` now, with ids above `after`. */
const matchesAfter = async (a: Archive, query: string, after: number, filters = {}) =>
  (await a.search({ query, filters, limit: 1000, facets: false })).hits.filter((h) => h.id > after).length;
const newest = (a: Archive) => (storedRow(a, 'SELECT MAX(id) AS m FROM articles') as { m: number }).m;

describe('saved searches: new matches after imports', () => {
  let a: Archive;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    a = await sampleArchive(dir);
  });
  afterAll(async () => {
    await a.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('saves a search at the end of the list with no new articles', async () => {
    expect((await a.search({ query: '春运' })).total).toBe(0);
    const s = await a.saveSearch({ name: '春运', query: '春运', sort: 'date' });
    expect(s).toMatchObject({ name: '春运', query: '春运', filters: {}, sort: 'date', position: 0, newCount: 0 });
    await a.saveSearch({ name: '青岛港', query: '"青岛港"' });
    await a.saveSearch({ name: '人民日报的全部新文章', query: '', filters: { paper: '人民日报' } });
    expect((await a.listSavedSearches()).map((x) => [x.name, x.position])).toEqual([
      ['春运', 0],
      ['青岛港', 1],
      ['人民日报的全部新文章', 2],
    ]);
  });

  it('importing a page that matches raises the count of the searches it matches, and only theirs', async () => {
    const before = newest(a);
    await importPage(a, 'rmrb_19980105_04.txt');
    const spring = await matchesAfter(a, '春运', before);
    expect(spring).toBeGreaterThan(0);
    expect((await byName(a, '春运')).newCount).toBe(spring);
    expect((await byName(a, '青岛港')).newCount).toBe(0);
    // A filter-only search counts every new article of that paper.
    const rmrb = storedRow(a, "SELECT COUNT(*) AS n FROM articles WHERE id > ? AND part_of IS NULL", [before]) as { n: number };
    expect(rmrb.n).toBeGreaterThan(0);
    expect((await byName(a, '人民日报的全部新文章')).newCount).toBe(rmrb.n);
  });

  it('a phrase search counts the new page that holds the phrase; the others are unchanged', async () => {
    const spring = (await byName(a, '春运')).newCount;
    const before = newest(a);
    await importPage(a, 'dzrb_20220611_03.txt');
    const port = await matchesAfter(a, '"青岛港"', before);
    expect(port).toBeGreaterThan(0);
    expect((await byName(a, '青岛港')).newCount).toBe(port);
    expect((await byName(a, '春运')).newCount).toBe(spring);
  });

  it('opening a search returns what to run and clears its badge, not the others', async () => {
    const spring = (await byName(a, '春运')).newCount;
    const opened = await a.openSavedSearch({ id: (await byName(a, '春运')).id });
    expect(opened).toMatchObject({ name: '春运', query: '春运', sort: 'date', newCount: 0, newBeforeOpening: spring });
    expect(opened.lastOpenedAt).toBeTruthy();
    expect((await byName(a, '春运')).newCount).toBe(0);
    expect((await byName(a, '青岛港')).newCount).toBeGreaterThan(0);
  });

  it('after opening, a page that does not match leaves the count at 0; one that matches counts only its own articles', async () => {
    let before = newest(a);
    await importPage(a, 'jfrb_20160208_03.txt');
    expect(newest(a)).toBeGreaterThan(before);
    expect(await matchesAfter(a, '春运', before)).toBe(0);
    expect((await byName(a, '春运')).newCount).toBe(0);
    before = newest(a);
    await importPage(a, 'rmrb_19980112_05.txt');
    const n = await matchesAfter(a, '春运', before);
    expect(n).toBeGreaterThan(0);
    expect((await byName(a, '春运')).newCount).toBe(n);
    // The same file again is a duplicate: nothing new, nothing counted twice.
    await importPage(a, 'rmrb_19980112_05.txt');
    expect((await byName(a, '春运')).newCount).toBe(n);
  });

  it('keeps counts and order when the archive is opened again', async () => {
    const list = await a.listSavedSearches();
    await a.close();
    a = await openArchive(dir);
    expect(await a.listSavedSearches()).toEqual(list);
  });
});

describe('saved searches: rename, delete, reorder, refusals', () => {
  let a: Archive;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    a = await sampleArchive(dir);
  });
  afterAll(async () => {
    await a.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renames, reorders and deletes; positions stay 0..n-1', async () => {
    const x = await a.saveSearch({ name: '甲', query: '淄博' });
    const y = await a.saveSearch({ name: '乙', query: '高新区', filters: { dateFrom: '2022-01-01', dateTo: '2022-12-31' } });
    const z = await a.saveSearch({ name: '丙', query: '投资' });
    expect((await a.renameSavedSearch({ id: y.id, name: '  高新区　今年 ' })).name).toBe('高新区 今年');
    expect((await a.reorderSavedSearches({ ids: [z.id, x.id, y.id] })).map((s) => s.name)).toEqual(['丙', '甲', '高新区 今年']);
    // Naming only some: they come first, the rest keep their order.
    expect((await a.reorderSavedSearches({ ids: [y.id] })).map((s) => s.name)).toEqual(['高新区 今年', '丙', '甲']);
    await a.deleteSavedSearch({ id: z.id });
    const list = await a.listSavedSearches();
    expect(list.map((s) => [s.name, s.position])).toEqual([
      ['高新区 今年', 0],
      ['甲', 1],
    ]);
    expect(list[0].filters).toEqual({ dateFrom: '2022-01-01', dateTo: '2022-12-31' });
  });

  it('refuses empty and taken names, bad queries and unknown ids in Chinese, changing nothing', async () => {
    const before = await a.listSavedSearches();
    await expect(a.saveSearch({ name: '   ', query: '淄博' })).rejects.toThrow('请给这个搜索起个名字');
    await expect(a.saveSearch({ name: '甲', query: '淄博' })).rejects.toThrow('已经有名为“甲”的保存的搜索');
    // Full-width letters are the same name as half-width ones.
    await a.saveSearch({ name: 'AB', query: '淄博' });
    await expect(a.saveSearch({ name: 'ＡＢ', query: '淄博' })).rejects.toThrow('已经有名为“AB”');
    await expect(a.saveSearch({ name: '引号', query: '"淄博' })).rejects.toThrow(/^检索式有误，未保存：/);
    await expect(a.renameSavedSearch({ id: before[0].id, name: '甲' })).rejects.toThrow('已经有名为“甲”');
    await expect(a.deleteSavedSearch({ id: 9999 })).rejects.toThrow('没有这个保存的搜索');
    await expect(a.reorderSavedSearches({ ids: [9999] })).rejects.toThrow('没有这个保存的搜索');
    await expect(a.openSavedSearch({ id: 9999 })).rejects.toThrow('没有这个保存的搜索');
    expect((await a.listSavedSearches()).filter((s) => s.name !== 'AB')).toEqual(before);
  });

  it('travel with a backup: restored into another folder, the list and counts are there', async () => {
    const before = newest(a);
    await importPage(a, 'dzrb_20220208_02.txt');
    await a.saveSearch({ name: '投资', query: '投资' }); // saved after the import: nothing new yet
    expect((await byName(a, '投资')).newCount).toBe(0);
    expect((await byName(a, '甲')).newCount).toBe(await matchesAfter(a, '淄博', before));
    const file = path.join(tempDir(), 'backup.sqlite');
    a.backupTo(file);
    const list = await a.listSavedSearches();
    const other = tempDir();
    restoreFrom(other, file);
    const b = await openArchive(other);
    try {
      expect(await b.listSavedSearches()).toEqual(list);
    } finally {
      await b.close();
    }
  });

  it('a read-only archive lists and opens them without clearing the badge, and refuses changes', async () => {
    // Something new for 甲 (淄博): the sample page is in the archive; a new page naming 淄博 is imported.
    const src = fs.readFileSync(path.join(PAGES, 'dzrb_20220620_04.txt'), 'utf8');
    const page = path.join(tempDir(), '大众日报_2022-06-21_第4版.txt');
    fs.writeFileSync(page, src.replace('坚持创新驱动', '淄博坚持创新驱动'));
    await a.importSources(expandPaths([page]).sources, {});
    const badge = (await byName(a, '甲')).newCount;
    expect(badge).toBeGreaterThan(0);
    await a.close();
    const ro = await (await import('../../src/core/service')).Archive.open({ dir, writable: false, autoBackup: false });
    try {
      const s = await ro.openSavedSearch({ id: (await byName(ro, '甲')).id });
      expect(s).toMatchObject({ name: '甲', newCount: badge, newBeforeOpening: badge });
      expect((await byName(ro, '甲')).newCount).toBe(badge);
      await expect(ro.saveSearch({ name: '只读', query: 'x' })).rejects.toThrow('只读');
      await expect(ro.deleteSavedSearch({ id: s.id })).rejects.toThrow('只读');
    } finally {
      await ro.close();
      a = await openArchive(dir);
    }
  });
});
