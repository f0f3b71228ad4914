/**
 * An article id, once given, is never given again (store/article-ids.ts): tags, corrections,
 * history and the operation log name articles by id, so a reused id would hand one article's
 * tags to another. The case that reused one: the article with the highest id merged away, another
 * split (the split-off part took the freed id), the merge undone. Real archive, sample page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { sampleArchive } from './helpers';

let a: Archive;
beforeAll(async () => {
  a = await sampleArchive();
});
afterAll(() => a.close());

it('never reuses the id of an article merged away, so an undo restores it without taking another’s tags', async () => {
  const ids = (await a.search({ query: '', limit: 100, dedupe: false })).hits.map((h) => h.id).sort((x, y) => x - y);
  const highest = ids[ids.length - 1];
  const merge = await a.mergeArticles({ id: highest, with: 'prev' });
  const other = ids.find((id) => id !== highest && id !== merge.article!.id && (merge.article?.id ?? 0) !== id)!;
  const detail = await a.getArticle({ id: other });
  expect(detail!.paragraphs.length).toBeGreaterThan(1);
  const split = await a.splitArticle({ id: other, at: 1 });
  expect(split.newId).toBeGreaterThan(highest);
  await a.changeTags({ ids: [split.newId!], add: [{ kind: 'topic', name: '拆出的部分' }] });
  await a.undoCorrection({ correctionId: merge.correctionIds[0] });
  const restored = await a.getArticle({ id: highest });
  expect(restored).not.toBeNull();
  expect(restored!.tags.map((t) => t.name)).not.toContain('拆出的部分');
  expect((await a.getArticle({ id: split.newId! }))!.tags.map((t) => t.name)).toContain('拆出的部分');
});
