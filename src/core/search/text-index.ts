/**
 * One MiniSearch index whose terms live in a TermStore (term-store.ts), plus
 * the per-document numbers ranking needs, in typed arrays: is the document
 * live, its article id, its field lengths. MiniSearch does the writing
 * (tokenising fields, field lengths and averages, add/discard/replace);
 * ranking.ts reads postings and scores them exactly as MiniSearch does.
 *
 * Documents are numbered by MiniSearch ("short ids"); `pack()` renumbers the
 * live ones densely and merges the overlay into the packed base, so memory
 * stays proportional to the archive, not to its history of re-imports.
 */
import MiniSearch, { type Options } from 'minisearch';
import { TermStore, type PackedTerms } from './term-store';

/** What a saved TextIndex holds (persist.ts writes it to disk). */
export interface PackedIndex {
  documentCount: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  /** Article id of each document, by (dense) short id. */
  articleIds: Uint32Array;
  /** Field lengths, `fields` numbers per document. */
  fieldLength: Uint32Array;
  terms: PackedTerms;
}

/** MiniSearch's private fields that this module reads and sets. */
interface Internals {
  _index: unknown;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

export class TextIndex<T extends { id: number }> {
  readonly ms: MiniSearch<T>;
  readonly store: TermStore;
  readonly fields: string[];
  /** 1 for a live document, by short id. */
  live = new Uint8Array(1024);
  /** Article id by short id. */
  articleOf = new Uint32Array(1024);
  /** Field lengths by short id × field. */
  fieldLen: Uint32Array;

  constructor(options: Options<T>, packed?: PackedIndex) {
    this.fields = options.fields;
    this.ms = new MiniSearch<T>({ ...options, autoVacuum: false });
    this.fieldLen = new Uint32Array(1024 * this.fields.length);
    const m = this.internals;
    if (packed) {
      const n = packed.articleIds.length;
      const nf = this.fields.length;
      this.grow(n);
      m._documentCount = packed.documentCount;
      m._nextId = n;
      m._fieldIds = packed.fieldIds;
      m._avgFieldLength = packed.avgFieldLength;
      for (let s = 0; s < n; s++) {
        const id = packed.articleIds[s];
        m._documentIds.set(s, id);
        m._idToShortId.set(id, s);
        m._fieldLength.set(s, Array.from(packed.fieldLength.subarray(s * nf, s * nf + nf)));
        this.live[s] = 1;
        this.articleOf[s] = id;
      }
      this.fieldLen.set(packed.fieldLength);
      this.store = new TermStore(packed.terms);
    } else {
      this.store = new TermStore();
    }
    m._index = this.store;
  }

  private get internals(): Internals {
    return this.ms as unknown as Internals;
  }

  get documentCount(): number {
    return this.ms.documentCount;
  }

  get avgFieldLength(): number[] {
    return this.internals._avgFieldLength;
  }

  fieldId(field: string): number {
    return this.internals._fieldIds[field];
  }

  has(id: number): boolean {
    return this.ms.has(id);
  }

  private grow(n: number): void {
    if (n <= this.live.length) return;
    let cap = this.live.length;
    while (cap < n) cap *= 2;
    const live = new Uint8Array(cap);
    live.set(this.live);
    const articleOf = new Uint32Array(cap);
    articleOf.set(this.articleOf);
    const fieldLen = new Uint32Array(cap * this.fields.length);
    fieldLen.set(this.fieldLen);
    this.live = live;
    this.articleOf = articleOf;
    this.fieldLen = fieldLen;
  }

  /** Add, or replace a document with the same id. */
  upsert(doc: T): void {
    if (this.ms.has(doc.id)) this.discard(doc.id);
    this.ms.add(doc);
    const m = this.internals;
    const s = m._idToShortId.get(doc.id)!;
    this.grow(s + 1);
    this.live[s] = 1;
    this.articleOf[s] = doc.id;
    const lens = m._fieldLength.get(s) ?? [];
    const nf = this.fields.length;
    for (let f = 0; f < nf; f++) this.fieldLen[s * nf + f] = lens[f] ?? 0;
  }

  discard(id: number): void {
    const s = this.internals._idToShortId.get(id);
    if (s === undefined) return;
    this.ms.discard(id);
    this.live[s] = 0;
  }

  /** Postings added or left dead since the last pack (a measure of how much a pack would reclaim). */
  get dirt(): number {
    return this.store.overlayPostings() + this.internals._dirtCount;
  }

  /** Everything, live documents only, densely renumbered: what is saved, and what `fromPacked` loads. */
  pack(): PackedIndex {
    const m = this.internals;
    const nf = this.fields.length;
    const renumber = new Int32Array(m._nextId).fill(-1);
    const articleIds: number[] = [];
    for (let s = 0; s < m._nextId; s++) {
      if (!this.live[s]) continue;
      renumber[s] = articleIds.length;
      articleIds.push(this.articleOf[s]);
    }
    const fieldLength = new Uint32Array(articleIds.length * nf);
    for (let s = 0; s < m._nextId; s++) {
      const d = renumber[s];
      if (d >= 0) fieldLength.set(this.fieldLen.subarray(s * nf, s * nf + nf), d * nf);
    }
    return {
      documentCount: m._documentCount,
      fieldIds: { ...m._fieldIds },
      avgFieldLength: [...m._avgFieldLength],
      articleIds: Uint32Array.from(articleIds),
      fieldLength,
      terms: this.store.pack(renumber),
    };
  }
}
