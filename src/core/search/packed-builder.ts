/**
 * A packed text index written in one pass, for a rebuild: the `PackedIndex` that
 * adding the same documents to an empty TextIndex one by one and then packing it
 * would give (text-index.ts; test/core/rebuild.test.ts checks they are equal),
 * at a fraction of the cost.
 *
 * MiniSearch's `add` keeps a Map per (term, field) and an entry per posting,
 * which a rebuild then packs every few million postings. Here terms are
 * numbered (`intern`; a rebuild looks each word a segmenting thread names up
 * once, text/tokenizer.ts `AheadSegmenter`), and each posting is three numbers
 * appended to typed arrays (term and field as one key, document,
 * frequency), and `build` sorts them once, by the terms' UTF-8 bytes and then
 * field, with a counting sort that keeps documents in the order added. What
 * MiniSearch would record is recorded the same way: short ids in the order of
 * adding, a field's length as its number of distinct tokens, the average field
 * length updated after each document by MiniSearch's own formula (so the float
 * is the same to the last bit), empty tokens counted in a field's length but not
 * indexed, a frequency above 65,535 stored as 65,535.
 */
import type { PackedIndex } from './text-index';
import { compareBytes, MAX_FREQ, type PackedTerms } from './term-store';

const utf8 = new TextEncoder();

/** A typed array that grows as it is written. */
class Column<A extends Uint32Array | Uint16Array> {
  length = 0;

  constructor(public data: A) {}

  push(v: number): void {
    this.reserve(1);
    this.data[this.length++] = v;
  }

  /** Room for `n` more values: `data` may be written up to `length + n` (then set `length`). */
  reserve(n: number): A {
    if (this.length + n > this.data.length) {
      const next = new (this.data.constructor as new (n: number) => A)(Math.max(this.data.length * 2, this.length + n));
      next.set(this.data);
      this.data = next;
    }
    return this.data;
  }
}

const column32 = () => new Column(new Uint32Array(1 << 16));

export class PackedBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per posting: term id × fields + field id; the document's short id; the frequency. */
  private readonly keys = column32();
  private readonly docs = column32();
  /** Capped at 65,535 as they are written (what the packed form holds). */
  private readonly freqs = new Column(new Uint16Array(1 << 16));
  private readonly articleIds = column32();
  private readonly fieldLength = column32();
  private readonly avgFieldLength: number[] = [];
  /** Frequencies of the document being added, by term id, and the terms it touched. */
  private counts = new Uint32Array(1 << 16);
  private readonly touched: number[] = [];

  constructor(private readonly fields: readonly string[]) {}

  /** A term's number (a new one for a term not met before); -1 for the empty term, which is never indexed. */
  intern(term: string): number {
    if (!term) return -1;
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      if (id === this.counts.length) {
        const next = new Uint32Array(this.counts.length * 2);
        next.set(this.counts);
        this.counts = next;
      }
    }
    return id;
  }

  /** The term of a number `intern` gave. */
  termOf(id: number): string {
    return this.terms[id];
  }

  /**
   * Add one document (ids must not repeat: this is for an index built from nothing) by each
   * field's terms, as numbers from `intern`, every field present (the index's documents hold a
   * string in each, so MiniSearch never skips one).
   */
  addTerms(id: number, fields: readonly ArrayLike<number>[]): void {
    const shortId = this.articleIds.length;
    this.articleIds.push(id);
    const nf = this.fields.length;
    for (let f = 0; f < nf; f++) {
      const terms = fields[f];
      let empty = 0;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i];
        if (t < 0) empty = 1;
        else if (this.counts[t]++ === 0) this.touched.push(t);
      }
      // The number of distinct tokens (MiniSearch's `new Set(tokens).size`), the empty one included.
      const length = this.touched.length + empty;
      this.fieldLength.push(length);
      // MiniSearch's addFieldLength, with the count of documents before this one.
      this.avgFieldLength[f] = ((this.avgFieldLength[f] || 0) * shortId + length) / (shortId + 1);
      // In the order first met (`build` sorts them); the three columns written in one loop.
      const { touched, counts } = this;
      const at = this.keys.length;
      const keys = this.keys.reserve(touched.length);
      const docs = this.docs.reserve(touched.length);
      const freqs = this.freqs.reserve(touched.length);
      for (let i = 0; i < touched.length; i++) {
        const t = touched[i];
        keys[at + i] = t * nf + f;
        docs[at + i] = shortId;
        freqs[at + i] = Math.min(counts[t], MAX_FREQ);
        counts[t] = 0;
      }
      this.keys.length = this.docs.length = this.freqs.length = at + touched.length;
      touched.length = 0;
    }
  }

  /** The packed index of everything added. */
  build(): PackedIndex {
    const nf = this.fields.length;
    const nTerms = this.terms.length;
    const bytes = this.terms.map((t) => utf8.encode(t));
    const order = Array.from({ length: nTerms }, (_, i) => i).sort((a, b) => compareBytes(bytes[a], bytes[b]));
    const rank = new Uint32Array(nTerms);
    order.forEach((id, r) => (rank[id] = r));
    // Counting sort of the postings by (term rank, field); stable, so documents stay ascending.
    const slots = nTerms * nf;
    const start = new Uint32Array(slots + 1);
    const n = this.keys.length;
    const { data: keys } = this.keys;
    const slotOf = (k: number) => rank[(k / nf) | 0] * nf + (k % nf);
    for (let p = 0; p < n; p++) start[slotOf(keys[p]) + 1]++;
    for (let s = 0; s < slots; s++) start[s + 1] += start[s];
    const docs = new Uint32Array(n);
    const freqs = new Uint16Array(n);
    const at = start.slice(0, slots);
    for (let p = 0; p < n; p++) {
      const q = at[slotOf(keys[p])]++;
      docs[q] = this.docs.data[p];
      freqs[q] = this.freqs.data[p];
    }
    const termBytes = new Uint8Array(bytes.reduce((sum, b) => sum + b.length, 0));
    const termOffset = new Uint32Array(nTerms + 1);
    const termStart = new Uint32Array(nTerms + 1);
    const entryField: number[] = [];
    const entryStart: number[] = [0];
    let tb = 0;
    // Only terms with postings: a term numbered (`intern`) but never added to a document is left out.
    let written = 0;
    for (let r = 0; r < nTerms; r++) {
      const before = entryField.length;
      for (let f = 0; f < nf; f++) {
        const s = r * nf + f;
        if (start[s + 1] === start[s]) continue;
        entryField.push(f);
        entryStart.push(start[s + 1]);
      }
      if (entryField.length === before) continue;
      const b = bytes[order[r]];
      termBytes.set(b, tb);
      tb += b.length;
      termOffset[++written] = tb;
      termStart[written] = entryField.length;
    }
    const terms: PackedTerms = {
      termBytes: termBytes.slice(0, tb),
      termOffset: termOffset.slice(0, written + 1),
      termStart: termStart.slice(0, written + 1),
      entryField: Uint8Array.from(entryField),
      entryStart: Uint32Array.from(entryStart),
      docs,
      freqs,
    };
    return {
      documentCount: this.articleIds.length,
      fieldIds: Object.fromEntries(this.fields.map((f, i) => [f, i])),
      avgFieldLength: [...this.avgFieldLength],
      articleIds: this.articleIds.data.slice(0, this.articleIds.length),
      fieldLength: this.fieldLength.data.slice(0, this.fieldLength.length),
      terms,
    };
  }
}
