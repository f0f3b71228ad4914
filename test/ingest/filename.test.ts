/** guessFromFileName: the file-name shapes archives use. */
import { describe, expect, it } from 'vitest';
import { guessFromFileName } from '../../src/core/ingest';

describe('guessFromFileName', () => {
  it.each([
    ['2022-01-28.txt', { date: '2022-01-28' }],
    ['20220128.txt', { date: '2022-01-28' }],
    ['dzrb_20220128_03.txt', { paper: '大众日报', date: '2022-01-28', page: 3 }],
    ['19980101-02.txt', { date: '1998-01-01', page: 2 }],
    ['大众日报_2022-01-28_第3版.txt', { paper: '大众日报', date: '2022-01-28', page: 3 }],
    ['人民日报2022年1月28日第三版.txt', { paper: '人民日报', date: '2022-01-28', page: 3 }],
    ['C:\\scans\\齐鲁晚报 2021.12.05 第１２版.TXT', { paper: '齐鲁晚报', date: '2021-12-05', page: 12 }],
    ['人民日报海外版_2019-02-10_第4版.txt', { paper: '人民日报海外版', date: '2019-02-10', page: 4 }],
    ['2019年2月10日人民日报第4版.txt', { paper: '人民日报', date: '2019-02-10', page: 4 }],
    ['rmrb2019021505.txt', { paper: '人民日报', date: '2019-02-15', page: 5 }],
    // Twelve digits are not a date and a page (a time stamp, an id).
    ['201902150530.txt', {}],
    ['notes.txt', {}],
    ['20221345.txt', {}],
  ])('%s', (name, want) => {
    expect(guessFromFileName(name)).toEqual(want);
  });
});
