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
 *
 * The base's terms are UTF-8 bytes end to end in byte order, with offsets
 * (`termBytes`, `termOffset`), found by binary search: loading them is a view
 * of the file, where a list of a million strings and a Map over it took a
 * second or more of the start-up (JSON.parse, then a Map entry per term).
 * A lookup costs ~20 byte comparisons; a query looks up a handful of terms.
 */

/** field id → (MiniSearch short document id → term frequency): MiniSearch's shape. */
export type FieldTermData = Map<number, Map<number, number>>;

/** The packed base: terms, then per term its fields, then per field its postings. */
export interface PackedTerms {
  /** The terms' UTF-8 bytes, one after another, in byte order (= code point order). */
  termBytes: Uint8Array;
  /** Terms + 1 offsets into `termBytes`. */
  termOffset: Uint32Array;
  /** Terms + 1 offsets into the entry arrays. */
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
    termBytes: new Uint8Array(0),
    termOffset: new Uint32Array(1),
    termStart: new Uint32Array(1),
    entryField: new Uint8Array(0),
    entryStart: new Uint32Array(1),
    docs: new Uint32Array(0),
    freqs: new Uint16Array(0),
  };
}

/** The largest frequency a posting holds (a larger one is stored as this). */
export const MAX_FREQ = 0xffff;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** Byte order of `a` against `b[from, to)` (all of `b` by default). */
export function compareBytes(a: Uint8Array, b: Uint8Array, from = 0, to = b.length): number {
  const n = Math.min(a.length, to - from);
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[from + i];
    if (d) return d;
  }
  return a.length - (to - from);
}

export class TermStore {
  private base: PackedTerms;
  private overlay = new Map<string, FieldTermData>();
  private overlayOnly = 0;

  constructor(base: PackedTerms = emptyPacked()) {
    this.base = base;
  }

  /** Number of terms in the base. */
  private get baseCount(): number {
    return this.base.termOffset.length - 1;
  }

  /** The base's index of a term (by its UTF-8 bytes), or -1. */
  private find(term: string | Uint8Array): number {
    const key = typeof term === 'string' ? utf8.encode(term) : term;
    const { termBytes, termOffset } = this.base;
    let lo = 0;
    let hi = this.baseCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(key, termBytes, termOffset[mid], termOffset[mid + 1]);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** The base's term at index `i`. */
  private termAt(i: number): string {
    return fromUtf8.decode(this.base.termBytes.subarray(this.base.termOffset[i], this.base.termOffset[i + 1]));
  }

  /** Number of (term, field) postings in the overlay: how much has changed since the last pack. */
  overlayPostings(): number {
    let n = 0;
    for (const data of this.overlay.values()) for (const m of data.values()) n += m.size;
    return n;
  }

  /** The packed postings of the term in the field: `docs`/`freqs` from `start` to `end` (dead documents included). */
  baseRange(term: string, fieldId: number): { docs: Uint32Array; freqs: Uint16Array; start: number; end: number } | null {
    const ti = this.find(term);
    if (ti < 0) return null;
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
    return this.fieldsAt(this.find(term), this.overlay.get(term));
  }

  /** The field ids of base term `ti` (-1: none) and of its overlay data, ascending. */
  private fieldsAt(ti: number, data: FieldTermData | undefined): number[] {
    const fields = new Set<number>(data?.keys() ?? []);
    if (ti >= 0) for (let e = this.base.termStart[ti]; e < this.base.termStart[ti + 1]; e++) fields.add(this.base.entryField[e]);
    return [...fields].sort((a, b) => a - b);
  }

  // ---- what MiniSearch calls on its `_index` ----

  /** MiniSearch's `addTerm`: the overlay entry of the term, created if missing. */
  fetch(term: string, init: () => FieldTermData): FieldTermData {
    let data = this.overlay.get(term);
    if (!data) {
      data = init();
      this.overlay.set(term, data);
      if (this.find(term) < 0) this.overlayOnly++;
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
    return this.overlay.has(term) || this.find(term) >= 0;
  }

  /** Drops the overlay entry only; base postings of dead documents stay until the next pack. */
  delete(term: string): void {
    if (this.overlay.delete(term) && this.find(term) < 0) this.overlayOnly--;
  }

  get size(): number {
    return this.baseCount + this.overlayOnly;
  }

  *[Symbol.iterator](): IterableIterator<[string, FieldTermData]> {
    for (let i = 0; i < this.baseCount; i++) {
      const term = this.termAt(i);
      yield [term, this.get(term)!];
    }
    for (const term of this.overlay.keys()) if (this.find(term) < 0) yield [term, this.get(term)!];
  }

  atPrefix(): never {
    throw new Error('TermStore: prefix search is off for this index');
  }

  fuzzyGet(): never {
    throw new Error('TermStore: fuzzy search is off for this index');
  }

  /**
   * Base and overlay merged into a new base, keeping only live documents and
   * renumbering them: `renumber[oldShortId]` is the new id, or -1 for a dead
   * document. Terms stay in byte order: the base's (already in order) merged
   * with the overlay's new terms (sorted here).
   */
  pack(renumber: Int32Array): PackedTerms {
    const { base, overlay } = this;
    const cap = base.docs.length + this.overlayPostings();
    // Overlay data by base term index, and the overlay's new terms in byte order.
    const overlayOf = new Map<number, FieldTermData>();
    const added: { bytes: Uint8Array; data: FieldTermData }[] = [];
    for (const [term, data] of overlay) {
      const bytes = utf8.encode(term);
      const ti = this.find(bytes);
      if (ti >= 0) overlayOf.set(ti, data);
      else added.push({ bytes, data });
    }
    added.sort((x, y) => compareBytes(x.bytes, y.bytes, 0, y.bytes.length));
    const termBytes = new Uint8Array(base.termBytes.length + added.reduce((n, a) => n + a.bytes.length, 0));
    const termOffset: number[] = [0];
    let tb = 0;
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
    /** One term: base term `ti` (-1: none) with its overlay `data`; `bytes` its UTF-8. */
    const packTerm = (ti: number, data: FieldTermData | undefined, bytes: Uint8Array) => {
      const entriesBefore = entryField.length;
      for (const f of this.fieldsAt(ti, data)) {
        const start = n;
        if (ti >= 0) {
          for (let e = base.termStart[ti]; e < base.termStart[ti + 1]; e++) {
            if (base.entryField[e] !== f) continue;
            for (let p = base.entryStart[e]; p < base.entryStart[e + 1]; p++) put(base.docs[p], base.freqs[p]);
          }
        }
        const o = data?.get(f);
        if (o) for (const [shortId, freq] of o) put(shortId, freq);
        if (n > start) {
          entryField.push(f);
          entryStart.push(n);
        }
      }
      if (entryField.length > entriesBefore) {
        termBytes.set(bytes, tb);
        tb += bytes.length;
        termOffset.push(tb);
        termStart.push(entryField.length);
      }
    };
    let j = 0;
    for (let ti = 0; ti < this.baseCount; ti++) {
      const from = base.termOffset[ti];
      const to = base.termOffset[ti + 1];
      while (j < added.length && compareBytes(added[j].bytes, base.termBytes, from, to) < 0) {
        packTerm(-1, added[j].data, added[j].bytes);
        j++;
      }
      packTerm(ti, overlayOf.get(ti), base.termBytes.subarray(from, to));
    }
    for (; j < added.length; j++) packTerm(-1, added[j].data, added[j].bytes);
    return {
      termBytes: termBytes.slice(0, tb),
      termOffset: Uint32Array.from(termOffset),
      termStart: Uint32Array.from(termStart),
      entryField: Uint8Array.from(entryField),
      entryStart: Uint32Array.from(entryStart),
      docs: docs.slice(0, n),
      freqs: freqs.slice(0, n),
    };
  }
}
