import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { sampleArchive, idOf, SAMPLE_EXPECTED, SAMPLE_DIR, SAMPLE_FILE, REPO } from './helpers';

const PAGES_DEV = path.resolve(REPO, '..', 'shared', 'pages-dev');

describe('tags from bylines and editors', () => {
  let a: Archive;
  beforeAll(async () => {
    a = await sampleArchive();
  });
  afterAll(async () => a.close());

  it('fills reporters (with roles) and the department from each byline', async () => {
    for (const exp of SAMPLE_EXPECTED.articles.filter((x) => x.reporters.length)) {
      const art = (await a.getArticle({ id: await idOf(a, exp.titleLines[0].split(' ')[0]) }))!;
      const role = (r: string) => art.tags.filter((t) => t.kind === 'reporter' && t.role === r).map((t) => t.name);
      expect(role('记者')).toEqual(exp.reporters);
      expect(role('通讯员')).toEqual(exp.correspondents);
      expect(art.tags.filter((t) => t.kind === 'department').map((t) => t.name)).toEqual([exp.department]);
      expect(art.tags.every((t) => t.source === 'auto')).toBe(true);
    }
    const org = await a.listTags({ kind: 'department' });
    expect(org.map((t) => t.name)).not.toContain('大众日报');
  });

  it('shows a tag edit in search results and facets without a rebuild', async () => {
    const hope = await idOf(a, '希望小屋');
    expect((await a.search({ query: '主题:困境儿童' })).total).toBe(0);
    await a.changeTags({ ids: [hope], add: [{ kind: 'topic', name: '困境儿童' }] });
    const res = await a.search({ query: '主题:困境儿童' });
    expect(res.hits.map((h) => h.id)).toEqual([hope]);
    expect(res.hits[0].topics).toEqual(['困境儿童']);
    expect(Object.fromEntries((await a.search({ query: '淄博' })).facets.topic)['困境儿童']).toBe(1);
    // A plain word query finds it through the tags field too.
    expect((await a.search({ query: '困境儿童' })).hits[0].id).toBe(hope);
    const art = (await a.getArticle({ id: hope }))!;
    expect(art.tags.find((t) => t.name === '困境儿童')?.source).toBe('manual');
  });

  it('merges two reporters and still finds the old name through the alias', async () => {
    const meeting = await idOf(a, '淄博高新区召开2022年工作会议');
    const hope = await idOf(a, '希望小屋');
    const moved = await a.mergeTags({ kind: 'reporter', from: '王丽', into: '陆晓茜' });
    expect(moved).toBe(1);
    const tags = await a.listTags({ kind: 'reporter', prefix: '陆' });
    expect(tags[0].name).toBe('陆晓茜');
    expect(tags[0].aliases).toContain('王丽');
    expect(tags[0].count).toBe(2);
    expect((await a.search({ query: '记者:王丽' })).hits.map((h) => h.id).sort()).toEqual([meeting, hope].sort());
  });

  it('keeps manual tags when the page is imported again with a change', async () => {
    const hope = await idOf(a, '希望小屋');
    await a.changeTags({ ids: [hope], add: [{ kind: 'topic', name: '共青团' }] });
    const raw = fs.readFileSync(path.join(SAMPLE_DIR, SAMPLE_FILE), 'utf8');
    // The same page again, with one story's text corrected.
    const changed = raw.replace('行刑衔接开启新篇章。', '行刑衔接开启了新篇章。');
    expect(changed).not.toBe(raw);
    const [report] = await a.importSources(
      [{ name: SAMPLE_FILE, read: () => Buffer.from(changed) }],
      {},
    );
    expect(report.status).toBe('replaced');
    const after = (await a.getArticle({ id: hope }))!;
    expect(after.tags.filter((t) => t.source === 'manual').map((t) => t.name).sort()).toEqual(['共青团', '困境儿童'].sort());
    expect((await a.search({ query: '开启了新篇章' })).total).toBe(1);
    // And the very same bytes again add nothing.
    const [dup] = await a.importSources([{ name: SAMPLE_FILE, read: () => Buffer.from(changed) }], {});
    expect(dup.status).toBe('duplicate');
  });

  it('undoes the last tag edit, never a rename (which has no undo)', async () => {
    const id = await idOf(a, '淄博高新区召开2022年工作会议');
    const added = await a.changeTags({ ids: [id], add: [{ kind: 'topic', name: '撤销测试' }] });
    expect(await a.renameTag({ kind: 'topic', from: '撤销测试', to: '撤销测试二' })).toBe(1);
    const renameId = (await a.tagHistory({}))[0].id;
    expect(await a.undoTagChange({ changeId: renameId })).toBeNull();
    const undone = await a.undoTagChange({});
    expect(undone?.changeId).toBe(added.changeId);
    expect((await a.search({ query: '主题:撤销测试二' })).total).toBe(0);
    const hist = await a.tagHistory({});
    expect(hist.find((h) => h.id === renameId)?.undone).toBe(false);
  });

  it('renames and deletes with the count of affected articles', async () => {
    expect(await a.tagUsage({ kind: 'topic', name: '共青团' })).toBe(1);
    expect(await a.renameTag({ kind: 'topic', from: '共青团', to: '共青团工作' })).toBe(1);
    expect((await a.search({ query: '主题:共青团' })).total).toBe(1);
    expect(await a.deleteTag({ kind: 'topic', name: '共青团工作' })).toBe(1);
    expect((await a.search({ query: '主题:共青团工作' })).total).toBe(0);
  });

  it('suggests topics without applying them', async () => {
    const hope = await idOf(a, '希望小屋');
    const before = (await a.getArticle({ id: hope }))!.tags.length;
    const s = await a.suggestTopics({ id: hope });
    expect(s.length).toBeGreaterThan(2);
    expect(s.map((x) => x.name)).toContain('儿童');
    expect((await a.getArticle({ id: hope }))!.tags.length).toBe(before);
  });
});

describe.skipIf(!fs.existsSync(PAGES_DEV))('bulk tagging on real pages', () => {
  let a: Archive;
  beforeAll(async () => {
    a = await sampleArchive();
    await a.importSources(expandPaths([PAGES_DEV]).sources, {});
  }, 300_000);
  afterAll(async () => a.close());

  it('tags every result of a search at once and undoes it', async () => {
    const all = await a.search({ query: '', limit: 1 });
    expect(all.total).toBeGreaterThan(800);
    const target = Math.min(1000, all.total);
    const ids = (await a.search({ query: '', limit: 1000 })).hits.map((h) => h.id).slice(0, target);
    const r = await a.changeTags({ ids, add: [{ kind: 'topic', name: '批量测试' }] });
    expect(r.articles).toBe(target);
    expect((await a.search({ query: '主题:批量测试', limit: 1 })).total).toBe(target);
    const undone = await a.undoTagChange({});
    expect(undone?.articles).toBe(target);
    expect((await a.search({ query: '主题:批量测试', limit: 1 })).total).toBe(0);
    const hist = await a.tagHistory({});
    expect(hist[0].undone).toBe(true);
    // Tag all results of a query.
    const q = await a.search({ query: '经济', limit: 1 });
    const byQuery = await a.changeTags({ query: '经济', add: [{ kind: 'topic', name: '经济报道' }] });
    expect(byQuery.articles).toBe(q.total);
  });
});
