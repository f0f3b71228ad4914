/**
 * An article's date is its issue's date (file name, import fields, page
 * header or footer), not its dateline's; the dateline's date is used only
 * when the issue's is unknown, and then marked inferred. An archive written
 * with dateline dates is migrated and its search index rebuilt.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { gbt7714 } from '../../src/core/export';
import { expandPaths } from '../../src/core/ingest/sources';
import { Archive } from '../../src/core/service';
import { INFERRED_DATE_WARNING, NO_YEAR_WARNING, articleDate, yearOnPage } from '../../src/core/store/dates';
import type { Dateline } from '../../src/shared/types';
import { openArchive, tempDir, REPO } from './helpers';
import { storedRows, writeStore } from '../support/sqlite';

const PAGES_DEV = path.resolve(REPO, '..', 'shared', 'pages-dev');
const DATES = path.join(REPO, 'test', 'fixtures', 'dates');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'pages');

interface Row {
  id: number;
  date: string | null;
  date_inferred: number;
  issue: string | null;
  dateline: string | null;
  file: string;
  title: string;
}
const ROWS = `SELECT a.id, a.date, a.date_inferred, p.date AS issue, a.dateline, p.file, a.title
  FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.id`;

/** The date the code before schema 2 gave: the dateline's month/day in the issue's year (the year before for a December dateline in January). */
function datelineDate(issue: string | null, dateline: string | null): string | null {
  if (!issue) return null;
  const d = dateline ? (JSON.parse(dateline) as Dateline) : undefined;
  if (!d?.month || !d.day) return issue;
  const [y, em] = issue.split('-').map(Number);
  const year = d.month > em + 1 ? y - 1 : y;
  return `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** `19980102-03.txt` → `1998-01-02`. */
const issueOf = (file: string) => file.replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3');

describe.skipIf(!fs.existsSync(PAGES_DEV))('importing the real pages of pages-dev', () => {
  it('dates every article with its issue date, the dateline date kept in the dateline', { timeout: 300_000 }, async () => {
    const a = await openArchive();
    const files = fs.readdirSync(PAGES_DEV).filter((f) => /^\d{8}-\d{2}\.txt$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(50);
    const reports = await a.importSources(expandPaths(files.map((f) => path.join(PAGES_DEV, f))).sources, {});
    expect(reports.every((r) => r.status === 'imported')).toBe(true);
    const rows = storedRows(a, ROWS) as Row[];
    expect(rows.length).toBeGreaterThan(500);
    const wrong = rows.filter((r) => r.date !== issueOf(r.file));
    expect(wrong.map((r) => `${r.file} ${r.title} ${r.date}`)).toEqual([]);
    expect(rows.filter((r) => r.date_inferred)).toEqual([]);
    // The test bites: many of these articles carry a dateline of another day, and keep it.
    const otherDay = rows.filter((r) => datelineDate(r.issue, r.dateline) !== r.issue);
    expect(otherDay.length).toBeGreaterThan(100);
    // 中国常驻联合国代表秦华孙… (filed 31 December, printed 2 January).
    const qin = rows.find((r) => r.file === '19980102-03.txt' && r.dateline && /12/.test(String((JSON.parse(r.dateline) as Dateline).month)));
    expect(qin).toBeDefined();
    expect(qin!.date).toBe('1998-01-02');
    const detail = (await a.getArticle({ id: qin!.id }))!;
    expect(detail.date).toBe('1998-01-02');
    expect(detail.dateline?.month).toBe(12);
    expect(detail.dateInferred).toBeUndefined();
    // Date filter and facets read the issue date.
    const res = await a.search({ query: '1998-01-02', limit: 1000 });
    expect(res.total).toBe(rows.filter((r) => r.file.startsWith('19980102')).length);
    expect(res.hits.every((h) => h.date === '1998-01-02')).toBe(true);
    const all = await a.search({ query: '', limit: 1 });
    expect(all.facets.year).toEqual([['1998', rows.length]]);
    await a.close();
  });
});

describe('articleDate', () => {
  const dl = (month: number, day: number) => ({ place: '北京', month, day, agency: '新华社', raw: `新华社北京${month}月${day}日电` });
  it('is the issue date whenever there is one, whatever the dateline says', () => {
    expect(articleDate('1998-01-02', dl(12, 31))).toEqual({ date: '1998-01-02', inferred: false });
    expect(articleDate('1998-01-02', undefined)).toEqual({ date: '1998-01-02', inferred: false });
  });
  it('reads the year of the dateline day from a full date on the page, in any digits', () => {
    expect(yearOnPage('（一九九七年十二月三十一日）', 12, 31)).toBe(1997);
    expect(yearOnPage('１９９８年１月２日　星期五', 1, 2)).toBe(1998);
    expect(yearOnPage('1997年12月31日', 1, 2)).toBeUndefined();
    expect(articleDate(undefined, dl(12, 31), '本报一九九七年十二月三十一日讯')).toMatchObject({ date: '1997-12-31', inferred: true, warning: INFERRED_DATE_WARNING });
    expect(articleDate(undefined, dl(12, 31), '没有年份')).toEqual({ inferred: false, warning: NO_YEAR_WARNING });
    expect(articleDate(undefined, undefined, '1997年12月31日')).toEqual({ inferred: false });
  });
});

describe('an article without a known issue date', () => {
  it('takes the issue date from a page footer 《 人民日报 》（ 2021年01月05日 01 版）', async () => {
    const a = await openArchive();
    const [r] = await a.importSources(expandPaths([path.join(DATES, 'page-footer.txt')]).sources, {});
    expect(r).toMatchObject({ status: 'imported', paper: '人民日报', date: '2021-01-05', page: 1 });
    const rows = storedRows(a, ROWS) as Row[];
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row).toMatchObject({ date: '2021-01-05', date_inferred: 0 });
    const wire = (await a.getArticle({ id: rows[1].id }))!;
    expect(wire.dateline).toMatchObject({ month: 1, day: 4 });
    expect(wire.warnings).not.toContain(INFERRED_DATE_WARNING);
    await a.close();
  });

  it('gets the dateline date, marked inferred with a warning; no date when the page gives no year', async () => {
    const a = await openArchive();
    const [r] = await a.importSources(expandPaths([path.join(DATES, 'no-issue-date.txt')]).sources, {});
    expect(r.status).toBe('imported');
    expect(r.date).toBeUndefined();
    expect(r.warnings).toContain('未能确定出版日期');
    const rows = storedRows(a, ROWS) as Row[];
    expect(rows.length).toBe(2);
    const first = (await a.getArticle({ id: rows[0].id }))!;
    expect(first.date).toBe('1997-12-30'); // the year from 一九九七年十二月三十日 on the page
    expect(first.dateInferred).toBe(true);
    expect(first.warnings).toContain(INFERRED_DATE_WARNING);
    // A date read from the dateline is an estimate: in brackets (GB/T 7714-2015 8.6.3).
    expect(gbt7714(first)).toMatch(/冬季运动会在哈尔滨开幕\[N\]\. .*, \[1997-12-30\](\(\d+\))?\.$/);
    const second = (await a.getArticle({ id: rows[1].id }))!;
    expect(second.date).toBeUndefined();
    expect(second.dateInferred).toBeUndefined();
    expect(second.warnings).toContain(NO_YEAR_WARNING);
    const hit = (await a.search({ query: '冬季运动会' })).hits[0];
    expect(hit).toMatchObject({ id: first.id, date: '1997-12-30', dateInferred: true });
    // The same page imported with the issue date given: the issue date, nothing inferred.
    const b = await openArchive();
    await b.importSources(expandPaths([path.join(DATES, 'no-issue-date.txt')]).sources, { date: '1998-01-01' });
    for (const row of storedRows(b, ROWS) as Row[]) expect(row).toMatchObject({ date: '1998-01-01', date_inferred: 0 });
    const art = (await b.getArticle({ id: 1 }))!;
    expect(art.warnings).not.toContain(INFERRED_DATE_WARNING);
    await a.close();
    await b.close();
  });
});

describe('an archive of schema 1 with dateline dates', () => {
  it('is migrated: dates re-derived from the pages and datelines, the search index rebuilt', async () => {
    const dir = tempDir();
    const files = [
      path.join(FIXTURES, 'rmrb_19980105_04.txt'),
      path.join(FIXTURES, 'rmrb_19980108_09.txt'),
      path.join(FIXTURES, 'rmrb_19980110_03.txt'),
      path.join(DATES, 'no-issue-date.txt'),
    ];
    {
      // Build it with today's code, then write what schema 1 stored: dateline dates, no flag.
      const a = await openArchive(dir);
      await a.importSources(expandPaths(files).sources, {});
      const rows = storedRows(a, ROWS) as Row[];
      writeStore(a, (db) => {
        const set = db.prepare("UPDATE articles SET date = ?, warnings = '[]' WHERE id = ?");
        for (const r of rows) set.run([datelineDate(r.issue, r.dateline), r.id]);
      });
      // The index as the old code saved it: built from those dates.
      await a.rebuildIndex();
      await a.close();
      const raw = new Database(path.join(dir, 'archive.sqlite'));
      // (Schema 1 had none of the later columns either: parser version, continuations, inferred
      // dates; nor saved searches, near-duplicate groups, corrections or the op log.)
      raw.exec(`
        DROP TABLE ops;
        DROP TABLE tag_dots;
        DROP TABLE sync_conflicts;
        DROP TABLE saved_searches;
        DROP TABLE near_dup;
        DROP TABLE near_dup_bands;
        DROP TABLE near_dup_bands_new;
        DROP INDEX articles_corrected;
        DROP TABLE corrections;
        ALTER TABLE articles DROP COLUMN original;
        ALTER TABLE articles DROP COLUMN replaced_text;
        ALTER TABLE articles DROP COLUMN page_fix;
        DROP INDEX articles_part_of;
        ALTER TABLE articles DROP COLUMN date_inferred;
        ALTER TABLE articles DROP COLUMN part_of;
        ALTER TABLE articles DROP COLUMN continued_to;
        ALTER TABLE articles DROP COLUMN continued_from;
        ALTER TABLE pages DROP COLUMN parser_version;
        PRAGMA user_version = 1;
      `);
      raw.close();
    }
    const before = (() => {
      const raw = new Database(path.join(dir, 'archive.sqlite'));
      const rows = raw.prepare('SELECT a.date, p.date AS issue FROM articles a JOIN pages p ON p.id = a.page_id').all([]) as Row[];
      raw.close();
      return rows;
    })();
    const stale = before.filter((r) => r.issue && r.date !== r.issue).length;
    expect(stale).toBeGreaterThan(0);

    const a = await Archive.open({ dir, autoBackup: false });
    expect(a.openNotices.some((n) => /升级/.test(n))).toBe(true);
    expect(a.openNotices.some((n) => /重建检索索引/.test(n))).toBe(true);
    const rows = storedRows(a, ROWS) as Row[];
    for (const r of rows.filter((x) => x.issue)) expect(r, r.title).toMatchObject({ date: r.issue, date_inferred: 0 });
    const undated = rows.filter((x) => !x.issue);
    expect(undated.length).toBe(2);
    expect(undated[0]).toMatchObject({ date: '1997-12-30', date_inferred: 1 });
    expect((await a.getArticle({ id: undated[0].id }))!.warnings).toContain(INFERRED_DATE_WARNING);
    // Search by date finds each article under its issue date.
    for (const day of ['1998-01-05', '1998-01-08', '1998-01-10']) {
      const want = rows.filter((r) => r.issue === day).map((r) => r.id).sort((x, y) => x - y);
      const res = await a.search({ query: day, limit: 1000 });
      expect(res.hits.map((h) => h.id).sort((x, y) => x - y), day).toEqual(want);
    }
    const res = await a.search({ query: '1997-12-30' });
    expect(res.hits.map((h) => h.id)).toEqual([undated[0].id]);
    await a.close();
    // A second open loads the saved index as it is.
    const again = await Archive.open({ dir, autoBackup: false });
    // Opened again: no upgrade and no rebuild (only the standing reminder that an older parser read these pages).
    expect(again.openNotices.filter((n) => !/旧版解析器/.test(n))).toEqual([]);
    await again.close();
  });
});
