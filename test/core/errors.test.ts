/**
 * What a caller learns when a request cannot be carried out: the store throws the kind of error
 * (`NotFound`, `BadInput`), and the one mapping at the carriers (`node/dispatch.ts`, used by the
 * HTTP host, the worker and main's IPC) turns it into a code and the message as written, never
 * `内部错误`. Through a real archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/node/dispatch';
import type { Archive } from '../../src/core/service';
import { sampleArchive } from './helpers';

let a: Archive;
beforeAll(async () => {
  a = await sampleArchive();
});
afterAll(() => a.close());

describe('errors reach the caller by kind', () => {
  it('saving into a clipping set deleted elsewhere is not found, not an internal error', async () => {
    const set = await a.saveClippingSet({ name: '待删除', articleIds: [] });
    expect(await dispatch(a, 'deleteClippingSet', { id: set.id! })).toEqual({ value: null });
    expect(await dispatch(a, 'saveClippingSet', { ...set, articleIds: [1] })).toEqual({ error: '没有这个剪报集（可能已被删除）', code: 'not-found' });
  });

  it('renaming, merging or deleting a tag that is not there is not found; an empty new name is bad input', async () => {
    for (const [m, arg] of [
      ['renameTag', { kind: 'topic', from: '从未有过的标签', to: '新名' }],
      ['mergeTags', { kind: 'topic', from: '从未有过的标签', into: '另一个' }],
      ['deleteTag', { kind: 'topic', name: '从未有过的标签' }],
    ] as const) {
      expect(await dispatch(a, m, arg)).toEqual({ error: '没有这个标签：从未有过的标签', code: 'not-found' });
    }
    await a.changeTags({ ids: [(await a.search({ query: '', limit: 1 })).hits[0].id], add: [{ kind: 'topic', name: '改名测试' }] });
    expect(await dispatch(a, 'renameTag', { kind: 'topic', from: '改名测试', to: '   ' })).toEqual({ error: '新名称不能为空', code: 'bad-request' });
  });

  it('a correction of an article that is gone is not found; a field that cannot be corrected is bad input', async () => {
    expect(await dispatch(a, 'correctArticle', { id: 987654, title: '新标题' })).toMatchObject({ code: 'not-found', error: '没有这篇文章' });
    const id = (await a.search({ query: '', limit: 1 })).hits[0].id;
    expect(await dispatch(a, 'correctArticle', { id, title: '  ' })).toMatchObject({ code: 'bad-request', error: '标题不能为空' });
  });
});

describe('what a carrier passes besides the argument', () => {
  it('its call context reaches the search only: 重新解析 through a carrier reads the pages again (it took the context for its progress callback)', async () => {
    const call = { cancelled: new Int32Array(new SharedArrayBuffer(4)) };
    const { articles } = await a.stats();
    const out = await dispatch(a, 'reparse', { all: true }, call);
    // The sample's page, read again by the parser that read it: nothing changes.
    expect(out).toMatchObject({ value: { pages: 1, unchanged: articles, rewritten: 0, added: 0, removed: 0 } });
    expect(await dispatch(a, 'search', { query: '淄博', limit: 1 }, call)).toMatchObject({ value: { hits: [expect.anything()] } });
  });
});
