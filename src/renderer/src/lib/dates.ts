/**
 * Issue dates as editors type them: ISO text (YYYY-MM-DD) whatever the locale, checked with a
 * Chinese sentence saying what is wrong. The import form and the 校对 panel use the same check.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a date field accepts as typed (`pattern` of the input; the exact check is `dateProblem`). */
export const DATE_PATTERN = String.raw`\d{4}-\d{2}-\d{2}`;

/** Why `s` is not a usable date (a Chinese sentence), or null when it is one or empty. */
export function dateProblem(s: string): string | null {
  const t = s.trim();
  if (!t) return null;
  const m = ISO_DATE.exec(t);
  if (!m) return `“${t}”不是日期：请写成 YYYY-MM-DD，如 1998-01-01。`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || y > 2200) return `“${t}”的年份不对：应在 1800 到 2200 之间。`;
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return `没有 ${t} 这一天，请检查月份和日期。`;
  return null;
}

/** `1998-1-1`, `1998/1/1`, `1998.01.01`, `1998年1月1日` → `1998-01-01`; anything else unchanged. */
export function normalizeDate(s: string): string {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s.trim();
}
