/**
 * Editors' corrections with the parser's reading kept (issue 17), on a real archive (real SQLite,
 * jieba, index) holding a real 人民日报 page: a correction shows, is searched (and the wrong form
 * it replaced still is), is recorded and undone; merges and splits mend the page's extent; all of
 * it survives a re-import of the same page, of a changed page, and `reparse`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/core/ingest/sources';
import { Archive } from '../../src/core/service';
import { LATEST_SCHEMA } from '../../src/core/store/db';
import { WRITE_METHODS } from '../../src/shared/api';
import { REPO, idOf, openArchive, tempDir } from './helpers';
import { runSql, storedRow, storedRows } from '../support/sqlite';

const PAGE = path.join(REPO, 'test', 'fixtures', 'pages', 'rmrb_19980112_05.txt');

async function archiveWithPage(dir = tempDir()): Promise<Archive> {
  const a = await openArchive(dir);
  await a.importSources(expandPaths([PAGE]).sources, {});
  return a;
}

const titles = async (a: Archive, q: string) => (await a.search({ query: q, limit: 50 })).hits.map((h) => h.title);
const ids = async (a: Archive, q: string) => (await a.search({ query: q, limit: 50 })).hits.map((h) => h.id);
const count = (a: Archive) => (storedRow(a, 'SELECT COUNT(*) AS n FROM articles') as { n: number }).n;
const manualTags = (a: Archive, id: number) =>
  (storedRows(a, "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? AND at.source = 'manual' ORDER BY t.name", [id]) as { name: string }[]).map((r) => r.name);

/** The page file with `from` replaced by `to`, under the same name (the same page of the same issue). */
function changedPage(from: string, to: string): string {
  const text = fs.readFileSync(PAGE, 'utf8');
  expect(text).toContain(from);
  const file = path.join(tempDir(), path.basename(PAGE));
  fs.writeFileSync(file, text.replace(from, to));
  return file;
}

describe('corrections: store', () => {
  it('adds the corrections table and the article columns in a numbered migration', async () => {
    const a = await openArchive();
    expect(storedRow(a, 'PRAGMA user_version')).toMatchObject({ user_version: LATEST_SCHEMA });
    const cols = (t: string) => (storedRows(a, `PRAGMA table_info(${t})`) as { name: string }[]).map((c) => c.name);
    expect(cols('corrections')).toEqual(['id', 'article_id', 'page_id', 'field', 'before', 'after', 'author', 'created_at', 'undone_at', 'review', 'applied']);
    expect(cols('articles')).toEqual(expect.arrayContaining(['original', 'replaced_text', 'page_fix']));
    await a.close();
  });

  it('changes only where the archive is writable (the HTTP host refuses WRITE_METHODS unless --allow-write)', async () => {
    expect(WRITE_METHODS).toEqual(expect.arrayContaining(['correctArticle', 'mergeArticles', 'splitArticle', 'undoCorrection']));
    expect(WRITE_METHODS).not.toContain('getHistory');
    const dir = tempDir();
    await (await archiveWithPage(dir)).close();
    const ro = await Archive.open({ dir, writable: false, autoBackup: false });
    const id = await idOf(ro, '黄河小浪底');
    await expect(ro.correctArticle({ id, title: 'x' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(ro.splitArticle({ id, at: 1 })).rejects.toMatchObject({ code: 'read-only' });
    expect(await ro.getHistory({ id })).toEqual([]);
    expect((await ro.getOriginal({ id })).corrected).toBe(false);
    await ro.close();
  });
});

describe('corrections: fields', () => {
  it('a corrected headline is shown, searched and exported; the wrong form is still found; undo takes it back', async () => {
    const dir = tempDir();
    let a = await archiveWithPage(dir);
    const id = await idOf(a, '黄河小浪底');
    const before = (await a.getArticle({ id }))!;
    expect(before.title).toBe('黄河小浪底工程进展顺利');
    // An OCR-like misreading in the title is mended: 小浪底 was read as 小狼底 (made so here) and fixed.
    runSql(a, "UPDATE articles SET title = '黄河小狼底工程进展顺利' WHERE id = ?", [id]);
    await a.rebuildIndex();
    const r = await a.correctArticle({ id, title: '黄河小浪底工程进展顺利', subtitle: '截流工作全面展开' });
    expect(r.correctionIds).toHaveLength(2);
    expect(r.article).toMatchObject({ title: '黄河小浪底工程进展顺利', subtitle: '截流工作全面展开', corrected: true });
    expect(await ids(a, '截流工作全面展开')).toContain(id);
    // Found by the corrected words and by the wrong form (a term and a phrase) only the parser's reading holds.
    expect(await ids(a, '小浪底')).toContain(id);
    expect(await ids(a, '小狼底')).toEqual([id]);
    expect(await ids(a, '"黄河小狼底"')).toEqual([id]);
    const hist = await a.getHistory({ id });
    expect(hist.map((h) => [h.field, h.label, h.before, h.after, h.applied])).toEqual([
      ['title', '标题', '黄河小狼底工程进展顺利', '黄河小浪底工程进展顺利', true],
      ['subtitle', '副题', null, '截流工作全面展开', true],
    ]);
    expect(hist[0].author).toBeTruthy();
    expect(hist[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await a.getOriginal({ id })).title).toBe('黄河小狼底工程进展顺利');
    const csv = Buffer.from((await a.exportClippings({ ids: [id], format: 'txt' })).dataBase64, 'base64').toString('utf8');
    expect(csv).toContain('截流工作全面展开');
    // The index on disk holds the correction (the generation changed): reopened, it is not rebuilt and still finds both.
    a.saveIndexNow();
    await a.close();
    a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
    expect(a.openNotices.join('')).not.toMatch(/重建/);
    expect(await ids(a, '小狼底')).toEqual([id]);
    // Undo the subtitle only: the title stays corrected.
    const u = await a.undoCorrection({ correctionId: hist[1].id });
    expect(u.article!.subtitle).toBeUndefined();
    expect(u.article!.title).toBe('黄河小浪底工程进展顺利');
    expect(await ids(a, '截流工作全面展开')).not.toContain(id);
    await expect(a.undoCorrection({ correctionId: hist[1].id })).rejects.toThrow('已经撤销');
    // Undo the title: back to the parser's reading, no longer corrected.
    const u2 = await a.undoCorrection({ correctionId: hist[0].id });
    expect(u2.article!.title).toBe('黄河小狼底工程进展顺利');
    expect(u2.article!.corrected).toBeUndefined();
    expect((await a.getHistory({ id })).map((h) => !!h.undoneAt)).toEqual([true, true]);
    await a.close();
  });

  it('corrects a paragraph, the date, the page, the byline people (tags follow) and the dateline', async () => {
    const a = await archiveWithPage();
    const id = await idOf(a, '小城里的');
    const art = (await a.getArticle({ id }))!;
    const p1 = art.paragraphs[1].text;
    expect(p1.length).toBeGreaterThan(10);
    const mended = p1.slice(0, 4) + '（校）' + p1.slice(4);
    const r = await a.correctArticle({
      id,
      paragraphs: [{ index: 1, text: mended }],
      date: '1998-01-13',
      page: 6,
      people: { reporters: ['周明亮'], correspondents: [], photographers: [], interns: [] },
      dateline: { place: '宜昌', month: 1, day: 11, agency: '本报', raw: '本报宜昌1月11日电' },
    });
    expect(r.article!.paragraphs[1].text).toBe(mended);
    expect(r.article!).toMatchObject({ date: '1998-01-13', page: 6, dateline: { raw: '本报宜昌1月11日电' } });
    expect(r.article!.byline!.reporters).toEqual(['周明亮']);
    expect(r.article!.tags.filter((t) => t.kind === 'reporter').map((t) => t.name)).toEqual(['周明亮']);
    // Filters and facets see the corrected facts.
    expect(await ids(a, '记者:周明亮')).toEqual([id]);
    expect(await ids(a, '版:6')).toEqual([id]);
    expect(await ids(a, '1998-01-13')).toEqual([id]);
    // Nothing to change, a missing paragraph or an empty title: a clear message, nothing recorded.
    await expect(a.correctArticle({ id, date: '1998-01-13' })).rejects.toThrow('内容没有变化');
    await expect(a.correctArticle({ id, paragraphs: [{ index: 99, text: 'x' }] })).rejects.toThrow('没有第 100 段');
    await expect(a.correctArticle({ id, title: '  ' })).rejects.toThrow('标题不能为空');
    await expect(a.correctArticle({ id: 99999, title: 'x' })).rejects.toThrow('没有这篇文章');
    expect(await a.getHistory({ id })).toHaveLength(5);
    // Undoing the people gives the byline's own reporter back.
    const people = (await a.getHistory({ id })).find((h) => h.field === 'people')!;
    const u = await a.undoCorrection({ correctionId: people.id });
    expect(u.article!.tags.filter((t) => t.kind === 'reporter').map((t) => t.name)).toEqual(['周明']);
    expect(u.article!.paragraphs[1].text).toBe(mended);
    await a.close();
  });
});

describe('corrections: captions', () => {
  it('corrects a photo caption; an article without one says so', async () => {
    const a = await openArchive();
    await a.importSources(expandPaths([path.join(REPO, 'test', 'fixtures', 'pages', 'rmrb_19980105_04.txt')]).sources, {});
    const id = await idOf(a, '截流一周年');
    const cap = (await a.getArticle({ id }))!.paragraphs.find((p) => p.type === 'caption')!.text;
    const fixed = cap.replace('加紧施工', '紧张施工');
    const r = await a.correctArticle({ id, caption: fixed });
    expect(r.article!.paragraphs.find((p) => p.type === 'caption')!.text).toBe(fixed);
    expect(await ids(a, '紧张施工')).toEqual([id]);
    expect(await ids(a, '"加紧施工"')).toEqual([id]);
    expect((await a.getHistory({ id }))[0]).toMatchObject({ field: 'caption', label: '图片说明', before: cap, after: fixed });
    const other = (await a.search({ query: '', limit: 50 })).hits.find((h) => h.kind === 'story')!.id;
    await expect(a.correctArticle({ id: other, caption: 'x' })).rejects.toThrow('没有图片说明');
    await a.close();
  });
});

describe('corrections: undo in order', () => {
  it('a later correction of the same place is undone first; a split stays when an earlier paragraph fix is undone', async () => {
    const a = await archiveWithPage();
    const id = await idOf(a, '小城里的');
    const c1 = (await a.correctArticle({ id, title: '小城里的夜校' })).correctionIds[0];
    const c2 = (await a.correctArticle({ id, title: '小城夜校' })).correctionIds[0];
    await expect(a.undoCorrection({ correctionId: c1 })).rejects.toThrow(`第 ${c2} 号`);
    expect((await a.undoCorrection({ correctionId: c2 })).article!.title).toBe('小城里的夜校');
    expect((await a.undoCorrection({ correctionId: c1 })).article!.title).toBe('小城里的“夜校”');
    // Fix paragraph 3, split there, undo the fix: the split still stands (the parser's reading is the same).
    const p = (await a.getArticle({ id }))!.paragraphs[2].text;
    const fix = (await a.correctArticle({ id, paragraphs: [{ index: 2, text: `${p}（校）` }] })).correctionIds[0];
    const { newId } = await a.splitArticle({ id, at: 2 });
    const u = await a.undoCorrection({ correctionId: fix });
    expect(u.reviews).toEqual([]);
    expect(u.article!.paragraphs).toHaveLength(2);
    // The part split off holds paragraph 3 as the parser read it again (the fix is gone).
    const part = (await a.getArticle({ id: newId! }))!;
    const text = [part.title, ...part.paragraphs.map((x) => x.text)].join('\n');
    expect(text).toContain(p);
    expect(text).not.toContain('（校）');
    await a.close();
  });
});

describe('corrections: merge and split', () => {
  it('merges with the next / previous article (tags go along) and undoes it with the same id', async () => {
    const a = await archiveWithPage();
    const total = count(a);
    const first = await idOf(a, '国内简讯');
    const second = await idOf(a, '全国首家农民工');
    await a.changeTags({ ids: [second], add: [{ kind: 'topic', name: '法律援助' }] });
    const r = await a.mergeArticles({ id: second, with: 'prev' });
    expect(r.article!.id).toBe(first);
    expect(count(a)).toBe(total - 1);
    expect(await a.getArticle({ id: second })).toBeNull();
    expect(r.article!.paragraphs.some((p) => p.type === 'heading' && p.text.startsWith('全国首家农民工'))).toBe(true);
    expect(await ids(a, '法律援助站')).toEqual([first]);
    expect(manualTags(a, first)).toEqual(['法律援助']);
    expect((await a.getOriginal({ id: first })).merged.map((m) => m.id)).toEqual([second]);
    const [m] = await a.getHistory({ id: first });
    expect(m).toMatchObject({ field: 'merge-prev', label: '与上一篇合并', before: { id: second } });
    await a.undoCorrection({ correctionId: m.id });
    expect(count(a)).toBe(total);
    expect((await a.getArticle({ id: second }))!.title).toMatch(/^全国首家农民工/);
    expect(manualTags(a, second)).toEqual(['法律援助']);
    expect(manualTags(a, first)).toEqual([]);
    expect(await ids(a, '法律援助站')).toEqual([second]);
    await expect(a.mergeArticles({ id: await idOf(a, '小城里的'), with: 'prev' })).rejects.toThrow('前面没有可合并的文章');
    await a.close();
  });

  it('splits at a paragraph: a new article with its own id, tags stay with the first part; undo removes it', async () => {
    const a = await archiveWithPage();
    const total = count(a);
    const id = await idOf(a, '小城里的');
    await a.changeTags({ ids: [id], add: [{ kind: 'topic', name: '职工夜校' }] });
    const art = (await a.getArticle({ id }))!;
    const at = art.paragraphs.findIndex((p) => p.text.includes('缘') && p.text.length < 10);
    expect(at).toBeGreaterThan(0);
    const tailWord = art.paragraphs[art.paragraphs.length - 1].text.slice(0, 8);
    const r = await a.splitArticle({ id, at });
    expect(r.newId).toBeGreaterThan(0);
    expect(count(a)).toBe(total + 1);
    expect(r.article!.paragraphs).toHaveLength(at);
    const part = (await a.getArticle({ id: r.newId! }))!;
    expect(part.title).toBe(art.paragraphs[at].text);
    expect(part.corrected).toBe(true);
    expect(part.tags).toEqual([]);
    expect(manualTags(a, id)).toEqual(['职工夜校']);
    expect(await ids(a, `"${tailWord}"`)).toEqual([r.newId]);
    expect((await a.getHistory({ id: r.newId! })).map((h) => h.field)).toEqual(['split-at']);
    expect((await a.getOriginal({ id: r.newId! })).splitFrom).toBe(id);
    await expect(a.splitArticle({ id, at: 0 })).rejects.toThrow('只能在第 2 段');
    const [s] = await a.getHistory({ id });
    await a.undoCorrection({ correctionId: s.id });
    expect(count(a)).toBe(total);
    expect(await a.getArticle({ id: r.newId! })).toBeNull();
    expect((await a.getArticle({ id }))!.paragraphs).toHaveLength(art.paragraphs.length);
    expect(await ids(a, `"${tailWord}"`)).toEqual([id]);
    await a.close();
  });
});

describe('corrections survive re-import and reparse', () => {
  /** A title correction, a merge and a split on one page. */
  async function corrected(a: Archive) {
    const read = count(a);
    const brief = await idOf(a, '黄河小浪底');
    const feature = await idOf(a, '小城里的');
    const first = await idOf(a, '国内简讯');
    const second = await idOf(a, '全国首家农民工');
    await a.correctArticle({ id: brief, title: '黄河小浪底工程进展顺利（校）' });
    await a.mergeArticles({ id: first, with: 'next' });
    const at = (await a.getArticle({ id: feature }))!.paragraphs.findIndex((p) => p.text.includes('缘') && p.text.length < 10);
    const { newId } = await a.splitArticle({ id: feature, at });
    return { read, brief, feature, first, second, part: newId!, total: count(a) };
  }

  async function expectCorrected(a: Archive, c: Awaited<ReturnType<typeof corrected>>) {
    expect(count(a)).toBe(c.total);
    expect((await a.getArticle({ id: c.brief }))!.title).toBe('黄河小浪底工程进展顺利（校）');
    expect(await a.getArticle({ id: c.second })).toBeNull();
    expect(await ids(a, '法律援助站')).toEqual([c.first]);
    expect((await a.getArticle({ id: c.part }))!.title).toMatch(/缘/);
    // The brief, the merged article, and the split's two parts.
    expect(await titles(a, '已校对')).toHaveLength(4);
    expect(storedRow(a, 'SELECT COUNT(*) AS n FROM corrections WHERE applied = 1 AND review IS NULL')).toMatchObject({ n: 3 });
  }

  it('the same page again: a duplicate, nothing changes', async () => {
    const a = await archiveWithPage();
    const c = await corrected(a);
    const [rep] = await a.importSources(expandPaths([PAGE]).sources, {});
    expect(rep.status).toBe('duplicate');
    await expectCorrected(a, c);
    await a.close();
  });

  it('reparse (all pages): every correction applied again, same ids', async () => {
    const a = await archiveWithPage();
    const c = await corrected(a);
    const r = await a.reparse({ all: true });
    // Counted as the parser reads the page: the merged article's parts and the split article unchanged, nothing added or removed.
    expect(r).toEqual({ pages: 1, unchanged: c.read, rewritten: 0, added: 0, removed: 0 });
    await expectCorrected(a, c);
    await a.close();
  });

  it('a changed page: applied again where the article is unchanged, flagged 需复核 where it no longer fits', async () => {
    const a = await archiveWithPage();
    const c = await corrected(a);
    // The new version of the page reads the brief's headline differently; the rest is as it was.
    const [rep] = await a.importSources(expandPaths([changedPage('黄河小浪底工程进展顺利', '黄河小浪底工程进展良好')]).sources, {});
    expect(rep.status).toBe('replaced');
    expect(rep.warnings.join('\n')).toMatch(/需复核：第 \d+ 号校对（标题）这一处原文已变，未再应用/);
    // Merge and split applied again on the unchanged articles, with the same ids.
    expect(count(a)).toBe(c.total);
    expect(await ids(a, '法律援助站')).toEqual([c.first]);
    expect((await a.getArticle({ id: c.part }))!.title).toMatch(/缘/);
    // The brief is the new reading, with a warning; its correction waits for review in its history.
    const brief = await idOf(a, '黄河小浪底');
    const art = (await a.getArticle({ id: brief }))!;
    expect(art.title).toBe('黄河小浪底工程进展良好');
    expect(art.warnings.join('')).toMatch(/需复核/);
    const [h] = await a.getHistory({ id: brief });
    expect(h).toMatchObject({ field: 'title', applied: false, review: expect.stringMatching(/^需复核/) });
    expect(await ids(a, '已校对')).toHaveLength(3);
    // The old version again: the correction fits again and is applied.
    await a.importSources(expandPaths([PAGE]).sources, {});
    await expectCorrected(a, { ...c, brief: await idOf(a, '黄河小浪底') });
    await a.close();
  });
});

describe('corrections: the 已校对 filter', () => {
  it('filters corrected articles by query word and by filter, and counts them', async () => {
    const a = await archiveWithPage();
    expect(await ids(a, '已校对')).toEqual([]);
    const id = await idOf(a, '天冷人心暖');
    await a.correctArticle({ id, kicker: '新春随笔' });
    expect(await ids(a, '已校对')).toEqual([id]);
    expect(await ids(a, '已校对 腊月')).toEqual([id]);
    expect(await ids(a, '已校对 夜校')).toEqual([]);
    expect((await a.search({ query: '', filters: { corrected: true } })).hits.map((h) => h.id)).toEqual([id]);
    expect((await a.search({ query: '腊月' })).hits[0]).toMatchObject({ id, corrected: true });
    expect((await a.stats()).correctedArticles).toBe(1);
    await a.close();
  });
});
