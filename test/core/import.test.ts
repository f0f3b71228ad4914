/**
 * Importing as an editor does: folders, reports, duplicates, jobs with progress and cancel,
 * and an index that survives a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/core/ingest/sources';
import { decodeBuffer } from '../../src/core/ingest';
import { INDEX_FILE, TEXT_FILE, readFingerprint } from '../../src/core/search/persist';
import { Archive } from '../../src/core/service';
import { checkBackupFile } from '../../src/core/store/backup';
import { openArchive, sampleArchive, tempDir, REPO, SAMPLE_DIR, SAMPLE_FILE } from './helpers';
import { runSql, storedRow, storedRows, writeStore } from '../support/sqlite';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'pages');

/** Real test pages (fixtures + the sample) as decoded text. */
function basePages(): string[] {
  const files = [
    ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURES, f)),
    ...fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLE_DIR, f)),
  ];
  return files.map((f) => decodeBuffer(fs.readFileSync(f)).text);
}

/** A folder of `n` page files in nested folders, mixed encodings and name styles, each with its own 责任编辑 line. */
function makeFolder(n: number): string {
  const dir = tempDir('baoku-folder-');
  const pages = basePages();
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const text = `${pages[i % pages.length]}\n\n责任编辑 编辑${i}号\n`;
    const sub = path.join(dir, day.slice(0, 4), day.slice(5, 7));
    fs.mkdirSync(sub, { recursive: true });
    const page = (i % 8) + 1;
    if (i % 3 === 0) fs.writeFileSync(path.join(sub, `dzrb_${day.replace(/-/g, '')}_0${page}.txt`), iconv.encode(text, 'gb18030'));
    else if (i % 3 === 1) fs.writeFileSync(path.join(sub, `大众日报_${day}_第${page}版.txt`), text.replace(/\n/g, '\r\n'));
    else fs.writeFileSync(path.join(sub, `${day}-${page}.txt`), '\ufeff' + text);
  }
  fs.writeFileSync(path.join(dir, 'readme.md'), 'not a page');
  return dir;
}

describe('importing a folder', () => {
  it('imports 1,000 mixed page files with a correct report, and a second import adds nothing', async () => {
    const a = await openArchive();
    const folder = makeFolder(1000);
    const { sources } = expandPaths([folder]);
    expect(sources).toHaveLength(1000);
    const first = await a.importSources(sources, {});
    expect(first).toHaveLength(1000);
    const rejected = first.filter((r) => r.status === 'rejected');
    expect(rejected, JSON.stringify(rejected.slice(0, 3))).toEqual([]);
    expect(first.every((r) => r.status === 'imported' && r.articles > 0 && r.date && r.page)).toBe(true);
    const added = first.reduce((n, r) => n + r.articles, 0);
    expect((await a.stats()).articles).toBe(added);
    expect(new Set(first.map((r) => `${r.date}|${r.page}`)).size).toBe(1000);

    const second = await a.importSources(expandPaths([folder]).sources, {});
    expect(second.every((r) => r.status === 'duplicate' && r.articles === 0)).toBe(true);
    expect((await a.stats()).articles).toBe(added);
    const history = await a.listImports({ limit: 5000 });
    expect(history.filter((h) => h.status === 'duplicate')).toHaveLength(1000);
    await a.close();
  }, 600_000);

  it('runs an import job with progress and can cancel it between files', async () => {
    const a = await openArchive();
    const folder = makeFolder(60);
    const { jobId } = await a.startImport({ paths: [folder] });
    let status = await a.importStatus({ jobId });
    expect(status.filesTotal).toBe(60);
    while (status.state === 'running' && status.filesDone < 5) {
      await new Promise((r) => setTimeout(r, 5));
      status = await a.importStatus({ jobId });
    }
    await a.cancelImport({ jobId });
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      status = await a.importStatus({ jobId });
    }
    expect(status.state).toBe('cancelled');
    expect(status.filesDone).toBeLessThan(60);
    expect(status.report!.files.length).toBe(status.filesDone);
    expect((await a.stats()).articles).toBe(status.report!.articlesAdded);
    await a.close();
  }, 120_000);

  it('reports a missing path and an empty upload without touching the archive', async () => {
    const a = await openArchive();
    const { jobId } = await a.startImport({
      paths: [path.join(tempDir(), 'nope.txt')],
    });
    const done = async (id: string) => {
      let st = await a.importStatus({ jobId: id });
      while (st.state === 'running') {
        await new Promise((r) => setTimeout(r, 5));
        st = await a.importStatus({ jobId: id });
      }
      return st;
    };
    const s = await done(jobId);
    expect(s.report!.files[0]).toMatchObject({ status: 'rejected', error: '找不到这个文件或文件夹' });
    const up = await a.startImport({ files: [{ name: 'empty.txt', dataBase64: '' }] });
    const u = await done(up.jobId);
    expect(u.report!.files[0].status).toBe('rejected');
    expect(u.report!.files[0].error).toMatch(/空/);
    expect((await a.stats()).articles).toBe(0);
    await a.close();
  });
});

describe('the index on disk', () => {
  it('is loaded at the next start when it matches the store, rebuilt with a notice when not', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    const before = (await a.search({ query: '淄博' })).hits.map((h) => h.id);
    await a.close();

    const b = await openArchive(dir);
    expect(b.openNotices).toEqual([]);
    expect((await b.search({ query: '淄博' })).hits.map((h) => h.id)).toEqual(before);
    // A change committed to the store but never saved to the index (a crash before the save).
    runSql(b, "UPDATE meta SET value = value + 1 WHERE key = 'generation'");
    await b.close(); // nothing of the index was unsaved: its files stay as they were

    const c = await openArchive(dir);
    expect(c.openNotices.join()).toMatch(/重建检索索引/);
    expect((await c.search({ query: '淄博' })).hits.map((h) => h.id)).toEqual(before);
    await c.close();
  });

  it('is rebuilt, never misread, when the file is truncated, damaged or of an older format', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    const before = (await a.search({ query: '淄博' })).hits.map((h) => h.id);
    await a.close();
    const file = path.join(dir, INDEX_FILE);
    const good = fs.readFileSync(file);
    const damaged = Buffer.from(good);
    damaged.write('{{{{', 12, 'latin1'); // the header's JSON
    const flipped = Buffer.from(good);
    flipped[good.length - 100] ^= 0x55; // one bit pattern in the last section
    const cases: [string, () => void, RegExp][] = [
      ['truncated', () => fs.writeFileSync(file, good.subarray(0, Math.floor(good.length / 2))), /损坏/],
      ['damaged header', () => fs.writeFileSync(file, damaged), /损坏/],
      ['damaged data', () => fs.writeFileSync(file, flipped), /损坏/],
      ['text file missing', () => fs.rmSync(path.join(dir, TEXT_FILE)), /损坏/],
      ['older format', () => (fs.rmSync(file), fs.writeFileSync(path.join(dir, 'search-index.json'), '{"fingerprint":{"format":4}}')), /格式已更新/],
    ];
    for (const [what, spoil, notice] of cases) {
      spoil();
      const b = await openArchive(dir);
      expect(b.openNotices.join(), what).toMatch(notice);
      expect((await b.search({ query: '淄博' })).hits.map((h) => h.id), what).toEqual(before);
      await b.close();
      expect(fs.existsSync(path.join(dir, 'search-index.json')), what).toBe(false);
    }
  });

  it('a damaged text index is found by the check after open, rebuilt, and never saved as sound before that check', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    const before = (await a.search({ query: '淄博' })).hits.map((h) => h.id);
    await a.close();
    const textFile = path.join(dir, TEXT_FILE);
    const spoiled = fs.readFileSync(textFile);
    spoiled[spoiled.length - 100] ^= 0x55; // one byte of the last section (the term list)
    fs.writeFileSync(textFile, spoiled);

    const b = await openArchive(dir);
    expect(b.openNotices).toEqual([]); // not checked yet: the first search does not wait for it
    // A change to an article's text, then a save, before the check: the check is finished first and
    // nothing is written (else the damaged postings would be packed into a file with sound CRCs).
    await b.correctArticle({ id: before[0], title: '淄博校对后的标题' });
    b.saveIndexNow();
    expect(fs.readFileSync(textFile).equals(spoiled)).toBe(true);
    await b.checked;
    expect(b.openNotices.join()).toMatch(/检索索引文件已损坏，正在从档案库重建检索索引/);
    expect((await b.search({ query: '校对后的标题' })).hits.map((h) => h.id)).toEqual([before[0]]);
    expect(b.indexMismatches()).toEqual([]);
    await b.close();

    const c = await openArchive(dir);
    await c.checked;
    expect(c.openNotices).toEqual([]);
    expect(new Set((await c.search({ query: '淄博' })).hits.map((h) => h.id))).toEqual(new Set(before));
    expect(c.indexMismatches()).toEqual([]);
    await c.close();
  });

  it('a damaged database is still reported, by the check that runs after open (the first search does not wait for it)', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    const before = (await a.search({ query: '淄博' })).hits.map((h) => h.id);
    const root = (storedRow(a, "SELECT rootpage AS p FROM sqlite_master WHERE name = 'imports_hash'") as { p: number }).p;
    const pageSize = (storedRow(a, 'PRAGMA page_size') as { page_size: number }).page_size;
    writeStore(a, (db) => db.exec('PRAGMA wal_checkpoint(TRUNCATE)')); // every page in the database file itself
    await a.close();
    // The file hash index's root page overwritten: a b-tree page SQLite cannot read (nothing at open reads it).
    const fd = fs.openSync(path.join(dir, 'archive.sqlite'), 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const logged: string[] = [];
    const b = await Archive.open({ dir, log: (m) => logged.push(m) });
    expect((await b.search({ query: '淄博' })).hits.map((h) => h.id)).toEqual(before);
    await b.checked;
    expect(b.openNotices.join()).toMatch(/数据库检查发现问题：.*Tree \d+ page \d+.*建议用备份恢复/s);
    expect((await b.stats()).indexNotice).toMatch(/数据库检查发现问题/);
    // Not backed up over the good generations.
    expect(logged.join()).not.toMatch(/已自动备份/);
    expect(fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('auto-')) : []).toEqual([]);
    await b.close();
  });

  it('takes the weekly backup after open, off the archive\'s thread, and a sound database raises no notice', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    await a.close();
    const b = await Archive.open({ dir });
    await b.checked;
    expect(b.openNotices).toEqual([]);
    const autos = fs.readdirSync(path.join(dir, 'backups')).filter((f) => /^auto-\d+\.sqlite$/.test(f));
    expect(autos).toHaveLength(1);
    expect(checkBackupFile(path.join(dir, 'backups', autos[0]))).toBe('ok');
    await b.close();
    const c = await Archive.open({ dir, autoBackup: false });
    expect((await c.search({ query: '淄博' })).total).toBeGreaterThan(0);
    await c.close();
  });

  it('rewrites only the small file after a tag edit, the text index after an import', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    a.saveIndexNow();
    const textFile = path.join(dir, TEXT_FILE);
    const textBefore = fs.statSync(textFile).ino;
    const id = (await a.search({ query: '希望小屋' })).hits[0].id;
    await a.changeTags({ ids: [id], add: [{ kind: 'topic', name: '关爱儿童' }] });
    a.saveIndexNow();
    expect(fs.statSync(textFile).ino).toBe(textBefore);
    await a.close();
    const b = await openArchive(dir);
    expect(b.openNotices).toEqual([]);
    expect((await b.search({ query: '主题:关爱儿童' })).hits.map((h) => h.id)).toEqual([id]);
    await b.importSources(expandPaths([path.join(FIXTURES, fs.readdirSync(FIXTURES).find((f) => f.endsWith('.txt'))!)]).sources, {});
    b.saveIndexNow();
    expect(fs.statSync(textFile).ino).not.toBe(textBefore);
    await b.close();
  });

  it('re-indexes the articles that contain a new dictionary word', async () => {
    const a = await openArchive();
    await a.importSources(expandPaths([SAMPLE_DIR]).sources, {});
    const n = a.addDictionaryWord('四宝山双创公园城');
    expect(n).toBe(1);
    expect((await a.search({ query: '四宝山双创公园城' })).total).toBe(1);
    await a.close();
  });
});

describe('files that are not newspaper pages', () => {
  it('are skipped with the reason, nothing stored, unless forced', async () => {
    const { fromUpload } = await import('../../src/core/ingest/sources');
    const a = await openArchive();
    const readme = '# 报库\n\n离线的报纸文字档案库。\n\n## 安装\n\n```bash\nnpm ci\n```\n\n- `baoku import 目录`：导入\n- `baoku search 词`：检索\n';
    const upload = (name: string, text: string) => fromUpload({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') });
    const [r] = await a.importSources([upload('README.txt', readme)], {});
    expect(r.status).toBe('rejected');
    expect(r.notAPage).toBe(true);
    expect(r.error).toMatch(/^不像报纸版面：/);
    expect((await a.stats()).articles).toBe(0);
    expect((await a.listImports({ limit: 5 }))[0]).toMatchObject({ file: 'README.txt', status: 'rejected' });
    const [forced] = await a.importSources([upload('README.txt', readme)], { force: true });
    expect(forced.status).toBe('imported');
    await a.close();
  });
});

describe('a page whose body is one line', () => {
  it('is stored in paragraphs cut at sentence ends, and the report says so', async () => {
    const { fromUpload } = await import('../../src/core/ingest/sources');
    const { PARAGRAPH_MAX } = await import('../../src/core/ingest/long-paragraphs');
    const a = await openArchive();
    const sentences = ['全国总工会今天在北京召开会议，部署春节期间走访慰问困难职工工作。', '会议要求各级工会把党和政府的温暖送到困难职工家中！', '困难职工的年货备齐了吗？'];
    const line = Array.from({ length: 1500 }, (_, i) => sentences[i % 3]).join('');
    const upload = fromUpload({ name: 'rmrb_19980101_01.txt', dataBase64: Buffer.from(`职工冷暖挂心头\n${line}`, 'utf8').toString('base64') });
    const [r] = await a.importSources([upload], {});
    expect(r.status).toBe('imported');
    expect(r.warnings.some((w) => /段落过长（\d+ 字），已在句末切分为 \d+ 段$/.test(w))).toBe(true);
    const { hits } = await a.search({ query: '年货' });
    expect(hits).toHaveLength(1);
    const art = (await a.getArticle({ id: hits[0].id }))!;
    expect(art.paragraphs.length).toBeGreaterThan(10);
    expect(art.paragraphs.every((p) => p.text.length <= PARAGRAPH_MAX && /[。！？]$/.test(p.text))).toBe(true);
    expect(art.warnings.some((w) => w.startsWith('段落过长'))).toBe(true);
    await a.close();
  });
});

describe('the import count in stats', () => {
  it('counts imports that added or replaced a page, not duplicate or rejected attempts', async () => {
    const { fromUpload } = await import('../../src/core/ingest/sources');
    const a = await sampleArchive();
    const file = path.join(SAMPLE_DIR, fs.readdirSync(SAMPLE_DIR).find((f) => f.endsWith('.txt'))!);
    const text = fs.readFileSync(file, 'utf8');
    const upload = (t: string) => fromUpload({ name: path.basename(file), dataBase64: Buffer.from(t, 'utf8').toString('base64') });
    expect((await a.stats()).imports).toBe(1);
    expect((await a.importSources([upload(text)], {}))[0].status).toBe('duplicate');
    expect((await a.importSources([upload('没有。')], {}))[0].status).toBe('rejected');
    expect((await a.stats()).imports).toBe(1);
    expect((await a.importSources([upload(`${text}\n\n责任编辑 王五\n`)], {}))[0].status).toBe('replaced');
    expect((await a.stats()).imports).toBe(2);
    expect(await a.listImports({ limit: 10 })).toHaveLength(4);
    await a.close();
  });
});

describe('import jobs', () => {
  it('keeps the newest 200 finished jobs answerable and forgets older ones (a long-running host does not grow)', async () => {
    const a = await openArchive();
    const settle = async (id: string) => {
      while ((await a.importStatus({ jobId: id })).state === 'running') await new Promise((r) => setTimeout(r, 2));
    };
    const ids: string[] = [];
    for (let i = 0; i < 202; i++) {
      const { jobId } = await a.startImport({ files: [{ name: `empty-${i}.txt`, dataBase64: '' }] });
      await settle(jobId);
      ids.push(jobId);
    }
    // Starting job 203 prunes: 202 finished, the oldest 2 go.
    const last = await a.startImport({ files: [{ name: 'empty-last.txt', dataBase64: '' }] });
    await settle(last.jobId);
    await expect(a.importStatus({ jobId: ids[0] })).rejects.toThrow('没有这个导入任务');
    await expect(a.importStatus({ jobId: ids[1] })).rejects.toThrow('没有这个导入任务');
    expect((await a.importStatus({ jobId: ids[2] })).state).toBe('done');
    expect((await a.importStatus({ jobId: last.jobId })).report!.files[0].status).toBe('rejected');
    await a.close();
  });

  it('an upload does not rewrite the index file at once: close saves it (when it is saved later: save-scheduler.test.ts)', async () => {
    const dir = tempDir();
    // A quiet time longer than the test, so nothing here depends on how fast the machine is.
    const open = () => Archive.open({ dir, autoBackup: false, saveDelayMs: 600_000, saveMaxWaitMs: 600_000 });
    let a = await open();
    const page = fs.readFileSync(path.join(SAMPLE_DIR, SAMPLE_FILE), 'utf8');
    const upload = async (name: string) => {
      // Each upload its own text (the same bytes twice are a duplicate, whatever the name).
      const dataBase64 = Buffer.from(`${page}\n\n责任编辑 ${name}\n`).toString('base64');
      const { jobId } = await a.startImport({ files: [{ name, dataBase64 }] });
      while ((await a.importStatus({ jobId })).state === 'running') await new Promise((r) => setTimeout(r, 2));
    };
    await upload('大众日报_2022-01-28_第3版.txt');
    await upload('大众日报_2022-01-29_第3版.txt');
    const n = (await a.stats()).articles;
    // Searchable at once; on disk the index still holds what it held at open (nothing).
    expect((await a.search({ query: '淄博' })).total).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, INDEX_FILE)) ? readFingerprint(dir).articles : 0).toBe(0);
    await a.close();
    expect(readFingerprint(dir).articles).toBe(n);
    a = await open();
    expect(a.openNotices.join('')).not.toMatch(/重建/);
    await a.close();
  });
});

describe('an edition in one file', () => {
  it('is stored page by page: each article on its own page, a second import adds nothing, a page imported alone replaces its page', async () => {
    const { fromUpload } = await import('../../src/core/ingest/sources');
    const { parsePage } = await import('../../src/core/ingest');
    const files = ['rmrb_19980105_04.txt', 'rmrb_19980108_09.txt', 'rmrb_19980110_03.txt'];
    const pages = files.map((f) => decodeBuffer(fs.readFileSync(path.join(FIXTURES, f))).text);
    // Each page under its header, as a day's pages saved in one file print them.
    const edition = pages.map((p, i) => `人民日报 1998年1月10日 星期六 第${i + 2}版\n\n${p}`).join('\n\n');
    const upload = (text: string, name: string) => fromUpload({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') });
    const a = await openArchive();
    const [r] = await a.importSources([upload(edition, 'rmrb_19980110.txt')], { paper: '人民日报' });
    expect(r.status).toBe('imported');
    expect(r.warnings).toContain('整期文件：分成 3 个版面（第2版、第3版、第4版）分别导入');
    const want = pages.map((p) => parsePage(p, { file: 'x.txt' }).articles.length);
    expect(r.articles).toBe(want.reduce((x, y) => x + y, 0));
    const perPage = (storedRows(a, 'SELECT p.page AS page, count(*) AS n FROM articles a JOIN pages p ON p.id = a.page_id GROUP BY p.page ORDER BY p.page') as { page: number; n: number }[]).map((x) => [x.page, x.n]);
    expect(perPage).toEqual([[2, want[0]], [3, want[1]], [4, want[2]]]);
    // The same file again: nothing new.
    const [again] = await a.importSources([upload(edition, 'rmrb_19980110.txt')], { paper: '人民日报' });
    expect([again.status, again.articles]).toEqual(['duplicate', 0]);
    // Its second page on its own later: that page is replaced, the others stay.
    const [alone] = await a.importSources([upload(`人民日报 1998年1月10日 星期六 第3版\n\n${pages[1]}\n\n责任编辑 某某`, 'rmrb_19980110_03.txt')], { paper: '人民日报' });
    expect(alone.status).toBe('replaced');
    expect(storedRow(a, 'SELECT count(*) AS n FROM pages')).toMatchObject({ n: 3 });
    await a.close();
  });

  it("of several days' pages (one page number, dated headers): each page stored with its own date", async () => {
    const { fromUpload } = await import('../../src/core/ingest/sources');
    const files = ['rmrb_19980105_04.txt', 'rmrb_19980108_09.txt', 'rmrb_19980110_03.txt'];
    const series = files.map((f, i) => `人民日报 1998年1月${[5, 8, 10][i]}日 第1版\n\n${decodeBuffer(fs.readFileSync(path.join(FIXTURES, f))).text}`).join('\n\n');
    const a = await openArchive();
    const [r] = await a.importSources([fromUpload({ name: 'rmrb_1998_01.txt', dataBase64: Buffer.from(series, 'utf8').toString('base64') })], { paper: '人民日报' });
    expect(r.warnings[0]).toBe('多期文件：分成 3 个版面（1998-01-05 第1版、1998-01-08 第1版、1998-01-10 第1版）分别导入');
    const dates = (storedRows(a, 'SELECT DISTINCT a.date AS date FROM articles a ORDER BY a.date') as { date: string }[]).map((x) => x.date);
    expect(dates).toEqual(['1998-01-05', '1998-01-08', '1998-01-10']);
    await a.close();
  });
});
