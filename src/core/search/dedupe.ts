/**
 * Near-duplicates in search results: an article's signature from its index
 * text, and collapsing a result list to one line per group (`去重`).
 */
import type { ArticleDetail } from '../../shared/types';
import { tokenizeForIndex } from '../text/tokenizer';
import { articleToDoc } from './article-index';
import { signature, type Signature } from '../text/near-dup';

/** The MinHash signature of a searchable article's body, from the index's own terms (segmented once). */
export function articleSignature(doc: ArticleDetail): Signature | null {
  return signature(tokenizeForIndex(articleToDoc(doc).body));
}

/**
 * One hit per group of near-duplicates: of each group's hits, the one that
 * comes first in `order` stays (the best scored in relevance order, the
 * first by date in date order); articles in no group all stay. `groupOf`
 * gives an article's group id, 0 for none (store/near-dups.ts `groupIdOf`).
 */
export function collapseGroups<T>(
  hits: T[],
  groupOf: (id: number) => number,
  order: (a: T, b: T) => number,
  idOf: (h: T) => number = (h) => (h as { id: number }).id,
): T[] {
  const best = new Map<number, T>();
  for (const h of hits) {
    const g = groupOf(idOf(h));
    if (!g) continue;
    const cur = best.get(g);
    if (!cur || order(h, cur) < 0) best.set(g, h);
  }
  if (!best.size) return hits;
  return hits.filter((h) => {
    const g = groupOf(idOf(h));
    return !g || best.get(g) === h;
  });
}
