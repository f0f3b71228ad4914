/**
 * Where search terms stand in an article's printed text: the one rule for
 * snippets (core/search/snippets.ts), exports (core/export) and the reader and
 * result list (renderer). Both sides are folded the way the index folds them
 * (NFKC, lower case, 繁→简: `foldForSearch`), and each match is mapped back to
 * the original characters, so `台湾` marks `臺灣` in a traditional article and
 * `abc` marks `ＡＢＣ`.
 *
 * Overlapping and touching matches read as one range (`行政`+`政区` in
 * `行政區`, `淄博`+`高新区`): a highlight never ends where the next begins.
 */
import { foldForSearch, foldWithOffsets, occurrencesIn } from './search-fold';

/** [start, end) in UTF-16 units of the original text. */
export type Range = [number, number];

/** Fold, drop blanks and repeats, longest first (so `高新区` is tried before `高新`). Idempotent. */
export function prepareTerms(terms: readonly string[] | undefined): string[] {
  if (!terms) return [];
  const set = new Set<string>();
  for (const t of terms) {
    const f = foldForSearch(t).trim();
    if (f) set.add(f);
  }
  return [...set].sort((a, b) => b.length - a.length);
}

/** Sorted, non-overlapping, non-touching ranges of `text` where any of `terms` occurs. */
export function findTerms(text: string, terms: readonly string[]): Range[] {
  const prepared = prepareTerms(terms);
  if (prepared.length === 0 || !text) return [];
  const folded = foldWithOffsets(text);
  const found: Range[] = [];
  for (const term of prepared) found.push(...occurrencesIn(folded, term));
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of found) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else if (r[1] > r[0]) out.push([r[0], r[1]]);
  }
  return out;
}

/** `text` cut into plain and marked pieces along `ranges` (clamped to the text; overlaps ignored). */
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

/** `text` cut into pieces, the ones where a term stands marked. */
export function markTerms(text: string, terms: readonly string[]): { text: string; mark: boolean }[] {
  return splitByRanges(text, findTerms(text, terms));
}
