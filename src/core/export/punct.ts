/**
 * Typesetting punctuation for the printed formats (PDF/HTML/DOCX): pages
 * extracted from print often carry half-width `,;:?!()` inside Chinese text,
 * which sets too tight. Next to a Han character they become full-width.
 * One character for one, so offsets (and highlighting) are unchanged.
 * Markdown, text and CSV keep the stored punctuation.
 */

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** `,;:?!` right after Han text or a Chinese quote. */
const AFTER_HAN = /(?<=[\p{Script=Han}“”‘’》」』])[,;:?!]/gu;
/** `,;` right before Han text (`39%,实现`). */
const BEFORE_HAN = /[,;](?=[\p{Script=Han}“‘《「『])/gu;
/** A parenthesised span with Han inside: `(运营机构)`. */
const PAREN_HAN = /\(([^()]*\p{Script=Han}[^()]*)\)/gu;

export function typesetPunct(text: string): string {
  if (!/[,;:?!()]/.test(text)) return text;
  return text
    .replace(AFTER_HAN, (c) => FULL[c])
    .replace(BEFORE_HAN, (c) => FULL[c])
    .replace(PAREN_HAN, '（$1）');
}
