/**
 * The full-text index: two MiniSearch indexes over jieba tokens (text-index.ts,
 * terms packed in term-store.ts, scored by ranking.ts), plus a compact
 * in-memory table of each article's filterable facts (date, paper, page,
 * tags) used for filters, facets and date sorting.
 *
 * Fields and ranking: `title` (kicker + title + subtitle, boost 3), `names`
 * (byline names and department, boost 2), `body` (paragraphs and captions,
 * boost 1); tags in their own small index (a tag edit never re-segments an
 * article), its score added × TAG_BOOST. BM25 as MiniSearch computes it. No
 * prefix or fuzzy expansion: a Chinese term is a whole jieba word, and
 * expansions cost a posting-list walk each. Nothing is stored in MiniSearch:
 * the result list reads titles from the store.
 */
import type { Options } from 'minisearch';
import type { ArticleDetail, ArticleTag } from '../../shared/types';
import { foldForSearch } from '../text/normalize';
import { tokenizeForIndex, tokenizeForQuery } from '../text/tokenizer';
import { QueryError, type Filters, type ParsedQuery, type QueryItem } from './query';
import type { SearchHit } from '../../shared/api';
import { TextIndex, type PackedIndex } from './text-index';
import { rank, queryTerms, MAX_QUERY_TERMS, type RankQuery } from './ranking';
import { Facts } from './facts';

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

const identity = (term: string) => term;

export function miniSearchOptions(): Options<IndexDoc> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    idField: 'id',
    tokenize: tokenizeField,
    processTerm: identity,
    searchOptions: { boost: BOOST, prefix: false, fuzzy: false, tokenize: (s: string) => [s], processTerm: identity },
  };
}

export function tagMiniSearchOptions(): Options<TagDoc> {
  return { ...miniSearchOptions(), fields: ['tags'], searchOptions: { ...miniSearchOptions().searchOptions, boost: {} } } as Options<TagDoc>;
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

/** Which of `ids` contain `phrase` (folded, without spaces) in their title or body. */
export type PhraseFilter = (ids: number[], phrase: string) => Set<number>;

export class ArticleIndex {
  /** Content: title, body, byline names. */
  text: TextIndex<IndexDoc>;
  /** Tags: small documents, so a tag edit never re-segments an article's text. */
  tags: TextIndex<TagDoc>;
  meta = new Facts();
  /** The content index changed since it was last written (persist.ts). */
  textDirty = true;
  /** The id of the text file this index was last written to or read from. */
  textFileId?: string;

  constructor(packed?: { text: PackedIndex; tags: PackedIndex }) {
    this.text = new TextIndex<IndexDoc>(miniSearchOptions(), packed?.text);
    this.tags = new TextIndex<TagDoc>(tagMiniSearchOptions(), packed?.tags);
  }

  get size(): number {
    return this.meta.size;
  }

  /** Add or replace one article. */
  upsert(a: ArticleDetail): void {
    this.textDirty = true;
    this.text.upsert(articleToDoc(a));
    this.meta.set(a.id, articleToMeta(a));
    this.updateTags(a.id, a.tags);
  }

  /** Only the tags changed: the tags index and the facts, not the text. */
  updateTags(id: number, tags: ArticleTag[]): void {
    const m = this.meta.get(id);
    if (!m) return;
    this.meta.set(id, { ...m, ...tagFacts(tags) });
    const names = [...new Set(tags.map((t) => t.name))].join('\n');
    if (names) this.tags.upsert({ id, tags: names });
    else this.tags.discard(id);
  }

  remove(id: number): void {
    if (this.text.has(id)) this.textDirty = true;
    this.text.discard(id);
    this.tags.discard(id);
    this.meta.delete(id);
  }

  /**
   * The content index packed (live documents only, overlay merged), for
   * persist.ts; the in-memory index is replaced by the packed one, so the
   * memory of re-imported and deleted articles is given back.
   */
  compactText(): PackedIndex {
    const packed = this.text.pack();
    this.text = new TextIndex<IndexDoc>(miniSearchOptions(), packed);
    return packed;
  }

  /** The tags index packed, as `compactText`. */
  compactTags(): PackedIndex {
    const packed = this.tags.pack();
    this.tags = new TextIndex<TagDoc>(tagMiniSearchOptions(), packed);
    return packed;
  }

  private itemTerms(item: QueryItem): string[] {
    return tokenizeForQuery(item.text);
  }

  /** A phrase as it is looked for in the text: folded, without spaces. */
  private phraseText(item: QueryItem): string {
    return foldForSearch(item.text).replace(/\s+/g, '');
  }

  /** The query against the text, united with the same query against the tags. */
  private run(query: RankQuery): RawHit[] {
    if (queryTerms(query).length > MAX_QUERY_TERMS) throw new QueryError(`检索词太多：一次最多 ${MAX_QUERY_TERMS} 个词`);
    const hits: RawHit[] = [];
    rank(this.text, query, BOOST, (id, score) => hits.push({ id, score }));
    if (this.tags.documentCount) {
      const byTag = new Map<number, number>();
      rank(this.tags, query, {}, (id, score) => byTag.set(id, score * TAG_BOOST));
      if (byTag.size) {
        for (const h of hits) {
          const t = byTag.get(h.id);
          if (t !== undefined) {
            h.score += t;
            byTag.delete(h.id);
          }
        }
        for (const [id, score] of byTag) hits.push({ id, score });
      }
    }
    return hits;
  }

  /** Execute a parsed query. Filters are already resolved to canonical tag names. */
  search(q: ParsedQuery, filters: Filters, containing: PhraseFilter): IndexSearchResult {
    const terms = new Set<string>();
    const phrases: string[] = [];
    const groups: RankQuery[] = [];
    for (const group of q.groups) {
      const alternatives: RankQuery[] = [];
      for (const item of group) {
        const t = this.itemTerms(item);
        if (t.length === 0) continue;
        t.forEach((x) => terms.add(x));
        if (item.type === 'phrase') phrases.push(this.phraseText(item));
        alternatives.push({ and: t });
      }
      if (alternatives.length) groups.push(alternatives.length === 1 ? alternatives[0] : { or: alternatives });
    }
    let hits: RawHit[];
    const cf = this.meta.compile(filters);
    if (groups.length) {
      hits = this.run(groups.length === 1 ? groups[0] : { and: groups });
      if (cf.any) hits = hits.filter((h) => this.meta.matches(h.id, cf));
    } else if (q.groups.length) {
      hits = []; // only stop words were asked for
    } else {
      hits = [];
      for (const id of this.meta.keys()) if (this.meta.matches(id, cf)) hits.push({ id, score: 0 });
    }
    // Phrases: the words must really stand together (each OR-alternative phrase is checked as part of its group).
    const phraseGroups = q.groups
      .map((g) => g.map((i) => (i.type === 'phrase' ? this.phraseText(i) : null)))
      .filter((g) => g.every((x) => x !== null) && g.length > 0) as string[][];
    for (const alts of phraseGroups) {
      if (!hits.length) break;
      const ids = hits.map((h) => h.id);
      const keep = new Set<number>();
      for (const p of alts) for (const id of containing(ids, p)) keep.add(id);
      hits = hits.filter((h) => keep.has(h.id));
    }
    if (q.excluded.length && hits.length) {
      const drop = new Set<number>();
      for (const item of q.excluded) {
        const t = this.itemTerms(item);
        if (!t.length) continue;
        const found = this.run({ and: t }).map((h) => h.id);
        if (item.type === 'phrase') {
          const hitIds = new Set(hits.map((h) => h.id));
          const cands = found.filter((id) => hitIds.has(id));
          for (const id of containing(cands, this.phraseText(item))) drop.add(id);
        } else {
          for (const id of found) drop.add(id);
        }
      }
      hits = hits.filter((h) => !drop.has(h.id));
    }
    for (const p of phrases) terms.add(p);
    return { hits, terms: [...terms] };
  }
}
