/**
 * Index keeping (services/index-keeper.ts) seen from outside the core: the index holds exactly the
 * store's articles, a change made behind its back is found, and a rebuild mends it; what looks at
 * the SQLite file from outside reads it on a connection of its own that cannot write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { withConnection } from '../../src/core/store/db';
import { idOf, openArchive, sampleArchive, tempDir } from './helpers';
import { runSql, storedRow } from '../support/sqlite';

let open: Archive[] = [];
afterEach(async () => {
  for (const a of open) await a.close();
  open = [];
});

async function sample(): Promise<Archive> {
  const a = await sampleArchive();
  open.push(a);
  return a;
}

describe('the index kept in step with the store', () => {
  it('holds exactly the stored articles after an import, and each one once', async () => {
    const a = await sample();
    const stored = (storedRow(a, 'SELECT COUNT(*) AS n FROM articles WHERE part_of IS NULL') as { n: number }).n;
    expect(stored).toBeGreaterThan(3);
    const ids = a.indexedIds();
    expect(ids).toHaveLength(stored);
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    expect(a.indexMismatches()).toEqual([]);
  });

  it('finds a change committed behind its back, and a rebuild from the store mends it', async () => {
    const a = await sample();
    const id = await idOf(a, '数字看淄博');
    runSql(a, "UPDATE articles SET date = '1901-01-01' WHERE id = ?", [id]);
    expect(a.indexMismatches()).toEqual([`文章 ${id} 在索引里的标签或日期过时`]);
    expect((await a.search({ query: '淄博', filters: { dateFrom: '1901-01-01', dateTo: '1901-01-01' } })).total).toBe(0);
    await a.rebuildIndex();
    expect(a.indexMismatches()).toEqual([]);
    expect((await a.search({ query: '淄博', filters: { dateFrom: '1901-01-01', dateTo: '1901-01-01' } })).hits.map((h) => h.id)).toContain(id);
  });

  it('an empty archive has an empty index that matches it', async () => {
    const a = await openArchive(tempDir());
    open.push(a);
    expect(a.indexedIds()).toEqual([]);
    expect(a.indexMismatches()).toEqual([]);
  });
});

describe('the store seen from outside the archive', () => {
  it('is read on a connection of its own that refuses to write', async () => {
    const a = await sample();
    const count = () => withConnection(a.dir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM articles').get([]) as { n: number }).n);
    const before = count();
    expect(before).toBeGreaterThan(0);
    expect(() => withConnection(a.dir, (db) => db.prepare('DELETE FROM articles').run([]))).toThrow(/readonly|read-only|query_only/i);
    expect(count()).toBe(before);
    expect((await a.stats()).articles).toBeGreaterThan(0);
  });

  it('is not reachable through the archive itself (the compiler keeps its store and index private)', async () => {
    const a = await sample();
    // @ts-expect-error Archive's store is private: outside the core an archive is used through its methods.
    expect(a.db).toBeDefined(); // it exists at run time; only the compiler refuses it
    // @ts-expect-error Archive has no index of its own: IndexKeeper keeps it.
    expect(a.index).toBeUndefined();
  });
});
