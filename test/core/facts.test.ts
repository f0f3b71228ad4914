import { describe, expect, it } from 'vitest';
import { Facts, dateNumber } from '../../src/core/search/facts';
import type { ArticleFacts } from '../../src/core/search/article-index';
import type { Filters } from '../../src/core/search/query';
import { prng } from '../../src/core/text/prng';

/** The plain reading of filters and facets over ArticleFacts objects, as the facts table must answer. */
function matchesPlain(m: ArticleFacts, f: Filters): boolean {
  if (f.dateFrom && (!m.date || m.date < f.dateFrom)) return false;
  if (f.dateTo && (!m.date || m.date > f.dateTo)) return false;
  if (f.papers.length && (!m.paper || !f.papers.includes(m.paper))) return false;
  if (f.pages.length && (m.page === undefined || !f.pages.includes(m.page))) return false;
  if (f.reporters.length && !f.reporters.every((r) => m.reporters.includes(r))) return false;
  if (f.departments.length && (!m.department || !f.departments.includes(m.department))) return false;
  if (f.topics.length && !f.topics.every((t) => m.topics.includes(t))) return false;
  return true;
}

describe('facts table (facts.ts)', () => {
  const rand = prng(11);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const reporters = ['陆晓茜', '徐浩', '郭方强', '李乐天', '王磊'];
  const topics = ['希望小屋', '营商环境', '乡村振兴'];
  const factsById = new Map<number, ArticleFacts>();
  const facts = new Facts();
  for (let id = 1; id <= 3000; id++) {
    const m: ArticleFacts = {
      date: rand() < 0.05 ? undefined : `20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      paper: rand() < 0.1 ? undefined : pick(['大众日报', '人民日报']),
      page: rand() < 0.1 ? undefined : 1 + Math.floor(rand() * 16),
      kind: 'story',
      reporters: reporters.filter(() => rand() < 0.3),
      department: rand() < 0.5 ? pick(['淄博融媒体中心', '经济部']) : undefined,
      topics: topics.filter(() => rand() < 0.2),
    };
    factsById.set(id, m);
    facts.set(id, m);
  }
  // Changes as the index makes them: a re-tag replaces the object, a removal deletes it.
  for (let id = 1; id <= 3000; id += 7) {
    const m = { ...factsById.get(id)!, topics: ['关爱儿童'], reporters: [] };
    factsById.set(id, m);
    facts.set(id, m);
  }
  // …and a re-tag that lengthens a list (it is written anew; its neighbours must keep theirs).
  for (let id = 1; id <= 3000; id += 13) {
    const m = { ...factsById.get(id)!, reporters: [...reporters], topics: [...topics, '关爱儿童'] };
    factsById.set(id, m);
    facts.set(id, m);
  }
  for (let id = 5; id <= 3000; id += 11) {
    factsById.delete(id);
    facts.delete(id);
  }
  const none: Filters = { reporters: [], departments: [], topics: [], papers: [], pages: [] };
  const filterCases: Filters[] = [
    none,
    { ...none, dateFrom: '2015-01-01', dateTo: '2018-06-30' },
    { ...none, dateFrom: '2020-03' },
    { ...none, papers: ['大众日报'], pages: [1, 3] },
    { ...none, reporters: ['陆晓茜', '徐浩'] },
    { ...none, departments: ['经济部'], topics: ['希望小屋'] },
    { ...none, topics: ['关爱儿童'] },
    { ...none, reporters: ['没有这个人'] },
  ];

  it('filters as the plain reading of the ArticleFacts objects does', () => {
    for (const f of filterCases) {
      const c = facts.compile(f);
      const ours = [...factsById.keys()].filter((id) => facts.matches(id, c));
      const plain = [...factsById.keys()].filter((id) => matchesPlain(factsById.get(id)!, f));
      expect(ours, JSON.stringify(f)).toEqual(plain);
    }
    expect(facts.matches(5, facts.compile(none))).toBe(false); // removed
  });

  it('counts facets as the plain reading does', () => {
    const ids = [...factsById.keys()].filter((id) => id % 3 !== 0);
    const got = facts.facets(Int32Array.from(ids));
    const count = (key: (m: ArticleFacts) => (string | undefined)[]) => {
      const c = new Map<string, number>();
      for (const id of ids) for (const k of key(factsById.get(id)!)) if (k) c.set(k, (c.get(k) ?? 0) + 1);
      return c;
    };
    const asMap = (xs: [string, number][]) => new Map(xs);
    expect(asMap(got.reporter)).toEqual(count((m) => m.reporters));
    expect(asMap(got.topic)).toEqual(count((m) => m.topics));
    expect(asMap(got.department)).toEqual(count((m) => [m.department]));
    expect(asMap(got.paper)).toEqual(count((m) => [m.paper]));
    expect(asMap(got.year)).toEqual(count((m) => [m.date?.slice(0, 4)]));
    expect(asMap(got.page)).toEqual(count((m) => [m.page === undefined ? undefined : String(m.page)]));
    // Order: most frequent first; years newest first; pages in page order.
    expect(got.reporter.map(([, n]) => n)).toEqual([...got.reporter.map(([, n]) => n)].sort((a, b) => b - a));
    expect(got.year.map(([y]) => y)).toEqual([...got.year.map(([y]) => y)].sort().reverse());
    expect(got.page.map(([p]) => Number(p))).toEqual([...got.page.map(([p]) => Number(p))].sort((a, b) => a - b));
  });

  it('gives back each article\'s facts as set, and the same after a round trip through columns (what the index file holds)', () => {
    const back = Facts.fromColumns(facts.toColumns());
    for (const table of [facts, back]) {
      expect(table.size).toBe(factsById.size);
      expect([...table.keys()]).toEqual([...factsById.keys()].sort((a, b) => a - b));
      for (const [id, m] of factsById) expect(table.get(id), String(id)).toEqual(m);
      expect(table.get(5)).toBeUndefined();
    }
    for (const f of filterCases) {
      const c = back.compile(f);
      expect([...factsById.keys()].filter((id) => back.matches(id, c)), JSON.stringify(f)).toEqual([...factsById.keys()].filter((id) => facts.matches(id, facts.compile(f))));
    }
    const ids = [...factsById.keys()];
    expect(back.facets(ids)).toEqual(facts.facets(ids));
    // A loaded table takes changes as a new one does.
    const m = { ...factsById.get(2)!, reporters: ['新来的记者', ...reporters], corrected: true };
    back.set(2, m);
    expect(back.get(2)).toEqual(m);
    expect(back.get(3)).toEqual(factsById.get(3));
    expect(back.matches(2, back.compile({ ...none, reporters: ['新来的记者'], corrected: true }))).toBe(true);
    back.delete(3);
    expect(back.has(3)).toBe(false);
    expect(back.size).toBe(factsById.size - 1);
  });

  it('orders dates as their ISO strings do', () => {
    const dates = ['2022-01-28', '2022-01', '2022', '2021-12-31', '2022-01-01', ''];
    const byNumber = [...dates].sort((a, b) => dateNumber(a) - dateNumber(b));
    const byString = [...dates].sort();
    expect(byNumber).toEqual(byString);
  });
});
