/**
 * Search hits as columns: article ids and scores in two typed arrays, with no
 * object per hit. A common word matches 70,000 articles at 150k; making a
 * `{ id, score }` for each took twice as long as scoring them (ranking.ts:
 * `中国`, 2.2 ms to score, 4–5 ms more to make the objects), and filters,
 * 去重, ordering and facets then walked the objects. Objects are made only
 * for the hits a caller keeps (a page of results).
 */

/** One hit as an object: what a page of results and an export are made of. */
export interface RawHit {
  id: number;
  score: number;
}

export class HitList {
  /** `ids[i]` and `scores[i]` for `i < length` are the hits; the arrays may be longer. Scores may be changed in place. */
  constructor(
    readonly ids: Int32Array,
    readonly scores: Float64Array,
    readonly length: number,
  ) {}

  static of(hits: readonly RawHit[]): HitList {
    const out = new HitList(new Int32Array(hits.length), new Float64Array(hits.length), hits.length);
    hits.forEach((h, i) => {
      out.ids[i] = h.id;
      out.scores[i] = h.score;
    });
    return out;
  }

  /** Articles with score 0 (a list by filters or a year alone). */
  static ofIds(ids: readonly number[]): HitList {
    return new HitList(Int32Array.from(ids), new Float64Array(ids.length), ids.length);
  }

  /** The ids, as a view (no copy). */
  idView(): Int32Array {
    return this.ids.subarray(0, this.length);
  }

  hit(i: number): RawHit {
    return { id: this.ids[i], score: this.scores[i] };
  }

  /** The hits at `positions` (indexes into this list), in that order. */
  pick(positions: ArrayLike<number>): HitList {
    const n = positions.length;
    const out = new HitList(new Int32Array(n), new Float64Array(n), n);
    for (let k = 0; k < n; k++) {
      out.ids[k] = this.ids[positions[k]];
      out.scores[k] = this.scores[positions[k]];
    }
    return out;
  }

  /** The hits `keep` accepts, in order; this list itself when it accepts all of them. */
  filter(keep: (id: number, i: number) => boolean): HitList {
    const { ids, scores, length } = this;
    let out: HitList | null = null;
    let n = 0;
    for (let i = 0; i < length; i++) {
      if (keep(ids[i], i)) {
        if (out) {
          out.ids[n] = ids[i];
          out.scores[n] = scores[i];
        }
        n++;
      } else if (!out) {
        // The first hit left out: copy the ones kept so far, then go on copying.
        out = new HitList(new Int32Array(length - 1), new Float64Array(length - 1), 0);
        out.ids.set(ids.subarray(0, n));
        out.scores.set(scores.subarray(0, n));
      }
    }
    return out ? new HitList(out.ids, out.scores, n) : this;
  }

  /** This list followed by `more` (hits of other articles). */
  concat(more: readonly RawHit[]): HitList {
    if (!more.length) return this;
    const n = this.length + more.length;
    const out = new HitList(new Int32Array(n), new Float64Array(n), n);
    out.ids.set(this.idView());
    out.scores.set(this.scores.subarray(0, this.length));
    more.forEach((h, k) => {
      out.ids[this.length + k] = h.id;
      out.scores[this.length + k] = h.score;
    });
    return out;
  }
}
