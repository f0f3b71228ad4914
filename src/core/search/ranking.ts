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
 * keystroke. test/core/ranking.test.ts checks the scores against
 * MiniSearch's own `search` on the same index.
 */
import type { TextIndex } from './text-index';

/** A query: a term (already tokenised and folded), or AND/OR of sub-queries. */
export type RankQuery = string | { and: RankQuery[] } | { or: RankQuery[] };

/** MiniSearch's BM25+ parameters (its defaults). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** At most this many distinct terms in one query (matched terms are counted in a 32-bit mask). */
export const MAX_QUERY_TERMS = 31;

/** Matches of a (sub)query: parallel arrays by MiniSearch short id. */
interface Matches {
  docs: number[];
  scores: number[];
  masks: number[];
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

/** The distinct terms of a query, in order of first appearance. */
export function queryTerms(q: RankQuery, out: string[] = []): string[] {
  if (typeof q === 'string') {
    if (!out.includes(q)) out.push(q);
  } else for (const c of 'and' in q ? q.and : q.or) queryTerms(c, out);
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
): void {
  const terms = queryTerms(q);
  if (terms.length > MAX_QUERY_TERMS) throw new RangeError(`too many query terms (${terms.length} > ${MAX_QUERY_TERMS})`);
  let scratch = scratchOf.get(index);
  if (!scratch) scratchOf.set(index, (scratch = new Scratch()));
  const size = index.live.length;
  const fields = index.fields.map((f) => ({ id: index.fieldId(f), boost: boosts[f] || 1 }));
  const s = scratch;

  const term = (t: string): Matches => {
    const gen = s.next(size);
    const bit = (1 << terms.indexOf(t)) >>> 0;
    const out: Matches = { docs: [], scores: [], masks: [] };
    const { live, fieldLen } = index;
    const nf = index.fields.length;
    const total = index.documentCount;
    const avg = index.avgFieldLength;
    for (const { id: f, boost } of fields) {
      let df = 0;
      index.store.forEachPosting(t, f, (d) => {
        df += live[d];
      });
      if (!df) continue;
      const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      const avgLen = avg[f];
      index.store.forEachPosting(t, f, (d, tf) => {
        if (!live[d]) return;
        const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * fieldLen[d * nf + f]) / avgLen)));
        const w = boost * raw;
        if (s.stamp[d] !== gen) {
          s.stamp[d] = gen;
          s.score[d] = w;
          out.docs.push(d);
        } else s.score[d] += w;
      });
    }
    for (const d of out.docs) {
      out.scores.push(s.score[d]);
      out.masks.push(bit);
    }
    return out;
  };

  const and = (parts: Matches[]): Matches => {
    let acc = parts[0];
    for (let i = 1; i < parts.length; i++) {
      const b = parts[i];
      const gen = s.next(size);
      for (let j = 0; j < b.docs.length; j++) {
        const d = b.docs[j];
        s.stamp[d] = gen;
        s.score[d] = b.scores[j];
        s.mask[d] = b.masks[j];
      }
      const out: Matches = { docs: [], scores: [], masks: [] };
      for (let j = 0; j < acc.docs.length; j++) {
        const d = acc.docs[j];
        if (s.stamp[d] !== gen) continue;
        out.docs.push(d);
        out.scores.push(acc.scores[j] + s.score[d]);
        out.masks.push((acc.masks[j] | s.mask[d]) >>> 0);
      }
      acc = out;
    }
    return acc;
  };

  const or = (parts: Matches[]): Matches => {
    const gen = s.next(size);
    const out: Matches = { docs: [], scores: [], masks: [] };
    for (const p of parts) {
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j];
        if (s.stamp[d] !== gen) {
          s.stamp[d] = gen;
          s.score[d] = p.scores[j];
          s.mask[d] = p.masks[j];
          out.docs.push(d);
        } else {
          s.score[d] += p.scores[j];
          s.mask[d] = (s.mask[d] | p.masks[j]) >>> 0;
        }
      }
    }
    for (const d of out.docs) {
      out.scores.push(s.score[d]);
      out.masks.push(s.mask[d]);
    }
    return out;
  };

  const evaluate = (node: RankQuery): Matches => {
    if (typeof node === 'string') return term(node);
    const parts = ('and' in node ? node.and : node.or).map(evaluate);
    if (!parts.length) return { docs: [], scores: [], masks: [] };
    return 'and' in node ? and(parts) : or(parts);
  };

  const m = evaluate(q);
  for (let j = 0; j < m.docs.length; j++) each(index.articleOf[m.docs[j]], m.scores[j] * (popcount(m.masks[j]) || 1));
}
