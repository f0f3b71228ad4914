/**
 * Near-duplicates on a real archive: an agency story on one page and a trimmed,
 * retitled copy of it on another page of the next day are grouped at import;
 * another story on the same subject is not. Search shows one line per group
 * (`去重`, on by default) and both when asked; exports keep both unless asked;
 * re-importing a page without the copy, or with it again, keeps groups right,
 * and groups survive reopening the archive. Pages of our own (the text is ours).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { fromUpload } from '../../src/core/ingest/sources';
import { bandBuckets, nearDuplicates, type Signed } from '../../src/core/text/near-dup';
import type { Archive } from '../../src/core/service';
import { BUCKET_WINDOW } from '../../src/core/store/near-dups';
import { idOf, openArchive, tempDir, SAMPLE_DIR, SAMPLE_FILE } from './helpers';
import { DAY1, DAY2, DAY2_WITHOUT_COPY } from './near-dup-pages';
import { storedRow, storedRows } from '../support/sqlite';

async function importPage(a: Archive, name: string, text: string): Promise<void> {
  const [r] = await a.importSources([fromUpload({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') })], { paper: '测试日报' });
  expect(r.status, r.error).not.toBe('rejected');
}

describe('near-duplicates', () => {
  it('groups a trimmed, retitled copy with its story, not another story on the same subject', async () => {
    const dir = tempDir();
    let a = await openArchive(dir);
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    const story = await idOf(a, '我国成功发射风云三号G星');
    const copy = await idOf(a, '首颗降水测量卫星升空');
    const other = await idOf(a, '气象部门全力做好汛期服务');

    const group = await a.getNearDuplicates({ id: copy });
    expect(group.map((g) => g.article.id)).toEqual([story, copy]); // earliest first
    expect(group.find((g) => g.article.id === story)!.similarity).toBeGreaterThanOrEqual(0.9);
    expect((await a.getNearDuplicates({ id: other })).map((g) => g.article.id)).toEqual([other]);

    // 去重 on by default: one line for the story and its copy, saying there is one more.
    const deduped = await a.search({ query: '风云 卫星' });
    const grouped = deduped.hits.filter((h) => h.id === story || h.id === copy);
    expect(grouped).toHaveLength(1);
    expect(grouped[0].nearDuplicates).toBe(1);
    expect(deduped.hits.find((h) => h.id === other)?.nearDuplicates).toBeUndefined();
    expect(deduped.total).toBe(2);
    // Off: both copies, each saying there is one more.
    const all = await a.search({ query: '风云 卫星', dedupe: false });
    expect(all.total).toBe(3);
    expect(all.hits.filter((h) => h.nearDuplicates === 1).map((h) => h.id).sort()).toEqual([story, copy].sort());

    // Exports keep every copy unless asked.
    expect(a.exportArticles({ query: '风云 卫星' }).map((x) => x.id).sort()).toEqual([story, copy, other].sort());
    expect(a.exportArticles({ query: '风云 卫星', dedupe: true })).toHaveLength(2);

    // Groups live in the archive: the same after reopening.
    await a.close();
    a = await openArchive(dir);
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story, copy]);
    await a.close();
  });

  it('keeps groups right when a page is re-imported without the copy, and with it again', async () => {
    const a = await openArchive();
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    const story = await idOf(a, '我国成功发射风云三号G星');
    expect(await a.getNearDuplicates({ id: story })).toHaveLength(2);

    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2_WITHOUT_COPY);
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story]);
    expect((await a.search({ query: '风云三号G星' })).hits.map((h) => [h.id, h.nearDuplicates])).toEqual([[story, undefined]]);
    expect(storedRow(a, 'SELECT COUNT(*) AS n FROM near_dup WHERE article_id NOT IN (SELECT id FROM articles)')).toMatchObject({ n: 0 });

    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    const copy = await idOf(a, '首颗降水测量卫星升空');
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story, copy]);
    expect((await a.search({ query: '风云三号G星' })).hits).toHaveLength(1);
    await a.close();
  });

  it('groups the same way whichever page comes first', async () => {
    const a = await openArchive();
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    const story = await idOf(a, '我国成功发射风云三号G星');
    const copy = await idOf(a, '首颗降水测量卫星升空');
    // Earliest (by date) first, whatever the import order.
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story, copy]);
    await a.close();
  });

  it.each([
    ['buckets in the small table', undefined],
    ['buckets merged into the large table every few pages', 100],
  ])('groups as the definition says after many copies, a replaced page and a removed copy (incremental join and windowed buckets = all pairs): %s', async (_, mergeFloor) => {
    const a = await openArchive();
    if (mergeFloor) a.nearDups.mergeFloor = mergeFloor;
    const sample = fs.readFileSync(path.join(SAMPLE_DIR, SAMPLE_FILE), 'utf8');
    // The same page uploaded on 80 days, each with a line of its own: every story a group of 80,
    // more than a bucket's window (BUCKET_WINDOW), so the window is what joins them.
    expect(BUCKET_WINDOW).toBeLessThan(80);
    for (let n = 0; n < 80; n++) {
      const day = new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      await importPage(a, `测试日报_${day}_第1版.txt`, `${sample}\n\n本报讯 第 ${n} 号稿件。\n`);
    }
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2_WITHOUT_COPY); // replaced: the copy leaves
    await importPage(a, '测试日报_2030-01-05_第1版.txt', DAY2); // a page of copies replaced by another page

    // The definition: components of the graph of pairs that share an LSH bucket and are judged near-duplicates.
    const rows = (storedRows(a, 'SELECT article_id AS id, shingles, sig FROM near_dup ORDER BY article_id') as { id: number; shingles: number; sig: ArrayBuffer | null }[])
      .filter((r) => r.sig)
      .map((r) => ({ id: r.id, shingles: r.shingles, sig: new Uint8Array(r.sig!) }));
    const parent = new Map(rows.map((r) => [r.id, r.id]));
    const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
    const buckets = rows.map((r) => new Set(bandBuckets(r.sig)));
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        if (![...buckets[i]].some((b) => buckets[j].has(b)) || !nearDuplicates(rows[i] as Signed, rows[j] as Signed)) continue;
        const [x, y] = [find(rows[i].id), find(rows[j].id)];
        if (x !== y) parent.set(Math.max(x, y), Math.min(x, y));
      }
    const expected = new Map<number, number[]>();
    for (const r of rows) expected.set(find(r.id), [...(expected.get(find(r.id)) ?? []), r.id]);
    const big = [...expected.values()].filter((g) => g.length > 1);
    expect(big.filter((g) => g.length >= 79).length).toBeGreaterThanOrEqual(3); // the sample's stories, 79–80 copies each

    // Held in memory and in SQLite the same way.
    for (const g of big) for (const id of g) expect(a.nearDups.group(id).sort((x, y) => x - y)).toEqual(g);
    const stored = storedRows(a, 'SELECT article_id AS id, group_id AS g FROM near_dup') as { id: number; g: number }[];
    for (const r of stored) expect(r.g).toBe(rows.some((x) => x.id === r.id) ? find(r.id) : r.id);

    // The bucket rows are exactly the signed articles' buckets, each in one of the two tables.
    const bucketRows = (table: string) => storedRows(a, `SELECT bucket, article_id AS id FROM ${table}`).map((r) => `${(r as { bucket: number }).bucket}:${(r as { id: number }).id}`);
    const [large, small] = [bucketRows('near_dup_bands'), bucketRows('near_dup_bands_new')];
    expect([...large, ...small].sort()).toEqual(rows.flatMap((r) => bandBuckets(r.sig).map((b) => `${b}:${r.id}`)).sort());
    if (mergeFloor) {
      expect(large.length).toBeGreaterThan(small.length); // merged
    } else expect(large).toEqual([]);
    await a.close();
  });

  it('keeps the groups and finds new copies in an archive made with 32 bands in one bucket table (migration 10)', async () => {
    const dir = tempDir();
    let a = await openArchive(dir);
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2); // the story and its copy: a group to keep
    await a.close();
    // The archive as schema 9 left it: every article's 32 buckets in near_dup_bands, no small table.
    const raw = new Database(path.join(dir, 'archive.sqlite'));
    const signedRows = (raw.prepare('SELECT article_id AS id, sig, group_id AS g FROM near_dup WHERE sig IS NOT NULL').all([]) as { id: number; sig: ArrayBuffer; g: number }[]).map(
      (r) => ({ id: r.id, sig: new Uint8Array(r.sig), g: r.g }),
    );
    raw.exec('DELETE FROM near_dup_bands; DROP TABLE near_dup_bands_new; PRAGMA user_version = 9;');
    const ins = raw.prepare('INSERT INTO near_dup_bands (bucket, article_id) VALUES (?,?)');
    for (const r of signedRows) for (const b of bandBuckets(r.sig, 32, 3)) ins.run([b, r.id]);
    raw.close();
    const groupsBefore = signedRows.filter((r) => r.g !== r.id).length;
    expect(groupsBefore).toBeGreaterThan(0);

    a = await openArchive(dir);
    // Only the first 16 bands' buckets are left, in the large table; signatures and groups as they were.
    const left = storedRows(a, 'SELECT bucket, article_id AS id FROM near_dup_bands').map((r) => `${(r as { bucket: number }).bucket}:${(r as { id: number }).id}`);
    expect(left.sort()).toEqual(signedRows.flatMap((r) => bandBuckets(r.sig).map((b) => `${b}:${r.id}`)).sort());
    expect(storedRows(a, 'SELECT article_id AS id, sig, group_id AS g FROM near_dup WHERE sig IS NOT NULL')).toHaveLength(signedRows.length);
    for (const r of signedRows) expect(a.nearDups.groupIdOf(r.id) || r.id).toBe(r.g);
    // A new copy is found through the migrated buckets and joins the group.
    await importPage(a, '测试日报_2030-01-01_第1版.txt', DAY1.replace('我国成功发射风云三号G星', '风云三号G星发射成功'));
    const [story, copy, again] = [await idOf(a, '我国成功发射风云三号G星'), await idOf(a, '首颗降水测量卫星升空'), await idOf(a, '风云三号G星发射成功')];
    expect((await a.getNearDuplicates({ id: again })).map((g) => g.article.id)).toEqual([story, copy, again]);
    expect(storedRow(a, 'SELECT COUNT(*) AS n FROM near_dup_bands WHERE article_id = ?', [again])).toMatchObject({ n: 0 }); // its buckets: the small table
    await a.close();
  });
});
