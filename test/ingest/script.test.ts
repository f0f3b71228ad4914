/**
 * Pages printed in traditional characters (src/core/ingest/script.ts): read with the same cues as
 * simplified pages — dateline, byline, agency — and every piece given back as printed. On the
 * traditional pages of test/fixtures/fanjian (our own), against their simplified counterpart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest';
import { simplifiedTwin } from '../../src/core/ingest/script';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'fanjian');
const read = (name: string) => {
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  return { text, page: parsePage(text, { file: name }) };
};

describe('traditional pages', () => {
  it('reads the dateline and the byline of a traditional page, names as printed', () => {
    const { page } = read('港岛日报_2022-07-01_第2版.txt');
    expect(page.articles).toHaveLength(1);
    const [a] = page.articles;
    expect(a.title).toBe('香港特別行政區慶祝回歸二十五周年');
    expect(a.dateline).toMatchObject({ raw: '本報香港7月1日訊', place: '香港', month: 7, day: 1, agency: '本报' });
    expect(a.byline).toMatchObject({ raw: '本報記者 陳嘉欣', reporters: ['陳嘉欣'] });
    // The dateline is not left in the body, and the byline is not a paragraph.
    expect(a.paragraphs.map((p) => p.text).join('')).not.toMatch(/本報香港|本報記者/);
    // The paper's name comes from the file name, as given.
    expect(page.paper).toBe('港岛日报');
  });

  it('gives back every piece of text in the characters the page printed', () => {
    for (const name of ['港岛日报_2022-07-01_第2版.txt', '港岛日报_2022-07-01_第3版.txt']) {
      const { text, page } = read(name);
      expect(simplifiedTwin(text)).toBeDefined();
      for (const a of page.articles) {
        for (const piece of [a.title, ...a.paragraphs.map((p) => p.text), a.byline?.raw ?? '', a.dateline?.raw ?? '', ...(a.byline?.reporters ?? [])]) {
          expect(text, name).toContain(piece);
        }
      }
    }
  });

  it('reads a traditional page as its simplified counterpart is read (same split, same roles)', () => {
    const trad = read('港岛日报_2022-07-01_第3版.txt').page.articles;
    expect(trad.map((a) => ({ dateline: !!a.dateline, reporters: a.byline?.reporters.length ?? 0, paragraphs: a.paragraphs.length }))).toEqual([
      { dateline: true, reporters: 1, paragraphs: 2 },
    ]);
    expect(trad[0].byline?.reporters).toEqual(['黃志偉']);
    // A simplified page is read as it stands.
    const simp = read('京华日报_2022-07-01_第3版.txt');
    expect(simplifiedTwin(simp.text)).toBeUndefined();
    expect(simp.page.articles.map((a) => a.byline?.reporters)).toEqual([['王晓明'], ['李海燕']]);
    // A simplified page that prints a stray character OpenCC would convert (乾隆) is read as it stands.
    expect(simplifiedTwin(simp.text.replace('老城区', '乾隆年间的老城区'))).toBeUndefined();
  });
});
