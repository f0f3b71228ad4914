/**
 * The full-text index: MiniSearch over jieba tokens, plus a compact in-memory
 * table of each article's filterable facts (date, paper, page, tags) used for
 * filters, facets and date sorting.
 *
 * Fields and ranking: `title` (kicker + title + subtitle, boost 3), `tags`
 * (reporters, department, topics, boost 2), `body` (paragraphs and captions,
 * boost 1); BM25 as MiniSearch implements it. No prefix or fuzzy expansion:
 * a Chinese term is a whole jieba word, and expansions cost a posting-list
 * walk each. Nothing is stored in MiniSearch: the result list reads titles
 * from the store.
 *
 * Terms are stored under `termKey(term)`: MiniSearch's radix tree scans a
 * node's children one by one, and with Chinese terms the root has one child
 * per distinct first character (thousands). Splitting each non-ASCII code
 * unit into two (high and low 7 bits) caps every fan-out at a few hundred:
 * indexing and loading get several times faster, scores are unchanged.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { ArticleDetail, ArticleTag } from '../../shared/types';
import { foldForSearch } from '../text/normalize';
import { tokenizeForIndex, tokenizeForQuery } from '../text/tokenizer';
import type { Filters, ParsedQuery, QueryItem } from './query';
import type { SearchHit } from '../../shared/api';

/** The content index's document: what the page says (changes only on re-import). */
export interface IndexDoc {
  id: number;
  title: string;
  body: string;
  /** Names and department from the byline. */
  names: string;
}

/** The tags index's document: every tag name, editors' included (changes on each tag edit). */
export interface TagDoc {
  id: number;
  tags: string;
}

/** An article's filterable facts: the same fields a search hit shows. */
export type DocMeta = Pick<SearchHit, 'date' | 'paper' | 'page' | 'kind' | 'reporters' | 'department' | 'topics'>;

export const FIELDS = ['title', 'body', 'names'] as const;
export const BOOST = { title: 3, names: 2, body: 1 };
/** Weight of a match in the tags index relative to the content index. */
export const TAG_BOOST = 2;

function tokenizeField(text: string, field?: string): string[] {
  if (field === 'tags' || field === 'names') {
    // Each tag whole (a name is one term even if jieba does not know it) plus its pieces.
    const out: string[] = [];
    for (const name of text.split('\n')) {
      if (!name) continue;
      out.push(foldForSearch(name));
      out.push(...tokenizeForIndex(name));
    }
    return out;
  }
  return tokenizeForIndex(text);
}

/** The key a term is stored under: each code unit ≥ 0x80 becomes two (0x100 + high bits, 0x80 + low 7 bits); ASCII stays. Injective. */
export function termKey(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    out += c < 0x80 ? term[i] : String.fromCharCode(0x100 + (c >> 7), 0x80 + (c & 0x7f));
  }
  return out;
}

export function miniSearchOptions() {
  return {
    fields: [...FIELDS],
    storeFields: [] as string[],
    idField: 'id',
    tokenize: tokenizeField,
    processTerm: termKey,
    searchOptions: {
      boost: BOOST,
      prefix: false,
      fuzzy: false,
      tokenize: (s: string) => [s],
      processTerm: termKey,
    },
  };
}

export function tagMiniSearchOptions() {
  return { ...miniSearchOptions(), fields: ['tags'], searchOptions: { ...miniSearchOptions().searchOptions, boost: {} } };
}


export function articleToDoc(a: ArticleDetail): IndexDoc {
  const title = [a.kicker, a.title, a.subtitle].filter(Boolean).join('\n');
  const body = a.paragraphs.map((p) => p.text).join('\n');
  const names = new Set<string>();
  for (const n of [...(a.byline?.reporters ?? []), ...(a.byline?.correspondents ?? []), ...(a.byline?.photographers ?? []), ...(a.byline?.interns ?? [])])
    names.add(n);
  if (a.byline?.department) names.add(a.byline.department);
  return { id: a.id, title, body, names: [...names].join('\n') };
}

/** The tag facts of an article (filters and facets). */
function tagFacts(tags: ArticleTag[]): Pick<DocMeta, 'reporters' | 'department' | 'topics'> {
  return {
    reporters: tags.filter((t) => t.kind === 'reporter').map((t) => t.name),
    department: tags.find((t) => t.kind === 'department')?.name,
    topics: tags.filter((t) => t.kind === 'topic').map((t) => t.name),
  };
}

export function articleToMeta(a: ArticleDetail): DocMeta {
  return { date: a.date, paper: a.paper, page: a.page, kind: a.kind, ...tagFacts(a.tags) };
}

interface MiniSearchInternals {
  executeQuery?: (query: Query, options: object) => Map<number, { score: number; terms: string[] }>;
  _documentIds?: Map<number, unknown>;
}

/**
 * Ids and scores of a query, without the per-hit result objects (matched
 * terms, match info) and the sort that `MiniSearch#search` builds: for a
 * common word that is most of the cost. Uses MiniSearch 7's internal
 * `executeQuery` with the same score (× number of query terms matched) as
 * `search`; falls back to `search` if the internals change (a test compares both).
 */
export function leanSearch<T>(ms: MiniSearch<T>, query: Query, each: (id: number, score: number) => void): void {
  const m = ms as unknown as MiniSearchInternals;
  if (typeof m.executeQuery !== 'function' || !(m._documentIds instanceof Map)) {
    for (const r of ms.search(query) as SearchResult[]) each(r.id as number, r.score);
    return;
  }
  for (const [short, { score, terms }] of m.executeQuery.call(ms, query, {})) {
    each(m._documentIds.get(short) as number, score * (terms.length || 1));
  }
}

export type { Filters };

export interface RawHit {
  id: number;
  score: number;
}

export interface IndexSearchResult {
  hits: RawHit[];
  /** Folded terms and phrases, for highlighting. */
  terms: string[];
}

/** Reads an article's searchable text (title + body), for phrase checks. */
export type TextOf = (ids: number[]) => Map<number, string>;

export class ArticleIndex {
  /** Content: title, body, byline names. */
  ms: MiniSearch<IndexDoc>;
  /** Tags: small documents, so a tag edit never re-segments an article's text. */
  tagMs: MiniSearch<TagDoc>;
  meta = new Map<number, DocMeta>();

  constructor(ms?: MiniSearch<IndexDoc>, tagMs?: MiniSearch<TagDoc>) {
    this.ms = ms ?? new MiniSearch<IndexDoc>(miniSearchOptions());
    this.tagMs = tagMs ?? new MiniSearch<TagDoc>(tagMiniSearchOptions());
  }

  get size(): number {
    return this.meta.size;
  }

  /** Add or replace one article. */
  upsert(a: ArticleDetail): void {
    const doc = articleToDoc(a);
    if (this.ms.has(a.id)) this.ms.replace(doc);
    else this.ms.add(doc);
    this.meta.set(a.id, articleToMeta(a));
    this.updateTags(a.id, a.tags);
  }

  /** Only the tags changed: the tags index and the facts, not the text. */
  updateTags(id: number, tags: ArticleTag[]): void {
    const m = this.meta.get(id);
    if (!m) return;
    Object.assign(m, tagFacts(tags));
    if (this.tagMs.has(id)) this.tagMs.discard(id);
    const names = [...new Set(tags.map((t) => t.name))].join('\n');
    if (names) this.tagMs.add({ id, tags: names });
  }

  remove(id: number): void {
    if (this.ms.has(id)) this.ms.discard(id);
    if (this.tagMs.has(id)) this.tagMs.discard(id);
    this.meta.delete(id);
  }

  private itemTerms(item: QueryItem): string[] {
    return tokenizeForQuery(item.text);
  }

  private matchesFilters(m: DocMeta | undefined, f: Filters): boolean {
    if (!m) return false;
    if (f.dateFrom && (!m.date || m.date < f.dateFrom)) return false;
    if (f.dateTo && (!m.date || m.date > f.dateTo)) return false;
    if (f.papers.length && (!m.paper || !f.papers.includes(m.paper))) return false;
    if (f.pages.length && (m.page === undefined || !f.pages.includes(m.page))) return false;
    if (f.reporters.length && !f.reporters.every((r) => m.reporters.includes(r))) return false;
    if (f.departments.length && (!m.department || !f.departments.includes(m.department))) return false;
    if (f.topics.length && !f.topics.every((t) => m.topics.includes(t))) return false;
    return true;
  }

  /** The query against the text, united with the same query against the tags. */
  private run(query: Query): { id: number; score: number }[] {
    const byId = new Map<number, number>();
    leanSearch(this.ms, query, (id, score) => byId.set(id, score));
    if (this.tagMs.documentCount) {
      leanSearch(this.tagMs, query, (id, score) => byId.set(id, (byId.get(id) ?? 0) + score * TAG_BOOST));
    }
    return [...byId].map(([id, score]) => ({ id, score }));
  }

  /** Execute a parsed query. Filters are already resolved to canonical tag names. */
  search(q: ParsedQuery, filters: Filters, textOf: TextOf): IndexSearchResult {
    const terms = new Set<string>();
    const phrases: string[] = [];
    const groups: Query[] = [];
    for (const group of q.groups) {
      const alternatives: Query[] = [];
      for (const item of group) {
        const t = this.itemTerms(item);
        if (t.length === 0) continue;
        t.forEach((x) => terms.add(x));
        if (item.type === 'phrase') phrases.push(foldForSearch(item.text).replace(/\s+/g, ''));
        alternatives.push({ combineWith: 'AND', queries: t });
      }
      if (alternatives.length) groups.push(alternatives.length === 1 ? alternatives[0] : { combineWith: 'OR', queries: alternatives });
    }
    let hits: RawHit[];
    if (groups.length) {
      const results = this.run(groups.length === 1 ? groups[0] : { combineWith: 'AND', queries: groups });
      hits = [];
      for (const r of results) {
        if (this.matchesFilters(this.meta.get(r.id as number), filters)) hits.push({ id: r.id as number, score: r.score });
      }
    } else if (q.groups.length) {
      hits = []; // only stop words were asked for
    } else {
      hits = [];
      for (const [id, m] of this.meta) if (this.matchesFilters(m, filters)) hits.push({ id, score: 0 });
    }
    // Phrases: the words must really stand together (each OR-alternative phrase is checked as part of its group).
    const phraseGroups = q.groups
      .map((g) => g.map((i) => (i.type === 'phrase' ? foldForSearch(i.text).replace(/\s+/g, '') : null)))
      .filter((g) => g.every((x) => x !== null) && g.length > 0) as string[][];
    if (phraseGroups.length && hits.length) {
      const texts = textOf(hits.map((h) => h.id));
      hits = hits.filter((h) => {
        const text = texts.get(h.id) ?? '';
        return phraseGroups.every((alts) => alts.some((p) => text.includes(p)));
      });
    }
    if (q.excluded.length && hits.length) {
      const drop = new Set<number>();
      const excludedPhrases: string[] = [];
      for (const item of q.excluded) {
        const t = this.itemTerms(item);
        if (!t.length) continue;
        const found = this.run({ combineWith: 'AND', queries: t });
        if (item.type === 'phrase') {
          excludedPhrases.push(foldForSearch(item.text).replace(/\s+/g, ''));
          const hitIds = new Set(hits.map((h) => h.id));
          const cands = found.map((r) => r.id as number).filter((id) => hitIds.has(id));
          const texts = textOf(cands);
          const p = excludedPhrases[excludedPhrases.length - 1];
          for (const id of cands) if ((texts.get(id) ?? '').includes(p)) drop.add(id);
        } else {
          for (const r of found) drop.add(r.id as number);
        }
      }
      hits = hits.filter((h) => !drop.has(h.id));
    }
    for (const p of phrases) terms.add(p);
    return { hits, terms: [...terms] };
  }
}
