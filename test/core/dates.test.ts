/**
 * An article's date is its issue's date; the dateline's day stays in the dateline. Archives whose
 * articles carry the dateline's day (before schema 4) are mended when opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/core/import-files';
import { Archive } from '../../src/core/service';
import { parsePage } from '../../src/core/ingest';
import { PAGES_DEV_DIR } from '../../scripts/eval-pages-dev';
import { idOf, openArchive, sampleArchive, tempDir } from './helpers';

describe('article dates', () => {
  it('are the issue date even where the dateline names the day before', async () => {
    const a = await sampleArchive();
    const hope = await idOf(a, '希望小屋');
    const art = (await a.getArticle({ id: hope }))!;
    expect(art.dateline).toMatchObject({ month: 1, day: 27 });
    expect(art.date).toBe('2022-01-28');
    expect((await a.search({ query: '希望小屋 2022-01-28' })).hits.map((h) => h.id)).toEqual([hope]);
    expect((await a.search({ query: '希望小屋 2022-01-27' })).hits).toEqual([]);
    await a.close();
  });

  it('are re-derived from the issue when an older archive is opened (migration 4), and the index follows', async () => {
    const dir = tempDir();
    let a = await sampleArchive(dir);
    const hope = await idOf(a, '希望小屋');
    // As the parser before schema 4 stored it: the dateline's day.
    a.db.prepare("UPDATE articles SET date = '2022-01-27' WHERE id = ?").run([hope]);
    await a.rebuildIndex();
    expect((await a.search({ query: '希望小屋 2022-01-27' })).hits.map((h) => h.id)).toEqual([hope]);
    a.db.prepare('PRAGMA user_version = 3').run([]);
    await a.close();

    a = await Archive.open({ dir, autoBackup: false });
    expect(a.openNotices.join('\n')).toMatch(/数据库已从版本 3 升级/);
    expect((await a.getArticle({ id: hope }))!.date).toBe('2022-01-28');
    expect((await a.search({ query: '希望小屋 2022-01-28' })).hits.map((h) => h.id)).toEqual([hope]);
    expect((await a.search({ query: '希望小屋 2022-01-27' })).hits).toEqual([]);
    await a.close();
  });

  it('are left empty, with a warning, when the issue date is unknown', () => {
    const page = parsePage('春运首日客流平稳\n\n本报北京1月16日电 今天是春运第一天，全国铁路发送旅客八百多万人次，秩序良好。', { file: 'untitled.txt' });
    expect(page.date).toBeUndefined();
    expect(page.articles[0].warnings.join()).toMatch(/未能确定出版日期.*电头日期为 1 月 16 日/);
  });

  it.skipIf(!fs.existsSync(PAGES_DEV_DIR))('on the real 1998 pages, every article is dated by its issue (file name)', async () => {
    const a = await openArchive();
    const files = fs.readdirSync(PAGES_DEV_DIR).filter((f) => /^1998010[12]-0\d\.txt$/.test(f)).map((f) => path.join(PAGES_DEV_DIR, f));
    await a.importSources(expandPaths(files).sources, { paper: '人民日报' });
    const rows = a.db.prepare('SELECT a.date AS d, p.date AS issue, a.dateline FROM articles a JOIN pages p ON p.id = a.page_id').all([]) as { d: string; issue: string; dateline: string | null }[];
    expect(rows.length).toBeGreaterThan(50);
    // Many datelines name another day (the news of December 31 in the issue of January 1)…
    expect(rows.filter((r) => r.dateline && JSON.parse(r.dateline).day && `${JSON.parse(r.dateline).day}` !== r.issue.slice(8).replace(/^0/, '')).length).toBeGreaterThan(10);
    // …and yet every article carries its issue's date.
    expect(rows.filter((r) => r.d !== r.issue)).toEqual([]);
    await a.close();
  });
});
