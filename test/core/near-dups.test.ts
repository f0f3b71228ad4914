/**
 * Near-duplicates on a real archive: an agency story on one page and a trimmed,
 * retitled copy of it on another page of the next day are grouped at import;
 * another story on the same subject is not. Search shows one line per group
 * (`去重`, on by default) and both when asked; exports keep both unless asked;
 * re-importing a page without the copy, or with it again, keeps groups right,
 * and groups survive reopening the archive. Pages of our own (the text is ours).
 */
import { describe, expect, it } from 'vitest';
import { fromUpload } from '../../src/core/import-files';
import type { Archive } from '../../src/core/service';
import { idOf, openArchive, tempDir } from './helpers';
import { DAY1, DAY2, DAY2_WITHOUT_COPY } from './near-dup-pages';

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
    expect(a.db.prepare('SELECT COUNT(*) AS n FROM near_dup WHERE article_id NOT IN (SELECT id FROM articles)').get([])).toMatchObject({ n: 0 });

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
});
