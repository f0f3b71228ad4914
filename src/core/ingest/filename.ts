/**
 * Guess paper, date and page from a file name:
 * `2022-01-28`, `20220128`, `dzrb_20220128_03.txt`, `大众日报2022年1月28日第3版.txt`, `19980101-02.txt`,
 * `rmrb2019021505.txt` (date and page run together).
 */
import type { FileNameGuess } from '../../shared/api';
import { NUM, asciiDigits, isoDate, parseNumber, validDate } from './numbers';
import { PAPER_RE } from './furniture';

/** Pinyin abbreviations seen in newspaper archives' file names. */
const PAPER_CODES: Record<string, string> = {
  rmrb: '人民日报',
  dzrb: '大众日报',
  gmrb: '光明日报',
  jjrb: '经济日报',
  jfrb: '解放日报',
  nfrb: '南方日报',
  bjrb: '北京日报',
  zgqnb: '中国青年报',
};

export function guessFromFileName(name: string): FileNameGuess {
  const guess: FileNameGuess = {};
  const base = asciiDigits((name.split(/[\\/]/).pop() ?? name).replace(/\.[A-Za-z0-9]{1,5}$/, ''));

  // Paper: a Chinese paper name, or a known pinyin code.
  // (Not from a date written in characters: `2019年2月10日人民日报` is 人民日报, not 日人民日报.)
  const cn = base.replace(/\d{2,4}年\d{1,2}月\d{1,2}日/g, ' ').match(PAPER_RE);
  if (cn) guess.paper = cn[1];
  else {
    const code = base.toLowerCase().match(/(?:^|[^a-z])([a-z]{3,6})(?=$|[^a-z])/g);
    for (const c of code ?? []) {
      const k = c.replace(/[^a-z]/g, '');
      if (PAPER_CODES[k]) {
        guess.paper = PAPER_CODES[k];
        break;
      }
    }
  }

  // Date: 2022年1月28日, 2022-01-28 / 2022_1_28 / 2022.01.28, 20220128.
  let dateEnd = -1;
  const tryDate = (y: number, m: number, d: number, end: number): boolean => {
    if (!validDate(y, m, d)) return false;
    guess.date = isoDate(y, m, d);
    dateEnd = end;
    return true;
  };
  const cnDate = base.match(/((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/);
  const sepDate = base.match(/(?<!\d)((?:19|20)\d{2})[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)/);
  const compact = base.match(/(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/);
  for (const m of [cnDate, sepDate, compact]) {
    if (m && tryDate(Number(m[1]), Number(m[2]), Number(m[3]), (m.index ?? 0) + m[0].length)) break;
  }
  // The date and a two-digit page run together, ten digits and no more: `rmrb2019021505`.
  let runPage: number | undefined;
  const dateAndPage = guess.date ? null : base.match(/(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(?!\d)/);
  if (dateAndPage && tryDate(Number(dateAndPage[1]), Number(dateAndPage[2]), Number(dateAndPage[3]), (dateAndPage.index ?? 0) + dateAndPage[0].length)) runPage = Number(dateAndPage[4]);

  // Page: 第3版 / 第三版 / A03版 / p3 / page3, else a short number right after the date.
  const cnPage = base.match(new RegExp(`第\\s*(${NUM}{1,3})\\s*(?:版|页)`));
  const latin = base.match(/(?:^|[^a-z])(?:p|page|pg|ban)[-_ ]?(\d{1,3})(?!\d)/i);
  const lettered = base.match(/(?<![A-Za-z])[A-H](\d{1,2})(?:版)?(?!\d)/);
  let page: number | undefined;
  if (cnPage) page = parseNumber(cnPage[1]);
  else if (latin) page = Number(latin[1]);
  else if (runPage !== undefined) page = runPage;
  else if (dateEnd >= 0) {
    const after = base.slice(dateEnd).match(/^[-_. ]+(\d{1,3})(?!\d)/);
    if (after) page = Number(after[1]);
  }
  if (page === undefined && lettered) page = Number(lettered[1]);
  if (page !== undefined && page > 0 && page < 1000) guess.page = page;
  return guess;
}
