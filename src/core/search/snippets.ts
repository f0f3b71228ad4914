/**
 * Snippets: up to three windows of an article's body around the matched
 * words, with highlight ranges in characters of the stored (unfolded) text:
 * the terms are found as everywhere else (src/shared/find-terms.ts: folded as
 * the index folds, mapped back, so `台湾` marks `臺灣` in a traditional article).
 */
import type { Snippet } from '../../shared/api';
import { findTerms } from '../../shared/find-terms';

const SENTENCE_END = /[。！？；!?;]/;

/** Up to `max` snippets of about `width` characters, richest windows first, in text order. */
export function makeSnippets(text: string, terms: string[], max = 3, width = 90): Snippet[] {
  const ranges = findTerms(text, terms);
  if (ranges.length === 0) {
    const t = text.slice(0, width);
    return t ? [{ text: t + (text.length > width ? '…' : ''), highlights: [] }] : [];
  }
  // Greedy: each window starts a little before an uncovered match.
  const windows: { start: number; end: number; score: number }[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    let start = Math.max(0, r[0] - Math.floor(width / 4));
    // Prefer to start just after a sentence end when one is near.
    for (let k = r[0] - 1; k >= Math.max(0, r[0] - Math.floor(width / 3)); k--) {
      if (SENTENCE_END.test(text[k])) {
        start = k + 1;
        break;
      }
    }
    const end = Math.min(text.length, start + width);
    // The merged ranges are sorted and disjoint, so those inside the window are a run around i:
    // found by looking a window's width either way, not over all ranges (a body of millions of
    // characters has tens of thousands of matches).
    let lo = i;
    while (lo > 0 && ranges[lo - 1][0] >= start) lo--;
    let hi = i;
    while (hi < ranges.length && ranges[hi][1] <= end) hi++;
    const inside = ranges.slice(lo, hi);
    const distinct = new Set(inside.map((x) => text.slice(x[0], x[1]).toLowerCase())).size;
    windows.push({ start, end, score: distinct * 10 + inside.length });
  }
  windows.sort((a, b) => b.score - a.score || a.start - b.start);
  const chosen: { start: number; end: number }[] = [];
  for (const w of windows) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => w.start < c.end && w.end > c.start)) continue;
    chosen.push(w);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map((w) => {
    const prefix = w.start > 0 ? '…' : '';
    const suffix = w.end < text.length ? '…' : '';
    const highlights = ranges
      .filter((x) => x[0] >= w.start && x[1] <= w.end)
      .map((x) => [x[0] - w.start + prefix.length, x[1] - w.start + prefix.length] as [number, number]);
    return { text: prefix + text.slice(w.start, w.end) + suffix, highlights };
  });
}
