/**
 * A story continued on another page: `（下转第2版）` on page 1, `（上接第1版）` on page 2 (fixture
 * pages of our own). Once both pages are in the archive the parts are linked, whatever the order
 * they came in; search finds the whole story once, under its headline; the reader has both.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/core/ingest/sources';
import { REPO, idOf, openArchive } from './helpers';
import { storedRow } from '../support/sqlite';

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
