/**
 * Finding articles: the query language over the index (filters, matching, ordering, 去重, partial
 * matches, 你是不是要找), one page of hits with snippets, reading one article, its near-duplicates
 * and more like it. Bulk tagging, export and saved searches match through `matchAll` here.
 */
import type { ArticleDetail, NearDuplicate, SearchHit, SearchRequest, SearchResponse, TagKind } from '../../shared/api';
import * as store from '../store/articles';
import * as tags from '../store/tags';
import { searchable } from '../store/continuations';
import { similarTagName } from '../store/similar-names';
import { articleToFacts, type Filters, type PartialMatches } from '../search/article-index';
import type { HitList, RawHit } from '../search/hit-list';
import { parseQuery, QueryError, type ParsedQuery } from '../search/query';
import { defaultBudget, type QueryBudget } from '../search/budget';
import { makeSnippets } from '../search/snippets';
import { topKIndices } from '../search/top-k';
import { collapsePositions } from '../search/dedupe';
import { foldForSearch } from '../text/normalize';
import { keywords } from '../text/tokenizer';
import { NotFound } from '../errors';
import type { ArchiveContext, CallContext } from './context';

/** An article's text as one string: headline lines and paragraphs (for keywords and topic suggestions). */
export function articleText(a: ArticleDetail): string {
  return [a.kicker, a.title, a.subtitle, ...a.paragraphs.map((p) => p.text)].filter(Boolean).join('\n');
}

export class SearchService {
  constructor(private readonly ctx: ArchiveContext) {}

  /** The filters of a query and of the request's facet choices, tag names made canonical. */
  resolveFilters(q: ParsedQuery, req: SearchRequest['filters']): Filters {
    const canon = (kind: TagKind, name: string) => tags.canonicalTagName(this.ctx.db, kind, name);
    const f: Filters = {
      reporters: q.reporters.map((n) => canon('reporter', n)),
      departments: q.departments.map((n) => canon('department', n)),
      topics: q.topics.map((n) => canon('topic', n)),
      papers: [...q.papers],
      pages: [...q.pages],
      dateFrom: q.dateFrom,
      dateTo: q.dateTo,
      corrected: q.corrected || req?.corrected,
    };
    if (req?.reporter) f.reporters.push(canon('reporter', req.reporter));
    if (req?.department) f.departments.push(canon('department', req.department));
    if (req?.topic) f.topics.push(canon('topic', req.topic));
    if (req?.paper) f.papers.push(req.paper);
    if (req?.page !== undefined) f.pages.push(req.page);
    if (req?.dateFrom && (!f.dateFrom || req.dateFrom > f.dateFrom)) f.dateFrom = req.dateFrom;
    if (req?.dateTo && (!f.dateTo || req.dateTo < f.dateTo)) f.dateTo = req.dateTo;
    return f;
  }

  /**
   * All matching articles (`all`, unordered, as columns) and the first `first` of them in
   * the requested order (`ordered`; every one when `first` is not given).
   * Used by search (one page), bulk tagging and export (all), and to count (`first` 0: nothing
   * ordered). Only a page of search results (`first` > 0) falls back to partial matches, and only
   * one in relevance order is reordered by proximity: tagging and export act
   * on exact matches only. `tree`: a query built by the program (more like this) instead of parsing
   * `req.query`.
   */
  matchAll(
    req: SearchRequest,
    first?: number,
    budget?: QueryBudget,
    dedupe = false,
    tree?: ParsedQuery,
  ): { all: HitList; ordered: RawHit[]; terms: string[]; partial?: PartialMatches } {
    const check = budget && (() => budget.check());
    // A search whose client has already left (or a newer search replaced) does no work at all.
    check?.();
    const q = tree ?? parseQuery(req.query ?? '');
    const filters = this.resolveFilters(q, req.filters);
    const sort = req.sort ?? (q.groups.length || q.years.length ? 'relevance' : 'date');
    const { hits, terms, partial } = this.ctx.index.search(
      q,
      filters,
      Object.assign((ids: number[]) => store.foldedTexts(this.ctx.db, ids, foldForSearch, check), { check }),
      { partial: !!first, proximity: !!first && sort === 'relevance' },
    );
    const all = dedupe && this.ctx.nearDups.groupOf.size ? this.collapse(hits, sort) : hits;
    const order = this.order(all, sort);
    const positions = first === undefined ? Array.from({ length: all.length }, (_, i) => i).sort(order) : topKIndices(all.length, first, order);
    return { all, ordered: positions.map((i) => all.hit(i)), terms, partial };
  }

  /** How many articles match, as `matchAll` finds them (exact matches, no 去重), without ordering them. */
  countMatches(req: SearchRequest): number {
    return this.matchAll(req, 0).all.length;
  }

  /**
   * Hits `i` and `j` of `hits` compared in `sort` order: by score (then newest), or by date (then
   * score). Dates are read from the facts table as compared (a typed array), ids and scores from
   * the list's columns: no object per hit.
   */
  private order(hits: HitList, sort: SearchRequest['sort']): (i: number, j: number) => number {
    const facts = this.ctx.index.facts;
    const { ids, scores } = hits;
    const dir = sort === 'date-asc' ? 1 : -1;
    return sort === 'relevance'
      ? (i, j) => scores[j] - scores[i] || facts.date(ids[j]) - facts.date(ids[i]) || ids[j] - ids[i]
      : (i, j) => dir * (facts.date(ids[i]) - facts.date(ids[j])) || scores[j] - scores[i] || dir * (ids[i] - ids[j]);
  }

  /** 去重: one hit per group of near-duplicates, the one that comes first in `sort` order. */
  private collapse(hits: HitList, sort: SearchRequest['sort']): HitList {
    const { ids } = hits;
    const kept = collapsePositions(hits.length, (i) => this.ctx.nearDups.groupIdOf(ids[i]), this.order(hits, sort));
    return kept ? hits.pick(kept) : hits;
  }

  private toHit(article: ArticleDetail, score: number, terms: string[]): SearchHit {
    const a = searchable(article) ?? article;
    const body = a.paragraphs.filter((p) => p.type !== 'caption').map((p) => p.text).join(' ');
    return {
      id: a.id,
      title: a.title,
      kicker: a.kicker,
      subtitle: a.subtitle,
      ...articleToFacts(a),
      ...(a.dateInferred ? { dateInferred: true } : {}),
      score: Math.round(score * 1000) / 1000,
      snippets: makeSnippets(body, terms, 3),
      ...(this.ctx.nearDups.others(a.id) > 0 && { nearDuplicates: this.ctx.nearDups.others(a.id) }),
    };
  }

  /**
   * One page of results. `call.cancelled` is the carrier's cell that says the client left (see
   * `search/budget.ts`); the search stops with an answer saying why when it is set or when the
   * budget's deadline passes.
   */
  async search(req: SearchRequest, call?: CallContext): Promise<SearchResponse> {
    return this.searchWith(req, call);
  }

  private async searchWith(req: SearchRequest, call?: CallContext, tree?: ParsedQuery): Promise<SearchResponse> {
    const t0 = performance.now();
    const empty = { reporter: [], department: [], topic: [], year: [], paper: [], page: [] };
    const offset = Math.max(0, req.offset ?? 0);
    const limit = Math.min(Math.max(1, req.limit ?? 20), 1000);
    let matched: ReturnType<SearchService['matchAll']>;
    try {
      matched = this.matchAll(req, offset + limit, defaultBudget(call?.cancelled), req.dedupe !== false, tree);
    } catch (err) {
      if (err instanceof QueryError) return { total: 0, tookMs: 0, hits: [], facets: empty, terms: [], error: err.message };
      throw err;
    }
    const page = matched.ordered.slice(offset, offset + limit);
    const articles = new Map(store.getArticles(this.ctx.db, page.map((h) => h.id)).map((a) => [a.id, a]));
    const partial = matched.partial;
    const hits = page.map((h) => {
      const a = articles.get(h.id);
      if (!a) return null;
      const hit = this.toHit(a, h.score, matched.terms);
      const missing = partial?.missing.get(h.id);
      if (missing) hit.missing = missing;
      return hit;
    });
    const facets = req.facets === false ? empty : this.ctx.index.facts.facets(matched.all.idView());
    const suggestion = !tree && (matched.all.length === 0 || partial) ? this.didYouMean(req.query) : undefined;
    return {
      ...(suggestion && { suggestion }),
      total: matched.all.length,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
      hits: hits.filter((h): h is SearchHit => h !== null),
      facets,
      terms: matched.terms,
      ...(partial && {
        partial: {
          matched: partial.matched,
          of: partial.of,
          message: `没有同时包含全部词语的文章；以下结果包含其中 ${partial.matched} 个`,
        },
      }),
    };
  }

  /** `你是不是要找：陆晓茜`: the query with a word mended to a name or tag of the archive one character away. */
  private didYouMean(query: string): SearchResponse['suggestion'] {
    const words = query.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const [, prefix = '', word] = words[i].match(/^((?:记者|部门|主题)[:：])?(.*)$/) ?? [];
      const name = similarTagName(this.ctx.db, word ?? '');
      if (!name) continue;
      const mended = [...words.slice(0, i), prefix + name, ...words.slice(i + 1)].join(' ');
      return { query: mended, message: `你是不是要找：${name}` };
    }
    return undefined;
  }

  async getArticle(req: { id: number }): Promise<ArticleDetail | null> {
    return store.getArticle(this.ctx.db, req.id);
  }

  /** The article's group of near-duplicates, earliest first, with each one's estimated containment against it. */
  async getNearDuplicates(req: { id: number }): Promise<NearDuplicate[]> {
    const ids = this.ctx.nearDups.group(req.id);
    const articles = store.getArticles(this.ctx.db, ids);
    if (!articles.some((a) => a.id === req.id)) throw new NotFound('没有这篇文章');
    return articles
      .map((article) => ({ article, similarity: article.id === req.id ? 1 : Math.round(this.ctx.nearDups.similarity(req.id, article.id) * 100) / 100 }))
      .sort((x, y) => (x.article.date ?? '').localeCompare(y.article.date ?? '') || x.article.id - y.article.id);
  }

  async getRawText(req: { id: number }): Promise<string | null> {
    return store.rawTextOf(this.ctx.db, req.id);
  }

  async moreLikeThis(req: { id: number; limit?: number }): Promise<SearchHit[]> {
    const a = store.getArticle(this.ctx.db, req.id);
    if (!a) throw new NotFound('没有这篇文章');
    const words = keywords(articleText(a), 8).map((k) => k.word);
    if (!words.length) return [];
    // One OR group of the article's keywords as words (matched through the index, not phrase-checked in SQL).
    const tree: ParsedQuery = { groups: [words.map((w) => ({ type: 'term', text: w }))], excluded: [], years: [], reporters: [], departments: [], topics: [], papers: [], pages: [] };
    const res = await this.searchWith({ query: words.join(' '), limit: (req.limit ?? 8) + 1, facets: false, sort: 'relevance' }, undefined, tree);
    return res.hits.filter((h) => h.id !== a.id).slice(0, req.limit ?? 8);
  }
}
