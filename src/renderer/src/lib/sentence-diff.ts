/**
 * A sentence diff of two articles, for the side-by-side view of
 * near-duplicates: the paragraphs are cut into sentences (after 。！？；
 * and their closing quotes), the longest common subsequence of the two
 * sentence lists is kept (compared without spaces), and every other sentence
 * is marked as found on its side only. Small texts (two newspaper stories),
 * so the quadratic LCS table is fine.
 */
export interface DiffSentence {
  text: string;
  /** Only in this article (not in the other). */
  only: boolean;
}

/** One article's paragraphs, each a list of sentences. */
export type DiffSide = DiffSentence[][];

const SENTENCE = /[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$/gu;

export function sentences(paragraph: string): string[] {
  return (paragraph.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
}

const key = (s: string) => s.replace(/\s+/g, '');

export function diffArticles(left: string[], right: string[]): { left: DiffSide; right: DiffSide } {
  const l = left.map(sentences);
  const r = right.map(sentences);
  const a = l.flat().map(key);
  const b = r.flat().map(key);
  // LCS lengths from the end: t[i][j] = LCS of a[i..] and b[j..].
  const t = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const keptA = new Set<number>();
  const keptB = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      keptA.add(i++);
      keptB.add(j++);
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  const mark = (paras: string[][], kept: Set<number>): DiffSide => {
    let n = 0;
    return paras.map((p) => p.map((text) => ({ text, only: !kept.has(n++) })));
  };
  return { left: mark(l, keptA), right: mark(r, keptB) };
}
