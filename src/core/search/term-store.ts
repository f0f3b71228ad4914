/**
 * Where MiniSearch keeps its terms in an archive of 100k+ articles.
 *
 * MiniSearch's own term index is a radix tree of term → field → Map(doc →
 * frequency): a Map entry and tens of bytes per posting. At 150k articles
 * (26 million postings) that is 1.3 GB of heap, and its JSON takes 30 s to
 * load. A TermStore takes the place of MiniSearch's `_index` and holds
 *  - a packed base: every posting as a 4-byte document number and a 2-byte
 *    frequency in typed arrays, loaded from disk in one piece;
 *  - an overlay in MiniSearch's own shape (field → Map(doc → frequency)) for
 *    terms of documents added since the base was packed, which MiniSearch
 *    writes through `fetch` exactly as it writes its own index.
 * `pack()` merges both into a new base (on save; text-index.ts).
 *
 * Only what MiniSearch calls with prefix and fuzzy search off is provided:
 * `fetch`, `get`, `has`, `delete`, `size` and iteration. `get` and iteration
 * build Maps and are for MiniSearch's own search (tests compare it with
 * ranking.ts); queries read postings through `forEachPosting`.
 */

/** field id → (MiniSearch short document id → term frequency): MiniSearch's shape. */
export type FieldTermData = Map<number, Map<number, number>>;

/** The packed base: terms, then per term its fields, then per field its postings. */
export interface PackedTerms {
  terms: string[];
  /** `terms.length + 1` offsets into the entry arrays. */
  termStart: Uint32Array;
  /** Field id of each (term, field) entry. */
  entryField: Uint8Array;
  /** `entries + 1` offsets into `docs`/`freqs`. */
  entryStart: Uint32Array;
  /** Short document ids, ascending within an entry. */
  docs: Uint32Array;
  freqs: Uint16Array;
}

export function emptyPacked(): PackedTerms {
  return {
    terms: [],
    termStart: new Uint32Array(1),
    entryField: new Uint8Array(0),
    entryStart: new Uint32Array(1),
    docs: new Uint32Array(0),
    freqs: new Uint16Array(0),
  };
}

const MAX_FREQ = 0xffff;

export class TermStore {
  private base: PackedTerms;
  private baseIndex = new Map<string, number>();
  private overlay = new Map<string, FieldTermData>();
  private overlayOnly = 0;

  constructor(base: PackedTerms = emptyPacked()) {
    this.base = base;
    for (let i = 0; i < base.terms.length; i++) this.baseIndex.set(base.terms[i], i);
  }

  /** Number of (term, field) postings in the overlay: how much has changed since the last pack. */
  overlayPostings(): number {
    let n = 0;
    for (const data of this.overlay.values()) for (const m of data.values()) n += m.size;
    return n;
  }

  /** The packed postings of the term in the field: `docs`/`freqs` from `start` to `end` (dead documents included). */
  baseRange(term: string, fieldId: number): { docs: Uint32Array; freqs: Uint16Array; start: number; end: number } | null {
    const ti = this.baseIndex.get(term);
    if (ti === undefined) return null;
    const { termStart, entryField, entryStart, docs, freqs } = this.base;
    for (let e = termStart[ti]; e < termStart[ti + 1]; e++) {
      if (entryField[e] === fieldId) return { docs, freqs, start: entryStart[e], end: entryStart[e + 1] };
    }
    return null;
  }

  /** The overlay postings of the term in the field (MiniSearch's Map of short id → frequency). */
  overlayOf(term: string, fieldId: number): Map<number, number> | undefined {
    return this.overlay.get(term)?.get(fieldId);
  }

  /** Calls `fn(shortId, frequency)` for each posting of the term in the field (dead documents included). */
  forEachPosting(term: string, fieldId: number, fn: (shortId: number, freq: number) => void): void {
    const r = this.baseRange(term, fieldId);
    if (r) for (let p = r.start; p < r.end; p++) fn(r.docs[p], r.freqs[p]);
    const o = this.overlayOf(term, fieldId);
    if (o) for (const [shortId, freq] of o) fn(shortId, freq);
  }

  /** The field ids the term has postings in, base and overlay, ascending. */
  private fieldsOf(term: string): number[] {
    const fields = new Set<number>(this.overlay.get(term)?.keys() ?? []);
    const ti = this.baseIndex.get(term);
    if (ti !== undefined) for (let e = this.base.termStart[ti]; e < this.base.termStart[ti + 1]; e++) fields.add(this.base.entryField[e]);
    return [...fields].sort((a, b) => a - b);
  }

  // ---- what MiniSearch calls on its `_index` ----

  /** MiniSearch's `addTerm`: the overlay entry of the term, created if missing. */
  fetch(term: string, init: () => FieldTermData): FieldTermData {
    let data = this.overlay.get(term);
    if (!data) {
      data = init();
      this.overlay.set(term, data);
      if (!this.baseIndex.has(term)) this.overlayOnly++;
    }
    return data;
  }

  /** A merged copy of base and overlay (MiniSearch's own search; not on the query path). */
  get(term: string): FieldTermData | undefined {
    if (!this.has(term)) return undefined;
    const out: FieldTermData = new Map();
    for (const f of this.fieldsOf(term)) {
      const m = new Map<number, number>();
      this.forEachPosting(term, f, (d, n) => m.set(d, n));
      if (m.size) out.set(f, m);
    }
    return out;
  }

  has(term: string): boolean {
    return this.baseIndex.has(term) || this.overlay.has(term);
  }

  /** Drops the overlay entry only; base postings of dead documents stay until the next pack. */
  delete(term: string): void {
    if (this.overlay.delete(term) && !this.baseIndex.has(term)) this.overlayOnly--;
  }

  get size(): number {
    return this.base.terms.length + this.overlayOnly;
  }

  *[Symbol.iterator](): IterableIterator<[string, FieldTermData]> {
    for (const term of this.base.terms) yield [term, this.get(term)!];
    for (const term of this.overlay.keys()) if (!this.baseIndex.has(term)) yield [term, this.get(term)!];
  }

  atPrefix(): never {
    throw new Error('TermStore: prefix search is off for this index');
  }

  fuzzyGet(): never {
    throw new Error('TermStore: fuzzy search is off for this index');
  }

  /**
   * Base and overlay merged into a new base, keeping only live documents and
   * renumbering them: `renumber[oldShortId]` is the new id, or -1 for a dead document.
   */
  pack(renumber: Int32Array): PackedTerms {
    const { base, overlay } = this;
    const cap = base.docs.length + this.overlayPostings();
    const terms: string[] = [];
    const termStart: number[] = [0];
    const entryField: number[] = [];
    const entryStart: number[] = [0];
    const docs = new Uint32Array(cap);
    const freqs = new Uint16Array(cap);
    let n = 0;
    const put = (d: number, f: number) => {
      const nd = renumber[d];
      if (nd === undefined || nd < 0) return;
      docs[n] = nd;
      freqs[n] = f > MAX_FREQ ? MAX_FREQ : f;
      n++;
    };
    const packTerm = (term: string) => {
      const entriesBefore = entryField.length;
      for (const f of this.fieldsOf(term)) {
        const start = n;
        this.forEachPosting(term, f, put);
        if (n > start) {
          entryField.push(f);
          entryStart.push(n);
        }
      }
      if (entryField.length > entriesBefore) {
        terms.push(term);
        termStart.push(entryField.length);
      }
    };
    for (const term of base.terms) packTerm(term);
    for (const term of overlay.keys()) if (!this.baseIndex.has(term)) packTerm(term);
    return {
      terms,
      termStart: Uint32Array.from(termStart),
      entryField: Uint8Array.from(entryField),
      entryStart: Uint32Array.from(entryStart),
      docs: docs.slice(0, n),
      freqs: freqs.slice(0, n),
    };
  }
}
