/**
 * A story continued on another page: `（下转第2版）` on page 1, `（上接第1版）` on page 2 (fixture
 * pages of our own). Once both pages are in the archive the parts are linked, whatever the order
 * they came in; search finds the whole story once, under its headline; the reader has both.
 */
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/core/ingest/sources';
import { REPO, idOf, openArchive, tempDir } from './helpers';
import { DB_FILE } from '../../src/core/store/db';
import { loadIndex, readFingerprint, saveIndex } from '../../src/core/search/persist';
import { ISSUE_PARTS_SQL } from '../../src/core/store/continuations';
import { readStore, storedRow } from '../support/sqlite';

const DIR = path.join(REPO, 'test', 'fixtures', 'pages');
const P1 = path.join(DIR, '2022-03-01_第1版.txt');
const P2 = path.join(DIR, '2022-03-01_第2版.txt');
const opts = { paper: '大众日报' };

describe('continued articles', () => {
  for (const order of [[P1, P2], [P2, P1]]) {
    it(`are linked and searched as one when the pages come in as ${order.map((p) => path.basename(p)).join(', ')}`, async () => {
      const a = await openArchive();
      await a.importSources(expandPaths([order[0]]).sources, opts);
      // Words only the second part holds find it on its own while its first part is missing.
      const before = (await a.search({ query: '宁津县 播种机' })).hits;
      await a.importSources(expandPaths([order[1]]).sources, opts);

      const first = await idOf(a, '春耕备耕有序推进');
      const second = (storedRow(a, 'SELECT id FROM articles WHERE part_of = ?', [first]) as { id: number } | undefined)?.id;
      expect(second).toBeDefined();
      const stats = await a.stats();
      // Four articles on the two pages; the continued story counts once.
      expect(stats.articles).toBe(3);
      // The second part's words find the first part, once, with a snippet from the second part.
      const hits = (await a.search({ query: '宁津县 播种机' })).hits;
      expect(hits.map((h) => h.id)).toEqual([first]);
      expect(hits[0].title).toBe('春耕备耕有序推进');
      expect(hits[0].snippets.map((x) => x.text).join('')).toContain('宁津县');
      // A phrase only the second part holds is confirmed in it.
      expect((await a.search({ query: '"农机合作社的技术员"' })).hits.map((h) => h.id)).toEqual([first]);
      if (order[0] === P2) expect(before.map((h) => h.id)).toEqual([second]);
      // The reader has the whole text on the first part, and a way back on the second.
      const full = (await a.getArticle({ id: first }))!;
      expect(full.continuation?.page).toBe(2);
      expect(full.continuation?.paragraphs.map((p) => p.text).join('')).toContain('检修率达到85%以上');
      const part = (await a.getArticle({ id: second! }))!;
      expect(part.partOf).toEqual({ id: first, title: '春耕备耕有序推进', page: 1 });
      await a.close();
    });
  }

  it('unlinks when the first part leaves the archive (its page re-imported without the continuation note)', async () => {
    const a = await openArchive();
    await a.importSources(expandPaths([P1, P2]).sources, opts);
    const first = await idOf(a, '春耕备耕有序推进');
    const second = (storedRow(a, 'SELECT id FROM articles WHERE part_of = ?', [first]) as { id: number }).id;
    const { fromUpload } = await import('../../src/core/ingest/sources');
    const text = (await import('node:fs')).readFileSync(P1, 'utf8').replace('(下转第2版)', '');
    await a.importSources([fromUpload({ name: '2022-03-01_第1版.txt', dataBase64: Buffer.from(text, 'utf8').toString('base64') })], opts);
    expect(storedRow(a, 'SELECT part_of FROM articles WHERE id = ?', [second])).toMatchObject({ part_of: null });
    expect((await a.search({ query: '宁津县 播种机' })).hits.map((h) => h.id)).toEqual([second]);
    await a.close();
  });
});

describe('linking continued articles at import', () => {
  // Every page import links its issue's continued parts. Without an index on the issue (date,
  // paper) SQLite scanned every article of the archive for it: at 150k articles an import spent
  // ~0.1 s a page there and a bulk load slowed from ~380 to ~16 pages a second as it grew.
  it('finds the issue’s pages by index, not by a scan of every article', async () => {
    const a = await openArchive();
    await a.importSources(expandPaths([P1, P2]).sources, opts);
    const plan = readStore(a, (db) => db.prepare(`EXPLAIN QUERY PLAN ${ISSUE_PARTS_SQL}`).all(['2022-03-01', 1]) as { detail: string }[]).map((r) => r.detail);
    expect(plan.some((d) => /^SEARCH p USING (COVERING )?INDEX pages_issue/.test(d)), plan.join('\n')).toBe(true);
    expect(plan.filter((d) => /^SCAN/.test(d)), plan.join('\n')).toEqual([]);
    await a.close();
  });

  it('an archive made before the index gets it at open and keeps its saved search index', async () => {
    const dir = tempDir();
    const a = await openArchive(dir);
    await a.importSources(expandPaths([P1, P2]).sources, opts);
    await a.close(); // the search index is saved
    // As the app before migration 9 left it: its index fingerprint says schema 8, its database has no pages_issue.
    const fp = readFingerprint(dir);
    const saved = loadIndex(dir, fp);
    if (!saved.index) throw new Error(saved.reason);
    saveIndex(dir, saved.index, { ...fp, schema: 8 });
    const db = new Database(path.join(dir, DB_FILE));
    db.exec('DROP INDEX pages_issue; PRAGMA user_version = 8');
    db.close();
    const b = await openArchive(dir);
    expect(b.openNotices.join('\n')).toMatch(/数据库已从版本 8 升级/);
    expect(b.openNotices.join('\n')).not.toMatch(/重建检索索引/);
    expect(storedRow(b, "SELECT name FROM sqlite_master WHERE name = 'pages_issue'")).toBeDefined();
    expect((await b.search({ query: '宁津县 播种机' })).total).toBe(1);
    await b.close();
  });
});
