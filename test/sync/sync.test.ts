/**
 * The newsroom's shared archive against a real PostgreSQL (a throwaway cluster, `pg-cluster.ts`):
 * desks edit offline, sync, and converge; a desk joining later receives everything; replaying the
 * log changes nothing; a reporter's write is refused by the server; a real conflict is reported.
 * Crash safety (kill -9 mid-sync) is `kill.test.ts`.
 */
import path from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { setMeta } from '../../src/core/store/meta';
import { archiveConflicts } from '../../src/core/sync/engine';
import { Remote } from '../../src/core/sync/remote';
import { runCli } from '../cli/run-cli';
import { sharedArchiveDb, startCluster, pgMissing, type Cluster } from './pg-cluster';
import { desk, idOf, importFiles, page, snapshot, sync, tagsOf } from './desks';
import { storedRow, storedRows, writeStore } from '../support/sqlite';

const missing = pgMissing();
if (missing) console.warn(`跳过团队档案库的测试：${missing}`);

describe('team archive tests without PostgreSQL', () => {
  it('fail in CI and are skipped elsewhere, saying what to install', () => {
    const saved = { bin: process.env.BAOKU_PG_BIN, ci: process.env.CI };
    try {
      process.env.BAOKU_PG_BIN = '/nonexistent/postgresql/bin';
      process.env.CI = 'true';
      expect(() => pgMissing()).toThrow(/找不到 PostgreSQL.*apt-get install postgresql/);
      process.env.CI = '';
      expect(pgMissing()).toMatch(/找不到 PostgreSQL/);
    } finally {
      for (const [k, v] of [['BAOKU_PG_BIN', saved.bin], ['CI', saved.ci]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe.skipIf(!!missing)('team archive: desks offline, one PostgreSQL', () => {
  let cluster: Cluster;
  let url: string;
  let a: Archive;
  let b: Archive;
  const opened: Archive[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    url = await sharedArchiveDb(cluster, 'newsroom', { 甲: 'editor', 乙: 'editor', 丁: 'reporter' });
    a = await desk('甲');
    b = await desk('乙');
    opened.push(a, b);
  });
  afterAll(async () => {
    for (const x of opened) await x.close();
    cluster?.stop();
  });

  it('two desks import, tag and correct offline, sync, and converge; one page imported on both is stored once', { timeout: 180_000 }, async () => {
    await importFiles(a, [page('dzrb_20220208_02.txt'), page('bjrb_20210105_02.txt')]);
    // 乙 has one page of his own and the same 北京日报 page (imported from the same file on both desks).
    await importFiles(b, [page('dzrb_20220510_05.txt'), page('bjrb_20210105_02.txt')]);
    await sync(a, url);
    await sync(b, url);
    await sync(a, url);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect((storedRow(b, 'SELECT COUNT(*) AS n FROM pages') as { n: number }).n).toBe(3);

    // Offline: each edits, the other does not see it.
    const [xA, xB] = [idOf(a, '总投资2860亿元'), idOf(b, '总投资2860亿元')];
    const [yA, yB] = [idOf(a, '数读临沂商城'), idOf(b, '数读临沂商城')];
    const [zA, zB] = [idOf(a, '从“买全国卖全国”'), idOf(b, '从“买全国卖全国”')];
    const [wA] = [idOf(a, '让老街巷留住乡愁')];
    await a.changeTags({ ids: [xA], add: [{ kind: 'topic', name: '重大项目' }] });
    await b.changeTags({ ids: [xB], remove: [{ kind: 'reporter', name: '张文' }] }); // another tag of the same article
    await b.changeTags({ ids: [yB], add: [{ kind: 'topic', name: '临沂商城' }] });
    await a.correctArticle({ id: yA, title: '数读临沂商城：一组数字' });
    const para0 = (await b.getArticle({ id: xB }))!.paragraphs[0].text;
    await b.correctArticle({ id: xB, paragraphs: [{ index: 0, text: para0.replace('开工', '集中开工') }] });
    // The same tag: 甲 makes 记者:王君 his own (an add), 乙 removes it at the same time: the add wins.
    await a.changeTags({ ids: [zA], add: [{ kind: 'reporter', name: '王君', role: '记者' }] });
    await b.changeTags({ ids: [zB], remove: [{ kind: 'reporter', name: '王君' }] });
    // A correction made and undone travels as undone.
    const made = await a.correctArticle({ id: wA, subtitle: '临时副题' });
    await a.undoCorrection({ correctionId: made.correctionIds[0] });

    await sync(a, url);
    await sync(b, url);
    await sync(a, url);
    const sa = snapshot(a);
    expect(sa).toEqual(snapshot(b));
    expect(tagsOf(b, xB)).toContain('topic:重大项目');
    expect(tagsOf(a, xA)).not.toContain('reporter:张文');
    expect(tagsOf(a, yA)).toContain('topic:临沂商城');
    expect(tagsOf(a, zA)).toContain('reporter:王君');
    expect(tagsOf(b, zB)).toContain('reporter:王君');
    expect((await b.getArticle({ id: yB }))!.title).toBe('数读临沂商城：一组数字');
    expect((await a.getArticle({ id: xA }))!.paragraphs[0].text).toContain('集中开工');
    expect((await b.getArticle({ id: idOf(b, '让老街巷留住乡愁') }))!.subtitle).toBeUndefined();
    // Who made it shows on the other desk; the search index follows.
    expect((await b.getHistory({ id: yB })).map((h) => h.author)).toEqual(['甲']);
    expect((await a.getHistory({ id: yA })).map((h) => h.author)).toEqual(['甲']); // the named user, not the OS account
    expect((await b.search({ query: '一组数字' })).hits.map((h) => h.id)).toContain(yB);
    expect(sa.corrections).toHaveLength(2);
    expect(archiveConflicts(a)).toEqual([]);
  });

  it('a third desk joining later receives everything; replaying the whole log there changes nothing', { timeout: 180_000 }, async () => {
    const c = await desk('甲');
    opened.push(c);
    const first = await sync(c, url);
    expect(first.pushed).toBe(0);
    expect(snapshot(c)).toEqual(snapshot(a));
    const before = snapshot(c);
    const ops = (storedRow(c, 'SELECT COUNT(*) AS n FROM ops') as { n: number }).n;
    const history = (storedRow(c, 'SELECT COUNT(*) AS n FROM tag_changes') as { n: number }).n;
    // The same log again from the start: every op is known here, none is applied twice.
    writeStore(c, (db) => setMeta(db, 'sync.lastSeq', '0'));
    const again = await sync(c, url);
    expect(again.pulled).toBe(first.pulled);
    expect(again.applied).toBe(0);
    expect(snapshot(c)).toEqual(before);
    expect((storedRow(c, 'SELECT COUNT(*) AS n FROM ops') as { n: number }).n).toBe(ops);
    expect((storedRow(c, 'SELECT COUNT(*) AS n FROM tag_changes') as { n: number }).n).toBe(history);
    // …and the desks that made the ops get them back as known.
    writeStore(a, (db) => setMeta(db, 'sync.lastSeq', '0'));
    expect((await sync(a, url)).applied).toBe(0);
    // A desk belongs to one shared archive: its positions mean nothing in another.
    await expect(sync(c, cluster.createDb('another'))).rejects.toThrow(/已经与另一个团队档案库同步过/);
  });

  it('tag renames, merges and deletions travel, and meet tags added meanwhile under the old name', { timeout: 180_000 }, async () => {
    const [yA, yB] = [idOf(a, '数读临沂商城'), idOf(b, '数读临沂商城')];
    const [wA, wB] = [idOf(a, '让老街巷留住乡愁'), idOf(b, '让老街巷留住乡愁')];
    await a.changeTags({ ids: [wA], add: [{ kind: 'topic', name: '城市更新' }, { kind: 'topic', name: '老街巷' }] });
    await sync(a, url);
    await sync(b, url);
    // 甲 renames 临沂商城 and merges 老街巷 into 城市更新; 乙, not knowing, tags another article 临沂商城 and deletes 重大项目.
    await a.renameTag({ kind: 'topic', from: '临沂商城', to: '临沂商贸城' });
    await a.mergeTags({ kind: 'topic', from: '老街巷', into: '城市更新' });
    await b.changeTags({ ids: [wB], add: [{ kind: 'topic', name: '临沂商城' }] });
    await b.deleteTag({ kind: 'topic', name: '重大项目' });
    await sync(a, url);
    await sync(b, url);
    await sync(a, url);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(tagsOf(b, yB)).toContain('topic:临沂商贸城');
    expect(tagsOf(a, wA)).toEqual(expect.arrayContaining(['topic:临沂商贸城', 'topic:城市更新']));
    expect(tagsOf(a, wA)).not.toContain('topic:老街巷');
    expect(tagsOf(a, yA)).not.toContain('topic:临沂商城');
    expect((await a.listTags({ kind: 'topic' })).map((t) => t.name)).not.toContain('重大项目');
  });

  it('two corrections of the same field: a conflict (冲突：…) on both desks, both values kept, the desks agree', { timeout: 180_000 }, async () => {
    const [vA, vB] = [idOf(a, '停车难'), idOf(b, '停车难')];
    await a.correctArticle({ id: vA, title: '停车难要靠精细化治理' });
    await b.correctArticle({ id: vB, title: '停车难须靠精细治理' });
    await sync(a, url);
    const rb = await sync(b, url);
    await sync(a, url);
    expect(rb.conflicts).toHaveLength(1);
    expect(rb.conflicts[0]).toMatch(/^冲突：《.+》的标题：甲 改为「停车难要靠精细化治理」，乙 改为「停车难须靠精细治理」/);
    const ta = (await a.getArticle({ id: vA }))!.title;
    expect(ta).toBe((await b.getArticle({ id: vB }))!.title);
    for (const x of [a, b]) {
      const open = archiveConflicts(x);
      expect(open).toHaveLength(1);
      expect([open[0].mine, open[0].theirs].sort()).toEqual(['停车难要靠精细化治理', '停车难须靠精细治理'].sort());
    }
    expect(snapshot(a).articles).toEqual(snapshot(b).articles);
    // The CLI lists it.
    await a.close();
    opened.splice(opened.indexOf(a), 1);
    const cli = await runCli(['conflicts', '--archive', a.dir], { cwd: a.dir });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/#1 冲突：《.+》的标题/);
    a = await desk('甲', a.dir);
    opened.push(a);
  });

  it('a merge on one desk and a split on another travel (the split-off article has the same key everywhere), and so does undoing the merge', { timeout: 180_000 }, async () => {
    // (The conflict above left its two corrections on 甲's desk and one on 乙's: articles and tags are compared.)
    const shown = (x: Archive) => ({ ...snapshot(x), corrections: undefined });
    // Another page after it: the article merged away is not the newest row (see the note in the report on id reuse).
    await importFiles(a, [page('rmrb_19980105_04.txt'), page('rmrb_19980108_09.txt')]);
    // 甲's desk has joined: the pages' readings wait in the log with them, and leave it once sent.
    const readings = () => (storedRow(a, "SELECT COUNT(*) AS n FROM ops WHERE kind = 'import' AND json_extract(payload, '$.reading') IS NOT NULL") as { n: number }).n;
    expect(readings()).toBe(2);
    await sync(a, url);
    expect(readings()).toBe(0);
    await sync(b, url);
    await a.mergeArticles({ id: idOf(a, '长江三峡库区移民'), with: 'next' });
    const split = await b.splitArticle({ id: idOf(b, '国务院召开全国春'), at: 1 });
    await b.changeTags({ ids: [split.newId!], add: [{ kind: 'topic', name: '拆出的文章' }] });
    await sync(a, url);
    await sync(b, url);
    await sync(a, url);
    expect(shown(a)).toEqual(shown(b));
    expect(() => idOf(b, '黄河小浪底')).toThrow(); // merged into the one before on 乙's desk too
    // 乙 stored 甲's reading: a byline 甲's dictionary read as a name is read so on 乙's desk too (parsing again there did not).
    const poem = (x: Archive) => (storedRow(x, "SELECT byline FROM articles WHERE title LIKE '冬夜%'") as { byline: string }).byline;
    expect(poem(b)).toBe(poem(a));
    const partA = storedRows(a, "SELECT a.id FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id WHERE t.name = '拆出的文章'");
    expect(partA).toHaveLength(1);
    expect(archiveConflicts(a).filter((c) => /拆分|合并/.test(c.message))).toEqual([]);
    // 甲 takes the merge back: both desks have the two articles again.
    const merge = (await a.getHistory({ id: idOf(a, '长江三峡库区移民') })).find((h) => h.field === 'merge-next')!;
    await a.undoCorrection({ correctionId: merge.id });
    await sync(a, url);
    await sync(b, url);
    expect(idOf(b, '黄河小浪底')).toBeGreaterThan(0);
    expect(shown(a)).toEqual(shown(b));
  });

  it('an archive made before the op log (schema 7) joins: its pages, tags, corrections and words are sent at its first sync', { timeout: 180_000 }, async () => {
    const old = await desk('乙');
    await importFiles(old, [page('dzrb_20220620_04.txt')]);
    const id = (storedRow(old, 'SELECT id FROM articles ORDER BY id LIMIT 1') as { id: number }).id;
    await old.changeTags({ ids: [id], add: [{ kind: 'topic', name: '旧档案的题' }] });
    await old.correctArticle({ id, title: '旧档案校对的标题' });
    old.addDictionaryWord('旧档案词');
    await old.close();
    // As the previous version left it: no op log.
    const raw = new Database(path.join(old.dir, 'archive.sqlite'));
    raw.exec('DROP TABLE ops; DROP TABLE tag_dots; DROP TABLE sync_conflicts; DROP INDEX pages_issue; PRAGMA user_version = 7;');
    raw.close();
    const joined = await desk('乙', old.dir);
    opened.push(joined);
    expect((storedRow(joined, 'SELECT COUNT(*) AS n FROM ops') as { n: number }).n).toBe(0);
    const report = await sync(joined, url);
    expect(report.pushed).toBe(4); // the page, the tag, the correction, the word
    await sync(a, url);
    const there = idOf(a, '旧档案校对的标题');
    expect(tagsOf(a, there)).toContain('topic:旧档案的题');
    expect((await a.search({ query: '旧档案校对的标题' })).hits.map((h) => h.id)).toContain(there);
    expect((storedRow(a, "SELECT COUNT(*) AS n FROM dictionary WHERE word = '旧档案词'") as { n: number }).n).toBe(1);
    // Once: a second sync sends nothing more.
    expect((await sync(joined, url)).pushed).toBe(0);
  });

  it("a reporter's changes are refused by the shared archive; the reporter still receives everyone's", { timeout: 180_000 }, async () => {
    const d = await desk('丁');
    opened.push(d);
    await importFiles(d, [page('dzrb_20220611_03.txt')]);
    const r = await Remote.connect(url);
    const before = await r.counts();
    const report = await sync(d, url);
    expect(report.refused).toMatch(/“丁”是记者（reporter），只能读取团队档案库，不能写入/);
    expect(report.pushed).toBe(0);
    expect(await r.counts()).toEqual(before);
    // Not by trusting the desk: the server checks the author of every op in the push.
    await expect(r.push([{ id: '00000000-0000-4000-8000-000000000001', kind: 'dict', target: 'dict:x', author: '丁', at: new Date().toISOString(), base: null, payload: '{"word":"某词"}' }])).rejects.toThrow(/记者/);
    await expect(r.push([{ id: '00000000-0000-4000-8000-000000000002', kind: 'dict', target: 'dict:x', author: '无名氏', at: new Date().toISOString(), base: null, payload: '{"word":"某词"}' }])).rejects.toThrow(/没有用户“无名氏”/);
    expect(await r.counts()).toEqual(before);
    await r.close();
    expect(idOf(d, '总投资2860亿元')).toBeGreaterThan(0);
    expect(snapshot(d).pages).toHaveLength(7);
    // The unsent ops wait on the reporter's desk; made an editor, the desk sends them.
    expect((storedRow(d, 'SELECT COUNT(*) AS n FROM ops WHERE server_seq IS NULL') as { n: number }).n).toBe(1);
    await d.close();
    opened.splice(opened.indexOf(d), 1);
    const cli = await runCli(['sync', '--archive', d.dir, '--remote', url], { cwd: d.dir });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^baoku: “丁”是记者/m);
    expect((await runCli(['users', 'role', '丁', 'editor', '--remote', url], { cwd: d.dir })).code).toBe(0);
    const ok = await runCli(['sync', '--archive', d.dir, '--remote', url, '--json'], { cwd: d.dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ user: '丁', pushed: 1 });
  });

  it('clipping sets travel whole: made on one desk, renamed and changed on another, deleted', { timeout: 180_000 }, async () => {
    await sync(a, url);
    await sync(b, url);
    /** A desk's clipping sets by name, their articles named by title. */
    const setsOf = async (x: Archive) =>
      Object.fromEntries(
        await Promise.all(
          (await x.listClippingSets()).map(async (c) => [c.name, await Promise.all(c.articleIds.map(async (id) => (await x.getArticle({ id }))!.title))] as const),
        ),
      );
    const made = await a.saveClippingSet({ name: '重大项目剪报', articleIds: [idOf(a, '总投资2860亿元'), idOf(a, '数读临沂商城')] });
    await sync(a, url);
    await sync(b, url);
    expect(await setsOf(b)).toEqual(await setsOf(a));
    expect(Object.keys(await setsOf(b))).toContain('重大项目剪报');

    // 乙 renames it and drops an article; 甲 receives the whole set as 乙 left it.
    const there = (await b.listClippingSets()).find((c) => c.name === '重大项目剪报')!;
    await b.saveClippingSet({ id: there.id, name: '重大项目（精选）', articleIds: [there.articleIds[1]] });
    await sync(b, url);
    await sync(a, url);
    expect(await setsOf(a)).toEqual(await setsOf(b));
    expect((await a.listClippingSets()).find((c) => c.id === made.id)?.name).toBe('重大项目（精选）');

    // 甲 deletes it; 乙 no longer has it.
    await a.deleteClippingSet({ id: made.id! });
    await sync(a, url);
    await sync(b, url);
    expect(Object.keys(await setsOf(b))).not.toContain('重大项目（精选）');

    // A set a desk made before clipping sets travelled (its row, no op; the desk synced before) goes at the next sync.
    const id = idOf(b, '数读临沂商城');
    writeStore(b, (db) => db.prepare("INSERT INTO clipping_sets (name, article_ids, updated_at, uid) VALUES ('旧剪报集', ?, '2026-01-01T00:00:00.000Z', 'old-set-1')").run([JSON.stringify([id])]));
    expect((await sync(b, url)).pushed).toBe(1);
    await sync(a, url);
    expect((await setsOf(a))['旧剪报集']).toEqual([(await a.getArticle({ id: idOf(a, '数读临沂商城') }))!.title]);
  });
});
