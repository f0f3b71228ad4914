/**
 * Text normalisation shared by documents and queries.
 *
 * Stored article text keeps its original characters; only the search side
 * folds widths (NFKC: `１２` → `12`, `ＡＢＣ` → `abc`, `，` → `,`), case and
 * script (traditional → simplified: `臺灣` → `台湾`). The fold lives in
 * src/shared/search-fold.ts, where the reader's highlighting uses it too.
 */
export { foldForSearch, foldWithOffsets, hasTraditional } from '../../shared/search-fold';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Remove control characters, zero-width and bidi marks. Returns the text and how many were removed. */
export function stripControls(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(CONTROL, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** Collapse runs of white space inside a line (keeps the text otherwise as is). */
export function tidyLine(line: string): string {
  return line
    .replace(/[\t\u00a0\u3000 ]+/g, ' ')
    .trim();
}

/** Whether a character is CJK (Han, or CJK punctuation/full-width forms). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}
