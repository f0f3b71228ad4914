/**
 * How a document's text becomes index terms, but for cutting Han runs into words (jieba's
 * search mode, which the caller gives as `han`): folding, splitting into runs of Han text and
 * runs of Latin letters and digits, and the extra terms numbers yield (`2022年`, `5.5`,
 * `一九九六` as `1996`). Shared by the tokenizer (tokenizer.ts, this thread) and the segmenting
 * threads of a rebuild (segment-thread.ts), so both give the same terms; it loads no jieba.
 */
import { foldForSearch } from './normalize';

/** Marks a term a segmenting thread answers as a number's extra term (`2022年`, `1996`): never a stop word. */
export const EXTRA_TERM = 0x80000000;

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/**
 * A number written digit by digit in Chinese characters: three digits or
 * more (`一九九六`, `二〇〇八`), or two before 年 (`九七年`). Counting
 * numerals (`三十三万`) and words that merely hold a digit (`一些`, `九九`)
 * are left alone.
 */
export const CN_NUMBER = /[〇零○一二三四五六七八九]{3,}|[〇零○一二三四五六七八九]{2}(?=年)/gu;

/** A number written digit by digit in Chinese characters (a `CN_NUMBER` match) in Arabic digits: `一九九六` → `1996`. */
export function arabicDigits(cn: string): string {
  return [...cn].map((c) => CN_DIGIT[c]).join('');
}

/** Chinese digit-by-digit numbers in a folded text: the Arabic form, where it starts and ends. */
function chineseNumbers(folded: string): { digits: string; start: number; end: number }[] {
  const out: { digits: string; start: number; end: number }[] = [];
  for (const m of folded.matchAll(CN_NUMBER)) {
    const digits = arabicDigits(m[0]);
    out.push({ digits, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

const UNIT_AFTER_NUMBER = /^[年月日号时分秒个家项所名人位岁元万亿千百吨件台辆次届期批平方公里米倍%]/u;
// A run of Latin letters/digits, allowing inner . & + - ' (5.5, r&d, covid-19) and a trailing %.
const W = "(?:(?!\\p{Script=Han})[\\p{L}\\p{N}])";
const SEGMENT = new RegExp(`(\\p{Script=Han}+)|(${W}+(?:[.&+\\-'](?:${W})+)*%?)`, 'gu');

export interface Piece {
  text: string;
  han: boolean;
  /** Offset in the folded string. */
  start: number;
}

export function pieces(folded: string): Piece[] {
  const out: Piece[] = [];
  for (const m of folded.matchAll(SEGMENT)) {
    out.push({ text: m[0], han: m[1] !== undefined, start: m.index ?? 0 });
  }
  return out;
}

/** `2022年`: a digit run immediately followed by a unit character, joined; undefined for any other piece. */
export function numberUnit(p: Piece, next: Piece | undefined, folded: string): string | undefined {
  if (!/^\d+(?:\.\d+)?$/.test(p.text)) return undefined;
  const after = folded.charAt(p.start + p.text.length);
  if (next && next.han && next.start === p.start + p.text.length && UNIT_AFTER_NUMBER.test(after)) return p.text + after;
  return undefined;
}

/** A text folded and split into runs (see `pieces`). */
export interface Analysed {
  folded: string;
  pieces: Piece[];
}

export function analyse(text: string): Analysed {
  const folded = foldForSearch(text);
  return { folded, pieces: pieces(folded) };
}

/**
 * The index terms of an analysed text, in order: each Han run's words as `han` gives them, each
 * other run as a `word`, and what numbers also yield as `extra` terms (never stop words). `term`
 * makes a term of a string (the string itself, or its number), or drops it (undefined: a stop word).
 */
export function indexTerms<T>(
  { folded, pieces: ps }: Analysed,
  term: (t: string, kind: 'word' | 'extra') => T | undefined,
  han: (run: string, push: (t: T) => void) => void,
): T[] {
  const out: T[] = [];
  const push = (t: T) => void out.push(t);
  const add = (t: string, kind: 'word' | 'extra') => {
    const x = term(t, kind);
    if (x !== undefined) out.push(x);
  };
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.han) han(p.text, push);
    else {
      add(p.text, 'word');
      // `5.5%` is also `5.5`: a query for the bare number finds it.
      if (/^\d+(?:\.\d+)?%$/.test(p.text)) add(p.text.slice(0, -1), 'extra');
      const unit = numberUnit(p, ps[i + 1], folded);
      if (unit) add(unit, 'extra');
    }
  }
  // `一九九六年` is also `1996` and `1996年`.
  for (const n of chineseNumbers(folded)) {
    add(n.digits, 'extra');
    const after = folded.charAt(n.end);
    if (UNIT_AFTER_NUMBER.test(after)) add(n.digits + after, 'extra');
  }
  return out;
}
