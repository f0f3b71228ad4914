import { describe, expect, it } from 'vitest';
import { topK } from '../../src/core/search/top-k';
import { prng } from '../../src/core/text/prng';

describe('topK', () => {
  it('gives the same first k as a full sort, ties included', () => {
    const rand = prng(7);
    for (const n of [0, 1, 5, 100, 5000]) {
      const items = Array.from({ length: n }, (_, i) => ({ id: i, score: Math.floor(rand() * 50), date: `2020-0${1 + Math.floor(rand() * 9)}` }));
      const cmp = (a: (typeof items)[number], b: (typeof items)[number]) => b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || b.id - a.id;
      const sorted = [...items].sort(cmp);
      for (const k of [0, 1, 20, 50, 1000, n + 5]) expect(topK(items, k, cmp)).toEqual(sorted.slice(0, k));
    }
  });
});
