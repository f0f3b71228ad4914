/**
 * Cut a paragraph no newspaper prints: a file with no line breaks (a whole page, or 50 MB, on
 * one line) would otherwise be one paragraph of millions of characters, which every reader,
 * snippet and phrase check then has to walk. The longest paragraph in the dev pages (1998 and
 * 2019) has 961 characters, so only paragraphs over `PARAGRAPH_MAX` are cut: at a sentence end
 * (`。！？!?`, with its closing quotes) once a piece has `PIECE_MIN` characters, and where no
 * sentence ends before `PARAGRAPH_MAX`, there.
 */
import type { Paragraph } from '../../shared/types';

export const PARAGRAPH_MAX = 5000;
const PIECE_MIN = 1000;
const SENTENCE_END = /[。！？!?][”’」』"')）】]*/;

/** `text` in pieces of at most `PARAGRAPH_MAX` characters, cut after sentence ends where there are any. */
export function cutText(text: string): { pieces: string[]; hardCuts: number } {
  if (text.length <= PARAGRAPH_MAX) return { pieces: [text], hardCuts: 0 };
  const pieces: string[] = [];
  let hardCuts = 0;
  let start = 0;
  while (text.length - start > PARAGRAPH_MAX) {
    // Look only inside this piece's window, so text with no sentence end stays linear.
    const from = start + PIECE_MIN - 1;
    const m = SENTENCE_END.exec(text.slice(from, start + PARAGRAPH_MAX));
    let end = m ? from + m.index + m[0].length : start + PARAGRAPH_MAX;
    if (!m) hardCuts++;
    // Never between the two halves of a character outside the BMP.
    if (!m && /[\ud800-\udbff]/.test(text[end - 1])) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return { pieces: pieces.map((p) => p.trim()).filter(Boolean), hardCuts };
}

/** The paragraphs with every over-long one cut (same type), and a warning for each one cut. */
export function cutLongParagraphs(paragraphs: Paragraph[], warnings: string[]): Paragraph[] {
  if (paragraphs.every((p) => p.text.length <= PARAGRAPH_MAX)) return paragraphs;
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const { pieces, hardCuts } = cutText(p.text);
    if (pieces.length > 1) {
      const head = `段落过长（${p.text.length} 字），`;
      warnings.push(hardCuts === 0 ? `${head}已在句末切分为 ${pieces.length} 段` : `${head}已切分为 ${pieces.length} 段（其中 ${hardCuts} 处没有句末，按 ${PARAGRAPH_MAX} 字切开）`);
    }
    for (const text of pieces) out.push({ type: p.type, text });
  }
  return out;
}
