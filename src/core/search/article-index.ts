/**
 * The full-text index: two MiniSearch indexes over jieba tokens (text-index.ts,
 * terms packed in term-store.ts, scored by ranking.ts), plus a compact
 * in-memory table of each article's filterable facts (date, paper, page,
 * tags) used for filters, facets and date sorting.
 *
 * Fields and ranking: `title` (kicker + title + subtitle), `names` (byline
 * names and department), `body` (paragraphs and captions); tags in their own
 * small index (a tag edit never re-segments an article), its score added ×
 * TAG_BOOST. BM25+ in MiniSearch's form with the field boosts and
 * parameters of DEFAULT_RANKING (chosen on pages-dev, see there), a query
 * word's pieces required and the whole word scored besides, a bare year as
 * date or number, and a proximity bonus on the best hits (`plain`:
 * MiniSearch's own ranking, BOOST). No
 * prefix or fuzzy expansion: a Chinese term is a whole jieba word, and
 * expansions cost a posting-list walk each. Nothing is stored in MiniSearch:
 * the result list reads titles from the store.
 */
import type { Options } from 'minisearch';
import type { ArticleDetail, ArticleTag } from '../../shared/types';
import { foldForSearch, hasTraditional } from '../text/normalize';
import { queryJieba } from '../text/jieba';
import { chineseForms, foldNumbers, queryWords, tokenizeForIndex, tokenizeForQuery } from '../text/tokenizer';
import { QueryError, type Filters, type ParsedQuery, type QueryItem } from './query';
import { TextIndex, type PackedIndex } from './text-index';
import { rank, rankList, queryTerms, MAX_QUERY_TERMS, MINISEARCH_BM25, type Bm25Params, type RankQuery, type WeightedTerm } from './ranking';
import { topKIndices } from './top-k';
import { HitList } from './hit-list';
import { Facts } from './facts';
import { FoldedTexts, type ReadTexts } from './folded-texts';

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

import type { ArticleFacts } from './facts';
export type { ArticleFacts };

export const FIELDS = ['title', 'body', 'names'] as const;
/** MiniSearch's field boosts as first set (plain ranking; the search uses DEFAULT_RANKING.boost). */
export const BOOST = { title: 3, names: 2, body: 1 };
/** Weight of a match in the tags index relative to the content index. */
export const TAG_BOOST = 2;

/**
 * An index term no text yields (tokens are words, numbers and names; control
 * characters are stripped at import), given to every article whose title or
 * body holds traditional characters. Phrases were once checked in the folded
 * text only for these articles (SQLite looked in the others' stored text);
 * every article's folded text is now in memory (`folded-texts.ts`), so
 * nothing reads the mark. It stays in the index because removing it would
 * change every saved index and make each archive rebuild its index at its
 * next open; drop it with the next change that needs a rebuild anyway.
 */
export const TRADITIONAL_MARK = '\u0001繁';

/** MiniSearch's `tokenize` for both indexes: a field's text as index terms. */
export function tokenizeField(text: string, field?: string): string[] {
  return fieldTerms(text, field, tokenizeForIndex, foldForSearch, () => TRADITIONAL_MARK);
}

/**
 * A field's index terms, as `terms` gives a text's (the terms, or in a rebuild their numbers:
 * index-builder.ts), so both take one definition. A tag or a name is also one term whole
 * (`whole`: a name is found whole even if jieba does not know it); a title or body with
 * traditional characters also carries `mark()`. `terms`' arrays are shared with the
 * tokenizer's memo: never modified.
 */
export function fieldTerms<T>(text: string, field: string | undefined, terms: (text: string) => T[], whole: (name: string) => T, mark: () => T): T[] {
  if (field === 'tags' || field === 'names') {
    const out: T[] = [];
    for (const name of text.split('\n')) {
      if (!name) continue;
      out.push(whole(name));
      out.push(...terms(name));
    }
    return out;
  }
  const tokens = terms(text);
  return hasTraditional(text) ? [...tokens, mark()] : tokens;
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
  // A corrected article's body also holds the stretches its corrections replaced (store/corrections.ts):
  // the wrong form an editor fixed is still found, like Trove. In the body field rather than a field of
  // their own: another field would change the index format and the boosts tuned on pages-dev for a few
  // words per corrected article; in the body they count as body words, ranked below a title match.
  const body = [...a.paragraphs.map((p) => p.text), ...(a.replacedText ? [a.replacedText] : [])].join('\n');
  const names = new Set<string>();
  for (const n of [...(a.byline?.reporters ?? []), ...(a.byline?.correspondents ?? []), ...(a.byline?.photographers ?? []), ...(a.byline?.interns ?? [])])
    names.add(n);
  if (a.byline?.department) names.add(a.byline.department);
  return { id: a.id, title, body, names: [...names].join('\n') };
}

/**
 * Every text `upsert` gives the tokenizer for an article (title block, body, each name, each
 * tag): what a rebuild segments ahead, in other threads (`AheadSegmenter`, text/tokenizer.ts).
 */
export function indexedTexts(a: ArticleDetail, doc: IndexDoc = articleToDoc(a)): string[] {
  return [doc.title, doc.body, ...doc.names.split('\n'), ...a.tags.map((t) => t.name)];
}

/** The tags index's text of an article: each tag name once, a line each. */
export function tagDocText(tags: ArticleTag[]): string {
  return [...new Set(tags.map((t) => t.name))].join('\n');
}

/** The tag facts of an article (filters and facets). */
function tagFacts(tags: ArticleTag[]): Pick<ArticleFacts, 'reporters' | 'department' | 'topics'> {
  return {
    reporters: tags.filter((t) => t.kind === 'reporter').map((t) => t.name),
    department: tags.find((t) => t.kind === 'department')?.name,
    topics: tags.filter((t) => t.kind === 'topic').map((t) => t.name),
  };
}

export function articleToFacts(a: ArticleDetail): ArticleFacts {
  return { date: a.date, paper: a.paper, page: a.page, kind: a.kind, ...tagFacts(a.tags), ...(a.corrected ? { corrected: true } : {}) };
}

export type { Filters };

/** No article held every group of an AND query: the hits hold `matched` of the `of` groups. */
export interface PartialMatches {
  matched: number;
  of: number;
  /** The groups (as written in the query) each hit lacks. */
  missing: Map<number, string[]>;
}

export interface IndexSearchResult {
  hits: HitList;
  /** Folded terms and phrases, for highlighting. */
  terms: string[];
  partial?: PartialMatches;
}

export interface RankingOptions {
  /** MiniSearch's ranking exactly (BOOST, its BM25 defaults; no whole-word, proximity or partial matches). */
  plain?: boolean;
  boost: Record<string, number>;
  bm25: Bm25Params;
  /** Weight of a query word's pieces when the word has smaller pieces (`世界`, `卫生`, `组织`)… */
  partWeight: number;
  /** …and of the word itself (`世界卫生组织`), scored where the document indexed it whole. */
  wholeWeight: number;
  /** Score × (1 + bonus) by how close the query words stand (see `proximityLevel`). */
  proximity: { title: number; sentence: number; paragraph: number };
}

/**
 * The ranking used by search, chosen on the tuning half of pages-dev only
 * (pages of Jan 1–5, 1998): `npm run eval:search -- --sweep [--base JSON]`
 * varies one setting at a time and scores MRR@10 on the 51 half-A dev
 * queries and on 294 queries generated the same way from every half-A gold
 * article whose target was parsed ("gen", keywords / title words below).
 * The held-out half (Jan 6–10) was not looked at while choosing.
 *
 *   MiniSearch's own ranking (boost 3/2/1, k 1.2, b 0.7, d 0.5)   gen 0.955 / 0.977
 *   + whole words and parts, proximity 0.5/0.2/0.1                gen 0.961 / 0.978
 *   proximity ×4 → 2/0.8/0.4 (×0 0.959/0.978, ×2 0.961/0.978)     gen 0.967 / 0.978
 *   bm25 k 2 (k 0.6…3: 0.966…0.970), d 0 (d 1: 0.966)             gen 0.971 / 0.979
 *   title boost 2 (1: 0.978/0.974, 3: 0.971/0.979, 6: 0.964/0.981) gen 0.976 / 0.978
 *   proximity ×2 → 4/1.6/0.8 (×0 0.968/0.976, ×5 0.977/0.978)      gen 0.978 / 0.978
 *
 * Around the final settings no single change does better than ±0.0005 of
 * the mean (b 0.5–1, names boost 1–3, partWeight 0.25–0.75 and wholeWeight
 * 0–2 are flat: the generated queries are jieba keywords, which are rarely
 * compounds). Dev queries of half A: 0.977 / 1.000 → 0.990 / 1.000.
 */
export const DEFAULT_RANKING: RankingOptions = {
  boost: { title: 2, names: 2, body: 1 },
  bm25: { k: 2, b: 0.7, d: 0 },
  partWeight: 0.5,
  wholeWeight: 1,
  proximity: { title: 4, sentence: 1.6, paragraph: 0.8 },
};

export class ArticleIndex {
  /** Content: title, body, byline names. */
  text: TextIndex<IndexDoc>;
  /** Tags: small documents, so a tag edit never re-segments an article's text. */
  tags: TextIndex<TagDoc>;
  facts = new Facts();
  /** The content index changed since it was last written (persist.ts). */
  textDirty = true;
  /** The id of the text file this index was last written to or read from. */
  textFileId?: string;

  constructor(packed?: { text: PackedIndex; tags: PackedIndex }) {
    this.text = new TextIndex<IndexDoc>(miniSearchOptions(), packed?.text);
    this.tags = new TextIndex<TagDoc>(tagMiniSearchOptions(), packed?.tags);
  }

  get size(): number {
    return this.facts.size;
  }

  /** Add or replace one article. */
  upsert(a: ArticleDetail): void {
    this.textDirty = true;
    this.texts.forget(a.id);
    this.text.upsert(articleToDoc(a));
    this.facts.set(a.id, articleToFacts(a));
    this.updateTags(a.id, a.tags);
  }

  /** Only the tags changed: the tags index and the facts, not the text. */
  updateTags(id: number, tags: ArticleTag[]): void {
    const m = this.facts.get(id);
    if (!m) return;
    this.facts.set(id, { ...m, ...tagFacts(tags) });
    const names = tagDocText(tags);
    if (names) this.tags.upsert({ id, tags: names });
    else this.tags.discard(id);
  }

  remove(id: number): void {
    if (this.text.has(id)) this.textDirty = true;
    this.texts.forget(id);
    this.text.discard(id);
    this.tags.discard(id);
    this.facts.delete(id);
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

  /** How results are scored; `plain` is MiniSearch's own BM25 (tests compare against it). */
  ranking: RankingOptions = DEFAULT_RANKING;
  /** The articles' folded texts (phrases, proximity), read from the store as asked for; an article's is dropped when it changes. */
  readonly texts = new FoldedTexts();

  private itemTerms(item: QueryItem): string[] {
    return tokenizeForQuery(item.text);
  }

  /**
   * An item as a rank query: every piece of every word must match (the pieces
   * are what any document holding the word has indexed, whatever jieba made
   * of its context); a word jieba knows whole (`世界卫生组织`) also scores
   * as that whole word, its pieces with a lower weight.
   */
  private itemQuery(item: QueryItem): { query: RankQuery; terms: string[]; words: string[] } | null {
    const words = queryWords(item.text);
    const terms = [...new Set(words.flatMap((w) => w.parts))];
    if (!terms.length) return null;
    const r = this.ranking;
    if (r.plain) return { query: { and: terms }, terms, words: words.map((w) => w.word) };
    const must: RankQuery[] = [];
    const should: WeightedTerm[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      const whole = w.parts.length === 1 && w.parts[0] === w.word;
      for (const p of w.parts) {
        if (seen.has(p)) continue;
        seen.add(p);
        must.push(whole ? p : { term: p, weight: r.partWeight });
      }
      if (!whole && !seen.has(w.word)) {
        seen.add(w.word);
        should.push({ term: w.word, weight: r.wholeWeight });
      }
    }
    return { query: should.length ? { and: must, should } : { and: must }, terms, words: words.map((w) => w.word) };
  }

  /** A phrase as it is looked for in the text: folded, without spaces. */
  private phraseText(item: QueryItem): string {
    return foldForSearch(item.text).replace(/\s+/g, '');
  }

  /** The query against the text, united with the same query against the tags. */
  private run(query: RankQuery): HitList {
    if (queryTerms(query).length > MAX_QUERY_TERMS) throw new QueryError(`检索词太多：一次最多 ${MAX_QUERY_TERMS} 个词`);
    const bm25 = this.ranking.plain ? MINISEARCH_BM25 : this.ranking.bm25;
    const boost = this.ranking.plain ? BOOST : this.ranking.boost;
    const hits = rankList(this.text, query, boost, bm25);
    if (!this.tags.documentCount) return hits;
    const byTag = new Map<number, number>();
    rank(this.tags, query, {}, (id, score) => byTag.set(id, score * TAG_BOOST), bm25);
    if (!byTag.size) return hits;
    const { ids, scores } = hits;
    for (let i = 0; i < hits.length; i++) {
      const t = byTag.get(ids[i]);
      if (t !== undefined) {
        scores[i] += t;
        byTag.delete(ids[i]);
      }
    }
    return hits.concat([...byTag].map(([id, score]) => ({ id, score })));
  }

  /** A year's hits by article (a bare year in the query). */
  private yearScores(year: string): Map<number, number> {
    const h = this.run(year);
    const out = new Map<number, number>();
    for (let i = 0; i < h.length; i++) out.set(h.ids[i], h.scores[i]);
    return out;
  }

  /** Whether an article is dated in `year` (a bare year in the query). */
  private datedIn(id: number, year: string): boolean {
    return Math.floor(this.facts.date(id) / 10000) === Number(year);
  }

  /**
   * Execute a parsed query. Filters are already resolved to canonical tag names.
   * `read` reads articles' folded texts from the store when `texts` does not
   * hold them (phrases, proximity operators, and the proximity bonus when
   * `opts.proximity`); `opts.partial`: fall back to the best partial matches
   * when no article holds every group.
   */
  search(q: ParsedQuery, filters: Filters, read: ReadTexts, opts: { partial?: boolean; proximity?: boolean } = {}): IndexSearchResult {
    const terms = new Set<string>();
    const phrases: string[] = [];
    const groups: RankQuery[] = [];
    /** The words of each AND group with a single item (for proximity). */
    const proximityWords: string[] = [];
    /** Each group as the user wrote it (for partial matches). */
    const labels: string[] = [];
    /** The items of each group in `groups`. */
    const groupItems: QueryItem[][] = [];
    for (const group of q.groups) {
      const alternatives: RankQuery[] = [];
      for (const item of group) {
        const iq = this.itemQuery(item);
        if (!iq) continue;
        iq.terms.forEach((x) => terms.add(x));
        if (item.type === 'phrase') phrases.push(this.phraseText(item));
        alternatives.push(iq.query);
        if (group.length === 1) {
          if (item.type === 'phrase') proximityWords.push(this.phraseText(item));
          else if (item.type === 'near') proximityWords.push(...nearWords(item));
          else proximityWords.push(...iq.words);
        }
      }
      if (alternatives.length) {
        groups.push(alternatives.length === 1 ? alternatives[0] : { or: alternatives });
        labels.push(group.map(itemLabel).join(' OR '));
        groupItems.push(group);
      }
    }
    const years = q.years ?? [];
    for (const y of years) {
      terms.add(y);
      proximityWords.push(y);
    }
    const cf = this.facts.compile(filters);
    /** Articles dated in the year or holding it, with the score of the number as a word. */
    const yearHits = years.map((y) => this.yearScores(y));
    let hits: HitList;
    if (groups.length) {
      hits = this.run(groups.length === 1 ? groups[0] : { and: groups });
    } else if (q.groups.length) {
      // Only stop words were asked for (`"的"`, `我们`): the index holds no such words, and an
      // editor gets nothing from a list of nearly every article (nor from checking each one
      // for the phrase), so say why rather than answer with no results.
      const items = q.groups.flat();
      const common = items.filter((i) => /[\p{L}\p{N}]/u.test(i.text)).map((i) => `“${i.text}”`);
      if (!common.length) throw new QueryError(`${items.map((i) => `“${i.text}”`).join('')}里没有可以检索的字或词`);
      throw new QueryError(`${common.join('')}太常见，几乎每篇文章都有，不能单独检索：请和别的词一起查`);
    } else if (years.length) {
      const ids: number[] = [];
      const first = yearHits[0];
      for (const id of this.facts.keys()) if (first.has(id) || this.datedIn(id, years[0])) ids.push(id);
      hits = HitList.ofIds(ids);
    } else {
      const ids: number[] = [];
      for (const id of this.facts.keys()) if (this.facts.matches(id, cf)) ids.push(id);
      hits = HitList.ofIds(ids);
    }
    if (years.length && hits.length) {
      const scores = hits.scores;
      hits = hits.filter((id, i) => {
        let ok = true;
        years.forEach((y, yi) => {
          const s = yearHits[yi].get(id);
          if (s !== undefined) scores[i] += s;
          else if (!this.datedIn(id, y)) ok = false;
        });
        return ok;
      });
    }
    if ((groups.length || years.length) && cf.any) hits = hits.filter((id) => this.facts.matches(id, cf));
    hits = this.checkPhrases(q, hits, read);
    hits = this.withoutExcluded(q, hits, read);
    let partial: PartialMatches | undefined;
    if (opts.partial && !hits.length && groups.length + years.length >= 2 && !this.ranking.plain) {
      const p = this.partialMatches(q, groups, groupItems, labels, years, yearHits, cf, read);
      if (p) {
        hits = p.hits;
        partial = p.partial;
      }
    }
    if (opts.proximity && proximityWords.length >= 2 && hits.length && !this.ranking.plain) this.proximity(hits, proximityWords, read);
    for (const p of phrases) terms.add(p);
    // A number is highlighted where the text writes it in Chinese digits too.
    for (const t of [...terms]) for (const form of chineseForms(t.replace(/年$/, ''))) terms.add(form);
    return { hits, terms: [...terms], partial };
  }

  /**
   * Phrases and proximity operators: the words must really stand together
   * (a group whose alternatives are all phrases or proximity operators is
   * checked as a whole: an article passes when one alternative holds).
   */
  private checkPhrases(q: ParsedQuery, hits: HitList, read: ReadTexts): HitList {
    for (const group of q.groups) {
      if (!hits.length) break;
      if (!group.length || !group.every((i) => i.type === 'phrase' || i.type === 'near')) continue;
      const keep = this.holding(group, Array.from(hits.idView()), read);
      hits = hits.filter((id) => keep.has(id));
    }
    return hits;
  }

  /** Which of `ids` hold one of `items` (phrases and proximity operators) as written. */
  private holding(items: QueryItem[], ids: number[], read: ReadTexts): Set<number> {
    const keep = new Set<number>();
    for (const item of items) {
      if (item.type === 'phrase') for (const id of this.texts.holders(ids, this.phraseText(item), read)) keep.add(id);
    }
    const near = items.filter((i) => i.type === 'near');
    if (near.length) {
      const rest = ids.filter((id) => !keep.has(id));
      for (const [id, parts] of this.texts.parts(rest, read)) {
        const folded = parts.map(foldNumbers);
        if (near.some((i) => nearMatch(folded, nearWords(i), i.distance ?? Infinity, i.ordered ?? false))) keep.add(id);
      }
    }
    return keep;
  }

  /**
   * `hits` without the articles an excluded word or phrase removes. Marks in a
   * byte per article id, not a Set: `经济 -美国` drops from 1,200 hits the
   * articles among 22,000 that hold 美国.
   */
  private withoutExcluded(q: ParsedQuery, hits: HitList, read: ReadTexts): HitList {
    if (!q.excluded.length || !hits.length) return hits;
    let top = 0;
    for (let i = 0; i < hits.length; i++) if (hits.ids[i] > top) top = hits.ids[i];
    /** 1: a hit; 2: a hit that an exclusion removes. */
    const mark = new Uint8Array(top + 1);
    for (let i = 0; i < hits.length; i++) mark[hits.ids[i]] = 1;
    for (const item of q.excluded) {
      const t = this.itemTerms(item);
      if (!t.length) continue;
      const found = this.run({ and: t }).idView();
      if (item.type === 'phrase') {
        const cands = Array.from(found).filter((id) => id <= top && mark[id] === 1);
        for (const id of this.texts.holders(cands, this.phraseText(item), read)) mark[id] = 2;
      } else {
        for (let k = 0; k < found.length; k++) if (found[k] <= top && mark[found[k]]) mark[found[k]] = 2;
      }
    }
    return hits.filter((id) => mark[id] !== 2);
  }

  /**
   * No article holds every group: the articles that hold the most of them
   * (at least one), each with the groups it lacks. Filters, phrases and
   * exclusions still apply.
   */
  private partialMatches(
    q: ParsedQuery,
    groups: RankQuery[],
    groupItems: QueryItem[][],
    labels: string[],
    years: string[],
    yearHits: Map<number, number>[],
    cf: ReturnType<Facts['compile']>,
    read: ReadTexts,
  ): { hits: HitList; partial: PartialMatches } | null {
    const of = groups.length + years.length;
    const found = new Map<number, { score: number; has: boolean[] }>();
    const note = (gi: number, id: number, score: number) => {
      let e = found.get(id);
      if (!e) found.set(id, (e = { score: 0, has: new Array(of).fill(false) }));
      e.score += score;
      e.has[gi] = true;
    };
    groups.forEach((g, gi) => {
      let hs = this.run(g);
      // A group of phrases: the phrase must stand in the text.
      const items = groupItems[gi];
      if (items.every((i) => i.type === 'phrase' || i.type === 'near') && hs.length) {
        const keep = this.holding(items, Array.from(hs.idView()), read);
        hs = hs.filter((id) => keep.has(id));
      }
      for (let i = 0; i < hs.length; i++) note(gi, hs.ids[i], hs.scores[i]);
    });
    yearHits.forEach((yh, yi) => {
      for (const [id, score] of yh) note(groups.length + yi, id, score);
    });
    let best = 0;
    const candidates: { id: number; score: number; has: boolean[]; n: number }[] = [];
    for (const [id, e] of found) {
      if (cf.any && !this.facts.matches(id, cf)) continue;
      // A year is also met by the article's date.
      years.forEach((y, yi) => {
        if (!e.has[groups.length + yi] && this.datedIn(id, y)) e.has[groups.length + yi] = true;
      });
      const n = e.has.filter(Boolean).length;
      if (n >= of) continue; // holds every group, so an exclusion or a filter left it out: not a partial match
      if (n > best) best = n;
      candidates.push({ id, score: e.score, has: e.has, n });
    }
    if (!best) return null;
    const hits = this.withoutExcluded(q, HitList.of(candidates.filter((c) => c.n === best)), read);
    if (!hits.length) return null;
    const all = [...labels, ...years];
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const missing = new Map<number, string[]>();
    for (const id of hits.idView()) missing.set(id, all.filter((_, i) => !byId.get(id)!.has[i]));
    return { hits, partial: { matched: best, of, missing } };
  }

  /**
   * Terms that stand close together count more: the BM25 score of each of
   * the best PROXIMITY_CANDIDATES hits is multiplied by 1 + the bonus of the
   * closest their query words come: all in one headline line, next to each
   * other (`title`) ≫ in one sentence (`sentence`) ≫ in one paragraph
   * (`paragraph`) ≫ anywhere (no bonus). Only those hits can move up: the
   * rest scored lower before and score the same after.
   */
  private proximity(hits: HitList, words: string[], read: ReadTexts): void {
    const { ids, scores } = hits;
    const best = topKIndices(hits.length, PROXIMITY_CANDIDATES, (x, y) => scores[y] - scores[x] || ids[x] - ids[y]);
    const texts = this.texts.parts(best.map((i) => ids[i]), read);
    const { title, sentence, paragraph } = this.ranking.proximity;
    const ws = [...new Set(words)].filter(Boolean);
    for (const i of best) {
      const parts = texts.get(ids[i]);
      if (!parts) continue;
      const level = proximityLevel(parts.map(foldNumbers), ws);
      scores[i] *= 1 + (level === 3 ? title : level === 2 ? sentence : level === 1 ? paragraph : 0);
    }
  }
}

/** Hits whose BM25 score may be raised by proximity (the rest scored lower and cannot overtake them). */
export const PROXIMITY_CANDIDATES = 30;

/**
 * How close `words` stand in an article's texts (kicker, title, subtitle,
 * then paragraphs; folded, spaces removed): 3 all in one headline line within
 * a span of their lengths + 2 characters (adjacent, a particle between), 2 in
 * one sentence, 1 in one paragraph (or headline line), 0 otherwise.
 */
export function proximityLevel(parts: string[], words: string[]): number {
  const inAll = (t: string) => words.every((w) => t.includes(w));
  const slack = words.reduce((n, w) => n + w.length, 0) + 2;
  let level = 0;
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i];
    if (!t || !inAll(t)) continue;
    if (i < 3 && minSpan(t, words) <= slack) return 3;
    level = Math.max(level, 1);
    if (level < 2 && t.split(/[。！？!?；;]/).some(inAll)) level = 2;
  }
  return level;
}

/** The shortest stretch of `t` that holds one occurrence of each word. */
function minSpan(t: string, words: string[]): number {
  const occ: { at: number; end: number; w: number }[] = [];
  words.forEach((w, wi) => {
    for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) occ.push({ at, end: at + w.length, w: wi });
  });
  occ.sort((x, y) => x.at - y.at);
  const count = new Array(words.length).fill(0);
  let have = 0;
  let best = Infinity;
  let lo = 0;
  for (let hi = 0; hi < occ.length; hi++) {
    if (count[occ[hi].w]++ === 0) have++;
    while (have === words.length) {
      let end = 0;
      for (let k = lo; k <= hi; k++) end = Math.max(end, occ[k].end);
      best = Math.min(best, end - occ[lo].at);
      if (--count[occ[lo].w] === 0) have--;
      lo++;
    }
  }
  return best;
}

/** A query item as the user wrote it (a partial match lists the ones an article lacks). */
function itemLabel(i: QueryItem): string {
  if (i.type === 'phrase') return `"${i.text}"`;
  if (i.type !== 'near') return i.text;
  const words = i.words ?? [];
  if (i.distance === Infinity) return `同段:(${words.join(' ')})`;
  if (i.ordered) return `"${words.join(' ')}"~${i.distance}`;
  return words.join(` 近/${i.distance} `);
}

/** The words of a proximity operator as they are looked for in the folded text. */
function nearWords(i: QueryItem): string[] {
  return (i.words ?? []).map((w) => foldNumbers(foldForSearch(w)).replace(/\s+/g, '')).filter(Boolean);
}

/** Words of running text between two matches (jieba's words with a letter, digit or Han character). */
function wordsIn(gap: string): number {
  if (!gap) return 0;
  return queryJieba()
    .cut(gap, true)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Every start of `w` in `t`. */
function occurrences(t: string, w: string): number[] {
  const out: number[] = [];
  for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) out.push(at);
  return out;
}

/**
 * Whether `words` stand close together in one of `parts` (headline lines
 * and paragraphs, folded): at most `distance` words between two of them
 * (Infinity: anywhere in the same part), in the order given when `ordered`.
 * Distances are counted in jieba words of the text between the matches.
 */
export function nearMatch(parts: string[], words: string[], distance: number, ordered: boolean): boolean {
  if (!words.length) return false;
  // Characters between two matches that can still hold `distance` words (a word is rarely longer than 8).
  const maxGap = distance === Infinity ? Infinity : distance * 8 + 8;
  const close = (t: string, from: number, to: number) => to >= from && to - from <= maxGap && (distance === Infinity || wordsIn(t.slice(from, to)) <= distance);
  for (const t of parts) {
    if (!t || !words.every((w) => t.includes(w))) continue;
    if (distance === Infinity) return true;
    const occ = words.map((w) => occurrences(t, w));
    if (ordered) {
      // Each word after the previous one's end, with few words between.
      const from = (k: number, end: number): boolean =>
        k === words.length || occ[k].some((at) => close(t, end, at) && from(k + 1, at + words[k].length));
      if (occ[0].some((at) => from(1, at + words[0].length))) return true;
    } else {
      // Any order: every pair of words close (either way round).
      const pairClose = (a: number, b: number) =>
        occ[a].some((x) => occ[b].some((y) => (x <= y ? close(t, x + words[a].length, y) : close(t, y + words[b].length, x))));
      let all = true;
      for (let a = 0; a < words.length && all; a++) for (let b = a + 1; b < words.length && all; b++) all = pairClose(a, b);
      if (all) return true;
    }
  }
  return false;
}
