/**
 * "Not a page": every real page we have passes the shape check; a README, a
 * licence, JSON, .ini/.env files, a host name, a Chinese software README and
 * a data set's SOURCE notice, source code, HTML and a Chinese software licence
 * agreement do not, each with a reason. Importing them skips
 * them (nothing stored) unless forced. A stop-word list is refused too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths, fromPath } from '../../src/core/ingest/sources';
import { decodeBuffer } from '../../src/core/ingest';
import { pageShape } from '../../src/core/ingest/page-shape';
import { openArchive } from '../core/helpers';

const REPO = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(REPO, '..', 'shared');
const PAGE_DIRS = [
  path.join(SHARED, 'pages-dev'),
  path.join(SHARED, 'pages-dev-modern'),
  path.join(SHARED, 'samples'),
  path.join(REPO, 'resources', 'sample'),
  path.join(REPO, 'test', 'fixtures', 'pages'),
  path.join(REPO, 'test', 'fixtures', 'pages', 'src'),
  path.join(REPO, 'test', 'fixtures', 'dates'),
];
const NOT_PAGES = path.join(REPO, 'test', 'fixtures', 'not-pages');

/** The page files of a folder: its .txt files other than a corpus' SOURCE.txt. */
function pageFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && f !== 'SOURCE.txt')
    .sort()
    .map((f) => path.join(dir, f));
}

const textOf = (file: string) => decodeBuffer(fs.readFileSync(file), path.basename(file)).text;

describe('the shape of a newspaper page', () => {
  it('accepts every page of pages-dev, pages-dev-modern, samples, the sample and the fixtures', () => {
    const files = PAGE_DIRS.flatMap(pageFiles);
    // The repository's own pages are always there; the shared ones when ../shared is.
    expect(files.length).toBeGreaterThanOrEqual(fs.existsSync(SHARED) ? 150 : 20);
    const refused = files.map((f) => [path.basename(f), pageShape(textOf(f)).reason]).filter(([, r]) => r);
    expect(refused).toEqual([]);
  });

  const expected: Record<string, RegExp> = {
    'README.md': /Markdown|汉字/,
    LICENSE: /汉字/,
    '栏目配置.json': /JSON/,
    'settings.ini': /配置/,
    '.env': /配置/,
    hostname: /汉字/,
    '说明.md': /Markdown/,
    'SOURCE.txt': /文件名|网址/,
    'stopwords.txt': /词表/,
    'code.py': /源代码/,
    'page.html': /HTML/,
    '许可.txt': /许可/,
  };
  for (const [name, why] of Object.entries(expected)) {
    it(`refuses ${name}, saying why`, () => {
      const s = pageShape(textOf(path.join(NOT_PAGES, name)));
      expect(s.ok).toBe(false);
      expect(s.reason).toMatch(/^不像报纸版面：/);
      expect(s.reason).toMatch(why);
    });
  }

  it.skipIf(!fs.existsSync(SHARED))('refuses the SOURCE.txt notices of the shared corpora', () => {
    for (const dir of ['pages-dev', 'pages-dev-modern', 'corpus']) {
      const f = path.join(SHARED, dir, 'SOURCE.txt');
      if (fs.existsSync(f)) expect(pageShape(textOf(f)).ok, f).toBe(false);
    }
  });
});

describe('importing files that are not pages', () => {
  it('skips them with the reason, stores nothing, and imports them when forced', async () => {
    const a = await openArchive();
    const files = fs.readdirSync(NOT_PAGES).sort().map((f) => path.join(NOT_PAGES, f));
    expect(files.length).toBe(12);
    const reports = await a.importSources(files.map(fromPath), {});
    for (const r of reports) {
      expect(r, r.file).toMatchObject({ status: 'rejected', articles: 0, notAPage: true });
      expect(r.error).toMatch(/^不像报纸版面：/);
    }
    expect((await a.stats()).articles).toBe(0);
    const history = await a.listImports({ limit: 20 });
    expect(history.filter((h) => h.status === 'rejected' && h.notAPage && /^不像报纸版面/.test(h.warnings[0]))).toHaveLength(12);
    // A real page beside them imports as before.
    const [page] = await a.importSources(expandPaths([path.join(REPO, 'test', 'fixtures', 'pages', 'page.txt')]).sources, {});
    expect(page.status).toBe('imported');
    expect(page.notAPage).toBeUndefined();
    // Forced: the Chinese README goes in as text (the editor's choice).
    const [forced] = await a.importSources([fromPath(path.join(NOT_PAGES, '说明.md'))], { force: true });
    expect(forced.status).toBe('imported');
    expect(forced.articles).toBeGreaterThan(0);
    await a.close();
  });

  it('skips them in an import job too, and the job imports them with force', async () => {
    const a = await openArchive();
    const wait = async (jobId: string) => {
      let st = await a.importStatus({ jobId });
      while (st.state === 'running') {
        await new Promise((r) => setTimeout(r, 5));
        st = await a.importStatus({ jobId });
      }
      return st;
    };
    const file = path.join(NOT_PAGES, 'SOURCE.txt');
    const first = await wait((await a.startImport({ paths: [file] })).jobId);
    expect(first.report!.files[0]).toMatchObject({ status: 'rejected', notAPage: true });
    const forced = await wait((await a.startImport({ paths: [file], force: true })).jobId);
    expect(forced.report!.files[0].status).toBe('imported');
    await a.close();
  });
});
