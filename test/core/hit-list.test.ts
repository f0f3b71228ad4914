/**
 * Hits as columns (search/hit-list.ts) against the plain reading of the same operations on
 * `{ id, score }` objects, on random lists: filter, pick and concat keep order and pair each id
 * with its own score, and a filter that keeps everything gives the same list back.
 */
import { describe, expect, it } from 'vitest';
import { HitList, type RawHit } from '../../src/core/search/hit-list';
import { prng } from '../../src/core/text/prng';

const asObjects = (h: HitList): RawHit[] => Array.from({ length: h.length }, (_, i) => h.hit(i));

describe('HitList', () => {
  it('filters, picks and appends as the same operations on objects do', () => {
    const rand = prng(31);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(rand() * 40);
      const plain = Array.from({ length: n }, () => ({ id: 1 + Math.floor(rand() * 1000), score: Math.round(rand() * 100) / 10 }));
      const list = HitList.of(plain);
      expect(asObjects(list)).toEqual(plain);
      const cut = Math.floor(rand() * 1000);
      const keep = (h: RawHit) => h.id > cut;
      expect(asObjects(list.filter((id) => id > cut))).toEqual(plain.filter(keep));
      // The position given to `keep` is the hit's own.
      expect(asObjects(list.filter((_, i) => plain[i].score > 5))).toEqual(plain.filter((h) => h.score > 5));
      const positions = plain.map((_, i) => i).filter(() => rand() < 0.5).reverse();
      expect(asObjects(list.pick(positions))).toEqual(positions.map((i) => plain[i]));
      const more = [{ id: 5000, score: 1.5 }];
      expect(asObjects(list.concat(more))).toEqual([...plain, ...more]);
      expect(Array.from(list.idView())).toEqual(plain.map((h) => h.id));
    }
    const list = HitList.of([{ id: 1, score: 2 }]);
    expect(list.filter(() => true)).toBe(list);
    expect(HitList.ofIds([4, 2]).scores).toEqual(new Float64Array([0, 0]));
  });
});
