/** File names, citations and term matching of the clippings export. */
import { describe, expect, it } from 'vitest';
import { clippingFileName, gbt7714 } from '../../src/core/export';
import { findTerms, prepareTerms } from '../../src/shared/find-terms';
import { typesetPunct } from '../../src/core/export/punct';
import { awkwardArticle, sampleArticles } from './sample';

const NOW = new Date(2024, 4, 6, 10, 30);

describe('clippingFileName', () => {
  it('is 剪报_<name>_<date>.<ext>', () => {
    expect(clippingFileName('高新区报道', 'pdf', NOW)).toBe('剪报_高新区报道_2024-05-06.pdf');
    expect(clippingFileName('高新区报道', 'docx', new Date(2023, 11, 31, 23, 59))).toBe('剪报_高新区报道_2023-12-31.docx');
  });

  it('removes characters Windows forbids, control characters and trailing dots/spaces', () => {
    const name = clippingFileName(' a<b>c:d"e/f\\g|h?i*j\u0001k\u007f  l. . ', 'csv', NOW);
    expect(name).toBe('剪报_abcdefghijk l_2024-05-06.csv');
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
  });

  it('drops reserved device names and empty names', () => {
    for (const bad of ['CON', 'prn', 'Aux.txt', 'nul', 'COM1', 'lpt9', '...', '   ', '<>']) {
      expect(clippingFileName(bad, 'txt', NOW)).toBe('剪报_2024-05-06.txt');
    }
    expect(clippingFileName('CONTEXT', 'txt', NOW)).toBe('剪报_CONTEXT_2024-05-06.txt');
    expect(clippingFileName('剪报', 'md', NOW)).toBe('剪报_2024-05-06.md');
  });

  it('keeps long names within limits', () => {
    const name = clippingFileName('很长的名字'.repeat(40), 'html', NOW);
    expect(Buffer.byteLength(name)).toBeLessThan(255);
    expect(name.endsWith('_2024-05-06.html')).toBe(true);
  });
});

// The citation of every clipping is GB/T 7714-2015 (more cases in citation.test.ts).
describe('citation', () => {
  it('cites authors, title, paper, date and page', () => {
    const story = sampleArticles().find((a) => a.byline?.reporters.includes('陆晓茜'));
    expect(story).toBeDefined();
    expect(gbt7714(story!)).toBe(`陆晓茜, 徐浩, 郭方强, 等. ${story!.title}[N]. 大众日报, 2022-01-28(3).`);
  });

  it('says what is unknown and keeps the title as printed', () => {
    const a = awkwardArticle();
    expect(gbt7714({ ...a, paper: undefined, page: undefined, byline: undefined, tags: [] })).toBe(
      '标题含 <b>粗体</b> & “引号” 《书名》: 副题 "quoted"[N]. [报纸名不详], 2023-02-04.',
    );
    // Tagged reporters count; a byline name keeps its role (李四 is the photographer of a story: not an author).
    expect(gbt7714(a)).toBe('张三, 王五. 标题含 <b>粗体</b> & “引号” 《书名》: 副题 "quoted"[N]. 大众日报, 2023-02-04(12).');
  });
});

describe('highlight terms', () => {
  it('matches folded terms case- and width-insensitively in original text', () => {
    const text = 'ＭＥＭＳ产业与mems、淄博高新区';
    const ranges = findTerms(text, prepareTerms(['mems', '高新区', '高新']));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['ＭＥＭＳ', 'mems', '高新区']);
  });
});

describe('typesetPunct', () => {
  it('makes half-width punctuation inside Chinese full-width, one for one', () => {
    const s = '总投资,实现39%,增长;(运营机构)+基金 1,000 元 a (b) c 10:30';
    const t = typesetPunct(s);
    expect(t).toBe('总投资，实现39%，增长；（运营机构）+基金 1,000 元 a (b) c 10:30');
    expect(t.length).toBe(s.length);
  });
});
