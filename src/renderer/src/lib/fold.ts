/**
 * Finding query terms in article text the way the index sees them: both
 * sides folded (NFKC, lower case, traditional → simplified; the fold the
 * index uses, src/shared/search-fold.ts), offsets mapped back to the
 * original text so the original characters are the ones highlighted
 * (`台湾` marks `臺灣` in a traditional article).
 */
import { foldForSearch, foldWithOffsets } from '../../../shared/search-fold';

export type Range = [number, number];

export function fold(s: string): string {
  return foldForSearch(s);
}

/** Non-overlapping [start, end) ranges of `terms` in `text` (overlapping matches merged). */
export function findTerms(text: string, terms: readonly string[]): Range[] {
  const folded = [...new Set(terms.map(fold).filter((t) => t.trim().length > 0))].sort((a, b) => b.length - a.length);
  if (folded.length === 0 || !text) return [];
  const f = foldWithOffsets(text);
  const found: Range[] = [];
  for (const term of folded) {
    for (let at = f.text.indexOf(term); at >= 0; at = f.text.indexOf(term, at + term.length)) found.push([f.start[at], f.end[at + term.length - 1]]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of found) {
    const last = out[out.length - 1];
    // Overlapping and adjacent matches (行政|政区, 淄博|高新) read as one highlight, as in snippets and exports.
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else if (r[1] > r[0]) out.push([r[0], r[1]]);
  }
  return out;
}

/** Splits text into plain and marked pieces. */
export function splitByRanges(text: string, ranges: readonly Range[]): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let pos = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (const [s0, e0] of sorted) {
    const s = Math.max(pos, Math.min(s0, text.length));
    const e = Math.min(text.length, e0);
    if (e <= s) continue;
    if (s > pos) parts.push({ text: text.slice(pos, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    pos = e;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), mark: false });
  return parts;
}
