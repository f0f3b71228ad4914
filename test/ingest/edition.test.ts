/**
 * An edition in one file is cut at its page lines (src/core/ingest/edition.ts); storing it page by
 * page is tested in test/core/import.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from '../../src/core/ingest';
import { splitEdition } from '../../src/core/ingest/edition';

const page = (f: string) => decodeBuffer(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'pages', f))).text;

describe('an edition in one file', () => {
  it('is cut at the footer that ends each page (e-paper text: 《 人民日报 》（ 2021年01月05日 02 版）)', () => {
    const second = page('rmrb_20210105_02.txt');
    expect(second.trimEnd().endsWith('02 版）')).toBe(true);
    const third = `${page('rmrb_19980110_03.txt')}\n《 人民日报 》（ 2021年01月05日 03 版）\n`;
    const pages = splitEdition(`${second.trimEnd()}\n${third}`)!;
    expect(pages.map((p) => p.page)).toEqual([2, 3]);
    expect(pages[0].text.trimEnd().endsWith('02 版）')).toBe(true);
    expect(pages[1].text.trimStart().startsWith(third.trimStart().slice(0, 10))).toBe(true);
  });

  it('is cut at the header that opens each page, a header and its section line being one page', () => {
    const text = ['人民日报 1998年1月8日 星期四 第9版', '理论', page('rmrb_19980108_09.txt'), '人民日报 1998年1月8日 星期四 第10版', page('rmrb_19980110_03.txt')].join('\n\n');
    expect(splitEdition(text)!.map((p) => [p.page, p.text.split('\n')[0]])).toEqual([
      [9, '人民日报 1998年1月8日 星期四 第9版'],
      [10, '人民日报 1998年1月8日 星期四 第10版'],
    ]);
  });

  it("cuts a file of several days' pages of one number at their dated headers, each page with its date", () => {
    const text = ['5', '8', '10'].map((d, i) => `人民日报 1998年1月${d}日 第4版\n\n${page(['rmrb_19980105_04.txt', 'rmrb_19980108_09.txt', 'rmrb_19980110_03.txt'][i])}`).join('\n\n');
    expect(splitEdition(text)!.map((p) => [p.date, p.page])).toEqual([
      ['1998-01-05', 4],
      ['1998-01-08', 4],
      ['1998-01-10', 4],
    ]);
  });

  it('leaves a page with its own header, or none, as one page', () => {
    expect(splitEdition(page('gmrb_20190314_05.txt'))).toBeUndefined();
    expect(splitEdition(page('rmrb_19980108_09.txt'))).toBeUndefined();
  });
});
