/**
 * Finds search terms in original article text. Terms arrive folded (NFKC,
 * lower case, simplified: see `foldForSearch`); the text keeps its own
 * widths, case and script, so it is folded with a map from each folded
 * character back to where it came from (`foldWithOffsets`).
 */
import { foldForSearch, foldWithOffsets, occurrencesIn } from '../../shared/search-fold';

export type Range = [number, number];

/** Clean up terms: fold, drop blanks, longest first (so `高新区` wins over `高新`). */
export function prepareTerms(terms: readonly string[] | undefined): string[] {
  if (!terms) return [];
  const set = new Set<string>();
  for (const t of terms) {
    const f = foldForSearch(t).trim();
    if (f) set.add(f);
  }
  return [...set].sort((a, b) => b.length - a.length);
}

/** Non-overlapping, sorted [start, end) ranges of the original text where a term occurs. */
export function findTerms(original: string, terms: readonly string[]): Range[] {
  if (!terms.length || !original) return [];
  const f = foldWithOffsets(original);
  const raw: Range[] = [];
  for (const term of terms) raw.push(...occurrencesIn(f, term));
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Splits text into pieces, each marked or not. */
export function segments(original: string, terms: readonly string[]): { text: string; hit: boolean }[] {
  const ranges = findTerms(original, terms);
  if (!ranges.length) return [{ text: original, hit: false }];
  const out: { text: string; hit: boolean }[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s > pos) out.push({ text: original.slice(pos, s), hit: false });
    out.push({ text: original.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < original.length) out.push({ text: original.slice(pos), hit: false });
  return out;
}
