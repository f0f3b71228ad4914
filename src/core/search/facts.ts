/**
 * The facts table: each article's date, paper, page, reporters, department
 * and topics, for filters, facets and date order. Encoded in typed arrays
 * indexed by article id (strings interned to numbers), so that filtering,
 * counting facets and ordering 70,000 hits by date costs a few
 * milliseconds; an article's `ArticleFacts` object is made when asked for
 * (`get`). Saved as columns (`toColumns`, `Facts.fromColumns`; persist.ts):
 * loading 150k articles' facts is a loop over typed arrays, where JSON of
 * the objects took a second to parse at start-up.
 */
import type { ArticleKind, FacetCounts, SearchHit, SearchResponse } from '../../shared/api';
import type { Filters } from './query';
import { topK } from './top-k';
import { CodeLists } from './code-lists';

/** An article's filterable facts: the same fields a search hit shows. */
export type ArticleFacts = Pick<SearchHit, 'date' | 'paper' | 'page' | 'kind' | 'reporters' | 'department' | 'topics' | 'corrected'>;

class Interner {
  private codes = new Map<string, number>();
  readonly values: string[] = [];
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
  static of(values: string[]): Interner {
    const i = new Interner();
    for (const v of values) i.code(v);
    return i;
  }
}

/** The facts as columns, one row per article in ascending id (what persist.ts saves). */
export interface FactColumns {
  ids: Uint32Array;
  /** Codes into the string tables, -1 for none. */
  date: Int32Array;
  kind: Int32Array;
  paper: Int32Array;
  department: Int32Array;
  /** -1 for none. */
  page: Int32Array;
  corrected: Uint8Array;
  /** Row i's reporters are `reporterCodes[reporterStart[i] .. reporterStart[i + 1])`; topics likewise. */
  reporterStart: Uint32Array;
  reporterCodes: Uint32Array;
  topicStart: Uint32Array;
  topicCodes: Uint32Array;
  strings: { dates: string[]; kinds: string[]; papers: string[]; departments: string[]; reporters: string[]; topics: string[] };
}

/** `2022-01-28` → 20220128, `2022-01` → 20220100 (ordered as the ISO strings are); no date → 0. */
export function dateNumber(date: string | undefined): number {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  return m ? Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0) : 0;
}

/** Filters with their values turned into codes, once per query. */
export interface CompiledFilters {
  any: boolean;
  dateFrom: number;
  dateTo: number;
  papers: Set<number> | null;
  pages: Set<number> | null;
  reporters: number[];
  departments: Set<number> | null;
  topics: number[];
  /** Only articles an editor corrected (`已校对`). */
  corrected: boolean;
}

const NONE = -1;

export class Facts {
  private count = 0;
  private present = new Uint8Array(1024);
  private correctedOf = new Uint8Array(1024);
  private dateOf = new Int32Array(1024);
  private maxPage = 0;
  /** Codes, NONE when absent. */
  private dateStrOf = new Int32Array(1024).fill(NONE);
  private kindOf = new Int32Array(1024).fill(NONE);
  private paperOf = new Int32Array(1024).fill(NONE);
  private pageOf = new Int32Array(1024).fill(NONE);
  private deptOf = new Int32Array(1024).fill(NONE);
  private reportersOf = new CodeLists();
  private topicsOf = new CodeLists();
  private dates = new Interner();
  private kinds = new Interner();
  private papers = new Interner();
  private depts = new Interner();
  private reporters = new Interner();
  private topics = new Interner();

  get size(): number {
    return this.count;
  }

  /** The article's facts as a `ArticleFacts` (a new object), or undefined. */
  get(id: number): ArticleFacts | undefined {
    if (!this.has(id)) return undefined;
    const str = (codes: Int32Array, i: Interner) => (codes[id] === NONE ? undefined : i.values[codes[id]]);
    const m: ArticleFacts = {
      date: str(this.dateStrOf, this.dates),
      paper: str(this.paperOf, this.papers),
      page: this.pageOf[id] === NONE ? undefined : this.pageOf[id],
      kind: str(this.kindOf, this.kinds) as ArticleKind,
      reporters: Array.from(this.reportersOf.get(id), (c) => this.reporters.values[c]),
      department: str(this.deptOf, this.depts),
      topics: Array.from(this.topicsOf.get(id), (c) => this.topics.values[c]),
    };
    if (this.correctedOf[id]) m.corrected = true;
    return m;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.present.length && this.present[id] === 1;
  }

  /** Article ids, ascending. */
  *keys(): IterableIterator<number> {
    for (let id = 0; id < this.present.length; id++) if (this.present[id]) yield id;
  }

  *[Symbol.iterator](): IterableIterator<[number, ArticleFacts]> {
    for (const id of this.keys()) yield [id, this.get(id)!];
  }

  private grow(id: number): void {
    if (id < this.dateOf.length) return;
    let cap = this.dateOf.length;
    while (cap <= id) cap *= 2;
    const widen = (a: Int32Array, fill: number) => {
      const b = new Int32Array(cap).fill(fill);
      b.set(a);
      return b;
    };
    const present = new Uint8Array(cap);
    present.set(this.present);
    this.present = present;
    const corrected = new Uint8Array(cap);
    corrected.set(this.correctedOf);
    this.correctedOf = corrected;
    this.dateOf = widen(this.dateOf, 0);
    this.dateStrOf = widen(this.dateStrOf, NONE);
    this.kindOf = widen(this.kindOf, NONE);
    this.paperOf = widen(this.paperOf, NONE);
    this.pageOf = widen(this.pageOf, NONE);
    this.deptOf = widen(this.deptOf, NONE);
    this.reportersOf.grow(cap);
    this.topicsOf.grow(cap);
  }

  set(id: number, m: ArticleFacts): void {
    this.grow(id);
    if (!this.present[id]) this.count++;
    this.present[id] = 1;
    this.correctedOf[id] = m.corrected ? 1 : 0;
    this.dateOf[id] = dateNumber(m.date);
    if (m.page !== undefined && m.page > this.maxPage) this.maxPage = m.page;
    this.dateStrOf[id] = m.date !== undefined ? this.dates.code(m.date) : NONE;
    this.kindOf[id] = m.kind !== undefined ? this.kinds.code(m.kind) : NONE;
    this.paperOf[id] = m.paper ? this.papers.code(m.paper) : NONE;
    this.pageOf[id] = m.page ?? NONE;
    this.deptOf[id] = m.department ? this.depts.code(m.department) : NONE;
    this.reportersOf.set(id, m.reporters.map((r) => this.reporters.code(r)));
    this.topicsOf.set(id, m.topics.map((t) => this.topics.code(t)));
  }

  delete(id: number): void {
    if (!this.has(id)) return;
    this.count--;
    this.present[id] = 0;
    this.correctedOf[id] = 0;
    this.dateOf[id] = 0;
    this.dateStrOf[id] = this.kindOf[id] = this.paperOf[id] = this.pageOf[id] = this.deptOf[id] = NONE;
    this.reportersOf.set(id, []);
    this.topicsOf.set(id, []);
  }

  /** Every article's facts as columns (persist.ts). */
  toColumns(): FactColumns {
    const ids = Uint32Array.from(this.keys());
    const n = ids.length;
    const pick = (a: Int32Array) => Int32Array.from(ids, (id) => a[id]);
    const lists = (of: CodeLists) => {
      const start = new Uint32Array(n + 1);
      for (let i = 0; i < n; i++) start[i + 1] = start[i] + of.size(ids[i]);
      const codes = new Uint32Array(start[n]);
      for (let i = 0; i < n; i++) codes.set(of.get(ids[i]), start[i]);
      return { start, codes };
    };
    const r = lists(this.reportersOf);
    const t = lists(this.topicsOf);
    return {
      ids,
      date: pick(this.dateStrOf),
      kind: pick(this.kindOf),
      paper: pick(this.paperOf),
      department: pick(this.deptOf),
      page: pick(this.pageOf),
      corrected: Uint8Array.from(ids, (id) => this.correctedOf[id]),
      reporterStart: r.start,
      reporterCodes: r.codes,
      topicStart: t.start,
      topicCodes: t.codes,
      strings: {
        dates: this.dates.values,
        kinds: this.kinds.values,
        papers: this.papers.values,
        departments: this.depts.values,
        reporters: this.reporters.values,
        topics: this.topics.values,
      },
    };
  }

  /** A table from saved columns. Strings no article uses any more are dropped at the next save's interning only; they do no harm. */
  static fromColumns(c: FactColumns): Facts {
    const f = new Facts();
    const n = c.ids.length;
    if (n) f.grow(c.ids[n - 1]);
    f.dates = Interner.of(c.strings.dates);
    f.kinds = Interner.of(c.strings.kinds);
    f.papers = Interner.of(c.strings.papers);
    f.depts = Interner.of(c.strings.departments);
    f.reporters = Interner.of(c.strings.reporters);
    f.topics = Interner.of(c.strings.topics);
    for (let i = 0; i < n; i++) {
      const id = c.ids[i];
      f.present[id] = 1;
      f.correctedOf[id] = c.corrected[i];
      f.dateStrOf[id] = c.date[i];
      f.dateOf[id] = c.date[i] === NONE ? 0 : dateNumber(f.dates.values[c.date[i]]);
      f.kindOf[id] = c.kind[i];
      f.paperOf[id] = c.paper[i];
      f.pageOf[id] = c.page[i];
      if (c.page[i] > f.maxPage) f.maxPage = c.page[i];
      f.deptOf[id] = c.department[i];
    }
    f.reportersOf = CodeLists.fromColumns(c.ids, c.reporterStart, c.reporterCodes);
    f.topicsOf = CodeLists.fromColumns(c.ids, c.topicStart, c.topicCodes);
    if (n) {
      f.reportersOf.grow(f.dateOf.length);
      f.topicsOf.grow(f.dateOf.length);
    }
    f.count = n;
    return f;
  }

  /** The date as a number (yyyymmdd, 0 if unknown): ISO order without strings. */
  date(id: number): number {
    return this.dateOf[id] ?? 0;
  }

  compile(f: Filters): CompiledFilters {
    // A value no article has cannot match: code NONE - 1 is never stored.
    const codes = (xs: string[], i: Interner) => xs.map((x) => {
      const c = i.find(x);
      return c >= 0 ? c : NONE - 1;
    });
    const c: CompiledFilters = {
      any: false,
      dateFrom: f.dateFrom ? dateNumber(f.dateFrom) : 0,
      dateTo: f.dateTo ? dateNumber(f.dateTo) : 0,
      papers: f.papers.length ? new Set(codes(f.papers, this.papers)) : null,
      pages: f.pages.length ? new Set(f.pages) : null,
      reporters: codes(f.reporters, this.reporters),
      departments: f.departments.length ? new Set(codes(f.departments, this.depts)) : null,
      topics: codes(f.topics, this.topics),
      corrected: !!f.corrected,
    };
    c.any = !!(c.dateFrom || c.dateTo || c.papers || c.pages || c.reporters.length || c.departments || c.topics.length || c.corrected);
    return c;
  }

  matches(id: number, c: CompiledFilters): boolean {
    if (!this.present[id]) return false;
    if (!c.any) return true;
    if (c.corrected && !this.correctedOf[id]) return false;
    const d = this.dateOf[id];
    if (c.dateFrom && (!d || d < c.dateFrom)) return false;
    if (c.dateTo && (!d || d > c.dateTo)) return false;
    if (c.papers && !c.papers.has(this.paperOf[id])) return false;
    if (c.pages && !c.pages.has(this.pageOf[id])) return false;
    if (c.departments && !c.departments.has(this.deptOf[id])) return false;
    if (c.reporters.length && !c.reporters.every((r) => this.reportersOf.has(id, r))) return false;
    if (c.topics.length && !c.topics.every((t) => this.topicsOf.has(id, t))) return false;
    return true;
  }

  /** Facet counts over the given articles: the 30 most frequent of each tag kind and paper, every year and page. */
  facets(ids: ArrayLike<number>): SearchResponse['facets'] {
    const papers = new Int32Array(this.papers.values.length);
    const depts = new Int32Array(this.depts.values.length);
    const reporters = new Int32Array(this.reporters.values.length);
    const topics = new Int32Array(this.topics.values.length);
    const years = new Int32Array(10000);
    const pages = new Int32Array(this.maxPage + 1);
    // The one-valued facts in one pass, each list in a pass of its own (one loop for all was slower).
    const { present, paperOf, deptOf, dateOf, pageOf } = this;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!present[id]) continue;
      const p = paperOf[id];
      if (p !== NONE) papers[p]++;
      const dep = deptOf[id];
      if (dep !== NONE) depts[dep]++;
      const y = Math.floor(dateOf[id] / 10000);
      if (y) years[y]++;
      const pg = pageOf[id];
      if (pg >= 0 && pg < pages.length) pages[pg]++;
    }
    this.reportersOf.count(ids, reporters);
    this.topicsOf.count(ids, topics);
    /** [index, count] for each nonzero count, by index. */
    const nonzero = (counts: Int32Array): FacetCounts => {
      const out: FacetCounts = [];
      for (let i = 0; i < counts.length; i++) if (counts[i]) out.push([String(i), counts[i]]);
      return out;
    };
    const top30 = (counts: Int32Array, values: string[]): FacetCounts => {
      const nonzero: [string, number][] = [];
      for (let i = 0; i < counts.length; i++) if (counts[i]) nonzero.push([values[i], counts[i]]);
      return topK(nonzero, 30, (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    };
    return {
      reporter: top30(reporters, this.reporters.values),
      department: top30(depts, this.depts.values),
      topic: top30(topics, this.topics.values),
      year: nonzero(years).reverse(),
      paper: top30(papers, this.papers.values),
      page: nonzero(pages),
    };
  }
}
