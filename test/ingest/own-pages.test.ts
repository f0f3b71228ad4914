/**
 * Pages of our own making in both layouts (test/fixtures/own-pages, all text invented), read as their
 * gold files give them (`src/eval/own-pages.ts`): a guard that a change for one shape does not cost
 * another. The floors sit just under what the parser reads today (stop 48; people: 70 of 72 on modern-e);
 * raise them as it improves.
 */
import { describe, expect, it } from 'vitest';
import { boundaryF1, evalOwnPages, ownPageSets } from '../../src/eval/own-pages';

describe('own-made pages', () => {
  const sets = ownPageSets();

  it('has five sets of each layout', () => {
    expect(sets.filter((s) => s.startsWith('1998-')).length).toBe(5);
    expect(sets.filter((s) => s.startsWith('modern-')).length).toBe(5);
  });

  for (const set of sets) {
    it(`${set}: boundaries, headline blocks and people as the gold gives them`, () => {
      const r = evalOwnPages(set);
      const modern = set.startsWith('modern-');
      expect(boundaryF1(r), r.misses.join('\n')).toBeGreaterThanOrEqual(modern ? 1 : 0.98);
      expect(r.headsExact / r.heads, r.misses.join('\n')).toBeGreaterThanOrEqual(modern ? 1 : 0.9);
      expect(r.peopleFound / r.people, r.misses.join('\n')).toBeGreaterThanOrEqual(0.97);
      expect(r.extraPeople, r.misses.join('\n')).toBe(0);
    });
  }
});
