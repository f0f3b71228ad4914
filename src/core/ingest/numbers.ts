/** Digits as newspapers print them: ASCII, full-width (`１２`) and Chinese numerals (`十二`, `二十一`, `一九九八`). */

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Full-width digits → ASCII, leave everything else. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Character class source matching any digit form we read. */
export const NUM = '[0-9０-９〇零一二两三四五六七八九十]';

/** Parse `12`, `１２`, `十二`, `二十一`, `一九九八` → number; undefined when not a number. */
export function parseNumber(raw: string): number | undefined {
  const s = asciiDigits(raw.trim());
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(s)) return undefined;
  if (!s.includes('十')) {
    // Digit by digit: 一九九八 → 1998.
    let v = 0;
    for (const ch of s) v = v * 10 + (CN_DIGITS[ch] ?? 0);
    return v;
  }
  const [tens, ones] = s.split('十');
  const t = tens === '' ? 1 : CN_DIGITS[tens] ?? NaN;
  const o = ones === '' || ones === undefined ? 0 : CN_DIGITS[ones] ?? NaN;
  const v = t * 10 + o;
  return Number.isFinite(v) ? v : undefined;
}

/** Whether y-m-d is a real calendar date in a plausible range. */
export function validDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
