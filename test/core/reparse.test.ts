/**
 * `reparse`: stored pages read again by the current parser. Ids and editors' tags survive; what an
 * older parser got wrong (two pieces run together, one piece cut in two) is mended in place.
 * The older readings are made with SQL on a real archive (real SQLite, jieba and index).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/core/ingest/sources';
import { Archive } from '../../src/core/service';
import { PARSER_VERSION } from '../../src/core/ingest';
import { REPO, idOf, openArchive, tempDir } from './helpers';
import { runSql, storedRow, storedRows } from '../support/sqlite';

const PAGE = path.join(REPO, 'test', 'fixtures', 'pages', 'rmrb_19980112_05.txt');

async function archiveWithPage(dir: string): Promise<Archive> {
  const a = await openArchive(dir);
  await a.importSources(expandPaths([PAGE]).sources, {});
  return a;
}

const row = (a: Archive, id: number) =>
  storedRow(a, 'SELECT char_start AS s, char_end AS e, paragraphs FROM articles WHERE id = ?', [id]) as { s: number; e: number; paragraphs: string };
const manualTags = (a: Archive, id: number) =>
  (storedRows(a, "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? AND at.source = 'manual' ORDER BY t.name", [id]) as { name: string }[]).map((r) => r.name);

describe('reparse', () => {
  it('splits what an older parser ran together, keeping ids and editors’ tags, and says so at open', async () => {
    const dir = tempDir();
    let a = await archiveWithPage(dir);
    const total = (await a.stats()).articles;
    expect((await a.stats()).pagesToReparse).toBe(0);
    const feature = await idOf(a, '小城里的');
    const essay = await idOf(a, '天冷人心暖');
    await a.changeTags({ ids: [feature], add: [{ kind: 'topic', name: '职工夜校' }] });
    // An older reading: the signed essay run into the feature above it.
    const f = row(a, feature);
    const e = row(a, essay);
    const merged = JSON.stringify([...JSON.parse(f.paragraphs), ...JSON.parse(e.paragraphs)]);
    runSql(a, "UPDATE articles SET char_end = ?, paragraphs = ?, content_hash = 'older' WHERE id = ?", [e.e, merged, feature]);
    runSql(a, 'DELETE FROM articles WHERE id = ?', [essay]);
    runSql(a, 'UPDATE pages SET parser_version = 0');
    await a.close();

    a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
    expect(a.openNotices.join('\n')).toMatch(/1 个版面是由旧版解析器读取的/);
    expect((await a.stats()).pagesToReparse).toBe(1);
    const r = await a.reparse({});
    expect(r).toEqual({ pages: 1, unchanged: total - 2, rewritten: 1, added: 1, removed: 0 });
    expect((await a.stats()).articles).toBe(total);
    expect((await a.stats()).pagesToReparse).toBe(0);
    // The feature keeps its id and its editor's tag, without the essay's text.
    const art = (await a.getArticle({ id: feature }))!;
    expect(art.title).toBe('小城里的“夜校”');
    expect(art.paragraphs.some((p) => p.text.includes('腊月'))).toBe(false);
    expect(manualTags(a, feature)).toEqual(['职工夜校']);
    // The essay is an article again, found by its own words under its own headline, signed.
    const hits = (await a.search({ query: '腊月 春联' })).hits;
    expect(hits[0]?.title).toBe('天冷人心暖（新春随笔）');
    expect(storedRow(a, 'SELECT parser_version AS v FROM pages')).toMatchObject({ v: PARSER_VERSION });
    // Nothing left to read again, unless asked for all.
    expect((await a.reparse({})).pages).toBe(0);
    expect(await a.reparse({ all: true })).toEqual({ pages: 1, unchanged: total, rewritten: 0, added: 0, removed: 0 });
    await a.close();
  });

  it('joins what an older parser cut in two; the cut-off part’s tags go to the whole article', async () => {
    const a = await archiveWithPage(tempDir());
    const total = (await a.stats()).articles;
    const feature = await idOf(a, '小城里的');
    const f = row(a, feature);
    // An older reading: the feature cut at its last subhead (more than half of it stays above).
    const text = storedRow(a, 'SELECT raw_text AS t FROM imports') as { t: string };
    const cut = text.t.indexOf('缘 起');
    expect(cut).toBeGreaterThan(f.s + (f.e - f.s) / 2);
    runSql(a, "UPDATE articles SET char_end = ?, content_hash = 'older' WHERE id = ?", [cut - 2, feature]);
    const tail = Number(
      runSql(
        a,
        `INSERT INTO articles (page_id, seq, kind, title, paragraphs, warnings, char_start, char_end, chars, content_hash, updated_at)
         SELECT page_id, seq, 'story', '缘 起', '[]', '[]', ?, ?, 0, 'older-tail', updated_at FROM articles WHERE id = ?`,
        [cut, f.e, feature],
      ).lastInsertRowid,
    );
    await a.changeTags({ ids: [tail], add: [{ kind: 'topic', name: '文化馆' }] });
    runSql(a, 'UPDATE pages SET parser_version = 0');

    const r = await a.reparse({});
    expect(r).toMatchObject({ pages: 1, rewritten: 1, added: 0, removed: 1 });
    expect((await a.stats()).articles).toBe(total);
    expect(await a.getArticle({ id: tail })).toBeNull();
    expect(manualTags(a, feature)).toEqual(['文化馆']);
    expect((await a.search({ query: '主题:文化馆' })).hits.map((h) => h.id)).toEqual([feature]);
    await a.close();
  });

  it('refuses on a read-only archive', async () => {
    const dir = tempDir();
    await (await archiveWithPage(dir)).close();
    const ro = await Archive.open({ dir, writable: false, autoBackup: false });
    await expect(ro.reparse({})).rejects.toThrow();
    await ro.close();
  });
});
