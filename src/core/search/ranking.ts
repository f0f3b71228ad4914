/**
 * Ranking: a query tree evaluated over a TextIndex's postings with the score
 * MiniSearch gives (BM25 per field × field boost, summed over fields and
 * terms, × the number of distinct query terms a document matched), but with
 * typed arrays instead of a result object per document and term.
 *
 * MiniSearch has no top-k: `search` builds a result object for every
 * document that contains any query term, ~2 µs per posting; a common word
 * at 150k articles took 140–180 ms. Here a posting costs a few
 * nanoseconds, so scoring every candidate exactly stays well inside a
 * keystroke. With MiniSearch's BM25 parameters (MINISEARCH_BM25, the
 * default here) and plain terms, the scores are MiniSearch's own: the
 * "ranking (ranking.ts) over packed postings" test in
 * test/core/search.test.ts checks them against its `search` on the same
 * index. Search itself passes other parameters, term weights and `should`
 * terms (article-index.ts, DEFAULT_RANKING), so its scores are no longer
 * MiniSearch's; `ArticleIndex.ranking.plain` restores them.
 */
import type { TextIndex } from './text-index';
import { HitList } from './hit-list';

/** A term (already tokenised and folded) whose score is multiplied by `weight`. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * A query: a term (weight 1), a weighted term, or AND/OR of sub-queries. An
 * AND may carry `should` terms: they do not decide what matches, but a
 * document the AND matched that also holds one gets its weighted score
 * added (a query word matched whole, besides its parts).
 */
export type RankQuery = string | WeightedTerm | { and: RankQuery[]; should?: WeightedTerm[] } | { or: RankQuery[] };

/** BM25+ parameters: `k` term-frequency saturation, `b` length normalisation, `d` the BM25+ floor. */
export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

/** MiniSearch's BM25+ parameters (its defaults). */
export const MINISEARCH_BM25: Bm25Params = { k: 1.2, b: 0.7, d: 0.5 };

/** At most this many distinct terms in one query (matched terms are counted in a 32-bit mask). */
export const MAX_QUERY_TERMS = 31;

/** Matches of a (sub)query: `n` documents (MiniSearch short ids) with their scores and matched-term masks. */
interface Matches {
  n: number;
  docs: Int32Array;
  scores: Float64Array;
  masks: Uint32Array;
}

function matches(cap: number): Matches {
  return { n: 0, docs: new Int32Array(cap), scores: new Float64Array(cap), masks: new Uint32Array(cap) };
}

/** Scratch arrays of one index, reused by every query (queries run one at a time). */
class Scratch {
  stamp = new Uint32Array(0);
  score = new Float64Array(0);
  mask = new Uint32Array(0);
  gen = 0;

  next(size: number): number {
    if (this.stamp.length < size) {
      const cap = Math.max(size, this.stamp.length * 2, 1024);
      this.stamp = new Uint32Array(cap);
      this.score = new Float64Array(cap);
      this.mask = new Uint32Array(cap);
      this.gen = 0;
    }
    if (++this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }
}

const scratchOf = new WeakMap<object, Scratch>();

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The distinct terms of a query, in order of first appearance (`should` terms included). */
export function queryTerms(q: RankQuery, out: string[] = []): string[] {
  if (typeof q === 'string' || 'term' in q) {
    const t = typeof q === 'string' ? q : q.term;
    if (!out.includes(t)) out.push(t);
  } else {
    for (const c of 'and' in q ? q.and : q.or) queryTerms(c, out);
    if ('and' in q) for (const c of q.should ?? []) queryTerms(c, out);
  }
  return out;
}

/**
 * Score every document matching `q`: `each(articleId, score)`.
 * `boosts` are field boosts by field name (missing = 1), as MiniSearch's `boost` search option.
 */
export function rank<T extends { id: number }>(
  index: TextIndex<T>,
  q: RankQuery,
  boosts: Record<string, number>,
  each: (articleId: number, score: number) => void,
  bm25: Bm25Params = MINISEARCH_BM25,
): void {
  const m = evaluate(index, q, boosts, bm25);
  const articleOf = index.articleOf;
  for (let j = 0; j < m.n; j++) each(articleOf[m.docs[j]], m.scores[j] * (popcount(m.masks[j]) || 1));
}

/** `rank`'s hits as a HitList (article ids and scores in typed arrays: no call or object per hit). */
export function rankList<T extends { id: number }>(index: TextIndex<T>, q: RankQuery, boosts: Record<string, number>, bm25: Bm25Params = MINISEARCH_BM25): HitList {
  const m = evaluate(index, q, boosts, bm25);
  const articleOf = index.articleOf;
  const out = new HitList(new Int32Array(m.n), new Float64Array(m.n), m.n);
  const { ids, scores } = out;
  for (let j = 0; j < m.n; j++) {
    ids[j] = articleOf[m.docs[j]];
    scores[j] = m.scores[j] * (popcount(m.masks[j]) || 1);
  }
  return out;
}

/** The documents matching `q` with their summed scores and matched-term masks (before × matched terms). */
function evaluate<T extends { id: number }>(index: TextIndex<T>, q: RankQuery, boosts: Record<string, number>, bm25: Bm25Params): Matches {
  const terms = queryTerms(q);
  if (terms.length > MAX_QUERY_TERMS) throw new RangeError(`too many query terms (${terms.length} > ${MAX_QUERY_TERMS})`);
  let s = scratchOf.get(index);
  if (!s) scratchOf.set(index, (s = new Scratch()));
  const scratch = s;
  const size = index.live.length;
  const fields = index.fields.map((f) => ({ id: index.fieldId(f), boost: boosts[f] || 1 }));
  const { live, fieldLen, store } = index;
  const nf = index.fields.length;
  const total = index.documentCount;
  const { k, b, d: bm25d } = bm25;

  /** Postings of one term scored; `counted`: whether it counts as a matched query term (the mask). */
  const term = (t: string, weight = 1, counted = true): Matches => {
    const bit = counted ? (1 << terms.indexOf(t)) >>> 0 : 0;
    // Pass 1: live document frequency per field (MiniSearch's `matchingFields`), and an upper bound of matches.
    const postings = fields.map(({ id: f }) => {
      let df = 0;
      const base = store.baseRange(t, f);
      if (base && !index.dead) df += base.end - base.start;
      else if (base) for (let p = base.start; p < base.end; p++) df += live[base.docs[p]];
      const overlay = store.overlayOf(t, f);
      if (overlay) for (const doc of overlay.keys()) df += live[doc];
      return { df, base, overlay };
    });
    const cap = postings.reduce((c, p) => c + p.df, 0);
    const out = matches(cap);
    if (!cap) return out;
    const gen = scratch.next(size);
    const stamp = scratch.stamp;
    const acc = scratch.score;
    const docs = out.docs;
    let n = 0;
    // Pass 2: BM25+ exactly as MiniSearch's calcBM25Score, × field boost, summed over fields.
    fields.forEach(({ id: f, boost: fieldBoost }, i) => {
      const boost = fieldBoost * weight;
      const { df, base: r, overlay: o } = postings[i];
      if (!df) return;
      const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      const avgLen = index.avgFieldLength[f];
      const add = (doc: number, tf: number) => {
        const w = boost * (idf * (bm25d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLen[doc * nf + f]) / avgLen))));
        if (stamp[doc] !== gen) {
          stamp[doc] = gen;
          acc[doc] = w;
          docs[n++] = doc;
        } else acc[doc] += w;
      };
      if (r) {
        const { docs: pd, freqs: pf, end } = r;
        for (let p = r.start; p < end; p++) {
          const doc = pd[p];
          if (live[doc]) add(doc, pf[p]);
        }
      }
      if (o) for (const [doc, tf] of o) if (live[doc]) add(doc, tf);
    });
    out.n = n;
    for (let j = 0; j < n; j++) {
      out.scores[j] = acc[docs[j]];
      out.masks[j] = bit;
    }
    return out;
  };

  const and = (parts: Matches[]): Matches => {
    // Smallest first: the result is never larger than it.
    parts.sort((x, y) => x.n - y.n);
    let cur = parts[0];
    for (let i = 1; i < parts.length; i++) {
      const other = parts[i];
      const gen = scratch.next(size);
      const { stamp, score, mask } = scratch;
      for (let j = 0; j < other.n; j++) {
        const doc = other.docs[j];
        stamp[doc] = gen;
        score[doc] = other.scores[j];
        mask[doc] = other.masks[j];
      }
      const out = matches(cur.n);
      let n = 0;
      for (let j = 0; j < cur.n; j++) {
        const doc = cur.docs[j];
        if (stamp[doc] !== gen) continue;
        out.docs[n] = doc;
        out.scores[n] = cur.scores[j] + score[doc];
        out.masks[n] = (cur.masks[j] | mask[doc]) >>> 0;
        n++;
      }
      out.n = n;
      cur = out;
    }
    return cur;
  };

  const or = (parts: Matches[]): Matches => {
    const gen = scratch.next(size);
    const { stamp, score, mask } = scratch;
    const out = matches(parts.reduce((c, p) => c + p.n, 0));
    let n = 0;
    for (const p of parts) {
      for (let j = 0; j < p.n; j++) {
        const doc = p.docs[j];
        if (stamp[doc] !== gen) {
          stamp[doc] = gen;
          score[doc] = p.scores[j];
          mask[doc] = p.masks[j];
          out.docs[n++] = doc;
        } else {
          score[doc] += p.scores[j];
          mask[doc] = (mask[doc] | p.masks[j]) >>> 0;
        }
      }
    }
    out.n = n;
    for (let j = 0; j < n; j++) {
      out.scores[j] = score[out.docs[j]];
      out.masks[j] = mask[out.docs[j]];
    }
    return out;
  };

  /** Add the scores of `should` terms to the documents `m` holds (in place). */
  const addShould = (m: Matches, should: WeightedTerm[]): Matches => {
    for (const { term: t, weight } of should) {
      const extra = term(t, weight, false);
      if (!extra.n) continue;
      const gen = scratch.next(size);
      const { stamp, score } = scratch;
      for (let j = 0; j < extra.n; j++) {
        stamp[extra.docs[j]] = gen;
        score[extra.docs[j]] = extra.scores[j];
      }
      for (let j = 0; j < m.n; j++) if (stamp[m.docs[j]] === gen) m.scores[j] += score[m.docs[j]];
    }
    return m;
  };

  const node = (n: RankQuery): Matches => {
    if (typeof n === 'string') return term(n);
    if ('term' in n) return term(n.term, n.weight);
    const parts = ('and' in n ? n.and : n.or).map(node);
    if (!parts.length) return matches(0);
    if (!('and' in n)) return or(parts);
    const m = and(parts);
    return n.should?.length ? addShould(m, n.should) : m;
  };

  return node(q);
}
