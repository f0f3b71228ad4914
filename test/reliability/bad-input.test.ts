/**
 * Bad input: a folder of hostile files (see hostile.ts) imported together
 * with good pages. Each bad file is refused with a one-line Chinese message
 * (or, when it is really text, imported with the same articles as its clean
 * original); the refused ones leave the articles table byte-for-byte
 * unchanged; the good pages beside them import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths, fromUpload } from '../../src/core/ingest/sources';
import type { ImportFileReport } from '../../src/shared/api';
import { writeHostileCorpus, type HostileFile } from './hostile';
import { articlesChecksum, importMismatches, integrity, realPages, tmpDir } from './support';
import { readStore, storedRows } from '../support/sqlite';

const pages = realPages();

/** A message an editor can read: one line, Chinese, no stack or JS noise. */
function expectClearMessage(r: ImportFileReport): void {
  expect(r.error, `${r.file} has no message`).toBeTruthy();
  const msg = r.error!;
  expect(msg, r.file).not.toMatch(/\n/);
  expect(msg.length, r.file).toBeLessThan(200);
  expect(msg, r.file).toMatch(/\p{Script=Han}/u);
  expect(msg, r.file).not.toMatch(/\bat \S+:\d+|Error:|undefined|\[object|ENOENT|EISDIR/);
}

function titlesOf(a: Archive, file: string): string[] {
  return (
    storedRows(
      a,
      `SELECT a.title FROM articles a JOIN pages p ON p.id = a.page_id JOIN imports i ON i.id = p.import_id
       WHERE i.file = ? AND i.status IN ('imported','replaced') ORDER BY a.seq`,
      [file],
    ) as { title: string }[]
  ).map((r) => r.title);
}

describe.skipIf(pages.length < 6)('hostile files imported beside good pages', () => {
  const root = tmpDir('hostile');
  const folder = path.join(root, 'incoming');
  const archiveDir = path.join(root, 'archive');
  let hostile: HostileFile[];
  let good: string[];
  let a: Archive;
  const timings = new Map<string, number>();

  beforeAll(async () => {
    // Two pages go in first (the "before" state); three more sit in the folder among the hostile files.
    const before = pages.slice(1, 3);
    good = [pages[0], ...pages.slice(3, 5)];
    fs.mkdirSync(folder, { recursive: true });
    for (const p of good) fs.copyFileSync(p, path.join(folder, path.basename(p)));
    hostile = writeHostileCorpus(folder, pages[0]);
    a = await Archive.open({ dir: archiveDir, autoBackup: false });
    const first = await a.importSources(expandPaths(before).sources, {});
    expect(first.map((r) => r.status)).toEqual(['imported', 'imported']);
  });
  afterAll(async () => {
    await a?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses every binary, empty, oversized and unreadable file, leaving the articles table unchanged', async () => {
    const rejects = hostile.filter((h) => h.expect === 'reject');
    expect(rejects.length).toBeGreaterThanOrEqual(7);
    const before = readStore(a, (db) => articlesChecksum(db));
    const reports = await a.importSources(expandPaths(rejects.map((h) => path.join(folder, h.name))).sources, {});
    expect(reports).toHaveLength(rejects.length);
    for (const r of reports) {
      expect(r.status, `${r.file}: ${r.error}`).toBe('rejected');
      expect(r.articles).toBe(0);
      expectClearMessage(r);
    }
    expect(readStore(a, (db) => articlesChecksum(db))).toEqual(before);
    // Every attempt is on record, as a refusal.
    const recorded = await a.listImports({ limit: 100 });
    for (const h of rejects) expect(recorded.find((i) => i.file === h.name)?.status).toBe('rejected');
    process.stdout.write(`[bad-input] ${rejects.length} files refused: ${reports.map((r) => `${r.file}: ${r.error}`).join(' | ')}\n`);
  });

  it('imports the good pages and the really-text files of the same folder, each bad one with a clear message', { timeout: 300_000 }, async () => {
    const before = readStore(a, (db) => articlesChecksum(db));
    const ex = expandPaths([folder]);
    // An upload whose name climbs out of its folder, and one with only Windows-illegal characters.
    const climbing = fromUpload({ name: '../../../etc/上级目录.txt', dataBase64: fs.readFileSync(pages[5]).toString('base64') });
    const sources = [...ex.sources, climbing];
    let last = performance.now();
    const reports = await a.importSources(sources, {}, (r) => {
      const now = performance.now();
      timings.set(r.file, now - last);
      last = now;
    });
    expect(reports).toHaveLength(hostile.length + good.length + 1);
    const by = new Map(reports.map((r) => [r.file, r]));
    for (const p of good) {
      const r = by.get(path.basename(p))!;
      expect(r.status, `${r.file}: ${r.error}`).toBe('imported');
      expect(r.articles).toBeGreaterThan(0);
    }
    // The climbing upload lands under its own base name, as an ordinary import of its text.
    expect(by.get('上级目录.txt')?.status).toBe('imported');
    expect(reports.some((r) => r.file.includes('..') || r.file.includes('/'))).toBe(false);
    for (const h of hostile) {
      const r = by.get(h.name)!;
      expect(r, h.name).toBeDefined();
      if (r.status === 'rejected') {
        expect(h.expect, `${h.name} (${h.why}) was refused: ${r.error}`).not.toBe('import');
        expectClearMessage(r);
        continue;
      }
      expect(h.expect, `${h.name} (${h.why}) was imported`).not.toBe('reject');
      expect(r.articles).toBeGreaterThan(0);
      const titles = titlesOf(a, h.name);
      expect(titles.length).toBe(r.articles);
      for (const t of titles) expect(t, h.name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\ufffd]/);
      if (h.sameAs) expect(titles, `${h.name} (${h.why})`).toEqual(titlesOf(a, h.sameAs));
    }
    // The oddities survive as text: emoji and combining marks are kept, not mangled.
    const odd = storedRows(a, "SELECT paragraphs FROM articles a JOIN pages p ON p.id = a.page_id JOIN imports i ON i.id = p.import_id WHERE i.file = '统一码怪字符.txt'") as { paragraphs: string }[];
    expect(odd.map((r) => r.paragraphs).join('')).toMatch(/👨‍👩‍👧‍👦/u);
    // What was added is exactly what the non-refused reports announced; the store is sound.
    const added = reports.filter((r) => r.status === 'imported').reduce((n, r) => n + r.articles, 0);
    expect(readStore(a, (db) => articlesChecksum(db)).count).toBe(before.count + added);
    expect(readStore(a, (db) => integrity(db))).toBe('ok');
    const m = readStore(a, (db) => importMismatches(db));
    expect(m).toEqual({ pages: [], orphans: 0, foreignKeys: 0, unrecordedPages: 0 });
    // Time per file (the 5 MB line, 20,000 bylines…) is printed below, not asserted: a busy machine is slow at random.
    // Searching the imported oddities is safe.
    const res = await a.search({ query: '反向 OR 经济', limit: 5 });
    expect(res.error).toBeUndefined();
    process.stdout.write(
      `[bad-input] ${hostile.length} hostile files + ${good.length + 1} good: ` +
        reports.map((r) => `${r.file}=${r.status}${r.articles ? `(${r.articles})` : ''}${r.error ? `:${r.error}` : ''} ${Math.round(timings.get(r.file) ?? 0)}ms`).join(' | ') +
        '\n',
    );
  });
});
