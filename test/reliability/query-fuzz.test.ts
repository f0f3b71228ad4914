/**
 * Query fuzz: thousands of seeded random queries (unbalanced quotes, lone
 * `-`, `记者:` with nothing after, 10,000-character queries, regex
 * metacharacters, OR chains, random CJK, date-like junk, Unicode oddities)
 * thrown at `parseQuery` and at `Archive.search` on a small real archive.
 * Never a crash, always a result or a clear `error`. The slowest case is printed,
 * not asserted (speed is the benchmarks' business: `npm run bench:search`).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { parseQuery, QueryError } from '../../src/core/search/query';
import type { SearchRequest } from '../../src/shared/api';
import { pick, randInt, realPages, seeded, tmpDir } from './support';
import { storedRow, storedRows } from '../support/sqlite';

const PARSE_CASES = 6000;
const SEARCH_CASES = 2500;

const OPERATORS = ['OR', 'or', '或', '|', '-', '－', '--', '"', '“', '”', '「', '」', '""', '“”', ' ', '  ', '\t', '\u3000'];
const FIELDS = ['记者:', '记者：', '作者:', 'reporter:', '部门:', 'dept:', '主题:', 'topic:', '话题：', '版:', '版面:', 'page:', '报:', 'paper:', '报纸：', 'unknown:', ':', '：'];
const DATES = [
  '1998', '1998-01', '1998-01-01', '2022-13-45', '1998-02-30', '0000', '9999-99', '1998/1/1', '1998.1.1', '２０２２－０１',
  '1998-01..1998-02', '..1998-01-31', '1998-01..', '..', '...', '2022..1999', '1998-01-01..garbage', '19980101', '1900', '2101', '-1998',
];
const META = ['.*', '(', ')', '[', ']', '\\', '^', '$', '+', '?', '{2,}', '*', '(?:', '\\u', '%', '&', '#', '/', '\\\\', '${}', '<script>', "'", '`'];
const ODD = ['e\u0301', '\u0300', '\ue000', '😀', '👨‍👩‍👧', '\u202e', '\u200f', '\ufeff', '\u00ad', '\ud800', '\udc00', '\u0000', '\u0007', 'ｆｕｌｌ', 'İ', 'ß'];

function randomCjk(rng: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(randInt(rng, 0x4e00, 0x9fa5));
  return s;
}

/** One random query built from the archive's own words and hostile pieces. */
function randomQuery(rng: () => number, words: string[]): string {
  const r = rng();
  if (r < 0.02) return 'x'.repeat(randInt(rng, 1990, 2010));
  if (r < 0.04) return randomCjk(rng, 10_000);
  if (r < 0.05) return Array.from({ length: randInt(rng, 50, 400) }, () => pick(rng, words)).join(' OR ');
  if (r < 0.06) return '"'.repeat(randInt(rng, 1, 9));
  const parts: string[] = [];
  const n = rng() < 0.5 ? randInt(rng, 1, 2) : randInt(rng, 1, 10);
  for (let i = 0; i < n; i++) {
    const k = rng();
    if (k < 0.3) parts.push(pick(rng, words));
    else if (k < 0.45) parts.push(pick(rng, OPERATORS));
    else if (k < 0.6) parts.push(pick(rng, FIELDS) + (rng() < 0.6 ? pick(rng, words) : rng() < 0.5 ? '' : pick(rng, META)));
    else if (k < 0.7) parts.push(pick(rng, DATES));
    else if (k < 0.8) parts.push(pick(rng, META));
    else if (k < 0.88) parts.push(randomCjk(rng, randInt(rng, 1, 6)));
    else parts.push(pick(rng, ODD) + (rng() < 0.5 ? pick(rng, words) : ''));
  }
  const glue = rng() < 0.7 ? ' ' : '';
  return parts.join(glue);
}

describe.skipIf(realPages().length < 3)('query fuzz', () => {
  const dir = tmpDir('fuzz');
  let a: Archive;
  let words: string[];

  beforeAll(async () => {
    a = await Archive.open({ dir, autoBackup: false });
    const reports = await a.importSources(expandPaths(realPages().slice(0, 4)).sources, {});
    expect(reports.some((r) => r.status === 'imported')).toBe(true);
    // Words the archive really holds: titles split into 2–4-character pieces, plus reporters.
    const titles = (storedRows(a, 'SELECT title FROM articles') as { title: string }[]).map((r) => r.title);
    const reporters = (await a.listTags({ kind: 'reporter' })).map((t) => t.name);
    words = [...new Set([...titles.flatMap((t) => t.match(/\p{Script=Han}{2,4}/gu) ?? []), ...reporters])];
    expect(words.length).toBeGreaterThan(10);
  });
  afterAll(async () => {
    await a?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`parseQuery: ${PARSE_CASES} random queries parse or fail with a QueryError`, () => {
    const rng = seeded(1);
    let errors = 0;
    let slowest = 0;
    for (let i = 0; i < PARSE_CASES; i++) {
      const q = randomQuery(rng, words);
      const t0 = performance.now();
      try {
        const parsed = parseQuery(q);
        expect(Array.isArray(parsed.groups), q).toBe(true);
        if (parsed.dateFrom && parsed.dateTo) expect(parsed.dateFrom <= parsed.dateTo, q).toBe(true);
      } catch (err) {
        if (!(err instanceof QueryError)) throw new Error(`parseQuery(${JSON.stringify(q.slice(0, 200))}) threw ${(err as Error).stack}`);
        expect(err.message, q).toMatch(/\p{Script=Han}/u);
        errors++;
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
    }
    process.stdout.write(`[fuzz] parseQuery: ${PARSE_CASES} cases, ${errors} QueryErrors, slowest ${slowest.toFixed(1)} ms\n`);
    expect(errors).toBeGreaterThan(PARSE_CASES / 20);
    expect(errors).toBeLessThan(PARSE_CASES * 0.95);
  });

  it(`Archive.search: ${SEARCH_CASES} random requests answer (hits or a clear error)`, { timeout: 600_000 }, async () => {
    const rng = seeded(2);
    let errors = 0;
    let withHits = 0;
    let slowest = 0;
    let slowestQuery = '';
    const sorts = [undefined, 'relevance', 'date', 'date-asc'] as const;
    for (let i = 0; i < SEARCH_CASES; i++) {
      const req: SearchRequest = { query: randomQuery(rng, words) };
      if (rng() < 0.3) req.sort = pick(rng, sorts);
      if (rng() < 0.2) req.limit = randInt(rng, 1, 200);
      if (rng() < 0.1) req.offset = randInt(rng, 0, 500);
      if (rng() < 0.1) req.facets = false;
      if (rng() < 0.15) req.filters = { dateFrom: pick(rng, ['1998-01-01', '2022-01-01', '1900-01-01']), reporter: rng() < 0.5 ? pick(rng, words) : undefined };
      const t0 = performance.now();
      let res;
      try {
        res = await a.search(req);
      } catch (err) {
        throw new Error(`search(${JSON.stringify(req).slice(0, 300)}) threw ${(err as Error).stack}`);
      }
      const ms = performance.now() - t0;
      if (ms > slowest) [slowest, slowestQuery] = [ms, req.query.slice(0, 80)];
      if (res.error !== undefined) {
        errors++;
        expect(res.error, req.query).toMatch(/\p{Script=Han}/u);
        expect(res.error).not.toMatch(/\n|Error:|undefined/);
        expect(res.hits).toEqual([]);
        expect(res.total).toBe(0);
      } else {
        expect(res.total).toBeGreaterThanOrEqual(res.hits.length);
        expect(res.hits.length).toBeLessThanOrEqual(req.limit ?? 20);
        for (const h of res.hits) for (const s of h.snippets) for (const [x, y] of s.highlights) expect(0 <= x && x < y && y <= s.text.length).toBe(true);
        if (res.hits.length) withHits++;
      }
    }
    process.stdout.write(
      `[fuzz] Archive.search: ${SEARCH_CASES} cases, ${withHits} with hits, ${errors} clear errors, slowest ${slowest.toFixed(1)} ms (${JSON.stringify(slowestQuery)})\n`,
    );
    // The generator must really exercise both paths.
    expect(withHits).toBeGreaterThan(SEARCH_CASES / 10);
    expect(errors).toBeGreaterThan(SEARCH_CASES / 20);
  });

  it('a known-good query still finds its own title after the fuzzing', async () => {
    const title = (storedRow(a, 'SELECT title FROM articles ORDER BY id LIMIT 1') as { title: string }).title;
    const word = title.match(/\p{Script=Han}{2,}/u)![0];
    const res = await a.search({ query: `"${word}"` });
    expect(res.error).toBeUndefined();
    expect(res.total).toBeGreaterThan(0);
  });
});

